"""Lines of an agenda that say something about its items, in the common wordings of the family.

* the agenda's own date: "Published: …", "Issued: …", "Date of despatch: …", "Issue date: …",
  "Dated this 10th day of July 2024";
* a note where an item's papers are: "(attached)", "(copy enclosed)", "(to follow)" — not part of the title;
* an item that excludes the press and public: the items after it are private, with the paragraph it cites;
* a numbered line followed by its own sub-numbered items ("5. ITEMS FOR DECISION", "5.1 …"): a heading;
* a table row's title cell that carries the pages, "… (Pages 3 - 8)", and a description in square
  brackets, "Minutes [To approve the minutes …]"; rows "Item 4<TAB>Title<TAB>(Pages 9 - 16)";
* the place a notice of meeting names ("to be held at The Corn Exchange, High Street on …").
"""

from __future__ import annotations

import re

from minutebook.importer.report import Report
from minutebook.importer.source import Line, Source
from minutebook.importer.textutil import plain

# where the papers are: "(attached)", "(enclosed)", "(to follow)", "(report herewith)" — not part of the title
PAPER_NOTE = re.compile(
    r"\s*\((?:(?:copy|copies|report|reports|papers?|minutes|documents?|details)\s+)?(?:attached|enclosed|herewith|"
    r"to\s+follow|to\s+be\s+circulated|circulated|previously\s+circulated|tabled|to\s+be\s+tabled|"
    r"on\s+the\s+website|available\s+on\s+request)\)\s*$",
    re.I,
)
# an item that excludes the press and public: the items after it are private
_EXCLUDE = re.compile(r"\bexclu(?:de|ded|des|sion|ding)\b", re.I)
_PUBLIC = re.compile(r"\b(?:public|press)\b", re.I)


def excludes_public(text: str) -> bool:
    """Words excluding the press or public (two searches, each linear in the text)."""
    return bool(_EXCLUDE.search(text) and _PUBLIC.search(text))


PUBLISHED_LINE = re.compile(
    r"^(?:(?:agenda\s+)?(?:published|issued|despatched|dispatched|circulated|sent\s+out)(?:\s+on)?|"
    r"date\s+(?:of\s+)?(?:publication|issue|despatch|dispatch|circulation)|date\s+(?:published|issued)|"
    r"(?:publication|issue|despatch|dispatch|circulation)\s+date|"
    r"dated(?:\s+this)?)\s*:?\s+(?P<d>.+)$",
    re.I,
)


def headings_of_items(items: list, source: Source, report: Report) -> None:
    """'5. ITEMS FOR DECISION' followed by '5.1 …' and '5.2 …': a heading of the agenda, not an item
    (when it has no pages of its own); reported, since its words are not kept as an item."""
    numbers = {item.number for item in items}
    keep = []
    for item in items:
        if "." not in item.number and item.pages is None and any(n.startswith(f"{item.number}.") for n in numbers):
            report.warn(
                source.name,
                item.line,
                f"agenda item {item.number} '{item.title[:60]}' is taken as a heading over items "
                f"{item.number}.1 and after, not as an item",
                "add it to meeting.md if it is an item",
            )
            continue
        keep.append(item)
    items[:] = keep


CELL_PAGES = re.compile(r"\s*\(\s*Pages?\s*(?P<first>\d+)(?:\s*[-–]\s*(?P<last>\d+))?\s*\)$", re.I)
CELL_DESCRIPTION = re.compile(r"\s*\[(?P<text>[^\[\]]+)\]$")


def row_cells(number: str, title: str, pages: str | None) -> tuple[str, str, str | None, str]:
    """An agenda row's (number, title, pages, description), the pages and description taken out of the title
    cell where it carries them."""
    if pages is None and (paged := CELL_PAGES.search(title)):
        title = title[: paged.start()]
        pages = f"{paged.group('first')}-{paged.group('last')}" if paged.group("last") else paged.group("first")
    described = CELL_DESCRIPTION.search(title)
    if described:
        return number, title[: described.start()], pages, described.group("text").strip()
    return number, title, pages, ""


