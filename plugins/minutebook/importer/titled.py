"""Where a page begins, and pages that open a paper of their own: a part of a pack that :mod:`.split`
finds by the page it starts on rather than by a heading."""

from __future__ import annotations

import itertools
import re

from minutebook.importer.dates import is_date_line, is_when_line
from minutebook.importer.source import Line, Source
from minutebook.importer.textutil import ends_sentence


def titled_pages(source: Source, starts: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A page that opens with the body's letterhead and a title over a table, and no part starting near it
    ("Wyvern Bay Health and Wellbeing Board" / "Forward plan 2024/25" / "Meeting | Item | Lead"): a paper of
    its own (a plan or schedule with no cover sheet). The letterhead names a council or is printed on the
    pack's other parts too; the paper's title is the line under it (``Part.extra["title_at"]``, set by
    :func:`split_pack` for a start of the kind "titled")."""
    from minutebook.importer.papers import APPENDIX_HEAD  # papers reads split's parts: imported here, not above
    from minutebook.importer.split import (
        COVER_FIELD,
        COVER_OTHER,
        ORG_LINE,
        PROGRAMME_TITLE,
        _next_filled,
        _text,
        _title_like,
    )

    lines = source.lines
    counts: dict[str, int] = {}
    for line in lines:
        if line.text.strip() and "\t" not in line.text:
            counts[_text(line)] = counts.get(_text(line), 0) + 1
    found = list(starts)
    for i, line in enumerate(lines):
        text = _text(line)
        if not text or "\t" in line.text or len(text) > 80 or ends_sentence(text) or not page_top(source, i):
            continue
        if re.match(r"^[\d(]", text):  # "4.0   Consultations", printed in each of a report's sheets: no letterhead
            continue
        if not (ORG_LINE.search(text) or counts.get(text, 0) >= 3) or not (after := _next_filled(lines, i, 2)):
            continue
        title = _text(lines[after[0]])
        # or over its first numbered paragraph, the title printed once before (the agenda's entry): a procedure
        # or a note with no cover sheet ("Procedure for hearings under the Licensing Act 2003" / "1.   The Chair …")
        numbered = len(after) > 1 and re.match(r"^1\.?\s+[A-Z]", _text(lines[after[1]])) is not None
        if (
            len(after) < 2
            or "\t" in lines[after[0]].text  # the title is a line of its own, not the table's heading row
            or ("\t" not in lines[after[1]].text and not numbered)
            or not _title_like(title)
            or ORG_LINE.search(title)
            or COVER_FIELD.match(title)
            or COVER_OTHER.match(title)
            or PROGRAMME_TITLE.search(title)
            or APPENDIX_HEAD.match(title)  # the paper's appendix, printed on a page of its own
            or counts.get(title, 0) > 1 + numbered  # a title printed again on each page of its table: a page further on
            or any(i - 3 <= at <= after[1] + 6 for at, _ in starts)
        ):
            continue
        found.append((i, "titled"))
    return sorted(set(found))


def page_top(source: Source, i: int) -> bool:
    """Whether line i is the first text of a page: a page's marker above it, or the blank lines the page's
    furniture left (a PDF's header and footer are taken out before the text is cleaned)."""
    j, blank = i - 1, 0
    while j >= 0 and not source.lines[j].text.strip():
        if source.marker(source.lines[j]):
            return True
        j, blank = j - 1, blank + 1
    return j < 0 or blank >= 2


KINDS = "committee|sub-committee|board|panel|cabinet|council|forum|authority|partnership|commission"
BODY_WORDS = re.compile(rf"\b(?:{KINDS}|executive)\b", re.I)
# a body's name ends with its kind ("… Climate Committee", "Cabinet", "The Executive"); "Chief Executive" is a post
BODY_NAME = re.compile(rf"(?:\b(?:{KINDS})|^(?:the\s+)?executive)$", re.I)
MONTH_YEAR = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}$", re.I
)
BARE_PROGRAMME = re.compile(r"^(?:(?:committee|scrutiny|annual)\s+)?(?:work\s*programme|forward\s+plan)\b", re.I)


def _titled_heading(texts: list[str], raw: str) -> bool:
    """A paper's title over the committee's name and the meeting's date, each a line of its own, wherever the
    page breaks ("Business Bulletin" / "Transport, Environment and Climate Committee" / "10.00 am, Thursday, …")."""
    return (
        len(texts) >= 3
        and "\t" not in raw
        and len(texts[0]) <= 80
        and not ends_sentence(texts[0])
        and texts[0][:1].isupper()
        and not BODY_WORDS.search(texts[0])
        and bool(BODY_NAME.search(texts[1]))
        and len(texts[1]) <= 90
        and (is_date_line(texts[2]) or is_when_line(texts[2]))
    )


