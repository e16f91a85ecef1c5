"""`minutebook import` reads recorded votes, key decisions and planning applications, and reports its doubts.

Variants of the blind-check packs (tests/fixtures/import/styles/harrowfield_*, lisnacree_*) are imported with
the real CLI; the files written and the report are checked.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from helpers import minutebook

from minutebook.build import build
from minutebook.load.yamlio import load, split_front_matter

STYLES = Path(__file__).resolve().parent / "fixtures" / "import" / "styles"
HARROWFIELD = (STYLES / "harrowfield_pack_2024-04-17.txt").read_text(encoding="utf-8")
LISNACREE = (STYLES / "lisnacree_pack_2024-03-05.txt").read_text(encoding="utf-8")


def run(tmp_path: Path, text: str, name: str = "pack.txt"):
    tmp_path.mkdir(parents=True, exist_ok=True)
    pack = tmp_path / name
    pack.write_text(text, encoding="utf-8")
    result = minutebook("import", str(pack), "--into", str(tmp_path / "meetings"), cwd=tmp_path)
    out = result.stdout + result.stderr
    assert "Traceback" not in out, out
    return out, tmp_path / "meetings"


def front(path: Path) -> dict:
    yaml_text, _, _ = split_front_matter(path.read_text(encoding="utf-8"))
    return load(yaml_text) or {}


def test_a_recorded_vote_with_names_and_one_with_figures(tmp_path):
    out, meetings = run(tmp_path, HARROWFIELD)
    votes = front(meetings / "cabinet" / "2024-03-13" / "minutes.md")["votes"]
    assert votes[0] == {
        "minute": 45,
        "on": "the amendment",
        "counts": {"for": 2, "against": 4, "abstain": 1},
        "result": "lost",
    }
    assert votes[1]["for"] == ["N Adeyemi", "O Brannigan", "S Chowdhury", "R Fenwick", "A Hussein"]
    assert votes[1]["against"] == ["M Delacroix", "J Ellery"] and votes[1]["counts"] == {"abstain": 0}
    assert "pack.txt:103: minute 46: the vote's result is not printed; carried from the figures" in out


def test_a_count_that_differs_from_the_names_and_a_name_not_present(tmp_path):
    text = HARROWFIELD.replace("Fenwick and Hussein (5)", "Fenwick and Hussein (6)").replace(
        "Councillors Delacroix and Ellery (2)", "Councillors Delacroix and Ellory (2)"
    )
    out, meetings = run(tmp_path, text)
    vote = front(meetings / "cabinet" / "2024-03-13" / "minutes.md")["votes"][1]
    assert len(vote["for"]) == 5 and "for" not in vote.get("counts", {})
    assert "minute 46: the vote prints 6 for but names 5" in out
    assert "minute 46: the vote names 'Ellory', who is not in the attendance" in out


def test_key_decisions_from_minutes_and_agenda_and_the_call_in_date(tmp_path):
    out, meetings = run(tmp_path, HARROWFIELD)
    assert front(meetings / "cabinet" / "committee.md")["kind"] == "executive"
    items = {i["title"]: i for i in front(meetings / "cabinet" / "2024-03-13" / "meeting.md")["items"]}
    assert items["HOUSING REVENUE ACCOUNT BUSINESS PLAN 2024 TO 2054"]["decision"] == {
        "key_decision": True,
        "forward_plan": "KD/2024/004",
        "published": "2024-03-15",
    }
    assert "decision" not in items["MINUTES"]
    agenda = {i["number"]: i for i in front(meetings / "cabinet" / "2024-04-17" / "meeting.md")["items"]}
    assert agenda[4]["decision"] == {"key_decision": True, "forward_plan": "KD/2024/012"}
    assert agenda[7]["private"] is True and agenda[7]["exempt_paragraph"] == 3 and "decision" not in agenda[7]
    assert "call-in period printed" not in out
    out, _ = run(tmp_path / "b", HARROWFIELD.replace("5.00 pm on 22 March 2024", "5.00 pm on 21 March 2024"))
    assert (
        "the call-in period printed ends on 2024-03-21, but five clear working days after the decision notice "
        "of 2024-03-15 end on 2024-03-22" in out
    )


def test_a_committee_that_is_not_an_executive_records_no_decision(tmp_path):
    text = HARROWFIELD.replace("Cabinet", "Housing Scrutiny Committee").replace("CABINET", "HOUSING SCRUTINY COMMITTEE")
    _, meetings = run(tmp_path, text)
    (folder,) = [p for p in meetings.iterdir() if p.is_dir()]
    assert "kind" not in front(folder / "committee.md")
    for meeting in folder.glob("*/meeting.md"):
        assert all("decision" not in i for i in front(meeting).get("items", []))


def test_planning_applications_granted_refused_deferred(tmp_path):
    _, meetings = run(tmp_path, LISNACREE)
    assert front(meetings / "planning" / "committee.md")["kind"] == "planning"
    items = front(meetings / "planning" / "2024-02-06" / "meeting.md")["items"]
    applications = [i["application"] for i in items if "application" in i]
    assert [(a["reference"], a["decision"]) for a in applications] == [
        ("LA12/2023/0588/F", "granted"),
        ("LA12/2023/0642/O", "refused"),
        ("LA12/2023/0690/F", "deferred"),
    ]
    assert len(applications[0]["conditions"]) == 3 and "reasons" not in applications[0]
    assert applications[1]["reasons"][1].startswith("The proposal would result in a suburban")
    assert "conditions" not in applications[2] and "reasons" not in applications[2]
    agenda = {i["number"]: i for i in front(meetings / "planning" / "2024-03-05" / "meeting.md")["items"]}
    assert agenda[4]["application"] == {"reference": "LA12/2023/0711/F"}
    assert "application" not in agenda[6]


def test_an_application_the_minute_does_not_decide_has_no_decision(tmp_path):
    text = LISNACREE.replace(
        "RESOLVED that consideration of the application be DEFERRED to allow the amended plans to be assessed.",
        "Members noted the amended plans.",
    )
    _, meetings = run(tmp_path, text)
    items = front(meetings / "planning" / "2024-02-06" / "meeting.md")["items"]
    third = next(i for i in items if i["title"].startswith("LA12/2023/0690/F"))
    assert third["application"] == {"reference": "LA12/2023/0690/F"}


def test_full_council_motions_with_amendments_build(tmp_path):
    import json
    import shutil

    from helpers import fixture_project, mkdocs_build

    text = (
        Path(__file__).resolve().parent / "fixtures" / "import" / "outcomes" / "council_minutes_2024-01-24.txt"
    ).read_text(encoding="utf-8")
    _, meetings = run(tmp_path, text)
    assert front(meetings / "council" / "committee.md")["kind"] == "council"
    motions = front(meetings / "council" / "2024-01-24" / "minutes.md")["motions"]
    assert motions[0]["mover"] == "V Tamm" and motions[0]["seconder"] == "J Ellery"
    assert motions[0]["amendments"] == [
        {
            "text": 'the words "and will write to Transport for London" be added',
            "mover": "N Adeyemi",
            "seconder": "O Brannigan",
            "result": "carried",
        }
    ]
    assert motions[1] == {
        "minute": 13,
        "text": "this Council reverses the reduction in library funding",
        "mover": "J Ellery",
        "seconder": "V Tamm",
        "result": "lost",
    }
    config = fixture_project(tmp_path / "project", {})
    shutil.rmtree(tmp_path / "project" / "meetings", ignore_errors=True)
    shutil.copytree(meetings, tmp_path / "project" / "meetings")
    built = mkdocs_build(config, tmp_path / "project" / "site", strict=False)
    assert built.returncode == 0, built.stderr
    data = json.loads((tmp_path / "project" / "site" / "api" / "meetings.json").read_text(encoding="utf-8"))
    (meeting,) = data["meetings"]
    built_motions = [m for i in meeting["items"] for m in i["motions"]]
    assert [m["result"] for m in built_motions] == ["carried", "lost"]
    assert built_motions[0]["amendments"][0]["mover"]["name"] == "N Adeyemi"


def test_motions_are_not_written_for_a_committee(tmp_path):
    text = LISNACREE  # "Proposed by Alderman Hanna, seconded by Councillor Devlin": a planning committee's proposal
    _, meetings = run(tmp_path, text)
    assert "motions" not in front(meetings / "planning" / "2024-02-06" / "minutes.md")


def test_a_named_vote_printed_as_a_table(tmp_path):
    printed = (
        "FOR: Councillors Adeyemi, Brannigan, Chowdhury, Fenwick and Hussein (5)\n"
        "AGAINST: Councillors Delacroix and Ellery (2)\n"
        "ABSTENTIONS: None (0)\n"
    )
    assert printed in HARROWFIELD
    table = "Member\tVote\nCouncillor Adeyemi\tFor\nCouncillor Brannigan\tFor\nCouncillor Delacroix\tAgainst\n"
    table += "Councillor Ellery\tAbstained\n"
    out, meetings = run(tmp_path, HARROWFIELD.replace(printed, table))
    vote = front(meetings / "cabinet" / "2024-03-13" / "minutes.md")["votes"][1]
    assert vote["for"] == ["N Adeyemi", "O Brannigan"]
    assert vote["against"] == ["M Delacroix"] and vote["abstain"] == ["J Ellery"]
    assert "minute 46: the vote's result is not printed; carried from the figures" in out


def test_a_vote_printed_as_a_table_of_marks_under_each_way(tmp_path):
    """Member | For | Against | Abstain with a mark in one column a row, and a totals row: the names go
    each way; a row marking two ways (or none readable) and a name not present are reported."""
    printed = (
        "FOR: Councillors Adeyemi, Brannigan, Chowdhury, Fenwick and Hussein (5)\n"
        "AGAINST: Councillors Delacroix and Ellery (2)\n"
        "ABSTENTIONS: None (0)\n"
    )
    assert printed in HARROWFIELD
    for mark in ("X", "✓", "Yes"):
        table = (
            "Member\tFor\tAgainst\tAbstained\n"
            f"Councillor Adeyemi\t{mark}\t\t\n"
            f"Councillor Brannigan\t{mark}\t\t\n"
            f"Councillor Chowdhury\t{mark}\t{mark}\t\n"  # two ways: left out, reported
            f"Councillor Delacroix\t\t{mark}\t\n"
            f"Councillor Ellory\t\t\t{mark}\n"  # not in the attendance
            "Total\t3\t2\t1\n"
        )
        out, meetings = run(tmp_path / mark, HARROWFIELD.replace(printed, table))
        vote = front(meetings / "cabinet" / "2024-03-13" / "minutes.md")["votes"][1]
        assert vote["for"] == ["N Adeyemi", "O Brannigan"], mark
        assert vote["against"] == ["M Delacroix"] and vote["abstain"] == ["Ellory"], mark
        assert "counts" not in vote, mark  # the totals differ from the names kept: reported below, not written
        assert "the vote table's row for 'Councillor Chowdhury' does not mark one way; it is left out" in out, mark
        assert "the vote names 'Ellory', who is not in the attendance" in out, mark
        assert "the vote prints 3 for but names 2" in out and "the vote prints 2 against but names 1" in out, mark


def test_a_decisions_parts_printed_in_its_own_paragraph_are_read_as_parts(tmp_path):
    """'RESOLVED that: (a) … (b) …' on one line (as a table cell prints it) has two parts, like the same
    parts printed one a line; a mention of parts inside a decision, or markers out of order, is one."""
    printed = (
        "RESOLVED that:\n\n(a) the Housing Revenue Account Business Plan 2024 to 2054 be approved; and\n\n"
        "(b) the Director of Housing be authorised to make minor changes to the plan in consultation with "
        "the Cabinet Member for Housing.\n"
    )
    assert printed in HARROWFIELD
    one_line = printed.replace(":\n\n(a)", ": (a)").replace("and\n\n(b)", "and (b)")
    cases = {
        "lines": (printed, 2, "Director of Housing be authorised"),
        "one line, letters": (one_line, 2, "Director of Housing be authorised"),
        "one line, numbers": (one_line.replace("(a)", "(1)").replace("(b)", "(2)"), 2, "Director of Housing"),
        "a mention": ("RESOLVED that paragraphs (a) and (b) of the plan be approved.\n", 1, "paragraphs (a) and (b)"),
        "out of order": (one_line.replace("(a)", "(2)").replace("(b)", "(1)"), 1, "and (1) the Director"),
    }
    for name, (text, parts, words) in cases.items():
        _, meetings = run(tmp_path / name.replace(" ", "-").replace(",", ""), HARROWFIELD.replace(printed, text))
        archive = build(meetings, dt.date(2026, 1, 15), history=False, render=False).archive  # the format's reading
        cabinet = next(m for m in archive.meetings if m.committee == "cabinet" and m.minutes)
        minute = next(m for m in cabinet.minutes.minutes if "HOUSING REVENUE" in m.title.upper())
        assert len(minute.resolutions) == parts, (name, [r.text for r in minute.resolutions])
        assert words in " ".join(r.text for r in minute.resolutions), name  # the words kept


WESTER = (STYLES / "wester_carse_pack_2025-03-26.txt").read_text(encoding="utf-8")


def test_appendices_named_annex_or_atodiad_and_a_bilingual_appendix_heading(tmp_path):
    """ "Annex 1 – …" and "Annexe 1 – …" are appendices as "Appendix 1 – …" is; a heading naming the appendix
    in two languages ("Appendix 1 – Budget / Atodiad 1 – Cyllideb") keeps both titles, not the second label."""
    heading = "Appendix 1 – Budget 2025/26 by Service"
    assert heading in WESTER and "set out by service in Appendix 1." in WESTER
    cases = {
        "annex": ("Annex 1 – Budget 2025/26 by Service", "Annex 1", "Budget 2025/26 by Service"),
        "annexe": ("ANNEXE 1 – Budget 2025/26 by Service", "Annexe 1", "Budget 2025/26 by Service"),
        "bilingual": (
            "Appendix 1 – Budget 2025/26 by Service / Atodiad 1 – Cyllideb 2025/26 fesul Gwasanaeth",
            "Appendix 1",
            "Budget 2025/26 by Service / Cyllideb 2025/26 fesul Gwasanaeth",
        ),
    }
    for name, (printed, mention, title) in cases.items():
        text = WESTER.replace(heading, printed).replace("by service in Appendix 1.", f"by service in {mention}.")
        out, meetings = run(tmp_path / name, text)
        appendices = [p for p in meetings.rglob("papers/*.md") if front(p).get("appendix") == "1"]
        assert len(appendices) == 1, (name, out)
        assert front(appendices[0])["title"] == title, name


def test_a_minute_that_opens_by_saying_it_is_exempt_is_private_and_reported(tmp_path):
    opening = "Key Decision: No\n\nCouncillor Ellery moved an amendment"
    assert opening in HARROWFIELD
    for line, paragraph in (
        ("Exempt under paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972", 3),
        ("(Exempt information – paragraph 1)", 1),
        ("This item is not for publication by virtue of paragraph 4 of Schedule 12A", 4),
    ):
        out, meetings = run(tmp_path / str(paragraph), HARROWFIELD.replace(opening, f"{line}\n\n{opening}"))
        archive = build(meetings, dt.date(2026, 1, 15), history=False, render=False).archive
        cabinet = next(m for m in archive.meetings if m.committee == "cabinet" and m.minutes)
        minute = next(m for m in cabinet.minutes.minutes if "COMMUNITY GRANTS" in m.title.upper())
        assert minute.private == str(paragraph) and not minute.body, line  # withheld
        assert f"minute 45 says it is exempt (paragraph {paragraph}): written as a private minute" in out, line
    # a minute that mentions an exempt paragraph later on is not made private
    out, meetings = run(tmp_path / "later", HARROWFIELD.replace(opening, f"{opening} (paragraph 3 exempt)"))
    assert "says it is exempt" not in out


def test_a_tables_minute_numbers_give_the_committees_numbering_scheme(tmp_path):
    """Minutes printed as a table (Minute No. | Subject | Decision): the first column's numbers are the
    minutes' printed numbers, their scheme goes to council.yml and the report names the first row's line."""
    wealdshire = (STYLES / "wealdshire_pack_2025-02-11.txt").read_text(encoding="utf-8")
    lines = wealdshire.splitlines()
    row = next(k for k, line in enumerate(lines) if line.startswith("21/24\t"))
    text = "\n".join(
        f"PEN/24/02{line[1]}{line[5:]}" if line[:1] == "2" and line[2:6] == "/24\t" else line for line in lines
    )
    out, meetings = run(tmp_path, text, "wealdshire_pack_2025-02-11.txt")
    assert (
        f"wealdshire_pack_2025-02-11.txt:{row + 1}: the minutes of pensions are numbered 'PEN/{{yy}}/{{number:3}}'"
        in out
    )
    council = load((meetings / "council.yml").read_text(encoding="utf-8"))
    assert council["committees"]["pensions"]["minute_numbers"] == "PEN/{yy}/{number:3}"
    minutes = (meetings / "pensions" / "2024-11-19" / "minutes.md").read_text(encoding="utf-8")
    assert "## PEN/24/024 " in minutes and "## PEN/24/026 " in minutes


def test_an_attendance_table_naming_the_appointing_body_and_apologies_in_a_sentence(tmp_path):
    """'Members Present' as a table 'Name | Appointed by': the header is left out, the second column is the
    body the member is there for (not a post), '(Chair)' after the name is the role; 'Apologies for absence
    were received from …' under the tables is the apologies, not a broken line of the last officer."""
    dunmarrow = (STYLES / "dunmarrow_pack_2024-11-15.txt").read_text(encoding="utf-8")
    out, meetings = run(tmp_path, dunmarrow)
    attendance = front(meetings / "planning" / "2024-10-18" / "minutes.md")["attendance"]
    present = attendance["present"]
    assert [p["name"] for p in present][:2] == ["A Pryce", "Mr J Oakes"] and len(present) == 6
    assert present[0] == {"name": "A Pryce", "role": "Chair", "organisation": "Kelmoor District Council"}
    assert present[4]["organisation"] == "Secretary of State (Parish Member)"
    assert attendance["officers"][0] == "R Castellano (Head of Development Management)"  # 'Name | Role': a post
    assert attendance["apologies"] == ["F Tennant", "Mr G Varga"]
    assert "in the attendance table is not a name" not in out and "joined 'Apologies" not in out


def test_the_minutes_place_on_the_line_under_a_date_and_time_line(tmp_path):
    """'Friday, 18 October 2024 at 10.00 am' on a line of its own and the place on the next: the place; a
    sentence there instead is not taken for one."""
    dunmarrow = (STYLES / "dunmarrow_pack_2024-11-15.txt").read_text(encoding="utf-8")
    _, meetings = run(tmp_path / "a", dunmarrow)
    assert front(meetings / "planning" / "2024-10-18" / "meeting.md")["place"] == "Board Room, Aldergate, Kelmoor"
    sentence = dunmarrow.replace(
        "Board Room, Aldergate, Kelmoor\n", "This was webcast live for the public record.\n", 1
    )
    _, meetings = run(tmp_path / "b", sentence)
    assert not front(meetings / "planning" / "2024-10-18" / "meeting.md").get("place")
