#!/usr/bin/python3
"""Checks a history store from outside our code (python3-lmdb), after a crash or a race.

Usage: check_store.py STORE [--corpus DIR] [--complete]

A store passes when:
- it opens, and is either a whole store (events, blobs, meta with store-format 1,
  projection/documents) or an LMDB file where nothing was ever committed (a creation killed
  before its first commit; the next import makes it a store);
- the log's keys run 1..N without gaps and every envelope decodes;
- every document is wholly there or not at all: each blob's key is the SHA-256 of its bytes,
  each blob has exactly one DocumentImported, followed at once by its DocumentParsed or
  DocumentParseFailed (replay may add later ones), and no event names a hash without a blob;
- projection/documents holds one record per blob, pointing at its import and latest parse;
- every projection checkpoint equals the log's last sequence;
- with --corpus: every blob is the bytes of a file under DIR (nothing foreign, nothing
  half-written); with --complete also every file under DIR is stored.

Prints one JSON line of figures; exits 1 with the problems on stderr when any check fails.
"""
import argparse, hashlib, json, os, struct, sys

import lmdb

PARSE_EVENTS = {"DocumentParsed", "DocumentParseFailed"}


def corpus_hashes(directory):
    hashes = {}
    for root, _, files in os.walk(directory):
        for name in files:
            if name.endswith((".txt", ".pdf")):
                path = os.path.join(root, name)
                with open(path, "rb") as f:
                    hashes[hashlib.sha256(f.read()).hexdigest()] = path
    return hashes


def document_record(value):
    """The import and latest parse sequences of a projection/documents value (README "On-disk
    format": format byte 1, hash, source names, media type, size, import sequence, presence byte,
    then the latest parse sequence when bit 0 is set)."""
    offset = 0

    def varint():
        nonlocal offset
        result, shift = 0, 0
        while True:
            byte = value[offset]
            offset += 1
            result |= (byte & 0x7F) << shift
            if byte < 0x80:
                return result
            shift += 7

    def skip_string():
        nonlocal offset
        length = varint()
        offset += length

    if value[:1] != b"\x01":
        raise ValueError(f"unknown record format {value[:1].hex()}")
    offset = 1 + 32
    for _ in range(varint()):
        skip_string()
    skip_string()
    varint()
    imported = varint()
    flags = value[offset]
    offset += 1
    latest = varint() if flags & 1 else None
    return {"importedSequence": imported, "latestParseSequence": latest}


