"""Where a page begins, and pages that open a paper of their own: a part of a pack that :mod:`.split`
finds by the page it starts on rather than by a heading."""

from __future__ import annotations

import re

from minutebook.importer.source import Source
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
