"""The search data of a site: shards of the lunr index, a routing index, the snippet store and a
manifest, written below ``search/data/``.

* **Shards** (``s/<n>.json``): the documents of one committee, in date order, cut into pieces of
  about :data:`SHARD_TEXT` characters of text; a piece never spans two municipal years, and the work
  programme and tracker rows are sharded apart from the meetings' business. Each shard is a lunr
  2.3.9 index (:mod:`.lunr_index`, archive-wide weights) plus a short record per document: title,
  URL with anchor, date, kind and where its text is stored.
* **Routing** (``r/<n>.json``): for every term, the shards that hold it, as a list or a bitmap,
  and the first block of its impact-ordered postings (:mod:`.postings`), in buckets of
  neighbouring terms; the manifest gives the first term of each bucket. A query fetches one bucket
  per word, then either the shards that hold every word or, for best match when those shards are
  many, the postings' further blocks (``p/<n>-<block>.json``) as far as the page of results needs.
* **Store** (``t/<n>.json``): each document's title, address, date, kind and text (in segments
  with their anchors), for the results shown, their snippets and phrase checks; one shard's
  documents of one kind per chunk, so a document's number (chunk × slots + slot) tells where it is.
* **Manifest** (``manifest.json``): committees, kinds, each shard's committee, municipal year,
  kinds (a bit mask), last date (YYYYMMDD) and size in bytes, and the routing buckets' first terms.
  ``chunks.json``, read for best match from the postings: each shard's store chunks per kind.

Everything is made from :class:`.documents.Document` objects; nothing here reads HTML.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import pickle
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from minutebook.model.vocabularies import script_labels
from minutebook.search import parts as cache_parts
from minutebook.search import postings
from minutebook.search.documents import GROUPS, KINDS, Document
from minutebook.search.lunr_index import Stats, serialize, utf16_key
from minutebook.search.postings import SLOTS, Postings
from minutebook.search.text import term_counts

FIELDS = ("title", "text")
BOOSTS = (4, 1)  # a word in the title counts four times as much as one in the text
# Tuned on synthetic archives (benchmarks/search_benchmark.py): smaller shards make a rare word
# cheaper and the manifest (one line per shard) bigger.
SHARD_TEXT = 30_000  # characters of document text per shard
STORE_CHUNK = 6_000  # characters of text per store file
ROUTE_BUCKET = 8_000  # bytes of routing entries per bucket file (about 4 KB gzipped)
FORMAT = 3  # 3: rounded weights (lunr_index.Stats)


@dataclass
class Shard:
    number: int
    committee: str
    year: int
    refs: list[int] = field(default_factory=list)  # the documents' places in the archive's order
    kinds: int = 0  # a bit mask of the documents' kinds
    last: int = 0  # the newest document's date, YYYYMMDD


class Documents(Protocol):
    """The archive's documents, read twice: once in order for the statistics and the plan, then one
    shard's at a time. The search worker reads them from a file, so it never holds them all."""

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[Document]: ...

    def take(self, refs: list[int]) -> list[Document]: ...

    def blobs(self, refs: list[int]) -> list[bytes]:
        """The documents' pickled bytes (what the parts cache is keyed by)."""
        ...


class Listed:
    """Documents already in memory (the tests, and small archives)."""

    def __init__(self, docs: Sequence[Document]):
        self.docs = docs

    def __len__(self) -> int:
        return len(self.docs)

    def __iter__(self) -> Iterator[Document]:
        return iter(self.docs)

    def take(self, refs: list[int]) -> list[Document]:
        return [self.docs[ref] for ref in refs]

    def blobs(self, refs: list[int]) -> list[bytes]:
        return [pickle.dumps(self.docs[ref], protocol=pickle.HIGHEST_PROTOCOL) for ref in refs]


@dataclass(frozen=True)
class Key:
    """What the plan needs of a document: its place, order and size, not its text."""

    ref: int
    committee: str
    year: int
    group: int
    date: dt.date
    length: int
    kind: int

    @classmethod
    def of(cls, ref: int, doc: Document) -> Key:
        length = len(doc.title) + sum(len(text) for _, text in doc.segments) + max(0, len(doc.segments) - 1)
        return cls(ref, doc.committee, doc.year, GROUPS[doc.kind], doc.date, length, KINDS.index(doc.kind))