# the heading row of an agenda table: its number, title and pages columns, and any others ("Lead",
# "Report No.", "Presenter") whose cells are not part of the title
NUMBER_HEAD = re.compile(r"^(?:item(?:\s+no\.?)?|no\.?|number|ref\.?)$", re.I)
TITLE_HEAD = re.compile(r"^(?:title|subject|business|report|item|agenda item|matter)$", re.I)
PAGES_HEAD = re.compile(r"^(?:pages?|page no\.?|pp\.?)$", re.I)


def table_columns(line: Line) -> dict[str, int] | None:
    """The columns an agenda table's heading row names ({"number": 0, "title": 1, "pages": 3}, the other
    columns by their heading), or None when the row is not such a heading."""
    cells = [plain(c).strip() for c in line.text.split("\t")]
    if len(cells) < 3 or not NUMBER_HEAD.match(cells[0]):
        return None
    title = next((i for i, c in enumerate(cells) if i and TITLE_HEAD.match(c)), None)
    if title is None:
        return None
    columns = {"number": 0, "title": title}
    for i, c in enumerate(cells):
        if i in (0, title) or not c:
            continue
        columns["pages" if PAGES_HEAD.match(c) else c.lower()] = i
    return columns


def _column_item(line: Line, columns: dict[str, int]) -> tuple[str, str, str | None, str] | None:
    """A row of a table whose heading named more columns than number, title and pages: each cell read by its
    column, the others ("Lead: Cllr Brennan") kept as the item's description."""
    cells = [plain(c).strip() for c in line.text.split("\t")]
    if len(cells) != max(columns.values()) + 1 or not re.fullmatch(r"\d{1,2}[a-z]?\.?", cells[0]):
        return None
    pages = None
    if "pages" in columns:
        last = re.fullmatch(r"\(?(?:(?:pages?|pp?\.?)\s*)?(\d+(?:\s*[-–]\s*\d+)?)\)?", cells[columns["pages"]], re.I)
        pages = re.sub(r"\s*[-–]\s*", "-", last.group(1)) if last else None
    others = [
        f"{name[:1].upper()}{name[1:]}: {cells[i]}"
        for name, i in columns.items()
        if name not in ("number", "title", "pages") and cells[i] and re.search(r"\w", cells[i])
    ]
    number, title, paged, described = row_cells(cells[0].rstrip("."), cells[columns["title"]], pages)
    return number, title, paged, "; ".join([*others, described] if described else others)


def table_item(line: Line, columns: dict[str, int] | None = None) -> tuple[str, str, str | None, str] | None:
    """An agenda row of an Item / Title / Page table: (number, title, pages, description) or None."""
    if "\t" not in line.text:
        return None
    if columns is not None and set(columns) - {"number", "title", "pages"}:
        if (read := _column_item(line, columns)) is not None:
            return read
    cells = [plain(c).strip() for c in line.text.split("\t")]
    cells = [re.sub(r"^(?:agenda\s+)?item\s+(?=\d)", "", c, flags=re.I) for c in cells if c]  # "Item 4<TAB>Title"
    if len(cells) < 2 or not re.fullmatch(r"\d{1,2}[a-z]?\.?", cells[0]):
        return None
    pages = None
    last = re.fullmatch(r"\(?(?:(?:pages?|pp?\.?)\s*)?(\d+(?:\s*[-–]\s*\d+)?)\)?", cells[-1], re.I)
    if len(cells) >= 3 and last:
        pages = re.sub(r"\s*[-–]\s*", "-", last.group(1))
        cells = cells[:-1]
    return row_cells(cells[0].rstrip("."), " ".join(cells[1:]), pages)


# "in the Council Chamber, …" / "at County Hall, …", up to the date or time that follows it
SUMMONS_PLACE = re.compile(
    r"\b(?:in|at)\s+(?P<place>(?![\d.:]+\s*(?:[ap]\.?m|hrs|hours)?\b)[^\d].+?)"
    r"(?=\s+on\s+(?:\w+day\b|\d)|\s+at\s+\d|\s+commencing\b|\s+starting\b|\.?$)",
    re.I,
)


def summons_place(rest: str) -> str:
    place = SUMMONS_PLACE.search(rest)
    where = place.group("place").strip(" ,.") if place else ""  # "at The Guildhall": the article is the name's own
    where = re.sub(r"^the\s+", "", where, flags=re.I) if where.isupper() or where.startswith("the ") else where
    return where[:1].upper() + where[1:]
