#!/usr/bin/env python3
"""Reads a stretch of PostgreSQL's log (the default log_line_prefix '%m [%p] '; log_min_duration_statement = 0 for the
app's role only) on stdin and prints, as JSON, the statements executed in it, each with its logged parameters put
back in as SQL literals, in the order they ran: {"statements": [...], "bytes": <argv[1]>}. Transaction control
(BEGIN, COMMIT, ...) and empty statements (a pool's validity check) are left out: the reader runs the statements in a
transaction of its own. None at all is an answer too: a page whose data the app knew.
Used by deploy/bench/run.sh to give the stack's floor the same work as a Backline page (floor-work/)."""
import json
import re
import sys

entry_start = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \S+ \[(\d+)\] (LOG|DETAIL|ERROR|STATEMENT|HINT|CONTEXT|WARNING):  ")
executed = re.compile(r"^duration: [\d.]+ ms  (?:execute [^:]*|statement): (.*)$", re.S)
parameter = re.compile(r"\$(\d+) = ('(?:[^']|'')*'|NULL)")
placeholder = re.compile(r"\$(\d+)\b")
fraction = re.compile(r"^'-?\d+\.\d+(e[-+]?\d+)?'$", re.I)
transaction_control = re.compile(r"^\s*(begin|commit|rollback|savepoint|release|start transaction)\b", re.I)

entries = []  # (pid, kind, text)
for line in sys.stdin.read().splitlines():
    m = entry_start.match(line)
    if m:
        entries.append([m.group(1), m.group(2), line[m.end():]])
    elif entries:
        entries[-1][2] += "\n" + line.lstrip("\t")

statements = []
for i, (pid, kind, text) in enumerate(entries):
    if kind != "LOG":
        continue
    m = executed.match(text)
    if not m or not m.group(1).strip() or transaction_control.match(m.group(1)):
        continue
    sql = m.group(1)
    values = {}
    following = [e for e in entries[i + 1:i + 4] if e[0] == pid]
    if following and following[0][1] == "DETAIL" and following[0][2].startswith("parameters: "):
        values = {n: v for n, v in parameter.findall(following[0][2])}
    def literal(match):
        if match.group(1) not in values:
            sys.exit(f"no value logged for ${match.group(1)} of: {sql[:200]}")
        value = values[match.group(1)]
        # A quoted literal takes its type from where it stands, but not inside array[...]: a fraction (the
        # directory's coordinates, bound as float8) goes in as a number.
        return value[1:-1] if fraction.match(value) else value
    statements.append(placeholder.sub(literal, sql))

print(json.dumps({"statements": statements, "bytes": int(sys.argv[1])}, indent=1))
