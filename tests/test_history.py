"""Per-item history (topics), work-programme timelines and the recommendations tracker, on the
imported seed archive and on small fixtures."""

from __future__ import annotations

import json

import pytest
from browser import chromium, serve
from helpers import fixture_project, mkdocs_build

C = "education-childrens-services"


@pytest.fixture(scope="module")
def api(sample_site):
    site, _ = sample_site
    return {
        name: json.loads((site / "api" / f"{name}.json").read_text(encoding="utf-8"))
        for name in ("meetings", "topics", "programme", "actions")
    }


def item_of(api, day, minute=None, number=None):
    meeting = next(m for m in api["meetings"]["meetings"] if m["id"] == f"{C}/{day}")
    return next(
        i["id"]
        for i in meeting["items"]
        if (minute and i["minute"] == minute) or (number and i["agenda_number"] == number)
    )


def topic_with(api, item_id):
    return next(t for t in api["topics"]["topics"] if item_id in t["items"])


def test_quality_assurance_is_one_topic(api):
    first, second = item_of(api, "2017-04-06", minute="74/16"), item_of(api, "2018-01-11", minute="35/17")
    assert second in topic_with(api, first)["items"]


def test_improvement_board_is_one_topic_across_four_meetings(api):
    topic = topic_with(api, item_of(api, "2016-02-25", number="5"))
    for item in (item_of(api, "2017-04-27", number="7"), item_of(api, "2018-01-11", minute="36/17")):
        assert item in topic["items"]
    assert any(i.startswith(f"{C}/2018-07-19/") for i in topic["items"])


def plan(api, year, title):
    programme = next(p for p in api["programme"]["programmes"] if p["year"] == year)
    return next(e for e in programme["entries"] if e["title"].startswith(title))


def test_programme_entries_link_to_the_items_that_took_them_up(api):
    assert plan(api, "2016/17", "Health Visiting and Early Help")["considered_at"] == [
        item_of(api, "2017-04-06", minute="73/16")
    ]
    assert plan(api, "2016/17", "One Strategic Plan for School Organisation")["considered_at"] == [
        item_of(api, "2017-04-27", number="4")
    ]
    expected = {
        ("2015/16", "Serious Case Review – Child S"): item_of(api, "2015-12-16", minute="43/15"),
        ("2015/16", "LSCB Annual Report"): item_of(api, "2015-12-16", minute="44/15"),
        ("2015/16", "Progress report of the Multi-Agency Safeguarding Hub"): item_of(api, "2016-01-07", minute="49/15"),
        ("2015/16", "School Place Planning"): item_of(api, "2016-01-07", minute="50/15"),
        ("2015/16", "Process for Appointment of Local Authority Governors"): item_of(api, "2016-01-07", minute="51/15"),
        ("2015/16", "Children's Social Care Workforce Strategy"): item_of(api, "2016-02-25", number="4"),
        ("2015/16", "School Improvement and Education Progress"): item_of(api, "2016-02-25", number="6"),
        ("2015/16", "Improvement Board Progress Report from 6 January"): item_of(api, "2016-02-25", number="5"),
        ("2021/22", "Children and Young People's Plan"): item_of(api, "2021-06-24", minute="3/21"),
        ("2021/22", "Ofsted Outcomes and Action Plan"): item_of(api, "2021-09-16", number="4"),
    }
    misses = []
    for (year, title), item in expected.items():
        entry = plan(api, year, title)
        if item not in entry["considered_at"] or entry["status"] != "considered":
            misses.append(f"{year} {title}: {entry['status']} {entry['considered_at']}")
    assert misses == []
    assert plan(api, "2021/22", "Briefing on support for self-isolating families")["status"] == "dropped"
    # an entry whose meeting is not in the archive is never "dropped"
    assert plan(api, "2016/17", "Supervision of Social Care Staff recommendations")["status"] == "no papers"


