"""Lines near the start of a part of a pack that say where it starts, or that it does not start there: a title
under an "Agenda Item" stamp, a cover sheet's title under the meeting's name and the council's, the agenda's page
under the summons of the same meeting, and minutes an agenda names ("… for approval (copy herewith)"). Read for
split.py, whose helpers they use (imported in each function: split imports this module)."""

from __future__ import annotations

import re

from minutebook.importer.dates import find_date
from minutebook.importer.source import Line, Source
from minutebook.importer.titled import report_of_start

# "Minute of Meeting of … of 30 October 2025 for approval (copy herewith)": an agenda naming the minutes
MINUTES_NAMED = re.compile(r"\b(?:for\s+approval|herewith|attached|enclosed|to\s+follow)\b\W*$", re.I)


def titled_above(lines: list[Line], title: int) -> int | None:
    """The top of a cover sheet whose title (line ``title``, over its fields) is printed under the meeting's name and
    date ("Licensing and Regulatory Committee – 11 November 2025") and the council's: that top line, or None."""
    from minutebook.importer.split import ORG_LINE, _previous_filled, _text, _title_like

    def letterhead(j: int | None) -> bool:
        return j is not None and bool(ORG_LINE.search(_text(lines[j]))) and _text(lines[j]).isupper()

    text = _text(lines[title])
    above = _previous_filled(lines, title, 3)
    if not _title_like(text) or ORG_LINE.search(text) or above is None:
        return None
    if letterhead(above):
        return above  # (the meeting's name and date over the title taken off as the pages' running header)
    # the meeting's name and its date at the line's end ("Licensing and Regulatory Committee – 11 November 2025"),
    # not a table's row that holds a date ("Mr N Petrie<TAB>Flat 1 …<TAB>28 January 2025")
    named = _text(lines[above])
    day, match = find_date(named)
    if day is None or "\t" in lines[above].text or len(named) > 90 or named[match.end() :].strip(" .,"):
        return None
    top = _previous_filled(lines, above, 2)
    return top if letterhead(top) else above


def minutes_named(lines: list[Line], i: int) -> bool:
    """The minutes named by an agenda item's text, not their heading: 'for approval', '(copy herewith)'."""
    from minutebook.importer.split import _next_filled, _text

    window = [_text(lines[i]), *(_text(lines[j]) for j in _next_filled(lines, i, 1))]
    return any(MINUTES_NAMED.search(text) for text in window)


def same_meeting(lines: list[Line], front: int, i: int) -> bool:
    """The agenda's own page under the summons of the same meeting (its day printed in both): one front sheet."""
    from minutebook.importer.split import _text

    day = find_date(_text(lines[i]))[0]
    return day is not None and any(find_date(_text(lines[j]))[0] == day for j in range(front, i))


def stamped_title(source: Source, lines: list[Line], i: int) -> bool:
    """'Agenda Item 5' stamped on a page, then the paper's title and no cover sheet: the paper starts at its
    title ("Schedule of Payments – October 2024" over a table; "Christmas Lights" over "Report by the Town
    Clerk" and "1. Purpose"). A stamp over a cover sheet is left to the cover sheet's rules."""
    from minutebook.importer.split import (
        KIND_LINE,
        ORG_LINE,
        PROGRAMME_TITLE,
        SUBJECT_LINE,
        TO_LINE,
        _cover_sheet,
        _next_filled,
        _text,
        _title_like,
    )

    j = i - 1
    while j >= 0 and not lines[j].text.strip():
        marker = source.marker(lines[j])
        if marker and marker[0] == "agenda item":
            break
        j -= 1
    else:
        return False
    text = _text(lines[i])
    if j < 0 or not _title_like(text) or ORG_LINE.search(text) or PROGRAMME_TITLE.search(text):
        return False
    for k in _next_filled(lines, i, 8):
        text = _text(lines[k])
        if (
            _cover_sheet(lines, k)
            or TO_LINE.match(text)
            or SUBJECT_LINE.match(text)
            or KIND_LINE.match(text)
            or ((report := report_of_start(source, lines, k)) is not None and report <= i)
        ):
            return False  # (a report whose heading starts under the stamped line is still the stamp's paper)
    return True
