"""Issue 15 (items 1-3, 8): the core page renderer. Generated pages outside the nav are rendered and
written by render/stream.py in `jobs` worker processes; the site must be byte-identical to what
MkDocs and Material write for the same Markdown, whatever the number of workers, with or without a
page cache, and a cache entry that cannot be trusted is never used."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import REPO, env, fixture_project, mkdocs_build, run

from minutebook.build import build, check_settings
from minutebook.settings import from_environment, from_options, site_settings

SUMMARY = re.compile(
    r"minutebook: (\d+) generated pages in [\d.]+ s with (\d+) process(?:es)?: (\d+) rendered, (\d+) from the cache"
    r"(?: \((\d+) found by what they depend on, without building their Markdown\))?(?:, (\d+) unchanged)?(?: \((\d+) cache entries could not be trusted and were ignored\))?"
)


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def differences(a: Path, b: Path) -> list[str]:
    fa, fb = files(a), files(b)
    return sorted(set(fa) ^ set(fb)) + [p for p in sorted(set(fa) & set(fb)) if fa[p] != fb[p]]


def summary(output: str) -> dict[str, int]:
    match = SUMMARY.search(output)
    assert match, output
    pages, jobs, rendered, cached, unbuilt, unchanged, ignored = (int(g or 0) for g in match.groups())
    return {
        "pages": pages,
        "jobs": jobs,
        "rendered": rendered,
        "cached": cached,
        "unbuilt": unbuilt,
        "unchanged": unchanged,
        "ignored": ignored,
    }


def mkdocs(config: Path, site: Path, **variables: str):
    e = env()
    e.update(variables)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
        cwd=config.parent,
        env=e,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return result


def sample_copy(root: Path, extra: str = "") -> Path:
    """The sample project (mkdocs.yml, docs, overrides, meetings) copied under root."""
    for name in ("docs", "overrides", "meetings"):
        shutil.copytree(REPO / name, root / name)
    config = root / "mkdocs.yml"
    config.write_text((REPO / "mkdocs.yml").read_text(encoding="utf-8") + extra, encoding="utf-8")
    return config


# --- the core renderer writes what MkDocs and Material write -----------------------------------

HOOKS = '''
"""What the plugin did to generated pages when MkDocs rendered them: escaped title and
description, and the sanitiser over the HTML."""
from markupsafe import escape
from minutebook.publish.sanitize import clean_html

GENERATED = set()


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri in GENERATED:
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = escape(page.meta[key])
    return markdown


def on_page_content(html, page, config, files):
    return clean_html(html) if page.file.src_uri in GENERATED else html
'''


def test_streamed_pages_equal_what_mkdocs_and_material_write(tmp_path, sample_site):
    """Every page the core renderer wrote is byte-identical to MkDocs + Material's rendering of
    the same Markdown as docs/ files of a plain project (no Minutebook plugin), with the nav the
    plugin builds written out in mkdocs.yml."""
    site, _ = sample_site
    raw = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    options = from_environment(from_options(raw["plugins"][1]["minutebook"]), env())
    result = build(
        REPO / "meetings",
        options.now,
        settings=site_settings(raw, options, REPO / "docs"),
        intro=options.intro,
        checks=check_settings(options),
        history=options.history,
    )
    assert result.ok
    plain = tmp_path / "plain"
    shutil.copytree(REPO / "docs", plain / "docs")
    streamed, committees = [], []
    for ref in result.pages:
        path = plain / "docs" / ref.src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ref.markdown(), encoding="utf-8")
        if not ref.in_nav:
            streamed.append(ref.src)
        elif ref.kind == "committee":
            committees.append(ref.src)
    assert len(streamed) > 100
    generated = sorted(ref.src for ref in result.pages)
    (plain / "old_path.py").write_text(HOOKS.replace("GENERATED = set()", f"GENERATED = set({generated!r})"))
    raw["theme"]["custom_dir"] = str(REPO / "overrides")
    raw["plugins"] = ["search"]
    raw["markdown_extensions"].append("minutebook.render.markdown_ext")
    raw["hooks"] = ["old_path.py"]
    contact = {"name": options.contact_name, "email": options.contact_email, "phone": options.contact_phone}
    raw["extra"] = {
        "minutebook": {
            "licence_name": options.licence_name,
            "licence_url": options.licence_url,
            "contact": contact,
            "accessibility": True,
            "open_data": True,
            "officers": True,
        }
    }
    raw["nav"] = [
        "index.md",
        {"Committees": ["committees/index.md", *committees]},
        "calendar/index.md",
        "topics/index.md",
        "people/index.md",
        *raw["nav"],
    ]
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    out = run([sys.executable, "-m", "mkdocs", "build", "-f", str(plain / "mkdocs.yml"), "-d", "site"], plain)
    assert out.returncode == 0, out.stderr
    unequal = []
    for src in streamed:
        dest = src[: -len(".md")] + ".html"
        if (plain / "site" / dest).read_bytes() != (site / dest).read_bytes():
            unequal.append(dest)
    assert unequal == []
    # the comparison can fail: the pages MkDocs renders in both builds are the same too
    for src in [*committees, "index.md", "people/index.md"]:
        dest = src[: -len(".md")] + ".html"
        assert (plain / "site" / dest).read_bytes() == (site / dest).read_bytes(), dest


# --- jobs ---------------------------------------------------------------------------------------


def test_one_process_and_two_write_the_same_site(tmp_path, sample_site):
    site, result = sample_site
    assert summary(result.stderr)["jobs"] >= 1
    one = tmp_path / "one"
    two = tmp_path / "two"
    # each with a cache of its own, empty: every page rendered
    s1 = summary(
        mkdocs(REPO / "mkdocs.yml", one, MINUTEBOOK_JOBS="1", MINUTEBOOK_CACHE_DIR=str(tmp_path / "c1")).stderr
    )
    s2 = summary(
        mkdocs(REPO / "mkdocs.yml", two, MINUTEBOOK_JOBS="2", MINUTEBOOK_CACHE_DIR=str(tmp_path / "c2")).stderr
    )
    assert s1["jobs"] == 1 and s2["jobs"] == 2
    assert s1["rendered"] == s2["rendered"] == s1["pages"] > 100
    assert differences(one, two) == []
    assert differences(one, site) == []


@pytest.mark.parametrize("value", ["0", "-1", "two", "1.5"])
def test_a_bad_jobs_value_is_refused_with_its_name(tmp_path, value):
    config = fixture_project(tmp_path, {"board/committee.md": "---\nname: Board\n---\n"})
    e = env()
    e["MINUTEBOOK_JOBS"] = value
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(tmp_path / "site")],
        cwd=tmp_path,
        env=e,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "MINUTEBOOK_JOBS is" in result.stderr and "1 or more" in result.stderr
    assert "Traceback" not in result.stderr


def test_sitemap_lists_every_generated_page(tmp_path):
    config = sample_copy(tmp_path, "\nsite_url: https://example.org/papers/\n")
    site = tmp_path / "site"
    out = mkdocs(config, site, MINUTEBOOK_JOBS="2")
    listed = set(re.findall(r"<loc>https://example.org/papers/([^<]*)</loc>", (site / "sitemap.xml").read_text()))
    pages = {
        "" if p.parent == site else p.parent.relative_to(site).as_posix() + "/"
        for p in site.rglob("index.html")
        if b'http-equiv="refresh"' not in p.read_bytes()  # the redirects of moved pages are not pages
    }
    assert summary(out.stderr)["pages"] > 100 and len(pages) > 150
    assert pages == listed


# --- the page cache -----------------------------------------------------------------------------


def with_cache(config: Path, cache: Path) -> Path:
    text = config.read_text(encoding="utf-8")
    assert "      meetings_dir: meetings\n" in text
    config.write_text(
        text.replace("      meetings_dir: meetings\n", f"      meetings_dir: meetings\n      cache_dir: {cache}\n")
    )
    return config


def warm_copy(root: Path, tmp_path: Path) -> tuple[Path, Path, Path]:
    """A copy of the warm fixture's project (docs, overrides, meetings) with a copy of its warm cache:
    (project folder, its mkdocs.yml using that cache, the cache)."""
    project = tmp_path / "project"
    for name in ("docs", "overrides", "meetings"):
        shutil.copytree(root / name, project / name)
    cache = tmp_path / "cache"
    shutil.copytree(root / "cache", cache)
    return project, with_cache(Path(shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")), cache), cache


def streamed_markdown(config: Path) -> dict[str, str]:
    """What each streamed page's Markdown is, from a domain build of the project (no MkDocs)."""
    raw = yaml.safe_load(config.read_text(encoding="utf-8"))
    plugin = next(p["minutebook"] for p in raw["plugins"] if isinstance(p, dict) and "minutebook" in p)
    options = from_environment(from_options(plugin), env())
    result = build(
        config.parent / options.meetings_dir,
        options.now,
        settings=site_settings(raw, options, config.parent / "docs"),
        intro=options.intro,
        checks=check_settings(options),
        history=options.history,
    )
    assert result.ok
    return {ref.src: ref.markdown() for ref in result.pages if not ref.in_nav}


