"""Issue 11, items 3, 4, 5 and 13: what follows what out of the site, the build log, --dirty, approvals."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest
from helpers import broken_links, env, fixture_project, minutebook, mkdocs_build

CANARY = {
    "withdrawn appendix": "CANARY-WITHDRAWN-APPENDIX-5e0",
    "tracker in embargoed pack": "CANARY-TRACKER-EMBARGOED-PACK-3a9",
    "tracker of draft meeting": "CANARY-TRACKER-DRAFT-MEETING-8c1",
    "programme in draft pack": "CANARY-PROGRAMME-DRAFT-PACK-2d4",
}

ARCHIVE = {
    "board/committee.md": "---\nname: Audit Board\n---\n",
    "board/2020-01-09/meeting.md": """\
        ---
        start: "10:00"
        agenda_published: 2019-12-30
        items:
          - number: 1
            title: Corrections
          - number: 2
            title: Outstanding issues
        ---
        """,
    "board/2020-01-09/papers/old-report.md": """\
        ---
        item: 1
        kind: report
        title: Report with personal data
        withdrawn: 2020-01-20
        withdrawn_reason: It named a member of the public.
        ---
        The report.
        """,
    # sorts before its parent: the appendix must follow the parent whatever the order of files
    "board/2020-01-09/papers/a-old-report-appendix.md": f"""\
        ---
        kind: appendix
        parent: old-report
        appendix: 1
        title: Names and addresses
        pdf: https://example.org/appendix.pdf
        ---
        {CANARY["withdrawn appendix"]}
        """,
    "board/2020-01-09/papers/issues-pack.md": """\
        ---
        item: 2
        kind: report
        title: Outstanding issues
        publish_from: "2030-01-01 09:00"
        ---
        The tracker is appended.
        """,
    "board/2020-01-09/papers/programme-pack.md": """\
        ---
        item: 2
        kind: report
        title: Work programme
        draft: true
        ---
        The programme.
        """,
    "board/tracker/2020-01-09.md": f"""\
        ---
        published_in: 2020-01-09/issues-pack
        rows:
          - meeting: 2019-12-05
            kind: action
            text: {CANARY["tracker in embargoed pack"]}
        ---
        """,
    "board/2020-02-06/meeting.md": '---\nstart: "10:00"\ndraft: true\n---\n',
    "board/tracker/2020-02-06.md": f"""\
        ---
        rows:
          - meeting: 2019-12-05
            kind: action
            text: {CANARY["tracker of draft meeting"]}
        ---
        """,
    "board/programmes/2019-20.md": f"""\
        ---
        year: "2019/20"
        published_in: 2020-01-09/programme-pack
        entries:
          - date: 2020-03-05
            title: {CANARY["programme in draft pack"]}
        ---
        """,
}


def _texts(site):
    out = {}
    for p in site.rglob("*"):
        if p.is_file():
            data = p.read_bytes()
            if p.suffix == ".gz":
                import gzip

                data = gzip.decompress(data)
            out[p.relative_to(site).as_posix()] = data.decode("utf-8", "replace")
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("follows")
    config = fixture_project(root, ARCHIVE)
    result = mkdocs_build(config, root / "site")
    assert result.returncode == 0, result.stderr
    return root, root / "site"


def test_appendix_of_a_withdrawn_paper_is_withdrawn_with_it(built):
    _, site = built
    texts = _texts(site)
    assert [f for f, t in texts.items() if CANARY["withdrawn appendix"] in t] == []
    assert all("example.org/appendix.pdf" not in t for t in texts.values())
    page = texts["board/2020-01-09/corrections/a-old-report-appendix/index.html"]
    assert "Withdrawn on 20 January 2020" in page and "It named a member of the public." in page


@pytest.mark.parametrize("what", ["tracker in embargoed pack", "tracker of draft meeting", "programme in draft pack"])
def test_tracker_and_programme_follow_the_pack_that_printed_them(built, what):
    _, site = built
    assert [f for f, t in _texts(site).items() if CANARY[what] in t] == []
    assert broken_links(site) == []


def test_tracker_appears_when_its_pack_is_published(tmp_path):
    config = fixture_project(tmp_path, ARCHIVE)
    e = env()
    e["MINUTEBOOK_NOW"] = "2030-01-01 09:00"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(tmp_path / "site")],
        cwd=tmp_path,
        env=e,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    text = "\n".join(_texts(tmp_path / "site").values())
    assert CANARY["tracker in embargoed pack"] in text
    assert CANARY["tracker of draft meeting"] not in text and CANARY["programme in draft pack"] not in text


# -- item 4: the build log ---------------------------------------------------------------------

SECRET = {
    "attendee": "Zebedee Canarysecret",
    "title": "CANARY-LOG-TITLE-6f2",
    "embargoed": "Ophelia Canaryembargo",
    "field": "CANARY-LOG-FIELD-1b7",
    "meeting": "CANARY-LOG-MEETING-0c3",
}
LOGGED = {
    "board/committee.md": "---\nname: Audit Board\n---\n",
    "board/2020-01-09/meeting.md": '---\nstart: "10:00"\nitems:\n  - number: 1\n    title: Budget\n---\n',
    "board/2020-01-09/minutes.md": f"""\
        ---
        draft: true
        attendance:
          present: [{SECRET["attendee"]} (Chair)]
        ---

        ## 1. {SECRET["title"]}

        Text.
        """,
    "board/2020-02-06/meeting.md": '---\nstart: "10:00"\nitems:\n  - number: 1\n    title: Budget\n---\n',
    "board/2020-02-06/minutes.md": f"""\
        ---
        publish_from: "2030-01-01 09:00"
        attendance:
          present: [{SECRET["embargoed"]}]
        ---

        ## 2. {SECRET["title"]}-2
        """,
    "board/2020-03-05/meeting.md": """\
        ---
        start: "10:00"
        draft: true
        items:
          - number: 1
            title: Budget
        ---
        """,
    "board/2020-03-05/minutes.md": f"""\
        ---
        attendance:
          present: [{SECRET["meeting"]}]
        ---

        ## 3. {SECRET["meeting"]}
        """,
    # public minutes: their problems still quote what they say
    "board/2020-04-02/meeting.md": '---\nstart: "10:00"\nitems:\n  - number: 1\n    title: Budget\n---\n',
    "board/2020-04-02/minutes.md": "---\nattendance:\n  present: [Petra Public]\n---\n\n## 4. Public mismatch\n",
}


def test_build_log_prints_no_value_of_a_withheld_file(tmp_path):
    config = fixture_project(tmp_path, LOGGED)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-v", "-f", str(config), "-d", str(tmp_path / "site")],
        cwd=tmp_path,
        env=env(),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    log = result.stdout + result.stderr
    leaks = [what for what, value in SECRET.items() if value in log or value.split()[-1] in log]
    assert leaks == [], log
    # the paths are fine, and public files are reported as before
    assert "meetings/board/2020-01-09/minutes.md:7" in log and "'Petra Public' is not in people.yml" in log
    assert "'Public mismatch' matches no agenda item" in log
    check = minutebook("check", "-v", "meetings", cwd=tmp_path)
    assert not any(v in check.stdout + check.stderr for v in SECRET.values())
    assert "Petra Public" in check.stdout


def test_errors_in_a_withheld_file_print_no_value(tmp_path):
    fixture_project(
        tmp_path,
        {
            **LOGGED,
            "board/2020-01-09/papers/report.md": f"""\
        ---
        item: 1
        kind: {SECRET["field"]}
        title: Report
        draft: true
        ---
        """,
            "board/2020-03-05/papers/report.md": f"---\nitem: 1\nkind: report\ntitle: [{SECRET['field']}-2]\n---\n",
        },
    )
    check = minutebook("check", "meetings", cwd=tmp_path)
    assert check.returncode == 1 and "Traceback" not in check.stderr
    assert "meetings/board/2020-01-09/papers/report.md:3" in check.stderr
    assert "meetings/board/2020-03-05/papers/report.md:4" in check.stderr
    assert SECRET["field"] not in check.stderr, check.stderr


def test_preview_log_shows_everything(tmp_path):
    """An officer's preview runs on their own machine: the details are what they need there."""
    import datetime as dt

    from helpers import write_tree

    from minutebook.build import build

    write_tree(tmp_path / "meetings", LOGGED)
    result = build(tmp_path / "meetings", dt.datetime(2026, 1, 1), preview=True, history=False, render=False)
    assert any(SECRET["attendee"] in str(p) for p in result.problems.items)


