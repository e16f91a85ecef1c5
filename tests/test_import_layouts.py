"""Layouts of two more families of packs, through the real import (issue 13; the whole packs are scored in
test_import_styles.py as kelsworth and hallowdale): a town or parish council's summons, clerk's signature,
minutes "PC/24/41 Title" and a sheet "Item 2a: Title"; and a CMIS-like layout, label rows in two columns,
"Item N" rows and minute headings, attendance tables "Name | Role" and "Name | Title", a 24-hour time
range and a "Report of: / Date: / Subject: / Purpose:" cover sheet after minutes with no closing line."""

from __future__ import annotations

from pathlib import Path

from helpers import minutebook

PARISH = """NOTICE OF MEETING

Councillors are summoned to attend the Meeting of Oakby Parish Council to be held at The Reading Room, Church Lane, Oakby on Tuesday 5 November 2024 at 7.30 pm.

Jane Ridd
Parish Clerk
29 October 2024

AGENDA

1. Apologies for Absence

2. Finance
a) To approve the payments (attached).

3. Minutes
To approve the minutes of the meeting held on 1 October 2024.

Page 1

Item 2a: Payments – November 2024

Payee\tNet £
Oakby Mowing\t120.00

Page 2

OAKBY PARISH COUNCIL

Minutes of the Meeting of Oakby Parish Council held on Tuesday 1 October 2024 at 7.30 pm in The Reading Room, Oakby

Present: Cllrs P Abbot (Chair), R Bellis and T Crewe.

PC/24/41 Apologies for Absence
None were received.

PC/24/42 Declarations of Interest
Cllr Bellis declared an interest in PC/24/43 as a neighbour of the applicant.

PC/24/43 Planning
Resolved: that no objection be raised.

There being no further business the Chair closed the meeting at 8.15 pm.
"""

CMIS = """MOORSIDE FIRE AUTHORITY

Audit Committee

Meeting Date:\tMonday, 3 March 2025
Time:\t14:00
Venue:\tRoom 2, Fire HQ, Moorside

AGENDA

Item 1\tApologies
Item 2\tAnnual Audit Letter\t(Pages 3 - 9)

Page 1

MOORSIDE FIRE AUTHORITY

Minutes of the Audit Committee

Meeting Date:\tMonday, 13 January 2025
Time:\t14:00 - 15:20
Venue:\tRoom 2, Fire HQ, Moorside

Members Present

Name\tRole
Cllr A Dunn\tChair
Cllr B Frost\tMember

Officers Present

Name\tTitle
C Gale\tTreasurer

Item 1\tApologies

None were received.

Item 2\tRisk Register

RESOLVED – That the register be noted.

Page 2

Item 2

Report of:\tTreasurer
Date:\t3 March 2025
Subject:\tAnnual Audit Letter
Purpose:\tTo present the external auditor's letter.

1.\tRecommendation(s)

1.1\tThat the Committee notes the letter.
"""


def _import(tmp_path: Path, text: str) -> tuple[Path, str]:
    pack = tmp_path / "pack.txt"
    pack.write_text(text, encoding="utf-8")
    result = minutebook("import", str(pack), "--into", str(tmp_path / "meetings"), cwd=tmp_path)
    out = result.stdout + result.stderr
    assert result.returncode == 0 and "Traceback" not in out, out
    return tmp_path / "meetings", out


def test_a_parish_councils_summons_minutes_and_item_sheet(tmp_path: Path):
    meetings, out = _import(tmp_path, PARISH)
    # "Oakby Parish Council", the whole council named with its place, is the Parish Council
    folder = meetings / "parish-council"
    agenda = (folder / "2024-11-05" / "meeting.md").read_text(encoding="utf-8")
    # "Councillors are summoned to attend the Meeting of … to be held at The Reading Room … on … at …"
    assert 'start: "19:30"' in agenda and "place: The Reading Room, Church Lane, Oakby\n" in agenda
    # the clerk's name, post and date under the notice
    assert "agenda_published: 2024-10-29" in agenda and "published_by: Jane Ridd, Parish Clerk" in agenda
    # "Item 2a: Payments – November 2024" at the top of a page: the paper of item 2
    paper = (folder / "2024-11-05" / "papers" / "finance.md").read_text(encoding="utf-8")
    assert paper.startswith("---\nitem: 2\nkind: report\ntitle: Payments – November 2024\n")
    assert "| Oakby Mowing | 120.00 |" in paper
    minutes = (folder / "2024-10-01" / "minutes.md").read_text(encoding="utf-8")
    assert "## PC/24/43 Planning {slug=planning}" in minutes and 'closed: "20:15"' in minutes
    # "declared an interest in PC/24/43": the minute printed so
    assert "  - name: Bellis\n    minute: 43\n" in minutes
    assert "the minutes of parish-council are numbered 'PC/{yy}/{number}'" in out


def test_a_cmis_layout(tmp_path: Path):
    meetings, _ = _import(tmp_path, CMIS)
    agenda = (meetings / "audit" / "2025-03-03" / "meeting.md").read_text(encoding="utf-8")
    # "Meeting Date:<TAB>…" is the front sheet's date; "Item 2<TAB>Title<TAB>(Pages 3 - 9)" an agenda row
    assert 'start: "14:00"' in agenda and "place: Room 2, Fire HQ, Moorside" in agenda
    assert "  - number: 2\n    title: Annual Audit Letter\n    pages: 3-9\n" in agenda
    minutes = (meetings / "audit" / "2025-01-13" / "minutes.md").read_text(encoding="utf-8")
    assert 'closed: "15:20"' in minutes  # "Time: 14:00 - 15:20"
    assert "## 1. Apologies {slug=apologies}" in minutes and "## 2. Risk Register {slug=risk-register}" in minutes
    # the tables' header rows are not people
    assert "  officers:\n    - C Gale (Treasurer)\n---" in minutes and "Name" not in minutes.split("---")[1]
    # the minutes have no closing line: they end where the report's cover sheet starts
    assert "Report of" not in minutes and "Recommendation" not in minutes
    paper = (meetings / "audit" / "2025-03-03" / "papers" / "annual-audit-letter.md").read_text(encoding="utf-8")
    assert "item: 2\n" in paper and "title: Annual Audit Letter\n" in paper
    assert "That the Committee notes the letter." in paper


