"""Issue 14: the public site says only what is true, and the officers' path works as the README says.

Text checks on real builds of the sample archive and of small fixture archives; the README's
commands run literally in a temporary copy of the repository.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from helpers import REPO, SEEDS, fixture_project, minutebook, mkdocs_build, write_tree


# -- 18. the tests carry the packs they read -------------------------------------------------------
def test_seed_packs_travel_with_the_tests():
    assert SEEDS.resolve().is_relative_to(REPO / "tests")
    assert sorted(p.name for p in SEEDS.glob("*.txt")) == [
        "000_c5496f9693e9c252.txt",
        "001_96dd093443c53e4c.txt",
        "002_d98d4017c5ce876e.txt",
        "003_639f5ea0328848c9.txt",
        "004_60aad8a88e5fbc23.txt",
    ]
    assert "Education and Children's Services Scrutiny Board" in (SEEDS / "000_c5496f9693e9c252.txt").read_text(
        encoding="utf-8"
    )


def test_no_test_reads_outside_the_repository():
    for path in sorted((REPO / "tests").glob("*.py")):
        if path.name == Path(__file__).name:
            continue
        text = path.read_text(encoding="utf-8")
        assert ".." + "/shared" not in text and '/ "shared"' not in text and "REPO.parent" not in text, path.name


def main_text(site: Path, url: str) -> str:
    """The words of a page's article, tags removed and spaces collapsed, as a reader sees them."""
    page = (site / url / "index.html").read_text(encoding="utf-8")
    article = page[page.index("<article") : page.index("</article>")]
    article = re.sub(r"<(script|style)\b.*?</\1>", " ", article, flags=re.S)
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", article)).split())
    return re.sub(r" ([,.;:)])", r"\1", text)


def build_fixture(tmp_path: Path, files: dict[str, str]) -> Path:
    config = fixture_project(tmp_path, files)
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    return tmp_path / "site"


# -- 1. past meetings do not look pending ----------------------------------------------------------
SAMPLE = "education-childrens-services"


def test_sample_past_meetings_say_what_is_known(sample_site):
    site, _ = sample_site
    home = main_text(site, "")
    recent = home[home.index("Recent meetings") : home.index("Latest papers")]
    assert "not yet approved" not in recent.lower() and "not yet published" not in recent.lower()
    assert recent.count("Minutes not in this archive") == 4  # 2016-02-25, 2017-04-27, 2018-07-19, 2021-09-16
    assert recent.count("Approval not recorded") == 5
    committee = main_text(site, SAMPLE + "/")
    assert "Agenda published" not in committee and "not yet approved" not in committee
    assert "Past meeting; minutes not in this archive" in committee
    assert "Held; approval not recorded" in committee
    april = main_text(site, SAMPLE + "/2017-04-27/")
    assert "Status Past meeting" in april and "Agenda published Past" not in april
    assert (
        "Minutes not in this archive. The council publishes its minutes on the council's committee papers site" in april
    )
    assert 'href="http://moderngov.coventry.gov.uk"' in (site / SAMPLE / "2017-04-27/index.html").read_text()
    minutes = main_text(site, SAMPLE + "/2016-01-07/")
    assert (
        "Approval not recorded. This archive does not record whether a later meeting approved these minutes" in minutes
    )
    assert "Not yet approved" not in minutes


def test_sample_minutes_files_and_open_data_record_approval_as_not_recorded(sample_site):
    site, _ = sample_site
    for path in sorted((REPO / "meetings" / SAMPLE).glob("*/minutes.md")):
        assert "\napproved: not recorded\n" in path.read_text(encoding="utf-8"), path
    data = json.loads((site / "api/meetings.json").read_text(encoding="utf-8"))
    states = {m["date"]: (m["minutes_approved"], m["minutes_approval"]) for m in data["meetings"]}
    assert states["2016-01-07"] == (None, "approval not recorded")
    assert states["2016-02-25"] == (None, "not in this archive")
    assert "minutes_approval" in (site / "api/meetings.csv").read_text(encoding="utf-8").splitlines()[0]