def test_tracker_holds_every_row_of_the_outstanding_issues_appendix(api):
    from helpers import REPO

    from minutebook.load import yamlio

    path = REPO / "meetings" / C / "tracker" / "2017-04-27.md"
    rows = yamlio.load(yamlio.split_front_matter(path.read_text(encoding="utf-8"))[0])["rows"]
    assert len(rows) >= 10
    actions = api["actions"]["actions"]
    for row in rows:
        found = [
            a
            for a in actions
            if a["meeting_date"] == row["meeting"] and (a["text"] == row["text"] or row["text"] in a["text"])
        ]
        assert found, f"tracker row missing: {row['text'][:60]}"
    six_april = [a for a in actions if a["meeting_date"] == "2017-04-06" and a["text"] in {r["text"] for r in rows}]
    assert {a["minute"] for a in six_april} == {"73/16", "75/16"}
    answered = {a["text"][:40]: a["response"] for a in six_april if a["response"]}
    assert any("Briefing note sent to Cabinet Members 19/4/17" in r for r in answered.values())
    assert any("For consideration next Municipal year" in r for r in answered.values())


def test_topic_and_timeline_pages_render_and_every_item_is_reachable_by_keyboard(sample_site, api):
    site, _ = sample_site
    topic = topic_with(api, item_of(api, "2016-02-25", number="5"))
    pages = [topic["url"], f"{C}/programme/2016-17/", f"{C}/tracker/"]
    with serve(site) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for url in pages:
            page.goto(base + url)
            targets = page.eval_on_selector_all(
                "article a[href]",
                "els => els.map(e => e.getAttribute('href')).filter(h => h.includes('/') && !h.startsWith('http'))",
            )
            assert targets, url
            reached = set()
            for _ in range(600):
                page.keyboard.press("Tab")
                href = page.evaluate("document.activeElement && document.activeElement.getAttribute('href')")
                if href:
                    reached.add(href)
                if set(targets) <= reached:
                    break
            assert set(targets) <= reached, f"{url}: not reachable by Tab: {set(targets) - reached}"


FIXTURE = {
    "topics.yml": """\
        budget-monitoring:
          title: Budget monitoring
          merge: [budget-monitoring-quarter, revenue-budget]
        """,
    "board/committee.md": "---\nname: Board\n---\n",
    "board/2016-06-16/meeting.md": '---\nstart: "10:00"\nitems:\n  - {number: 1, title: Budget Monitoring Quarter 4}\n'
    "  - {number: 2, title: Revenue Budget}\n---\n",
    "board/2016-06-16/minutes.md": "---\n---\n\n## 1. Budget Monitoring Quarter 4\n\nNoted.\n\n## 2. Revenue Budget\n\n"
    "RESOLVED that officers provide a breakdown of agency spend.\n",
    "board/2016-09-15/meeting.md": '---\nstart: "10:00"\nitems:\n  - {number: 1, title: Budget Monitoring Quarter 1}\n'
    "  - {number: 2, title: Revenue Budget Outturn}\n---\n",
    "board/2016-11-10/meeting.md": '---\nstart: "10:00"\nitems:\n  - {number: 1, title: Libraries Review}\n---\n',
    "board/programmes/2016-17.md": """\
        ---
        year: "2016/17"
        entries:
          - {date: 2016-06-16, title: Budget Monitoring}
          - {date: 2016-06-16, title: Libraries Review}
          - {date: 2016-09-15, title: Parks Strategy}
          - {date: 2016-10-13, title: Leisure Centres}
          - {date: 2027-03-09, title: Youth Services}
        ---
        """,
}


def test_topics_yml_merges_and_statuses(tmp_path):
    config = fixture_project(tmp_path, FIXTURE)
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    api = json.loads((tmp_path / "site/api/topics.json").read_text())
    topic = next(t for t in api["topics"] if t["id"] == "budget-monitoring")
    assert topic["title"] == "Budget monitoring" and len(topic["items"]) == 4
    programme = json.loads((tmp_path / "site/api/programme.json").read_text())["programmes"][0]
    status = {e["title"]: e["status"] for e in programme["entries"]}
    assert status == {
        "Budget Monitoring": "considered",
        "Libraries Review": "moved",
        "Parks Strategy": "dropped",
        "Leisure Centres": "no papers",
        "Youth Services": "pending",
    }
    actions = json.loads((tmp_path / "site/api/actions.json").read_text())["actions"]
    assert [a["kind"] for a in actions] == ["information"] and actions[0]["minute"] == "2/16"
    assert (tmp_path / "site/topics/budget-monitoring/feed.xml").exists()
