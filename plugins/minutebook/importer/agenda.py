"""The agenda front sheet: committee, time and date, place, the agenda, publication, membership.

Education and Children's Services Scrutiny Board (2)
Time and Date / 2.00 pm on Thursday, 27th April, 2017
Place / Committee Room 3 - Council House
Public Business
1. Apologies and Substitutions
3. Minutes (Pages 3 - 6)
 - a) To agree the minutes of the meeting held on 6th April, 2017
4. One Strategic Plan for School Organisation (Pages 7 - 14)
Report of the Director of Education, Libraries and Adult Learning
Private Business / Nil
Martin Yardley, Deputy Chief Executive (Place), Council House Coventry
Wednesday, 19 April 2017
Notes: 1) The person to contact about the agenda … is Michelle Rose, Governance Services, …
Membership: Councillors N Akhtar, …, M Mutton (Chair) and P Seaman (By Invitation)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from minutebook.importer.agendalines import (
    BARE_ITEM,
    DESCRIPTION_OPENING,
    EMAIL,
    EXCLUSION_ITEM,
    ITEM,
    ITEM_WORD,
    LEAD,
    MID_PAGES,
    NEXT_MEETING,
    PAGES,
    PAPER_NOTE,
    PUBLISHED_LINE,
    REPORT_REF,
    SPACED_HEAD,
    SUB_ITEM,
    TRAILING_PAGES,
    columns_of,
    describe,
    excludes_public,
    headings_of_items,
    indent,
    label_over_date,
    letter,
    membership,
    names_private_item,
    page_range,
    pages_between,
    place_line,
    public_access,
    published_in,
    spaced_head,
    summons,
    table_columns,
    table_item,
    title_goes_on,
    under_row,
    wrapped_on,
)
from minutebook.importer.dates import day_printed, find_date, is_date_line, parse_time
from minutebook.importer.fallbacks import dated_line, numbered_items
from minutebook.importer.frontfields import committee_above, labelled_block, named_above
from minutebook.importer.report import Report
from minutebook.importer.source import Line, Source
from minutebook.importer.split import Part
from minutebook.importer.textutil import CONNECTIVES, EXEMPT_PARAGRAPH, ends_sentence, last_word, plain

SECTION = re.compile(
    r"^(?:(?P<part>part\s+(?P<which>[a-d1-4]|one|two|i{1,2})\b.*)|(?P<public>public(?: business)?)|"
    r"(?P<private>private(?: business)?|(?:exempt|confidential|restricted) (?:items|business|information)|"
    r"in confidence|confidential|items? (?:(?:which are )?likely )?(?:to be )?(?:taken|considered) in private))[:.]?$",
    re.I,
)
PRIVATE_PART = re.compile(r"\b(?:private|exempt|confidential|excluded)\b", re.I)
TABLE_HEAD = re.compile(
    r"^(?:item|no\.?|number)\t+(?:title|subject|business|report)(?:\t+(?:pages?|page no\.?))?$", re.I
)
CONTACT = re.compile(
    r"person to contact about the agenda.*?\bis\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+),\s*"
    r"(?P<role>[^,]+),.*?telephone\s+(?P<phone>[\d() ]*\d)",
    re.I | re.S,
)


@dataclass
class AgendaItem:
    number: str
    title: str
    line: int
    lead: str = ""
    pages: str | None = None
    description: str = ""
    parts: list[tuple[str, str]] = field(default_factory=list)
    private: bool = False
    exempt_paragraph: int | str | None = None  # 'not stated' when a private item names no paragraph
    slug: str = ""
    exempt_paragraph_cited: int | None = None  # the paragraph an exclusion item cites for the items after it


@dataclass
class Agenda:
    committee: str
    date: dt.date
    line: int
    start: str | None = None
    place: str = ""
    items: list[AgendaItem] = field(default_factory=list)
    published: dt.date | None = None
    published_by: str = ""
    public_access: str = ""
    membership: list[tuple[str, str]] = field(default_factory=list)
    membership_printed: list[str] = field(default_factory=list)
    contact: dict = field(default_factory=dict)


def _t(line: Line) -> str:
    return plain(line.text)


def _when_block(lines: list[Line]):
    """A date-and-time line of its own with the place on the next line, no labels: (when, place, index, after)."""
    from minutebook.importer.dates import is_split_when, is_when_line

    for k, line in enumerate(lines[:12]):
        split = k + 1 < len(lines) and is_split_when(_t(line), _t(lines[k + 1]))  # the date, its time below
        if is_when_line(_t(line)) or split:
            when, k2 = (f"{_t(line)} {_t(lines[k + 1])}", k + 1) if split else (_t(line), k)
            place, end = "", k2 + 1
            if k2 + 1 < len(lines):
                nxt = _t(lines[k2 + 1])
                if (
                    len(nxt) <= 150
                    and not ends_sentence(nxt.rstrip(")"))
                    and ":" not in nxt
                    and not BOILERPLATE_LINE.match(nxt)
                    and not _starts_agenda(lines, k2 + 1)
                    and not re.match(r"^\d", nxt)
                ):
                    place, end = place_line(nxt), k2 + 2
            return when, place, k, end
    return None


def read_front_sheet(part: Part, source: Source, report: Report) -> Agenda | None:
    agenda = _read_sheet(part, source, report)
    if agenda is not None and not agenda.items:
        numbered_items(agenda, part.lines, source, report)  # no item in a known shape: any numbered run
    return agenda


def _read_sheet(part: Part, source: Source, report: Report) -> Agenda | None:
    lines = [
        Line(line.no, ITEM_WORD.sub("", line.text.lstrip()), line.heading)
        if ITEM_WORD.match(line.text.lstrip())
        else line
        for line in part.lines
        if line.text.strip()
    ]
    if not lines:
        return None
    committee = _t(lines[0])
    index = {_t(line).lower().rstrip(":"): k for k, line in reversed(list(enumerate(lines)))}
    when_at = index.get("time and date")
    notice = summons(lines) if when_at is None else None
    if notice is not None:
        name, when, place, at = notice
        day = find_date(when)[0]
        labelled = labelled_block(lines[at + 1 : at + 6]) if day is None else None
        if labelled is not None:  # "… will take place as follows:" over "DATE: / TIME: / PLACE:" lines
            when, place, _, end = labelled
            day, name = find_date(when)[0], named_above(lines, at, name)
            at += end
        if day is None:
            return _undated_front(lines, part, source, report, name)
        agenda = Agenda(committee=name, date=day, line=lines[0].no, start=parse_time(when), place=place)
        k = at + 1
        while k < len(lines) and not _starts_agenda(lines, k):
            k += 1
        items_at = k
        agenda.published = published_in(lines[:at])  # "Agenda published: …" in the letter's head, beside "To:"
        for j, line in enumerate(lines[at + 1 : items_at], start=at + 1):  # "Issued: 19 March 2025"
            if _t(line) in when:  # the notice's own date and place, on lines of their own under it
                continue
            published = PUBLISHED_LINE.match(_t(line))
            if published and agenda.published is None and day_printed(published.group("d")):
                agenda.published = day_printed(published.group("d"))
            elif agenda.published is None and _signature(lines, j):  # the clerk's name, post and the date
                dated = next((d for d in range(j + 1, j + 5) if d < len(lines) and _dated(_t(lines[d]))), j)
                agenda.published = find_date(_t(lines[dated]))[0]
                agenda.published_by = ", ".join(_t(x) for x in lines[j : min(dated, j + 2)]) or agenda.published_by
        k = _read_items(lines, k, agenda, source, report)
        _read_tail(lines[k:], agenda, [], source, report)
        letter(lines, at, items_at, agenda)
        return agenda
    if when_at is None:
        block = labelled_block(lines) or _when_block(lines)
        if block is None:
            return _undated_front(lines, part, source, report)
        when, place, first, end = block
        day = find_date(when)[0]
        if day is None:
            return _undated_front(lines, part, source, report)
        agenda = Agenda(
            committee=committee_above(lines, first), date=day, line=lines[0].no, start=parse_time(when), place=place
        )
        if agenda.start is None:
            report.warn(source.name, lines[first].no, f"no start time in '{when}'", 'add start: "HH:MM"')
        k = end
        notes_before: list[str] = []
        while k < len(lines) and not _starts_agenda(lines, k):
            text = _t(lines[k])
            published = PUBLISHED_LINE.match(text)
            if published is None and k + 1 < len(lines) and label_over_date(text, _t(lines[k + 1])):
                k, text = k + 1, f"{text} {_t(lines[k + 1])}"  # "Date of issue" over "11 February 2025"
                published = PUBLISHED_LINE.match(text)
            if re.match(r"^(?:members(?:hip)?)\s*:", text, re.I):
                if text.endswith(":") and k + 1 < len(lines) and not _starts_agenda(lines, k + 1):
                    k, text = k + 1, f"{text} {_t(lines[k + 1])}"  # "Membership:" with its names on the line below
                membership(text, lines[k], agenda, source, report)
            elif published and day_printed(published.group("d")):  # "Published: 9 April 2024"
                agenda.published = day_printed(published.group("d"))
            elif not BOILERPLATE_LINE.match(text) and not SPACED_HEAD.match(" ".join(text.split())):
                notes_before.append(text)
            k += 1
        k = _read_items(lines, k, agenda, source, report)
        _read_tail(lines[k:], agenda, notes_before, source, report)
        return agenda
    if when_at + 1 >= len(lines):
        return _undated_front(lines, part, source, report)
    when = _t(lines[when_at + 1])
    day = find_date(when)[0]
    if day is None:
        return _undated_front(lines, part, source, report)
    agenda = Agenda(committee=committee, date=day, line=lines[0].no, start=parse_time(when))
    if agenda.start is None:
        report.warn(source.name, lines[when_at + 1].no, f"no start time in '{when}'", 'add start: "HH:MM"')
    k = when_at + 2
    notes_before = []
    if k < len(lines) and _t(lines[k]).lower().rstrip(":") == "place" and k + 1 < len(lines):
        agenda.place = _t(lines[k + 1])
        k += 2
    while (
        k < len(lines)
        and not re.match(r"^(?:public|private) business\b", _t(lines[k]), re.I)
        and not (SECTION.match(_t(lines[k])) or ITEM.match(_t(lines[k])))
    ):
        notes_before.append(_t(lines[k]))
        k += 1
    k = _read_items(lines, k, agenda, source, report)
    _read_tail(lines[k:], agenda, notes_before, source, report)
    return agenda


def _undated_front(lines: list[Line], part: Part, source: Source, report: Report, name: str = "") -> Agenda | None:
    """A front sheet whose date is in no layout the import knows: the first dated line above its agenda gives
    the meeting's date (and time); the committee is the line above it that names no council."""
    end = next((k for k in range(len(lines)) if _starts_agenda(lines, k)), len(lines))
    dated = dated_line(lines[:end])
    if dated is None:
        report.error(source.name, part.line, "the front sheet has no time and date", "check the front sheet")
        return None
    at, day, start = dated
    agenda = Agenda(committee=name or committee_above(lines, at), date=day, line=lines[0].no, start=start)
    report.warn(
        source.name,
        lines[at].no,
        f"the front sheet is not in a layout the import knows: the meeting's date is taken from "
        f"'{_t(lines[at])[:80]}', its committee from '{agenda.committee[:60]}'" + ("" if start else ", no start time"),
        "check the committee, date, time and place in meeting.md",
    )
    k = _read_items(lines, end, agenda, source, report)
    _read_tail(lines[k:], agenda, [], source, report)
    return agenda


