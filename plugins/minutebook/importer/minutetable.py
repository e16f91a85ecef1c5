"""Minutes printed as a table: one row a minute ("No. | Subject | Discussion | Decision / Action"), as
partnership boards, town councils and working groups often print them. The rows are read as the minutes
they print — a numbered heading, the discussion, then the decision and the actions as paragraphs of their
own — so the minutes reader reads them as it reads minutes set as text. A row with no number (a row the
page broke) joins the row above; the header printed again on a new page is dropped.
"""

from __future__ import annotations

import re

from minutebook.importer.source import Line
from minutebook.importer.textutil import plain

NUMBER = re.compile(r"^(?:no\.?|number|item(?:\s+no\.?)?|minute(?:\s+no\.?)?|ref\.?|#)$", re.I)
SUBJECT = re.compile(r"^(?:subject|title|item|topic|agenda\s+item|matter|heading)$", re.I)
TEXT = re.compile(r"^(?:discussion|notes?|minutes?|summary|details?|record|points?\s+raised|comments?)\b", re.I)
OUTCOME = re.compile(r"\b(?:decisions?|actions?|outcomes?|agreed|resolutions?|resolved)\b", re.I)
ROW_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,2})?[a-z]?\.?$")
# "… be approved. ACTION: PA to report …": an action after the decision is a paragraph of its own
ACTION = re.compile(r"(?<=[.;])\s+(?=(?:ACTIONS?|Actions?)\s*:)")


def _cells(line: Line) -> list[str]:
    return [plain(c).strip() for c in line.text.split("\t")]


def _columns(cells: list[str]) -> tuple[int, int, list[int], list[int]] | None:
    """(number, subject, text columns, outcome columns) of a minutes table's header row, or None."""
    if len(cells) < 3 or not NUMBER.match(cells[0]):
        return None
    subject = next((i for i, c in enumerate(cells) if i > 0 and SUBJECT.match(c)), None)
    texts = [i for i, c in enumerate(cells) if i > 0 and i != subject and TEXT.match(c)]
    outcomes = [i for i, c in enumerate(cells) if i > 0 and i not in texts and i != subject and OUTCOME.search(c)]
    if subject is None or not (texts or outcomes):
        return None
    return 0, subject, texts, outcomes


def minute_tables(lines: list[Line]) -> list[Line]:
    """``lines`` with each minutes table written out as the minutes it prints (other lines unchanged)."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        columns = _columns(_cells(line)) if "\t" in line.text else None
        if columns is None:
            out.append(line)
            i += 1
            continue
        header = _cells(line)
        rows: list[tuple[int, list[str]]] = []
        i += 1
        while i < len(lines) and ("\t" in lines[i].text or (not lines[i].text.strip() and _more(lines, i))):
            cells = _cells(lines[i])
            if not lines[i].text.strip() or cells == header:
                i += 1
                continue
            cells += [""] * (len(header) - len(cells))
            if ROW_NUMBER.match(cells[0]) or not rows:
                rows.append((lines[i].no, cells))
            else:  # the page broke the row: its cells continue the row above
                no, above = rows[-1]
                rows[-1] = (no, [f"{a} {c}".strip() if c else a for a, c in zip(above, cells, strict=False)])
            i += 1
        for no, cells in rows:
            out.extend(_minute(no, cells, columns))
    return out


def _more(lines: list[Line], i: int) -> bool:
    """A blank line inside the table: the next filled line is another of its rows."""
    j = i
    while j < len(lines) and not lines[j].text.strip():
        j += 1
    return j < len(lines) and "\t" in lines[j].text and bool(ROW_NUMBER.match(_cells(lines[j])[0]))


def _minute(no: int, cells: list[str], columns: tuple[int, int, list[int], list[int]]) -> list[Line]:
    number, subject, texts, outcomes = columns
    title = cells[subject] if subject < len(cells) else ""
    out = [Line(no, f"{cells[number].rstrip('.')}. {title}".rstrip()), Line(no, "")]
    for at in texts + outcomes:
        text = cells[at] if at < len(cells) else ""
        for paragraph in ACTION.split(text) if at in outcomes else [text]:
            if paragraph.strip():
                out.extend([Line(no, paragraph.strip()), Line(no, "")])
    return out
