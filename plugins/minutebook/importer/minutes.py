"""Minutes: header (:mod:`.minutehead`), attendance, numbered minutes with their text, declarations, closing time.

    Minutes of the Meeting of <committee> held at 2.00 pm on Thursday, 6 April 2017
    Present: … (see :mod:`.attendance`)
    Public Business
    71. Declarations of Interests
    Councillor M Lapsa declared a disclosable pecuniary interest in the matter referred to in minute 75 …
    73. Health Visiting and Early Help
    … RESOLVED that the Scrutiny Board / - 1) Note …
    (Meeting closed at 4.00 pm)

A minute heading is a paragraph of its own, "N. Title", "CAB/22/017 Title", "PC.45/22 TITLE" or
"Min. No. 2023/045 TITLE" (:mod:`.numbering`), where N follows the minute before (a numbered list
inside a minute, "1. Note the refreshed draft…", does not continue the sequence). "Private
Business", or a minute excluding the press and public, marks the minutes after it as private (with
the paragraph the exclusion gives, or "not stated"). Apologies and substitutes given as a minute of
their own ("Apologies were received from Councillor X. Councillor Y attended as a substitute for
Councillor X.") join the attendance.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from minutebook.importer.attendance import AttendanceReader
from minutebook.importer.bilingual import halves
from minutebook.importer.body import BodyReader
from minutebook.importer.dates import find_date, parse_time
from minutebook.importer.fallbacks import dated_line, numbered_run, without_date
from minutebook.importer.minutehead import attendance_table_at, header, labelled_place, starts_attendance
from minutebook.importer.numbering import BRACKETED, CITED, join_headings, read_number
from minutebook.importer.numbering import HEADING as NUMBERED
from minutebook.importer.numbering import numbers_year as read_numbers_year
from minutebook.importer.outcomes import (
    header_notice,
    read_application,
    read_decision,
    read_motions,
    read_votes,
)
from minutebook.importer.place import place_below_date
from minutebook.importer.questions import read_questions
from minutebook.importer.report import Report
from minutebook.importer.source import Line, Source
from minutebook.importer.split import CLOSED, Part
from minutebook.importer.textutil import EXEMPT_PARAGRAPH, committee_kind, from_capitals, plain, similarity
from minutebook.link.checks import CheckSettings, WorkingDays
from minutebook.load.council import Council
from minutebook.model import municipal_year

# "The Committee … excluded the public from the meeting during consideration of the following item …" (under
# a title such as "Resolution to Consider in Private"): the minutes after it are private
EXCLUDED_FOR = re.compile(
    r"(?:\bexclu\w*\b[^.]{0,60}\b(?:press|public)\b|\b(?:press|public)\b[^.]{0,40}\bexclu\w*)[^.]{0,120}"
    r"\b(?:following|remaining|next)\s+items?\b",
    re.I | re.S,
)


def _excludes(title: str, body: list[Line]) -> bool:
    """Whether a minute excludes the press and public from the minutes after it: by its title, or by its
    resolution to exclude them for the following item."""
    return bool(EXCLUSION.search(title) or EXCLUDED_FOR.search(" ".join(_t(line) for line in body)))


EXCLUSION = re.compile(r"\bexclusion of (?:the )?(?:press|public)|\bexclude(?:d)? the (?:press|public)", re.I)
PLACE = re.compile(
    r"\bheld\s+(?:at|in)\s+(?P<place>(?!\d{1,2}[.:]\d{2}|\d{1,2}\s*[ap]\.?m).+?)"
    r"(?=\s+on\s+(?:\w+day,?\s+)?\d|\s*,?\s+at\s+\d|$)",
    re.I,
)
# a heading's mark of a private minute: "(In Confidence)", "(Exempt)", "- Confidential", "(Private)", and with
# the paragraph: "(Exempt – Paragraph 1)"
PRIVATE_MARK = re.compile(
    r"\s*(?:\(\s*(?:in confidence|exempt(?: information)?|confidential|private|not for publication)"
    r"(?:\s*[-–—:,]\s*|\s+under\s+)?(?:paragraphs?\s+\d{1,2})?\s*\)"
    r"|\s[-–]\s*(?:in confidence|confidential|exempt)"
    r"|\s*\(\s*paragraphs?\s+\d{1,2}\s*\))\s*$",  # "… IMPLEMENTATION (Paragraph 1)": the exempt paragraph cited
    re.I,
)
# a minute whose first line says it is exempt: "Exempt under paragraph 13 of Part 4 of Schedule 12A …",
# "(Exempt information – paragraph 3)", "Not for publication by virtue of paragraph 1 …"
EXEMPT_OPENING = re.compile(
    r"^\W*(?:this\s+(?:item|minute)\s+(?:is|was)\s+)?(?:exempt|not\s+for\s+publication|confidential|eithriedig|cyfrinachol)\b",
    re.I,
)
PLACE_AFTER = re.compile(r"(?<![A-Za-z])(?:[ap]\.?m\.?|noon),?\s+(?:at|in)\s+(?P<place>.+?)\.?$", re.I)
# "Apologies for absence were received from …", "An apology was submitted on behalf of …",
# "Apologies for inability to attend were recorded for …"
APOLOGIES_SENTENCE = re.compile(
    r"\b(?:apologies|an\s+apology)(?:\s+for\s+(?:absence|non-attendance|inability\s+to\s+attend))?\s+"
    r"(?:were|was|had\s+been)\s+(?:received|submitted|intimated|given|recorded|noted|tendered|reported)\s+"
    r"(?:from|on\s+behalf\s+of|for|by)\s+(?P<names>(?:[^.]|(?<=\b[A-Z])\.)+)",
    re.I,
)
SUBSTITUTE_SENTENCE = re.compile(
    r"(?P<who>(?:Councillor|Cllr)\.?\s+(?:[A-Z]\.\s*)*[^.,;]+?)\s+(?:attended|was present|substituted)?\s*"
    r"(?:as\s+(?:a|the)\s+)?substitute\s+for\s+(?P<for>(?:Councillor|Cllr)\.?\s+(?:[A-Z]\.\s*)*[^.,;]+)",
    re.I,
)
DECLARED = re.compile(
    r"(?P<name>(?:(?:Councillor|Cllr|Mrs|Mr|Ms|Miss|Dr|Bailie|Provost)\s+)?(?:[A-Z]\.?\s+)*"
    r"[A-Z][\w'’-]+)\s+declared\s+(?:an?\s+)?(?P<interest>[\w -]*?interest)\b"
    r"(?P<rest>(?:[^.]|\.(?=\S)|(?<=\bMin)\.\s|(?<=\bNo)\.\s)*)\.?",
    re.S,
)
APPROVED = re.compile(
    r"minutes? of the meetings? held on (?P<dates>.+?) (?:were|was) (?:approved|agreed|confirmed)"
    r"(?P<subject>,? subject to .*)?",
    re.I | re.S,
)


@dataclass
class MinuteText:
    number: int
    title: str
    body: str
    line: int
    private: bool = False
    exempt_paragraph: int | str | None = None
    part_titles: list[str] = field(default_factory=list)
    printed: str = ""  # the number as printed: "CAB/22/017" ("" for a bare number)
    votes: list[dict] = field(default_factory=list)  # recorded votes (:mod:`.outcomes`)
    motions: list[dict] = field(default_factory=list)  # motions with mover and seconder (full council)
    questions: list[dict] = field(default_factory=list)  # questions asked and answered (full council)
    application: dict | None = None  # a planning application decided under it
    decision: dict | None = None  # an executive decision's key decision flag and forward plan reference


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
    place: str = ""
    year: int | None = None  # the municipal year, for printed numbers
    notice: dict = field(default_factory=dict)  # the decision notice's dates printed above the minutes


def _t(line: Line) -> str:
    return plain(line.text)


def _place(text: str) -> str:
    """'held at the Town Hall, Northfold on Monday…' / '… at 10.00 am in the Council Chamber' → the place."""
    match = PLACE.search(text) or PLACE_AFTER.search(text)
    if not match:
        return ""
    printed = match.group("place").strip(" ,.")
    if printed.startswith("The ") and not printed.isupper():
        place = from_capitals(printed)  # "held at The Forum": the article is the name's own
    else:
        place = re.sub(r"^the\s+", "", from_capitals(printed), flags=re.I)  # "held in the Council Chamber"
    return place[:1].upper() + place[1:] if len(place) <= 120 else ""


def _closing_time(text: str) -> str | None:
    """'held … 6.30 - 8.45 pm': the time after the dash; None without a range."""
    match = re.search(
        r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:-|–|to)\s*(?P<end>\d{1,2}(?:[.:]\d{2})?\s*"
        r"(?:[ap]\.?m\b\.?|noon))",
        text,
        re.I,
    )
    # a range in the 24-hour clock, "Time: 10:00 - 12:05" (both ends with their minutes, no am/pm)
    match = match or re.search(r"\b\d{1,2}:\d{2}\s*(?:-|–|to)\s*(?P<end>\d{1,2}:\d{2})\b(?!\s*[ap]\.?m)", text, re.I)
    return parse_time(match.group("end")) if match else None


def _is_heading(lines: list[Line], i: int, expected: int | None, year: int | None = None):
    """(number, title, number as printed) of a minute heading at line i, or None."""
    text = _t(lines[i]).replace("**", "").strip()
    bracketed = BRACKETED.match(text)
    if bracketed:  # "(48)  Minutes" on a line of its own, never the "(1)  That …" of a list of resolutions
        rest = text[bracketed.end() :]
        if (i + 1 < len(lines) and lines[i + 1].text.strip()) or re.match(r"(?i)that\b", rest):
            return None
        text = f"{bracketed.group('number')} {rest}"
    match = NUMBERED.match(text)
    if not match:
        return None
    printed = match.group("printed")
    number, title = read_number(printed, year), match.group("title").strip()
    if number is None or number == 0:
        return None
    if expected is not None and not (expected <= number <= expected + 2):
        return None
    if title.endswith((".", ";", ",")) and not title.endswith("etc."):
        return None
    before = lines[i - 1].text.strip() if i > 0 else ""
    after = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
    if (before and not lines[i].heading) or (after and not lines[i].heading and NUMBERED.match(plain(after))):
        return None
    if title[:1].islower() or re.match(r"^(?:pm|am|p\.m|a\.m)\b", title, re.I):
        return None
    return number, title.rstrip(":"), "" if printed.isdigit() else printed


# the report a minute considered, cited after its title: "BUS SUBSIDY CONTRACTS (Report No. HT/03/17)"
REPORT_REFERENCE = re.compile(
    r"\s*\((?:report|paper|ref(?:erence)?\.?)\s+(?:no\.?\s*|number\s+)?[A-Z]{0,6}[/.-]?\d[\w/.-]*\)$", re.I
)


def read_minutes(
    part: Part, source: Source, report: Report, people, council: Council | None = None
) -> MinutesDoc | None:
    """The minutes of ``part``; ``council`` (an existing council.yml) gives the municipal year's start,
    the nation's bank holidays and the call-in period."""
    council = council or Council()
    lines = join_headings(part.lines)
    committee, day, start, head_at = header(lines)
    if day is None:
        at = head_at or 0
        dated = dated_line(lines[at:])
        if dated is None:
            report.error(
                source.name,
                part.line,
                "the minutes' date cannot be read from 'held at … on …'",
                "check the heading of the minutes",
            )
            return None
        k, day, start = dated[0] + at, dated[1], start or dated[2]
        committee = without_date(committee or next((_t(line) for line in lines if line.text.strip()), ""))
        head_at = at if head_at is not None else k
        report.warn(
            source.name,
            lines[k].no,
            f"the heading of these minutes is not in a layout the import knows: their date is taken from "
            f"'{_t(lines[k])[:80]}' and their committee from '{committee[:60]}'",
            "check the committee, date and time in minutes.md",
        )
    doc = MinutesDoc(committee=committee, date=day, line=lines[head_at].no, start=start, hint=part.hint)
    # the heading's lines, up to the attendance's label ("Members present:" is not part of the place)
    head_lines: list[str] = []
    for line in lines[head_at : head_at + 4]:
        if head_lines and starts_attendance(_t(line)):
            break
        if line.text.strip():
            head_lines.append(_t(line))
    window = " ".join(head_lines)
    window = window[: window.lower().find("present")] if "present" in window.lower() else window
    below = [_t(line) for line in lines[head_at : head_at + 10] if line.text.strip()][:6]
    doc.place = _place(window) or labelled_place(lines, head_at) or place_below_date(below, starts_attendance)
    range_end = _closing_time(window)
    doc.year = municipal_year(day, council.year_starts)
    numbers_year = read_numbers_year([_t(line).replace("**", "").strip() for line in lines], day.year, doc.year)
    present_at = next((i for i in range(head_at, len(lines)) if starts_attendance(_t(lines[i]))), None)
    if (table := attendance_table_at(lines, head_at)) is not None and (present_at is None or table < present_at):
        present_at = table  # "Members | Organisation | Role" under the heading, with no "Present" above it
    for line in lines[head_at + 1 : present_at or head_at + 1]:
        note = re.match(r"^note\s*:\s*(.+)$", _t(line), re.I)
        if note:
            doc.note = note.group(1)
    body_start = present_at if present_at is not None else head_at + 1
    first = None
    private = False
    for i in range(body_start, len(lines)):
        text = _t(lines[i]).lower()
        if text in ("public business", "private business") or _is_heading(lines, i, None, numbers_year):
            first = i
            break
    relaxed: dict[int, tuple[int, str]] = {}
    if first is None and (run := numbered_run(lines, body_start)):
        # no heading in a known shape: any run of consecutively numbered short lines is the minutes' headings
        relaxed = {k: (number, title) for k, number, title in run}
        first = run[0][0]
        report.warn(
            source.name,
            lines[first].no,
            f"no minute heading in a known shape: the {len(run)} numbered lines from '{_t(lines[first])[:60]}' "
            "were read as the minutes' headings",
            "check the minute numbers and titles in minutes.md",
        )
    if first is None:
        report.error(source.name, part.line, "no numbered minute found in these minutes", "check the minutes")
        return None
    if present_at is not None:
        attending = [line for line in lines[present_at:first] if not header_notice([line])]
        doc.attendance = AttendanceReader(source.name, report, people).read(attending)
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
        closing = next((half for half in halves(text) if CLOSED.match(half)), None)
        if closing:
            # "The meeting commenced at 7.00 pm and concluded at 8.52 pm.": the start too, where the heading has none
            began = re.search(r"\b(?:commenced|started|began)\s+at\s+(.+?)\s+and\s+\w+\s+at\b(.*)$", closing, re.I)
            doc.closed = parse_time(began.group(2)) if began else parse_time(closing)
            doc.start = doc.start or (parse_time(began.group(1)) if began else None)
            break
        if relaxed:  # the headings are the numbered run's lines, and no others
            heading = (*relaxed[i], "") if i in relaxed else None
        else:
            heading = _is_heading(lines, i, expected, numbers_year)
        if heading:
            number, title, printed = heading
            # "BUS SUBSIDY CONTRACTS (Report No. HT/03/17)": the report's reference opens the minute's text
            reference = REPORT_REFERENCE.search(title)
            title = title[: reference.start()] if reference and reference.start() else title
            if expected is not None and number != expected:
                report.warn(
                    source.name,
                    line.no,
                    f"minute {number} follows minute {expected - 1}: no minute {expected} in the minutes",
                    "check the numbering",
                )
            if sections and _excludes(sections[-1][0].title, sections[-1][1]):
                private = True
                excluded = " ".join(_t(line) for line in sections[-1][1])
                paragraph = EXEMPT_PARAGRAPH.search(excluded)
                exclusion_paragraph = int(paragraph.group(1)) if paragraph else "not stated"
            marked = PRIVATE_MARK.search(title)  # "TENDER FOR … (IN CONFIDENCE)": a private minute
            if marked:
                title, private = title[: marked.start()].rstrip(" -–"), True
            minute = MinuteText(number, title, "", line.no, private=private, printed=printed)
            if marked and (cited := EXEMPT_PARAGRAPH.search(marked.group(0))):
                minute.exempt_paragraph = int(cited.group(1))
            elif private and sections and _excludes(sections[-1][0].title, sections[-1][1]):
                minute.exempt_paragraph = exclusion_paragraph
            elif private and sections and sections[-1][0].private and sections[-1][0].exempt_paragraph:
                minute.exempt_paragraph = sections[-1][0].exempt_paragraph
            sections.append((minute, [Line(line.no, reference.group(0).strip())] if reference else []))
            expected = number + 1
            continue
        if sections:
            sections[-1][1].append(line)
    doc.notice = header_notice(lines[head_at:first])
    for minute, body in sections:
        first_text = next((_t(line) for line in body if line.text.strip()), "")
        exempt = EXEMPT_OPENING.match(first_text) and EXEMPT_PARAGRAPH.search(first_text)
        if exempt and not minute.private:  # "Exempt under paragraph 3 of Schedule 12A …" opens the minute
            minute.private, minute.exempt_paragraph = True, int(exempt.group(1))
            report.warn(
                source.name,
                next(line.no for line in body if line.text.strip()),
                f"minute {minute.printed or minute.number} says it is exempt (paragraph {minute.exempt_paragraph}): "
                "written as a private minute, so its text is not published",
                "check that the minutes were not published in full; if they were, remove 'private'",
            )
        reader = BodyReader(source, report, minutes=True)
        minute.body = reader.markdown(body)
        minute.part_titles = re.findall(r"^### \([a-z]\) (.+)$", minute.body, re.M)
        if minute.private and not minute.exempt_paragraph:
            paragraph = EXEMPT_PARAGRAPH.search(minute.body)
            minute.exempt_paragraph = int(paragraph.group(1)) if paragraph else None
        doc.minutes.append(minute)
    if doc.closed is None and range_end:
        doc.closed = range_end
    _attendance_minutes(doc, source, report, people)
    _declarations(doc, source, report, people, numbers_year)
    _approvals(doc)
    _outcomes(doc, sections, source, report, council)
    return doc


