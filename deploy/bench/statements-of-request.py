#!/usr/bin/env python3
"""Reads a stretch of PostgreSQL's log (log_min_duration_statement = 0, log_line_prefix '%m [%p] %u ') on stdin and
prints, as JSON, the statements the app's role (backline_app) executed in it, each with its logged parameters put
back in as SQL literals, in the order they ran: {"statements": [...], "bytes": <argv[1]>}. Transaction control
(BEGIN, COMMIT, ...) is left out: the reader runs the statements in a transaction of its own.
Used by deploy/bench/run.sh to give the stack's floor the same work as a Backline page (floor-work/)."""
import json
import re
import sys

ROLE = "backline_app"
entry_start = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \S+ \[(\d+)\] (\S*) (LOG|DETAIL|ERROR|STATEMENT|HINT|CONTEXT|WARNING):  ")
executed = re.compile(r"^duration: [\d.]+ ms  (?:execute [^:]*|statement): (.*)$", re.S)
parameter = re.compile(r"\$(\d+) = ('(?:[^']|'')*'|NULL)")
placeholder = re.compile(r"\$(\d+)\b")
fraction = re.compile(r"^'-?\d+\.\d+(e[-+]?\d+)?'$", re.I)
transaction_control = re.compile(r"^\s*(begin|commit|rollback|savepoint|release|start transaction)\b", re.I)

entries = []  # (pid, role, kind, text)
for line in sys.stdin.read().splitlines():
    m = entry_start.match(line)
    if m:
        entries.append([m.group(1), m.group(2), m.group(3), line[m.end():]])
    elif entries:
        entries[-1][3] += "\n" + line.lstrip("\t")

statements = []
for i, (pid, role, kind, text) in enumerate(entries):
    if role != ROLE or kind != "LOG":
        continue
    m = executed.match(text)
    if not m or transaction_control.match(m.group(1)):
        continue
    sql = m.group(1)
    values = {}
    following = [e for e in entries[i + 1:i + 4] if e[0] == pid]
    if following and following[0][2] == "DETAIL" and following[0][3].startswith("parameters: "):
        values = {n: v for n, v in parameter.findall(following[0][3])}
    def literal(match):
        if match.group(1) not in values:
            sys.exit(f"no value logged for ${match.group(1)} of: {sql[:200]}")
        value = values[match.group(1)]
        # A quoted literal takes its type from where it stands, but not inside array[...]: a fraction (the
        # directory's coordinates, bound as float8) goes in as a number.
        return value[1:-1] if fraction.match(value) else value
    statements.append(placeholder.sub(literal, sql))

if not statements:
    sys.exit("no statement of " + ROLE + " in the log")
print(json.dumps({"statements": statements, "bytes": int(sys.argv[1])}, indent=1))
