"""The parsed-file cache in <cache_dir>/model: where it lives (the build and check share it) and what it
may and may not change (nothing a cold read would not give)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import shutil
from array import array
from pathlib import Path

import hostile
from helpers import site_settings, write_tree
from test_check_matches_build import WARNED_ARCHIVE
from test_error_report import BAD_ARCHIVE

from minutebook.build import build
from minutebook.load import filecache
from minutebook.settings import cache_folder, from_environment, from_options


def test_the_cache_folder_is_beside_mkdocs_yml_whatever_the_working_folder(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    settings = from_options({})
    assert cache_folder(settings, site / "mkdocs.yml", "model") == (site / ".cache/minutebook/model").resolve()
    assert cache_folder(settings, None, "model") == (tmp_path / "elsewhere/.cache/minutebook/model").resolve()


def test_the_cache_folder_follows_the_option_and_the_environment(tmp_path):
    config = tmp_path / "mkdocs.yml"
    assert cache_folder(from_options({"cache_dir": "build-cache"}), config, "pages") == tmp_path / "build-cache/pages"
    moved = from_environment(from_options({}), {"MINUTEBOOK_CACHE_DIR": str(tmp_path / "ci")})
    assert cache_folder(moved, config, "model") == tmp_path / "ci/model"


def test_no_cache_when_switched_off_or_in_a_preview(tmp_path):
    config = Path(tmp_path / "mkdocs.yml")
    assert cache_folder(from_options({"cache_dir": ""}), config, "model") is None
    assert cache_folder(from_options({"preview": True}), config, "model") is None


REPO = Path(__file__).resolve().parent.parent
NOW = dt.datetime(2026, 1, 15, 12, 0)


def run(meetings: Path, cache: Path | None, render: bool = True):
    """The pipeline on ``meetings`` (with the parsed-file cache in ``cache``): every problem, in the order
    found, the pages' text (model-derived output), and what the cache did."""
    result = build(meetings, NOW, settings=site_settings(), history=False, render=render, cache_dir=cache)
    pages = {page.url: page.markdown() for page in result.pages}
    return result.problems.items, pages, result.cache


def archives(tmp_path: Path) -> dict[str, Path]:
    """Fixture archives: the sample council, one with errors, one with warnings and notes, a hostile one."""
    found = {"sample": tmp_path / "sample"}
    shutil.copytree(REPO / "meetings", found["sample"])
    found["bad"] = write_tree(tmp_path / "bad", BAD_ARCHIVE)
    found["warned"] = write_tree(tmp_path / "warned", WARNED_ARCHIVE)
    files, _ = hostile.archive("attribute")
    found["hostile"] = tmp_path / "hostile"
    hostile.write(found["hostile"], files)
    return found


def test_a_warm_cache_gives_what_a_cold_read_gives(tmp_path):
    for name, meetings in archives(tmp_path).items():
        cache = tmp_path / f"cache-{name}"
        uncached = run(meetings, None)
        cold = run(meetings, cache)
        warm = run(meetings, cache)
        assert cold[2] is not None and warm[2] is not None
        assert cold[2].read > 0 and cold[2].hits == 0, name
        assert warm[2].read == 0 and warm[2].hits == cold[2].read, name  # every file from the cache
        assert uncached[0] == cold[0] == warm[0], name  # the same problems, in the same order, with lines
        assert uncached[1] == cold[1] == warm[1], name  # the same pages
        if name == "bad":
            assert any(p.level == "error" and p.line for p in warm[0])


def test_a_damaged_or_foreign_entry_is_ignored_and_the_file_read_again(tmp_path):
    meetings = archives(tmp_path)["warned"]
    cache = tmp_path / "cache"
    cold = run(meetings, cache)
    entries = sorted(p for p in cache.rglob("*") if p.is_file() and p.parent.parent == cache)  # files' entries
    assert len(entries) >= 4
    entries[0].write_bytes(entries[0].read_bytes()[:-7])  # cut short
    damaged = bytearray(entries[1].read_bytes())
    damaged[-3] ^= 0xFF  # one byte changed
    entries[1].write_bytes(bytes(damaged))
    # a well-formed entry (right checksum) that unpickles into something that is not a parsed file
    payload = pickle.dumps((entries[2].name, (None, [], False)))
    entries[2].write_bytes(filecache.MAGIC + hashlib.sha256(payload).digest() + payload)
    hostile_payload = pickle.dumps(os.system)  # a function: never called, never trusted
    entries[3].write_bytes(filecache.MAGIC + hashlib.sha256(hostile_payload).digest() + hostile_payload)
    warm = run(meetings, cache)
    assert warm[2] is not None
    assert warm[2].ignored == 4 and warm[2].read == 4
    assert warm[0] == cold[0] and warm[1] == cold[1]
    again = run(meetings, cache)  # the entries were written again, whole
    assert again[2] is not None and again[2].read == 0 and again[2].ignored == 0