@pytest.fixture(scope="module")
def warm(tmp_path_factory):
    """The sample project with a page cache, built twice: cold (every page rendered), then into an
    empty site with the warm cache."""
    root = tmp_path_factory.mktemp("warm")
    config = with_cache(sample_copy(root), root / "cache")
    cold = summary(mkdocs(config, root / "cold").stderr)
    warm = summary(mkdocs(config, root / "warm").stderr)
    return root, config, cold, warm


def test_a_warm_cache_gives_the_same_site_file_for_file(warm):
    root, _, cold, warm_summary = warm
    assert cold["rendered"] == cold["pages"] > 100 and cold["cached"] == 0
    assert warm_summary["cached"] == warm_summary["pages"] == cold["pages"] and warm_summary["rendered"] == 0
    assert differences(root / "cold", root / "warm") == []
    entries = [p for p in (root / "cache" / "pages").rglob("*") if p.is_file() and p.suffix != ".dep"]
    assert len(entries) == cold["pages"]
    # the pages of meetings (meeting, item, paper, print pack) were found by what they depend on, unbuilt
    aliases = list((root / "cache" / "pages").rglob("*.dep"))
    assert warm_summary["unbuilt"] == len(aliases) > cold["pages"] / 2
    assert cold["unbuilt"] == 0


