"""The people index and person pages, and how committees are named: real builds of the sample and of
a small fixture archive (a surname-only councillor, an officer and a guest), output read back."""

from __future__ import annotations

import html
import re

import pytest
from helpers import broken_links, fixture_project, mkdocs_build, page_text

FULL = "Education and Children's Services Scrutiny Board (2)"
SHORT = "Scrutiny Board 2"


def article(site, url: str) -> str:
    text = page_text(site, url)
    return re.search(r"<article.*?</article>", text, re.S).group(0)


def words(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def sections(markup: str) -> list[tuple[str, str, str]]:
    """(id, heading text, section HTML) for each h2 of a page."""
    parts = re.split(r"(<h2 id=\"[^\"]+\">.*?</h2>)", markup, flags=re.S)
    found = []
    for heading, body in zip(parts[1::2], parts[2::2], strict=False):
        found.append((re.search(r'id="([^"]+)"', heading).group(1), words(heading).rstrip("¶ "), body))
    return found


def first_cells(markup: str) -> list[str]:
    return [words(cell) for cell in re.findall(r"<tr>\s*<td[^>]*>(.*?)</td>", markup, re.S)]


def surname(name: str) -> str:
    return name.split()[-1].lower()


# --- item 1: the index in groups -------------------------------------------------------------


def test_people_index_is_grouped_councillors_officers_others(sample_site):
    site, _ = sample_site
    groups = sections(article(site, "people"))
    assert [(key, heading) for key, heading, _ in groups] == [
        ("councillors", "Councillors"),
        ("officers", "Officers"),
        ("others", "Others"),
    ]
    names = {key: first_cells(body) for key, _, body in groups}
    for key, body in ((k, b) for k, _, b in groups):
        assert body.count("<table") == 1, f"{key}: one table per group"
        assert f"<caption>{key.capitalize()}, by surname</caption>" in body
    # people.yml honorifics and committee roles, and attendance groups, decide the group
    assert {"M Mutton", "J Mutton", "D Kershaw", "E Ruane", "K Sandhu"} <= set(names["councillors"])
    assert {"G Holmes", "M Rose", "J Gregg", "A Coles"} <= set(names["officers"])
    assert {"S Hanson", "K Jones", "R Potter", "Sgt S Grundy"} <= set(names["others"])
    everyone = [n for group in names.values() for n in group]
    assert len(everyone) == len(set(everyone)), "each person in one group only"
    for key, group in names.items():
        assert [surname(n) for n in group] == sorted(surname(n) for n in group), f"{key} not by surname"


# --- item 2: expected attendance only for members --------------------------------------------


def test_officer_page_lists_meetings_without_expected_figures(sample_site):
    site, _ = sample_site
    page = article(site, "people/g-holmes")
    text = words(page)
    assert 'id="attendance-summary"' not in page and "mb-chart" not in page
    assert "Expected" not in text and "expected 0" not in text.lower()
    assert "was not a member of a committee in this archive" in text
    assert "the minutes record G Holmes at 5 meetings" in text
    meetings = next(b for k, _, b in sections(page) if k == "meetings")
    assert len(re.findall(r"<tr>\s*<td", meetings)) == 5


def test_member_years_only_in_the_attendance_summary(sample_site):
    site, _ = sample_site
    page = article(site, "people/m-mutton")
    summary = next(b for k, _, b in sections(page) if k == "attendance-summary")
    rows = {
        words(r[0]): [words(c) for c in r[1:]]
        for r in (re.findall(r"<td[^>]*>(.*?)</td>", row, re.S) for row in re.findall(r"<tr>(.*?)</tr>", summary, re.S))
        if r
    }
    # a member (Chair) in 2015/16 and 2016/17; in 2017/18 at a meeting but not a member: no 'expected 0' row
    assert rows == {"2016/17": ["1", "0", "0", "1"], "2015/16": ["2", "0", "0", "2"]}
    meetings = next(b for k, _, b in sections(page) if k == "meetings")
    assert "11 January 2018" in words(meetings), "the 2017/18 meeting is still listed"


# --- item 3: one rule for the committee's name -----------------------------------------------


def test_full_name_in_breadcrumbs_titles_and_headings_short_name_only_with_full_name(sample_site):
    site, _ = sample_site
    pages = sorted(p for p in site.rglob("*.html") if "guide" not in p.parts)
    seen_short = 0
    for path in pages:
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(site)
        for crumbs in re.findall(r'<nav class="mb-breadcrumbs".*?</nav>', text, re.S):
            assert SHORT not in html.unescape(crumbs), f"{where}: short name in breadcrumbs"
        for tag in ("title", "h1", "h2", "h3"):
            for heading in re.findall(rf"<{tag}[^>]*>(.*?)</{tag}>", text, re.S):
                assert SHORT not in html.unescape(heading), f"{where}: short name in <{tag}>"
        # our own cells and links (officers' prose may say "Scrutiny Board 2"): never the bare short name
        plain = re.sub(
            r'<abbr class="mb-committee-short" title="[^"]*">'
            r'Scrutiny Board 2</abbr><span class="mb-sr-only"> \([^<]*\)</span>',
            "FULL",
            text,
        )
        for cell in re.findall(r"<(?:td|a)\b[^>]*>(.*?)</(?:td|a)>", plain, re.S):
            assert not words(cell).startswith(SHORT), f"{where}: bare short name in {cell!r}"
        for title, spoken in re.findall(
            r'<abbr class="mb-committee-short" title="([^"]*)">'
            r'Scrutiny Board 2</abbr><span class="mb-sr-only"> \(([^<]*)\)</span>',
            text,
        ):
            assert html.unescape(title) == html.unescape(spoken) == FULL
            seen_short += 1
    assert seen_short > 10, "table cells on the home page and person pages use the short form"
    meeting = page_text(site, "education-childrens-services/2016-01-07")
    crumbs = re.search(r'<nav class="mb-breadcrumbs".*?</nav>', meeting, re.S).group(0)
    assert FULL in html.unescape(crumbs)
    programme = page_text(site, "education-childrens-services/programme/2016-17")
    assert f"<title>Work programme 2016/17: {FULL}" in html.unescape(programme)


# --- item 4: surname only, never invented initials -------------------------------------------

ARCHIVE = {
    "people.yml": """\
        jones:
          name: Jones
          honorific: Councillor
        m-mutton:
          name: M Mutton
          honorific: Councillor
        """,
    "children/committee.md": """\
        ---
        name: Children's Scrutiny Board
        short_name: Scrutiny Board 2
        contact: {name: Michelle Rose, role: Governance Services, email: michelle.rose@example.gov.uk}
        membership:
          "2015/16":
            - M Mutton (Chair)
            - Jones
        ---
        Scrutinises children's services.
        """,
    "children/2015-12-16/meeting.md": """\
        ---
        start: "14:00"
        ---
        """,
    "children/2015-12-16/minutes.md": """\
        ---
        approved: true
        approved_at: 2016-02-25
        attendance:
          present: [Councillor M Mutton (Chair), Councillor Jones]
          officers:
            - {name: A Coles, directorate: Education and Skills}
          invited:
            - {name: P Visitor, organisation: Coventry Carers}
        ---

        ## 42. Serious Case Review

        The Board considered a review.

        RESOLVED that the recommendations be noted.
        """,
}


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("people")
    config = fixture_project(root, ARCHIVE)
    site = root / "site"
    result = mkdocs_build(config, site)
    assert result.returncode == 0, result.stderr
    assert broken_links(site) == []
    return site


def test_surname_only_member_shown_with_title_and_a_plain_note(small_site):
    page = page_text(small_site, "people/jones")
    assert "<title>Councillor Jones" in page
    body = words(article(small_site, "people/jones"))
    assert body.startswith("Councillor Jones")
    assert "The published papers give no first name or initials for Councillor Jones" in body
    assert not re.search(r"\b[A-Z]\.? Jones\b", body), "no initials are invented"
    index = article(small_site, "people")
    councillors = next(b for k, _, b in sections(index) if k == "councillors")
    assert first_cells(councillors) == ["Councillor Jones", "M Mutton"]
    # a person with initials gets no such note
    assert "give no first name" not in words(article(small_site, "people/m-mutton"))


def test_fixture_officer_and_guest_grouped_and_without_expected(small_site):
    index = article(small_site, "people")
    names = {k: first_cells(b) for k, _, b in sections(index)}
    assert names == {"councillors": ["Councillor Jones", "M Mutton"], "officers": ["A Coles"], "others": ["P Visitor"]}
    for key in ("a-coles", "p-visitor"):
        page = article(small_site, f"people/{key}")
        assert "attendance-summary" not in page and "Expected" not in words(page)
        assert "at 1 meeting." in words(page)
    member = words(article(small_site, "people/jones"))
    assert "Expected" in member


def test_surname_only_member_named_with_title_wherever_linked(small_site):
    committee = article(small_site, "children")
    meeting = article(small_site, "children/2015-12-16")
    for where, page in (("committee", committee), ("meeting", meeting)):
        links = [words(label) for href, label in re.findall(r'<a href="([^"]*people/jones/)">(.*?)</a>', page, re.S)]
        assert links and set(links) == {"Councillor Jones"}, f"{where}: {links}"
    # names with initials stay as printed
    assert re.search(r'people/m-mutton/">M Mutton</a>', meeting)
