"""Work-programme timelines: a committee's year on a time axis, planned against considered."""

from __future__ import annotations

from collections import defaultdict

from minutebook.model import urls
from minutebook.model import municipal_year_label
from minutebook.link.planning import STATUS_LABELS
from minutebook.render.common import Page, inline, link, pack_link, short_date, table
from minutebook.render.context import SiteContext

BADGES = {"considered": "mb-ok", "moved": "mb-moved", "dropped": "mb-dropped", "pending": "mb-pending",
          "no papers": "mb-unknown", "not scheduled": "mb-pending", "not found": "mb-dropped"}


def considered_at(item) -> str:
    """Where an entry was taken up, in words a reader can place: '11 January 2018, minute 36/17'."""
    what = (f"minute {item.minute.cite}" if item.minute else f"item {item.number}" if item.number
            else inline(item.title))
    return f"{short_date(item.meeting.date)}, {what}"


def _entry(ctx, plan, here, number) -> str:
    entry = plan.entry
    badge = f'<span class="mb-badge {BADGES[plan.status]}">{plan.label}</span>'
    taken = ""
    if plan.items:
        taken = " — considered at " + "; ".join(link(considered_at(i), here, urls.item(i)) for i in plan.items)
    details = []
    if entry.detail:
        details.append(inline(entry.detail))
    if entry.leads:
        details.append("Lead: " + inline(", ".join(entry.leads)))
    if entry.source:
        details.append("Requested by: " + inline(entry.source))
    if entry.outcomes:
        details.append("Outcomes: " + inline(entry.outcomes))
    topic = ""
    topics = {i.topic_ref.id: i.topic_ref for i in plan.items if i.topic_ref is not None}
    if topics:
        topic = " · Topic: " + ", ".join(link(t.title, here, urls.topic(t.id)) for t in topics.values())
    more = ("<br><small>" + "<br>".join(details) + "</small>") if details else ""
    return (f'<li id="entry-{number}" markdown="span">{badge} **{inline(entry.title)}**{taken}{topic}{more}</li>')


def build(ctx: SiteContext, committee, year: int, plans: list) -> Page:
    here = urls.programme(committee.slug, year)
    label = municipal_year_label(year)
    numbered = {id(p): p.programme.entries.index(p.entry) + 1 for p in plans}
    by_date: dict = defaultdict(list)
    buckets: dict = defaultdict(list)
    for plan in plans:
        (by_date[plan.entry.date] if plan.entry.date else buckets[plan.entry.bucket]).append(plan)
    counts = defaultdict(int)
    for plan in plans:
        counts[plan.status] += 1
    out = [f"What {inline(committee.name)} planned to consider in {label}, and what happened to each item. "
           "Each planned meeting is on the time line below, with its items marked:\n",
           "\n".join(f"- **{STATUS_LABELS[s]}**: {counts[s]}" for s in STATUS_LABELS if counts[s]) + "\n"]
    source = plans[0].programme.published_in if plans else ""
    if source:
        out.append(f"From the work programme printed in {pack_link(ctx, committee.slug, source, here)}.\n")
    out.append("## Time line {#timeline}\n")
    out.append('<ol class="mb-timeline" markdown="1">')
    for day in sorted(by_date):
        meeting = ctx.archive.meeting(committee.slug, day)
        head = link(short_date(day), here, urls.meeting(meeting)) if meeting else short_date(day)
        note = "" if meeting else " <small>(no papers of this meeting are in the archive)</small>"
        out.append(f'<li class="mb-timeline-meeting" markdown="block">\n\n### {head}{note} {{#meeting-{day.isoformat()}}}\n')
        out.append('<ul class="mb-plan" markdown="1">')
        out.extend(_entry(ctx, p, here, numbered[id(p)]) for p in by_date[day])
        out.append("</ul>\n</li>")
    out.append("</ol>\n")
    for bucket, group in buckets.items():
        out.append(f"## {bucket.capitalize()} {{#{bucket.replace(' ', '-')}}}\n")
        out.append('<ul class="mb-plan" markdown="1">')
        out.extend(_entry(ctx, p, here, numbered[id(p)]) for p in group)
        out.append("</ul>\n")
    out.append("## The same, as a table {#table}\n")
    rows = [[short_date(p.entry.date) if p.entry.date else inline(p.entry.bucket.capitalize()), inline(p.entry.title),
             p.label, "; ".join(link(considered_at(i), here, urls.item(i)) for i in p.items)] for p in plans]
    out.append(table(["Planned", "Item", "What happened", "Considered at"], rows, f"Work programme {label}"))
    return Page(url=here, title=f"Work programme {label}: {committee.label}", kind="programme",
                body="\n".join(out), description=f"{committee.name}: work programme {label}, planned and considered",
                breadcrumbs=[(committee.label, urls.committee(committee))])