def test_an_entry_that_cannot_be_trusted_is_ignored(warm, tmp_path):
    root, config, cold, _ = warm
    cache = tmp_path / "cache"
    shutil.copytree(root / "cache", cache)
    config = Path(shutil.copy(config, root / "untrusted.yml"))
    config.write_text(config.read_text().replace(str(root / "cache"), str(cache)))
    entries = sorted(p for p in (cache / "pages").rglob("*") if p.is_file() and p.suffix != ".dep")
    truncated, edited, other_version, emptied = entries[3], entries[10], entries[20], entries[30]
    truncated.write_bytes(truncated.read_bytes()[:-200])
    data = bytearray(edited.read_bytes())
    data[-100] ^= 1  # one character of the page changed, its length the same
    edited.write_bytes(bytes(data))
    other_version.write_bytes(
        other_version.read_bytes().replace(b"minutebook-page-cache 2", b"minutebook-page-cache 0", 1)
    )
    emptied.write_bytes(b"")
    site = tmp_path / "site"
    again = summary(mkdocs(config, site).stderr)
    assert again["ignored"] == 4 and again["rendered"] == 4 and again["cached"] == cold["pages"] - 4
    assert differences(root / "cold", site) == []
    # the entries were written afresh, and are trusted again
    again = summary(mkdocs(config, tmp_path / "site2").stderr)
    assert again["cached"] == cold["pages"] and again["ignored"] == 0


