"""Page text: turns the linked model into one Markdown page per committee, meeting, item, paper
and person. Pure functions of the model; the MkDocs plugin only hands the results to MkDocs."""

from __future__ import annotations

import datetime as dt

from minutebook.model import Archive
from minutebook.render import (
    calendar,
    committee,
    home,
    item,
    meeting,
    paper,
    people,
    printpack,
    programme,
    templates,
    topics,
    tracker,
)
from minutebook.render.common import Page, PageRef
from minutebook.render.context import SiteContext
from minutebook.settings import SiteSettings

__all__ = ["Page", "PageRef", "SiteContext", "build_site"]


def build_site(
    archive: Archive, today: dt.date, settings: SiteSettings | None = None, intro: str = ""
) -> list[PageRef]:
    """Every generated page, as descriptors: cheap to hold, each builds its Markdown when asked."""
    templates.reload()  # this build reads the templates as they are now
    ctx = SiteContext(archive, today, settings or SiteSettings())
    views = [
        home.HomePage(ctx, intro),
        committee.CommitteesPage(ctx),
        people.PeoplePage(ctx),
        calendar.CalendarPage(ctx),
        topics.TopicsPage(ctx),
    ]
    for t in archive.topics:
        views.append(topics.TopicPage(ctx, t))
    plans_by_year: dict = {}
    for plan in archive.plan_links:
        plans_by_year.setdefault((plan.programme.committee, plan.programme.year), []).append(plan)
    for c in sorted(archive.committees.values(), key=lambda c: c.name.lower()):
        views.append(committee.CommitteePage(ctx, c))
        for (slug, year), plans in sorted(plans_by_year.items()):
            if slug == c.slug:
                views.append(programme.ProgrammePage(ctx, c, year, plans))
        actions = [a for a in archive.actions if a.committee == c.slug]
        if actions:
            views.append(tracker.TrackerPage(ctx, c, actions))
    for m in archive.meetings:
        views.append(meeting.MeetingPage(ctx, m))
        if any(not i.private and i.all_papers for i in m.items):
            views.append(printpack.PrintPack(ctx, m))
        for i in m.items:
            views.append(item.ItemPage(ctx, i))
            for p in ctx.public_papers(i):
                views.append(paper.PaperPage(ctx, p))
    for key in sorted(archive.people):
        if ctx.has_page(key):
            views.append(people.PersonPage(ctx, archive.people[key]))
    return [PageRef(v) for v in views]
