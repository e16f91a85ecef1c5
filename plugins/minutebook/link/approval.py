"""What is known about a meeting's minutes: approved, waiting for the next meeting, or not recorded.

``minutes.md`` says ``approved: true``, ``approved: false`` (waiting for the committee's next
meeting) or ``approved: not recorded`` (the packs do not say; the importer writes this). A later
meeting in the archive whose minutes record the approval ("The minutes of the meeting held on
16th December, 2015 were approved") settles it: :func:`infer_approvals` marks the earlier minutes
approved at that meeting.

The pages never call old minutes "not yet approved": that is said only while the committee has not
met since. Once it has (or, when the archive holds no later meeting, once half a year has passed)
minutes without a recorded approval say "Approval not recorded", and a past meeting without
minutes says "Minutes not in this archive".
"""

from __future__ import annotations

import datetime as dt
import re

from minutebook.link.references import DATE_RE, _date
from minutebook.model import Archive, Meeting, Minutes
from minutebook.problems import Problems

# The committee's next meeting is expected within this time when the archive holds no later one.
NEXT_MEETING_WITHIN = dt.timedelta(days=183)

APPROVED_TEXT = re.compile(
    r"minutes of the meetings? held on (?P<dates>.+?) (?:were|was) (?:approved|agreed|confirmed)"
    r"(?P<subject>,? subject to [^\n]*)?",
    re.I | re.S,
)

APPROVED = "approved"
AWAITING = "awaiting"
NOT_RECORDED = "not recorded"
NOT_YET_PUBLISHED = "not yet published"
NOT_IN_ARCHIVE = "not in archive"

WORDS = {
    APPROVED: "Approved",
    AWAITING: "Not yet approved",
    NOT_RECORDED: "Approval not recorded",
    NOT_YET_PUBLISHED: "Minutes not yet published",
    NOT_IN_ARCHIVE: "Minutes not in this archive",
}


def recorded_approvals(text: str) -> list[tuple[dt.date, str]]:
    """(date of the approved minutes, the correction it was subject to) for each approval in ``text``."""
    out = []
    for match in APPROVED_TEXT.finditer(" ".join(text.split())):
        subject = (match.group("subject") or "").strip(" ,")
        amendment = re.sub(r"^subject to\s*", "", subject, flags=re.I).strip(" :") if subject else ""
        for date_match in DATE_RE.finditer(match.group("dates")):
            day = _date(date_match)
            if day:
                out.append((day, amendment))
    return out


def infer_approvals(archive: Archive) -> None:
    """Minutes not recorded as approved, approved by a later meeting whose minutes say so."""
    for meeting in archive.meetings:
        if not meeting.minutes:
            continue
        for minute in meeting.minutes.minutes:
            texts = [minute.body, *(r.text for r in minute.resolutions)]
            for day, amendment in recorded_approvals("\n".join(texts)):
                earlier = archive.meeting(meeting.committee, day)
                if (
                    earlier is None
                    or earlier is meeting
                    or earlier.date >= meeting.date
                    or not earlier.minutes
                    or earlier.minutes.approved is True
                ):
                    continue
                earlier.minutes.approved = True
                earlier.minutes.approved_at = meeting.date
                earlier.minutes.amendment = earlier.minutes.amendment or amendment
                earlier.minutes.approved_by = f"{meeting.minutes.source}, minute {minute.cite}"


def met_since(archive: Archive, meeting: Meeting, today: dt.date) -> bool:
    """Whether the committee has met after ``meeting`` (per the archive), or must have by now."""
    later = (
        [
            m
            for m in archive.committees[meeting.committee].meetings
            if m.date > meeting.date and m.status not in ("cancelled", "postponed")
        ]
        if meeting.committee in archive.committees
        else []
    )
    if any(m.date < today for m in later):
        return True
    return not later and today - meeting.date > NEXT_MEETING_WITHIN


def minutes_state(archive: Archive, meeting: Meeting, today: dt.date) -> str:
    """One of the keys of :data:`WORDS`, or "" for a meeting whose minutes are not due (future,
    cancelled, postponed)."""
    minutes = meeting.minutes
    if minutes is not None:
        if minutes.approved is True:
            return APPROVED
        return NOT_RECORDED if met_since(archive, meeting, today) else AWAITING
    if meeting.status in ("cancelled", "postponed") or meeting.date >= today:
        return ""
    return NOT_IN_ARCHIVE if met_since(archive, meeting, today) else NOT_YET_PUBLISHED


def minutes_words(archive: Archive, meeting: Meeting, today: dt.date) -> str:
    return WORDS.get(minutes_state(archive, meeting, today), "")


def past_status(meeting: Meeting, today: dt.date) -> str | None:
    """A past meeting still 'scheduled' or 'agenda published' (its minutes are not here): "Past meeting"."""
    if meeting.status in ("scheduled", "agenda published") and meeting.date < today:
        return "Past meeting"
    return None


def recorded(minutes: Minutes) -> str:
    """What the files (and later minutes) record, whatever today's date: for feeds and open data."""
    if minutes.approved is True:
        return "approved"
    return "not yet approved" if minutes.approved is False else "approval not recorded"


AGREE_TEXT = re.compile(r"minutes of the (?:previous )?meetings? held on (?P<dates>.+)", re.I | re.S)


def minutes_to_agree(archive: Archive, meeting: Meeting) -> list[tuple[object, Meeting]]:
    """(agenda item, earlier meeting) for each set of minutes in the archive that an item of this
    meeting asks it to agree ("To agree the minutes of the meetings held on 16th December, 2015 and
    7th January, 2016"), in the order the agenda names them."""
    out: list[tuple[object, Meeting]] = []
    for item in meeting.items:
        if item.private:
            continue
        for text in [item.title, item.description, *(p.title for p in item.parts)]:
            match = AGREE_TEXT.search(text or "")
            if not match:
                continue
            for date_match in DATE_RE.finditer(match.group("dates")):
                day = _date(date_match)
                earlier = archive.meeting(meeting.committee, day) if day else None
                if (
                    earlier is not None
                    and earlier.date < meeting.date
                    and earlier.minutes is not None
                    and not earlier.minutes.unpublished
                    and all(e is not earlier for _, e in out)
                ):
                    out.append((item, earlier))
    return out


def note_stale_approvals(archive: Archive, today: dt.date, problems: Problems) -> None:
    """A note for minutes that still say ``approved: false`` though the committee has met since."""
    for meeting in archive.meetings:
        minutes = meeting.minutes
        if minutes is not None and minutes.approved is False and met_since(archive, meeting, today):
            problems.info(
                minutes.source,
                None,
                "these minutes say 'approved: false', but the committee has met since: "
                "the site says 'Approval not recorded'",
                "when a later meeting approved them, write 'approved: true' and 'approved_at: YYYY-MM-DD'; "
                "otherwise 'approved: not recorded'",
            )
