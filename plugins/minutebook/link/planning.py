"""Work programmes against what happened: each planned entry linked to the items that took it up.

An entry planned for a meeting is

* ``considered`` — an item of that meeting matches it (title, topic or ``considered_at``);
* ``moved`` — it was taken up at another meeting of the year, not the one planned;
* ``dropped`` — the planned meeting is in the archive, but did not take it up, and no other did;
* ``pending`` — the planned meeting is still to come;
* ``no papers`` — the planned meeting is not in the archive: whether it was heard is not known
  (never "dropped").

An undated entry ("items for the year", "next municipal year"…) is ``considered`` when a meeting
of the year (or the next, for "next municipal year") took it up; otherwise ``not scheduled`` while
that year is still running, and ``not found`` once it has ended (no meeting in the archive took it
up — never "not yet scheduled" for a year long past).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from minutebook.link.similarity import acronyms, overlap, significant_words, strength
from minutebook.model import Archive, Item, Meeting, ProgrammeEntry, WorkProgramme, municipal_year
from minutebook.model.vocabularies import PlanStatus
from minutebook.problems import Problems

STATUS_LABELS = PlanStatus.labels()
MINUTE_REF = re.compile(r"^(\d+)/(\d{2})$")
ITEM_REF = re.compile(r"^(\d{4}-\d{2}-\d{2})/(.+)$")


@dataclass(eq=False)
class PlanLink:
    programme: WorkProgramme
    entry: ProgrammeEntry
    status: str
    items: list[Item] = field(default_factory=list)
    planned_meeting: Meeting | None = None

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]


class ItemWords:
    """Each item's title words (with its acronyms) and the acronyms alone, worked out once a run: an entry
    is compared with every item of its meetings, and an item with every entry planned for it."""

    def __init__(self) -> None:
        self.memo: dict[int, tuple[Item, frozenset[str], frozenset[str]]] = {}

    def __call__(self, item: Item) -> tuple[frozenset[str], frozenset[str]]:
        found = self.memo.get(id(item))
        if found is None or found[0] is not item:
            text = item.minute.body if item.minute else ""
            marks = acronyms(item.title) | acronyms(text)
            found = self.memo[id(item)] = (item, significant_words(item.title) | marks, marks)
        return found[1], found[2]


def _matches(
    entry_words: frozenset[str], topic: str | None, item: Item, words_of: ItemWords, loose: bool = False
) -> bool:
    if topic and (item.topic == topic or (item.topic_ref is not None and item.topic_ref.id == topic)):
        return True
    words, marks = words_of(item)
    if entry_words.isdisjoint(words):
        return False  # no word in common: neither an acronym's match nor any strength
    if len(entry_words) == 1 and entry_words <= marks:
        return True  # "LSCB Annual Report" and a minute that defines "(LSCB)"
    verdict = strength(entry_words, words)
    return verdict == "sure" or (loose and verdict == "unsure" and overlap(entry_words, words)[1] >= 2)


def _best_at(meeting: Meeting, words: frozenset[str], topic: str | None, words_of: ItemWords) -> list[Item]:
    """Items of the planned meeting that took the entry up: sure matches, else the one best partial match."""
    candidates = [i for i in meeting.items if not i.private]
    sure = [i for i in candidates if _matches(words, topic, i, words_of)]
    if sure:
        return sure
    loose = [i for i in candidates if _matches(words, topic, i, words_of, loose=True)]
    loose.sort(key=lambda i: overlap(words, words_of(i)[0]), reverse=True)
    return loose[:1]


def _resolve(ref: str, committee: str, archive: Archive) -> Item | None:
    minute = MINUTE_REF.match(ref)
    if minute:
        found = archive.find_minute(committee, ref)
        return found[1] if found else None
    match = ITEM_REF.match(ref)
    if not match:
        return None
    meeting = archive.meeting(committee, dt.date.fromisoformat(match.group(1)))
    if meeting is None:
        return None
    key = match.group(2)
    return next((i for i in meeting.items if i.number == key or i.slug == key), None)


def link_programmes(archive: Archive, today: dt.date, problems: Problems) -> list[PlanLink]:
    links = []
    by_committee_year: dict[tuple[str, int], list[Meeting]] = {}
    for meeting in archive.meetings:
        for slug in [meeting.committee, *meeting.joint_with]:
            by_committee_year.setdefault((slug, meeting.year), []).append(meeting)
    words_of = ItemWords()
    for programme in archive.programmes:
        committee = programme.committee
        for entry in programme.entries:
            links.append(
                _link_entry(archive, programme, entry, committee, by_committee_year, today, problems, words_of)
            )
    return links


def _link_entry(
    archive: Archive,
    programme: WorkProgramme,
    entry: ProgrammeEntry,
    committee: str,
    by_year: dict[tuple[str, int], list[Meeting]],
    today: dt.date,
    problems: Problems,
    words_of: ItemWords,
) -> PlanLink:
    words = significant_words(entry.title)
    planned = archive.meeting(committee, entry.date) if entry.date else None
    link = PlanLink(programme, entry, "pending", planned_meeting=planned)
    if entry.considered_at:
        for ref in entry.considered_at:
            item = _resolve(str(ref), committee, archive)
            if item is None:
                problems.warning(
                    programme.source,
                    entry.line,
                    f"considered_at '{ref}' of '{entry.title}' finds no item in the archive",
                    "write a minute (73/16) or <YYYY-MM-DD>/<agenda number or slug>",
                )
            elif item not in link.items:
                link.items.append(item)
        if link.items:
            link.status = "considered" if any(i.meeting is planned for i in link.items) or not entry.date else "moved"
            return link
    if entry.date:
        if planned is not None:
            link.items = _best_at(planned, words, entry.topic, words_of)
            if link.items:
                link.status = "considered"
                return link
        if planned is None:  # recurring reports match each other: another meeting's item is not this one
            link.status = "pending" if entry.date >= today else "no papers"
            return link
        # the planned meeting did not take it up: did another meeting of the year?
        others = [m for m in by_year.get((committee, municipal_year(entry.date)), []) if m is not planned]
        link.items = [i for m in others for i in m.items if not i.private and _matches(words, entry.topic, i, words_of)]
        if link.items:
            link.status = "moved"
        elif planned.date >= today and planned.status in ("scheduled", "agenda published") and not planned.minutes:
            link.status = "pending"
        else:
            link.status = "dropped"
        return link
    years = [programme.year + 1] if entry.bucket == "next municipal year" else [programme.year]
    meetings = [m for y in years for m in by_year.get((committee, y), [])]
    link.items = [i for m in meetings for i in m.items if not i.private and _matches(words, entry.topic, i, words_of)]
    year_ends = dt.date(years[-1] + 1, 5, 1)  # a municipal year runs May to April
    link.status = "considered" if link.items else ("not scheduled" if today < year_ends else "not found")
    return link