def test_editing_one_file_reads_only_that_file(tmp_path):
    meetings = archives(tmp_path)["sample"]
    cache = tmp_path / "cache"
    cold = run(meetings, cache, render=False)
    minutes = sorted(meetings.rglob("minutes.md"))[0]
    minutes.write_text(minutes.read_text(encoding="utf-8").replace("\n## ", "\n\n## ", 1), encoding="utf-8")
    warm = run(meetings, cache, render=False)
    assert warm[2] is not None and cold[2] is not None
    assert warm[2].read_paths == [f"sample/{minutes.relative_to(meetings).as_posix()}"]
    assert warm[2].hits == cold[2].read - 1
    assert warm[:2] == run(meetings, None, render=False)[:2]  # the edited minutes parsed again, not taken as before


def test_a_change_to_council_yml_reads_everything_again(tmp_path):
    meetings = archives(tmp_path)["sample"]
    cache = tmp_path / "cache"
    cold = run(meetings, cache, render=False)
    council = meetings / "council.yml"
    council.write_text(council.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    warm = run(meetings, cache, render=False)
    assert warm[2] is not None and cold[2] is not None and warm[2].read == cold[2].read and warm[2].hits == 0


def test_a_cached_file_replaced_by_a_link_out_of_the_archive_is_still_refused(tmp_path):
    meetings = archives(tmp_path)["hostile"]
    cache = tmp_path / "cache"
    run(meetings, cache, render=False)
    paper = sorted(meetings.rglob("papers/*.md"))[0]
    outside = tmp_path / "outside.md"
    outside.write_bytes(paper.read_bytes())  # the very bytes the cache holds
    paper.unlink()
    os.symlink(outside, paper)
    problems, _, cache_run = run(meetings, cache, render=False)
    rel = f"hostile/{paper.relative_to(meetings).as_posix()}"
    assert any(p.path == rel and "symbolic link" in p.message and p.level == "error" for p in problems)
    assert cache_run is not None and rel not in cache_run.read_paths


def test_an_unwritable_cache_does_not_stop_the_check(tmp_path):
    meetings = archives(tmp_path)["warned"]
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be")
    cold = run(meetings, None)
    result = run(meetings, blocked)
    assert result[2] is not None and result[2].unwritten == result[2].read > 0
    assert result[0] == cold[0] and result[1] == cold[1]


def test_a_cache_inside_the_site_or_the_meetings_folder_is_refused(tmp_path):
    """The model cache holds drafts and embargoed papers: inside site/ it would be published."""
    import subprocess
    import sys

    from helpers import fixture_project

    config = fixture_project(tmp_path, {})
    shutil.copytree(Path(__file__).resolve().parent.parent / "meetings", tmp_path / "meetings", dirs_exist_ok=True)
    for inside, named in (
        (tmp_path / "site" / "cache", "site_dir"),
        (tmp_path / "meetings" / ".c", "the meetings folder"),
    ):
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", MINUTEBOOK_CACHE_DIR=str(inside))
        args = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(tmp_path / "site")]
        result = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
        assert result.returncode != 0
        assert f"cache_dir ({inside.resolve()}) is inside {named}" in result.stderr
        assert "Traceback" not in result.stderr
        assert not inside.exists()


def topic_entries(cache: Path) -> list[Path]:
    return sorted(p for p in (cache / "topics").rglob("*") if p.is_file())


def test_editing_a_title_compares_that_committees_titles_again(tmp_path):
    """Topics' title comparisons are cached by committee, under a digest of its titles and meetings:
    a changed title, or an item moved to another meeting, is never answered from the old entry."""
    meetings = archives(tmp_path)["sample"]
    cache = tmp_path / "cache"
    cold = run(meetings, cache, render=False)
    before = topic_entries(cache)
    assert before  # one entry a committee
    assert any("unsure whether" in p.message for p in cold[0])
    meeting = sorted(meetings.rglob("meeting.md"))[-1]
    text = meeting.read_text(encoding="utf-8")
    titles = [
        line for line in text.splitlines() if line.strip().startswith("title: ") and line.strip()[7] not in "'\"|>"
    ]
    assert titles
    edited = text.replace(titles[0], titles[0] + " and Improvement Board Progress", 1)
    meeting.write_text(edited, encoding="utf-8")
    warm = run(meetings, cache, render=False)
    assert warm[:2] == run(meetings, None, render=False)[:2]
    assert len(topic_entries(cache)) == len(before) + 1  # that committee's comparisons made again, and stored


