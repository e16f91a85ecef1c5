"""Lines of an agenda that say something about its items, in the common wordings of the family.

* the agenda's own date: "Published: …", "Issued: …", "Date of despatch: …", "Issue date: …",
  "Dated this 10th day of July 2024";
* a note where an item's papers are: "(attached)", "(copy enclosed)", "(to follow)" — not part of the title;
* an item that excludes the press and public: the items after it are private, with the paragraph it cites;
* a numbered line followed by its own sub-numbered items ("5. ITEMS FOR DECISION", "5.1 …"): a heading;
* a table row's title cell that carries the pages, "… (Pages 3 - 8)", and a description in square
  brackets, "Minutes [To approve the minutes …]"; rows "Item 4<TAB>Title<TAB>(Pages 9 - 16)";
* the place a notice of meeting names ("to be held at The Corn Exchange, High Street on …");
* a front sheet's committee: the body an invitation names ("You are invited to attend a meeting of the …
  on"), never a label printed alone over its value ("Date and time", "Venue"); "Date of issue" over a date;
* a line under a table's row with the number's cell empty: the next line of one of the row's cells, which
  is the item's description (and the paragraph of the law it cites);
* a sentence after the agenda naming the item to be taken in private ("Item 9 is likely to be taken in
  private … paragraph 6").
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from minutebook.importer.dates import day_printed, find_date, is_date_line
from minutebook.importer.people import known_role, split_names
from minutebook.importer.report import Report
from minutebook.importer.source import Line, Source
from minutebook.importer.split import SUMMONS, summons_text
from minutebook.importer.textutil import CONNECTIVES, EXEMPT_PARAGRAPH, ends_sentence, last_word, plain
from minutebook.model import ROLES

if TYPE_CHECKING:
    from minutebook.importer.agenda import Agenda, AgendaItem

# "4. Title", and an item numbered within a heading of the agenda: "5.1 Title" (not a time: "7.30 pm")
ITEM = re.compile(
    r"^(?P<number>\d{1,2}\.\d{1,2}(?=\.?\s)(?!\.?\s*(?:[ap]\.?m\b|hrs\b|hours\b))|\d{1,2}(?=\.\s))\.?\s+"
    r"(?P<title>.+?)\s*(?:\((?P<pages>Pages?\s*[^)]*)\))?\s*$",
    re.I,
)
MID_PAGES = re.compile(r"\s*\((?P<pages>Pages?\s*\d+(?:\s*[-–]\s*\d+)?)\)\s+(?P<after>\S.*)$", re.I)
PAGES = re.compile(r"^\(?Pages?\s*(?P<from>\d+)(?:(?:\s*[-–]\s*|\s+to\s+)(?P<to>\d+))?\)?$", re.I)
# "1 Apologies for absence", "3 Minutes Pages 3 - 6": a number without its full stop (taken only in sequence)
BARE_ITEM = re.compile(
    r"^(?P<number>\d{1,2})\s+(?P<title>[A-Z][^\t]*?)(?:\s+\(?(?P<pages>Pages?\s*\d+(?:(?:\s*[-–]\s*|\s+to\s+)\d+)?)\)?)?$"
)
NEXT_MEETING = re.compile(r"^date\s+of\s+(?:the\s+)?next\s+meeting\b", re.I)
# "… Pages 3 - 8", "… pp. 3–8" and a bare "… 1 - 6" (an agenda's page column, its spaces lost)
TRAILING_PAGES = re.compile(
    r"\s+(?P<pages>(?:Pages?|pp?\.)\s*\d+(?:(?:\s*[-–]\s*|\s+to\s+)\d+)?|\d{1,3}\s[-–]\s\d{1,3})$", re.I
)
SUB_ITEM = re.compile(r"^[-–•]?\s*\(?(?P<letter>[a-z])\)\s+(?P<title>.+)$")
LEAD = re.compile(
    r"^(?:joint\s+)?(?:(?:report|briefing note|briefing paper|note|presentation|verbal (?:report|update)|"
    r"update)\s+(?:of|from|by)\b|(?:verbal|oral) (?:report|update)$)",  # a bare "Verbal update" under the title
    re.I,
)
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


def published_in(lines: list[Line]) -> dt.date | None:
    """The date a line, or a cell of a line in columns, gives as the agenda's publication ("Agenda published:
    10 September 2025" in a letter's head, beside "To: …")."""
    for line in lines:
        for cell in [line.text, *line.text.split("\t")]:  # "Despatch date:<TAB>14 July 2025" is one field
            if (found := PUBLISHED_LINE.match(plain(cell))) and (day := day_printed(found.group("d"))):
                return day
    return None


