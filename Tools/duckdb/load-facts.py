#!/usr/bin/env python3
"""Load `history facts --format csv` into DuckDB and compute what `history trend KEY` shows.

    history facts --format csv > facts.csv
    python3 Tools/duckdb/load-facts.py facts.csv --db facts.duckdb        # a table `facts` to query
    python3 Tools/duckdb/load-facts.py facts.csv --trend expense.total    # CSV: unit_key,year,kind,code,yuan

The CSV's types are given, not guessed: codes (201, 2010301) are VARCHAR (a guess makes them
integers), amounts DECIMAL(18,2) (exact; a guess makes them DOUBLE), years and lines INTEGER.
`--trend` chooses one value per unit, year, kind and code as `history trend` does: the year's own
document before a later one's implication, a table before a sentence, then the earlier document
and line. (`trend` also leaves out documents a later filing of the same unit and year replaced;
a store where units refiled a year can differ there.)
"""
import argparse
import sys

import duckdb

# Every column whose type a sniffer would get wrong, or round through binary floating point.
TYPES = {
    "schema": "INTEGER", "year": "INTEGER", "code": "VARCHAR", "name": "VARCHAR", "value": "VARCHAR",
    "measure": "VARCHAR", "first_line": "INTEGER", "last_line": "INTEGER", "base_year": "INTEGER",
    "delta": "DECIMAL(18,2)", "pct": "DECIMAL(18,2)", "share": "DECIMAL(18,2)",
    "amount": "DECIMAL(18,2)", "yuan": "DECIMAL(18,2)", "value_text": "VARCHAR",
    "page": "INTEGER", "doc_year": "INTEGER", "ordinal": "INTEGER",
}

TREND = """
SELECT unit_key, year, kind, coalesce(code, '') AS code, yuan
FROM facts
WHERE key = $key
QUALIFY row_number() OVER (
    PARTITION BY unit_key, year, kind, coalesce(code, '')
    ORDER BY (doc_year <> year), CASE origin WHEN 'table' THEN 0 WHEN 'narrative' THEN 1 ELSE 2 END,
             doc_year, first_line) = 1
ORDER BY unit_key, code, kind, year
"""


def load(connection, path):
    types = ", ".join(f"'{column}': '{kind}'" for column, kind in TYPES.items())
    connection.execute(f"CREATE OR REPLACE TABLE facts AS SELECT * FROM read_csv(?, header = true, types = {{{types}}})", [path])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("facts", help="the output of `history facts --format csv` (with or without --bom)")
    parser.add_argument("--db", default=":memory:", help="DuckDB database file to write (default: in memory)")
    parser.add_argument("--trend", metavar="KEY", help="print the per-unit, per-year values of KEY as CSV")
    arguments = parser.parse_args()
    connection = duckdb.connect(arguments.db)
    load(connection, arguments.facts)
    if arguments.trend:
        print("unit_key,year,kind,code,yuan")
        for unit_key, year, kind, code, yuan in connection.execute(TREND, {"key": arguments.trend}).fetchall():
            print(f"{unit_key},{year},{kind},{code},{'' if yuan is None else f'{yuan:.2f}'}")
    else:
        count = connection.execute("SELECT count(*) FROM facts").fetchone()[0]
        print(f"{count} facts in table `facts` of {arguments.db}", file=sys.stderr)


if __name__ == "__main__":
    main()
