"""Private items, drafts, embargoes and withdrawals never leak into any output file."""

from __future__ import annotations

import json

import pytest
from helpers import broken_links, env, fixture_project, mkdocs_build, unrendered_markdown

CANARIES = {
    "private paper": "CANARY-PRIVATE-PAPER-7d1",
    "private appendix": "CANARY-PRIVATE-APPENDIX-2b9",
    "private minute": "CANARY-PRIVATE-MINUTE-5c3",
    "withheld title": "CANARY-WITHHELD-TITLE-9e4",
    "draft minutes": "CANARY-DRAFT-MINUTES-1a8",
    "embargoed paper": "CANARY-EMBARGOED-PAPER-3f2",
    "embargoed appendix": "CANARY-EMBARGOED-APPENDIX-8d6",
    "draft paper": "CANARY-DRAFT-PAPER-4c7",
    "draft meeting": "CANARY-DRAFT-MEETING-6b5",
    "withdrawn paper": "CANARY-WITHDRAWN-PAPER-0a1",
    "withdrawn appendix": "CANARY-WITHDRAWN-APPENDIX-6c2",
    "tracker in embargoed pack": "CANARY-TRACKER-EMBARGOED-3d8",
    "draft attendee": "Zedekiah Canarydraftattendee",
}

ARCHIVE = {
    "board/committee.md": "---\nname: Audit Board\n---\n",
    "board/2020-01-09/meeting.md": f"""\
        ---
        start: "10:00"
        agenda_published: 2019-12-30
        items:
          - number: 1
            title: Contract award
            private: true
            exempt_paragraph: 3
          - number: 2
            title: "{CANARIES["withheld title"]}"
            private: true
            exempt_paragraph: 1
            withhold_title: true
          - number: 3
            title: Budget
          - number: 4
            title: Corrections
        ---
        """,
    "board/2020-01-09/papers/contract.md": f"""\
        ---
        item: 1
        kind: report
        title: Contract award report
        ---
        {CANARIES["private paper"]}
        """,
    "board/2020-01-09/papers/contract-appendix.md": f"""\
        ---
        kind: appendix
        parent: contract
        appendix: 1
        title: Bids
        ---
        {CANARIES["private appendix"]}
        """,
    "board/2020-01-09/papers/budget.md": f"""\
        ---
        item: 3
        kind: report
        title: Budget report
        publish_from: "2030-01-01 09:00"
        ---
        {CANARIES["embargoed paper"]}
        """,
    "board/2020-01-09/papers/budget-appendix.md": f"""\
        ---
        kind: appendix
        parent: budget
        appendix: A
        title: Figures
        ---
        {CANARIES["embargoed appendix"]}
        """,
    "board/2020-01-09/papers/budget-note.md": f"""\
        ---
        item: 3
        kind: briefing note
        title: Budget note
        draft: true
        ---
        {CANARIES["draft paper"]}
        """,
    "board/2020-01-09/papers/old-report.md": f"""\
        ---
        item: 4
        kind: report
        title: Report with personal data
        withdrawn: 2020-01-20
        withdrawn_reason: It named a member of the public.
        ---
        {CANARIES["withdrawn paper"]}
        """,
    "board/2020-01-09/papers/old-report-appendix.md": f"""\
        ---
        kind: appendix
        parent: old-report
        appendix: 1
        title: Names
        ---
        {CANARIES["withdrawn appendix"]}
        """,
    "board/tracker/2020-01-09.md": f"""\
        ---
        published_in: 2020-01-09/budget
        rows:
          - meeting: 2019-12-05
            kind: action
            text: {CANARIES["tracker in embargoed pack"]}
        ---
        """,
    "board/2020-01-09/minutes.md": f"""\
        ---
        draft: true
        attendance:
          present: [A Member (Chair), {CANARIES["draft attendee"]}]
        ---

        ## 1. Corrections

        {CANARIES["draft minutes"]}
        """,
    "board/2019-12-05/meeting.md": '---\nstart: "10:00"\n---\n',
    "board/2019-12-05/minutes.md": f"""\
        ---
        attendance:
          present: [A Member (Chair)]
        ---

        ## 40. Exclusion of the Press and Public

        RESOLVED that the press and public be excluded for the next item.

        ## 41. Land sale {{private=3}}

        {CANARIES["private minute"]}

        RESOLVED that {CANARIES["private minute"]} be approved.

        ## 42. Public item

        Further to minute 41/19 the Board noted progress.
        """,
    "board/2020-02-06/meeting.md": f"""\
        ---
        start: "10:00"
        draft: true
        items:
          - number: 1
            title: {CANARIES["draft meeting"]}
        ---
        """,
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("canary")
    config = fixture_project(root, ARCHIVE)
    site = root / "site"
    result = mkdocs_build(config, site)
    assert result.returncode == 0, result.stderr
    return root, config, site, result


def all_files(site):
    return {p: p.read_bytes().decode("utf-8", "replace") for p in site.rglob("*") if p.is_file()}


def test_no_canary_in_any_output_file(built):
    _, _, site, result = built
    files = all_files(site)
    suffixes = {p.suffix for p in files}
    assert {".html", ".json", ".xml"} <= suffixes
    leaks = [
        f"{what} in {p.relative_to(site)}"
        for p, text in files.items()
        for what, canary in CANARIES.items()
        if canary in text
    ]
    assert leaks == []
    assert not any(c in result.stderr or c.split()[-1] in result.stderr for c in CANARIES.values()), (
        "the build log must not print withheld text"
    )


def test_private_item_shows_title_paragraph_and_exclusion(built):
    _, _, site, _ = built
    page = (site / "board/2020-01-09/contract-award/index.html").read_text(encoding="utf-8")
    assert "Paragraph 3" in page and "Section 100A(4)" in page and "financial or business affairs" in page
    withheld = (site / "board/2020-01-09/private-item-2/index.html").read_text(encoding="utf-8")
    assert "Private item 2" in withheld and "Paragraph 1" in withheld
    # a public minute citing a private one links to its page (which has no minute text)
    public = (site / "board/2019-12-05/public-item/index.html").read_text(encoding="utf-8")
    assert 'href="../land-sale/">minute 41/19</a>' in public
    assert broken_links(site) == [] and unrendered_markdown(site) == []


def test_withdrawn_paper_is_a_dated_notice_and_leaves_open_data(built):
    _, _, site, _ = built
    page = (site / "board/2020-01-09/corrections/old-report/index.html").read_text(encoding="utf-8")
    assert "Withdrawn on 20 January 2020" in page and "It named a member of the public." in page
    data = json.loads((site / "api/meetings.json").read_text(encoding="utf-8"))
    meeting = next(m for m in data["meetings"] if m["id"] == "board/2020-01-09")
    assert all("old-report" not in p["url"] for p in meeting["papers"])
    assert meeting["papers"] == []  # private, embargoed, draft and withdrawn: nothing public yet
    assert "board/2020-02-06" not in {m["id"] for m in data["meetings"]}
    assert meeting["minutes_approved"] is None  # draft minutes are not published


def test_embargo_lifts_when_now_passes_it(tmp_path):
    config = fixture_project(tmp_path, ARCHIVE)
    site = tmp_path / "site"
    e = env()
    e["MINUTEBOOK_NOW"] = "2030-01-01 09:00"
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
        cwd=tmp_path,
        env=e,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    files = all_files(site)
    text = "\n".join(files.values())
    assert CANARIES["embargoed paper"] in text and CANARIES["embargoed appendix"] in text
    assert CANARIES["tracker in embargoed pack"] in text  # the tracker follows its pack
    for what in ("draft paper", "draft minutes", "private paper", "withdrawn paper", "withdrawn appendix"):
        assert CANARIES[what] not in text


def test_preview_is_refused_for_a_publishing_build(tmp_path):
    config = fixture_project(tmp_path, ARCHIVE)
    e = env()
    e["MINUTEBOOK_PREVIEW"] = "1"
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(tmp_path / "site")],
        cwd=tmp_path,
        env=e,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "only with `mkdocs serve`" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "board").exists()