def page_range(printed: str | None) -> str | None:
    """An item's pages as printed ("Pages 3 - 8", "(Page 4)", "pp. 3–8", a bare "3 - 8") as the format writes
    them ("3-8", "4"); None for anything else."""
    text = (printed or "").strip()
    if text and not text.lstrip("(").lower().startswith("page"):
        text = f"Pages {text.lstrip('pP.').strip()}"
    match = PAGES.match(text)
    if not match:
        return None
    return f"{match.group('from')}-{match.group('to')}" if match.group("to") else match.group("from")


def _title_wrapped_to_pages(item) -> None:
    """An item with no pages whose description is the rest of its title and its pages ("Riverside … Statutory"
    over "Consultation and … Order – Report by the Executive Director of Place 23 - 28", its lines flush as a
    PDF's text gives them): the title joined, and the pages."""
    paged = TRAILING_PAGES.search(item.description) if item.pages is None else None
    rest = item.description[: paged.start()].strip() if paged else ""
    if paged and rest and len(rest) <= 160 and not ends_sentence(rest) and not DESCRIPTION_OPENING.match(rest):
        item.title, item.description, item.pages = f"{item.title} {rest}", "", page_range(paged.group("pages"))


def headings_of_items(items: list, source: Source, report: Report) -> None:
    """'5. ITEMS FOR DECISION' followed by '5.1 …' and '5.2 …': a heading of the agenda, not an item
    (when it has no pages or words of its own); reported, since its words are not kept as an item. A numbered
    line under an item that reads as its description ("1.  Order of Business" / "1.1  Including any notices of
    motion … at the meeting.", "3.1  If any") is the description of that item, not an item of its own."""
    for item in items:
        _title_wrapped_to_pages(item)
    numbers = {item.number for item in items}
    by_number = {item.number: item for item in items}
    keep = []
    for item in items:
        parent = by_number.get(item.number.split(".")[0]) if "." in item.number else None
        if parent is not None and _describes(item):
            parent.description = f"{parent.description} {item.title} {item.description}".strip()
            numbers.discard(item.number)
    for item in items:
        if "." in item.number and item.number not in numbers:
            continue
        if (
            "." not in item.number
            and item.pages is None
            and not item.description
            and any(n.startswith(f"{item.number}.") for n in numbers)
        ):
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


