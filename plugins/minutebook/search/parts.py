"""The search cache's parts: each shard's finished output, kept in ``<cache_dir>/search/parts/``.

A warm build whose edit touched one meeting rebuilds one shard; every other shard is copied from its
part instead of being weighted, serialised and written again. A part is one file per shard number,
``<n>.part``: a JSON header line, then the body. The body's head holds what the archive-wide
statistics take from the shard (the terms of its inverted index and their document frequencies;
the header gives its documents and field lengths), so that a warm build counts the words of the
changed shards only; then each term's rounded IDF (in steps of 1/20) and packed postings entries
(:mod:`.postings`), the shard's ``s/<n>.json`` bytes and its store chunks' bytes.

The header names what the output depends on (:func:`key`): the digest of the shard's documents
(their pickled bytes), the shard's number and first store chunk, the rounded statistics every shard
shares (:meth:`.lunr_index.Stats.key`), the data :data:`.shards.FORMAT` and Minutebook's code. A
part is used only when all of these are the same, when every term's rounded IDF is still the one
stored, and when the body has the size and SHA-256 its header gives (the header is sealed by its
own digest, and the body's head has its own): a damaged or stale part is
ignored, and the shard is built and its part written again. The statistics read the header and
the head alone. Writing a part never fails a build.
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
    df: array  # each term's document frequency in the shard (lunr's: once for each field)
    lengths: list[int]  # the shard's sum of each field's length
    count: int  # the shard's documents
    idf: array  # each term's rounded IDF, in steps
    counts: array  # each term's number of postings entries
    entries: array  # the packed entries, term after term


@dataclass
class Counts:
    """What the archive-wide statistics take from a shard: its documents, field lengths and terms."""

    documents: int
    lengths: list[int]
    terms: list[str]
    df: array


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


SAME_DOCUMENTS = ("format", "code", "documents", "number")  # what the shard's counts depend on


def path(folder: Path, number: int) -> Path:
    return folder / f"{number}{SUFFIX}"


def _sealed(header: dict) -> str:
    """The digest of a header's other fields (so a changed layout is noticed too)."""
    rest = {name: value for name, value in header.items() if name != "seal"}
    return hashlib.sha256(json.dumps(rest, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def _header(raw: bytes) -> dict | None:
    try:
        header = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(header, dict) or not isinstance(header.get("key"), dict) or header.get("seal") != _sealed(header):
        return None
    return header


def _counts(header: dict, head: bytes) -> Counts | None:
    """The counts from the head of a body (its terms and their frequencies), checked."""
    try:
        layout = header["layout"]
        terms_size = int(layout["terms"])
        if header["head"] != [len(head), hashlib.sha256(head).hexdigest()] or not 0 <= terms_size <= len(head):
            return None
        terms = json.loads(head[:terms_size])
        df = array("i")
        df.frombytes(head[terms_size:])
        counts = Counts(int(layout["documents"]), [int(n) for n in layout["lengths"]], terms, df)
    except (KeyError, TypeError, ValueError):
        return None
    return counts if isinstance(counts.terms, list) and len(counts.terms) == len(df) else None


def read_counts(folder: Path, wanted: dict) -> Counts | None:
    """The counts of shard ``wanted["number"]`` when its part was made from the same documents
    (whatever the statistics then): read from the head of the part only, and checked."""
    try:
        with open(path(folder, wanted["number"]), "rb") as f:
            header = _header(f.readline())
            if header is None or any(header["key"].get(k) != wanted[k] for k in SAME_DOCUMENTS):
                return None
            size = header["head"][0]
            head = f.read(size) if isinstance(size, int) and size > 0 else b""
    except (OSError, KeyError, TypeError, IndexError):
        return None
    return _counts(header, head)


def read(folder: Path, wanted: dict) -> Part | None:
    """The part of shard ``wanted["number"]`` when its header is ``wanted`` and its body is whole;
    None otherwise (no part, another shard's output, or damaged)."""
    try:
        raw = path(folder, wanted["number"]).read_bytes()
    except OSError:
        return None
    end = raw.find(b"\n")
    header = _header(raw[:end]) if end > 0 else None
    if header is None or header["key"] != wanted:
        return None
    body = memoryview(raw)[end + 1 :]
    if header.get("size") != len(body) or header.get("sha256") != hashlib.sha256(body).hexdigest():
        return None
    try:
        layout = header["layout"]
        head = int(header["head"][0])
        pieces = [int(n) for n in layout["pieces"]]
        if any(n < 0 for n in pieces) or head + sum(pieces) != len(body) or len(pieces) != 4 + len(layout["chunks"]):
            return None
        counts = _counts(header, bytes(body[:head]))
        cuts = itertools.accumulate(pieces, initial=head)
        blocks = [bytes(body[a:b]) for a, b in itertools.pairwise(cuts)]
        idf, numbers, entries = array("i"), array("i"), array("q")
        idf.frombytes(blocks[0])
        numbers.frombytes(blocks[1])
        entries.frombytes(blocks[2])
        chunks = [(int(n), blob) for n, blob in zip(layout["chunks"], blocks[4:], strict=True)]
        chunk_counts = [int(n) for n in layout["chunk_counts"]]
    except (KeyError, TypeError, ValueError, IndexError):
        return None
    if counts is None or not (len(counts.terms) == len(idf) == len(numbers) and sum(numbers) == len(entries)):
        return None
    return Part(
        key=wanted,
        shard=blocks[3],
        chunks=chunks,
        chunk_counts=chunk_counts,
        terms=counts.terms,
        df=counts.df,
        lengths=counts.lengths,
        count=counts.documents,
        idf=idf,
        counts=numbers,
        entries=entries,
    )


def write(folder: Path, part: Part) -> bool:
    """Keep ``part`` (replacing the shard number's part before); False when the cache cannot be
    written (the build goes on without it)."""
    terms = json.dumps(part.terms, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    head = terms + part.df.tobytes()
    pieces = [part.idf.tobytes(), part.counts.tobytes(), part.entries.tobytes(), part.shard]
    pieces += [blob for _, blob in part.chunks]
    body = head + b"".join(pieces)
    header = {
        "key": part.key,
        "size": len(body),
        "sha256": hashlib.sha256(body).hexdigest(),
        "head": [len(head), hashlib.sha256(head).hexdigest()],
        "layout": {
            "terms": len(terms),
            "documents": part.count,
            "lengths": part.lengths,
            "pieces": [len(p) for p in pieces],
            "chunks": [n for n, _ in part.chunks],
            "chunk_counts": part.chunk_counts,
        },
    }
    header["seal"] = _sealed(header)
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
