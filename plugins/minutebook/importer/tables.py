"""Tab-separated table rows → tables: Markdown for papers, plain cells for programmes and trackers.

PDF extraction prints one table row per line, cells separated by tabs. A table broken across pages
comes back with its header repeated on each page (and sometimes the page's title above it); a row
broken by the page comes back as two rows. Here:

* a row equal to the table's header is page furniture, and so is a short title line that is
  printed again right above a repeated header;
* the first row after a page break is joined to the row before when it cannot stand alone: its key
  cell (the column that is filled in nearly every row) is empty, a cell of the row before ends in
  the middle of a sentence ("Teen pregnancy and"), a cell starts in lower case, or every cell is a
  fragment of a few words where the row before had more. Every join is reported, with both lines;
* rows of dashes are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from minutebook.importer.report import Report
from minutebook.importer.source import Line, Source
from minutebook.importer.textutil import CONNECTIVES, last_word, plain

PARAGRAPH = re.compile(r"</p>\s*<p(?:\s[^>]*)?>", re.I)
TAG = re.compile(r"<[^>]+>")
BOLD_TAG = re.compile(r"</?(?:b|strong)>", re.I)
ITALIC_TAG = re.compile(r"</?(?:i|em)>", re.I)


@dataclass
class Row:
    cells: list[str]
    line: int
    after_break: bool = False
    lines: list[int] = field(default_factory=list)


@dataclass
class Table:
    header: list[str]
    rows: list[Row]
    line: int
    context: str = ""  # the heading or line printed just above the table
    caption: str = ""  # a title printed as the table's first row

    def headers_plain(self) -> list[str]:
        return [cell_plain(h).lower() for h in self.header]


def is_table_line(line: Line) -> bool:
    return "\t" in line.text


def _cells(text: str) -> list[str]:
    return [c.strip() for c in text.split("\t")]


def _norm(cells: list[str]) -> list[str]:
    out = [cell_plain(c).lower() for c in cells]
    while out and not out[-1]:
        out.pop()
    return out


def cell_plain(text: str) -> str:
    """A cell as plain text; paragraphs and list entries on lines of their own."""
    text = PARAGRAPH.sub("\n", text)
    text = re.sub(r"<br\s*/?>|</?(?:ul|ol|li)(?:\s[^>]*)?>", "\n", text, flags=re.I)
    text = TAG.sub("", text)
    text = re.sub(r"\s*•\s*", "\n", text)
    lines = [plain(part) for part in text.split("\n")]
    return "\n".join(line for line in lines if line)


def cell_markdown(text: str) -> str:
    """A cell for a Markdown table: one line, paragraphs joined with <br>."""
    text = BOLD_TAG.sub("**", text)
    text = ITALIC_TAG.sub("*", text)
    text = PARAGRAPH.sub("<br>", text)
    text = re.sub(r"</?(?:ul|ol)(?:\s[^>]*)?>|</?li>", " ", text, flags=re.I)
    text = re.sub(r"</?(?!br\b)[a-z][^>]*>", "", text, flags=re.I)
    text = re.sub(r"\s*•\s*", "<br>• ", text)
    text = re.sub(r"^(?:<br>\s*)+|(?:\s*<br>)+$", "", text.strip())
    text = re.sub(r"\*\*\s*\*\*", " ", text)
    text = " ".join(text.split()).replace("|", "\\|")
    return text.replace("** ", "**", 1) if text.startswith("** ") else text


def _is_dashes(cells: list[str]) -> bool:
    filled = [c for c in cells if c]
    return bool(filled) and all(re.fullmatch(r"[-=_]{2,}(?:\s+[-=_]{2,})*", c) for c in filled)  # a rule's runs


def _key_column(rows: list[Row], width: int) -> int:
    best, best_fill = 0, -1.0
    for col in range(min(width, 3)):
        fill = sum(1 for r in rows if col < len(r.cells) and r.cells[col]) / max(len(rows), 1)
        if fill > best_fill + 0.05:
            best, best_fill = col, fill
    return best


def _fragment(cells: list[str]) -> bool:
    filled = [cell_plain(c) for c in cells if c]
    return bool(filled) and all(len(c.split()) <= 3 for c in filled)


def _joins(previous: Row, row: Row, key: int) -> str | None:
    """Why ``row`` continues ``previous`` (a reason for the report), or None."""
    filled = [i for i, c in enumerate(row.cells) if c]
    section_row = filled == [0] and key != 0  # a heading row: "Items for 2021-22", "Progress Reports"
    key_empty = key >= len(row.cells) or not row.cells[key]
    if key_empty and filled and not section_row:
        return "its key column is empty"
    prev_cells = [cell_plain(c) for c in previous.cells]
    if any(
        c and c != "-" and (last_word(c) in CONNECTIVES or c.endswith((",", "-", "–", "/", "&"))) for c in prev_cells
    ):
        return "the row before ends in mid-sentence"
    if any(cell_plain(c)[:1].islower() for c in row.cells if cell_plain(c)):
        return "it starts in lower case"
    prev_key = key < len(previous.cells) and previous.cells[key]
    if not key_empty and prev_key and _fragment(row.cells) and len(filled) < sum(1 for c in previous.cells if c):
        return "it holds only fragments of a few words"
    return None


def _wrapped_key(previous: Row, row: Row, key: int) -> bool:
    """A row that holds only the rest of the row above's first cell, wrapped onto the next line: the row above
    leaves a bracket open ("Children in need (rate per" / "10,000 children)"), or the line goes on in lower
    case ("within 15 working days (%)") or is an aside in brackets ("(individual children)")."""
    filled = [i for i, c in enumerate(row.cells) if c]
    if filled != [key] or key >= len(previous.cells) or not previous.cells[key]:
        return False
    text, above = cell_plain(row.cells[key]), cell_plain(previous.cells[key])
    return (
        above.count("(") > above.count(")")
        or text[:1].islower()
        or (text.startswith("(") and text.endswith(")") and not re.match(r"^\([a-z0-9]{1,4}\)\s", text))
    )


def _join(previous: Row, row: Row) -> None:
    width = max(len(previous.cells), len(row.cells))
    cells = previous.cells + [""] * (width - len(previous.cells))
    for i, cell in enumerate(row.cells):
        if cell:
            cells[i] = f"{cells[i]} {cell}".strip() if cells[i] else cell
    previous.cells = cells
    previous.lines.extend(row.lines)


def table_region_end(lines: list[Line], start: int) -> int:
    """The index after the last line of the table region starting at ``start`` (a tab line)."""
    header = _norm(_cells(lines[start].text))
    i, end = start, start + 1
    while i < len(lines):
        line = lines[i]
        if is_table_line(line):
            end = i + 1
            i += 1
            continue
        if not line.text.strip():
            i += 1
            continue
        # a short title line above a repeated header is page furniture
        j = i
        while (
            j < len(lines)
            and j - i < 4
            and lines[j].text.strip()
            and not is_table_line(lines[j])
            and len(lines[j].text) <= 160
        ):
            j += 1
        while j < len(lines) and not lines[j].text.strip():
            j += 1
        if j < len(lines) and is_table_line(lines[j]) and _norm(_cells(lines[j].text)) == header and j > i:
            i = j
            continue
        break
    return end


def read_tables(lines: list[Line], source: Source, report: Report, context: str = "") -> list[Table]:
    """The tables of a region (as found by :func:`table_region_end`)."""
    tables: list[Table] = []
    current: Table | None = None
    pending_break = False
    for line in lines:
        if not is_table_line(line):
            pending_break = True
            continue
        cells = _cells(line.text)
        if _is_dashes(cells):
            continue
        if current is not None and _norm(cells) == _norm(current.header):
            pending_break = True
            continue
        if current is None or (
            pending_break and len(cells) != len(current.header) and len(_norm(cells)) > len(_norm(current.header))
        ):
            current = Table(header=cells, rows=[], line=line.no, context=context if not tables else "")
            tables.append(current)
            pending_break = False
            continue
        current.rows.append(Row(cells, line.no, pending_break, [line.no]))
        pending_break = False
    for table in tables:
        _title_row(table)
        _join_broken_rows(table, source, report)
    return tables


def _title_row(table: Table) -> None:
    """A first row with one filled cell above a full row is the table's title, not its header."""
    if (
        sum(1 for c in table.header if c) == 1
        and table.header[0]
        and table.rows
        and not table.rows[0].after_break
        and sum(1 for c in table.rows[0].cells if c) >= 2
    ):
        table.caption = cell_plain(table.header[0])
        table.header = table.rows[0].cells
        table.rows = table.rows[1:]