def _describes(item) -> bool:
    """A numbered sub-entry that is a sentence about its item, not a title: no pages, not private, and its words
    mostly in lower case ending a sentence, or a word or two ("If any", "None")."""
    if item.pages is not None or item.private:
        return False
    words = [w for w in item.title.split() if len(w) > 3 and w[:1].isalpha()]
    lower = sum(1 for w in words if w[:1].islower())
    text = f"{item.title} {item.description}".strip()
    short = len(item.title.split()) <= 2 and item.title.split()[-1][:1].islower()
    # (an item's title loses its full stop as it is read: a long line mostly in lower case is a sentence too)
    sentence = ends_sentence(text) or (
        len(words) >= 6 and bool(re.search(r"\b(?:should|will|may|must|shall|is|are|be|including|if)\b", text, re.I))
    )
    # "7.1  To receive the internal auditor's report for 2024/25": what the meeting is to do under its item
    doing = bool(DESCRIPTION_OPENING.match(item.title))
    return short or doing or (sentence and lower * 2 > len(words) and not text.endswith(('"', "”")))


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
    # the number's column first, or after a column of times ("Time | No. | Item | Lead | Paper")
    number = next((i for i, c in enumerate(cells[:2]) if NUMBER_HEAD.match(c)), None)
    if len(cells) < 3 or number is None or (number and not re.fullmatch(r"(?i:times?|start)", cells[0])):
        return None
    title = next((i for i, c in enumerate(cells) if i > number and TITLE_HEAD.match(c)), None)
    if title is None:
        return None
    columns = {"number": number, "title": title}
    for i, c in enumerate(cells):
        if i in (number, title) or not c:
            continue
        columns["pages" if PAGES_HEAD.match(c) else c.lower()] = i
    return columns


# a cell that is only the pages, in a column not headed "Pages" ("Paper": "Pages 3 - 5", "Page 9", "pp. 6-8")
PAGES_CELL = re.compile(r"^(?:pages?|pp?\.?)\s*(?P<first>\d+)(?:\s*[-–]\s*(?P<last>\d+))?$", re.I)


def _column_item(line: Line, columns: dict[str, int]) -> tuple[str, str, str | None, str] | None:
    """A row of a table whose heading named more columns than number, title and pages: each cell read by its
    column, the others ("Lead: Cllr Brennan") kept as the item's description."""
    cells = [plain(c).strip() for c in line.text.split("\t")]
    at = columns["number"]
    width = max(columns.values()) + 1
    if len(cells) > width or len(cells) <= columns["title"] or not re.fullmatch(r"\d{1,2}[a-z]?\.?", cells[at]):
        return None
    cells += [""] * (width - len(cells))  # the row's last cells left empty ("1<TAB>Apologies<TAB>No", no page)
    pages = None
    if "pages" in columns:
        last = re.fullmatch(r"\(?(?:(?:pages?|pp?\.?)\s*)?(\d+(?:\s*[-–]\s*\d+)?)\)?", cells[columns["pages"]], re.I)
        pages = re.sub(r"\s*[-–]\s*", "-", last.group(1)) if last else None
    else:  # "B (pages 13 – 24)" in a column of its own ("Paper"): the pages out of it, the paper's letter kept
        for name, i in columns.items():
            if name not in ("number", "title") and (
                in_cell := CELL_PAGES.search(cells[i]) or PAGES_CELL.match(cells[i])
            ):
                first, end = in_cell.group("first"), in_cell.group("last")
                pages, cells[i] = (f"{first}-{end}" if end else first), cells[i][: in_cell.start()].strip()
                break
    others = [
        f"{name[:1].upper()}{name[1:]}: {cells[i]}"
        for name, i in columns.items()
        if name not in ("number", "title", "pages") and cells[i] and re.search(r"\w", cells[i])
    ]
    number, title, paged, described = row_cells(cells[at].rstrip("."), cells[columns["title"]], pages)
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
    # (or the sentence's end: "… Halsey HY1 2LR. Members of the Committee are summoned …")
    r"(?=\s+on\s+(?:\w+day\b|\d)|\s+at\s+\d|\s+commencing\b|\s+starting\b|\.?$|\.\s+[A-Z][a-z]+\s+[a-z])",
    re.I,
)


def summons_place(rest: str) -> str:
    place = SUMMONS_PLACE.search(rest)
    where = place.group("place").strip(" ,.") if place else ""  # "at The Guildhall": the article is the name's own
    where = re.sub(r"^the\s+", "", where, flags=re.I) if where.isupper() or where.startswith("the ") else where
    return where[:1].upper() + where[1:]


EMAIL = re.compile(r"[\w.'’-]+@[\w-]+(?:\.[\w-]+)+")


