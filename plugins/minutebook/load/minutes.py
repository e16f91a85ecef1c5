"""Reading a meeting's ``minutes.md`` into its :class:`~minutebook.model.Minutes` and joining them to the agenda."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import TYPE_CHECKING

from minutebook.load import formats
from minutebook.load.council import NOT_STATED, check_exempt_paragraph
from minutebook.load.decisions import read_minute_decisions
from minutebook.load.fields import plain_name, read_corrections
from minutebook.load.minutes_text import BodyProblem, parse_minutes_body
from minutebook.load.reading import Derived, read_front_matter_and
from minutebook.load.schema import Where
from minutebook.model import (
    ATTENDANCE_GROUPS,
    Attendee,
    Declaration,
    Item,
    Meeting,
    Minute,
    Minutes,
)
from minutebook.model.names import normalise

if TYPE_CHECKING:
    from minutebook.load.loader import ArchiveLoader


def _is_parsed_body(value: object) -> bool:
    """Whether a cached value has the shape :func:`parse_minutes_body` returns: (minutes, problems)."""
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and isinstance(value[0], list)
        and isinstance(value[1], list)
        and all(isinstance(m, Minute) for m in value[0])
        and all(isinstance(p, BodyProblem) for p in value[1])
    )


def load_minutes(loader: ArchiveLoader, meeting: Meeting, path: Path) -> None:
    # the body's minutes are parsed with the front matter, and cached with it (keyed by the file's bytes
    # and everything else the parsing reads: the municipal year, the committee's numbering, the date)
    scheme = loader.council.scheme(meeting.committee)
    derived = Derived(parse_minutes_body, (meeting.year, scheme, meeting.date), _is_parsed_body)
    data, body, body_line, parsed_body = read_front_matter_and(
        path, loader.problems, formats.MINUTES, "minutes.md", derived, required=False, partial=True, cache=loader.cache
    )
    if data is None:
        return
    if not data and not body.strip():
        loader.problems.error(
            path,
            1,
            "minutes.md is empty: the meeting would be published as held, with no minutes",
            "write the minutes (see docs/guide/meeting-files.md), or remove the file until they are ready",
        )
        return
    approved = data.get("approved", "not recorded")
    minutes = Minutes(
        approved=None if approved == "not recorded" else approved,
        approved_at=data.get("approved_at"),
        amendment=data.get("amendment", ""),
        closed=data.get("closed"),
        note=data.get("note", ""),
        source=loader.problems.rel(path),
        draft=data.get("draft", False),
        publish_from=data.get("publish_from"),
        published=data.get("published"),
        corrections=read_corrections(data),
    )
    if minutes.approved_at and not minutes.approved:
        minutes.approved = True
    for group in ATTENDANCE_GROUPS:
        entries = []
        for entry in data.get("attendance", {}).get(group, []):
            where = Where(loader.problems, path, entry.line)
            key = loader.person_key(entry["name"], where)
            entries.append(
                Attendee(
                    name=plain_name(entry["name"]),
                    person=key,
                    role=entry.get("role"),
                    directorate=entry.get("directorate", ""),
                    organisation=entry.get("organisation", ""),
                    substitute_for=entry.get("for", ""),
                )
            )
        if entries:
            minutes.attendance[group] = entries
    parsed, body_problems = parsed_body
    for problem in body_problems:
        loader.problems.error(path, problem.line, problem.message, problem.fix)
    minutes.minutes = parsed
    if not parsed and not minutes.note and not body_problems:
        loader.problems.error(
            path,
            body_line,
            "minutes.md has no minutes: the meeting would be published as held, with nothing recorded",
            "write each minute under a heading like '## 73. Health Visiting and Early Help', or "
            "say why there are none in 'note:'",
        )
    seen: dict[int, int] = {}
    for minute in parsed:
        if minute.number in seen:
            loader.problems.error(
                path,
                minute.line,
                f"minute {minute.number} appears twice",
                f"minute numbers are unique in a meeting's minutes (see line {seen[minute.number]})",
            )
        seen.setdefault(minute.number, minute.line)
    numbers = {m.number for m in parsed}
    for entry in data.get("declarations", []):
        where = Where(loader.problems, path, entry.line)
        key = loader.person_key(entry["name"], where)
        if entry.get("minute") is not None and entry["minute"] not in numbers:
            where.error(
                f"the declaration refers to minute {entry['minute']}, which is not in these minutes",
                "write the number of the minute the interest concerns",
            )
        minutes.declarations.append(
            Declaration(
                plain_name(entry["name"]), key, entry.get("minute"), entry.get("interest", ""), entry.get("text", "")
            )
        )
    read_minute_decisions(loader, meeting, minutes, data, path)  # votes, motions, questions
    meeting.minutes = minutes
    join_minutes(loader, meeting, path)


def join_minutes(loader: ArchiveLoader, meeting: Meeting, path: Path) -> None:
    """Attach each minute to its agenda item, or make an item for it."""
    by_number = {item.number: item for item in meeting.items}
    assert meeting.minutes is not None  # read just before
    by_title: dict[str, Item] = {}
    for agenda_item in meeting.items:
        by_title.setdefault(normalise(agenda_item.title), agenda_item)
    by_minute = {i.minute_number: i for i in meeting.items if i.minute_number}
    for minute in meeting.minutes.minutes:
        item: Item | None = None
        if minute.item_number:
            item = by_number.get(minute.item_number)
            if item is None:
                loader.problems.error(
                    path,
                    minute.line,
                    f"minute {minute.number} names agenda item {minute.item_number}, which is not on the agenda",
                    "check the number in {item=…}",
                )
        item = item or by_minute.get(minute.number) or by_title.get(normalise(minute.title))
        if item is None and meeting.has_agenda:
            free = {normalise(i.title): i for i in meeting.items if i.minute is None}
            close = difflib.get_close_matches(normalise(minute.title), list(free), n=1, cutoff=0.85)
            item = free[close[0]] if close else None
            if item is None:
                loader.problems.warning(
                    path,
                    minute.line,
                    f"minute {minute.number} '{minute.title}' matches no agenda item",
                    "add {item=N} to the heading with the agenda number",
                )
        if item is not None and item.minute is not None:
            loader.problems.error(
                path,
                minute.line,
                f"minutes {item.minute.number} and {minute.number} both record agenda item {item.number}",
                "give one of them {item=N}",
            )
            item = None
        if item is None:
            item = Item(slug="", title=minute.title, line=minute.line)
            meeting.items.append(item)
        item.minute = minute
        if minute.topic and not item.topic:
            item.topic = minute.topic
        if minute.slug and not item.slug:
            item.slug = minute.slug
        for old in minute.previous_slugs:
            if old not in item.previous_slugs:
                item.previous_slugs.append(old)
        private = minute.private
        if private:
            item.private = True
            value: int | str | None = (
                int(private) if private.isdigit() else NOT_STATED if private.lower() == NOT_STATED else None
            )
            if value is not None and check_exempt_paragraph(
                loader.council, value, loader.problems, path, minute.line, f"minute {minute.cite}", meeting.date
            ):
                item.exempt_paragraph = value
            elif value is None and item.exempt_paragraph is None:
                law = loader.council.law_on(meeting.date)
                loader.problems.error(
                    path,
                    minute.line,
                    f"private minute {minute.cite} has no exempt paragraph",
                    f"write {{private=N}} with the paragraph of {law.schedule} ({law.span}), "
                    f'or {{private="{NOT_STATED}"}}',
                )
