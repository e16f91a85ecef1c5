"""Search data from the model, without MkDocs: what goes in, how it is sharded and routed, and the
synthetic archive generator."""

from __future__ import annotations

import base64
import datetime as dt
import gc
import json
import pickle
import re
import weakref

import pytest
from helpers import REPO, site_settings, write_tree
from lunr.index import Index
from test_publication_safety import ARCHIVE, CANARIES

from minutebook.build import build
from minutebook.devtools.demo import generate
from minutebook.search import documents, postings, shards, text
from minutebook.search.lunr_index import Stats, serialize
from minutebook.search.worker import Pickled


def data_files(folder):
    return {p: p.read_text(encoding="utf-8") for p in folder.rglob("*.json")}


def terms_of(folder):
    found = set()
    for path in (folder / "s").glob("*.json"):
        found |= {t for t, _ in json.loads(path.read_text(encoding="utf-8"))["index"]["invertedIndex"]}
    return found


def test_withheld_content_never_reaches_the_search_data(tmp_path):
    write_tree(tmp_path / "meetings", ARCHIVE)
    result = build(tmp_path / "meetings", dt.datetime(2020, 3, 1), history=False, settings=site_settings())
    assert result.ok, result.problems.errors
    docs = documents.collect(result.archive)
    shards.write(docs, tmp_path / "data", {"board": "Audit Board"})
    files = data_files(tmp_path / "data")
    leaks = [f"{what} in {p.name}" for p, body in files.items() for what, c in CANARIES.items() if c in body]
    assert leaks == []
    # the index holds stems of words: each canary's last word ("7d1") is a word nothing else uses
    words = {text.term(re.split(r"[-\s]", c)[-1].lower()) for c in CANARIES.values()}
    assert words & terms_of(tmp_path / "data") == set()
    # and the public business is there: the test can fail
    assert {"budget", "public"} <= terms_of(tmp_path / "data")
    assert {d.kind for d in docs} >= {"agenda", "minutes"}


@pytest.fixture(scope="module")
def sample_docs():
    result = build(REPO / "meetings", history=False, settings=site_settings())
    assert result.ok
    return documents.collect(result.archive)


def scores(folder, query):
    """{document url: score} for a query, over every shard."""
    out = {}
    for path in (folder / "s").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        for hit in Index.load(data["index"]).search(query):
            out[data["docs"][int(hit["ref"])][1] + "|" + data["docs"][int(hit["ref"])][0]] = round(hit["score"], 9)
    return out


def test_small_shards_rank_exactly_as_one_index(sample_docs, tmp_path):
    many = shards.write(sample_docs, tmp_path / "many", {}, target=4000)
    one = shards.write(sample_docs, tmp_path / "one", {}, target=10**9)
    groups = {(d.committee, d.year, documents.GROUPS[d.kind]) for d in sample_docs}
    assert one.shards == len(groups) and many.shards > 2 * len(groups)  # one per committee, year and group
    # the browser requires every word (+word): then a shard's query vector is the whole archive's
    for query in ("health", "+school +places", "+board +report", "social", "+children +services +plan"):
        found = scores(tmp_path / "many", query)
        assert found, query
        assert found == scores(tmp_path / "one", query), query


def decode(value, total):
    if value[0] in "LC":
        out, n = [], 0
        for part in value[1:].split(".") if len(value) > 1 else []:
            n += int(part, 36)
            out.append(n)
        return out if value[0] == "L" else [s for s in range(total) if s not in out]
    raw = base64.b64decode(value[1:] + "=" * (-len(value[1:]) % 4))
    return [i * 8 + b for i, byte in enumerate(raw) for b in range(8) if byte >> b & 1 and i * 8 + b < total]