EXCLUSION_ITEM = re.compile(r"\bexclusion\s+of\s+(?:the\s+)?(?:press|public)\b", re.I)
# an agenda's heading row printed in columns with spaces, not tabs: "Item   Report No.   Subject   Page"
SPACED_HEAD = re.compile(
    r"^(?:item|no\.?)\s+(?:(?P<ref>report\s+no\.?|ref(?:erence)?\.?|report\s+ref\.?|paper\s+no\.?)\s+)?"
    r"(?:subject|title|business)(?:\s+(?P<pages>pages?))?$",
    re.I,
)
# the report's reference in its column before the subject: "HT/03/21", "CX.03.14"
REF_CELL = re.compile(r"^(?P<ref>[A-Z]{1,6}[/.-]?\d{1,4}(?:[/.-]\d{1,4}){1,3})\s+(?=\S)")
PAGE_CELL = re.compile(r"\s+(?P<pages>\d{1,4}(?:\s*[-–]\s*\d{1,4})?)$")


def spaced_head(lines: list[Line], k: int) -> dict[str, str] | None:
    """The columns of an agenda's spaced heading row within the four lines above line k: the heading of its
    reference column ("Report No.", "" without one) and of its page column."""
    for j in range(max(0, k - 4), k):
        if "\t" not in lines[j].text and (head := SPACED_HEAD.match(" ".join(plain(lines[j].text).split()))):
            return {"ref": head.group("ref") or "", "pages": head.group("pages") or ""}
    return None


def columns_of(item, layout: dict[str, str]) -> None:
    """An item read under a spaced heading row: the reference out of the title (kept in the description),
    the page number at the end of the line its pages."""
    title = " ".join(item.title.split())
    if layout["pages"] and item.pages is None and (paged := PAGE_CELL.search(title)):
        item.pages, title = re.sub(r"\s*[-–]\s*", "-", paged.group("pages")), title[: paged.start()]
    if layout["ref"] and (ref := REF_CELL.match(title)):
        item.description = f"{layout['ref']} {ref.group('ref')} {item.description}".strip()
        title = title[ref.end() :]
    item.title = title.strip(" .")


def public_access(paragraphs: list[str]) -> str:
    out: list[str] = []
    for text in paragraphs:
        if re.match(r"^public access$", text, re.I):
            continue
        notes = re.match(r"^notes?\s*:\s*(.*)$", text, re.I)
        if notes:
            out.append("Notes:")
            text = notes.group(1)
        numbered = re.match(r"^(\d{1,2})\)\s+(.*)$", text)
        text = EMAIL.sub(lambda m: f"<{m.group(0)}>", text)
        text = re.sub(r"(?<!<)\b(https?://\S+?)(?=[\s,)]|$)", r"<\1>", text) if "<http" not in text else text
        if numbered:
            out.append(f"{numbered.group(1)}. {EMAIL.sub(lambda m: f'<{m.group(0)}>', numbered.group(2))}")
        else:
            out.append(text)
    chunks: list[str] = []
    for text in out:
        if chunks and re.match(r"^\d+\. ", text) and re.match(r"^\d+\. ", chunks[-1].split("\n")[-1]):
            chunks[-1] += "\n" + text
        else:
            chunks.append(text)
    return "\n\n".join(chunks)


# "the Council of the London Borough of Kestrelmere": the meeting is the Council's, the rest names the council
OF_THE_BODY = re.compile(
    r"^(?P<body>.+?)\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,7}?(?:council|borough|county|district|city|authority)\b.*$",
    re.I,
)


# "Llanfor Town Council's Finance and General Purposes Committee": the committee, the council named before it
COUNCILS = re.compile(
    r"^(?:[A-Z][\w'’.-]*\s+){1,4}?(?:(?:town|parish|community|city|county|district|borough)\s+)?council['’]s\s+(?=\S)",
    re.I,
)