# -- item 5: --dirty ---------------------------------------------------------------------------


def test_dirty_build_removes_pages_that_stopped_being_public(tmp_path):
    files = {
        "board/committee.md": "---\nname: Board\n---\n",
        "board/2020-01-09/meeting.md": '---\nstart: "10:00"\nitems:\n  - number: 1\n    title: Budget\n---\n',
        "board/2020-01-09/papers/budget.md": "---\nitem: 1\nkind: report\ntitle: Budget report\n---\n"
        "CANARY-DIRTY-PAPER-7a3\n",
        "board/2020-02-06/meeting.md": '---\nstart: "10:00"\nitems:\n  - number: 1\n    title: CANARY-DIRTY-MEETING-4b8\n---\n',
    }
    config = fixture_project(tmp_path, files)
    site = tmp_path / "site"
    assert mkdocs_build(config, site).returncode == 0
    assert (site / "board/2020-01-09/budget/budget/index.html").exists()
    assert (site / "board/2020-02-06/meeting.ics").exists()
    paper = tmp_path / "meetings/board/2020-01-09/papers/budget.md"
    paper.write_text(paper.read_text().replace("title: Budget report", "title: Budget report\ndraft: true"))
    meeting = tmp_path / "meetings/board/2020-02-06/meeting.md"
    meeting.write_text(meeting.read_text().replace("start:", "draft: true\nstart:"))
    time.sleep(0.01)
    args = [sys.executable, "-m", "mkdocs", "build", "--dirty", "-f", str(config), "-d", str(site)]
    result = subprocess.run(args, cwd=tmp_path, env=env(), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    texts = _texts(site)
    assert [f for f, t in texts.items() if "CANARY-DIRTY" in t] == []
    assert not (site / "board/2020-01-09/budget/budget").exists() and not (site / "board/2020-02-06").exists()
    # the same files as a clean build of the same archive: nothing else removed
    clean = tmp_path / "clean"
    assert mkdocs_build(config, clean, strict=False).returncode == 0
    assert sorted(texts) == sorted(_texts(clean))


# -- item 13: the approval link ----------------------------------------------------------------


def test_approval_links_only_to_public_minutes(tmp_path):
    config = fixture_project(
        tmp_path,
        {
            "board/committee.md": "---\nname: Board\n---\n",
            "board/2020-01-09/meeting.md": '---\nstart: "10:00"\n---\n',
            "board/2020-01-09/minutes.md": "---\napproved_at: 2020-02-06\n---\n\n## 1. Budget\n\nText.\n",
            "board/2020-02-06/meeting.md": '---\nstart: "10:00"\n---\n',
            "board/2020-02-06/minutes.md": "---\ndraft: true\n---\n\n## 2. Minutes of the last meeting\n\nApproved.\n",
        },
    )
    site = tmp_path / "site"
    result = mkdocs_build(config, site)
    assert result.returncode == 0, result.stderr
    page = (site / "board/2020-01-09/index.html").read_text(encoding="utf-8")
    assert "Approved at the meeting of" in page and 'href="../2020-02-06/"' in page
    assert "2020-02-06/#minutes" not in page and broken_links(site) == []
    data = json.loads((site / "api/meetings.json").read_text(encoding="utf-8"))
    assert next(m for m in data["meetings"] if m["id"] == "board/2020-02-06")["minutes_approved"] is None
