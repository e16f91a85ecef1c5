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

from minutebook.model import ROLES
from minutebook.importer.dates import find_date, is_date_line, parse_time
from minutebook.importer.people import split_names
from minutebook.importer.report import Report
from minutebook.importer.source import Line, Source
from minutebook.importer.split import Part
from minutebook.importer.textutil import ends_sentence, plain

ITEM = re.compile(r"^(?P<number>\d{1,2})\.\s+(?P<title>.+?)\s*(?:\((?P<pages>Pages?\s*[^)]*)\))?\s*$")
PAGES = re.compile(r"^\(?Pages?\s*(?P<from>\d+)(?:\s*[-–]\s*(?P<to>\d+))?\)?$", re.I)
SUB_ITEM = re.compile(r"^[-–•]?\s*\(?(?P<letter>[a-z])\)\s+(?P<title>.+)$")
LEAD = re.compile(r"^(?:joint\s+)?(?:report|briefing note|briefing paper|note|presentation|verbal (?:report|update)|"
                  r"update)\s+(?:of|from|by)\b", re.I)
EXEMPT = re.compile(r"paragraph\s+(?P<n>[1-7])\b", re.I)
CONTACT = re.compile(r"person to contact about the agenda.*?\bis\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+),\s*"
                     r"(?P<role>[^,]+),.*?telephone\s+(?P<phone>[\d() ]*\d)", re.I | re.S)
EMAIL = re.compile(r"[\w.'’-]+@[\w-]+(?:\.[\w-]+)+")


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
    exempt_paragraph: int | None = None
    slug: str = ""


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


def _pages(text: str | None) -> str | None:
    match = PAGES.match(text.strip()) if text else None
    if not match:
        return None
    return f"{match.group('from')}-{match.group('to')}" if match.group("to") else match.group("from")


def read_front_sheet(part: Part, source: Source, report: Report) -> Agenda | None:
    lines = [l for l in part.lines if l.text.strip()]
    if not lines:
        return None
    committee = _t(lines[0])
    index = {_t(l).lower().rstrip(":"): k for k, l in reversed(list(enumerate(lines)))}
    when_at = index.get("time and date")
    if when_at is None or when_at + 1 >= len(lines):
        report.error(source.name, part.line, "the front sheet has no time and date", "check the front sheet")
        return None
    when = _t(lines[when_at + 1])
    day = find_date(when)[0]
    if day is None:
        report.error(source.name, lines[when_at + 1].no, f"the front sheet's date '{when}' cannot be read",
                     "check the line after 'Time and Date'")
        return None
    agenda = Agenda(committee=committee, date=day, line=lines[0].no, start=parse_time(when))
    if agenda.start is None:
        report.warn(source.name, lines[when_at + 1].no, f"no start time in '{when}'", "add start: \"HH:MM\"")
    k = when_at + 2
    notes_before: list[str] = []
    if k < len(lines) and _t(lines[k]).lower().rstrip(":") == "place" and k + 1 < len(lines):
        agenda.place = _t(lines[k + 1])
        k += 2
    while k < len(lines) and not re.match(r"^(?:public|private) business\b", _t(lines[k]), re.I):
        notes_before.append(_t(lines[k]))
        k += 1
    k = _read_items(lines, k, agenda, source, report)
    _read_tail(lines[k:], agenda, notes_before, source, report)
    return agenda


def _read_items(lines: list[Line], k: int, agenda: Agenda, source: Source, report: Report) -> int:
    private = False
    current: AgendaItem | None = None
    while k < len(lines):
        text = _t(lines[k])
        low = text.lower()
        if low.startswith("public business"):
            private, current = False, None
        elif low.startswith("private business"):
            private, current = True, None
        elif low in ("nil", "none"):
            pass
        elif ITEM.match(text):
            match = ITEM.match(text)
            current = AgendaItem(match.group("number"), match.group("title").strip(" ."), lines[k].no,
                                 pages=_pages(match.group("pages")), private=private)
            agenda.items.append(current)
        elif current and PAGES.match(text) and current.pages is None:
            current.pages = _pages(text)
        elif current and SUB_ITEM.match(text):
            match = SUB_ITEM.match(text)
            current.parts.append((f"{current.number}{match.group('letter')}", match.group("title").strip()))
        elif current and LEAD.match(text) and not current.lead:
            current.lead = text
        elif is_date_line(text) or (k + 1 < len(lines) and is_date_line(_t(lines[k + 1])) and "," in text):
            break
        elif current:
            current.description = f"{current.description} {text}".strip()
            paragraph = EXEMPT.search(text)
            if paragraph and current.private:
                current.exempt_paragraph = int(paragraph.group("n"))
        else:
            report.warn(source.name, lines[k].no, f"'{text[:60]}' on the agenda was left out: it is not an item",
                        "check the agenda")
        k += 1
    for item in agenda.items:
        if item.private and item.exempt_paragraph is None:
            report.warn(source.name, item.line, f"private item {item.number} does not say which paragraph of "
                        "Schedule 12A makes it exempt", "add exempt_paragraph: N (1-7) in meeting.md")
    return k


def _read_tail(lines: list[Line], agenda: Agenda, notes_before: list[str], source: Source, report: Report) -> None:
    paragraphs: list[str] = list(notes_before)
    k = 0
    if k < len(lines) and not is_date_line(_t(lines[k])):
        by = _t(lines[k])
        parts = [p.strip() for p in by.split(",")]
        agenda.published_by = ", ".join(parts[:-1]) if len(parts) >= 3 else by
        k += 1
    if k < len(lines) and is_date_line(_t(lines[k])):
        agenda.published = find_date(_t(lines[k]))[0]
        k += 1
    else:
        agenda.published_by = ""
        k = 0
    for line in lines[k:]:
        text = _t(line)
        if re.match(r"^membership\s*:", text, re.I):
            names, problems = split_names(re.sub(r"^membership\s*:\s*", "", text, flags=re.I), allow_bare=True)
            agenda.membership = [(name, role) for name, role, _ in names]
            agenda.membership_printed = [raw for _, _, raw in names]
            for problem in problems:
                report.warn(source.name, line.no, f"could not read '{problem}' in the membership as a name",
                            "add the member to committee.md by hand")
            for name, role, _ in names:
                if role and role not in ROLES:
                    report.warn(source.name, line.no, f"the role '{role}' of {name} is not one the format "
                                f"knows ({', '.join(ROLES)}); left out", "add it by hand if it matters")
            continue
        if paragraphs and not ends_sentence(paragraphs[-1]) and text[:1].islower() \
                and not re.match(r"^[\w-]+:", text):
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
    agenda.public_access = _public_access(paragraphs)


def _public_access(paragraphs: list[str]) -> str:
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