def of_the_council(name: str) -> str:
    match = OF_THE_BODY.match(name)
    return COUNCILS.sub("", match.group("body") if match else name)


def summons_body(match: re.Match[str]) -> str:
    """The body that meets: 'the Full Council Meeting of X Parish Council' is the Full Council's meeting (the
    name before 'Meeting'), 'a meeting of the Planning Committee' the committee's."""
    named = (match.group("body") or "").strip()
    return named or of_the_council(match.group("committee").strip(" ,"))


def summons(lines: list[Line], agenda_at: int | None = None):
    """'A meeting of the X will be held on <date> at <time> in <place>.': (committee, date text, place, index)."""
    for k, line in enumerate(lines[:30]):
        text = plain(line.text)
        opened, j = summons_text(lines, k)
        if opened and j > k:
            text = " ".join(plain(lines[n].text).strip() for n in range(k, j + 1))
        # a notice hard-wrapped over the lines of its paragraph ("… will be held" / "at County Hall on
        # Wednesday, 9th April 2003 at 10.00 a.m."): the sentence read whole, up to its full stop
        while (
            SUMMONS.match(text)
            and j + 1 < len(lines)
            and j - k < 3
            and lines[j + 1].no == lines[j].no + 1
            and not re.search(r"[^.]\.$|[a-z]\.m\.$", text)
            and plain(lines[j + 1].text)[:1].isalnum()
        ):
            j += 1
            text = f"{text} {plain(lines[j].text)}"
        match = SUMMONS.match(text)
        if match:
            rest = match.group("rest")
            if find_date(rest)[0] is None:
                # "A hearing of … will be held on" / "Monday 10 March 2025" / "commencing at 10.00 am" / "in the
                # Deben Room, …": the date, the time and the place on short lines of their own under the notice
                below: list[str] = []
                for n in lines[j + 1 : j + 8]:
                    printed = plain(n.text).strip()
                    if printed and (len(below) == 3 or len(printed) > 120 or re.search(r":(?!\d\d)", printed)):
                        break
                    below += [printed] if printed else []
                if below and find_date(below[0])[0] is not None:
                    rest = " ".join([rest, *below])
            elif (
                not summons_place(rest)
                and j + 1 < len(lines)
                and re.match(r"^(?:in|at)\s+\D", plain(lines[j + 1].text))
            ):
                rest = f"{rest} {plain(lines[j + 1].text)}"  # "on Tuesday, 22 July 2025 at 7.00 pm" / "in the Ferris Room, …"
            return summons_body(match), rest, summons_place(rest), k
    return None


def letter(lines: list[Line], at: int, end: int, agenda) -> None:
    """A notice written as a letter: its date above ("28 August 2023", then "Dear Member") is the
    date of publication, and the name and post under "Yours faithfully" the publisher."""
    dated = [find_date(plain(line.text))[0] for line in lines[:at] if is_date_line(plain(line.text))]
    # a memorandum's "Date: 4 February 2025" above the notice: the day it was sent
    dated += [
        find_date(m.group(1))[0] for line in lines[:at] if (m := re.match(r"^date\s*:\s*(.+)$", plain(line.text), re.I))
    ]
    if agenda.published is None and dated and dated[-1] is not None:
        agenda.published = dated[-1]
    for k in range(at + 1, end):
        if re.match(r"^yours (?:faithfully|sincerely)\b", plain(lines[k].text), re.I):
            signed = [plain(line.text) for line in lines[k + 1 : min(end, k + 3)] if not is_date_line(plain(line.text))]
            if signed and not agenda.published_by:
                agenda.published_by = ", ".join(signed)
            return