BOILERPLATE_LINE = re.compile(r"^(?:agenda|public document pack|notice of (?:a )?meeting)$", re.I)


def _starts_agenda(lines: list[Line], k: int) -> bool:
    text = _t(lines[k])
    return bool(
        re.match(r"^(?:public|private) business\b", text, re.I)
        or SECTION.match(text)
        or ITEM.match(text)
        or ((bare := BARE_ITEM.match(text)) and bare.group("number") == "1" and not is_date_line(text))
        or TABLE_HEAD.match(lines[k].text.strip())
        or table_item(lines[k])
        or ("\t" in lines[k].text and table_columns(lines[k]) is not None)
    )


def _next_in_sequence(text: str, current) -> bool:
    """'6. Exclusion of the Public' (or '6   Exclusion …') after the table row of item 5 (no pages: not a row)."""
    m, number = ITEM.match(text) or BARE_ITEM.match(text), current.number if current else ""
    return bool(m and number.isdigit() and m.group("number") == str(int(number) + 1))


def _row_follows(lines: list[Line], k: int, agenda: Agenda, columns: dict[str, int] | None) -> bool:
    """The agenda's next item ("7. Title", or a row) within 8 lines of line k: line k describes the item above."""
    numbers = [int(i.number) for i in agenda.items if i.number.isdigit()]
    following = str(numbers[-1] + 1) if numbers else "1"
    for line in [line for line in lines[k + 1 :] if line.text.strip()][:8]:
        text = _t(line)
        if NEXT_MEETING.match(text):  # "Date of next meeting" ends the agenda; a part's heading ("PART II") may not
            return False
        row = table_item(line, columns)
        numbered = ITEM.match(text) or BARE_ITEM.match(text)
        if (row and row[0] == following) or (numbered and numbered.group("number") == following):
            return True
    return False