APPROVALS = {
    "board/committee.md": "---\nname: Audit Board\nminutes_elsewhere:\n  url: https://democracy.example.gov.uk/board\n"
    "  text: the council's older committee pages\n---\n",
    "board/2020-01-09/meeting.md": '---\nstart: "10:00"\n---\n',
    "board/2020-01-09/minutes.md": "---\napproved: not recorded\n---\n## 1. Budget\n\nThe Board discussed the budget.\n",
    "board/2020-02-13/meeting.md": '---\nstart: "10:00"\n---\n',
    "board/2020-02-13/minutes.md": "---\napproved: false\n---\n## 2. Minutes\n\nThe minutes of the meeting held on "
    "9th January, 2020 were approved.\n\n## 3. Audit\n\nThe Board discussed the audit.\n",
    "board/2020-03-12/meeting.md": '---\nstart: "10:00"\nitems:\n  - number: 1\n    title: Risks\n---\n',
    "board/2026-11-05/meeting.md": '---\nstart: "10:00"\n---\n',
    "board/2026-11-05/minutes.md": "---\napproved: false\n---\n## 4. Risks\n\nThe Board discussed risks.\n",
    "board/2026-12-10/meeting.md": '---\nstart: "10:00"\nitems:\n  - number: 1\n    title: Risks again\n---\n',
}


def test_approval_inferred_waiting_not_recorded_and_not_in_archive(tmp_path):
    site = build_fixture(tmp_path, APPROVALS)  # MINUTEBOOK_TODAY is 22 November 2026
    january = main_text(site, "board/2020-01-09/")
    assert "Approved at the meeting of 13 February 2020, as the minutes of that meeting record." in january
    february = main_text(site, "board/2020-02-13/")  # says false, but the Board has met since
    assert "Approval not recorded" in february and "Not yet approved" not in february
    march = main_text(site, "board/2020-03-12/")
    assert "Status Past meeting" in march
    assert (
        "Minutes not in this archive. The council publishes its minutes on the council's older committee pages" in march
    )
    november = main_text(site, "board/2026-11-05/")  # the next meeting, 10 December, is still to come
    assert "Not yet approved. These minutes are a record of the meeting until the committee's next meeting" in november
    december = main_text(site, "board/2026-12-10/")
    assert "Status Agenda published" in december and "Minutes not" not in december
    home = main_text(site, "")
    assert "Minutes not yet" not in home
    data = {m["date"]: m for m in json.loads((site / "api/meetings.json").read_text())["meetings"]}
    assert data["2020-01-09"]["minutes_approved"] is True and data["2020-01-09"]["minutes_approved_at"] == "2020-02-13"
    assert data["2026-11-05"]["minutes_approval"] == "not yet approved"
    notes = minutebook("check", "meetings", "--verbose", cwd=tmp_path).stdout
    assert (
        "info: meetings/board/2020-02-13/minutes.md: these minutes say 'approved: false', but the committee has "
        "met since"
    ) in notes
    assert "2026-11-05/minutes.md: these minutes" not in notes


def test_approved_accepts_only_true_false_or_not_recorded(tmp_path):
    files = dict(APPROVALS)
    files["board/2020-01-09/minutes.md"] = "---\napproved: perhaps\n---\n## 1. Budget\n\nText.\n"
    write_tree(tmp_path / "meetings", files)
    result = minutebook("check", "meetings", cwd=tmp_path)
    assert result.returncode != 0
    assert "board/2020-01-09/minutes.md:2" in result.stdout + result.stderr
    assert "must be one of: true, false, not recorded" in result.stdout + result.stderr


# -- 2. corrections in plain words, never commit subjects -------------------------------------------
CORRECTED = {
    "board/committee.md": "---\nname: Board\n---\n",
    "board/2020-01-09/meeting.md": '---\nstart: "10:00"\nitems:\n  - number: 1\n    title: Budget\n---\n',
    "board/2020-01-09/minutes.md": (
        "---\napproved: true\ncorrections:\n  - date: 2020-01-20\n    change: Minute 1 now names the Chair\n"
        "    reason: The published minutes named the wrong councillor\n---\n## 1. Budget\n\nThe Chair spoke.\n"
    ),
    "board/2020-01-09/papers/budget.md": (
        "---\nitem: 1\nkind: report\ntitle: Budget report\npublished: 2019-12-20\ncorrections:\n"
        "  - date: 2020-01-06\n    change: Paragraph 2 now gives the budget as £1.2 million\n"
        "    reason: The figure printed was last year's\n    previous: The budget is £1.1 million.\n"
        "  - date: 2020-01-07\n    change: A broken link was mended\n    reason: <b>typing</b> error\n"
        "---\nThe budget is £1.2 million.\n"
    ),
}


