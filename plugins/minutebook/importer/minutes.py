"""Minutes: header, attendance, numbered minutes with their text, declarations, closing time.

    Minutes of the Meeting of <committee> held at 2.00 pm on Thursday, 6 April 2017
    Present: … (see :mod:`.attendance`)
    Public Business
    71. Declarations of Interests
    Councillor M Lapsa declared a disclosable pecuniary interest in the matter referred to in minute 75 …
    73. Health Visiting and Early Help
    … RESOLVED that the Scrutiny Board / - 1) Note …
    (Meeting closed at 4.00 pm)

A minute heading is a paragraph of its own, "N. Title", where N follows the minute before (a
numbered list inside a minute, "1. Note the refreshed draft…", does not continue the sequence).
"Private Business" marks the minutes after it as private.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from minutebook.importer.attendance import AttendanceReader
from minutebook.importer.body import BodyReader
from minutebook.importer.dates import find_date, parse_time
from minutebook.importer.report import Report
from minutebook.importer.source import Line, Source
from minutebook.importer.split import CLOSED, MINUTES_HEAD, Part
from minutebook.importer.textutil import plain, similarity

HEADING = re.compile(r"^(?P<number>\d{1,3})\.\s+(?P<title>\S.{0,160})$")
DECLARED = re.compile(r"(?P<name>(?:(?:Councillor|Cllr|Mrs|Mr|Ms|Miss|Dr)\s+)?(?:[A-Z]\.?\s+)*[A-Z][\w'’-]+)\s+declared\s+"
                      r"(?:an?\s+)?(?P<interest>[\w -]*?interest)\b(?P<rest>[^.]*)\.?", re.S)
APPROVED = re.compile(r"minutes of the meetings? held on (?P<dates>.+?) (?:were|was) (?:approved|agreed|confirmed)"
                      r"(?P<subject>,? subject to .*)?", re.I | re.S)


@dataclass
class MinuteText:
    number: int
    title: str
    body: str
    line: int
    private: bool = False
    exempt_paragraph: int | None = None
    part_titles: list[str] = field(default_factory=list)


@dataclass
class MinutesDoc:
    committee: str
    date: dt.date
    line: int
    start: str | None = None
    note: str = ""
    attendance: dict = field(default_factory=dict)
    declarations: list[dict] = field(default_factory=list)
    minutes: list[MinuteText] = field(default_factory=list)
    closed: str | None = None
    approves: list[tuple[dt.date, str, int]] = field(default_factory=list)  # (date, amendment, line)
    hint: str = ""


def _t(line: Line) -> str:
    return plain(line.text)


def _header(lines: list[Line]):
    for i, line in enumerate(lines):
        match = MINUTES_HEAD.match(_t(line))
        if not match:
            continue
        committee = re.sub(r"\s+held\b.*$", "", match.group("committee"), flags=re.I).strip(" ,")
        window = " ".join(_t(l) for l in lines[i:i + 6] if l.text.strip())
        held = re.search(r"\bheld\b(.*)", window, re.I)
        text = held.group(1) if held else window
        return committee, find_date(text)[0], parse_time(text), i
    return None, None, None, None


def _is_heading(lines: list[Line], i: int, expected: int | None) -> tuple[int, str] | None:
    match = HEADING.match(_t(lines[i]))
    if not match:
        return None
    number, title = int(match.group("number")), match.group("title").strip()
    if expected is not None and not (expected <= number <= expected + 2):
        return None
    if title.endswith((".", ";", ",")) and not title.endswith("etc."):
        return None
    before = lines[i - 1].text.strip() if i > 0 else ""
    after = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
    if (before and not lines[i].heading) or (after and not lines[i].heading and HEADING.match(plain(after))):
        return None
    return number, title.rstrip(":")


def read_minutes(part: Part, source: Source, report: Report, people) -> MinutesDoc | None:
    lines = part.lines
    committee, day, start, head_at = _header(lines)
    if day is None:
        report.error(source.name, part.line, "the minutes' date cannot be read from 'held at … on …'",
                     "check the heading of the minutes")
        return None
    doc = MinutesDoc(committee=committee, date=day, line=lines[head_at].no, start=start, hint=part.hint)
    present_at = next((i for i in range(head_at, len(lines)) if re.match(r"^present\s*:", _t(lines[i]), re.I)), None)
    for line in lines[head_at + 1:present_at or head_at + 1]:
        note = re.match(r"^note\s*:\s*(.+)$", _t(line), re.I)
        if note:
            doc.note = note.group(1)
    body_start = present_at if present_at is not None else head_at + 1
    first = None
    private = False
    for i in range(body_start, len(lines)):
        text = _t(lines[i]).lower()
        if text in ("public business", "private business") or _is_heading(lines, i, None):
            first = i
            break
    if first is None:
        report.error(source.name, part.line, "no numbered minute found in these minutes", "check the minutes")
        return None
    if present_at is not None:
        doc.attendance = AttendanceReader(source.name, report, people).read(lines[present_at:first])
    sections: list[tuple[MinuteText, list[Line]]] = []
    expected = None
    for i in range(first, len(lines)):
        line = lines[i]
        text = _t(line)
        low = text.lower()
        if low == "public business":
            private = False
            continue
        if low == "private business":
            private = True
            continue
        if CLOSED.match(text):
            doc.closed = parse_time(text)
            break
        heading = _is_heading(lines, i, expected)
        if heading:
            number, title = heading
            if expected is not None and number != expected:
                report.warn(source.name, line.no, f"minute {number} follows minute {expected - 1}: "
                            f"no minute {expected} in the minutes", "check the numbering")
            minute = MinuteText(number, title, "", line.no, private=private)
            sections.append((minute, []))
            expected = number + 1
            continue
        if sections:
            sections[-1][1].append(line)
    for minute, body in sections:
        reader = BodyReader(source, report, minutes=True)
        minute.body = reader.markdown(body)
        minute.part_titles = re.findall(r"^### \([a-z]\) (.+)$", minute.body, re.M)
        if minute.private:
            paragraph = re.search(r"paragraph\s+([1-7])\b", minute.body, re.I)
            minute.exempt_paragraph = int(paragraph.group(1)) if paragraph else None
        doc.minutes.append(minute)
    _declarations(doc, source, report, people)
    _approvals(doc)
    return doc


def _declarations(doc: MinutesDoc, source: Source, report: Report, people) -> None:
    for minute in doc.minutes:
        if "declaration" not in minute.title.lower():
            continue
        for paragraph in minute.body.split("\n\n"):
            for match in DECLARED.finditer(paragraph):
                name = re.sub(r"^(?:Councillor|Cllr)\s+", "", match.group("name"))
                interest = " ".join(match.group("interest").split())
                entry = {"name": name, "interest": interest if interest.lower() != "interest" else "interest"}
                sentence = match.group(0)
                cited = re.search(r"\bminute\s+(\d{1,3})\b", sentence, re.I)
                if cited:
                    entry["minute"] = int(cited.group(1))
                else:
                    about = re.search(r"\b(?:in|on) the (?:item|matter|report)\s+(?:regarding|on|about|headed|of)\s+"
                                      r"(?:the\s+)?(?P<what>.+?)(?:\s+(?:as|because|since|which|where|when)\b|[,.]|$)",
                                      sentence, re.I)
                    match_minute = _minute_about(doc, about.group("what")) if about else None
                    if match_minute:
                        entry["minute"] = match_minute.number
                        report.warn(source.name, minute.line, f"the declaration of {name} names no minute; joined "
                                    f"to minute {match_minute.number} ('{match_minute.title}') by its subject",
                                    "check the minute of the declaration")
                    else:
                        report.warn(source.name, minute.line, f"the declaration of {name} names no minute that could "
                                    "be found", "add minute: N to the declaration")
                after = paragraph[match.end():].strip()
                if after:
                    entry["text"] = after
                doc.declarations.append(entry)
                people.add(name, source.name, minute.line, relevant=True)


def _minute_about(doc: MinutesDoc, what: str):
    best, score = None, 0.0
    for minute in doc.minutes:
        for title in [minute.title, *minute.part_titles]:
            value = similarity(what, title)
            if value > score:
                best, score = minute, value
    return best if score >= 0.75 else None


def _approvals(doc: MinutesDoc) -> None:
    for minute in doc.minutes:
        if not re.search(r"\bminutes?\b", minute.title, re.I):
            continue
        for match in APPROVED.finditer(" ".join(minute.body.split())):
            subject = (match.group("subject") or "").strip(" ,")
            amendment = re.sub(r"^subject to\s*", "", subject, flags=re.I).strip(" :") if subject else ""
            rest = match.group("dates")
            for date_match in re.finditer(r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?\s+\d{4}", rest):
                day = find_date(date_match.group(0))[0]
                if day:
                    doc.approves.append((day, amendment, minute.line))