def _signature(lines: list[Line], k: int) -> bool:
    """A name and a job title printed above the date of publication ("Helen Marsh" / "Chief Executive" / date),
    with the office's address between them ("County Hall," / "Elmbridge.")."""
    for j in range(k + 1, min(k + 5, len(lines))):
        if _dated(_t(lines[j])):
            block = [_t(lines[i]) for i in range(k, j) if _t(lines[i])]
            signed = block[:2]
            address = block[2:]
            return (
                len(block) >= 2
                and all(
                    len(t) <= 80 and not t.endswith((".", ")")) and not ITEM.match(t) and not LEAD.match(t)
                    for t in signed
                )
                and all(len(t) <= 40 and t.endswith((",", ".")) and not ITEM.match(t) for t in address)
            )
    return False


def _dated(text: str) -> bool:
    """The date under a signature: "2 December 2025", "Date of publication: 6 March 2024", "Date: 3rd June 2025"."""
    published = PUBLISHED_LINE.match(text) or re.match(r"^date\s*:\s*(?P<d>.+)$", text, re.I)
    return is_date_line(text) or bool(published and day_printed(published.group("d")))


def _bare_item(text: str, agenda: Agenda) -> bool:
    """A number without its full stop starts an item only as the next in sequence, and not as a date."""
    match = BARE_ITEM.match(text)
    if not match or is_date_line(text):
        return False
    numbers = [int(i.number) for i in agenda.items if i.number.isdigit()]
    return int(match.group("number")) == (numbers[-1] + 1 if numbers else 1)