def test_an_alias_that_cannot_be_trusted_is_passed_by(warm, tmp_path):
    """A page's alias (its dependency key -> its page key) that is garbled, empty, names another page's
    entry or an entry that is gone: the page is built and keyed by its Markdown, and the site is the cold one."""
    root, config, cold, _ = warm
    cache = tmp_path / "cache"
    shutil.copytree(root / "cache", cache)
    config = Path(shutil.copy(config, root / "aliases.yml"))
    config.write_text(config.read_text().replace(str(root / "cache"), str(cache)))
    aliases = sorted((cache / "pages").rglob("*.dep"))
    garbled, emptied, other, gone = aliases[1], aliases[5], aliases[9], aliases[13]
    garbled.write_text(garbled.read_text()[:-7] + "zzzzzzz")
    emptied.write_text("")
    head, _, rest = other.read_text().partition("\n")
    other.write_text(f"{head}\n{rest.split()[0]} {aliases[20].read_text().split()[-1]}")
    key = gone.read_text().split()[-1]
    (cache / "pages" / key[:2] / key).unlink()
    site = tmp_path / "site"
    again = summary(mkdocs(config, site).stderr)
    assert again["rendered"] == 1 and again["cached"] == cold["pages"] - 1
    assert again["unbuilt"] == len(aliases) - 4
    assert differences(root / "cold", site) == []


def test_an_edit_to_one_meeting_renders_only_the_pages_it_changes(warm, tmp_path):
    root, config, cold, _ = warm
    before = streamed_markdown(config)
    project, edited, cache = warm_copy(root, tmp_path)
    meeting = sorted((project / "meetings").glob("*/2017-04-27/meeting.md"))[0]
    text = meeting.read_text(encoding="utf-8")
    assert "place: Committee Room 3 - Council House" in text
    meeting.write_text(text.replace("Committee Room 3 - Council House", "Committee Room 2 - Council House"))
    after = streamed_markdown(edited)
    changed = [src for src in after if before.get(src) != after[src]]
    assert 0 < len(changed) < cold["pages"] / 4
    warm_edit = summary(mkdocs(edited, project / "site").stderr)
    assert warm_edit["rendered"] == len(changed)
    assert warm_edit["cached"] == warm_edit["pages"] - len(changed)
    # the same site as a build with a cold cache
    fresh = Path(shutil.copy(edited, project / "fresh.yml"))
    fresh.write_text(fresh.read_text().replace(str(cache), str(tmp_path / "cold-cache")))
    assert summary(mkdocs(fresh, project / "cold").stderr)["cached"] == 0
    assert differences(project / "site", project / "cold") == []