def _outcomes(doc: MinutesDoc, sections, source: Source, report: Report, council: Council) -> None:
    """Recorded votes, planning applications and key decisions (:mod:`.outcomes`)."""
    present = [
        entry["name"]
        for group in ("present", "co_opted", "cabinet_members", "other_members", "substitutions")
        for entry in doc.attendance.get(group, [])
    ]

    def resolve(printed: str) -> str | None:
        if printed in present:
            return printed
        last = printed.split()[-1].lower()
        same = sorted({name for name in present if name.split()[-1].lower() == last})
        return same[0] if len(same) == 1 else None

    for minute, body in sections:
        if minute.private:
            continue

        def unsure(line: int, message: str, fix: str, minute=minute) -> None:
            report.warn(source.name, line, f"minute {minute.printed or minute.number}: {message}", fix)

        minute.votes = read_votes(body, resolve, unsure)
        if committee_kind(doc.committee or "") == "council":
            minute.motions = read_motions(body, resolve, unsure)
            minute.questions = read_questions(body, unsure)
        minute.application = read_application(minute.title, body)
        minute.decision = read_decision(body)
    _call_in(doc, source, report, council)


def _call_in(doc: MinutesDoc, source: Source, report: Report, council: Council) -> None:
    """The call-in expiry printed is not written (the format computes it): a different date is reported."""
    notice = doc.notice
    for minute in doc.minutes:
        if minute.decision and "call_in_printed" in minute.decision:
            notice = {**notice, **{k: v for k, v in minute.decision.items() if k.startswith(("call_in", "published"))}}
    published, printed = notice.get("published"), notice.get("call_in_printed")
    if not (published and printed):
        return
    # the build's own count: clear working days, the nation's bank holidays (link/checks.py)
    expected = WorkingDays(CheckSettings(region=council.law.holidays)).last_clear_day(published, council.call_in_days)
    if expected != printed:
        report.warn(
            source.name,
            notice.get("call_in_line"),
            f"the call-in period printed ends on {printed.isoformat()}, but {_in_words(council.call_in_days)} clear working "
            f"days after the decision notice of {published.isoformat()} end on {expected.isoformat()}",
            "check the date of publication, and set call_in_days in council.yml if the constitution gives another "
            "period",
        )