def test_corrections_are_told_in_plain_words(tmp_path):
    git_repo = tmp_path
    config = fixture_project(tmp_path, CORRECTED)
    subprocess.run(["git", "init", "-q"], cwd=git_repo, check=True)
    for args in (["add", "."], ["commit", "-q", "-m", "Importer: minutebook import turns pack text into files"]):
        subprocess.run(
            ["git", "-c", "user.name=Dev", "-c", "user.email=dev@example.org", *args],
            cwd=git_repo,
            check=True,
            env={**os.environ, "GIT_AUTHOR_DATE": "2026-11-22T10:00:00", "GIT_COMMITTER_DATE": "2026-11-22T10:00:00"},
        )
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    paper = main_text(tmp_path / "site", "board/2020-01-09/budget/budget/")
    assert "This paper was published on 20 December 2019." in paper
    assert (
        "Corrected after publication 6 January 2020: Paragraph 2 now gives the budget as £1.2 million. "
        "Why: The figure printed was last year's. Previously: The budget is £1.1 million."
    ) in paper
    assert "7 January 2020: A broken link was mended. Why: <b>typing</b> error." in paper  # escaped, shown as typed
    assert "Importer" not in paper and "22 November 2026" not in paper and "added to this site" not in paper
    minutes = main_text(tmp_path / "site", "board/2020-01-09/")
    assert (
        "20 January 2020: Minute 1 now names the Chair. Why: The published minutes named the wrong councillor."
    ) in minutes
    assert "Importer" not in minutes and "2026" not in minutes


def test_a_correction_needs_its_reason(tmp_path):
    files = dict(CORRECTED)
    files["board/2020-01-09/papers/budget.md"] = files["board/2020-01-09/papers/budget.md"].replace(
        "    reason: The figure printed was last year's\n", ""
    )
    write_tree(tmp_path / "meetings", files)
    result = minutebook("check", "meetings", cwd=tmp_path)
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "board/2020-01-09/papers/budget.md:" in out and "reason" in out, out


def test_sample_pages_show_no_commit_messages(sample_site):
    site, _ = sample_site
    for page in sorted((site / SAMPLE).rglob("index.html")):
        text = page.read_text(encoding="utf-8")
        assert "Importer:" not in text and "added to this site" not in text and "Changed " not in text, page


# -- 3. the tracker: no ages to today, states in words, readable on a phone ----------------------------
def test_tracker_says_when_raised_last_report_and_state_in_words(sample_site):
    site, _ = sample_site
    text = main_text(site, SAMPLE + "/tracker/")
    assert not re.search(r"\d days", text) and " Age " not in text
    assert "Raised Item Request Response Last report State" in text
    # "For consideration next Municipal year" puts the request off: it is not an answer
    start = text.index("Further consideration be given in conjunction with Health Scrutiny Board")
    deferred = text[start : start + 300]
    assert "For consideration next Municipal year." in deferred
    assert "Open at the last report (27 April 2017)" in deferred
    answered = text[text.index("Answered requests") :]
    assert "Further consideration be given" not in answered and "Minister is on paternity leave" not in answered
    assert "Briefing note sent to Cabinet Members 19/4/17" in answered
    assert "Appendix 1: Outstanding Issues, with the papers of the meeting of 27 April 2017" in text
    assert "No later report in this archive" in text  # 2018 and 2021 requests: no tracker after them here
    assert "Not listed in the outstanding-issues report of 27 April 2017" in text  # 2015 requests it left out
    data = json.loads((site / "api/actions.json").read_text(encoding="utf-8"))
    states = {a["state"] for a in data["actions"]}
    assert states == {
        "answered",
        "open at the last report",
        "not listed in the later report",
        "no later report in this archive",
    }


def test_tracker_reads_as_cards_at_390_px(sample_site):
    from browser import chromium, screenshot, serve

    site, _ = sample_site
    with serve(site) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.goto(base + SAMPLE + "/tracker/")
        cell = page.locator("table.mb-stack td[data-label='Request']").first
        box = cell.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, box
        label = cell.evaluate("e => getComputedStyle(e, '::before').content")
        assert label == '"Request"', label
        response = page.locator("table.mb-stack td[data-label='Response']").first.bounding_box()
        assert response and response["x"] + response["width"] <= 390, response
        screenshot(page, "truths-tracker-390")
        wide = browser.new_page(viewport={"width": 1280, "height": 900})
        wide.goto(base + SAMPLE + "/tracker/")
        assert wide.locator("table.mb-stack thead th").first.is_visible()  # a table on a wide screen