def test_the_search_data_comes_from_the_cache_only_when_it_can_be_trusted(warm, tmp_path):
    """The search data of unchanged documents is copied from <cache_dir>/search; a damaged entry is
    ignored (the worker builds the data again), and either way the site is the cold build's."""
    root, config, _, _ = warm
    cache = tmp_path / "cache"
    shutil.copytree(root / "cache", cache)
    config = Path(shutil.copy(config, root / "search-cache.yml"))
    config.write_text(config.read_text().replace(str(root / "cache"), str(cache)))
    from_cache = mkdocs(config, tmp_path / "site").stderr
    assert re.search(r"search index of \d+ documents in \d+ shards \(from the cache\)", from_cache), from_cache
    assert differences(root / "cold", tmp_path / "site") == []
    entries = [p for p in (cache / "search").iterdir() if p.is_dir() and p.name != "parts"]
    assert len(entries) == 1
    # one pack of the data's files and its manifest, whatever the number of files
    assert sorted(p.name for p in entries[0].iterdir()) == ["manifest.json", "pack"]
    names = [name for name, _ in json.loads((entries[0] / "manifest.json").read_text())["files"]]
    assert len(names) > 3 and sorted(names) == sorted(
        p.relative_to(tmp_path / "site" / "search" / "data").as_posix()
        for p in (tmp_path / "site" / "search" / "data").rglob("*")
        if p.is_file()
    )
    pack = entries[0] / "pack"
    damaged = bytearray(pack.read_bytes())
    damaged[len(damaged) // 2] ^= 1
    pack.write_bytes(bytes(damaged))
    again = mkdocs(config, tmp_path / "again").stderr
    assert "search index of" in again and "could not be trusted and was ignored" in again, again
    assert differences(root / "cold", tmp_path / "again") == []
    # the entry was written afresh, and is trusted again
    assert "(from the cache)" in mkdocs(config, tmp_path / "third").stderr


def _append_to_a_minute(path: Path) -> None:
    """A sentence added to the first paragraph of the minutes' text (after the front matter)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    fences = [n for n, line in enumerate(lines) if line == "---"]
    n = next(n for n in range(fences[1] + 1, len(lines)) if lines[n][:1].isalpha() and lines[n].endswith("."))
    lines[n] += " The Board noted EDITED-MINUTE-41c."
    path.write_text("\n".join(lines), encoding="utf-8")


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


EDITS = {
    "minutes": lambda m: _append_to_a_minute(m / "education-childrens-services/2016-01-07/minutes.md"),
    "paper": lambda m: _replace(
        m / "education-childrens-services/2017-04-27/papers/improvement-board.md",
        "title: Improvement Board 19th April 2017",
        "title: Improvement Board of 19 April 2017",
    ),
    "people.yml": lambda m: _replace(m / "people.yml", "full_name: Anne Brennan", "full_name: Anne B Brennan"),
    "council.yml": lambda m: _replace(m / "council.yml", "municipal_year_starts: May", "municipal_year_starts: April"),
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_warm_build_after_an_edit_is_the_cold_build_file_for_file(warm, tmp_path, edit):
    """Each edit changes a different dependency (one minute; a paper printed on its item's, meeting's and
    print pack's pages; a person's name on every page that names them; the municipal year, on the pages that group by it):
    the warm build renders exactly the pages whose Markdown changed and writes the same site, file for
    file, as a build with no cache."""
    root, config, _, _ = warm
    before = streamed_markdown(config)
    project, edited, cache = warm_copy(root, tmp_path)
    EDITS[edit](project / "meetings")
    after = streamed_markdown(edited)
    changed = [src for src in after if before.get(src) != after[src]]
    warm_edit = summary(mkdocs(edited, project / "site").stderr)
    assert warm_edit["rendered"] == len(changed) and warm_edit["cached"] == warm_edit["pages"] - len(changed)
    assert differences(root / "cold", project / "site") != []  # the edit reached the site
    # a minute's text is no page's shape: every page of the other meetings is taken unbuilt; any other
    # edit changes the site's shape, and every page is built (and most found again by their Markdown)
    aliases = len(list((tmp_path / "cache" / "pages").rglob("*.dep")))
    if edit == "minutes":
        assert 0 < aliases - 20 < warm_edit["unbuilt"] < aliases
    else:
        assert warm_edit["unbuilt"] == 0
    fresh = Path(shutil.copy(edited, project / "fresh.yml"))
    fresh.write_text(fresh.read_text().replace(str(cache), str(tmp_path / "cold-cache")))
    assert summary(mkdocs(fresh, project / "cold").stderr)["cached"] == 0
    assert differences(project / "site", project / "cold") == []


def test_a_clock_move_past_an_embargo_renders_the_page_again(tmp_path):
    archive = {
        "board/committee.md": "---\nname: Board\n---\n",
        "board/2020-01-09/meeting.md": '---\nstart: "10:00"\nitems:\n  - number: 1\n    title: Budget\n---\n',
        "board/2020-01-09/papers/budget.md": "---\nitem: 1\nkind: report\ntitle: EMBARGOED-BUDGET-7c1\n"
        'publish_from: "2020-01-20 09:00"\n---\nThe budget.\n',
    }
    config = with_cache(fixture_project(tmp_path, archive), tmp_path / "cache")
    before = summary(mkdocs(config, tmp_path / "before", MINUTEBOOK_NOW="2020-01-20 08:59").stderr)
    item = Path("board/2020-01-09/budget/index.html")
    assert "EMBARGOED-BUDGET-7c1" not in (tmp_path / "before" / item).read_text()
    after = summary(mkdocs(config, tmp_path / "after", MINUTEBOOK_NOW="2020-01-20 09:00").stderr)
    assert "EMBARGOED-BUDGET-7c1" in (tmp_path / "after" / item).read_text()
    assert after["pages"] > before["pages"]  # the paper's own page (and the meeting's print pack)
    assert (tmp_path / "after" / "board/2020-01-09/budget/budget/index.html").is_file()
    assert after["rendered"] >= 2  # the item page and the paper's
    # the cache is in use here: the same moment again renders nothing
    again = summary(mkdocs(config, tmp_path / "again", MINUTEBOOK_NOW="2020-01-20 09:00").stderr)
    assert again["rendered"] == 0 and again["cached"] == after["pages"]
    # nothing the clock moved was served from the cache: the same site as with no cache
    cold = Path(shutil.copy(config, tmp_path / "cold.yml"))
    cold.write_text(cold.read_text().replace(str(tmp_path / "cache"), str(tmp_path / "cold-cache")))
    mkdocs(cold, tmp_path / "cold", MINUTEBOOK_NOW="2020-01-20 09:00")
    assert differences(tmp_path / "after", tmp_path / "cold") == []


def test_a_clock_move_past_a_meeting_renders_its_pages_again(tmp_path):
    """A meeting that was to come has been held: the pages that said so (its own, its item's) are
    rendered again from a warm cache, never served stale, and the site is the one a cold build writes."""
    config = with_cache(fixture_project(tmp_path, BOARD_UPCOMING), tmp_path / "cache")
    mkdocs(config, tmp_path / "before", MINUTEBOOK_NOW="2020-01-08 12:00")
    after = summary(mkdocs(config, tmp_path / "after", MINUTEBOOK_NOW="2020-01-10 12:00").stderr)
    page = Path("board/2020-01-09/index.html")
    assert (tmp_path / "before" / page).read_bytes() != (tmp_path / "after" / page).read_bytes()
    assert after["rendered"] >= 1 and after["cached"] >= 1
    cold = Path(shutil.copy(config, tmp_path / "cold.yml"))
    cold.write_text(cold.read_text().replace(str(tmp_path / "cache"), str(tmp_path / "cold-cache")))
    mkdocs(cold, tmp_path / "cold", MINUTEBOOK_NOW="2020-01-10 12:00")
    assert differences(tmp_path / "after", tmp_path / "cold") == []


BOARD_UPCOMING = {
    "board/committee.md": "---\nname: Board\n---\n",
    "board/2019-12-05/meeting.md": '---\nstart: "10:00"\nitems:\n  - number: 1\n    title: Accounts\n---\n',
    "board/2020-01-09/meeting.md": '---\nstart: "10:00"\nitems:\n  - number: 1\n    title: Budget\n---\n',
}


# --- links from docs/ to streamed pages are still checked -----------------------------------------

BOARD = {
    "board/committee.md": "---\nname: Board\n---\n",
    "board/2020-01-09/meeting.md": '---\nstart: "10:00"\nitems:\n  - number: 1\n    title: Budget\n---\n',
}


@pytest.mark.parametrize(
    ("link", "problem"),
    [
        ("board/2020-01-09/index.md#agenda", "../board/2020-01-09/#agenda"),
        ("board/2020-01-09/budget/index.md", "../board/2020-01-09/budget/"),
        ("board/2020-01-09/index.md#no-such-anchor", "does not contain an anchor '#no-such-anchor'"),
        ("board/2099-01-01/index.md", "is not found among documentation files"),
    ],
)
def test_docs_links_to_streamed_pages_are_checked(tmp_path, link, problem):
    """A docs/ page may link to a generated page (and an anchor on it); a link to a page or an anchor
    that is not there fails the strict build with MkDocs' own message."""
    config = fixture_project(tmp_path, BOARD)
    (tmp_path / "docs" / "about.md").write_text(f"# About\n\nSee [the meeting]({link}).\n", encoding="utf-8")
    e = env()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(tmp_path / "site")],
        cwd=tmp_path,
        env=e,
        capture_output=True,
        text=True,
    )
    if problem.startswith("../"):  # a good link: MkDocs rewrote it to the streamed page's address
        assert result.returncode == 0, result.stderr
        href = re.search(r'See <a href="([^"]*)">the meeting', (tmp_path / "site/about/index.html").read_text())
        assert href and href.group(1) == problem
    else:
        assert result.returncode != 0
        assert problem in result.stderr