def test_routing_names_exactly_the_shards_that_hold_each_term(sample_docs, tmp_path):
    shards.write(sample_docs, tmp_path, {}, target=3000)
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    total = len(manifest["shards"])
    routed = {}
    for path in (tmp_path / "r").glob("*.json"):
        for term, value in json.loads(path.read_text(encoding="utf-8")).items():
            routed[term] = set(decode(value[0], total))
    held = {}
    for n in range(total):
        index = json.loads((tmp_path / "s" / f"{n}.json").read_text(encoding="utf-8"))["index"]
        for term, _ in index["invertedIndex"]:
            held.setdefault(term, set()).add(n)
    assert routed == held
    values = [v[0] for p in (tmp_path / "r").glob("*.json") for v in json.loads(p.read_text(encoding="utf-8")).values()]
    assert {v[0] for v in values} >= {"L", "B"}
    assert any(len(v) > total // 2 for v in routed.values()) and any(len(v) == 1 for v in routed.values())
    # the buckets' first terms are in order, so the browser finds a term's bucket by bisection
    assert manifest["route"][0] == "" and manifest["route"] == sorted(manifest["route"])


def test_shard_lists_are_written_the_short_way():
    assert shards.encode_shards([3, 7], 400) == "L3.4"
    assert shards.encode_shards([n for n in range(400) if n != 250], 400) == "C6y"  # all but shard 250
    bitmap = shards.encode_shards(list(range(0, 400, 2)), 400)
    assert bitmap[0] == "B" and decode(bitmap, 400) == list(range(0, 400, 2))
    for value in ("L3.4", "C6y", bitmap):
        assert shards.encode_shards(decode(value, 400), 400) == value


def test_results_lead_to_the_exact_section(sample_docs):
    urls = [d.url for d in sample_docs]
    anchors = [a for d in sample_docs for a, _ in d.segments]
    assert any(u.endswith("#minute") for u in urls)
    assert any(re.search(r"#part-[a-z]$", u) for u in urls) or not any("(a)" in d.title for d in sample_docs)
    assert any(a.startswith("resolution-") for a in anchors)
    assert any(a.startswith("para-") for a in anchors)
    assert {d.kind for d in sample_docs} >= {"agenda", "minutes", "paper"}
    assert not any("<" in d.text and re.search(r"</?[a-z]+[ >]", d.text) for d in sample_docs)


def test_plain_text_of_markdown():
    md = (
        "## 3 Heading {#x}\n\n**Bold** and [a link](../x/index.md#y) and 16<sup>th</sup>.\n\n"
        "| a | b |\n|---|---|\n| one | two |\n<!-- minutebook:resolved 0 -->"
    )
    assert documents.plain_text(md) == "3 Heading\nBold and a link and 16th.\na b\none two"


def test_demo_archive_is_deterministic_valid_and_sized(tmp_path):
    counts = generate(tmp_path / "a", committees=2, years=1, seed=7, sample=REPO / "meetings")
    generate(tmp_path / "b", committees=2, years=1, seed=7, sample=REPO / "meetings")
    files_a = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*") if p.is_file()}
    files_b = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*") if p.is_file()}
    assert files_a == files_b
    result = build(tmp_path / "a", dt.datetime(2026, 1, 1), history=False, settings=site_settings())
    archive, problems = result.archive, result.problems
    assert problems.errors == [] and problems.warnings == []
    assert counts["meetings"] == len(archive.meetings) == 20
    assert counts["items"] == sum(len(m.items) for m in archive.meetings) == 200
    assert archive.programmes and archive.trackers and counts["papers"] > 20
    assert any(m.minutes and any(i.minute and i.minute.references for i in m.items) for m in archive.meetings)
    generate(tmp_path / "c", committees=2, years=1, seed=8, sample=REPO / "meetings")
    assert (tmp_path / "c" / "people.yml").exists() and any(
        (tmp_path / "c" / p).read_bytes() != body for p, body in files_a.items() if (tmp_path / "c" / p).exists()
    )


def test_terms_are_stemmed_once_per_word():
    text.term.cache_clear()
    text.terms("meeting meetings meeting MEETING")
    assert text.term.cache_info().misses == 2  # "meeting" and "meetings": each distinct word once


# -- impact-ordered postings -------------------------------------------------------------------------


def postings_of(folder):
    """{term: [(document number, impact), ...]} in the order written, every block read."""
    out = {}
    for path in (folder / "r").glob("*.json"):
        for term, value in json.loads(path.read_text(encoding="utf-8")).items():
            blocks = [value[1]]
            if len(value) > 2:
                blocks += [
                    json.loads((folder / "p" / f"{value[3]}-{k}.json").read_text(encoding="utf-8"))
                    for k in range(1, len(value[4]) + 1)
                ]
                assert [b[1] for b in blocks[1:]] == value[4]  # each further block's highest impact
                assert value[2] == sum(len(b) for b in blocks) // 2
            entries = []
            for flat in blocks:
                impact = 0
                for k in range(0, len(flat), 2):
                    impact = flat[k + 1] if k == 0 else impact - flat[k + 1]
                    entries.append((flat[k], impact))
            out[term] = entries
    return out


def stored(folder):
    """{document number: (title, url)} from the store."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    out = {}
    for path in (folder / "t").glob("*.json"):
        for slot, entry in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            out[int(path.stem) * manifest["slots"] + slot] = (entry[0], entry[1])
    return out


def one_index_scores(docs, query):
    """Sorted (url|title, score) of a query on one lunr index of the whole archive (lunr.py)."""
    fields = [shards.field_terms(d) for d in docs]
    stats = Stats(shards.FIELDS)
    for f in fields:
        stats.add(f)
    found = Index.load(serialize(fields, stats, shards.BOOSTS)).search(query)
    return sorted((docs[int(h["ref"])].url + "|" + docs[int(h["ref"])].title, round(h["score"], 6)) for h in found)


def test_postings_are_impact_ordered_and_rank_exactly_as_one_index(sample_docs, tmp_path, monkeypatch):
    monkeypatch.setattr(postings, "FIRST_BLOCK", 3)  # small blocks, so that lists have several
    monkeypatch.setattr(postings, "NEXT_BLOCK", 5)
    shards.write(sample_docs, tmp_path, {}, target=4000)
    lists, where = postings_of(tmp_path), stored(tmp_path)
    assert len(where) == len(sample_docs)
    assert any(len(entries) > 3 + 5 * 4 for entries in lists.values())  # a list of four blocks or more
    for term, entries in lists.items():
        assert [i for _, i in entries] == sorted((i for _, i in entries), reverse=True), term
        assert len({d for d, _ in entries}) == len(entries), term
    for words in (["health"], ["school", "places"], ["board", "report"], ["children", "services", "plan"], ["social"]):
        query = [text.term(w) for w in words]
        common = set.intersection(*({d for d, _ in lists[t]} for t in query))
        ours = sorted(
            ("|".join(reversed(where[d])), round(sum(dict(lists[t])[d] for t in query) / 1000 / len(query) ** 0.5, 6))
            for d in common
        )
        assert ours, words
        assert ours == one_index_scores(sample_docs, " ".join("+" + w for w in words)), words


def test_every_slash_joined_word_is_found_by_each_of_its_halves(sample_docs, tmp_path):
    shards.write(sample_docs, tmp_path, {})
    lists, manifest = postings_of(tmp_path), json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    number = {}  # a document (its title, address and text) → its number in the postings
    for path in (tmp_path / "t").glob("*.json"):
        for slot, entry in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            number[(entry[0], entry[1], tuple(t for _, t in entry[4]))] = int(path.stem) * manifest["slots"] + slot
    assert len(number) == len(sample_docs)
    in_shards = {}  # (term, document number) from the lunr shards: what newest-first and filtered searches read
    for path in (tmp_path / "s").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        for term, posting in data["index"]["invertedIndex"]:
            for field in shards.FIELDS:
                for ref in posting[field]:
                    in_shards[(term, data["docs"][int(ref)][4])] = True
    checked, missing = 0, []
    for doc in sample_docs:
        for joined in re.findall(r"[^\s/]+(?:/[^\s/]+)+", doc.title + "\n" + doc.text):
            for half in joined.split("/"):
                term = text.term(text.tokens(half)[0]) if text.tokens(half) else None
                if not term:  # a stop word ("and/or") or punctuation alone
                    continue
                checked += 1
                d = number[(doc.title, doc.url, tuple(t for _, t in doc.segments))]
                if d not in dict(lists.get(term, [])) or (term, d) not in in_shards:
                    missing.append((joined, half, doc.url))
    assert checked > 100 and missing == []
    assert "users/carers" in "\n".join(d.text for d in sample_docs)  # the seed minutes' word is among them


class Watched(Pickled):
    """The worker's documents file, counting how many documents it has handed out are still alive."""

    def __init__(self, path):
        super().__init__(path)
        self.handed: list[weakref.ref] = []
        self.most = 0

    def _count(self):
        self.most = max(self.most, sum(ref() is not None for ref in self.handed))

    def __iter__(self):
        for doc in super().__iter__():
            self.handed.append(weakref.ref(doc))
            yield doc
        self._count()

    def take(self, refs):
        docs = super().take(refs)
        self.handed += [weakref.ref(doc) for doc in docs]
        self._count()
        return docs


def test_the_worker_holds_one_shard_of_documents_at_a_time_and_writes_the_same_data(sample_docs, tmp_path):
    """The search worker reads its documents from a file in two passes, so it never holds the
    archive's text: at most one shard's documents are alive at once, and the data is byte for byte
    what the documents in memory give."""
    source = tmp_path / "documents.pickle"
    with open(source, "wb") as f:
        for doc in sample_docs:
            pickle.dump(doc, f, protocol=pickle.HIGHEST_PROTOCOL)
    del doc
    gc.collect()
    with Watched(source) as docs:
        summary = shards.write(docs, tmp_path / "streamed", {}, target=4000)
    shards.write(sample_docs, tmp_path / "listed", {}, target=4000)
    streamed, listed = data_files(tmp_path / "streamed"), data_files(tmp_path / "listed")
    assert {p.relative_to(tmp_path / "streamed") for p in streamed} == {
        p.relative_to(tmp_path / "listed") for p in listed
    }
    assert all(
        body == listed[tmp_path / "listed" / p.relative_to(tmp_path / "streamed")] for p, body in streamed.items()
    )
    largest = max(
        len(json.loads(p.read_text(encoding="utf-8"))["docs"]) for p in (tmp_path / "streamed" / "s").glob("*.json")
    )
    assert summary.shards > 10 and len(sample_docs) > 10 * largest  # the check below means something
    assert docs.most <= largest, (docs.most, largest, len(sample_docs))
