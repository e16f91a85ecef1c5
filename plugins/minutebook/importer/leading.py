"""The lines before a pack's first recognised part: a letter's head above its notice of meeting, or a first
page in no known layout that is the front sheet of the parts after it."""

from __future__ import annotations

import re

from minutebook.importer.source import Line
from minutebook.importer.textutil import plain


def _text(line: Line) -> str:
    return plain(line.text).strip()


LETTER_FIELD = re.compile(
    r"(?:^|\t)\s*(?:our ref|your ref|ref(?:erence)?|please ask for|contact|direct (?:line|dial)|tel(?:ephone)?|"
    r"e-?mail|date|(?:agenda )?published|issued|despatched)\s*[.:]",
    re.I,
)


def letterhead(leading: list[Line]) -> bool:
    """A letter's head: short lines, none a sentence of a paragraph, with its fields ("Our ref:", "Please ask
    for:", "Agenda published:", often in a column beside "To: …")."""
    return any(LETTER_FIELD.search(line.text) for line in leading) and all(
        len(_text(line)) <= 200 and not (len(_text(line)) > 60 and _text(line).endswith(".")) for line in leading
    )


def unlabelled_front(leading: list[Line]) -> bool:
    """Text before the first part that prints a date in its first lines and then two or more numbered items."""
    from minutebook.importer.fallbacks import dated_line, numbered_run

    dated = dated_line(leading, 15)
    run = numbered_run(leading, dated[0] + 1) if dated is not None else []
    between = " ".join(_text(line) for line in leading[run[0][0] :]) if run else ""
    # minutes record what was done ("RESOLVED", "were received", "noted"); an agenda lists what is to be done
    return len(run) >= 2 and not re.search(r"\b(?:resolved|were received|was received|noted|agreed)\b", between, re.I)
