"""The search cache's parts: each shard's finished output, kept in ``<cache_dir>/search/parts/``.

A warm build whose edit touched one meeting rebuilds one shard; every other shard is copied from its
part instead of being weighted, serialised and written again. A part is one file per shard number,
``<n>.part``: a JSON header line, then the body. The body holds the shard's ``s/<n>.json`` bytes,
its store chunks' bytes, and what the rest of the build takes from the shard: the terms of its
inverted index (for the routing), each term's rounded IDF (in steps of 1/20) and the term's packed
postings entries (:mod:`.postings`).

The header names what the output depends on (:func:`matches`): the digest of the shard's documents
(their pickled bytes), the shard's number and first store chunk, the rounded statistics every shard
shares (:meth:`.lunr_index.Stats.key`), the data :data:`.shards.FORMAT` and Minutebook's code. A
part is used only when all of these are the same, when every term's rounded IDF is still the one
stored, and when the body has the size and SHA-256 its header gives: a damaged or stale part is
ignored, and the shard is built and its part written again. Writing a part never fails a build.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
from array import array
from dataclasses import dataclass
from pathlib import Path

from minutebook.load.filecache import code_version

SUFFIX = ".part"


@dataclass
class Part:
    """One shard's finished output."""

    key: dict  # what the output depends on (every field but the body's size and digest)
    shard: bytes  # the s/<n>.json file
    chunks: list[tuple[int, bytes]]  # the store files t/<n>.json: (number, bytes)
    chunk_counts: list[int]  # store chunks per kind
    terms: list[str]  # the inverted index's terms, in its order
    idf: array  # each term's rounded IDF, in steps
    counts: array  # each term's number of postings entries
    entries: array  # the packed entries, term after term


def digest(blobs: list[bytes]) -> str:
    """The digest of a shard's documents (their pickled bytes, in the shard's order)."""
    h = hashlib.sha256()
    for blob in blobs:
        h.update(len(blob).to_bytes(8, "big") + blob)
    return h.hexdigest()


def key(data_format: int, documents: str, number: int, first: int, stats: list) -> dict:
    return {
        "format": data_format,
        "code": code_version().hex(),
        "documents": documents,
        "number": number,
        "first": first,
        "stats": stats,
    }


def path(folder: Path, number: int) -> Path:
    return folder / f"{number}{SUFFIX}"


def read(folder: Path, wanted: dict) -> Part | None:
    """The part of shard ``wanted["number"]`` when its header is ``wanted`` and its body is whole;
    None otherwise (no part, another shard's output, or damaged)."""
    try:
        raw = path(folder, wanted["number"]).read_bytes()
    except OSError:
        return None
    end = raw.find(b"\n")
    try:
        header = json.loads(raw[:end]) if end > 0 else None
    except ValueError:
        return None
    if not isinstance(header, dict) or header.get("key") != wanted:
        return None
    body = memoryview(raw)[end + 1 :]
    layout = header.get("layout")
    if (
        header.get("size") != len(body)
        or header.get("sha256") != hashlib.sha256(body).hexdigest()
        or not isinstance(layout, dict)
    ):
        return None
    try:
        pieces = [int(n) for n in layout["pieces"]]
        if any(n < 0 for n in pieces) or sum(pieces) != len(body) or len(pieces) != 5 + len(layout["chunks"]):
            return None
        cuts = itertools.accumulate(pieces, initial=0)
        blocks = [bytes(body[a:b]) for a, b in itertools.pairwise(cuts)]
        shard, terms_json, idf_raw, counts_raw, entries_raw = blocks[0], *blocks[-4:]
        terms = json.loads(terms_json)
        idf, counts, entries = array("i"), array("i"), array("q")
        idf.frombytes(idf_raw)
        counts.frombytes(counts_raw)
        entries.frombytes(entries_raw)
        chunks = [(int(n), blob) for n, blob in zip(layout["chunks"], blocks[1:-4], strict=True)]
        chunk_counts = [int(n) for n in layout["chunk_counts"]]
    except (KeyError, TypeError, ValueError):
        return None
    if not (isinstance(terms, list) and len(terms) == len(idf) == len(counts) and sum(counts) == len(entries)):
        return None
    return Part(wanted, shard, chunks, chunk_counts, terms, idf, counts, entries)


def write(folder: Path, part: Part) -> bool:
    """Keep ``part`` (replacing the shard number's part before); False when the cache cannot be
    written (the build goes on without it)."""
    pieces = [
        part.shard,
        *(blob for _, blob in part.chunks),
        json.dumps(part.terms, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
        part.idf.tobytes(),
        part.counts.tobytes(),
        part.entries.tobytes(),
    ]
    body = b"".join(pieces)
    header = {
        "key": part.key,
        "size": len(body),
        "sha256": hashlib.sha256(body).hexdigest(),
        "layout": {
            "pieces": [len(p) for p in pieces],
            "chunks": [n for n, _ in part.chunks],
            "chunk_counts": part.chunk_counts,
        },
    }
    target = path(folder, part.key["number"])
    temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(temporary, "wb") as f:
            f.write(json.dumps(header, separators=(",", ":")).encode() + b"\n")
            f.write(body)
        os.replace(temporary, target)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
        return False
    return True


def prune(folder: Path, shards: int) -> None:
    """Remove the parts of shard numbers the current build does not have (and stray files)."""
    with contextlib.suppress(OSError):
        for other in folder.iterdir():
            stem = other.name.removesuffix(SUFFIX)
            used = other.name.endswith(SUFFIX) and stem.isdigit() and int(stem) < shards
            if not used and other.is_file() and not other.name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    other.unlink()
