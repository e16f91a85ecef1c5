"""The calendar page: upcoming meetings, then past meetings by month, newest first."""

from __future__ import annotations

from itertools import groupby

from minutebook.render.common import Page, View
from minutebook.render.context import SiteContext
from minutebook.render.meeting import STATUS_LABELS

CALENDAR = "calendar/"


class CalendarPage(View):
    """The meetings calendar (template ``calendar.md``)."""

    kind = "calendar"
    template = "calendar.md"
    in_nav = True
    url = CALENDAR
    title = "Meetings calendar"
    description = "Every committee meeting, upcoming and past, by month"

    def values(self) -> dict:
        meetings, today = self.ctx.archive.meetings, self.ctx.today

        def by_month(group):
            return [
                (month, list(in_month)) for month, in_month in groupby(group, key=lambda m: (m.date.year, m.date.month))
            ]

        return {
            "sections": [
                ("Upcoming meetings", by_month(m for m in meetings if m.date >= today), "upcoming"),
                ("Past meetings", by_month(m for m in reversed(meetings) if m.date < today), "past"),
            ],
            "STATUS_LABELS": STATUS_LABELS,
        }


def build(ctx: SiteContext) -> Page:
    return CalendarPage(ctx).page()
