"""iCalendar files: every meeting, each committee's meetings, and one per meeting ("add to calendar").

Written with the ``icalendar`` library; times are UK local time (TZID Europe/London with its
VTIMEZONE), so phones show the right hour across the clock changes. A meeting with no start time is
an all-day event. Cancelled meetings are CANCELLED; postponed ones point to their new date.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from minutebook.model import Archive, Meeting, urls
from minutebook.settings import SiteSettings

LONDON = ZoneInfo("Europe/London")
DEFAULT_LENGTH = dt.timedelta(hours=2)


def _event(meeting: Meeting, archive: Archive, settings: SiteSettings):
    from icalendar import Event

    committee = archive.committees[meeting.committee]
    event = Event()
    event.add("uid", f"{meeting.id}@minutebook")
    event.add(
        "summary",
        committee.name
        + (" (cancelled)" if meeting.status == "cancelled" else "")
        + (" (postponed)" if meeting.status == "postponed" else ""),
    )
    if meeting.start:
        hour, minute = (int(x) for x in meeting.start.split(":"))
        start = dt.datetime(meeting.date.year, meeting.date.month, meeting.date.day, hour, minute, tzinfo=LONDON)
        end = start + DEFAULT_LENGTH
        if meeting.minutes and meeting.minutes.closed:
            h, m = (int(x) for x in meeting.minutes.closed.split(":"))
            closed = start.replace(hour=h, minute=m)
            end = closed if closed > start else end
        event.add("dtstart", start)
        event.add("dtend", end)
    else:
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.date + dt.timedelta(days=1))
    stamp = meeting.agenda_published or meeting.date
    event.add("dtstamp", dt.datetime(stamp.year, stamp.month, stamp.day, tzinfo=dt.UTC))
    if meeting.place:
        event.add("location", meeting.place)
    url = settings.absolute(urls.meeting(meeting))
    if settings.site_url:
        event.add("url", url)
    lines = [f"{i.number}. {i.title}" if i.number else i.title for i in meeting.items if i.on_agenda]
    if meeting.status == "postponed" and meeting.postponed_to:
        lines.insert(0, f"Postponed to {meeting.postponed_to.isoformat()}")
    lines.append(f"Papers: {url}")
    event.add("description", "\n".join(lines))
    event.add("status", {"cancelled": "CANCELLED", "postponed": "CANCELLED"}.get(meeting.status, "CONFIRMED"))
    return event


def calendar(meetings: list[Meeting], archive: Archive, settings: SiteSettings, name: str) -> str:
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", "-//Minutebook//Committee meetings//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/London")
    for meeting in meetings:
        cal.add_component(_event(meeting, archive, settings))
    cal.add_missing_timezones()
    return cal.to_ical().decode("utf-8")


def all_calendars(archive: Archive, settings: SiteSettings) -> dict[str, str]:
    out = {"meetings.ics": calendar(archive.meetings, archive, settings, f"{settings.site_name}: all meetings")}
    for committee in archive.committees.values():
        out[f"{urls.committee(committee)}meetings.ics"] = calendar(
            committee.meetings, archive, settings, committee.name
        )
    for meeting in archive.meetings:
        out[f"{urls.meeting(meeting)}meeting.ics"] = calendar(
            [meeting], archive, settings, archive.committees[meeting.committee].name
        )
    return out
