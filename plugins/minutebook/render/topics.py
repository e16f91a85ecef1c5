"""Topic pages: one subject's story in order, and the list of topics."""

from __future__ import annotations

import datetime as dt

from minutebook.model import urls
from minutebook.model import municipal_year_label
from minutebook.render.common import Page, inline, link, short_date, table
from minutebook.render.context import SiteContext
from minutebook.render.tracker import KIND, state_words


def _events(topic):
    """(date, order, kind, object) for everything that happened to the topic."""
    events = []
    for plan in topic.entries:
        start = plan.programme.year + (1 if plan.entry.bucket == "next municipal year" else 0)
        when = plan.entry.date or dt.date(start, 5, 1)
        events.append((when, 0, "plan", plan))
    for item in topic.items:
        events.append((item.meeting.date, 1, "item", item))
    return sorted(events, key=lambda e: (e[0], e[1]))


def build(ctx: SiteContext, topic) -> Page:
    here = urls.topic(topic.id)
    committees = [ctx.committee(c) for c in topic.committees]
    out = [f"Followed by {', '.join(link(c.name, here, urls.committee(c)) for c in committees)}: "
           f"{len(topic.items)} items from {short_date(topic.items[0].meeting.date)} to "
           f"{short_date(topic.items[-1].meeting.date)}." if topic.items else "", "",
           '<p class="mb-actions"><a href="feed.xml">RSS feed of this topic</a></p>\n']
    upcoming = sorted((p for p in topic.entries if p.entry.date and p.entry.date >= ctx.today),
                      key=lambda p: p.entry.date)
    if upcoming:
        nxt = upcoming[0]
        out.append(f"**Next planned:** {short_date(nxt.entry.date)} — {inline(nxt.entry.title)}\n")
    out.append("## The story so far {#story}\n")
    out.append('<ol class="mb-story" markdown="1">')
    for when, _, kind, obj in _events(topic):
        out.append('<li markdown="block">\n')
        if kind == "plan":
            plan = obj
            year = municipal_year_label(plan.programme.year)
            where = (f"planned for {short_date(plan.entry.date)}" if plan.entry.date
                     else f"listed under “{plan.entry.bucket}”")
            source = f", at the request of {inline(plan.entry.source)}" if plan.entry.source else ""
            out.append(f"**Work programme {year}:** “{inline(plan.entry.title)}” {where}{source} — "
                       + link(plan.label, here, urls.programme(plan.programme.committee, plan.programme.year)
                              + f"#entry-{plan.programme.entries.index(plan.entry) + 1}") + "\n")
        else:
            item = obj
            meeting = item.meeting
            head = link(f"{short_date(meeting.date)}: {item.title}", here, urls.item(item))
            out.append(f"**{head}** ({inline(ctx.committee(meeting.committee).label)})\n")
            papers = [p for p in item.all_papers if not p.withdrawn]
            if papers:
                out.append("Papers: " + ", ".join(link(p.title, here, urls.paper(p)) for p in papers) + "\n")
            actions = [a for a in topic.actions if a.item is item]
            if item.minute:
                out.append(_resolved(item, actions, here))
            for action in actions:  # requests the minutes' RESOLVED lists do not hold (from a tracker table)
                if not action.anchor:
                    out.append(f"{KIND[action.kind]}: {inline(_one_line(action.tracker_text or action.text))} "
                               f"({_followed(action, here)})\n")
        out.append("</li>")
    out.append("</ol>\n")
    return Page(url=here, title=topic.title, kind="topic", body="\n".join(x for x in out if x is not None),
                description=f"{topic.title}: every meeting that considered it, what was resolved and what followed",
                breadcrumbs=[("Topics", urls.TOPICS)])


def _resolved(item, actions, here: str) -> str:
    """The minute's RESOLVED lists, each resolution once; a resolution the tracker follows says how it stands."""
    by_anchor = {a.anchor: a for a in actions if a.anchor}
    out = [f"Minute {link(item.minute.cite, here, urls.item(item) + '#minute')}:"]
    for holder in [item.minute, *item.minute.parts]:
        if not holder.resolutions:
            continue
        if holder.resolved_intro:
            out.append(_one_line(holder.resolved_intro) + "\n")
        lines = []
        for r in holder.resolutions:
            action = by_anchor.get(r.anchor)
            follow = f" ({KIND[action.kind].lower()}: {_followed(action, here)})" if action else ""
            lines.append(f"- {_one_line(r.text)}{follow}")
        out.append("\n".join(lines))
    return "\n\n".join(out) + "\n" if len(out) > 1 else ""


def _followed(action, here: str) -> str:
    words = state_words(action)
    response = f": {inline(action.response)}" if action.answered and action.response else ""
    return link(words[0].lower() + words[1:], here, urls.tracker(action.committee)) + response


def _one_line(text: str) -> str:
    return inline(text.split("\n")[0])


def build_index(ctx: SiteContext) -> Page:
    here = urls.TOPICS
    rows = []
    for topic in ctx.archive.topics:
        first, last = topic.items[0].meeting.date, topic.items[-1].meeting.date
        rows.append([link(topic.title, here, urls.topic(topic.id)),
                     ", ".join(inline(ctx.committee(c).label) for c in topic.committees),
                     str(len(topic.items)), f"{short_date(first)} – {short_date(last)}"])
    body = ("Subjects the committees have returned to over the years. Each topic page tells the story in "
            "order: when it was planned, each meeting that considered it, what was resolved and what followed.\n\n"
            + (table(["Topic", "Committee", "Items", "From – to"], rows, "Topics") or "No topics yet.\n"))
    return Page(url=here, title="Topics", kind="topics", body=body, in_nav=True,
                description="Subjects followed across meetings and years")