# "Item 4    Revenue budget monitoring": the word before an agenda's number (not a paper's "Item 5: Title")
ITEM_WORD = re.compile(r"^(?:agenda\s+)?item\s+(?=\d{1,2}(?:\.\d{1,2})?\.?\s+[A-Z])", re.I)
# "(Report No. JCC/24/09)" after an item's title: the report's reference, not part of the title
REPORT_REF = re.compile(
    r"\s*\((?P<ref>(?:report|paper)\s+(?:(?:no\.?|number|ref(?:erence)?\.?)\s*:?\s*[^()]+|"
    r"[A-Z]{1,6}[/.-]?\d[\w/.-]*))\)$",  # "(Paper APC/25/01)": the reference without "No."
    re.I,
)


# "Item 9 is likely to be taken in private: … paragraph 6 of …" (the word "Item" already taken off the line)
NAMED_PRIVATE = re.compile(
    r"^(?:items?\s+)?(?P<n>\d{1,3}[a-z]?)\s+(?:is|will\s+be|may\s+be)\s+(?:\w+\s+){0,6}?"
    r"(?:in\s+private|(?:in\s+)?closed\s+session|exempt|confidential|with\s+the\s+(?:press|public))\b",
    re.I,
)


def names_private_item(text: str, agenda: Agenda) -> bool:
    """A sentence after the agenda naming the item to be taken in private and the paragraph that makes it
    exempt: that item is private, with that paragraph. False (nothing done) for any other line."""
    named = NAMED_PRIVATE.match(text)
    cited = EXEMPT_PARAGRAPH.search(text) if named else None
    item = next((i for i in agenda.items if named and i.number == named.group("n")), None)
    if item is None or cited is None:
        return False
    item.private, item.exempt_paragraph = True, int(cited.group(1))
    return True


def place_line(text: str) -> str:
    """'at the Kingsley Centre, …' under the date: the place without its preposition ('at The Forum' keeps
    the article that is the name's own)."""
    place = re.sub(r"^(?:at|in)\s+(?:the\s+)?(?=\S)", "", text)
    return place[:1].upper() + place[1:]


def label_over_date(label: str, value: str) -> bool:
    """'Date of issue' alone on its line, the date alone on the next."""
    return (
        not re.search(r"\d", label)
        and len(label.split()) <= 4
        and is_date_line(value)
        and bool(PUBLISHED_LINE.match(f"{label} {value}"))
    )


# "To consider passing a resolution …", "To approve the minutes …": the item's description under its title
DESCRIPTION_OPENING = re.compile(
    r"^To\s+(?:consider|approve|receive|note|agree|confirm|appoint|elect|review|discuss|decide|determine|"
    r"resolve|pass|adopt|endorse|comment)\b"
)


# the item that takes the last meeting's minutes, by any of their names: "Minutes", "Minutes of the meeting held
# on …", "To approve the minutes …", "Record of the meeting held on …", "Notes of the last meeting and action log"
MINUTES_TITLE = re.compile(
    r"^(?:(?:to\s+)?(?:approv(?:e|al\s+of)|confirm(?:ation\s+of)?|agree)\s+(?:the\s+)?)?"
    r"(?:(?:draft|unconfirmed|previous|last)\s+)?(?:minutes\b|(?:record|notes)\s+of\s+(?:the\s+|a\s+)?"
    r"(?:(?:last|previous)\s+)?meeting\b)",
    re.I,
)


def is_minutes_title(title: str) -> bool:
    """An agenda item that takes minutes, printed alone or as "Cofnodion / Minutes" in two languages."""
    return any(MINUTES_TITLE.match(half.strip()) for half in [title, *title.split(" / ")[1:2]])


def under_row(line: Line, columns: dict[str, int] | None) -> int | None:
    """The column of a line's first cell when the line is a row of the table's with its number's cell empty."""
    if columns is None or "\t" not in line.text:
        return None
    cells = line.text.split("\t")
    filled = next((i for i, c in enumerate(cells) if c.strip()), None)
    return filled if filled is not None and filled != columns["number"] and len(cells) > columns["number"] else None