def test_a_changed_theme_file_renders_every_page_again(warm, tmp_path):
    """The theme's files (custom_dir) are inputs of every page: a warm cache is not used for them."""
    root, _, cold, _ = warm
    project, edited, _ = warm_copy(root, tmp_path)
    unchanged = summary(mkdocs(edited, project / "same").stderr)
    assert unchanged["cached"] == cold["pages"]  # the project's folder is not an input: CI runners differ
    main = project / "overrides" / "main.html"
    main.write_text(main.read_text(encoding="utf-8") + "{#- a comment that changes nothing written -#}\n")
    again = summary(mkdocs(edited, project / "site").stderr)
    assert again["rendered"] == cold["pages"] and again["cached"] == 0
    assert differences(project / "same", project / "site") == []


def test_a_cache_that_cannot_be_written_does_not_stop_the_build(tmp_path):
    config = with_cache(fixture_project(tmp_path, BOARD), tmp_path / "cache")
    (tmp_path / "cache").write_text("a file where the cache folder should be\n")
    result = mkdocs(config, tmp_path / "site")
    done = summary(result.stderr)
    assert done["rendered"] == done["pages"] > 0
    assert "the cache could not store" in result.stderr
    assert (tmp_path / "site" / "board/2020-01-09/index.html").is_file()


