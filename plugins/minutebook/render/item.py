"""The item page: the agenda entry, its papers, and its minute with the RESOLVED list."""

from __future__ import annotations

from minutebook.link import approval
from minutebook.model import urls
from minutebook.model import Item
from minutebook.render.common import Page, dl, inline, link, short_date
from minutebook.render.context import SiteContext
from minutebook.load.council import law_of
from minutebook.render.meeting import meeting_title, private_notice, render_minute


def paper_list(ctx: SiteContext, item: Item, here: str) -> str:
    papers = ctx.public_papers(item)
    if not papers:
        return ""
    out = ["## Papers {#papers}\n"]
    for paper in item.papers:
        status = f", withdrawn {short_date(paper.withdrawn)}" if paper.withdrawn else ""
        status += ", preview only" if paper.unpublished else ""
        out.append(f"- {link(paper.title, here, urls.paper(paper))} ({paper.kind}{status})")
        for appendix in paper.appendices:
            out.append(f"    - {link(f'Appendix {appendix.appendix}: {appendix.title}', here, urls.paper(appendix))}")
    return "\n".join(out) + "\n"


def build(ctx: SiteContext, item: Item) -> Page:
    meeting = item.meeting
    here = urls.item(item)
    committee = ctx.committee(meeting.committee)
    facts = [
        ("Meeting", link(meeting_title(ctx, meeting), here, urls.meeting(meeting))),
        ("Agenda item", inline(item.number or "")),
        ("Introduced by", inline(item.lead)),
        ("Pages in the agenda pack", inline(item.pages or "")),
        ("Minute", f"[{item.minute.cite}](#minute)" if item.minute and not item.private else ""),
        ("Topic", link(item.topic_ref.title, here, urls.topic(item.topic_ref.id)) + f" ({len(item.topic_ref.items)} items)"
         if item.topic_ref is not None else ""),
    ]
    out = [dl(facts)]
    if item.private:
        out.append(private_notice(item, law_of(ctx.archive)))
    if item.description:
        out.append(item.description + "\n")
    if item.parts:
        out.append("\n".join(f"- {inline(p.number)}) {p.title}" for p in item.parts) + "\n")
    out.append(paper_list(ctx, item, here))
    minute = item.minute
    if minute and not item.private:
        out.append(f"## Minute {minute.cite}: {inline(minute.title)} {{#minute}}\n")
        if meeting.minutes and meeting.minutes.unpublished:
            out.append(f"*Preview only — {meeting.minutes.unpublished}.*\n")
        state = approval.minutes_state(ctx.archive, meeting, ctx.today)
        if state == approval.AWAITING:
            out.append("*From minutes not yet approved.*\n")
        elif state == approval.NOT_RECORDED:
            out.append("*From minutes whose approval is not recorded in this archive.*\n")
        out.append(render_minute(minute, 2))
        if minute.references:
            refs = []
            for cite in minute.references:
                found = ctx.archive.find_minute(meeting.committee, cite, meeting.date)
                if found:
                    anchor = "" if found[1].private else "#minute"
                    refs.append(link(f"Minute {cite}", here, urls.item(found[1]) + anchor))
                else:
                    refs.append(f"Minute {cite}")
            out.append("**Refers to:** " + ", ".join(refs) + "\n")
        cited = ctx.cited_by.get((meeting.committee, minute.year, minute.number), [])
        if cited:
            out.append("**Referred to by:** " + ", ".join(
                link(f"Minute {c.minute.cite} ({short_date(c.meeting.date)}): {c.title}", here, urls.item(c))
                for c in cited) + "\n")
    items = meeting.items
    index = items.index(item)
    nav = []
    if index > 0:
        nav.append("Previous item: " + link(items[index - 1].title, here, urls.item(items[index - 1])))
    if index + 1 < len(items):
        nav.append("Next item: " + link(items[index + 1].title, here, urls.item(items[index + 1])))
    if nav:
        out.append('<nav class="mb-prevnext" aria-label="Other items of this meeting" markdown="1">\n\n'
                   + " · ".join(nav) + "\n\n</nav>\n")
    return Page(
        url=here, title=item.title, kind="item", body="\n".join(x for x in out if x),
        description=f"{item.title}: {meeting_title(ctx, meeting)}",
        breadcrumbs=[(committee.label, urls.committee(committee)),
                     (short_date(meeting.date), urls.meeting(meeting))],
    )