def _section(text: str) -> bool | None:
    """True for a private part of the agenda ("Part B", "Private business"), False for a public one."""
    match = SECTION.match(text)
    if not match or len(text) > 120:
        return None
    if match.group("part"):
        which = match.group("which").lower()
        return bool(PRIVATE_PART.search(text) and not re.search(r"\bpublic\b", text, re.I)) or which in (
            "b",
            "2",
            "two",
            "ii",
        )
    return bool(match.group("private"))


def _read_items(lines: list[Line], k: int, agenda: Agenda, source: Source, report: Report) -> int:
    private = False
    current: AgendaItem | None = None
    excluded_by: AgendaItem | None = None
    section_paragraph: int | None = None
    in_table = False
    columns: dict[str, int] | None = None
    layout = spaced_head(lines, k)
    title_ends, title_column = -1, -1  # the line number of the current item's title's last line, its column
    while k < len(lines):
        text = _t(lines[k])
        low = text.lower()
        heading_row = table_columns(lines[k]) if "\t" in lines[k].text else None
        row = table_item(lines[k], columns) if heading_row is None else None
        # a line under a row, in the table's columns with its number's cell empty ("<TAB>To confirm as a correct
        # record …"): the next line of a cell of the row, whatever it says (a date, a sentence)
        under = under_row(lines[k], columns) if current is not None and not row and heading_row is None else None
        if low.startswith("public business"):
            private, current = False, None
        elif low.startswith("private business"):
            private, current = True, None
        elif (section := _section(text)) is not None:
            private, current = section, None
            section_paragraph = None
        elif (
            current is None
            and private
            and not row
            and not ITEM.match(text)
            and (cited := EXEMPT_PARAGRAPH.search(text))
        ):
            # "The press and public are likely to be excluded for the following item under paragraph 3 …"
            # under the private part's heading: the paragraph of the items that follow
            section_paragraph = int(cited.group(1))
        elif low in ("nil", "none", "agenda", "") or re.fullmatch(r"[-=_\s]+", text):
            pass  # a blank line (or a rule) does not end a table: a part's heading may follow
        elif TABLE_HEAD.match(lines[k].text.strip()) or heading_row is not None:
            in_table, columns = True, heading_row
        elif row:
            number, title, pages, described = row
            if current is not None and not private and current.exempt_paragraph_cited:
                # "The following item is likely to be considered with the press and public excluded …
                # paragraph 3 …" printed under the row before: the rows after it are private
                private, excluded_by = True, current
            cited = EXEMPT_PARAGRAPH.search(described) if private else None  # "[… (paragraph 3).]"
            current = AgendaItem(number, title.strip(" ."), lines[k].no, pages=pages, private=private)
            current.description, current.exempt_paragraph = described, int(cited.group(1)) if cited else None
            if private and cited is None and excluded_by is not None and excluded_by.exempt_paragraph_cited:
                current.exempt_paragraph = excluded_by.exempt_paragraph_cited
            elif private and cited is None and section_paragraph is not None:
                current.exempt_paragraph = section_paragraph  # stated under the private part's heading
            if layout is not None:
                columns_of(current, layout)
            title_ends = lines[k].no
            agenda.items.append(current)
            in_table = layout is None
        elif (
            current is not None
            and (
                layout is not None
                or (
                    title_column > 0
                    and indent(lines[k]) == title_column
                    and (current.pages or title_goes_on(current.title, lines, k, title_column))
                )
                or last_word(current.title) in CONNECTIVES  # "… Committee of" / "18 September 2025 – …" (a PDF's)
            )
            and lines[k].no == title_ends + 1
            and not ITEM.match(text)
            and not LEAD.match(text)
            and not DESCRIPTION_OPENING.match(text)
            and not EXEMPT_PARAGRAPH.search(text)
            and _section(text) is None
            and not text.endswith(".")
            and len(text) <= 80
        ):
            # the subject wrapped in its column (a spaced layout, or under "7.    Title …   (Pages 24 - 25)"): the next
            # line of the item's paragraph ("… Annual Progress" / "Report 2002/03")
            current.title = f"{current.title} {' '.join(text.split())}".strip()
            if current.pages is None and (paged := TRAILING_PAGES.search(current.title)):  # its pages on its last line
                current.title, current.pages = current.title[: paged.start()], page_range(paged.group("pages"))
            title_ends = lines[k].no
            report.warn(
                source.name,
                lines[k].no,
                f"joined '{text[:60]}' to the title of item {current.number} (its subject wrapped in the agenda's "
                "column): check the title",
                "correct the item's title in meeting.md if the line was not part of it",
            )
        elif (
            in_table
            and "\t" not in lines[k].text
            and not (current and LEAD.match(text) and not current.lead)
            and not (current and EXEMPT_PARAGRAPH.search(text))
            and not _next_in_sequence(text, current or (agenda.items[-1] if agenda.items else None))
            # a spaced agenda ("3.    Minutes …    5 - 14"): an indented line under the item is its description
            and not (current is not None and re.match(r"^ {3,}\S", lines[k].text) and not ITEM.match(text))
            and not (current is not None and _row_follows(lines, k, agenda, columns))
        ):
            break
        elif (again := ITEM.match(text)) and again.group("number") == "1" and len(agenda.items) > 1:
            break  # the numbers start again ("NOTES" / "1.  Webcasting – …"): the agenda has ended
        elif match := ITEM.match(text) or (BARE_ITEM.match(text) if _bare_item(text, agenda) else None):
            title, pages = match.group("title").strip(" ."), match.group("pages")
            trailing = TRAILING_PAGES.search(title) if not pages else None
            # "7. Title (Pages 45 - 52) Paragraph 14 of …": the line under the item joined to it
            inner = MID_PAGES.search(title) if not pages and not trailing else None
            after = ""
            if inner:
                title, pages, after = title[: inner.start()].strip(" ."), inner.group("pages"), inner.group("after")
            if trailing:
                title, pages = title[: trailing.start()].strip(" ."), trailing.group("pages")
            elif not pages and (between := pages_between(title, agenda.items)):  # "… by the 17 - 22 Executive …"
                title, pages = between
            note = PAPER_NOTE.search(title)
            if note:
                title = title[: note.start()].strip(" .")
                paged = re.search(r"\s*\((?P<pages>Pages?\s*[^)]*)\)$", title, re.I)  # "(Pages 1 - 6) (copy enclosed)"
                if paged and pages is None:
                    title, pages = title[: paged.start()].strip(" ."), paged.group("pages")
            if current is not None and not private and excludes_public(f"{current.title} {current.description}"):
                private = True  # the item before excluded the press and public
                excluded_by = current
            referenced = REPORT_REF.search(title)
            if referenced:
                title = title[: referenced.start()].strip(" .")
            current = AgendaItem(match.group("number"), title, lines[k].no, pages=page_range(pages), private=private)
            if note:
                current.description = note.group(0).strip(" ()")
            if referenced:
                current.description = f"{referenced.group('ref')} {current.description}".strip()
            if after:
                current.description = f"{current.description} {after}".strip()
                if private and (cited := EXEMPT_PARAGRAPH.search(after)):
                    current.exempt_paragraph = int(cited.group(1))
            if private and excluded_by is not None and excluded_by.exempt_paragraph_cited:
                current.exempt_paragraph = excluded_by.exempt_paragraph_cited
            elif private and section_paragraph is not None:
                current.exempt_paragraph = section_paragraph
            if layout is not None:
                columns_of(current, layout)
            numbered_at = re.match(r"\s*\S+\s+", lines[k].text)  # "7.    Title": the title's column
            title_ends, title_column = lines[k].no, numbered_at.end() if numbered_at else -1
            agenda.items.append(current)
        elif current and PAGES.match(text) and current.pages is None:
            current.pages = page_range(text)
        elif current and (sub_item := SUB_ITEM.match(text)):
            current.parts.append((f"{current.number}{sub_item.group('letter')}", sub_item.group("title").strip()))
        elif current and LEAD.match(text) and not current.lead:
            current.lead = text
            paragraph = EXEMPT_PARAGRAPH.search(text)
            if paragraph and current.private:
                current.exempt_paragraph = int(paragraph.group(1))
                current.lead = re.sub(r"\s*\((?:[^()]*\bexempt\b[^()]*)\)\s*$", "", text, flags=re.I).strip()
        elif current and under is not None:
            describe(current, text)
        elif (
            is_date_line(text)
            or NEXT_MEETING.match(text)  # "Date of next meeting: …" under the last item is not its description
            or (k + 1 < len(lines) and is_date_line(_t(lines[k + 1])) and "," in text)
            or _signature(lines, k)
        ):
            break
        elif current and names_private_item(text, agenda):
            pass
        elif current:
            describe(current, text)
        else:
            report.warn(
                source.name,
                lines[k].no,
                f"'{text[:60]}' on the agenda was left out: it is not an item",
                "check the agenda",
            )
        k += 1
    headings_of_items(agenda.items, source, report)
    for item in agenda.items:
        if item.private and EXCLUSION_ITEM.search(item.title):
            # the motion to exclude the press and public is moved in public, whichever part prints it
            item.private, item.exempt_paragraph = False, None
        if item.private and item.exempt_paragraph is None:
            item.exempt_paragraph = "not stated"
            report.warn(
                source.name,
                item.line,
                f"private item {item.number} does not say which paragraph of the law "
                "on exempt information makes it exempt; written as 'exempt_paragraph: not stated'",
                "write the paragraph in meeting.md if it is known",
            )
    return k


