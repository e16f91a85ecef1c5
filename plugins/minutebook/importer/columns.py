"""Columns printed with spaces in a text copy (a "layout" copy of a PDF) → the tab-separated cells the PDF's
text has.

Two ways a table shows itself in spaces:

* lines one under another (no blank between) with a cell after a gap of three spaces or more starting at the
  same place in two of them, and the lines of a table broken by a heading or a page whose cells start where
  that table's columns do;
* a heading row of short column names ("Item  Subject          Key Decision    Page"; the gap after a short
  name may be two spaces) with a row below it, within a few lines and across blank lines, whose cells all
  start where the names do ("1     Apologies for Absence     No"): the rows that follow, each its own
  paragraph, are that table's, each cell in the column whose name it starts under (give or take three
  places: a page number is often set right). A heading of number, subject and pages alone is left as printed:
  the agenda's reader takes it in its columns.

Each cell goes in the column it starts in, so a row with an empty cell keeps its place ("\\t\\tX"), and a line
that starts under a cell of the line above ("     Paper SF 01/25" under "3.   Minutes …   pp. 3–8") is that
cell's next line. A line on its own ("Item 3    Minutes …    Pages 3 to 8", a blank under it) stays text: a
sentence printed with wide spaces.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable

CELL = re.compile(r"\S+(?: {1,2}\S+)*")
COLUMN_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")
LIST_MARK = re.compile(r"^(?:\(?\d{1,2}(?:\.\d{1,2})*[.)]?|\(?[a-z]{1,3}[.)]|[-•*–])$")
PAGE_RANGE = re.compile(r"^(?:\(?(?:pages?|pp?\.)\s*)?\d{1,3}(?:\s*[-–]\s*\d{1,3})?\)?$", re.I)
TABLE_REACH = 40  # lines after a table within which a row aligned to its columns is still one of its rows
# a column's name in a heading row: one to four short words, the first with a capital ("Key Decision",
# "Report No.", "Ward(s)", "Lead Member"), no figures and no sentence's full stop
HEAD_NAME = re.compile(r"[A-Z][\w()/'’&-]*\.?(?: [\w()/'’&-]+\.?){0,3}")
HEAD_WORDS = re.compile(r"\S+(?: \S+)*")
# a rule under a table's heading, a run of dashes under each column ("-------  --------"): its cells are the runs
RULED = re.compile(r"\s*[-=_]{2,}(?:\s+[-=_]{2,})+\s*")
DASHES = re.compile(r"[-=_]+")
HEAD_REACH = 6  # lines below a heading row within which its first row is printed
SLACK = 3  # a cell under a column's name may start this far to either side of it (a page number set right)
# an agenda's heading of number, subject and pages only, which the agenda's own reader takes in its columns
# (importer.agendalines.SPACED_HEAD): left as it is printed
PLAIN_AGENDA_HEAD = re.compile(
    r"^(?:item|no\.?)\s+(?:(?:report\s+no\.?|ref(?:erence)?\.?|report\s+ref\.?|paper\s+no\.?)\s+)?"
    r"(?:subject|title|business)(?:\s+pages?)?$",
    re.I,
)


def _gap_starts(line: str) -> set[int]:
    return {m.end() for m in COLUMN_GAP.finditer(line)}


def _placed(line: str, column: Callable[[re.Match[str]], int], cell: re.Pattern[str] = CELL) -> str:
    """The line's cells joined by tabs, each in the column ``column`` gives it (a rule's runs for a rule)."""
    cells: list[str] = []
    for match in (DASHES if RULED.fullmatch(line) else cell).finditer(line):
        at = max(column(match), len(cells))  # a wide cell pushes the next one on
        cells += [""] * (at - len(cells)) + [match.group()]
    return "\t".join(cells)


def _ruled_row(line: str, runs: list[tuple[int, int]]) -> str:
    """A row of a table under a rule of dashes: each cell (words one space apart) in the run it is printed under,
    the words under one run one cell, and a cell for every run (a line of the first cell alone is a row too)."""
    if RULED.fullmatch(line):
        return "\t".join(m.group() for m in DASHES.finditer(line))
    cells = [""] * len(runs)
    last = -1
    for match in HEAD_WORDS.finditer(line):
        at = _column_of(match, runs)
        if at <= last and last + 1 < len(runs):
            at = last + 1  # cells two spaces apart are two cells: a cell shifted left under its neighbour's run
        cells[at] = f"{cells[at]} {match.group()}".strip()
        last = at
    return "\t".join(cells)


def _in_runs(block: list[str], runs: list[tuple[int, int]]) -> bool:
    """Every cell of the block stays in the run it starts under (prose under a table runs across them), and
    the block fills two runs or more: a row of the ruled table above."""
    if any("\f" in row for row in block):
        return False  # a page's end and the next page's head: furniture, not a row
    used: set[int] = set()
    for row in block:
        for match in HEAD_WORDS.finditer(row):
            at = _column_of(match, runs)
            if at + 1 < len(runs) and match.end() > runs[at + 1][0]:
                return False
            used.add(at)
    return len(used) >= 2 and not _hanging(block)


def _merged(rows: list[str], runs: list[tuple[int, int]]) -> str:
    """Lines of one row of a ruled table (a heading over two lines, a cell wrapped) as one row: each run's
    words joined in order ("multi-" over "agency" as "multi-agency")."""
    cells = [""] * len(runs)
    for row in rows:
        for i, cell in enumerate(_ruled_row(row, runs).split("\t")):
            if cell:
                joiner = "" if re.search(r"[a-z]-$", cells[i]) and cell[:1].islower() else " "
                cells[i] = f"{cells[i]}{joiner}{cell}".strip()
    return "\t".join(cells)


def _as_cells(line: str, columns: list[int]) -> str:
    return _placed(line, lambda match: max(bisect_right(columns, match.start()) - 1, 0))


def _column_of(match: re.Match[str], spans: list[tuple[int, int]]) -> int:
    """The column whose name a cell is printed under: the name it starts under (give or take SLACK, or within
    the name: a page number set right under "Page"), else the name it overlaps most, else the last name
    starting before it."""
    starts = [i for i, (start, end) in enumerate(spans) if start - SLACK <= match.start() < max(end, start + SLACK)]
    if starts:
        return starts[0]
    overlaps = [min(end, match.end()) - max(start, match.start()) for start, end in spans]
    best = max(range(len(spans)), key=lambda i: overlaps[i])
    if overlaps[best] > 0:
        return best
    return max(bisect_right([start for start, _ in spans], match.start() + SLACK) - 1, 0)


def _named_cells(line: str, spans: list[tuple[int, int]], cell: re.Pattern[str] = CELL) -> str:
    return _placed(line, lambda match: _column_of(match, spans), cell)


def _under(match: re.Match[str], spans: list[tuple[int, int]]) -> bool:
    return any(
        min(end, match.end()) > max(start, match.start()) or abs(match.start() - start) <= SLACK for start, end in spans
    )


def _fits(block: list[str], spans: list[tuple[int, int]]) -> bool:
    """Every cell of the block is printed under a column's name, one is not under the first, and the block
    starts where the table does (a table indented further is another)."""
    cells = [m for row in block for m in CELL.finditer(row)]
    if not cells or not spans or abs(min(m.start() for m in cells) - spans[0][0]) > SLACK:
        return False
    return all(_under(m, spans) for m in cells) and any(_column_of(m, spans) > 0 for m in cells)


def _gutters(block: list[str]) -> list[tuple[int, int]]:
    """The columns of a block of rows as the spans of print between gutters: three places or more blank in
    every row. A column of figures set right ("742.6" over "9.5") is one span, wherever each figure starts."""
    width = max(len(row) for row in block)
    printed = [False] * width
    for row in block:
        for match in CELL.finditer(row):
            printed[match.start() : match.end()] = [True] * (match.end() - match.start())
    runs: list[tuple[int, int]] = []
    for at, filled in enumerate(printed):
        if not filled:
            continue
        if runs and at - runs[-1][1] < 3:
            runs[-1] = (runs[-1][0], at + 1)
        else:
            runs.append((at, at + 1))
    return runs


def _ruled(block: list[str]) -> bool:
    """Rows set in columns by gutters, two rows or more with a cell in two of them ("Council tax   431.2" over
    "Social Care Grant    96.3"), though no cell starts where another does."""
    runs = _gutters(block) if len(block) >= 2 else []
    filled = sum(1 for row in block if len({_column_of(m, runs) for m in CELL.finditer(row)}) >= 2) if runs else 0
    return len(runs) >= 2 and filled >= 2


def _hanging(block: list[str]) -> bool:
    """Numbered paragraphs, each line after the number under the text of the first ("1.   The second year …"
    over "     bus station …"): text, not a table of numbers."""
    # an agenda's pages set right on a line of the entry ("… Director of Place      23 - 28") are not a column
    rows = [
        cells[:-1] if len(cells) > 1 and PAGE_RANGE.match(cells[-1]) else cells for cells in map(CELL.findall, block)
    ]
    wrapped = any(len(cells) == 1 and row.startswith(" ") for cells, row in zip(rows, block, strict=True))
    return wrapped and all(len(cells) == 1 or (len(cells) == 2 and LIST_MARK.match(cells[0])) for cells in rows)


def _head_spans(line: str) -> list[tuple[int, int]] | None:
    """Where the names of a heading row are printed, or None when the line is not one (three names or more,
    each after a gap of two spaces or more)."""
    if "\t" in line or len(line) > 160 or PLAIN_AGENDA_HEAD.match(" ".join(line.split())):
        return None
    names = list(HEAD_WORDS.finditer(line))
    if len(names) < 3 or not all(len(m.group()) <= 24 and HEAD_NAME.fullmatch(m.group()) for m in names):
        return None
    return [(m.start(), m.end()) for m in names]


def _headings(lines: list[str]) -> dict[int, list[tuple[int, int]]]:
    """The heading rows (by index) whose columns a row below them follows: two cells or more after a gap of
    three spaces, the first under the first name and each of the others under a name."""
    found: dict[int, list[tuple[int, int]]] = {}
    for i, line in enumerate(lines):
        spans = _head_spans(line)
        if spans is None:
            continue
        for row in lines[i + 1 : i + 1 + HEAD_REACH]:
            cells = list(CELL.finditer(row))
            if (
                len(cells) >= 2
                and _gap_starts(row)
                and _column_of(cells[0], spans) == 0
                and all(_under(m, spans) for m in cells)
            ):
                found[i] = spans
                break
    return found


def space_columns(lines: list[str]) -> list[str]:
    headings = _headings(lines)
    out: list[str] = []
    block: list[str] = []
    table: tuple[int, set[int]] = (-TABLE_REACH, set())  # the last table's last line and its columns
    named: tuple[int, list[tuple[int, int]]] = (-TABLE_REACH, [])  # the same for a table under a heading row
    ruled: tuple[int, list[tuple[int, int]]] = (-TABLE_REACH, [])  # the same for a table under a rule of dashes
    first_row: tuple[int, list[str]] = (0, [])  # the lines under the last rule: their index in out, as printed
    for number, line in enumerate([*lines, ""]):
        if line.strip() and "\t" not in line:
            block.append(line)
            continue
        if ruled[1] and any("\f" in row for row in [*block, line]) and not any(RULED.fullmatch(r) for r in block):
            ruled = (-TABLE_REACH, [])  # a ruled table ends at a page's end, unless the next page repeats its rule
        gaps = [_gap_starts(row) for row in block]
        shared = [at for at, k in Counter(at for g in gaps for at in g).items() if k > 1]
        aligned = number - len(block) - table[0] <= TABLE_REACH and any(g and g <= table[1] for g in gaps)
        if rule := next((row for row in block if RULED.fullmatch(row) and len(DASHES.findall(row)) >= 2), None):
            # a rule of dashes under the heading, a run over each column ("-------  --------"): every row's cells
            # go in the columns of the runs they are printed under, the heading's lines and the rows after too
            runs = [(m.start(), m.end()) for m in DASHES.finditer(rule)]
            at = block.index(rule)  # the heading's lines above the rule are one heading row (from the page's top)
            top = max((k for k, row in enumerate(block[:at]) if "\f" in row), default=0)
            out += block[:top] + [_merged(block[top:at], runs)] * bool(at - top) + [""] * max(at - top - 1, 0)
            out += [_ruled_row(row, runs) for row in block[at:]]
            first_row = (len(out) - len(block) + at + 1, block[at + 1 :])  # the lines under the rule, as printed
            table, ruled = (number, {start for start, _ in runs[1:]}), (number, runs)
        elif block and ruled[1] and number - len(block) - ruled[0] <= TABLE_REACH and _in_runs(block, ruled[1]):
            # the next row of a ruled table, its cells wrapped over the lines of the row (blank lines between rows);
            # the lines under the rule were then the first row, wrapped too
            out += [_merged(block, ruled[1])] + [""] * (len(block) - 1)
            if len(block) > 1 and len(first_row[1]) > 1:
                at, rows = first_row
                out[at : at + len(rows)] = [_merged(rows, ruled[1])] + [""] * (len(rows) - 1)
            first_row = (0, [])
            table, ruled = (number, {start for start, _ in ruled[1][1:]}), (number, ruled[1])
        elif (head := headings.get(number - len(block))) is not None:
            out += [_named_cells(block[0], head, HEAD_WORDS), *(_named_cells(row, head) for row in block[1:])]
            table, named = (number, {start for start, _ in head[1:]}), (number, head)
        elif (
            block
            and number - len(block) - named[0] <= TABLE_REACH
            and _fits(block, named[1])
            # numbered paragraphs with a hanging indent ("(1)   Key decisions" over its text) are text, unless
            # the first line fills three of the table's columns
            and (not _hanging(block) or len(CELL.findall(block[0])) >= 3)
        ):
            out += [_named_cells(row, named[1]) for row in block]  # the next row of the table
            table, named = (number, {start for start, _ in named[1][1:]}), (number, named[1])
        elif (aligned or shared or _ruled(block)) and not _hanging(block):
            starts = Counter(m.start() for row in block for m in CELL.finditer(row))
            first = min(starts)  # a table indented under a paragraph has no empty column before its own
            heads = {m.start() for m in CELL.finditer(block[0])}  # the first row is often the table's header
            columns = sorted(
                {first, *heads, *(at for at, k in starts.items() if k > 1), *(table[1] if aligned else ())}
            )
            runs = _gutters(block)
            if len(runs) >= 2:  # columns set apart by a gutter in every row: figures set right stay in theirs
                out += [_named_cells(row, runs) for row in block]
                columns = [start for start, _ in runs]
            else:
                out += [_as_cells(row, columns) for row in block]
            table = (number, set(columns) - {first})
        else:
            out += block
        out.append(line)
        block = []
    return out[:-1]
