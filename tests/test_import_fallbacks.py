"""The import degrades instead of stopping (issue 13): a part in a layout it does not know is still read.

Each small pack below has one part the import's known layouts do not read — a notice whose date is on a
labelled line of another name, minutes whose heading prints its date above 'held at', minute headings
numbered '1)', a file of minutes with no heading at all — and each test checks that the meeting is written
from what can be read, with a warning naming the line to check, and that nothing stops the import.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from helpers import minutebook


def _front(path: Path) -> dict:
    from minutebook.load.yamlio import load

    return load(path.read_text(encoding="utf-8").split("---\n")[1]) or {}


def _import(tmp_path: Path, text: str) -> tuple[Path, str, int]:
    pack = tmp_path / "pack.txt"
    pack.write_text(textwrap.dedent(text), encoding="utf-8")
    meetings = tmp_path / "meetings"
    result = minutebook("import", str(pack), "--into", str(meetings), cwd=tmp_path)
    out = result.stdout + result.stderr
    assert "Traceback" not in out, out
    return meetings, out, result.returncode


def test_a_notice_whose_date_is_in_no_known_layout(tmp_path):
    meetings, out, code = _import(
        tmp_path,
        """\
        GREYSTONE PARISH COUNCIL

        A meeting of the Planning Advisory Group will take place as shown below.

        Meeting day: Tuesday 4 March 2025 at 7.30 pm
        Meeting room: The Pavilion, Recreation Ground, Greystone

        1. Apologies for absence

        2. Declarations of interest

        3. Planning applications received
        """,
    )
    assert code == 0, out
    meeting = _front(meetings / "planning-advisory" / "2025-03-04" / "meeting.md")
    assert meeting["start"] == "19:30"
    assert [i["title"] for i in meeting["items"]] == [
        "Apologies for absence",
        "Declarations of interest",
        "Planning applications received",
    ]
    assert "the front sheet is not in a layout the import knows" in out and "pack.txt:5" in out


def test_minutes_whose_heading_date_is_above_held_at(tmp_path):
    meetings, out, code = _import(
        tmp_path,
        """\
        MINUTES OF THE PLANNING ADVISORY GROUP - 4 MARCH 2025
        held at the Pavilion, Recreation Ground, Greystone

        Present: Councillors A. Thorne (Chair), B. Quill and C. Marsh

        1. APOLOGIES FOR ABSENCE

        Apologies were received from Councillor D. Vane.

        2. PLANNING APPLICATIONS

        RESOLVED: That no objection be raised to application 25/0114.

        The meeting closed at 8.40 pm.
        """,
    )
    assert code == 0, out
    minutes = (meetings / "planning-advisory" / "2025-03-04" / "minutes.md").read_text(encoding="utf-8")
    assert "## 1. APOLOGIES FOR ABSENCE" in minutes and "## 2. PLANNING APPLICATIONS" in minutes
    assert "The heading of these minutes is not in a layout".lower() in out.lower()


def test_minute_headings_numbered_in_an_unknown_shape(tmp_path):
    meetings, out, code = _import(
        tmp_path,
        """\
        Minutes of the meeting of the Planning Advisory Group held on Tuesday 4 March 2025 at 7.30 pm
        at the Pavilion, Recreation Ground, Greystone

        Present: Councillors A. Thorne (Chair), B. Quill and C. Marsh

        1) APOLOGIES FOR ABSENCE
        Apologies were received from Councillor D. Vane.

        2) DECLARATIONS OF INTEREST
        None.

        3) PLANNING APPLICATIONS
        RESOLVED: That no objection be raised to application 25/0114.

        The meeting closed at 8.40 pm.
        """,
    )
    assert code == 0, out
    minutes = (meetings / "planning-advisory" / "2025-03-04" / "minutes.md").read_text(encoding="utf-8")
    assert [line for line in minutes.splitlines() if line.startswith("## ")] == [
        "## 1. APOLOGIES FOR ABSENCE {slug=apologies-for-absence}",
        "## 2. DECLARATIONS OF INTEREST {slug=declarations-of-interest}",
        "## 3. PLANNING APPLICATIONS {slug=planning-applications}",
    ]
    assert "no objection be raised to application 25/0114" in minutes
    assert "no minute heading in a known shape" in out and "pack.txt:6" in out


def test_a_file_with_no_recognised_part_is_read_as_minutes(tmp_path):
    meetings, out, code = _import(
        tmp_path,
        """\
        Planning Advisory Group
        Tuesday 4 March 2025, 7.30 pm, the Pavilion

        1) APOLOGIES FOR ABSENCE
        Apologies were received from Councillor D. Vane.

        2) DECLARATIONS OF INTEREST
        None.

        3) PLANNING APPLICATIONS
        RESOLVED: That no objection be raised to application 25/0114.
        """,
    )
    assert code == 0, out
    minutes = (meetings / "planning-advisory" / "2025-03-04" / "minutes.md").read_text(encoding="utf-8")
    assert "## 3. PLANNING APPLICATIONS" in minutes
    assert "read as minutes, from its first dated line" in out


def test_agenda_items_numbered_in_an_unknown_shape(tmp_path):
    meetings, out, code = _import(
        tmp_path,
        """\
        GREYSTONE PARISH COUNCIL

        Planning Advisory Group

        Date: Tuesday 4 March 2025
        Time: 7.30 pm
        Venue: The Pavilion, Recreation Ground, Greystone

        1) Apologies for absence

        2) Declarations of interest

        3) Planning applications received (Pages 3 - 9)
        """,
    )
    assert code == 0, out
    meeting = _front(meetings / "planning-advisory" / "2025-03-04" / "meeting.md")
    assert [(str(i["number"]), i["title"], i.get("pages")) for i in meeting["items"]] == [
        ("1", "Apologies for absence", None),
        ("2", "Declarations of interest", None),
        ("3", "Planning applications received", "3-9"),
    ]
    assert "no agenda item in a known shape" in out and "pack.txt:9" in out


def test_a_paper_without_its_agenda_finds_its_meeting_in_its_own_lines(tmp_path):
    meetings, out, code = _import(
        tmp_path,
        """\
        Greystone Parish Council
        Planning Advisory Committee – 4 March 2025

        Report of the Clerk

        Play area inspection

        1. Purpose

        1.1 To report the findings of the annual inspection of the play area.
        """,
    )
    assert code == 0, out
    papers = list((meetings / "planning-advisory" / "2025-03-04" / "papers").glob("*.md"))
    assert [_front(p)["title"] for p in papers] == ["Play area inspection"]
    assert "is in a file without its agenda: its date from 'Planning Advisory Committee – 4 March 2025'" in out


def test_a_first_page_in_no_known_layout_is_the_front_sheet_of_the_papers_after_it(tmp_path):
    meetings, out, code = _import(
        tmp_path,
        """\
        GREYSTONE PARISH COUNCIL

        Planning Advisory Committee

        Day: Tuesday 4 March 2025
        Starts: 7.30 pm
        Where: The Pavilion, Recreation Ground, Greystone

        1. Apologies for absence

        2. Play area inspection (Pages 3 - 4)

        Report to: Planning Advisory Committee
        Date of meeting: 4 March 2025
        Report of: The Clerk
        Title: Play area inspection

        1. Purpose

        1.1 To report the findings of the annual inspection of the play area.
        """,
    )
    assert code == 0, out
    meeting = _front(meetings / "planning-advisory" / "2025-03-04" / "meeting.md")
    assert meeting["start"] == "19:30"
    assert [i["title"] for i in meeting["items"]] == ["Apologies for absence", "Play area inspection"]
    assert [_front(p)["item"] for p in (meetings / "planning-advisory" / "2025-03-04" / "papers").glob("*.md")] == [2]
    assert "the front sheet is not in a layout the import knows" in out


def test_the_numbered_run_is_the_longest_chain_of_headings_numbered_one_or_two_on():
    """numbered_run against a brute-force reading of its rule (from each heading, take the first later one
    numbered one or two more; the earliest longest chain wins), on seeded random lines."""
    import random

    from minutebook.importer.fallbacks import numbered_run
    from minutebook.importer.source import Line

    def brute(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        best: list[tuple[int, int, str]] = []
        for n, first in enumerate(found):
            run = [first]
            for later in found[n + 1 :]:
                if run[-1][1] < later[1] <= run[-1][1] + 2:
                    run.append(later)
            if len(run) > len(best):
                best = run
        return best if len(best) >= 2 else []

    rng = random.Random(15)
    for _ in range(300):
        lines = [
            Line(k + 1, f"{rng.randint(1, 12)}. Heading {k}" if rng.random() < 0.7 else "A sentence of text.")
            for k in range(rng.randint(0, 40))
        ]
        found = [
            (k, int(line.text.split(".")[0]), line.text.split(". ", 1)[1])
            for k, line in enumerate(lines)
            if line.text[0].isdigit()
        ]
        assert numbered_run(lines) == brute(found)