# --- links between streamed pages to anchors that are not there -----------------------------------

LINKING = {
    "board/committee.md": "---\nname: Board\n---\n",
    "board/2019-12-05/meeting.md": '---\nstart: "10:00"\nitems:\n  - number: 1\n    title: Accounts\n---\n',
    "board/2019-12-05/minutes.md": (
        "---\napproved: true\n---\n\n## 1. Accounts\n\nSee [the later agenda](../2020-01-09/index.md#agenda) and "
        "[a later part that is not there](../2020-01-09/index.md#no-later-part).\n"
    ),
    "board/2020-01-09/meeting.md": '---\nstart: "10:00"\nitems:\n  - number: 2\n    title: Budget\n---\n',
    "board/2020-01-09/minutes.md": (
        "---\napproved: true\n---\n\n## 2. Budget\n\nSee [the earlier agenda](../2019-12-05/index.md#agenda) and "
        "[an earlier part that is not there](../2019-12-05/index.md#no-earlier-part).\n"
    ),
}


@pytest.mark.parametrize("jobs", [1, 2])
def test_links_between_streamed_pages_to_missing_anchors_are_each_reported(tmp_path, jobs):
    """Links are checked as the pages arrive: one to an anchor already seen is settled at once, the
    rest at the end. A missing anchor is reported whether its page was rendered before or after the
    page linking to it, and a good one is not."""
    config = fixture_project(tmp_path, LINKING)
    config.write_text(config.read_text().replace("minutebook:\n", f"minutebook:\n      jobs: {jobs}\n", 1))
    result = mkdocs_build(config, tmp_path / "site", strict=False)
    assert result.returncode == 0, result.stderr
    assert f"with {jobs} process" in result.stderr  # the setting took
    missing = re.findall(r"does not contain an anchor '#([\w-]+)'", result.stderr)
    assert sorted(missing) == ["no-earlier-part", "no-later-part"], result.stderr[-3000:]


LOCAL_EXTENSION = '''
"""A Markdown extension given as an object of a class made inside a function: it cannot be sent
to another process."""
import markdown


def on_config(config):
    class Marker(markdown.preprocessors.Preprocessor):
        def run(self, lines):
            return [line.replace("Budget", "Budget (marked)") for line in lines]

    class Local(markdown.Extension):
        def extendMarkdown(self, md):
            md.preprocessors.register(Marker(md), "marker", 5)

    config.markdown_extensions.append(Local())
    return config
'''


def test_an_extension_that_cannot_go_to_a_worker_renders_in_one_process_and_says_so(tmp_path):
    config = fixture_project(tmp_path, LINKING)
    (tmp_path / "local_extension.py").write_text(LOCAL_EXTENSION)
    config.write_text(
        config.read_text().replace("minutebook:\n", "minutebook:\n      jobs: 2\n", 1)
        + "hooks:\n  - local_extension.py\n"
    )
    result = mkdocs_build(config, tmp_path / "site", strict=False)
    assert result.returncode == 0, result.stderr
    assert "with 1 process:" in result.stderr, result.stderr[-2000:]
    assert "one process only: a Markdown extension cannot be sent to another process" in result.stderr
    assert "Traceback" not in result.stderr
    minutes = (tmp_path / "site" / "board" / "2020-01-09" / "budget" / "index.html").read_text()
    assert "Budget (marked)" in minutes  # the extension applied to the streamed page