def describe(item: AgendaItem, text: str) -> None:
    """A line of the item's description: the paragraph of the law it cites when it is private or excludes
    the public from the items after it."""
    item.description = f"{item.description} {text}".strip()
    paragraph = EXEMPT_PARAGRAPH.search(text)
    if paragraph and excludes_public(f"{item.title} {item.description}"):
        item.exempt_paragraph_cited = int(paragraph.group(1))
    if re.match(r"^\(?(?:exempt|not for publication)\b", text, re.I):  # "Exempt: paragraph 3 of …"
        item.private = True
        item.exempt_paragraph = item.exempt_paragraph or "not stated"
    if paragraph and item.private:
        item.exempt_paragraph = int(paragraph.group(1))


def wrapped_on(paragraph: str, text: str) -> bool:
    """A line of a front sheet's notes that goes on with the paragraph above it: "… the business set out in" /
    "the agenda below.", "… please speak to the" / "Democratic Services Officer …"."""
    return (
        not ends_sentence(paragraph)
        and (text[:1].islower() or last_word(paragraph) in CONNECTIVES)
        and not re.match(r"^[\w-]+:", text)
    )


def membership(text: str, line: Line, agenda: Agenda, source: Source, report: Report) -> None:
    """A front sheet's "Membership:" line: the members and their roles, each name not read reported."""
    names, problems = split_names(re.sub(r"^members(?:hip)?\s*:\s*", "", text, flags=re.I), allow_bare=True)
    names = [(name, known_role(role) if role else role, raw) for name, role, raw in names]
    agenda.membership = [(name, role if role in ROLES else "") for name, role, _ in names]
    agenda.membership_printed = [raw for _, _, raw in names]
    for problem in problems:
        report.warn(
            source.name,
            line.no,
            f"could not read '{problem}' in the membership as a name",
            "add the member to committee.md by hand",
        )
    for name, role, _ in names:
        if role and role not in ROLES:
            report.warn(
                source.name,
                line.no,
                f"the role '{role}' of {name} is not one the format knows ({', '.join(ROLES)}); left out",
                "add it by hand if it matters",
            )


def indent(line: Line) -> int:
    """The spaces a line starts with."""
    return len(line.text) - len(line.text.lstrip(" "))


def title_goes_on(title: str, lines: list[Line], k: int, column: int) -> bool:
    """Line k, set under the title's column right below it, goes on with an item's title that printed no pages:
    the title breaks off after a word that joins ("… Enforcement in" / "Residential Streets"), or the lines under
    it end in the item's pages ("… of Statutory" / "Consultation and …" / "Order – Report by …    23 - 28")."""
    if ends_sentence(title):
        return False
    if last_word(title) in CONNECTIVES or title.rstrip().endswith(("–", "-", "&", ",")):
        return True
    for line in lines[k : k + 3]:
        if indent(line) != column or not line.text.strip() or ends_sentence(line.text.strip()):
            return False
        if TRAILING_PAGES.search(line.text.rstrip()):
            return True
    return False


BARE_RANGE = re.compile(r"\s(?P<first>\d{1,3})\s[-–]\s(?P<last>\d{1,3})\s(?=\S)")


def pages_between(title: str, items: list) -> tuple[str, str] | None:
    """An item's pages printed in the middle of its line, where its title wrapped round the page column
    ("… – Report by the 17 - 22 Executive Director of Place", as a PDF's text joins them): the title without
    them and "Pages 17 - 22", only when they carry on from the pages of the items before (never "aged 5 - 11")."""
    found = BARE_RANGE.search(title)
    if found is None:
        return None
    first, last = int(found.group("first")), int(found.group("last"))
    ends = [int(item.pages.split("-")[-1]) for item in items if item.pages and item.pages.split("-")[-1].isdigit()]
    if not (first <= last and ends and 0 < first - ends[-1] <= 12):
        return None
    return f"{title[: found.start()]} {title[found.end() :]}".strip(), f"Pages {first} - {last}"
