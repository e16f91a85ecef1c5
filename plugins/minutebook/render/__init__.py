"""Page text: turns the linked model into one Markdown page per committee, meeting, item, paper
and person. Pure functions of the model; the MkDocs plugin only hands the results to MkDocs."""

from __future__ import annotations

import datetime as dt

from minutebook.link.references import resolve_targets
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
    topics,
    tracker,
)
from minutebook.render.common import Page
from minutebook.render.context import SiteContext
from minutebook.settings import SiteSettings

__all__ = ["Page", "SiteContext", "build_site"]


def build_site(archive: Archive, today: dt.date, settings: SiteSettings | None = None, intro: str = "") -> list[Page]:
    ctx = SiteContext(archive, today, settings or SiteSettings())
    pages = [home.build(ctx, intro), committee.build_index(ctx), people.build_index(ctx), calendar.build(ctx)]
    pages.append(topics.build_index(ctx))
    for t in archive.topics:
        pages.append(topics.build(ctx, t))
    plans_by_year: dict = {}
    for plan in archive.plan_links:
        plans_by_year.setdefault((plan.programme.committee, plan.programme.year), []).append(plan)
    for c in sorted(archive.committees.values(), key=lambda c: c.name.lower()):
        pages.append(committee.build(ctx, c))
        for (slug, year), plans in sorted(plans_by_year.items()):
            if slug == c.slug:
                pages.append(programme.build(ctx, c, year, plans))
        actions = [a for a in archive.actions if a.committee == c.slug]
        if actions:
            pages.append(tracker.build(ctx, c, actions))
    for m in archive.meetings:
        pages.append(meeting.build(ctx, m))
        if any(not i.private and i.all_papers for i in m.items):
            pages.append(printpack.build(ctx, m))
        for i in m.items:
            pages.append(item.build(ctx, i))
            for p in ctx.public_papers(i):
                pages.append(paper.build(ctx, p))
    for key in sorted(archive.people):
        if ctx.has_page(key):
            pages.append(people.build(ctx, archive.people[key]))
    for page in pages:
        page.body = resolve_targets(page.body, page.url)
    return pages
