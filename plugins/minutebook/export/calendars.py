"""iCalendar files: every meeting, each committee's meetings, and one per meeting ("add to calendar").

Written with the ``icalendar`` library; times are UK local time (TZID Europe/London with its
VTIMEZONE), so phones show the right hour across the clock changes. A meeting with no start time is
an all-day event. Cancelled meetings are CANCELLED; postponed ones point to their new date.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
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


def calendar(
    meetings: list[Meeting], archive: Archive, settings: SiteSettings, name: str, events: dict | None = None
) -> str:
    """The calendar of ``meetings``: what icalendar writes for a Calendar of their events with
    add_missing_timezones(), assembled from text made once a build (each event is in three calendars,
    the VTIMEZONE in nearly every one). A component's lines do not depend on what holds it, so the
    text is the same (tests/test_render_speed.py compares it with icalendar's own)."""
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", "-//Minutebook//Committee meetings//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/London")
    head = cal.to_ical().decode("utf-8")
    end = "END:VCALENDAR\r\n"
    assert head.endswith(end)
    events = {} if events is None else events
    parts: list[str] = []
    tzids: set[str] = set()
    for meeting in meetings:
        made = events.get(meeting.id)
        if made is None:
            event = _event(meeting, archive, settings)
            made = events[meeting.id] = (event.to_ical().decode("utf-8"), _tzids(event))
        parts.append(made[0])
        tzids |= made[1]
    zones = [_timezone(tzid) for tzid in sorted(tzids)]
    return head[: -len(end)] + "".join(z for z in zones if z) + "".join(parts) + end


def _tzids(event) -> frozenset[str]:
    """The time zones an event names (as Calendar.get_missing_tzids finds them), UTC aside."""
    from icalendar import Calendar

    holder = Calendar()
    holder.add_component(event)
    return frozenset(holder.get_used_tzids() - {"UTC"})


@lru_cache(maxsize=4)
def _timezone(tzid: str) -> str:
    """The VTIMEZONE of ``tzid`` (Europe/London) over icalendar's default span of years, as text
    ('' for a zone icalendar does not know, which add_missing_timezones() leaves out too)."""
    from icalendar import Timezone

    try:
        return Timezone.from_tzid(tzid).to_ical().decode("utf-8")
    except ValueError:
        return ""


def all_calendars(archive: Archive, settings: SiteSettings) -> dict[str, str]:
    events: dict = {}  # meeting id -> (its VEVENT's text, its time zones)
    out = {"meetings.ics": calendar(archive.meetings, archive, settings, f"{settings.site_name}: all meetings", events)}
    for committee in archive.committees.values():
        out[f"{urls.committee(committee)}meetings.ics"] = calendar(
            committee.meetings, archive, settings, committee.name, events
        )
    for meeting in archive.meetings:
        out[f"{urls.meeting(meeting)}meeting.ics"] = calendar(
            [meeting], archive, settings, archive.committees[meeting.committee].name, events
        )
    return out
