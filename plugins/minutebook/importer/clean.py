"""Cleaning the text extracted from a PDF, line by line, keeping each line's number.

What PDF-to-text tools leave behind and what is done with it:

* page furniture — "This page is intentionally left blank", "Agenda Item 5", "Page 3" — is removed,
  but remembered as a marker (a blank page ends a document; "Agenda Item 5" says which item the
  next document belongs to);
* Markdown headings (``## …``) lose their hashes but keep a flag, horizontal rules are dropped;
* ``<sup>th</sup>`` and "21 st" become "21st"; inline ``<b> <i> <br> <p>`` tags are removed outside
  tables (tables keep them until :mod:`.tables` reads the cells);
* Markdown links to e-mail addresses and empty anchors become their text;
* agenda lines glued together by the extraction ("Public Business**1. Apologies****2. …") are
  split again;
* trailing spaces (Markdown hard breaks) and non-breaking spaces are removed.

Bold markers stay in the text: the readers decide (minutes lose them, papers keep inline bold).
"""

from __future__ import annotations

import re

from minutebook.importer.source import Line, Source

BLANK_PAGE = re.compile(r"^\W*this page is intentionally (?:left )?blank\W*$", re.I)
AGENDA_ITEM = re.compile(r"^\W*Agenda Item\s+(\d{1,3}[a-z]?)\W*$", re.I)
PAGE_NUMBER = re.compile(r"^\W*Page\s+\d{1,4}(?:\s+of\s+\d{1,4})?\W*$", re.I)
RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|(?:\* ){2,}\*)\s*$")
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
SUP = re.compile(r"\s?<sup>\s*(st|nd|rd|th)\s*</sup>", re.I)
SUP_OTHER = re.compile(r"</?sup>", re.I)
SPACED_ORDINAL = re.compile(r"\b(\d{1,2}) (st|nd|rd|th)\b")
INLINE_TAGS = re.compile(r"</?(?:b|i|u|em|strong|small|span|font)(?:\s[^>]*)?>", re.I)
BREAK_TAGS = re.compile(r"<br\s*/?>|</?p(?:\s[^>]*)?>", re.I)
MAILTO = re.compile(r"\[([^\]]+)\]\(mailto:[^)]*\)")
EMPTY_LINK = re.compile(r"\[([^\]]+)\]\(#?\)")
GLUED_ITEM = re.compile(r"\*\*(?=\d{1,2}\.\s)")
GLUED_HEADING = re.compile(r"^(\W*(?:Public|Private) Business)\*\*(?=\S)", re.I)


def clean_text(text: str) -> str:
    """Inline cleanup of one line's text (also used for table cells)."""
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    text = SUP.sub(r"\1", text)
    text = SUP_OTHER.sub("", text)
    text = SPACED_ORDINAL.sub(r"\1\2", text)
    text = MAILTO.sub(r"\1", text)
    text = EMPTY_LINK.sub(r"\1", text)
    return text


def _unglue(text: str) -> list[str]:
    """Split 'Apologies****2. Declarations' where a new numbered agenda line was glued on."""
    pieces, start = [], 0
    for match in GLUED_ITEM.finditer(text):
        if re.search(r"[A-Za-z0-9)]", text[start:match.start()]):
            pieces.append(text[start:match.start()])
            start = match.start() + 2
    pieces.append(text[start:])
    return pieces


def clean(name: str, text: str) -> Source:
    source = Source(name=name, lines=[])
    for number, raw in enumerate(text.split("\n"), start=1):
        raw = raw.rstrip(" ")
        heading = False
        match = HEADING.match(raw)
        if match and "\t" not in raw:
            raw = raw[match.end():]
            heading = True
        raw = clean_text(raw)
        if "\t" not in raw:
            raw = INLINE_TAGS.sub("", raw)
            raw = BREAK_TAGS.sub(" ", raw)
            raw = raw.rstrip(" ")
        stripped = raw.strip()
        if not stripped or RULE.match(raw):
            source.lines.append(Line(number, ""))
            continue
        if BLANK_PAGE.match(stripped):
            source.markers[number] = ("blank page", "")
            source.lines.append(Line(number, ""))
            continue
        found = AGENDA_ITEM.match(stripped)
        if found:
            source.markers[number] = ("agenda item", found.group(1))
            source.lines.append(Line(number, ""))
            continue
        if PAGE_NUMBER.match(stripped):
            source.markers[number] = ("page", "")
            source.lines.append(Line(number, ""))
            continue
        raw = GLUED_HEADING.sub(r"\1\n", raw)
        for piece in _unglue(raw):
            for part in piece.split("\n"):
                if part.strip():
                    source.lines.append(Line(number, part.rstrip(" "), heading))
    return source
