"""Bad meeting files: one report listing every problem with file and line, non-zero exit, no traceback."""

from __future__ import annotations

import pytest
from helpers import fixture_project, minutebook, mkdocs_build

COMMITTEE = """\
    ---
    name: Test Scrutiny Board
    ---
    """

BAD_ARCHIVE = {
    "scrutiny/committee.md": COMMITTEE,
    # a wrong date (in a field) and an unquoted time
    "scrutiny/2017-04-06/meeting.md": """\
        ---
        start: 14:00
        agenda_published: 2017-02-30
        items:
          - number: 1
            title: Apologies
          - number: 2
            lead: Report of the Director
        ---
        """,
    # duplicate minute number within the municipal year (71 here and at 2017-03-09)
    "scrutiny/2017-04-06/minutes.md": """\
        ---
        closed: "16:00"
        ---

        ## 71. Apologies

        There were none.
        """,
    "scrutiny/2017-03-09/meeting.md": """\
        ---
        start: "14:00"
        ---
        """,
    "scrutiny/2017-03-09/minutes.md": """\
        ---
        approved: true
        ---

        ## 71. Minutes

        Approved.
        """,
    # broken YAML
    "scrutiny/2017-05-11/meeting.md": """\
        ---
        start: "14:00"
        place: [Committee Room 3
        ---
        """,
    # a meeting folder with a date that does not exist
    "scrutiny/2017-13-01/meeting.md": """\
        ---
        start: "14:00"
        ---
        """,
    # meetings of a committee that has no committee.md
    "unknown-board/2017-04-06/meeting.md": """\
        ---
        start: "14:00"
        ---
        """,
}

EXPECTED = [
    ("meetings/scrutiny/2017-04-06/meeting.md:2", "unquoted time"),
    ("meetings/scrutiny/2017-04-06/meeting.md:3", "not a real date"),
    ("meetings/scrutiny/2017-04-06/meeting.md:7", "'title' is missing"),
    ("meetings/scrutiny/2017-04-06/minutes.md:5", "minute 71/16 is also used"),
    ("meetings/scrutiny/2017-05-11/meeting.md:4", "the YAML cannot be read"),
    ("meetings/scrutiny/2017-13-01", "not a real date"),
    ("meetings/unknown-board/committee.md", "unknown committee 'unknown-board'"),
]


@pytest.fixture
def bad_project(tmp_path):
    return fixture_project(tmp_path, BAD_ARCHIVE)


def assert_full_report(output: str):
    assert "Traceback" not in output
    for where, what in EXPECTED:
        lines = [line for line in output.splitlines() if where in line and what in line]
        assert lines, f"no problem reported at {where} mentioning {what!r}:\n{output}"
        assert " — " in lines[0], f"no fix given: {lines[0]}"


def test_check_reports_every_problem_at_once(bad_project):
    result = minutebook("check", "meetings", cwd=bad_project.parent)
    assert result.returncode == 1
    assert_full_report(result.stdout + result.stderr)
    assert "7 problems" in result.stderr


def test_build_reports_every_problem_and_fails(bad_project, tmp_path):
    result = mkdocs_build(bad_project, tmp_path / "site")
    assert result.returncode != 0
    assert_full_report(result.stdout + result.stderr)
    assert not (tmp_path / "site" / "scrutiny").exists()


def test_unquoted_time_tells_the_officer_to_quote_it(bad_project):
    result = minutebook("check", "meetings", cwd=bad_project.parent)
    assert 'put it in quotes: start: "14:00"' in result.stderr


def test_yaml_yes_no_and_numbers_are_read_as_written(tmp_path):
    project = fixture_project(
        tmp_path,
        {
            "board/committee.md": "---\nname: NO\n---\n",
            "board/2020-01-09/meeting.md": '---\nstart: "10:30"\nplace: yes\nitems:\n  - number: 1\n    title: On\n---\n',
        },
    )
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "board" / "2020-01-09" / "index.html").read_text(encoding="utf-8")
    assert "<td>yes</td>" in page and "10.30 am" in page
    home = (tmp_path / "site" / "board" / "index.html").read_text(encoding="utf-8")
    assert "NO" in home


BROKEN_ARCHIVES = {
    "binary file": {"scrutiny/committee.md": COMMITTEE, "scrutiny/2017-04-06/meeting.md": "\x00\x01\x02"},
    "private item without paragraph": {
        "scrutiny/committee.md": COMMITTEE,
        "scrutiny/2017-04-06/meeting.md": "---\nitems:\n  - number: 1\n    title: Secret\n    private: true\n---\n",
    },
    "paper for a missing item": {
        "scrutiny/committee.md": COMMITTEE,
        "scrutiny/2017-04-06/meeting.md": '---\nstart: "10:00"\n---\n',
        "scrutiny/2017-04-06/papers/p.md": "---\nitem: 9\nkind: report\ntitle: T\n---\n",
    },
    "people file is a list": {"people.yml": "- a\n- b\n", "scrutiny/committee.md": COMMITTEE},
    "ambiguous surname": {
        "people.yml": "m-mutton: {name: M Mutton}\nj-mutton: {name: J Mutton}\n",
        "scrutiny/committee.md": COMMITTEE,
        "scrutiny/2017-04-06/meeting.md": '---\nstart: "10:00"\n---\n',
        "scrutiny/2017-04-06/minutes.md": "---\nattendance:\n  present: [Councillor Mutton]\n---\n\n## 1. A\n\nB.\n",
    },
}


@pytest.mark.parametrize("name", list(BROKEN_ARCHIVES))
def test_a_failed_build_is_never_reported_as_success(tmp_path, name):
    config = fixture_project(tmp_path, BROKEN_ARCHIVES[name])
    result = mkdocs_build(config, tmp_path / "site", strict=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Documentation built" not in output and "Traceback" not in output
    assert "meetings/" in output  # the problem names its file