def meeting_heading(source: Source, i: int) -> str | None:
    """A page further into a pack that opens with the meeting's heading — the committee's name over the
    meeting's date or time, with the paper's title above or under them ("Transport, Environment and Climate
    Committee" / "10.00 am, Thursday, 20 November 2025" / "Low Emission Zone – Annual Report 2024/25"): a paper
    starts at the page's top, or a work programme ("programme"). None for any other line, and for the
    heading of minutes (their own rules read those) or of an appendix."""
    from minutebook.importer.papers import APPENDIX_HEAD
    from minutebook.importer.split import BARE_MINUTES, COVER_FIELD, MINUTES_HEAD, _next_filled, _text, _with_tabs

    lines = source.lines
    block = [i, *_next_filled(lines, i, 3)]
    texts = [_text(lines[j]) for j in block]
    if not page_top(source, i) and not _titled_heading(texts, lines[i].text):
        return None
    if any(BARE_MINUTES.match(t) or MINUTES_HEAD.match(t) or APPENDIX_HEAD.match(t) for t in texts):
        return None
    if any(re.match(r"^agenda$", _text(lines[j]), re.I) for j in _next_filled(lines, i, 5)):
        return None  # the meeting's heading over "AGENDA": the agenda's own page, the front sheet's
    if any(COVER_FIELD.match(_with_tabs(lines[j])) for j in [*block, *_next_filled(lines, block[-1], 3)]):
        return None  # a cover sheet's fields under the heading: the cover sheet's own rule starts the paper
    for name, below in itertools.pairwise(texts):
        if (
            BODY_NAME.search(name)
            and len(name) <= 90
            and not ends_sentence(name)
            and (is_date_line(below) or is_when_line(below) or MONTH_YEAR.match(below))
        ):
            return "programme" if any(BARE_PROGRAMME.match(t) for t in texts) else "paper"
    # the committee's name taken off as the pages' running header: the meeting's date and time open the page,
    # over the paper's title
    if len(texts) > 1 and is_when_line(texts[0]) and "\t" not in lines[i].text and not ends_sentence(texts[1]):
        return "programme" if BARE_PROGRAMME.match(texts[1]) else "paper"
    return None


def report_of_start(source: Source, lines: list[Line], i: int) -> int | None:
    """'REPORT OF THE TREASURER' / 'CAPITAL PROGRAMME MONITORING 2024/25': where the report starts — the
    body's name, the committee and the date printed just above on the same page belong to it. None when the
    line is not of that shape (an agenda's 'Report of …' line is followed by the next item's number)."""
    from minutebook.importer.split import (
        ORG_LINE,
        REPORT_NUMBER,
        REPORT_OF,
        SECTION_START,
        _next_filled,
        _previous_filled,
        _text,
        _title_like,
    )

    text = _text(lines[i])
    if not REPORT_OF.match(text) or text.endswith((".", ",", ";")) or "\t" in lines[i].text:
        return None
    following = _next_filled(lines, i, 1)
    if not following:
        return None
    start, j, seen = i, i - 1, 0
    if not _title_like(_text(lines[following[0]])):
        # the title above 'Report by the Director of Environment' and the report's first numbered section
        # ("1. PURPOSE OF REPORT") under it
        title_at = _previous_filled(lines, i, 2)
        if (
            title_at is None
            or not SECTION_START.match(_text(lines[following[0]]))
            or not _title_like(_text(lines[title_at]))
            or ORG_LINE.search(_text(lines[title_at]))
            or is_date_line(_text(lines[title_at]))
        ):
            return None
        start, j, seen = title_at, title_at - 1, 1
    while j >= 0 and seen < 4:
        if not lines[j].text.strip():
            marker = source.marker(lines[j])
            if marker and marker[0] in ("page", "blank page"):
                break  # the page before is another part's
            j -= 1
            continue
        above = _text(lines[j])
        heading = _title_like(above) and bool(
            ORG_LINE.search(above)
            or re.search(
                r"\b(?:committee|board|panel|cabinet|executive|forum|council|authority|meeting)\b", above, re.I
            )
        )
        if not (heading or is_date_line(above) or REPORT_NUMBER.match(above)) or len(above) > 90:
            break  # the report's heading is the body's name, the meeting's and the date; not "Chair" above them
        start, seen = j, seen + 1
        j -= 1
    return start if seen else None
