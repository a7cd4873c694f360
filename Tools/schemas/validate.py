#!/usr/bin/env python3
"""Validate `history` JSON output against the published schemas in docs/schemas.

    history facts --format ndjson | python3 Tools/schemas/validate.py fact --lines
    history trend grand.total --format json | python3 Tools/schemas/validate.py trend
    history diff 2023 2024 --format json | python3 Tools/schemas/validate.py diff

NAME is one of fact (a line of `facts --format ndjson`), facts, trend, keys, units, timeline, diff,
execution, check, coverage or replay: the output of `history NAME --format json`. Shapes several
outputs share (evidence, figure, document, reason, transfer, rule ids) are in common.schema.json.

Prints nothing and exits 0 when every document is valid; else prints each error (with the line
of an NDJSON input) and exits 1. Needs python3's jsonschema (`pip install jsonschema`).
"""
import argparse
import json
import pathlib
import sys

import jsonschema

SCHEMAS = pathlib.Path(__file__).resolve().parents[2] / "docs" / "schemas"
# Every output with a schema; common.schema.json only holds shapes the others refer to.
NAMES = ["fact", "facts", "trend", "keys", "units", "timeline", "diff", "execution", "check", "coverage", "replay"]


def validator(name):
    schemas = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in SCHEMAS.glob("*.schema.json")}
    schema = schemas[f"{name}.schema.json"]
    try:  # jsonschema 4.18 and later resolve $ref through a registry
        from referencing import Registry, Resource
        registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas.values())
        return jsonschema.Draft202012Validator(schema, registry=registry)
    except ImportError:
        resolver = jsonschema.RefResolver.from_schema(schema, store={s["$id"]: s for s in schemas.values()})
        return jsonschema.Draft202012Validator(schema, resolver=resolver)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0], epilog=__doc__.split("\n\n")[2],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("schema", choices=NAMES, metavar="NAME",
                        help=", ".join(NAMES) + " (docs/schemas/NAME.schema.json)")
    parser.add_argument("--lines", action="store_true", help="the input is NDJSON: validate every line")
    arguments = parser.parse_args()
    check = validator(arguments.schema)
    text = sys.stdin.read()
    documents = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line] if arguments.lines else [(1, text)]
    failed = False
    for number, document in documents:
        for error in check.iter_errors(json.loads(document)):
            failed = True
            where = "/".join(map(str, error.absolute_path))
            print(f"line {number}: {where or '(document)'}: {error.message}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