# -- 4. work programme wording ------------------------------------------------------------------------
def test_programme_pages_say_what_happened_in_words(sample_site):
    site, _ = sample_site
    for year in ("2015-16", "2016-17", "2021-22"):
        page = (site / SAMPLE / "programme" / year / "index.html").read_text(encoding="utf-8")
        text = main_text(site, f"{SAMPLE}/programme/{year}/")
        assert "Not yet scheduled" not in text, year  # these years are over
        assert "No papers in the archive" not in text, year
        assert "<code>" not in page[page.index("<article") : page.index("</article>")], year  # no raw slugs
    text = main_text(site, f"{SAMPLE}/programme/2016-17/")
    assert "Not known whether heard (meeting not in this archive)" in text
    assert "Not taken up at any meeting in this archive" in text
    assert (
        "From the work programme printed in Scrutiny Work Programme 2016/17, with the papers of the meeting of 27 April 2017."
        in text
    )
    assert "considered at 11 January 2018, minute 36/17" in text  # never a bare "36/17"
    assert "36/17" not in text.replace("minute 36/17", "")


def test_search_dates_programme_entries_by_the_programme_not_the_plan(sample_site):
    site, _ = sample_site
    docs = [
        d
        for f in sorted((site / "search/data/s").glob("*.json"))
        for d in json.loads(f.read_text(encoding="utf-8"))["docs"]
        if "/programme/" in d[1]
    ]
    assert docs
    for title, url, date, *_ in docs:
        if "/programme/2016-17/" in url:
            assert date == 20170427, (title, date)  # the pack of 27 April 2017 printed it
    assert any(t == "Seva School (next municipal year)" for t, *_ in docs)
    assert any(t.startswith("SCR (planned for 21 July 2016)") for t, *_ in docs)


PLANS = {
    "board/committee.md": "---\nname: Board\n---\n",
    "board/2026-06-11/meeting.md": '---\nstart: "10:00"\nitems:\n  - number: 1\n    title: Budget\n---\n',
    "board/programmes/2026-27.md": '---\nyear: "2026/27"\nentries:\n  - bucket: items for the year\n'
    "    title: Libraries review\n---\n",
    "board/programmes/2019-20.md": '---\nyear: "2019/20"\nentries:\n  - bucket: items for the year\n'
    "    title: Parks strategy\n---\n",
}


def test_undated_entries_are_not_yet_scheduled_only_while_their_year_runs(tmp_path):
    site = build_fixture(tmp_path, PLANS)
    assert "Not yet scheduled" in main_text(site, "board/programme/2026-27/")
    past = main_text(site, "board/programme/2019-20/")
    assert "Not yet scheduled" not in past and "Not taken up at any meeting in this archive" in past


# -- 5. a topic page lists each resolution once, in plain words ----------------------------------------
def test_topic_page_lists_a_resolution_once_without_jargon(sample_site):
    site, _ = sample_site
    text = main_text(site, "topics/improvement-board/")
    resolution = (
        "the Scrutiny Board requests that the e-newsletter communication also be circulated to co-opted Members"
    )
    assert text.count(resolution) == 1
    assert "RESOLVED — RESOLVED" not in text and "Information:" not in text
    assert "(request for information: no later report in this archive)" in text
    qa = main_text(site, "topics/quality-assurance-audit/")
    assert qa.count("Agrees that an informal audit workshop be held for Members on 14th February 2018") == 1
    assert "no response recorded yet" not in qa


# -- 6. the print pack carries the minutes it asks the meeting to agree --------------------------------
def test_print_pack_includes_the_minutes_to_be_agreed(sample_site):
    site, _ = sample_site
    february = main_text(site, SAMPLE + "/2016-02-25/print/")
    assert "Item 3: Minutes of the meeting of Wednesday 16 December 2015" in february
    assert "Item 3: Minutes of the meeting of Thursday 7 January 2016" in february
    assert (
        "43. Serious Case Review" in february and "49. Progress on the Multi Agency Safeguarding Hub (MASH)" in february
    )
    assert february.index("16 December 2015 ¶") < february.index("7 January 2016 ¶") < february.index("Item 4:")
    april = main_text(site, SAMPLE + "/2017-04-27/print/")
    assert "Item 3: Minutes of the meeting of Thursday 6 April 2017" in april
    assert "73. Health Visiting and Early Help" in april
    page = (site / SAMPLE / "2017-04-27/print/index.html").read_text(encoding="utf-8")
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)[:5]
    september = main_text(site, SAMPLE + "/2021-09-16/print/")
    assert "Item 3: Minutes of the meeting of Thursday 24 June 2021" in september


