"""The public site as a person uses it: Chromium navigation, axe-core, screenshots, feeds, calendars, print."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET

import pytest
from browser import chromium, screenshot, serve
from helpers import REPO

AXE = REPO / "tests" / ".npm" / "node_modules" / "axe-core" / "axe.min.js"
COMMITTEE = "education-childrens-services"
PAGE_TYPES = {
    "home": "",
    "committees": "committees/",
    "committee": f"{COMMITTEE}/",
    "meeting-with-minutes": f"{COMMITTEE}/2017-04-06/",
    "meeting-with-agenda": f"{COMMITTEE}/2017-04-27/",
    "item": f"{COMMITTEE}/2017-04-06/health-visiting-and-early-help/",
    "paper": f"{COMMITTEE}/2017-04-27/one-strategic-plan-for-school-organisation/one-strategic-plan/",
    "paper-with-table": f"{COMMITTEE}/2017-04-27/outstanding-issues/outstanding-issues-appendix-1/",
    "print-pack": f"{COMMITTEE}/2017-04-27/print/",
    "calendar": "calendar/",
    "topics": "topics/",
    "topic": "topics/improvement-board/",
    "work-programme": f"{COMMITTEE}/programme/2016-17/",
    "tracker": f"{COMMITTEE}/tracker/",
    "people": "people/",
    "person": "people/m-mutton/",
    "guide": "guide/meeting-files/",
    "accessibility": "accessibility/",
    "search": "search/?q=Improvement+Board",
}
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_source() -> str:
    if not AXE.exists():
        if os.environ.get("CI"):
            raise RuntimeError("axe-core is missing: npm install --prefix tests/.npm axe-core@4")
        pytest.skip("axe-core not installed (npm install --no-save --prefix tests/.npm axe-core@4)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def export(sample_site):
    site, _ = sample_site
    return json.loads((site / "api" / "meetings.json").read_text(encoding="utf-8"))


def test_every_page_type_exists(sample_site):
    site, _ = sample_site
    missing = [name for name, url in PAGE_TYPES.items() if not (site / url.split("?")[0] / "index.html").exists()]
    assert missing == []


@pytest.mark.parametrize("width", [1280, 360])
def test_axe_finds_no_violation_on_any_page_type(sample_site, width):
    site, _ = sample_site
    source = axe_source()
    failures = []
    with serve(site) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": width, "height": 900})
        for name, url in PAGE_TYPES.items():
            page.goto(base + url)
            page.wait_for_load_state("load")
            page.add_script_tag(content=source)
            result = page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
            for violation in result["violations"]:
                targets = [n["target"] for n in violation["nodes"]][:3]
                failures.append(f"{name} @{width}px: {violation['id']} ({violation['impact']}) {targets}")
            screenshot(page, f"{name}-{width}")
    assert failures == []


def test_pages_reflow_at_400_percent_zoom(sample_site):
    """1280 px at 400 % zoom is a 320 px viewport: no page may scroll sideways (WCAG 1.4.10)."""
    site, _ = sample_site
    overflowing = []
    with serve(site) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 320, "height": 256})
        for name, url in PAGE_TYPES.items():
            page.goto(base + url)
            wide = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if wide > 1:
                overflowing.append(f"{name}: {wide}px")
    assert overflowing == []


def test_navigation_committee_meeting_item_paper_by_keyboard_and_mouse(sample_site):
    site, _ = sample_site
    with serve(site) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base)
        page.get_by_role("link", name="Education and Children's Services Scrutiny Board (2)").first.click()
        assert page.url.endswith(f"{COMMITTEE}/")
        page.get_by_role("link", name="27 April 2017").first.click()
        assert page.url.endswith("2017-04-27/")
        page.get_by_role("link", name="One Strategic Plan for School Organisation", exact=True).first.click()
        assert page.url.endswith("one-strategic-plan-for-school-organisation/")
        link = page.get_by_role("link", name="One Strategic Plan for School Organisation", exact=True).last
        link.focus()
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r".*/one-strategic-plan/$"))
        assert "3.2" in page.inner_text("article")
        # the first Tab reaches the skip link, which moves focus past the navigation
        page.keyboard.press("Tab")
        assert "Skip to content" in page.evaluate("document.activeElement.textContent")
        screenshot(page, "navigation-paper")


def test_feeds_parse_and_hold_the_papers(sample_site):
    site, _ = sample_site
    atom = ET.parse(site / COMMITTEE / "atom.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.findtext("a:title", namespaces=ns) for e in atom.findall("a:entry", ns)]
    assert any(t.startswith("One Strategic Plan for School Organisation") for t in titles)
    assert any(t.startswith("Minutes (approval not recorded)") for t in titles)
    rss = ET.parse(site / COMMITTEE / "feed.xml").getroot()
    items = rss.findall("./channel/item")
    assert len(items) == len(titles) and all(i.findtext("pubDate") for i in items)
    assert ET.parse(site / "atom.xml").getroot().findall("a:entry", ns)


def test_calendars_parse_and_hold_every_meeting(sample_site, export):
    from icalendar import Calendar

    site, _ = sample_site
    calendar = Calendar.from_ical((site / "meetings.ics").read_bytes())
    events = calendar.walk("VEVENT")
    assert {str(e["UID"]).split("@")[0] for e in events} == {m["id"] for m in export["meetings"]}
    event = next(e for e in events if str(e["UID"]).startswith(f"{COMMITTEE}/2017-04-27"))
    start = event.decoded("DTSTART")
    assert (start.hour, start.minute, str(start.tzinfo)) == (14, 0, "Europe/London")
    assert calendar.walk("VTIMEZONE"), "the calendar carries its time zone"
    assert "Committee Room 3" in str(event["LOCATION"])
    single = Calendar.from_ical((site / COMMITTEE / "2017-04-27" / "meeting.ics").read_bytes())
    assert len(single.walk("VEVENT")) == 1


def test_print_pack_holds_every_paper_in_agenda_order(sample_site, export):
    site, _ = sample_site
    html = (site / COMMITTEE / "2017-04-27" / "print" / "index.html").read_text(encoding="utf-8")
    meeting = next(m for m in export["meetings"] if m["id"] == f"{COMMITTEE}/2017-04-27")
    expected = [p["title"] for item in meeting["items"] for p in item["papers"]]
    assert len(expected) >= 10
    headings = re.findall(r'<h2 id="p\d+-paper">(.*?)<a class="headerlink"', html)
    found = [re.sub(r"^Item \d+: (Appendix \w+: )?", "", re.sub("<[^>]+>", "", h)).strip() for h in headings]
    # item 3 asks the meeting to agree the minutes of 6 April 2017, which the archive holds: they come first
    assert found[0] == "Minutes of the meeting of Thursday 6 April 2017"
    assert found[1:] == expected
    assert html.count('class="mb-print-paper"') == len(expected) + 1


def test_person_page_shows_attendance_across_the_archive(sample_site, export):
    site, _ = sample_site
    page = (site / "people" / "m-mutton" / "index.html").read_text(encoding="utf-8")
    recorded = [
        m
        for m in export["meetings"]
        if any(a["person"] == "m-mutton" for group in m["attendance"].values() for a in group)
    ]
    assert recorded
    for m in recorded:
        assert f'href="../../{m["url"]}#attendance"' in page, m["id"]
    assert "Attendance by municipal year" in page and "mb-chart" in page


def test_open_data_csv_and_licence(sample_site, export):
    import csv

    site, _ = sample_site
    rows = list(csv.DictReader((site / "api" / "meetings.csv").open(encoding="utf-8")))
    assert [r["id"] for r in rows] == [m["id"] for m in export["meetings"]]
    items = list(csv.DictReader((site / "api" / "items.csv").open(encoding="utf-8")))
    assert sum(len(m["items"]) for m in export["meetings"]) == len(items)
    assert export["licence"]["name"] == "Open Government Licence v3.0"
    assert "Open Government Licence" in (site / "index.html").read_text(encoding="utf-8")