def _in_words(n: int) -> str:
    """A number of days as a report says it: "five"."""
    words = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    return words[n] if 0 <= n < len(words) else str(n)


def _attendance_minutes(doc: MinutesDoc, source: Source, report: Report, people) -> None:
    """Apologies and substitutes given in a minute of their own join the attendance."""
    from minutebook.importer.attendance import OTHER_COUNCIL
    from minutebook.importer.people import split_names

    for minute in doc.minutes:
        if not re.search(r"apolog|substitut", minute.title, re.I):
            continue
        text = " ".join(minute.body.split())
        known = {
            a["name"].split()[-1].lower()
            for group in doc.attendance.values()
            for a in group
            if "name" in a and group is not doc.attendance.get("present")
        }
        for match in APOLOGIES_SENTENCE.finditer(text):
            # "County Councillor R. G. Fanshawe": a councillor of the county, the title read as Councillor
            names, _ = split_names(OTHER_COUNCIL.sub("", match.group("names")), allow_bare=True)
            for name, role, raw in names:
                if name.split()[-1].lower() not in known:
                    doc.attendance.setdefault("apologies", []).append(
                        {"name": name, **({"role": role} if role else {})}
                    )
                    people.add(raw, source.name, minute.line, relevant=True)
                    known.add(name.split()[-1].lower())
        for match in SUBSTITUTE_SENTENCE.finditer(text):
            who, _ = split_names(match.group("who"), allow_bare=True)
            instead, _ = split_names(match.group("for"), allow_bare=True)
            if who and instead:
                entries = doc.attendance.setdefault("substitutions", [])
                if not any(e["name"] == who[0][0] for e in entries):
                    entries.append({"name": who[0][0], "for": instead[0][0]})
                    people.add(who[0][2], source.name, minute.line, relevant=True)