def test_a_damaged_or_foreign_topics_entry_is_ignored(tmp_path):
    for name in ("sample", "warned"):
        meetings = archives(tmp_path / name)[name]
        cache = tmp_path / f"cache-{name}"
        uncached = run(meetings, None)
        cold = run(meetings, cache)
        entries = topic_entries(cache)
        assert entries, name
        for n, entry in enumerate(entries):
            if n % 3 == 0:  # cut short
                entry.write_bytes(entry.read_bytes()[:-5])
            else:  # well formed (the right key and checksum), but not pairs of this committee's items
                pairs = (0, 10**6) if n % 3 == 1 else (0, 1)  # a position out of range; a number cut short
                value = (array("I", pairs).tobytes()[: None if n % 3 == 1 else -1], b"")
                payload = pickle.dumps((entry.name, value))
                entry.write_bytes(filecache.MAGIC + hashlib.sha256(payload).digest() + payload)
        warm = run(meetings, cache)
        assert uncached[:2] == cold[:2] == warm[:2], name
        # the entries were written again, whole: a third run trusts them and still gives the same
        again = run(meetings, cache)
        assert again[:2] == uncached[:2], name


# -- the sanitiser's memo (<cache_dir>/model/sanitize.memo) --------------------------------------


def hostile_archive(tmp_path: Path, kind: str) -> Path:
    files, _ = hostile.archive(kind)
    root = tmp_path / f"hostile-{kind}"
    hostile.write(root, files)
    return root


def memo_of(cache: Path) -> tuple[bytes, dict]:
    blob = (cache / "sanitize.memo").read_bytes()
    key, (context, known) = pickle.loads(blob[len(filecache.MAGIC) + filecache.DIGEST :])
    assert key == "sanitize.memo"
    return context, known


def write_memo(cache: Path, value: object) -> None:
    payload = pickle.dumps(("sanitize.memo", value))
    (cache / "sanitize.memo").write_bytes(filecache.MAGIC + hashlib.sha256(payload).digest() + payload)


def test_the_sanitiser_is_remembered_and_a_warm_run_cleans_as_a_cold_one(tmp_path):
    """Every hostile payload class: the memo keeps each text's cleaned form, and a run from it gives
    the pages and problems of a run with no cache, the payloads disarmed alike."""
    for kind in ("script", "attribute", "traversal", "huge"):
        meetings = hostile_archive(tmp_path, kind)
        cache = tmp_path / f"cache-{kind}"
        uncached = run(meetings, None)
        cold = run(meetings, cache)
        _, known = memo_of(cache)
        changed = [v for v in known.values() if v is not None]
        assert bool(changed) == (kind != "traversal"), kind  # the payloads cleaned (a path is not markup): kept
        if kind == "script":
            assert not any("<script" in v for v in changed)
        written = (cache / "sanitize.memo").stat().st_mtime_ns
        warm = run(meetings, cache)
        assert uncached[:2] == cold[:2] == warm[:2], kind
        assert (cache / "sanitize.memo").stat().st_mtime_ns == written, kind  # nothing new: not written again


def test_a_damaged_foreign_or_stale_memo_is_never_trusted(tmp_path):
    meetings = hostile_archive(tmp_path, "script")
    cache = tmp_path / "cache"
    uncached = run(meetings, None)
    run(meetings, cache)
    context, known = memo_of(cache)
    # every text "unchanged by the sanitiser": trusted, it would publish the payloads as written
    poisoned = dict.fromkeys(known, None)
    cases = {
        "cut short": lambda: (cache / "sanitize.memo").write_bytes((cache / "sanitize.memo").read_bytes()[:-9]),
        "another version's": lambda: write_memo(cache, (hashlib.sha256(b"other").digest(), poisoned)),
        "not a memo": lambda: write_memo(cache, (context, {b"short": 1})),
        "a function": lambda: write_memo(cache, os.system),
    }
    for name, damage in cases.items():
        damage()
        warm = run(meetings, cache)
        assert warm[:2] == uncached[:2], name
        assert warm[2] is not None and warm[2].ignored == (name != "another version's"), name
        assert memo_of(cache)[0] == context and memo_of(cache)[1] == known, name  # written again, whole