# -- 15, 16. the officers' path, run exactly as the README writes it -----------------------------------
def readme_block(heading: str) -> list[str]:
    """The shell commands of the README's code block under ``heading``, continuations joined."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text[text.index(heading) :]
    block = section[section.index("```sh\n") + 6 : section.index("\n```", section.index("```sh\n"))]
    return [c.strip() for c in block.replace("\\\n", " ").splitlines() if c.strip()]


def repo_copy(tmp_path: Path) -> tuple[Path, dict]:
    """The repository's tracked files in a temporary folder, with `minutebook` and `python3` on PATH
    running this interpreter on the copy's own package."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    copy = tmp_path / "repo"
    for rel in filter(None, listed.decode().split("\0")):
        source = REPO / rel
        if source.is_file():
            (copy / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / rel)
    shims = tmp_path / "bin"
    shims.mkdir()
    (shims / "minutebook").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m minutebook.cli "$@"\n')
    (shims / "python3").write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
    for shim in shims.iterdir():
        shim.chmod(0o755)
    environment = {**os.environ, "PATH": f"{shims}:{os.environ['PATH']}", "PYTHONPATH": str(copy / "plugins")}
    environment.pop("MINUTEBOOK_ONLY", None)
    environment.pop("MINUTEBOOK_PREVIEW", None)
    return copy, environment


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_readme_officer_path_works_as_written(tmp_path):
    copy, environment = repo_copy(tmp_path)
    commands = readme_block("## Write and preview papers")
    assert commands[0].startswith("minutebook new meeting") and commands[1].startswith("minutebook new paper")
    assert commands[2] == "minutebook check meetings" and "mkdocs serve" in commands[3]
    outputs = []
    for command in commands[:3]:
        done = subprocess.run(
            command, shell=True, cwd=copy, env=environment, capture_output=True, text=True, timeout=300
        )
        outputs.append(done.stdout + done.stderr)
        assert done.returncode == 0, (command, outputs[-1])
    assert (
        'added item 4 "A report" to the agenda in meetings/education-childrens-services/2026-12-03/meeting.md'
        in outputs[1]
    )
    assert "no errors" in outputs[2]
    meeting = (copy / "meetings/education-childrens-services/2026-12-03/meeting.md").read_text(encoding="utf-8")
    assert 'items:\n  - number: 4\n    title: "A report"\n---' in meeting
    # a second paper for the same item leaves the agenda as it is
    again = subprocess.run(
        "minutebook new paper --committee education-childrens-services --date 2026-12-03 "
        '--item 4 --title "An appendix-like note"',
        shell=True,
        cwd=copy,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert again.returncode == 0 and "added item" not in again.stdout
    # 16: the year-scoped preview serves, though topics.yml names items of other years
    port = free_port()
    config = copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"\ndev_addr: 127.0.0.1:{port}\n", encoding="utf-8")
    server = subprocess.Popen(
        commands[3],
        shell=True,
        cwd=copy,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        page = None
        for _ in range(240):
            if server.poll() is not None:
                break
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/education-childrens-services/2026-12-03/", timeout=5
                ) as response:
                    page = response.read().decode("utf-8")
                    break
            except OSError:
                time.sleep(0.5)
        assert server.poll() is None, server.stdout.read()
        assert page is not None and "A report" in page
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


# -- 17. empty files and links to missing papers fail check and the build, naming file and line ---------
BOARD = {
    "board/committee.md": "---\nname: Board\n---\n",
    "board/2020-01-09/meeting.md": '---\nstart: "10:00"\nitems:\n  - number: 1\n    title: Budget\n'
    "  - number: 2\n    title: Audit\n---\n",
    "board/2020-01-09/papers/budget.md": "---\nitem: 1\nkind: report\ntitle: Budget report\n---\nText.\n",
    "board/2020-01-09/papers/audit.md": "---\nitem: 2\nkind: report\ntitle: Audit report\n---\n1.1 Audit text.\n",
}


def check_and_build(tmp_path: Path, files: dict[str, str]):
    config = fixture_project(tmp_path, files)
    checked = minutebook("check", "meetings", cwd=tmp_path)
    built = mkdocs_build(config, tmp_path / "site")
    return checked, built


def test_an_empty_meeting_file_is_an_error_in_check_and_build(tmp_path):
    checked, built = check_and_build(tmp_path, {**BOARD, "board/2020-02-13/meeting.md": "\n"})
    for result in (checked, built):
        out = result.stdout + result.stderr
        assert result.returncode != 0 and "meetings/board/2020-02-13/meeting.md:1: meeting.md is empty" in out, out
        assert "Traceback" not in out


