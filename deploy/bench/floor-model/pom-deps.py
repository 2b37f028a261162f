#!/usr/bin/env python3
"""Gives the floor's pom.xml Backline's runtime dependencies, those the floor lacks, so both start the same stack.

usage: pom-deps.py <floor-pom> <backline-pom> <backline-lib-dir>

Each added dependency without a version gets the one Backline's build packaged (its quarkus-app/lib/main), as the
floor's dependency tree can settle on another.
"""
import os
import re
import sys

floor_path, backline_path, lib_dir = sys.argv[1:4]
packaged = os.listdir(lib_dir)
floor, backline = open(floor_path).read(), open(backline_path).read()
properties = dict(re.findall(r"<([\w.-]+)>([^<]*)</\1>", re.search(r"<properties>(.*?)</properties>", backline, re.S).group(1)))
main_deps = re.search(r"</dependencyManagement>\s*<dependencies>(.*?)</dependencies>", backline, re.S).group(1)
added = []
for dep in re.findall(r"<dependency>.*?</dependency>", main_deps, re.S):
    artifact = re.search(r"<artifactId>([^<]+)</artifactId>", dep).group(1)
    if "<scope>test</scope>" in dep or f"<artifactId>{artifact}</artifactId>" in floor:
        continue
    dep = re.sub(r"\$\{([\w.-]+)\}", lambda m: properties.get(m.group(1), m.group(0)), dep)
    if "<version>" not in dep:
        group = re.search(r"<groupId>([^<]+)</groupId>", dep).group(1)
        jar = next((j for j in packaged if re.fullmatch(re.escape(f"{group}.{artifact}-") + r"[0-9][^-]*(-[A-Za-z0-9.]+)?\.jar", j)), None)
        if jar:
            version = jar[len(f"{group}.{artifact}-"):-len(".jar")]
            dep = dep.replace("</artifactId>", f"</artifactId><version>{version}</version>", 1)
    added.append(dep)
floor = re.sub(r"(</dependencyManagement>\s*<dependencies>)", lambda m: m.group(1) + "\n    " + "\n    ".join(added), floor, count=1)
open(floor_path, "w").write(floor)
print(len(added), "dependencies added")
