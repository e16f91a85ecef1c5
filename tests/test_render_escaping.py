"""Page chrome is escaped by construction: hostile titles and names in a real build, opened in Chromium.

A topics.yml title carrying <script>, <img onerror> and <svg onload> (issue 11 item 7) and an item
title and a person's name that try to break out of <meta name="description"> into a refresh
(item 11) must show as text everywhere: <title>, meta tags, header, breadcrumb, <h1>, nav, JSON-LD.
Also: every page says how to report a mistake, meeting pages carry schema.org Event JSON-LD, and
every feed is linked from <head> (issue 14 item 13).
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from browser import chromium, serve
from helpers import fixture_project, mkdocs_build

SCRIPT = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2"><svg onload="window.__xss=3">'
REFRESH = '0;url=https://evil.example/" http-equiv="refresh" x="'

FIXTURE = {
    "topics.yml": f"""\
        budget:
          title: '{SCRIPT}'
          items: [board/2016-06-16/budget, board/2016-09-15/budget-outturn]
        """,
    "board/committee.md": f"""\
        ---
        name: Audit Board
        contact:
          name: Jo Clerk
          email: jo.clerk@example.gov.uk
        membership:
          "2016/17":
            - '{REFRESH}'
            - A Smith (Chair)
        ---
        """,
    "board/2016-06-16/meeting.md": f"""\
        ---
        start: "10:00"
        place: "Committee Rooms 3 & 4, Council House"
        items:
          - {{number: 1, title: Budget}}
          - number: 2
            title: '{REFRESH}'
        ---
        """,
    "board/2016-06-16/minutes.md": "---\n---\n\n## 1. Budget\n\nRESOLVED that the budget be noted.\n\n"
    "## 2. Other business {item=2}\n\nNone.\n",
    "board/2016-09-15/meeting.md": '---\nstart: "14:00"\nstatus: cancelled\nitems:\n  - {number: 1, title: Budget Outturn}\n---\n',
    "board/2016-11-10/meeting.md": '---\nstart: "14:00"\nstatus: postponed\npostponed_to: 2016-12-08\n---\n',
}


class _Head(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.alternates, self.jsonld, self.metas, self.in_ld = [], [], {}, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "alternate":
            self.alternates.append(a)
        if tag == "meta" and a.get("name"):
            self.metas[a["name"]] = a.get("content")
        self.in_ld = tag == "script" and a.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self.in_ld:
            self.jsonld.append(json.loads(data))

    def handle_endtag(self, tag):
        self.in_ld = False


def head(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("escaping")
    config = fixture_project(root, FIXTURE)
    config.write_text(
        config.read_text().replace(
            "meetings_dir: meetings",
            "meetings_dir: meetings\n"
            "      contact_name: Democratic Services\n      contact_email: democracy@example.gov.uk",
        )
    )
    result = mkdocs_build(config, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


PAGES = [
    "topics/budget/",
    "topics/",
    "board/2016-06-16/",
    "board/2016-06-16/budget/",
    "board/",
    "people/",
    "board/2016-09-15/",
]


def item_with_refresh_title(site: Path) -> str:
    found = [p for p in (site / "board" / "2016-06-16").iterdir() if p.is_dir() and p.name not in ("budget", "print")]
    assert len(found) == 1, found
    return f"board/2016-06-16/{found[0].name}/"


def test_hostile_titles_run_nothing_and_navigate_nowhere(site):
    pages = [*PAGES, item_with_refresh_title(site)]
    people = [p.name for p in (site / "people").iterdir() if p.is_dir()]
    pages += [f"people/{name}/" for name in people]
    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for url in pages:
            page.goto(base + url, wait_until="load")
            page.wait_for_load_state("networkidle")
            assert page.url == base + url, f"{url}: the browser navigated away to {page.url}"
            assert page.evaluate("window.__xss") is None, f"{url}: a payload ran"
            assert page.evaluate("document.querySelectorAll('meta[http-equiv]').length") == 0, url
        assert dialogs == []
        # the payloads are shown as text, where a reader sees titles
        page.goto(base + "topics/budget/")
        assert SCRIPT in page.title()
        assert page.inner_text("article h1") == SCRIPT
        assert SCRIPT in page.inner_text(".md-header__topic:last-child")
        assert SCRIPT in page.inner_text("nav.mb-breadcrumbs")  # the page's own title is its last crumb
        page.goto(base + "topics/")
        assert SCRIPT in page.inner_text("article table")
        url = item_with_refresh_title(site)
        page.goto(base + url)
        assert page.inner_text("article h1") == REFRESH
        assert REFRESH in page.get_attribute('meta[name="description"]', "content")


class _Attributes(HTMLParser):
    """Every element's tag and attributes, as a browser parses them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "http-equiv" or name.startswith("on") or name in ("x", "x="):
                self.bad.append(f"<{tag} {name}={value!r}>")
        if tag in ("svg", "img") and ("onload" in dict(attrs) or "onerror" in dict(attrs)):
            self.bad.append(tag)

    def handle_data(self, data):
        pass


