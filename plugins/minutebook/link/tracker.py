"""The recommendations tracker: what the committee asked for, and whether it was answered.

Rows come from two places:

* RESOLVED lists: a resolution that requests, recommends or asks for a report back becomes a row;
  one that only notes does not;
* tracker tables published in the papers (``tracker/<date>.md``, the "Outstanding Issues"
  appendix): each row, with its response.

Where a table lists a request that a resolution also made, they are one row and the table's
response and status win. Each row links to its minute and its topic.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from minutebook.link.similarity import overlap, significant_words, strength
from minutebook.model import Archive, Item, Meeting, Minute, MinutePart
from minutebook.problems import Problems

if TYPE_CHECKING:
    from minutebook.link.topics import Topic

REQUEST = re.compile(
    r"\b(request|requests|requested|recommend|recommends|recommended|recommendation|asks?|asked|"
    r"provide|provides|circulate|investigate|arrange|explore|"
    r"report back|further report|be (?:provided|shared|circulated|sent|added|considered)|"
    r"agrees? that|be invited|write to|seek)\b",
    re.I,
)
ONLY_NOTE = re.compile(r"^\W*(?:RESOLVED\s+that\s+)?(?:the\s+\w+(?:\s+\w+)?\s+)?(?:notes?|noted)\b", re.I)
RESPONSE_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{2,4})\b")
# A response that puts the request off or reports a delay is not an answer.
DEFERRED = re.compile(
    r"\b(?:for consideration|next municipal year|delay(?:ed)?|awaiting|to follow|pending|"
    r"in progress|ongoing|not yet|will be|to be (?:provided|circulated|arranged|confirmed|sent))\b",
    re.I,
)
ANSWERED = "answered"
OPEN_AT_LAST_REPORT = "open at the last report"
NOT_LISTED = "not listed in the later report"
NO_LATER_REPORT = "no later report in this archive"


@dataclass(eq=False)
class Action:
    committee: str
    text: str
    kind: str  # recommendation | action | information
    meeting_date: dt.date | None
    item_title: str
    meeting: Meeting | None = None
    item: Item | None = None
    response: str = ""
    status: str = ""
    sources: list[str] = field(default_factory=list)  # "resolution", "tracker <date>"
    anchor: str = ""  # the resolution's anchor on the item page
    tracker_text: str = ""  # the tracker table's wording, where it differs from the resolution
    last_report: dt.date | None = None  # the latest tracker published after the request that lists it
    last_report_in: str = ""  # "<YYYY-MM-DD>/<paper slug>" of that tracker
    unlisted_in: dt.date | None = None  # a tracker published after the request that does not list it

    @property
    def answered(self) -> bool:
        if re.search(r"complete|closed|done|answered", self.status, re.I):
            return True
        return (
            bool(self.response.strip())
            and not DEFERRED.search(self.response)
            and not re.search(r"open|ongoing|deferred|pending", self.status, re.I)
        )

    @property
    def state(self) -> str:
        """answered / open at the last report / no later report in this archive: never an age to today."""
        if self.answered:
            return ANSWERED
        if self.last_report:
            return OPEN_AT_LAST_REPORT
        return NOT_LISTED if self.unlisted_in else NO_LATER_REPORT

    @property
    def minute(self) -> str | None:
        return self.item.minute.cite if self.item and self.item.minute else None

    @property
    def topic(self) -> Topic | None:
        return self.item.topic_ref if self.item else None

    def response_date(self) -> dt.date | None:
        match = RESPONSE_DATE.search(self.response)
        if not match:
            return None
        day, month, year = (int(g) for g in match.groups())
        year = year + 2000 if year < 100 else year
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None


def _kind(text: str) -> str:
    if re.search(r"recommend", text, re.I):
        return "recommendation"
    if re.search(
        r"\binformation\b|\bdata\b|\bfigures\b|\bbreakdown\b|\bprovide\b|be (shared|circulated|provided)|briefing note",
        text,
        re.I,
    ):
        return "information"
    return "action"


def is_request(text: str) -> bool:
    return bool(REQUEST.search(text)) and not (ONLY_NOTE.match(text) and not REQUEST.search(text))


def _plain(text: str) -> str:
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)


def actions_from_resolutions(archive: Archive) -> list[Action]:
    out = []
    for meeting in archive.meetings:
        for item in meeting.items:
            minute = item.minute
            if item.private or not minute:
                continue
            holders: list[Minute | MinutePart] = [minute, *minute.parts]
            for holder in holders:
                for resolution in holder.resolutions:
                    text = _plain(resolution.text)
                    if not is_request(text):
                        continue
                    out.append(
                        Action(
                            meeting.committee,
                            text,
                            _kind(text),
                            meeting.date,
                            item.title,
                            meeting,
                            item,
                            sources=["resolution"],
                            anchor=resolution.anchor,
                        )
                    )
    return out


def _find_item(
    archive: Archive, committee: str, day: dt.date | None, title: str, minute: str | None
) -> tuple[Meeting | None, Item | None]:
    if minute:
        found = archive.find_minute(committee, minute)
        if found:
            return found
    meeting = archive.meeting(committee, day) if day else None
    if meeting is None:
        return None, None
    words = significant_words(title)
    best = [i for i in meeting.items if not i.private and strength(words, significant_words(i.title)) == "sure"]
    return meeting, (best[0] if best else None)


def _pair_leftovers(actions: list[Action]) -> None:
    """A tracker row and a resolution of the same item that found no partner in words are the same
    request when each is the only one left for that item."""
    by_item: dict[int, tuple[list[Action], list[Action]]] = {}
    for action in actions:
        if action.item is None:
            continue
        from_table = any(s.startswith("tracker") for s in action.sources)
        from_minutes = "resolution" in action.sources
        if from_table == from_minutes:
            continue  # already one row from both, or neither
        slot = by_item.setdefault(id(action.item), ([], []))
        slot[0 if from_minutes else 1].append(action)
    for resolutions, rows in by_item.values():
        if len(resolutions) == 1 and len(rows) == 1:
            resolution, row = resolutions[0], rows[0]
            resolution.sources += row.sources
            resolution.kind = row.kind
            resolution.response = row.response or resolution.response
            resolution.status = row.status or resolution.status
            resolution.tracker_text = row.text
            resolution.last_report, resolution.last_report_in = row.last_report, row.last_report_in
            actions.remove(row)


def build_tracker(archive: Archive, problems: Problems) -> list[Action]:
    actions = actions_from_resolutions(archive)
    by_meeting: dict[tuple[str, dt.date | None], list[Action]] = {}
    for action in actions:
        by_meeting.setdefault((action.committee, action.meeting_date), []).append(action)
    for tracker in sorted(archive.trackers, key=lambda t: t.date):
        for row in tracker.rows:
            meeting, item = _find_item(archive, tracker.committee, row.meeting, row.item, row.minute)
            if row.minute and item is None:
                problems.warning(
                    tracker.source, row.line, f"minute {row.minute} is not in the archive", "check the minute number"
                )
            words = significant_words(row.text)
            same = None
            for action in by_meeting.get((tracker.committee, row.meeting), []):
                if item is not None and action.item is not None and action.item is not item:
                    continue
                score, shared = overlap(words, significant_words(action.text))
                if score >= 0.5 and shared >= 2:
                    same = action
                    break
            if same is None:
                same = Action(tracker.committee, row.text, row.kind, row.meeting, row.item, meeting, item)
                actions.append(same)
                by_meeting.setdefault((tracker.committee, row.meeting), []).append(same)
            else:
                same.kind = row.kind  # the table says what it is, in its own words
                same.item_title = row.item or same.item_title
                same.tracker_text = row.text
            same.sources.append(f"tracker {tracker.date.isoformat()}")
            if row.meeting is None or tracker.date > row.meeting:
                same.last_report, same.last_report_in = tracker.date, tracker.published_in
            if row.response:
                same.response = row.response
            if row.status:
                same.status = row.status
    _pair_leftovers(actions)
    latest: dict[str, dt.date] = {}  # each committee's latest tracker: the last one an action could be listed in
    for tracker in archive.trackers:
        if tracker.committee not in latest or tracker.date > latest[tracker.committee]:
            latest[tracker.committee] = tracker.date
    for action in actions:
        if action.last_report is None and action.meeting_date is not None:
            last = latest.get(action.committee)
            action.unlisted_in = last if last is not None and last > action.meeting_date else None
    actions.sort(key=lambda a: (a.meeting_date or dt.date.min, a.item_title, a.text))
    for action in actions:
        if action.topic is not None:
            action.topic.actions.append(action)
    return actions
