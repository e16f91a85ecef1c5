"""Impact-ordered postings: for every term, the documents that hold it, best first.

Best match must not read every shard that holds a common word. So besides the lunr shards (read
for newest-first results, filtered searches and rare words), each term has one list of
``(document, impact)``: its *impact* in a document is what the term adds to that document's lunr
score, in thousandths — the sum, over the fields, of the rounded weights the shard's
``fieldVectors`` hold (:mod:`.lunr_index`). A query of n required words scores a document
``sum of its impacts / 1000 / sqrt(n)``, exactly what lunr.js computes from the shard (its query
vector holds the n words, each with weight 1), so rankings are identical to one unsharded index.

The list is sorted by impact, highest first, and cut into blocks that grow fourfold: the first
:data:`FIRST_BLOCK` entries travel with the term's routing entry, each further block is a file
``p/<term number>-<block>.json``. The browser reads the first blocks of the query's words and stops
as soon as no unread document could enter the page of results (a threshold algorithm: the next
unread impact of each list bounds everything below it); paging on reads the next blocks.

Document numbers say where a document's text is stored: ``store chunk × SLOTS + slot``.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable

FIRST_BLOCK = 16  # entries in the routing bucket: the first page of results of a single word, with room to spare
NEXT_BLOCK = 256  # entries of the second block; each further block is four times the one before
# What reading costs, gzipped, measured on the 20,000-item synthetic archive: the browser weighs the
# next block against the shards of the documents still in doubt.
ENTRY_BYTES = 4  # bytes of a posting entry
SHARD_RATIO = 4.5  # a shard's raw size over its gzipped size
SLOTS = 64  # documents per store chunk at most: a document's number is chunk * SLOTS + slot
_DOC_BITS = 24
_DOC_MASK = (1 << _DOC_BITS) - 1


def impact(weight: float) -> int:
    """A field weight as lunr stores it (rounded to 3 places) in thousandths."""
    return round(weight * 1000)


class Postings:
    """Every term's (document, impact) pairs, packed one integer each while the shards are written."""

    def __init__(self):
        self.lists: dict[str, array] = {}

    def add_index(self, index: dict, docids: list[int]) -> None:
        """Take the impacts from one shard's lunr JSON; ``docids[ref]`` is each document's number."""
        for term, values in contribution(index, docids).items():
            self.add(term, values)

    def add(self, term: str, values: Iterable[int]) -> None:
        """Add a term's packed entries (from :func:`contribution`, or a cached shard's)."""
        packed = self.lists.get(term)
        if packed is None:
            packed = self.lists[term] = array("q")
        packed.extend(values)

    def blocks(self, term: str) -> list[list[int]]:
        """The term's entries, best first, in blocks; each block flat: doc, impact, then for the
        rest doc and the fall in impact from the entry before."""
        packed = sorted(self.lists[term], reverse=True)
        out, start, size = [], 0, FIRST_BLOCK
        while start < len(packed):
            flat, previous = [], None
            for value in packed[start : start + size]:
                value_impact = value >> _DOC_BITS
                flat.append(_DOC_MASK - (value & _DOC_MASK))
                flat.append(value_impact if previous is None else previous - value_impact)
                previous = value_impact
            out.append(flat)
            start += size
            size = NEXT_BLOCK if size == FIRST_BLOCK else size * 4
        return out


def contribution(index: dict, docids: list[int]) -> dict[str, array]:
    """One shard's packed entries for each term of its lunr JSON, in the order of its inverted
    index; ``docids[ref]`` is each document's number."""
    names = {posting["_index"]: term for term, posting in index["invertedIndex"]}
    sums: dict[tuple[int, str], int] = {}
    for field_ref, flat in index["fieldVectors"]:
        doc = docids[int(field_ref.rsplit("/", 1)[1])]
        for i in range(0, len(flat), 2):
            key = (doc, names[flat[i]])
            sums[key] = sums.get(key, 0) + impact(flat[i + 1])
    out: dict[str, array] = {term: array("q") for term, _ in index["invertedIndex"]}
    for (doc, term), value in sums.items():
        if doc > _DOC_MASK:
            raise ValueError(f"search: too many documents for postings ({doc})")
        out[term].append((value << _DOC_BITS) | (_DOC_MASK - doc))  # sorts by impact, then document
    return out