def _read_tail(lines: list[Line], agenda: Agenda, notes_before: list[str], source: Source, report: Report) -> None:
    paragraphs: list[str] = []
    k = 0
    dated = next((j for j in range(min(len(lines), 5)) if is_date_line(_t(lines[j]))), None)
    if dated is None:  # "Date of publication: 6 March 2024" under the name and post
        labelled = next((j for j in range(min(len(lines), 5)) if PUBLISHED_LINE.match(_t(lines[j]))), None)
        if labelled is not None and find_date(_t(lines[labelled]))[0] and agenda.published is None:
            agenda.published = find_date(_t(lines[labelled]))[0]
            if labelled >= 1:
                agenda.published_by = ", ".join(_t(line) for line in lines[: min(labelled, 2)])
            lines = lines[labelled + 1 :]
    if dated is not None and all(len(_t(line)) <= 90 and not _t(line).endswith(".") for line in lines[:dated]):
        if dated == 1:
            by = _t(lines[0])
            parts = [p.strip() for p in by.split(",")]
            agenda.published_by = ", ".join(parts[:-1]) if len(parts) >= 3 else by
        elif dated > 1:
            agenda.published_by = ", ".join(_t(line) for line in lines[: min(dated, 2)])
        agenda.published = find_date(_t(lines[dated]))[0]
        k = dated + 1
    following: list[tuple[str, Line | None]] = [(text, None) for text in notes_before]
    for text, line in [*following, *((_t(line), line) for line in lines[k:])]:
        if line is not None and re.match(r"^membership\s*:", text, re.I):
            membership(text, line, agenda, source, report)
            continue
        if paragraphs and wrapped_on(paragraphs[-1], text):
            paragraphs[-1] += " " + text
        else:
            paragraphs.append(text)
    text = "\n".join(paragraphs)
    contact = CONTACT.search(" ".join(text.split()))
    if contact:
        name = contact.group("name")
        agenda.contact = {"name": name, "role": contact.group("role").strip(), "phone": contact.group("phone").strip()}
        local = ".".join(name.lower().split())
        email = next((e for e in EMAIL.findall(text) if e.lower().startswith(local)), None)
        if email:
            agenda.contact["email"] = email
    agenda.public_access = public_access(paragraphs)
