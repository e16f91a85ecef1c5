"""Moves and renames keep old URLs working: a postponed meeting moved to its new date, a retitled
item with a new slug, a renamed paper."""

from __future__ import annotations

from browser import chromium, serve
from helpers import broken_links, fixture_project, mkdocs_build

ARCHIVE = {
    "board/committee.md": "---\nname: Board\n---\n",
    # the meeting of 2020-01-09 was moved to 2020-01-16 by renaming its folder
    "board/2020-01-16/meeting.md": """\
        ---
        start: "10:00"
        moved_from: [2020-01-09]
        items:
          - number: 1
            title: Budget Monitoring 2019/20 (corrected title)
            slug: budget-monitoring-2019-20-corrected-title
            previous_slugs: [budget-monitoring]
        ---
        """,
    "board/2020-01-16/papers/budget-q3.md": """\
        ---
        item: 1
        kind: report
        title: Budget report, quarter 3
        previous_names: [budget]
        ---
        Text.
        """,
}


def test_old_addresses_redirect_to_the_new_ones(tmp_path):
    config = fixture_project(tmp_path, ARCHIVE)
    site = tmp_path / "site"
    result = mkdocs_build(config, site)
    assert result.returncode == 0, result.stderr
    new_item = "board/2020-01-16/budget-monitoring-2019-20-corrected-title/"
    expected = {
        "board/2020-01-09/": "board/2020-01-16/",
        "board/2020-01-16/budget-monitoring/": new_item,
        "board/2020-01-09/budget-monitoring/": new_item,
        "board/2020-01-09/budget-monitoring-2019-20-corrected-title/": new_item,
        "board/2020-01-16/budget-monitoring/budget/": new_item + "budget-q3/",
        "board/2020-01-09/budget-monitoring/budget/": new_item + "budget-q3/",
    }
    for old in expected:
        page = (site / old / "index.html").read_text(encoding="utf-8")
        assert 'http-equiv="refresh"' in page, old
    assert broken_links(site) == []
    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        for old, new in expected.items():
            page.goto(base + old)
            page.wait_for_url(base + new)
            assert page.url == base + new


def test_an_old_address_cannot_hide_a_page(tmp_path):
    archive = dict(ARCHIVE)
    archive["board/2020-01-16/meeting.md"] = archive["board/2020-01-16/meeting.md"].replace(
        "previous_slugs: [budget-monitoring]", "previous_slugs: [budget-monitoring-2019-20-corrected-title]"
    )
    config = fixture_project(tmp_path, archive)
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0 and "is also the address of a page" in result.stderr
