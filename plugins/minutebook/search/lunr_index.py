"""A fast writer of the lunr 2.3.9 serialized index, with statistics of the whole archive.

lunr.py's ``Builder`` does the same work one token object at a time (about 70 documents a second
here). This writer takes each document's term frequencies (:mod:`.text`, each distinct word stemmed
once) and writes the same JSON: ``fieldVectors`` with lunr's BM25 weights (k1 1.2, b 0.75, rounded
to 3 places), ``invertedIndex`` sorted as lunr.js's TokenSet builder requires, ``pipeline``
``["stemmer"]``. lunr.js loads it unchanged (``lunr.Index.load``).

One difference is deliberate: the inverse document frequency and the average field length are
those of the whole archive (:class:`Stats`), not of the shard. lunr.js scores a document as the dot
product of the query vector with the document's stored vector, divided by the query vector's length
only, so with archive-wide weights a score means the same in every shard, and results from many
shards merge exactly as one index of the whole archive would rank them.

And the statistics are *rounded* (unless ``exact``), so that editing one meeting rarely changes a
weight anywhere else and the search cache can keep every other shard: the average field length to
two significant figures, the document count in the IDF rounded up to two significant figures, and
the IDF itself to a multiple of 1/20. lunr.js reads the weights stored in the index, so only this
side computes them; rankings stay those of one index with the same (rounded) weights.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

K1 = 1.2
B = 0.75
VERSION = "2.3.9"
IDF_STEPS = 20  # a rounded IDF is a multiple of 1/20

# One document's fields: for each field (in the order of FIELDS), its {term: frequency} and length.
FieldTerms = list[tuple[dict[str, int], int]]


@dataclass
class Stats:
    """Collection statistics for BM25: lunr's document count and per-term document frequency
    (lunr counts a document once for each field that holds the term)."""

    fields: tuple[str, ...]
    exact: bool = False  # lunr's own weights (the parity tests); rounded ones otherwise
    documents: int = 0
    df: dict[str, int] = field(default_factory=dict)
    length_sums: list[int] = field(default_factory=list)
    _idf: dict[str, float] = field(default_factory=dict, repr=False)

    def __post_init__(self):
        if not self.length_sums:
            self.length_sums = [0] * len(self.fields)

    def add(self, doc: FieldTerms) -> None:
        self.documents += 1
        df = self.df
        for i, (counts, length) in enumerate(doc):
            self.length_sums[i] += length
            for term in counts:
                df[term] = df.get(term, 0) + 1

    def merge(self, documents: int, lengths: list[int], terms: list[str], df: Iterable[int]) -> None:
        """Add the counts of a group of documents, as :meth:`add` of each would."""
        self.documents += documents
        for i, length in enumerate(lengths):
            self.length_sums[i] += length
        counts = self.df
        for term, n in zip(terms, df, strict=True):
            counts[term] = counts.get(term, 0) + n

    def average_length(self, i: int) -> float:
        average = self.length_sums[i] / self.documents if self.documents else 0.0
        return average if self.exact else float(f"{average:.2g}")

    def count(self) -> int:
        """The document count in the IDF: exact, or rounded up to two significant figures."""
        n = self.documents
        if self.exact or n < 100:
            return n
        step = 10 ** (len(str(n)) - 2)
        return -(-n // step) * step

    def idf(self, term: str) -> float:
        value = self._idf.get(term)
        if value is None:
            df = self.df.get(term, 0)
            value = math.log(1 + abs((self.count() - df + 0.5) / (df + 0.5)))
            if not self.exact:
                value = round(value * IDF_STEPS) / IDF_STEPS
            self._idf[term] = value
        return value

    def idf_steps(self, term: str) -> int:
        """The rounded IDF of ``term`` in steps of 1/:data:`IDF_STEPS` (what a cached shard checks)."""
        return round(self.idf(term) * IDF_STEPS)

    def key(self) -> list:
        """The rounded statistics every shard shares: the average field lengths and the count."""
        return [*(self.average_length(i) for i in range(len(self.fields))), self.count()]


def utf16_key(term: str) -> bytes:
    """JavaScript compares strings by UTF-16 code units; lunr.js insists on that order."""
    return term.encode("utf-16-be")


def serialize(
    docs: list[FieldTerms], stats: Stats, boosts: tuple[float, ...] | None = None, refs: list[str] | None = None
) -> dict:
    """The lunr 2.3.9 JSON of ``docs`` (refs "0", "1", … unless given), weighted by ``stats``."""
    fields = stats.fields
    boosts = boosts or (1,) * len(fields)
    refs = refs or [str(i) for i in range(len(docs))]
    averages = [stats.average_length(i) or 1.0 for i in range(len(fields))]
    term_index: dict[str, int] = {}
    postings: dict[str, list[list[str]]] = {}
    vectors = []
    for ref, doc in zip(refs, docs, strict=True):
        for i, (counts, length) in enumerate(doc):
            norm = K1 * (1 - B + B * (length / averages[i]))
            boost = boosts[i]
            elements = []
            for term, tf in counts.items():
                index = term_index.get(term)
                if index is None:
                    index = term_index[term] = len(term_index)
                    postings[term] = [[] for _ in fields]
                postings[term][i].append(ref)
                score = stats.idf(term) * ((K1 + 1) * tf) / (norm + tf) * boost
                elements.append((index, round(score, 3)))
            elements.sort()
            flat: list[float] = []
            for index, score in elements:
                flat.append(index)
                flat.append(score)
            vectors.append([f"{fields[i]}/{ref}", flat])
    inverted = []
    for term in sorted(postings, key=utf16_key):
        posting: dict[str, object] = {name: {ref: {} for ref in postings[term][i]} for i, name in enumerate(fields)}
        posting["_index"] = term_index[term]
        inverted.append([term, posting])
    return {
        "version": VERSION,
        "fields": list(fields),
        "fieldVectors": vectors,
        "invertedIndex": inverted,
        "pipeline": ["stemmer"],
    }
