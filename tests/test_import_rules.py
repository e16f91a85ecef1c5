"""Rules of the importer learned from the blind packs of stop 33 (Calderwick, Inverbrae), each tried on its
own lines: the case it reads and the near case it must leave alone."""

from __future__ import annotations

from minutebook.importer.agenda import AgendaItem
from minutebook.importer.agendalines import headings_of_items, pages_between
from minutebook.importer.body import BodyReader
from minutebook.importer.clean import clean
from minutebook.importer.columns import space_columns
from minutebook.importer.report import Report
from minutebook.load.minutes_text import RESOLVED


def test_a_table_ruled_with_dashes_takes_its_columns_from_the_runs():
    lines = [
        " Indicator                    2022/23  2023/24    Stat.",
        "                                                  neigh.",
        " ---------------------------  -------  -------  -------",
        " Children in need (rate per       331      318      340",
        "   10,000 children)",
        " Rapid reviews undertaken           4        6        –",
        "",
        " Notes",
        "",
        " 1.  Statistical neighbours are the ten authorities most like the borough.",
    ]
    out = space_columns(lines)
    # the heading over two lines is one row; figures set right stay in their runs; words two spaces apart
    # ("2022/23  2023/24") are two cells
    assert out[0] == "Indicator\t2022/23\t2023/24\tStat. neigh."
    assert out[1] == ""
    assert out[3] == "Children in need (rate per\t331\t318\t340"
    assert out[4] == "10,000 children)\t\t\t"
    assert out[5] == "Rapid reviews undertaken\t4\t6\t–"
    # prose under the table runs across the runs: it is text, not a row
    assert out[7:] == lines[7:]


def test_a_ruled_table_whose_rows_are_set_apart_by_blank_lines_joins_each_rows_lines():
    lines = [
        " Priority         What we did                    Status",
        " ---------------  -----------------------------  --------",
        " Neglect          Strategy launched June 2024;   Achieved",
        "                  612 practitioners trained",
        "",
        " Voice of the     Audit in March 2025 found      Partly",
        " child            improvement in multi-          achieved",
        "                  agency records",
    ]
    out = space_columns(lines)
    assert out[2] == "Neglect\tStrategy launched June 2024; 612 practitioners trained\tAchieved"
    assert (
        out[5] == "Voice of the child\tAudit in March 2025 found improvement in multi-agency records\tPartly achieved"
    )
    assert out[3] == out[6] == out[7] == ""


def test_a_wrapped_first_cell_is_joined_to_its_row_but_a_lettered_row_is_not():
    text = "\n".join(
        [
            "Indicator\t2024/25",
            "Children in need (rate per\t331",
            "10,000 children)\t",
            "Children missing from care\t296",
            "(individual children)\t",
            "(a) Capital\t",
            "within 15 working days\t",
        ]
    )
    source = clean("t.txt", text)
    markdown = BodyReader(source, Report()).markdown(source.lines)
    assert "| Children in need (rate per 10,000 children) | 331 |" in markdown
    assert "| Children missing from care (individual children) | 296 |" in markdown
    assert "| (a) Capital within 15 working days |" in markdown  # a row of its own, its next line in lower case


def _item(number: str, title: str, pages: str | None = None, description: str = "") -> AgendaItem:
    item = AgendaItem(number, title, 1, pages=pages)
    item.description = description
    return item


def test_a_decimal_entry_that_describes_its_item_is_its_description_not_an_item():
    items = [
        _item("1", "Order of Business"),
        _item("1.1", "Including any notices of motion and any other items of business", None, "as urgent."),
        _item("3", "Deputations"),
        _item("3.1", "If any"),
        _item("7", "Executive Decisions"),
        _item("7.1", "Low Emission Zone – Annual Report", "17-22"),
        _item("7.2", "Bus lane camera enforcement – contract extension"),  # a title in sentence case
        _item("10", "Resolution to Consider in Private", None, "The Committee is requested to exclude the public."),
        _item("10.1", "Bus Lane Camera Enforcement"),
    ]
    headings_of_items(items, clean("t.txt", ""), Report())
    assert [i.number for i in items] == ["1", "3", "7.1", "7.2", "10", "10.1"]
    assert items[0].description.startswith("Including any notices of motion")
    assert items[1].description == "If any"