def _declared_in_minutes(doc: MinutesDoc, people, source: Source, numbers_year: int | None) -> None:
    """A declaration printed in the minute it concerns ("Councillor Kerr declared a non-financial interest in
    the above item as …", under the minute's decision or at its head): a declaration on that minute, unless
    the minutes' declarations item already records it."""
    known = {(d["name"], d.get("minute")) for d in doc.declarations}
    for minute in doc.minutes:
        if "declaration" in minute.title.lower() or minute.private:
            continue  # a private minute's words stay withheld, a declaration in them too
        for match in DECLARED.finditer(minute.body):
            if not re.match(r"(?:Councillor|Cllr|Mrs|Mr|Ms|Miss|Dr|Bailie|Provost)\b", match.group("name")):
                continue  # "Having declared an interest, Councillor …": a person only by the title printed
            name = re.sub(r"^(?:Councillor|Cllr)\s+", "", match.group("name"))
            cited = CITED.search(match.group(0))
            number = read_number(cited.group("printed"), numbers_year) if cited else None
            if (name, number or minute.number) in known or (number and number != minute.number):
                continue
            interest = " ".join(match.group("interest").split())
            doc.declarations.append({"name": name, "interest": interest, "minute": minute.number})
            known.add((name, minute.number))
            people.add(name, source.name, minute.line, relevant=True)


