"""The heading of a set of minutes: the committee, date and start time it names, where its place is printed,
and the line where its attendance starts ("Present:", "Sederunt", a group's label, or an attendance table
headed "Members | Organisation | Role" right under the heading)."""

from __future__ import annotations

import re

from minutebook.importer.attendance import TABLE_HEAD
from minutebook.importer.attendlabels import LABEL, group_of
from minutebook.importer.dates import find_date, parse_time
from minutebook.importer.source import Line
from minutebook.importer.split import MINUTES_HEAD
from minutebook.importer.textutil import plain


def _t(line: Line) -> str:
    return plain(line.text)


PRESENT = re.compile(
    r"^(?:(?:present|sederunt|attendance|members present|in attendance|in the chair)\s*[:.-]*(?:\s|$)"
    r"|(?:chair(?:man|woman|person)?|presiding)\s*:)",
    re.I,
)


def starts_attendance(text: str) -> bool:
    """'Present:', 'Sederunt', or any label of an attendance group ('Elected Members', 'Voting Members:')."""
    if PRESENT.match(text):
        return True
    label = LABEL.match(text)
    return bool(group_of(text.rstrip(" :")) if len(text) <= 40 else False) or bool(
        label and len(label.group("label")) <= 40 and group_of(label.group("label"))
    )


def header(lines: list[Line]):
    for i, line in enumerate(lines):
        match = MINUTES_HEAD.match(_t(line))
        if not match:
            continue
        committee = re.sub(r"\s+held\b.*$", "", match.group("committee"), flags=re.I).strip(" ,.")
        # "Minutes of the meeting (the hearing) held …" under the committee's name
        if committee.lower() in ("meeting", "the meeting", "hearing", "the hearing", "") or re.match(
            r"^meeting\b", committee, re.I
        ):
            above = [line for line in lines[:i] if line.text.strip()]
            committee = next(
                (_t(line) for line in reversed(above) if not re.search(r"\b(?:council|authority)$", _t(line), re.I)),
                committee,
            )
        window = " ".join(_t(line) for line in lines[i : i + 6] if line.text.strip())
        held = re.search(r"\bheld\b(.*)", window, re.I)
        text = held.group(1) if held else window
        return committee, find_date(text)[0], parse_time(text), i
    from minutebook.importer.split import dated_minutes

    for i in range(min(len(lines), 30)):
        if (dated := dated_minutes(lines, i)) is not None:  # the committee / "Minutes - 9 December 2024"
            return _t(lines[dated[0]]), dated[1], None, i
    return _labelled_header(lines)


def _labelled_header(lines: list[Line]):
    """'MINUTES' / the committee / 'Date: …' / 'Time: …' / 'Venue: …' (the bilingual labels read by
    :mod:`.bilingual`), or the date and time on a line of their own: (committee, date, start, line of 'MINUTES')."""
    from minutebook.importer.dates import is_date_line, is_when_line
    from minutebook.importer.split import BARE_MINUTES, DATE_LABEL, TIME_LABEL

    filled = [i for i, line in enumerate(lines[:30]) if line.text.strip()]
    for k, i in enumerate(filled):
        if not BARE_MINUTES.match(_t(lines[i])) or k + 1 >= len(filled):
            continue
        committee = _t(lines[filled[k + 1]])
        day = start = None
        for j in filled[k + 2 : k + 8]:
            text = _t(lines[j])
            if (date := DATE_LABEL.match(text)) and day is None:
                day = find_date(date.group("rest"))[0]
            elif (time := TIME_LABEL.match(text)) and start is None:
                start = parse_time(time.group("rest"))
            elif day is None and (is_when_line(text) or is_date_line(text)):  # "10.00 am, Thursday 18 September 2025"
                day, start = find_date(text)[0], start or parse_time(text)
        if day is not None:
            return committee, day, start, i
    return None, None, None, None


def labelled_place(lines: list[Line], head_at: int) -> str:
    """The place of a 'Venue: …' (or 'Place:', 'Location:') line under the heading, as printed."""
    from minutebook.importer.split import PLACE_LABEL

    for line in lines[head_at : head_at + 8]:
        match = PLACE_LABEL.match(_t(line))
        if match and match.group("rest").strip():  # up to a next label run onto its line ("… Commenced: 14:00")
            return re.split(r"\s+(?=[A-Z][a-z]+:\s)", match.group("rest").strip())[0].strip(" ,.")
    return ""


# the header row of an attendance table whose first column names the members ("Members", "Councillors")
MEMBERS_TABLE = re.compile(r"^(?:councillors?|(?:(?:board|committee|panel|voting)\s+)?members?)\t", re.I)


def attendance_table_at(lines: list[Line], head_at: int) -> int | None:
    """The header row of an attendance table printed under the heading with no label above it ("Members |
    Organisation | Role"), among the heading's first six filled lines; None if there is none."""
    filled = [i for i in range(head_at + 1, min(len(lines), head_at + 16)) if lines[i].text.strip()][:6]
    for i in filled:
        text = lines[i].text.strip().replace("**", "")
        if MEMBERS_TABLE.match(text) and TABLE_HEAD.match(text):
            return i
    return None