def test_preview_build_shows_drafts_with_a_banner(tmp_path):
    """The domain's preview mode (used by `mkdocs serve`): drafts present, each with a banner."""
    import datetime as dt

    from helpers import site_settings, write_tree

    from minutebook.build import build

    write_tree(tmp_path / "meetings", ARCHIVE)
    result = build(tmp_path / "meetings", dt.datetime(2026, 1, 1), preview=True, settings=site_settings())
    assert result.ok
    pages = {p.url: p for p in result.pages}
    budget = pages["board/2020-01-09/budget/budget/"]
    assert "Preview only — Embargoed until 01 January 2030 09:00" in budget.body
    assert CANARIES["draft minutes"] in pages["board/2020-01-09/"].body
    assert "Preview only — Draft" in pages["board/2020-02-06/"].body
    # private content stays out even in a preview
    assert all(
        CANARIES["private paper"] not in p.body and CANARIES["private minute"] not in p.body for p in result.pages
    )


def _notice_project(tmp_path, published, meeting="2017-04-27"):
    return fixture_project(
        tmp_path,
        {
            "board/committee.md": "---\nname: Board\n---\n",
            f"board/{meeting}/meeting.md": f'---\nstart: "14:00"\nagenda_published: {published}\n---\n',
        },
    )


@pytest.mark.parametrize(
    "published, ok",
    [
        ("2017-04-19", True),  # Wed 19 → Thu 27 April 2017: 20, 21, 24, 25, 26 = five clear days
        ("2017-04-20", False),  # four
    ],
)
def test_five_clear_working_days_notice(tmp_path, published, ok):
    config = _notice_project(tmp_path, published)
    result = mkdocs_build(config, tmp_path / "site")
    assert (result.returncode == 0) is ok, result.stderr
    if not ok:
        assert "4 clear working days before the meeting; the law asks for 5" in result.stderr


def test_bank_holidays_are_not_working_days(tmp_path):
    # Tue 13 → Wed 21 April 2022: 14, (15 Good Friday), (18 Easter Monday), 19, 20 = three clear days
    config = _notice_project(tmp_path, "2022-04-13", meeting="2022-04-21")
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0 and "3 clear working days" in result.stderr