def _declarations(doc: MinutesDoc, source: Source, report: Report, people, numbers_year: int | None) -> None:
    _declared_items(doc, source, report, people, numbers_year)
    _declared_in_minutes(doc, people, source, numbers_year)


def _declared_items(doc: MinutesDoc, source: Source, report: Report, people, numbers_year: int | None) -> None:
    for minute in doc.minutes:
        if "declaration" not in minute.title.lower():
            continue
        for paragraph in minute.body.split("\n\n"):
            for match in DECLARED.finditer(paragraph):
                name = re.sub(r"^(?:Councillor|Cllr)\s+", "", match.group("name"))
                interest = " ".join(match.group("interest").split())
                entry: dict[str, str | int] = {
                    "name": name,
                    "interest": interest if interest.lower() != "interest" else "interest",
                }
                sentence = match.group(0)
                cited = CITED.search(sentence)
                number = read_number(cited.group("printed"), numbers_year) if cited else None
                # "… an interest in TC/24/117": a minute's number as the minutes print it, with no word before it
                printed = [m for m in doc.minutes if m.printed and re.search(rf"\b{re.escape(m.printed)}\b", sentence)]
                number = number or (printed[0].number if len(printed) == 1 else None)
                if number:
                    entry["minute"] = number
                else:
                    about = re.search(
                        r"\b(?:in|on) the (?:item|matter|report)\s+(?:regarding|on|about|headed|of)\s+"
                        r"(?:the\s+)?(?P<what>.+?)(?:\s+(?:as|because|since|which|where|when)\b|[,.]|$)",
                        sentence,
                        re.I,
                    )
                    match_minute = _minute_about(doc, about.group("what")) if about else None
                    if match_minute:
                        entry["minute"] = match_minute.number
                        report.warn(
                            source.name,
                            minute.line,
                            f"the declaration of {name} names no minute; joined "
                            f"to minute {match_minute.number} ('{match_minute.title}') by its subject",
                            "check the minute of the declaration",
                        )
                    else:
                        report.warn(
                            source.name,
                            minute.line,
                            f"the declaration of {name} names no minute that could be found",
                            "add minute: N to the declaration",
                        )
                after = paragraph[match.end() :].strip()
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