def plan(keys: list[Key], target: int = SHARD_TEXT) -> list[Shard]:
    """Cut the documents into shards: by committee, municipal year and group, in date order (a
    stable sort: documents of one day keep the archive's order)."""
    ordered = sorted(keys, key=lambda k: (k.committee, k.year, k.group, k.date))
    shards: list[Shard] = []
    size, group = 0, None
    for key in ordered:
        key_group = (key.committee, key.year, key.group)
        if key_group != group or (size + key.length > target and shards[-1].refs):
            shards.append(Shard(len(shards), key.committee, key.year))
            size, group = 0, key_group
        shard = shards[-1]
        shard.refs.append(key.ref)
        shard.kinds |= 1 << key.kind
        shard.last = max(shard.last, key.date.year * 10000 + key.date.month * 100 + key.date.day)
        size += key.length
    return shards


def field_terms(doc: Document):
    return [term_counts(doc.title), term_counts(doc.text)]


def ymd(doc: Document) -> int:
    return doc.date.year * 10000 + doc.date.month * 100 + doc.date.day


def encode_shards(numbers: list[int], total: int) -> str:
    """Sorted shard numbers as the shortest of: a delta list ("L3.a.1", base 36), the delta list of the
    shards that do not hold the term ("C…"), and a bitmap ("B…", base 64)."""
    previous, parts = 0, []
    for n in numbers:
        parts.append(format_base36(n - previous))
        previous = n
    listed = "L" + ".".join(parts)
    if len(numbers) * 2 > total:  # in most shards: list the others
        held, previous, parts = set(numbers), 0, []
        for n in range(total):
            if n not in held:
                parts.append(format_base36(n - previous))
                previous = n
        listed = min(listed, "C" + ".".join(parts), key=len)
    size = (total + 7) // 8
    if len(listed) <= 1 + (4 * size + 2) // 3:
        return listed
    bits = bytearray(size)
    for n in numbers:
        bits[n >> 3] |= 1 << (n & 7)
    return "B" + base64.b64encode(bytes(bits)).decode().rstrip("=")


def format_base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if not n:
            return out