def test_every_attribute_is_escaped_in_the_html(site):
    for path in site.rglob("*.html"):
        parser = _Attributes()
        parser.feed(path.read_text(encoding="utf-8"))
        assert parser.bad == [], path
        assert "<script>window.__xss" not in path.read_text(encoding="utf-8"), path


def test_every_page_says_how_to_report_a_mistake(site):
    for url in [*PAGES, "calendar/", "committees/"]:
        text = (site / url / "index.html").read_text(encoding="utf-8")
        assert "Found a mistake on this page?" in text, url
    for url in ["board/", "board/2016-06-16/", "board/2016-06-16/budget/", "topics/budget/"]:
        assert 'href="mailto:jo.clerk@example.gov.uk?subject=' in (site / url / "index.html").read_text(), url
    # pages no committee covers, the site's own pages included, name the site's contact
    for url in ["", "people/", "calendar/", "about/"]:
        text = (site / url / "index.html").read_text(encoding="utf-8")
        assert "Found a mistake on this page? Tell Democratic Services" in text, url
        assert 'href="mailto:democracy@example.gov.uk?subject=' in text, url


def test_meeting_pages_carry_schema_org_events(site):
    held = head(site / "board/2016-06-16/index.html").jsonld
    assert len(held) == 1
    event = held[0]
    assert event["@type"] == "Event" and event["@context"] == "https://schema.org"
    assert event["name"] == "Audit Board, 16 June 2016"
    assert event["startDate"] == "2016-06-16T10:00:00+01:00"  # British Summer Time
    assert event["location"]["name"] == "Committee Rooms 3 & 4, Council House"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    cancelled = head(site / "board/2016-09-15/index.html").jsonld[0]
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"
    assert cancelled["startDate"] == "2016-09-15T14:00:00+01:00"
    postponed = head(site / "board/2016-11-10/index.html").jsonld[0]
    assert postponed["eventStatus"] == "https://schema.org/EventPostponed"
    assert postponed["startDate"] == "2016-11-10T14:00:00+00:00"  # Greenwich Mean Time
    assert "location" not in postponed  # no place recorded
    assert head(site / "board/index.html").jsonld == []
    # the serialiser escapes what could end the script element
    raw = (site / "board/2016-06-16/index.html").read_text()
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', raw, re.S)
    assert len(scripts) == 1 and "&" not in scripts[0] and "<" not in scripts[0] and "\\u0026" in scripts[0]


def test_every_feed_is_discoverable(site):
    def alternates(url):
        page = site / url / "index.html"
        return {(a["type"], (page.parent / a["href"]).resolve()) for a in head(page).alternates}

    site_feeds = {
        ("application/rss+xml", (site / "feed.xml").resolve()),
        ("application/atom+xml", (site / "atom.xml").resolve()),
    }
    committee = {
        ("application/rss+xml", (site / "board/feed.xml").resolve()),
        ("application/atom+xml", (site / "board/atom.xml").resolve()),
    }
    for url in ["", "people/", "calendar/", "topics/"]:
        assert alternates(url) == site_feeds, url
    for url in ["board/", "board/2016-06-16/", "board/2016-06-16/budget/"]:
        assert alternates(url) == site_feeds | committee, url
    assert ("application/rss+xml", (site / "topics/budget/feed.xml").resolve()) in alternates("topics/budget/")
    for url in ["", "board/", "topics/budget/"]:
        for _, target in alternates(url):
            assert target.is_file(), target


