"""The meeting page: facts, agenda, attendance, declarations and the minutes in full."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from minutebook.link import approval
from minutebook.model import Committee, Meeting, urls
from minutebook.model.vocabularies import MeetingStatus
from minutebook.render.common import Page, View, long_date
from minutebook.render.context import SiteContext

STATUS_LABELS = MeetingStatus.labels()
EVENT_STATUS = {"cancelled": "EventCancelled", "postponed": "EventPostponed"}
UK = ZoneInfo("Europe/London")


def status_label(ctx: SiteContext, meeting: Meeting) -> str:
    return ctx.status_label(meeting)


def meeting_title(ctx: SiteContext, meeting: Meeting) -> str:
    return ctx.meeting_title(meeting)


class MeetingPage(View):
    """The meeting page (template ``meeting.md``)."""

    committee: Committee
    kind = "meeting"
    template = "meeting.md"

    def __init__(self, ctx: SiteContext, meeting: Meeting):
        super().__init__(ctx)
        self.meeting = meeting
        self.committee = ctx.committee(meeting.committee)

    def body_meetings(self) -> list[Meeting]:
        return [self.meeting]

    @property
    def url(self) -> str:
        return urls.meeting(self.meeting)

    @property
    def title(self) -> str:
        return meeting_title(self.ctx, self.meeting)

    @property
    def description(self) -> str:
        meeting = self.meeting
        status = (
            "Meeting" if approval.past_status(meeting, self.ctx.today) else f"{STATUS_LABELS[meeting.status]} meeting"
        )
        return f"{status} of {self.committee.name} on {long_date(meeting.date)}"

    def breadcrumbs(self) -> list[tuple[str, str]]:
        return [(self.committee.name, urls.committee(self.committee))]

    def event(self) -> dict:
        """schema.org Event metadata, so that search engines show the meeting (JSON-LD in <head>)."""
        meeting = self.meeting
        start = meeting.date.isoformat()
        if meeting.start:
            hour, minute = (int(x) for x in meeting.start.split(":"))
            start = dt.datetime(
                meeting.date.year, meeting.date.month, meeting.date.day, hour, minute, tzinfo=UK
            ).isoformat()
        event = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "startDate": start,
            "eventStatus": "https://schema.org/" + EVENT_STATUS.get(meeting.status, "EventScheduled"),
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "description": self.description,
            "organizer": {"@type": "Organization", "name": self.committee.name},
        }
        if meeting.place:
            event["location"] = {"@type": "Place", "name": meeting.place, "address": meeting.place}
        if self.ctx.settings.site_url:
            event["url"] = self.ctx.settings.absolute(self.url)
        return event

    def values(self) -> dict:
        ctx, meeting = self.ctx, self.meeting
        minutes = meeting.minutes
        previous, following = ctx.previous_next(meeting.committee, meeting)
        return {
            "meeting": meeting,
            "committee": self.committee,
            "joint": [ctx.committee(s) for s in meeting.joint_with],
            "postponed_to": ctx.archive.meeting(meeting.committee, meeting.postponed_to)
            if meeting.postponed_to
            else None,
            "approver": ctx.archive.meeting(meeting.committee, minutes.approved_at)
            if minutes and minutes.approved_at
            else None,
            "has_pack": any(not i.private and i.all_papers for i in meeting.items),
            "declared": {i.minute.number: i for i in meeting.items if i.minute},
            "previous": previous,
            "following": following,
        }


def build(ctx: SiteContext, meeting: Meeting) -> Page:
    return MeetingPage(ctx, meeting).page()