def _encode(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _dump(path: Path, data) -> int:
    return _put(path, _encode(data))


def _put(path: Path, body: bytes) -> int:
    path.write_bytes(body)
    return len(body)


@dataclass
class Summary:
    documents: int = 0
    shards: int = 0
    buckets: int = 0
    files: int = 0
    raw_bytes: int = 0
    largest_shard: int = 0
    reused: int = 0  # shards copied from the parts cache

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def write(
    docs: Sequence[Document] | Documents,
    out: Path,
    committees: dict[str, str],
    target: int = SHARD_TEXT,
    *,
    exact: bool = False,
    parts: Path | None = None,
) -> Summary:
    """Write the search data of ``docs`` into the folder ``out``; ``committees`` maps slug → name.
    Only one shard's documents are held at a time (with :class:`Documents` that are not a list).
    ``exact``: lunr's own weights instead of rounded ones (:class:`.lunr_index.Stats`). ``parts``:
    the folder of the parts cache (:mod:`.parts`): a shard whose part matches is copied from it,
    the others are built and their parts written; the data is the same byte for byte."""
    out = Path(out)
    if exact and parts is not None:
        raise ValueError("search: the parts cache keeps shards of rounded weights, not exact ones")
    source: Documents = Listed(docs) if isinstance(docs, Sequence) else docs
    for sub in ("s", "r", "t", "p"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    stats = Stats(FIELDS, exact=exact)
    if parts is None:
        shards = plan(_first_pass(source, stats), target)
    else:  # the statistics from the parts of unchanged shards: only the others' words are counted
        shards = plan([Key.of(ref, doc) for ref, doc in enumerate(source)], target)
        digests = [_counted(source, shard, stats, parts) for shard in shards]
    committee_index = {slug: i for i, slug in enumerate(sorted(committees))}
    routes: dict[str, list[int]] = {}
    impacts = Postings()
    summary = Summary(documents=len(source), shards=len(shards))
    manifest_shards, chunk_counts = [], []
    chunk = 0  # store chunks are numbered across the archive
    for shard in shards:  # pass 2: one shard at a time
        part, wanted = None, None
        if parts is not None:
            wanted = cache_parts.key(FORMAT, digests[shard.number], shard.number, chunk, stats.key())
            part = cache_parts.read(parts, wanted)
            if part is not None and any(stats.idf_steps(t) != k for t, k in zip(part.terms, part.idf, strict=True)):
                part = None  # a word of the shard has another weight now
            if part is None:
                part = build_shard(source.take(shard.refs), chunk, stats, wanted)
                cache_parts.write(parts, part)
            else:
                summary.reused += 1
        else:
            part = build_shard(source.take(shard.refs), chunk, stats, {})
        size = _put(out / "s" / f"{shard.number}.json", part.shard)
        for number, blob in part.chunks:
            summary.raw_bytes += _put(out / "t" / f"{number}.json", blob)
        start = 0
        for term, count in zip(part.terms, part.counts, strict=True):
            routes.setdefault(term, []).append(shard.number)
            impacts.add(term, part.entries[start : start + count])
            start += count
        chunk += sum(part.chunk_counts)
        summary.raw_bytes += size
        summary.files += 1 + len(part.chunks)
        summary.largest_shard = max(summary.largest_shard, size)
        manifest_shards.append([committee_index.get(shard.committee, -1), shard.year, shard.kinds, shard.last, size])
        chunk_counts.append(trimmed(part.chunk_counts))
        del part  # before the next shard's documents are read
    if parts is not None:
        cache_parts.prune(parts, len(shards))
    bounds = write_routes(routes, impacts, len(shards), out, summary)
    manifest = {
        "v": FORMAT,
        "documents": len(source),
        "fields": list(FIELDS),
        "slots": SLOTS,
        "blocks": [postings.FIRST_BLOCK, postings.NEXT_BLOCK],
        "costs": [postings.ENTRY_BYTES, postings.SHARD_RATIO],
        "committees": [[slug, committees[slug]] for slug in sorted(committees)],
        "kinds": list(KINDS),
        "shards": manifest_shards,
        "route": bounds,
        "labels": script_labels(),  # the labels of model/vocabularies.py, for search.js
    }
    summary.raw_bytes += _dump(out / "manifest.json", manifest)
    summary.raw_bytes += _dump(out / "chunks.json", chunk_counts)
    summary.files += 2
    return summary


def _first_pass(source: Documents, stats: Stats) -> list[Key]:
    """Pass 1: the archive-wide statistics, and what the plan needs of each document."""
    keys = []
    for ref, doc in enumerate(source):
        stats.add(field_terms(doc))
        keys.append(Key.of(ref, doc))
    return keys


def _counted(source: Documents, shard: Shard, stats: Stats, parts: Path) -> str:
    """Add one shard's counts to ``stats``, from its part when the part was made from the same
    documents, else from the documents; return the digest of its documents."""
    digest = cache_parts.digest(source.blobs(shard.refs))
    counts = cache_parts.read_counts(parts, cache_parts.key(FORMAT, digest, shard.number, 0, []))
    if counts is not None and len(counts.lengths) == len(FIELDS):
        stats.merge(counts.documents, counts.lengths, counts.terms, counts.df)
    else:
        for doc in source.take(shard.refs):
            stats.add(field_terms(doc))
    return digest


def trimmed(counts: list[int]) -> list[int]:
    """Chunks per kind without the trailing kinds that have none."""
    while counts and not counts[-1]:
        counts = counts[:-1]
    return counts


def build_shard(shard_docs: list[Document], first: int, stats: Stats, key: dict) -> cache_parts.Part:
    """One shard's output: its lunr index and records, its store chunks (numbered from ``first``)
    and its terms' postings entries, as the parts cache keeps it under ``key``."""
    terms_of = [field_terms(doc) for doc in shard_docs]
    index = serialize(terms_of, stats, BOOSTS)
    docids, chunks, counts = write_store(shard_docs, first)
    records = [[doc.title, doc.url, ymd(doc), KINDS.index(doc.kind), docids[ref]] for ref, doc in enumerate(shard_docs)]
    body = _encode({"v": FORMAT, "docs": records, "index": index})
    entries = postings.contribution(index, docids)
    terms = [term for term, _ in index["invertedIndex"]]
    packed = array("q")
    for term in terms:
        packed.extend(entries[term])
    return cache_parts.Part(
        key=key,
        shard=body,
        chunks=chunks,
        chunk_counts=counts,
        terms=terms,
        df=array(
            "i",
            (
                sum(len(refs) for name, refs in posting.items() if name != "_index")
                for _, posting in index["invertedIndex"]
            ),
        ),
        lengths=[sum(doc[i][1] for doc in terms_of) for i in range(len(FIELDS))],
        count=len(shard_docs),
        idf=array("i", (stats.idf_steps(term) for term in terms)),
        counts=array("i", (len(entries[term]) for term in terms)),
        entries=packed,
    )


def write_store(docs: list[Document], first: int) -> tuple[list[int], list[tuple[int, bytes]], list[int]]:
    """One shard's documents as store chunks, kind by kind (so a document's number tells its kind),
    numbered from ``first``. Returns each document's number, the chunks (number, bytes) and the
    chunks per kind."""
    docids = [0] * len(docs)
    counts = [0] * len(KINDS)
    out: list[tuple[int, bytes]] = []
    chunk = first
    for k, kind in enumerate(KINDS):
        entries: list = []
        size = 0
        for ref, doc in enumerate(docs):
            if doc.kind != kind:
                continue
            length = len(doc.text)
            if entries and (size + length > STORE_CHUNK or len(entries) == SLOTS):
                out.append((chunk, _encode(entries)))
                chunk, counts[k], entries, size = chunk + 1, counts[k] + 1, [], 0
            docids[ref] = chunk * SLOTS + len(entries)
            entries.append([doc.title, doc.url, ymd(doc), k, [[a, t] for a, t in doc.segments]])
            size += length
        if entries:
            out.append((chunk, _encode(entries)))
            chunk, counts[k] = chunk + 1, counts[k] + 1
    return docids, out, counts


def write_routes(
    routes: dict[str, list[int]], postings: Postings, total: int, out: Path, summary: Summary
) -> list[str]:
    """Routing buckets of neighbouring terms, with each term's first block of postings, and the
    further blocks' files; returns each bucket's first term.

    A term's entry: ``[shards, first block]``, or when it has more blocks ``[shards, first block,
    documents, file number, [highest impact of each further block]]``."""
    bounds: list[str] = []
    bucket: dict[str, list] = {}
    size = 0
    files = 0
    for term in sorted(routes, key=utf16_key):
        blocks = postings.blocks(term)
        value: list = [encode_shards(routes[term], total), blocks[0]]
        if len(blocks) > 1:
            value += [len(postings.lists[term]), files, [b[1] for b in blocks[1:]]]
            for k, block in enumerate(blocks[1:], start=1):
                summary.raw_bytes += _dump(out / "p" / f"{files}-{k}.json", block)
                summary.files += 1
            files += 1
        length = len(term) + len(json.dumps(value, separators=(",", ":")))
        if bucket and size + length > ROUTE_BUCKET:
            summary.raw_bytes += _dump(out / "r" / f"{len(bounds) - 1}.json", bucket)
            summary.files += 1
            bucket, size = {}, 0
        if not bucket:
            bounds.append(term if bounds else "")
        bucket[term] = value
        size += length + 4
    if bucket or not bounds:
        if not bounds:
            bounds.append("")
        summary.raw_bytes += _dump(out / "r" / f"{len(bounds) - 1}.json", bucket)
        summary.files += 1
    summary.buckets = len(bounds)
    return bounds