def test_pages_in_the_middle_of_an_agenda_line_only_where_they_carry_on_the_agendas_pages():
    before = [_item("4.1", "Minutes", "5-10"), _item("6.1", "Business Bulletin", "15-16")]
    assert pages_between("Low Emission Zone – Report by the 17 - 22 Executive Director of Place", before) == (
        "Low Emission Zone – Report by the Executive Director of Place",
        "Pages 17 - 22",
    )
    assert pages_between("Support for children aged 5 - 11 years in the holidays", before) is None
    assert pages_between("Low Emission Zone 17 - 22 Report", []) is None  # no pages before to carry on


def test_decision_alone_is_the_label_of_the_words_under_it_and_recommended_is_a_decision():
    source = clean(
        "m.txt", "Decision\n\nTo note the Work Programme.\n\nDecision\n\nRESOLVED – That the report be noted.\n"
    )
    markdown = BodyReader(source, Report(), minutes=True).markdown(source.lines)
    assert markdown.startswith("Decision:\n\nTo note the Work Programme.")
    assert "Decision:\n\nRESOLVED" not in markdown  # over a RESOLVED, "Decision" stays a heading
    assert RESOLVED.match("RECOMMENDED to Cabinet:")
    assert not RESOLVED.match("Recommended actions are set out below.")  # the word in prose is no decision


# --- rules learned from the blind packs of stop 34 (Strathmuir, Halsey, Llanfor) ------------------------------


def test_a_council_named_by_its_place_alone_is_the_full_council_but_a_youth_council_is_not():
    from minutebook.importer.textutil import committee_slug

    assert committee_slug("Strathmuir Council") == committee_slug("STRATHMUIR COUNCIL") == "council"
    assert committee_slug("Youth Council") == "youth-council"
    assert committee_slug("Kelsworth Town Council") == "town-council"


def test_the_committee_of_a_council_is_the_committee_however_the_council_is_named():
    from minutebook.importer.agendalines import of_the_council

    assert of_the_council("Licensing and Regulatory Committee of Halsey District Council") == (
        "Licensing and Regulatory Committee"
    )
    assert of_the_council("Llanfor Town Council's Finance and General Purposes Committee") == (
        "Finance and General Purposes Committee"
    )
    assert of_the_council("Council of the London Borough of Kestrelmere") == "Council"
    assert of_the_council("Committee of Management") == "Committee of Management"


def _lines(*texts):
    from minutebook.importer.source import Line

    return [Line(n, t) for n, t in enumerate(texts, start=1)]


def test_a_list_of_names_wrapped_inside_a_name_is_joined_but_one_name_a_line_is_not():
    from minutebook.importer.attendlabels import unwrap

    wrapped = unwrap(
        _lines("Councillors Colin Anstruther, Douglas Balfour, Kirsty", "Bannerman, Andrew Birrell and Neil Cairns.")
    )
    assert [line.text for line in wrapped] == [
        "Councillors Colin Anstruther, Douglas Balfour, Kirsty Bannerman, Andrew Birrell and Neil Cairns."
    ]
    one_a_line = unwrap(
        _lines("Provost Margaret Dunsmore (Chair)", "Depute Provost Alasdair Carmichael", "Bailie Fiona Lennox")
    )
    assert len(one_a_line) == 3
    # a comma list whose line ends with a whole entry over the next label's line
    assert len(unwrap(_lines("Councillors A Smith, B Jones", "Apologies: Councillor C Brown"))) == 2


def test_the_presiding_line_under_the_attendance_is_no_one_s_apology():
    from minutebook.importer.attendance import AttendanceReader
    from minutebook.importer.people import PeopleBook

    found = AttendanceReader("x", Report(), PeopleBook()).read(
        _lines(
            "Present: Provost Margaret Dunsmore, Councillors Ann Kerr and Iain Weir.",
            "Apologies: Councillor Moira Pringle.",
            "Provost Margaret Dunsmore, Presiding.",
        )
    )
    assert [a["name"].split()[-1] for a in found["apologies"]] == ["Pringle"]
    assert [a["name"].split()[-1] for a in found["present"]] == ["Dunsmore", "Kerr", "Weir"]


def test_a_website_s_furniture_is_taken_off_a_pack_copied_from_its_pages_and_prose_about_cookies_is_kept():
    text = "\n".join(
        [
            "We use cookies on this website. Some are essential.  Accept all cookies",
            "Skip to main content",
            "Home > Your council > Browse meetings > Licensing Committee > Agenda",
            "Agenda",
            "The council's privacy notice says how cookies on its website are used.",
            "Print this page",
            "Back to top",
            "Contact us   Accessibility statement   Privacy notice   Cookies   Sitemap",
            "Members   Officers   Public",
        ]
    )
    kept = [line.text for line in clean("x", text).lines if line.text.strip()]
    assert kept == [
        "Agenda",
        "The council's privacy notice says how cookies on its website are used.",
        "Members   Officers   Public",
    ]