def check(store, corpus=None, complete=False):
    problems = []
    data = os.path.join(store, "data.mdb")
    if not os.path.exists(data) or os.path.getsize(data) == 0:
        # Killed before mdb_env_open wrote the file: no store yet (liblmdb starts an empty file afresh).
        if complete:
            problems.append("there is no store but --complete expects every document")
        return {"state": "absent", "documents": 0, "events": 0}, problems
    env = lmdb.open(store, max_dbs=64, readonly=True, lock=True, subdir=True)
    with env.begin() as txn:
        names = {key.decode() for key, _ in txn.cursor()}
    if not names:
        figures = {"state": "empty", "documents": 0, "events": 0}
        if complete:
            problems.append("the store is empty but --complete expects every document")
        return figures, problems
    for wanted in ("events", "blobs", "meta", "projection/documents"):
        if wanted not in names:
            problems.append(f"database {wanted} is missing (have {sorted(names)})")
    if problems:
        return {"state": "damaged"}, problems

    events_db = env.open_db(b"events", create=False)
    blobs_db = env.open_db(b"blobs", create=False)
    meta_db = env.open_db(b"meta", create=False)
    documents_db = env.open_db(b"projection/documents", create=False)
    with env.begin() as txn:
        format_bytes = txn.get(b"store-format", db=meta_db)
        if format_bytes is None or struct.unpack(">I", format_bytes)[0] != 1:
            problems.append(f"store-format is {format_bytes!r}, expected 1")

        imported, parsed, order = {}, {}, []
        expected = 1
        for key, value in txn.cursor(db=events_db):
            (sequence,) = struct.unpack(">Q", key)
            if sequence != expected:
                problems.append(f"sequence {sequence} follows {expected - 1}: a gap")
            expected = sequence + 1
            envelope, version, _, n = struct.unpack(">BHqB", value[:12])
            kind = value[12:12 + n].decode()
            payload = json.loads(value[12 + n:])
            digest = payload.get("contentHash")
            order.append((sequence, kind, digest))
            if kind == "DocumentImported":
                imported.setdefault(digest, []).append(sequence)
            elif kind in PARSE_EVENTS:
                parsed.setdefault(digest, []).append(sequence)
        last = expected - 1

        blobs = {}
        for key, value in txn.cursor(db=blobs_db):
            digest = key.hex()
            if hashlib.sha256(value).hexdigest() != digest:
                problems.append(f"blob {digest[:12]} does not hash to its key: damaged bytes")
            blobs[digest] = len(value)

        for digest in blobs:
            imports, parses = imported.get(digest, []), parsed.get(digest, [])
            if len(imports) != 1:
                problems.append(f"blob {digest[:12]} has {len(imports)} DocumentImported events, expected 1")
            # Later parse events come from `history replay`; the import's own is the next event.
            if not parses:
                problems.append(f"blob {digest[:12]} has no parse event")
            if len(imports) == 1 and parses and parses[0] != imports[0] + 1:
                problems.append(f"blob {digest[:12]}: parse event {parses[0]} does not follow its import {imports[0]}")
        for digest in set(imported) | set(parsed):
            if digest not in blobs:
                problems.append(f"events name {digest[:12]} but its bytes are not stored: half an import")

        records = {}
        for key, value in txn.cursor(db=documents_db):
            records[key.hex()] = document_record(bytes(value))
        if set(records) != set(blobs):
            problems.append(f"projection/documents has {len(records)} records for {len(blobs)} blobs")
        for digest, record in records.items():
            if imported.get(digest, [None])[0] != record.get("importedSequence"):
                problems.append(f"record {digest[:12]} points at import {record.get('importedSequence')}, log has {imported.get(digest)}")
            if parsed.get(digest, [None])[-1] != record.get("latestParseSequence"):
                problems.append(f"record {digest[:12]} points at parse {record.get('latestParseSequence')}, log has {parsed.get(digest)}")

        checkpoints = {}
        for key, value in txn.cursor(db=meta_db):
            if key.startswith(b"checkpoint/"):
                version, folded = struct.unpack(">IQ", value)
                checkpoints[key[len(b"checkpoint/"):].decode()] = folded
                if folded != last:
                    problems.append(f"projection {key[11:].decode()} folded to {folded}, the log ends at {last}")
        if last > 0 and "documents" not in checkpoints:
            problems.append("no checkpoint for projection documents")

    if corpus is not None:
        files = corpus_hashes(corpus)
        foreign = [d for d in blobs if d not in files]
        if foreign:
            problems.append(f"{len(foreign)} blobs are no file of the corpus, e.g. {foreign[0][:12]}")
        if complete:
            missing = [path for digest, path in files.items() if digest not in blobs]
            if missing:
                problems.append(f"{len(missing)} corpus files are not stored, e.g. {missing[0]}")
    failed = sum(1 for sequence, kind, _ in order if kind == "DocumentParseFailed")
    figures = {"state": "store", "documents": len(blobs), "events": last, "parse_failed": failed,
               "checkpoints": checkpoints}
    return figures, problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("store")
    parser.add_argument("--corpus")
    parser.add_argument("--complete", action="store_true")
    arguments = parser.parse_args()
    try:
        figures, problems = check(arguments.store, arguments.corpus, arguments.complete)
    except lmdb.Error as error:
        figures, problems = {"state": "unopenable"}, [f"python3-lmdb cannot open the store: {error}"]
    print(json.dumps(figures, sort_keys=True))
    for problem in problems:
        print(f"check_store: {arguments.store}: {problem}", file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
