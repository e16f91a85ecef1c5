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
