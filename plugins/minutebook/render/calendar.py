"""The calendar page: upcoming meetings, then past meetings by month, newest first."""

from __future__ import annotations

from itertools import groupby

from minutebook.model import urls
from minutebook.render.common import Page, clock, inline, link, table
from minutebook.render.context import SiteContext
from minutebook.render.meeting import status_label

CALENDAR = "calendar/"


def build(ctx: SiteContext) -> Page:
    here = CALENDAR
    meetings = ctx.archive.meetings
    out = ['<p><a href="../meetings.ics">Subscribe to every meeting (iCalendar)</a> · '
           '<a href="../feed.xml">RSS feed of new papers</a> · <a href="../atom.xml">Atom feed</a></p>\n']
    upcoming = [m for m in meetings if m.date >= ctx.today]
    past = [m for m in reversed(meetings) if m.date < ctx.today]
    for label, group, anchor in (("Upcoming meetings", upcoming, "upcoming"), ("Past meetings", past, "past")):
        out.append(f"## {label} {{#{anchor}}}\n")
        if not group:
            out.append("None.\n" if anchor == "past" else "No meetings are scheduled yet.\n")
            continue
        for month, in_month in groupby(group, key=lambda m: (m.date.year, m.date.month)):
            in_month = list(in_month)
            title = in_month[0].date.strftime("%B %Y")
            out.append(f"### {title} {{#{anchor}-{month[0]}-{month[1]:02d}}}\n")
            out.append(table(["Date", "Committee", "Time", "Place", "Status"], [
                [link(f"{m.date:%A} {m.date.day}", here, urls.meeting(m)), inline(ctx.committee(m.committee).name),
                 clock(m.start), inline(m.place), status_label(ctx, m)] for m in in_month], f"Meetings in {title}",
                hide_caption=True))
    return Page(url=here, title="Meetings calendar", kind="calendar", body="\n".join(out),
                description="Every committee meeting, upcoming and past, by month", in_nav=True)