SLUG = 's"onmouseover="window.__xss=4"x='
SLUG_FIXTURE = {
    "board/committee.md": "---\nname: Board\n---\n",
    "board/2016-06-16/meeting.md": '---\nstart: "10:00"\nitems:\n  - {number: 1, title: Budget}\n---\n',
    "board/2016-06-16/minutes.md": f"---\n---\n\n## 1. Budget {{item=1 slug={SLUG}}}\n\nNoted.\n",
    "board/2016-06-16/papers/report.md": "---\nitem: 1\nkind: report\ntitle: Report\n---\nText.\n",
}


def test_a_heading_slug_cannot_break_out_of_a_link(tmp_path):
    """Issue 11 item 8. The loader may refuse the slug (an error naming the file); if it reaches the
    pages, every link to it is percent-encoded and hovering or focusing any link runs nothing."""
    config = fixture_project(tmp_path, SLUG_FIXTURE)
    result = mkdocs_build(config, tmp_path / "site")
    if result.returncode != 0:
        assert re.search(r"minutes\.md:4: 'slug' .*not an address", result.stderr), result.stderr
        assert "Traceback" not in result.stderr
        return
    site = tmp_path / "site"
    for path in site.rglob("*.html"):
        parser = _Attributes()
        parser.feed(path.read_text(encoding="utf-8"))
        assert parser.bad == [], path
    paper = "board/2016-06-16/" + quote(SLUG) + "/report/"
    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        for url in [paper, "board/2016-06-16/", "board/2016-06-16/print/"]:
            page.goto(base + url, wait_until="load")
            hovered = page.evaluate("""() => { let n = 0; for (const a of document.querySelectorAll('a')) {
                for (const kind of ['mouseover', 'mouseenter', 'focus']) a.dispatchEvent(new MouseEvent(kind));
                a.focus(); n++; } return n; }""")
            assert hovered > 10
            assert page.evaluate("window.__xss") is None, url
        assert page.url == base + "board/2016-06-16/print/"
        page.goto(base + paper)
        crumbs = page.eval_on_selector_all("nav.mb-breadcrumbs a", "els => els.map(e => e.getAttribute('href'))")
        assert crumbs[-1].endswith("/board/2016-06-16/" + quote(SLUG) + "/")


def test_page_code_builds_no_html_and_trusts_one_sanitiser():
    """Markup lives in the templates; the one Markup(...) is the sanitised officer text."""
    import ast

    from helpers import REPO

    domain = REPO / "plugins" / "minutebook"
    for path in sorted((domain / "render").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                html = re.sub(r"\(\?P<\w+>", "(", node.value)  # named groups of regular expressions
                assert not re.search(r"<[a-zA-Z/!]", html), f"{path.name}: HTML in a string: {node.value[:60]!r}"
    calls = [
        f"{p.relative_to(domain)}"
        for p in domain.rglob("*.py")
        if re.search(r"\bMarkup\(", p.read_text(encoding="utf-8"))
    ]
    assert calls == ["render/templates.py"]
    assert len(re.findall(r"\bMarkup\(", (domain / "render" / "templates.py").read_text())) == 1


def test_a_site_without_the_templates_is_told_where_they_go(tmp_path):
    config = fixture_project(tmp_path, {"board/committee.md": "---\nname: Board\n---\n"})
    (tmp_path / "theme").mkdir()
    config.write_text(
        config.read_text().replace(
            f"custom_dir: {Path(__file__).resolve().parent.parent / 'overrides'}", f"custom_dir: {tmp_path / 'theme'}"
        )
    )
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert "page templates are missing" in result.stderr and "overrides/minutebook" in result.stderr
    assert "Traceback" not in result.stderr