def _join_broken_rows(table: Table, source: Source, report: Report) -> None:
    if not table.rows:
        return
    key = _key_column(table.rows, len(table.header))
    kept: list[Row] = []
    for row in table.rows:
        reason = _joins(kept[-1], row, key) if kept and row.after_break else None
        if kept and not row.after_break and _wrapped_key(kept[-1], row, key):
            _join(kept[-1], row)  # its first cell wrapped onto the line under it
            continue
        if reason:
            report.warn(
                source.name,
                row.line,
                f"joined this table row to the row on line {kept[-1].line}: a row broken across a page ({reason})",
                "check the joined row",
            )
            _join(kept[-1], row)
        else:
            kept.append(row)
    table.rows = kept


def _filled(cells: list[str], index: int) -> bool:
    return index < len(cells) and bool(cells[index].strip())


def to_markdown(table: Table) -> str:
    width = max([len(table.header)] + [len(r.cells) for r in table.rows])
    while (
        width > 1 and not _filled(table.header, width - 1) and not any(_filled(r.cells, width - 1) for r in table.rows)
    ):
        width -= 1
    header = [cell_markdown(c) for c in table.header] + [""] * (width - len(table.header))
    lines = ["| " + " | ".join(h or " " for h in header) + " |", "|" + "---|" * width]
    for row in table.rows:
        cells = [cell_markdown(c) for c in row.cells] + [""] * (width - len(row.cells))
        lines.append("| " + " | ".join(cells[:width]) + " |")
    return "\n".join(lines)


def column(table: Table, *keywords: str, exclude: tuple[str, ...] = ()) -> int | None:
    """The index of the first header containing all keywords (lower case), or None."""
    for i, header in enumerate(table.headers_plain()):
        if all(k in header for k in keywords) and not any(x in header for x in exclude):
            return i
    return None


def cell(row: Row, index: int | None) -> str:
    if index is None or index >= len(row.cells):
        return ""
    return row.cells[index]
