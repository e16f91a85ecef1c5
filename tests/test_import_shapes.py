"""The importer's structural rules on a small pack written in other words than the style packs.

Each shape is a rule about the structure of papers (issue 13), printed here differently from the packs
the rules were first written for, so that a rule fitted to one pack's words fails: a front sheet without
labels, 'Date of despatch:', items numbered within a heading (2.1), an exclusion item whose paragraph
makes the next item private, a '(copy enclosed)' note, members listed one a line under a label of its
own with 'Name – organisation', 'In Attendance' officers with their posts, councillors of another council,
members of the press counted but not named, apologies with initials, a show of hands in words, decisions
after a paragraph's number and after other sentences, numbers that start again at each meeting, a decision after
"and it was" mid-sentence, a blank
to sign, and a cover sheet without 'Report to'. And the format's reading of decisions in a table.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from helpers import fixture_project, minutebook, mkdocs_build

PACK = Path(__file__).resolve().parent / "fixtures" / "import" / "shapes" / "oldport_pack_2024-12-03.txt"


def _front(path: Path) -> dict:
    from minutebook.load.yamlio import load

    text = path.read_text(encoding="utf-8")
    return load(text.split("---\n")[1]) or {}


def _imported(tmp_path: Path) -> tuple[Path, str]:
    meetings = tmp_path / "meetings"
    result = minutebook("import", str(PACK), "--into", str(meetings), cwd=tmp_path)
    out = result.stdout + result.stderr
    assert "Traceback" not in out and result.returncode == 0, out
    return meetings, out


def test_an_agenda_in_other_words(tmp_path):
    meetings, out = _imported(tmp_path)
    agenda = _front(meetings / "planning" / "2024-12-03" / "meeting.md")
    assert agenda["start"] == "14:00" and agenda["place"] == "Room 3, Civic Centre, Harbour Street, Oldport"
    assert str(agenda["agenda_published"]) == "2024-11-25"
    items = {str(i["number"]): i for i in agenda["items"]}
    assert list(items) == ["1", "2.1", "2.2", "3", "4"]  # "2. Matters for decision" is a heading over 2.1, 2.2
    assert "agenda item 2 'Matters for decision' is taken as a heading" in out
    assert items["2.1"]["title"] == "Tree Preservation Order 3/2024, Mill Lane"
    assert items["2.1"]["pages"] == "1-6"
    assert items["4"]["private"] is True and items["4"]["exempt_paragraph"] == 5
    assert not items["3"].get("private")
    papers = list((meetings / "planning" / "2024-12-03" / "papers").glob("*.md"))
    assert len(papers) == 1
    paper = _front(papers[0])
    assert paper["title"] == "Tree Preservation Order 3/2024, Mill Lane" and str(paper["item"]) == "2.1"


def test_minutes_in_other_words(tmp_path):
    meetings, out = _imported(tmp_path)
    path = meetings / "planning" / "2024-11-05" / "minutes.md"
    minutes = _front(path)
    attendance = minutes["attendance"]

    def surnames(group):
        return [(a if isinstance(a, str) else a["name"]).split("(")[0].split()[-1] for a in attendance.get(group, [])]

    assert surnames("present") == ["Amos", "Birtwhistle", "Cardew"]
    assert surnames("officers") == ["Grey", "Venn", "Hart"]
    assert surnames("other_members") == ["Bell"]
    assert surnames("apologies") == ["Lowe", "Dinh"]
    assert "'3 members of the press' in the attendance names no one" in out
    assert minutes["closed"] == "15:10"
    assert minutes["votes"][0]["counts"] == {"for": 7, "against": 2, "abstain": 1}
    text = path.read_text(encoding="utf-8")
    assert "signature" not in text and "....." not in text
    assert "\n\nIt was unanimously RESOLVED to accept them." in text  # its own paragraph, words as printed
    # a decision after "it was" mid-sentence (as a PDF joins "… and it was" / "RESOLVED that …") starts its own
    # paragraph, so the format reads it as the minute's decision
    assert "school was raised, and it was\n\nRESOLVED that the Planning Manager decide it" in text
    council = (meetings / "council.yml").read_text(encoding="utf-8")
    assert "planning:" in council and "numbers_restart: meeting" in council


def test_decisions_in_the_formats_common_shapes(tmp_path):
    """'It was RESOLVED…' (also after a paragraph's number), 'The JSC agreed:' with parts, and a table of
    decisions whose other column is kept: each is read as the minute's decisions."""
    minutes = """\
        ---
        approved: false
        ---

        ## 1. Apologies {item=1}

        3.2 It was RESOLVED to accept the apologies.

        ## 2. Budget {item=2}

        The JSC agreed:

        (i) to note the forecast;

        (ii) to approve the virements.

        ## 3. Contracts {item=3}

        | Resolution | Reason for decision |
        |---|---|
        | (1) That the contract be extended. | Best value. |
        | (2) That a review be held in 2025. | To plan the retender. |
        """
    meeting = """\
        ---
        start: "10:00"
        status: held
        items:
          - number: 1
            title: Apologies
          - number: 2
            title: Budget
          - number: 3
            title: Contracts
        ---
        """
    config = fixture_project(
        tmp_path,
        {
            "panel/committee.md": "---\nname: Panel\n---\n",
            "panel/2024-11-05/meeting.md": meeting,
            "panel/2024-11-05/minutes.md": minutes,
        },
    )
    built = mkdocs_build(config, tmp_path / "site", strict=False)
    assert built.returncode == 0, built.stderr
    data = json.loads((tmp_path / "site" / "api" / "meetings.json").read_text(encoding="utf-8"))
    items = {i["agenda_number"]: i for i in data["meetings"][0]["items"]}
    assert items["1"]["resolutions"] == ["3.2 It was RESOLVED to accept the apologies."]
    assert items["2"]["resolutions"] == ["to note the forecast;", "to approve the virements."]
    assert items["3"]["resolutions"] == ["That the contract be extended.", "That a review be held in 2025."]
    page = next((tmp_path / "site").rglob("2024-11-05/index.html")).read_text(encoding="utf-8")
    assert "To plan the retender." in page and "Reason for decision" in page


def test_questions_at_full_council(tmp_path):
    """'Question from … to …' with 'Answer:', and '… asked the Leader whether …' / 'The Leader replied
    that …': the questions of a full council's minutes, in the format of minutes.md ``questions:``."""
    pack = PACK.parent / "thornleigh_council_2024-10-16.txt"
    meetings = tmp_path / "meetings"
    result = minutebook("import", str(pack), "--into", str(meetings), cwd=tmp_path)
    assert result.returncode == 0 and "Traceback" not in result.stdout + result.stderr, result.stdout
    questions = _front(meetings / "council" / "2024-10-16" / "minutes.md")["questions"]
    assert questions == [
        {
            "minute": 22,
            "asker": "Councillor S Carr",
            "to": "the Cabinet Member for Housing",
            "question": "How many households were in temporary accommodation on 30 September 2024?",
            "answer": "214 households, of whom 61 were in bed and breakfast accommodation.",
        },
        {
            "minute": 22,
            "asker": "Councillor T Dunn",
            "to": "the Leader",
            "question": "whether the council would bid for the second round of the Levelling Up Fund.",
            "answer": "The Leader replied that a bid would be considered by the Cabinet in November.",
        },
    ]
    project = _built(meetings, tmp_path / "project")
    page = next((project / "site").rglob("2024-10-16/index.html")).read_text(encoding="utf-8")
    assert "214 households" in page and "a bid would be considered by the Cabinet" in page


def _built(meetings: Path, project: Path) -> Path:
    """``project``: a fixture site holding the imported ``meetings``, built (not strict) into its site/."""
    config = fixture_project(project, {})
    shutil.rmtree(project / "meetings", ignore_errors=True)
    shutil.copytree(meetings, project / "meetings")
    built = mkdocs_build(config, project / "site", strict=False)
    assert built.returncode == 0, built.stderr
    return project


WRAPPED = Path(__file__).resolve().parent / "fixtures" / "import" / "shapes" / "fernholt_pack_2024-02-20.txt"


def test_a_hard_wrapped_pack_with_a_reference_column(tmp_path):
    """A pack typed in fixed-width columns and hard-wrapped (issue 13, second round), in other words than the
    Elmshire and Tamsford packs: a spaced 'Item  Paper No.  Business  Pages' heading row, a subject wrapped in
    its column, minute numbers that print the calendar year first ('24/02' in January of municipal year
    2023), an attendance paragraph wrapped after 'and' and 'Councillor', a substitute in a sentence, a
    reference after a minute's title, 'The Board AGREED to:' above a list, a vote count wrapped onto the next
    line, a RESOLVED wrapped after 'and', and a key decision that makes the board an executive."""
    meetings = tmp_path / "meetings"
    result = minutebook("import", str(WRAPPED), "--into", str(meetings), cwd=tmp_path)
    out = result.stdout + result.stderr
    assert "Traceback" not in out and result.returncode == 0, out
    agenda = _front(meetings / "members" / "2024-02-20" / "meeting.md")
    assert "public_access" not in agenda  # the heading row is not a note for the public
    items = {str(i["number"]): i for i in agenda["items"]}
    assert items["2"]["title"] == "Waste Strategy - Consultation Results and Next Steps"
    assert items["2"]["pages"] == "1-8" and items["2"]["description"] == "Paper No. FJ/24/03"
    assert items["3"]["title"] == "Recycling Credits 2024/25" and items["3"]["pages"] == "9-12"
    path = meetings / "members" / "2024-01-23" / "minutes.md"
    minutes = _front(path)
    attendance = minutes["attendance"]
    assert [a.split(" (")[0] for a in attendance["present"]] == ["A. Okafor", "B. Lindley", "C. Marsh", "D. Quinn"]
    assert attendance["substitutions"] == [{"name": "E. Rowe", "for": "F. Sayer"}]
    assert minutes["votes"] == [{"minute": 3, "counts": {"for": 2, "against": 3}, "result": "lost"}]
    body = path.read_text(encoding="utf-8")
    assert "## 24/01 APOLOGIES" in body and "## 24/02 WASTE CONTRACT {" in body  # no '(Paper No. …)' in the title
    assert "be raised to £45 from April and that the Treasurer" in body
    assert "kind: executive" in (meetings / "members" / "committee.md").read_text(encoding="utf-8")
    assert "prints a key decision, so Members' Board is written as kind: executive" in out
    project = _built(meetings, tmp_path / "project")
    data = json.loads((project / "site" / "api" / "meetings.json").read_text(encoding="utf-8"))
    held = next(m for m in data["meetings"] if m["id"] == "members/2024-01-23")
    by_minute = {i["minute"]: i for i in held["items"] if i["minute"]}
    assert list(by_minute) == ["24/01", "24/02", "24/03"]
    assert len(by_minute["24/02"]["resolutions"]) == 2  # "The Board AGREED to:" above (a) and (b)
    assert by_minute["24/02"]["decision"]["key_decision"] is True


PARTNERSHIP = Path(__file__).resolve().parent / "fixtures" / "import" / "shapes" / "kestrel_pack_2025-03-11.txt"


def test_a_partnership_pack_with_its_minutes_in_a_table(tmp_path):
    """A partnership's pack in other words than the Aldermoor pack: the date and the time on lines of their own
    ('To be held on …' / 'Time: …'), the partnership's name printed under every footer, the pages in a 'Papers'
    column ('pp. 4-6'), the last meeting's 'Record of the Steering Group' over 'Held on …', an attendance table
    with no 'Present' label above it ('Members | Organisation | Position', a substitute in the Position column),
    officers in a table under 'In attendance', and the minutes as one 'Item | Topic | Notes | Outcome' table."""
    meetings = tmp_path / "meetings"
    result = minutebook("import", str(PARTNERSHIP), "--into", str(meetings), cwd=tmp_path)
    out = result.stdout + result.stderr
    assert "Traceback" not in out and result.returncode == 0, out
    assert "no 'Minutes' item" not in out  # 'Record of the meeting held on …' is the item that takes the minutes
    agenda = _front(meetings / "steering" / "2025-03-11" / "meeting.md")
    assert agenda["start"] == "14:00" and agenda["place"].startswith("Meeting Room 4, Riverside Offices")
    items = {str(i["number"]): i for i in agenda["items"]}
    assert list(items) == ["1", "2", "3", "4", "5"]
    assert items["3"]["pages"] == "2-3" and items["4"]["pages"] == "4-6" and "pages" not in items["1"]
    written = "\n".join(p.read_text(encoding="utf-8") for p in meetings.rglob("*.md"))
    assert "Kestrel Vale Community Safety Partnership" not in written  # a running title, not the papers' text
    assert "3.2 Each place will have a named lead officer" in written  # the text after it is kept
    path = meetings / "steering" / "2025-01-14" / "minutes.md"
    minutes = _front(path)
    attendance = minutes["attendance"]
    assert [(a["name"], a.get("role")) for a in attendance["present"]] == [
        ("Hilda Maybury", "Chair"),
        ("Arjun Sethi", None),
        ("Wilfred Aske", None),
    ]
    assert attendance["present"][2]["organisation"] == "Wessexshire County Council"
    assert attendance["substitutions"] == [{"name": "Grace Pennock", "for": "Neil Fairweather"}]
    assert attendance["officers"] == ["Tobias Wren (Partnership Officer)", "Farida Okonjo (Community Safety Manager)"]
    assert minutes["closed"] == "15:20"
    held_at = _front(meetings / "steering" / "2025-01-14" / "meeting.md")
    assert held_at == {"start": "14:00", "place": "Meeting Room 4, Riverside Offices, Kestrel Vale"}  # under 'Held on'
    body = path.read_text(encoding="utf-8")
    assert "## 4. Night-time economy patrols {" in body
    assert (
        "by a fifth.\n\nAGREED: that the patrols continue until 30 June 2025.\n\n"
        "ACTION: FO to bring a costed plan to the March meeting." in body
    )
    project = _built(meetings, tmp_path / "project")
    data = json.loads((project / "site" / "api" / "meetings.json").read_text(encoding="utf-8"))
    held = next(m for m in data["meetings"] if m["id"] == "steering/2025-01-14")
    by_minute = {i["minute"]: i for i in held["items"] if i["minute"]}
    assert list(by_minute) == ["1", "2", "3", "4"]
    assert by_minute["4"]["resolutions"] == ["AGREED: that the patrols continue until 30 June 2025."]


LAYOUT = Path(__file__).resolve().parent / "fixtures" / "import" / "shapes" / "brockhurst_layout_2025-04-08.txt"


def test_a_layout_copy_with_its_columns_in_spaces(tmp_path):
    """A text copy that prints every column with spaces (no tabs): a timed agenda table with a private row under
    a 'Part 2' heading, names in two columns, a recorded vote whose empty cells are only spaces, a table of fees
    in a paper. Without the column reading the agenda has no items, the paper is left out and the vote is lost."""
    meetings = tmp_path / "meetings"
    result = minutebook("import", str(LAYOUT), "--into", str(meetings), cwd=tmp_path)
    out = result.stdout + result.stderr
    assert "Traceback" not in out and result.returncode == 0, out
    folder = meetings / "licensing-regulatory"
    agenda = _front(folder / "2025-04-08" / "meeting.md")
    assert agenda["start"] == "18:30"
    assert agenda["place"] == "Committee Room 2, Brockhurst Civic Offices, Station Road, Brockhurst BH4 2AA"
    items = {str(i["number"]): i for i in agenda["items"]}
    assert list(items) == ["1", "2", "3", "4", "5", "6"]
    assert items["4"]["title"] == "Taxi and private hire fees 2025/26" and items["4"]["pages"] == "7-10"
    assert "Lead: Head of Licensing" in items["4"]["description"]
    assert items["6"]["title"] == "Enforcement contract for the licensing service"
    assert items["6"]["private"] is True and items["6"]["exempt_paragraph"] == 3 and items["6"]["pages"] == "11-14"
    assert "Date of next meeting" not in items["6"].get("description", "")  # under the last item, not part of it
    minutes = _front(folder / "2025-02-11" / "minutes.md")
    present = [p if isinstance(p, str) else p["name"] for p in minutes["attendance"]["present"]]
    assert sorted(n.split()[1] for n in present) == ["Nuttall", "Osei-Tutu", "Pryce", "Quist", "Ramsden"]
    assert minutes["attendance"]["substitutions"] == [{"name": "F Tregenza", "for": "G Lyle"}]
    (vote,) = minutes["votes"]
    assert sorted(n.split()[-1] for n in vote["for"]) == ["Osei-Tutu", "Pryce", "Quist", "Tregenza"]
    assert vote["against"] == ["C Nuttall"] and vote["abstain"] == ["E Ramsden"] and vote["result"] == "carried"
    (paper,) = (folder / "2025-04-08" / "papers").glob("*.md")
    assert str(_front(paper)["item"]) == "4"
    assert "| Hackney carriage vehicle | £265 | £280 |" in paper.read_text(encoding="utf-8")


def test_a_contact_line_that_names_no_one_stays_in_the_paper(tmp_path):
    """An author block is read and taken out of the paper's text; a contact line that names no one (a post, or a
    telephone number under a cover sheet's table) gives no author, so it stays in the text — not lost."""
    styles = Path(__file__).resolve().parent / "fixtures" / "import" / "styles"
    packs = [styles / "lisnavar_pack_2023-09-05.txt", styles / "blackmere_pack_2025-02-03.txt"]
    meetings = tmp_path / "meetings"
    result = minutebook("import", *map(str, packs), "--into", str(meetings), cwd=tmp_path)
    assert "Traceback" not in result.stdout + result.stderr and result.returncode == 0, result.stderr
    recycling = meetings / "environmental-services" / "2023-09-05" / "papers" / "household-recycling-centre.md"
    assert "Contact Officer: Head of Waste Management" in recycling.read_text(encoding="utf-8")
    # "Report title<TAB>…" and "Wards affected<TAB>…": a cover sheet printed in two columns starts the paper
    winter = meetings / "health" / "2025-02-03" / "papers" / "winter-pressures-urgent.md"
    assert _front(winter)["title"] == "Winter Pressures in Urgent Care" and str(_front(winter)["item"]) == "4"
    assert "| Tel | 01632 961300 |" in winter.read_text(encoding="utf-8")


def test_authors_printed_with_initials_and_an_extension():
    """'Contact officer: G. Lindqvist, Manager, telephone …' and 'Contact: Mrs. D. Ollerenshaw, Head of
    Highways (Ext. 4410)' name their authors (initials, a title); a roman-numbered heading is no one."""
    from minutebook.importer.authors import is_name_line, read_authors
    from minutebook.importer.source import Line

    found = read_authors(
        [Line(1, "Contact officer: G. Lindqvist, Bereavement Services Manager, telephone 01632 960 520")]
    )
    assert found == [{"name": "G. Lindqvist", "role": "Bereavement Services Manager", "phone": "01632 960 520"}]
    found = read_authors([Line(1, "Contact: Mrs. D. Ollerenshaw, Head of Highways (Ext. 4410)")])
    assert found == [{"name": "Mrs. D. Ollerenshaw", "role": "Head of Highways", "phone": "Ext. 4410"}]
    found = read_authors([Line(1, "Report author: Dr A.K. Patel, Director of Public Health")])
    assert found == [{"name": "Dr A.K. Patel", "role": "Director of Public Health"}]
    assert [is_name_line(t) for t in ("I. Introduction", "V. Conclusions", "Mr N Forsyth", "J. Smith")] == [
        False,
        False,
        True,
        True,
    ]


def test_a_count_of_the_public_is_reported_not_misread(tmp_path):
    """'Members of the public: 3' under 'In attendance:' or 'Officers:' counts people: the report says it names
    no one, and it is neither an entry nor a directorate heading of the officers."""
    from minutebook.importer.attendance import AttendanceReader
    from minutebook.importer.people import PeopleBook
    from minutebook.importer.report import Report
    from minutebook.importer.source import Line

    for label in ("In attendance: Mrs P Whitlow (Town Clerk)", "Officers: Mrs P Whitlow (Town Clerk)"):
        report = Report()
        lines = [Line(1, "Present: Councillor R Ashdown (Chair)"), Line(2, label), Line(3, "Members of the public: 3")]
        groups = AttendanceReader("pack.txt", report, PeopleBook()).read(lines)
        entries = [entry for group in groups.values() for entry in group]
        assert [entry["name"] for entry in entries] == ["R Ashdown", "Mrs P Whitlow"], groups
        assert all("directorate" not in entry for entry in entries), groups
        said = "\n".join(note.message for note in report.warnings)
        assert "'Members of the public: 3' in the attendance names no one" in said
        assert "could not read" not in said


def test_a_presenter_given_only_as_a_post_is_reported(tmp_path):
    """'Presented by: Director of Public Health' beside an author names no one to record: the report says so,
    with the line, rather than dropping it unsaid; a named presenter is written as presented_by."""
    styles = Path(__file__).resolve().parent / "fixtures" / "import" / "styles"
    text = (styles / "wyvernbay_pack_2024-11-21.txt").read_text(encoding="utf-8")
    assert text.count("Presented by:\tDr Ngozi Abara, Director of Public Health") == 2
    pack = tmp_path / "wyvernbay_pack_2024-11-21.txt"
    pack.write_text(text.replace("Presented by:\tDr Ngozi Abara, ", "Presented by:\t", 1), encoding="utf-8")
    result = minutebook("import", str(pack), "--into", str(tmp_path / "meetings"), cwd=tmp_path)
    out = result.stdout + result.stderr
    assert result.returncode == 0 and "Traceback" not in out, out
    assert "'Presented by: Director of Public Health' names no one; not recorded" in out
    papers = tmp_path / "meetings" / "health-wellbeing" / "2024-11-21" / "papers"
    assert "presented_by" not in _front(papers / "joint-local-health.md")
    assert _front(papers / "pharmaceutical-needs-assessment.md")["presented_by"] == {
        "name": "Dr Ngozi Abara",
        "role": "Director of Public Health",
    }