def _starts(text: str) -> list[tuple[str, int]]:
    from minutebook.importer.split import split_pack

    return [(part.kind, part.line) for part in split_pack(clean("x", text), Report())]


SUMMONS_THEN_AGENDA = [
    "STRATHMUIR COUNCIL",
    "",
    "You are requested to attend a meeting of Strathmuir Council to be held in the Council Chambers, Kilbrennan on",
    "Thursday 11 December 2025 at 10.00 am.",
    "",
    "Yours faithfully",
    "",
    "Kirsten Abernethy",
    "Chief Executive",
    "",
    "2 December 2025",
    "\f",
    "Meeting of Strathmuir Council",
    "{when}",
    "Council Chambers, Kilbrennan",
    "",
    "AGENDA",
    "",
    "1.   Apologies",
    "",
    "2.   Minute of Previous Meeting",
    "",
    "     Minute of Meeting of Strathmuir Council of 30 October 2025 for approval",
    "     (copy herewith).",
    "",
    "3.   Budget",
]


def test_the_agenda_s_page_under_the_summons_of_its_meeting_is_one_front_sheet_not_two():
    one = _starts("\n".join(SUMMONS_THEN_AGENDA).replace("{when}", "Thursday 11 December 2025 at 10.00 am"))
    assert one == [("front", 1)]
    # the near case: a front sheet of another meeting further on is a part of its own
    two = _starts("\n".join(SUMMONS_THEN_AGENDA).replace("{when}", "Thursday 29 January 2026 at 10.00 am"))
    assert [kind for kind, _ in two] == ["front", "front"]


def test_an_agenda_naming_the_minutes_for_approval_is_no_minutes_heading():
    assert _starts("\n".join(SUMMONS_THEN_AGENDA).replace("{when}", "Thursday 11 December 2025 at 10.00 am")) == [
        ("front", 1)
    ]
    minutes = "\n".join(
        [
            "Minute of Meeting of Strathmuir Council held in the Council Chambers on 30 October 2025.",
            "",
            "1   Apologies",
        ]
    )
    assert _starts(minutes) == [("minutes", 1)]


def _front(text: str):
    from minutebook.importer.agenda import read_front_sheet
    from minutebook.importer.split import split_pack

    source = clean("x", text)
    part = split_pack(source, Report())[0]
    return read_front_sheet(part, source, Report())


def test_numbered_notes_under_the_agenda_end_it():
    pack = "\n".join(SUMMONS_THEN_AGENDA).replace("{when}", "Thursday 11 December 2025 at 10.00 am")
    notes = (
        "\n\nNOTES\n\n1.  Webcasting – this meeting will be webcast.\n\n2.  Reports not for publication are circulated."
    )
    agenda = _front(pack + notes)
    assert [i.number for i in agenda.items] == ["1", "2", "3"]
    assert agenda.items[-1].title == "Budget"
    # the near case: an agenda numbered on past its notes' numbers keeps every item
    more = _front(pack + "\n\n4.   Any other business\n\n5.   Date of next meeting")
    assert [i.number for i in more.items] == ["1", "2", "3", "4", "5"]


def _header(*texts):
    from minutebook.importer.papers import read_header

    return read_header(_lines(*texts))[0]


def test_a_report_s_first_section_heading_is_never_its_title():
    header = _header(
        "STRATHMUIR COUNCIL",
        "",
        "Programme of Council and Committee Meetings 2026",
        "",
        "Report by Executive Director of Finance and Corporate Services",
        "",
        "PURPOSE OF REPORT",
        "",
        "This report proposes a programme of meetings.",
    )
    assert header["subject"] == "Programme of Council and Committee Meetings 2026"
    # the near case: a title printed under "Report of …" is still its title
    assert _header("REPORT OF THE TREASURER", "", "Capital Programme Monitoring 2024/25", "", "1. Purpose")[
        "subject"
    ] == ("Capital Programme Monitoring 2024/25")


def test_the_title_over_a_cover_sheet_s_fields_is_the_paper_s_title():
    header = _header(
        "HALSEY DISTRICT COUNCIL",
        "",
        "Review of premises licence – The Drovers Arms",
        "",
        "Report of: Head of Regulatory Services",
        "Report author: Callum Redfearn, Senior Licensing Officer",
        "Wards affected: Market and Castle",
    )
    assert header["subject"] == "Review of premises licence – The Drovers Arms"
    assert "The Committee is asked" not in str(_header("The Committee is asked to note the report.", "Report of: X"))


