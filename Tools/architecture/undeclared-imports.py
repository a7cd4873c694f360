#!/usr/bin/env python3
"""List every module a target imports without declaring it in Package.swift (issue 19).

usage: python3 Tools/architecture/undeclared-imports.py [PACKAGE_DIR]

Prints one line per undeclared import (target, module, file) and exits 1 when there is any.
System modules (Foundation, Glibc, Testing, …) and a target's own module are not counted; a
product of another package counts under its product name (ArgumentParser, Crypto).
"""
import os
import re
import sys

SYSTEM = {"Foundation", "FoundationXML", "FoundationNetworking", "Glibc", "Darwin", "Dispatch", "Testing", "XCTest",
          "Synchronization", "Swift", "os"}

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
manifest = re.sub(r"//[^\n]*", "", open(os.path.join(root, "Package.swift"), encoding="utf-8").read())

targets = {}
for match in re.finditer(r'\.(target|executableTarget|testTarget|systemLibrary)\(\s*name:\s*"([^"]+)"(.*?)\)\s*,\s*(?=\.|\])', manifest, re.S):
    kind, name, rest = match.groups()
    dependencies = set(re.findall(r'"([^"]+)"', re.search(r'dependencies:\s*\[(.*?)\]', rest, re.S).group(1))) \
        if "dependencies:" in rest else set()
    products = set(re.findall(r'\.product\(name:\s*"([^"]+)"', rest))
    path = re.search(r'path:\s*"([^"]+)"', rest)
    folder = path.group(1) if path else os.path.join("Tests" if kind == "testTarget" else "Sources", name)
    targets[name] = (folder, (dependencies - {"swift-argument-parser", "swift-crypto"}) | products)

undeclared = []
for name, (folder, declared) in sorted(targets.items()):
    for directory, _, files in os.walk(os.path.join(root, folder)):
        for file in files:
            if not file.endswith(".swift"):
                continue
            text = open(os.path.join(directory, file), encoding="utf-8").read()
            # Swift modules are capitalised; a lowercase "import json" is Python inside a test's string.
            for module in re.findall(r'^\s*(?:@testable\s+)?import\s+(?:(?:struct|class|enum|func)\s+)?([A-Z]\w*)', text, re.M):
                if module in SYSTEM or module == name or module in declared:
                    continue
                undeclared.append(f"{name} imports {module} without declaring it ({os.path.relpath(os.path.join(directory, file), root)})")

for line in sorted(set(undeclared)):
    print(line)
sys.exit(1 if undeclared else 0)