HEARING = """ASHLEY DISTRICT COUNCIL

NOTICE OF HEARING

A hearing of the Licensing Sub-Committee will be held on

Tuesday 4 March 2025
commencing at 2.00 pm

in Room 3, Council Offices, Ashley

Item 1
Apologies for absence

Item 2
Minutes of the hearing held on 4 February 2025
Pages 3 – 6

Item 3
Application for a premises licence – The Mill, Ashley
Pages 7 – 20

Page 1

ASHLEY DISTRICT COUNCIL

LICENSING SUB-COMMITTEE

MINUTES of the hearing held in Room 3, Council Offices, Ashley on Tuesday 4 February 2025 at 2.00 pm

Members of the Sub-Committee:
Councillor Ann Mabey (in the Chair)
Councillor Rob Nolan

(7)  Apologies for Absence

None were received.

(8)  Application to Vary a Premises Licence

(1)  That the application be granted.

FOR (2): Councillors Mabey,
Nolan

The motion was declared CARRIED.

The hearing concluded at 3.10 pm.
"""


def test_a_hearing_notice_a_stacked_agenda_and_bracketed_minute_numbers(tmp_path: Path):
    meetings, _ = _import(tmp_path, HEARING)
    agenda = (meetings / "licensing" / "2025-03-04" / "meeting.md").read_text(encoding="utf-8")
    # "A hearing of … will be held on" over the date, "commencing at …" and the place on lines of their own
    assert 'start: "14:00"' in agenda and "place: Room 3, Council Offices, Ashley\n" in agenda
    # "Item 2" / title / "Pages 3 – 6": entries of the agenda, not stamps over papers
    assert "  - number: 2\n    title: Minutes of the hearing held on 4 February 2025\n    pages: 3-6\n" in agenda
    assert "  - number: 3\n    title: Application for a premises licence – The Mill, Ashley\n" in agenda
    minutes = (meetings / "licensing" / "2025-02-04" / "minutes.md").read_text(encoding="utf-8")
    # "(7)  Title" is a heading; "(1)  That …" under one is not; "The hearing concluded at …" closes
    assert "## 7. Apologies for Absence" in minutes and "## 8. Application to Vary a Premises Licence" in minutes
    assert "## 1." not in minutes and 'closed: "15:10"' in minutes
    # "Members of the Sub-Committee:" are present; the vote's names wrapped after a comma are both read
    assert "  present:\n    - Ann Mabey (in the Chair)\n    - Rob Nolan\n" in minutes
    assert "    for:\n      - Ann Mabey\n      - Rob Nolan\n    result: carried\n" in minutes


MARKED = """MINUTES of the meeting of the Harbour Forum held on Monday 3 March 2025 at 9.30 am at the Quay Room, Harbour Office, Eastwick.

Schedule of Attendance

Member\tRepresenting\tPresent\tApologies
Mrs Ada Penrose (Chair)\tBoat owners\tX\t
Mr Ben Trelawny\tFishermen\t\tX
Ms Cora Vosper\tHarbour users (substitute for Mr Ben Trelawny)\tX\t
Mr Dan Hocking\tMarina\t\t

In attendance: Eve Pascoe, Harbour Master; Finn Rowe, Clerk; and Gail Tonkin, Finance Officer.

1/25\tAPOLOGIES

Apologies were received from Mr Trelawny.

2/25\tHARBOUR DUES 2025/26

Decision: The Forum
(a)\tnoted the report;
(b)\tsupported the dues proposed.

The meeting ended at 10.40 am.
"""


def test_an_attendance_table_marked_by_column_and_entries_divided_by_semicolons(tmp_path: Path):
    meetings, _ = _import(tmp_path, MARKED)
    minutes = (meetings / "harbour" / "2025-03-03" / "minutes.md").read_text(encoding="utf-8")
    # "Schedule of Attendance": the cross in 'Present' or 'Apologies' gives the group, no cross is absent
    assert "  present:\n    - name: Mrs Ada Penrose\n      role: Chair\n" in minutes
    assert "  apologies:\n    - name: Mr Ben Trelawny\n" in minutes and "Hocking" not in minutes.split("---")[1]
    # "(substitute for …)" in another cell: a substitution
    assert (
        "  substitutions:\n    - name: Ms Cora Vosper\n      organisation: Harbour users\n      for: Mr Ben Trelawny\n"
        in minutes
    )
    # "Name, Post; Name, Post; and Name, Post": three people, each with the post (officers by their posts)
    assert "  officers:\n    - Finn Rowe (Clerk)\n    - Gail Tonkin (Finance Officer)\n" in minutes
    assert "  invited:\n    - Eve Pascoe (Harbour Master)\n" in minutes
    # "Decision: The Forum" over "(a) …" / "(b) …": a decision in two parts, not one joined paragraph
    assert "Decision: The Forum\n\n(a) noted the report;\n\n(b) supported the dues proposed." in minutes