def test_empty_minutes_are_an_error_not_a_held_meeting(tmp_path):
    for text in ("", "---\napproved: not recorded\n---\n\n"):
        root = tmp_path / str(len(text))
        checked, built = check_and_build(root, {**BOARD, "board/2020-01-09/minutes.md": text})
        expected = (
            "meetings/board/2020-01-09/minutes.md:1: minutes.md is empty"
            if not text
            else "meetings/board/2020-01-09/minutes.md:4: minutes.md has no minutes"
        )
        for result in (checked, built):
            out = result.stdout + result.stderr
            assert result.returncode != 0 and expected in out, out
        assert not (root / "site/board/2020-01-09/index.html").exists()


def test_a_link_to_a_missing_paper_names_the_paper_and_line(tmp_path):
    files = dict(BOARD)
    files["board/2020-01-09/papers/budget.md"] += "\nSee [the audit](audit.md#para-1) and [the annex](annex.md).\n"
    checked, built = check_and_build(tmp_path, files)
    for result in (checked, built):
        out = result.stdout + result.stderr
        assert result.returncode != 0, out
        assert (
            "meetings/board/2020-01-09/papers/budget.md:8: the link to annex.md finds no file: there is no "
            "meetings/board/2020-01-09/papers/annex.md"
        ) in out, out
        assert (
            "audit.md finds no file" not in out and "print/index.md" not in out and "budget/budget/index.md" not in out
        )


def test_links_between_papers_lead_to_their_pages(tmp_path):
    files = dict(BOARD)
    files["board/2020-01-09/papers/budget.md"] += "\nSee [the audit](audit.md#para-1-1) and [the draft](plan.md).\n"
    files["board/2020-01-09/papers/plan.md"] = "---\nitem: 1\nkind: report\ntitle: Plan\ndraft: true\n---\nDraft.\n"
    checked, built = check_and_build(tmp_path, files)
    assert checked.returncode == 0 and built.returncode == 0, checked.stdout + checked.stderr + built.stderr
    page = (tmp_path / "site/board/2020-01-09/budget/budget/index.html").read_text(encoding="utf-8")
    assert '<a href="../../audit/audit/#para-1-1">the audit</a>' in page
    assert "the draft" in page and "plan/" not in page  # not published: its words, no link
    pack = (tmp_path / "site/board/2020-01-09/print/index.html").read_text(encoding="utf-8")
    assert '<a href="../audit/audit/#para-1-1">the audit</a>' in pack


# -- 19. the README's build line, and a build log a person can read ------------------------------------
def test_readme_build_line_runs_quietly_and_counts_its_notes(tmp_path):
    copy, environment = repo_copy(tmp_path)
    environment.pop("NO_MKDOCS_2_WARNING", None)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    line = re.search(r"`(NO_MKDOCS_2_WARNING=1 python3 -m mkdocs build --strict)`", readme).group(1)
    done = subprocess.run(line, shell=True, cwd=copy, env=environment, capture_output=True, text=True, timeout=600)
    log = done.stdout + done.stderr
    assert done.returncode == 0, log
    assert "end of life" not in log and "Zensical" not in log  # the theme's banner is off
    assert (copy / "site/index.html").is_file()
    info = [entry for entry in log.splitlines() if entry.startswith("INFO")]
    assert len(info) <= 6, info
    assert re.search(r"minutebook: \d+ notes \(run with --verbose to list them\):", log), log
    assert re.search(r"\d+ × '…' is not in people.yml; listed as a person of their own", log), log
    assert "'Sgt S Grundy'" not in log  # counted, not listed
    verbose = subprocess.run(
        line + " --verbose", shell=True, cwd=copy, env=environment, capture_output=True, text=True, timeout=600
    )
    assert verbose.returncode == 0
    assert "meetings/people.yml: 'Sgt S Grundy' is not in people.yml" in verbose.stdout + verbose.stderr


def test_the_importer_writes_not_recorded_when_the_packs_do_not_say(tmp_path):
    result = minutebook(
        "import", *sorted(str(p) for p in SEEDS.glob("*.txt")), "--into", str(tmp_path / "meetings"), "-q", cwd=tmp_path
    )
    assert "Traceback" not in result.stdout + result.stderr
    written = sorted((tmp_path / "meetings").glob("*/*/minutes.md"))
    assert len(written) == 5
    for path in written:
        assert "\napproved: not recorded\n" in path.read_text(encoding="utf-8"), path
