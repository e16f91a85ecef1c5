"""Issue 15 (item 2): what the page builders do faster must write the same Markdown. Not timed:
each test compares the fast path with the plain one it replaces."""

from __future__ import annotations

import datetime as dt
import posixpath
import random
import shutil

import pytest
from helpers import REPO, site_settings
from markdown.inlinepatterns import LinkInlineProcessor

from minutebook.build import build
from minutebook.model import urls
from minutebook.render import brackets, build_site, stream
from minutebook.settings import SiteSettings


def sample_pages():
    result = build(REPO / "meetings", dt.date(2026, 11, 22), settings=site_settings(), history=False)
    assert result.ok
    return result


def _relpath_relative(from_url: str, to: str) -> str:
    """The link as posixpath.relpath makes it: the reference urls.relative must equal."""
    target, _, anchor = to.partition("#")
    path = posixpath.relpath(urls.src(target), posixpath.dirname(urls.src(from_url)) or ".")
    return f"{path}#{anchor}" if anchor else path


def test_relative_links_are_the_ones_urls_relative_makes():
    """urls.relative (every link of every page) is posixpath.relpath's link, without its work."""
    pages = [ref.url for ref in sample_pages().pages]
    assert len(pages) > 100 and urls.HOME in pages
    targets = [*pages[::7], urls.HOME, f"{pages[5]}#para-3-2", "#top", urls.PEOPLE]
    for here in [*pages[::3], urls.HOME]:
        for to in targets:
            assert urls.relative(here, to) == _relpath_relative(here, to), (here, to)


def test_a_template_edited_between_builds_is_read_again(tmp_path):
    """Within a build no page checks the template files again; the next build (mkdocs serve's next
    rebuild, in the same process) reads them afresh."""
    folder = tmp_path / "minutebook"
    shutil.copytree(REPO / "overrides" / "minutebook", folder)
    result = build(REPO / "meetings", dt.date(2026, 11, 22), settings=SiteSettings(templates=folder), history=False)
    first = next(ref for ref in result.pages if ref.kind == "item").markdown()
    assert "EDITED-TEMPLATE-5d2" not in first
    item = folder / "item.md"
    item.write_text(item.read_text(encoding="utf-8") + "\nEDITED-TEMPLATE-5d2\n", encoding="utf-8")
    refs = build_site(result.archive, dt.date(2026, 11, 22), result.settings)
    assert "EDITED-TEMPLATE-5d2" in next(ref for ref in refs if ref.kind == "item").markdown()


def test_calendars_hold_the_timezone_icalendar_adds(tmp_path):
    """The VTIMEZONE is made once a build, not once a calendar: each calendar is still exactly what
    icalendar's add_missing_timezones() gives (timed meetings), and all-day ones have none."""
    from icalendar import Calendar

    from minutebook.export import calendars

    result = sample_pages()
    archive, settings = result.archive, result.settings
    made = calendars.all_calendars(archive, settings)
    checked = 0
    for committee in archive.committees.values():
        for meetings, rel in [(committee.meetings, f"{urls.committee(committee)}meetings.ics")] + [
            ([m], f"{urls.meeting(m)}meeting.ics") for m in committee.meetings
        ]:
            cal = Calendar()
            cal.add("prodid", "-//Minutebook//Committee meetings//EN")
            cal.add("version", "2.0")
            cal.add("x-wr-calname", committee.name)
            cal.add("x-wr-timezone", "Europe/London")
            for meeting in meetings:
                cal.add_component(calendars._event(meeting, archive, settings))
            cal.add_missing_timezones()
            assert made[rel] == cal.to_ical().decode("utf-8"), rel
            checked += 1
    assert checked == len(archive.committees) + len(archive.meetings) > 3
    assert "BEGIN:VTIMEZONE" in made["meetings.ics"]
    allday = [m for m in archive.meetings if not m.start]
    for meeting in allday:
        assert "VTIMEZONE" not in made[f"{urls.meeting(meeting)}meeting.ics"]


def _relpath_url(url: str, other: str) -> str:
    """mkdocs.utils.get_relative_url as MkDocs writes it (posixpath.relpath): the reference."""
    import posixpath

    if other != ".":
        head, tail = posixpath.split(other)
        other = head if "." in tail else other
    rel = posixpath.relpath("/" + url, "/" + posixpath.dirname(other))
    return rel + "/" if url.endswith("/") else rel


def test_links_between_pages_are_rewritten_as_mkdocs_rewrites_them():
    """stream.relative_url (every link of every streamed page) gives MkDocs' string for any two
    addresses, odd ones (".", "..", empty segments, files) included."""
    import itertools

    from minutebook.render.stream import relative_url

    segments = ["a", "b", "index.html", ".", "..", "", "x.css"]
    addresses = sorted(
        {
            "/".join(combo) + end
            for n in range(4)
            for combo in itertools.product(segments, repeat=n)
            for end in ("", "/")
        }
    )
    for url in addresses:
        for other in addresses[::5]:
            assert relative_url(url, other) == _relpath_url(url, other), (url, other)


# -- Python-Markdown's bracket scan (render/brackets.py) --------------------------------------------

LIBRARY_SCAN = getattr(LinkInlineProcessor, "_findBracketEnds", None)
needs_scan = pytest.mark.skipif(LIBRARY_SCAN is None, reason="this Python-Markdown has no bracket scan to replace")


def bracket_texts() -> list[str]:
    """Random bracket soups, the hostile shapes (deep, unclosed, unopened, long), and real links."""
    rng = random.Random(15)
    texts = ["", "[", "]", "[]", "][", "[[]", "[]]", "a[b]c", "[a](b) [c](d)", "[[a]](b) [x"]
    texts += ["".join(rng.choice("[]a( )\\`") for _ in range(rng.randint(0, 60))) for _ in range(3000)]
    texts += ["[" * 5000, "]" * 5000, "[" * 3000 + "]" * 2000, "[]" * 4000, "x" * 20000 + "[y]"]
    return texts


@needs_scan
def test_the_bracket_scan_gives_python_markdowns_answer_for_every_text():
    for text in bracket_texts():
        assert brackets.bracket_ends(text) == LIBRARY_SCAN(text), text[:80]


@needs_scan
def test_every_sample_page_converts_to_the_same_html_with_the_fast_scan():
    """On every generated page of the sample site: the scan's answer, and the converter's whole result
    (HTML, toc, anchors, links) with the fast scan and with Python-Markdown's own."""
    refs = sample_pages().pages
    own = {ref.src: ref.url for ref in refs}
    setup = stream.Setup(["attr_list", "md_in_html", "tables", "toc", "minutebook.render.markdown_ext"], {}, own, {})
    fast, plain = stream.Converter(setup), stream.Converter(setup)
    patterns = [p for p in plain.md.inlinePatterns if isinstance(p, LinkInlineProcessor)]
    assert len(patterns) >= 4 and all(p._findBracketEnds is brackets.bracket_ends for p in patterns)
    for pattern in patterns:  # the library's own scan back on the plain converter
        del pattern._findBracketEnds
        assert pattern._findBracketEnds(" [a]") == LIBRARY_SCAN(" [a]")
    linked = 0
    for ref in refs:
        text = ref.build().text()
        assert brackets.bracket_ends(text) == LIBRARY_SCAN(text), ref.src
        assert fast.convert(ref.src, text) == plain.convert(ref.src, text), ref.src
        linked += "](" in text
    assert linked > 100