def test_authors_in_a_table_under_author_s_and_not_the_sign_off_under_it():
    from minutebook.importer.authors import author_block_start, author_table_end, read_authors

    lines = _lines(
        "9.1   Appendix 1 – Key actions",
        "",
        "Author(s)",
        "",
        "Name\tDesignation\tContact Details",
        "Fiona Jardine\tChief Accountant\t01764 483512",
        "\t\tFJardine@strathmuir.gov.uk",
        "",
        "Approved",
        "",
        "Name\tDesignation\tDate",
        "Morven Sutherland\tExecutive Director (Place)\t28 November 2025",
        "",
        "Appendix 1",
    )
    start = author_block_start(lines, 0)
    assert start == 2
    end = author_table_end(lines, start)
    assert end == 12  # the sign-off table is part of the block
    authors = read_authors(lines[start:end])
    assert [(a["name"], a.get("role"), a.get("email")) for a in authors] == [
        ("Fiona Jardine", "Chief Accountant", "FJardine@strathmuir.gov.uk")
    ]
    # an "Approved" table alone names no author
    assert author_block_start(lines[8:], 0) is None


def test_a_printed_number_with_both_years_of_the_municipal_year_gives_both_placeholders():
    from minutebook.importer.numbering import read_number, scheme_of

    assert scheme_of("FGP/24/25/031", 2024) == "FGP/{yy}/{yy+1}/{number:3}"
    assert read_number("FGP/24/25/031", 2024) == 31
    # the near cases: a number that happens to follow the year, and two groups only
    assert scheme_of("FGP/24/26/031", 2024) == "FGP/{yy}/26/{number:3}"
    assert scheme_of("24/25", 2024) == "{yy}/{number}"


def test_a_cover_sheet_starts_at_the_meeting_and_council_over_its_title_but_not_at_a_table_row_above():
    from minutebook.importer.partheads import titled_above

    lines = _lines(
        "HALSEY DISTRICT COUNCIL",
        "",
        "Licensing and Regulatory Committee – 11 November 2025",
        "",
        "Review of premises licence – The Drovers Arms",
        "",
        "Report of: Head of Regulatory Services",
    )
    assert titled_above(lines, 4) == 0
    row = _lines(
        "Mr Norman Petrie\tFlat 1, 4 Shore Road\t28 January 2025",
        "",
        "LOCHARDIE LICENSING BOARD",
        "",
        "Report to: Board",
    )
    assert titled_above(row, 2) is None


def test_a_sub_item_saying_what_the_meeting_does_describes_its_item_but_a_titled_sub_item_is_an_item():
    pack = "\n".join(SUMMONS_THEN_AGENDA).replace("{when}", "Thursday 11 December 2025 at 10.00 am")
    sub_items = "\n\n4.   Annual Return 2024/25\n\n     4.1  To receive the internal auditor's report for 2024/25.\n\n     4.2  To consider Section 2 (Annual Governance Statement) of the Annual Return."
    agenda = _front(pack + sub_items)
    assert [i.number for i in agenda.items] == ["1", "2", "3", "4"]
    assert "internal auditor's report" in agenda.items[-1].description
    titled = _front(pack + "\n\n4.   Planning\n\n     4.1  Land at Mill Lane\n\n     4.2  Former Depot, Station Road")
    assert [i.number for i in titled.items] == ["1", "2", "3", "4.1", "4.2"]


def test_in_a_pdf_a_minute_s_heading_is_not_run_on_into_its_prose_but_a_wrapped_title_is():
    from minutebook.importer.pdf import _heading_over_prose

    prose = {"text": "The Clerk presented the bank reconciliation as at 31st March", "x1": 400.0}
    assert _heading_over_prose("FGP/24/25/038 Bank reconciliation and year-end budget monitoring 2024/25", prose, 500.0)
    wrapped = {"text": "Progress and Proposed Reallocation", "x1": 250.0}
    assert not _heading_over_prose("7. Roads, Footways and Structures Capital Programme – Mid-Year", wrapped, 500.0)
    sentence = {"text": "be excluded from the meeting for the following item of business", "x1": 480.0}
    assert not _heading_over_prose(
        "10. To resolve, in view of the confidential nature of the business, that the press and public", sentence, 500.0
    )


def test_the_date_under_a_signature_in_any_of_its_printed_forms():
    from minutebook.importer.agenda import _dated

    assert _dated("Date: 3rd June 2025") and _dated("2 December 2025") and _dated("Date of publication: 6 March 2024")
    assert not _dated("Date: to be confirmed") and not _dated("Chief Executive")
