"""The search data's stable weights and its per-shard parts cache (<cache_dir>/search/parts/): a
warm build after one edit copies the shards it did not touch, a damaged or stale part is built
again, and the data is byte for byte what a build without a cache writes."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from helpers import REPO, site_settings
from lunr.index import Index

from minutebook.build import build
from minutebook.search import documents, parts, shards, text
from minutebook.search.lunr_index import IDF_STEPS, Stats, serialize
from minutebook.search.worker import PARTS, Job

TARGET = 4000  # small shards, so that the sample archive has many


@pytest.fixture(scope="module")
def sample():
    result = build(REPO / "meetings", history=False, settings=site_settings())
    assert result.ok
    committees = {c.slug: c.name for c in result.archive.committees.values()}
    return documents.collect(result.archive), committees


def edited(docs: list[documents.Document]) -> tuple[list[documents.Document], int]:
    """The documents with a sentence of everyday words added to one minute (the middle one)."""
    minutes = [n for n, d in enumerate(docs) if d.kind == "minutes"]
    n = minutes[len(minutes) // 2]
    anchor, text = docs[n].segments[0]
    segments = [(anchor, text + " The committee noted the report."), *docs[n].segments[1:]]
    return [*docs[:n], dataclasses.replace(docs[n], segments=segments), *docs[n + 1 :]], n


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_one_edit_rebuilds_only_its_shard_and_writes_what_a_cold_build_writes(sample, tmp_path):
    docs, committees = sample
    cache = tmp_path / "parts"
    cold = shards.write(docs, tmp_path / "cold", committees, TARGET, parts=cache)
    assert cold.reused == 0 and cold.shards > 20
    assert sorted(p.name for p in cache.iterdir()) == sorted(f"{n}.part" for n in range(cold.shards))
    # unchanged documents: every shard copied, the same bytes
    same = shards.write(docs, tmp_path / "same", committees, TARGET, parts=cache)
    assert same.reused == cold.shards
    assert files(tmp_path / "same") == files(tmp_path / "cold")
    # one minute edited: its shard is built again (with the words it added, their weights may
    # move a step, and so the few shards that hold them), the rest is copied
    changed, _ = edited(docs)
    warm = shards.write(changed, tmp_path / "warm", committees, TARGET, parts=cache)
    assert cold.shards - 5 <= warm.reused < cold.shards, (warm.reused, cold.shards)
    plain = shards.write(changed, tmp_path / "plain", committees, TARGET)
    fresh = shards.write(changed, tmp_path / "fresh", committees, TARGET, parts=tmp_path / "empty")
    assert plain.reused == fresh.reused == 0
    assert files(tmp_path / "warm") == files(tmp_path / "plain") == files(tmp_path / "fresh")
    assert files(tmp_path / "warm") != files(tmp_path / "cold")  # the edit is in the data
    # the cache holds the edited build's parts, and what a cold cache would hold
    assert files(cache) == files(tmp_path / "empty")


def test_a_damaged_missing_or_stale_part_is_built_again(sample, tmp_path):
    docs, committees = sample
    cache = tmp_path / "parts"
    cold = shards.write(docs, tmp_path / "cold", committees, TARGET, parts=cache)
    truncated = cache / "1.part"
    truncated.write_bytes(truncated.read_bytes()[:-7])
    flipped = cache / "2.part"
    body = bytearray(flipped.read_bytes())
    body[len(body) // 2] ^= 1
    flipped.write_bytes(bytes(body))
    (cache / "3.part").unlink()
    (cache / "5.part").write_bytes((cache / "4.part").read_bytes())  # another shard's output
    # a whole part whose stored weight of one word is no longer the archive's
    stale = parts.read(cache, json.loads((cache / "6.part").read_bytes().split(b"\n", 1)[0])["key"])
    assert stale is not None and len(stale.idf) > 1
    stale.idf[len(stale.idf) // 2] += 1
    assert parts.write(cache, stale)
    # a byte of the head (the terms and counts the statistics read) changed
    head = cache / "7.part"
    raw = bytearray(head.read_bytes())
    raw[raw.index(b"\n") + 5] ^= 1
    head.write_bytes(bytes(raw))
    # the header's layout changed (a field length the statistics would take), its seal not
    sealed = cache / "8.part"
    line, body = sealed.read_bytes().split(b"\n", 1)
    header = json.loads(line)
    header["layout"]["lengths"][0] += 1
    sealed.write_bytes(json.dumps(header).encode() + b"\n" + body)
    (cache / "stray.part").write_bytes(b"not a part")
    (cache / f"{cold.shards + 3}.part").write_bytes((cache / "0.part").read_bytes())  # a shard no more
    again = shards.write(docs, tmp_path / "again", committees, TARGET, parts=cache)
    assert again.reused == cold.shards - 7
    assert files(tmp_path / "again") == files(tmp_path / "cold")
    # the parts were written afresh (and the strays pruned): all are trusted now
    assert sorted(p.name for p in cache.iterdir()) == sorted(f"{n}.part" for n in range(cold.shards))
    assert shards.write(docs, tmp_path / "third", committees, TARGET, parts=cache).reused == cold.shards


def test_rounded_statistics_hardly_move_when_one_document_is_added():
    stats = Stats(("text",))
    for n in range(24_242):
        stats.add([({"common": 1, f"w{n % 500}": 2}, 300 + n % 17)])
    assert stats.count() == 25_000 and stats.average_length(0) == 310.0
    assert stats.idf_steps("common") == round(stats.idf("common") * IDF_STEPS)
    assert stats.idf("w1") * IDF_STEPS == stats.idf_steps("w1")  # a multiple of 1/20
    before = (stats.key(), {t: stats.idf_steps(t) for t in ("common", "w1", "w2")})
    again = Stats(("text",))
    again.documents, again.df, again.length_sums = stats.documents, dict(stats.df), list(stats.length_sums)
    again.add([({"common": 1, "w1": 1, "fresh": 1}, 900)])
    assert (again.key(), {t: again.idf_steps(t) for t in ("common", "w1", "w2")}) == before
    exact = Stats(("text",), exact=True)
    exact.documents, exact.df, exact.length_sums = stats.documents, stats.df, stats.length_sums
    assert exact.count() == 24_242 and exact.average_length(0) != 310.0
    assert [Stats(("t",), documents=n).count() for n in (99, 100, 101, 999, 1001)] == [99, 100, 110, 1000, 1100]


QUERIES = ["health", "+school +places", "+board +report", "social", "+children +services +plan", "+review +case"]


def ranking(docs, exact: bool, query: str) -> tuple[list[tuple[str, float]], Stats]:
    """(document number, score), best first, of ``query`` on one index of ``docs``."""
    fields = [shards.field_terms(d) for d in docs]
    stats = Stats(shards.FIELDS, exact=exact)
    for f in fields:
        stats.add(f)
    found = Index.load(serialize(fields, stats, shards.BOOSTS)).search(query)
    return [(h["ref"], h["score"]) for h in found], stats


def test_rounded_weights_rank_the_top_results_as_lunrs_own_except_near_ties(sample):
    """The honest property of the rounded weights. A word's weight in every document is scaled by
    the same factor (its rounded IDF over lunr's own; the rounded average lengths move the rest by
    well under 1 %), so the same documents are found, and of the ten best by lunr's own weights
    two keep their order unless their scores are nearer than the largest change of a query word's
    IDF (plus 1 %). A one-word query keeps the whole order, but for ties."""
    docs, _ = sample
    moved = checked = 0
    for query in QUERIES:
        (exact, lunr), (rounded, ours) = ranking(docs, True, query), ranking(docs, False, query)
        assert len(exact) > 10, query
        assert {d for d, _ in exact} == {d for d, _ in rounded}, query
        words = [text.term(w.strip("+")) for w in query.split()]
        change = max(abs(ours.idf(w) / lunr.idf(w) - 1) for w in words) + 0.01
        assert change < 0.3, (query, change)  # the bound means something
        place = {d: n for n, (d, _) in enumerate(rounded)}
        top = exact[:10]
        for a, (doc_a, score_a) in enumerate(top):
            for doc_b, score_b in top[a + 1 :]:
                if score_a * (1 - change) > score_b * (1 + change):
                    checked += 1
                    assert place[doc_a] < place[doc_b], (query, doc_a, doc_b, score_a, score_b, change)
        moved += sum(abs(dict(rounded)[d] - s) > 1e-9 for d, s in top)
    assert moved > 10 and checked > 50  # the weights did change, and many pairs were compared


def test_exact_weights_take_no_parts(sample, tmp_path):
    docs, committees = sample
    with pytest.raises(ValueError, match="parts cache"):
        shards.write(docs, tmp_path / "x", committees, exact=True, parts=tmp_path / "parts")


def test_the_worker_keeps_parts_beside_the_sites_entry(sample, tmp_path):
    """Through the worker process: an edited archive's warm build copies the parts, keeps one site
    entry and the parts folder, and places the data a build without a cache places."""
    docs, committees = sample
    cache = tmp_path / "cache"
    first = Job(docs, committees, cache).finish(tmp_path / "first")
    changed, _ = edited(docs)
    job = Job(changed, committees, cache)
    warm = job.finish(tmp_path / "warm")
    assert job.cached is None and 0 < warm["reused"] <= first["shards"]
    plain = Job(changed, committees).finish(tmp_path / "plain")
    assert plain["reused"] == 0
    assert files(tmp_path / "warm") == files(tmp_path / "plain")
    entries = sorted(p.name for p in cache.iterdir())
    assert len(entries) == 2 and PARTS in entries
    assert len(list((cache / PARTS).iterdir())) == warm["shards"]


def test_the_sites_entry_is_one_pack_and_a_tampered_one_is_never_unpacked(sample, tmp_path):
    """The site's entry is its data files packed into one file with a manifest; a build whose
    documents are unchanged unpacks exactly the files a build without a cache writes; a pack whose
    bytes, length or manifest do not match (or a manifest naming a file outside the folder) is
    ignored, and nothing is written outside the staging folder."""
    docs, committees = sample
    cache = tmp_path / "cache"
    Job(docs, committees, cache).finish(tmp_path / "first")
    (entry,) = [p for p in cache.iterdir() if p.name != PARTS]
    assert sorted(p.name for p in entry.iterdir()) == ["manifest.json", "pack"]
    again = Job(docs, committees, cache)
    assert again.cached is not None
    again.finish(tmp_path / "again")
    assert files(tmp_path / "again") == files(tmp_path / "first")
    manifest = json.loads((entry / "manifest.json").read_text())
    pack = (entry / "pack").read_bytes()

    def tampered(change) -> bool:
        """Whether a Job given the entry after ``change`` trusts it (and restores the entry)."""
        change()
        job = Job(docs, committees, cache)
        trusted = job.cached is not None
        job.cancel()
        (entry / "manifest.json").write_text(json.dumps(manifest))
        (entry / "pack").write_bytes(pack)
        return trusted

    flipped = bytearray(pack)
    flipped[len(flipped) // 3] ^= 1
    assert not tampered(lambda: (entry / "pack").write_bytes(bytes(flipped)))
    assert not tampered(lambda: (entry / "pack").write_bytes(pack[:-1]))
    assert not tampered(lambda: (entry / "pack").write_bytes(pack + b"x"))
    first_name, first_size = manifest["files"][0]
    for name in ("../outside.json", "/tmp/outside.json", "s/../../outside.json", "", "s//x.json"):
        bad = dict(manifest, files=[[name, first_size], *manifest["files"][1:]])
        assert not tampered(lambda bad=bad: (entry / "manifest.json").write_text(json.dumps(bad)))
    assert not (tmp_path / "outside.json").exists()
    swapped = dict(manifest, files=[[first_name, first_size + 1], *manifest["files"][1:]])
    assert not tampered(lambda: (entry / "manifest.json").write_text(json.dumps(swapped)))
    assert tampered(lambda: None)  # the entry restored is trusted again
