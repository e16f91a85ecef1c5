"""The home page: upcoming and recent meetings, latest papers, committees."""

from __future__ import annotations

from minutebook.link import approval
from minutebook.model import urls
from minutebook.render.common import Page, clock, inline, link, short_date, table
from minutebook.render.context import SiteContext
from minutebook.render.meeting import STATUS_LABELS


def build(ctx: SiteContext, intro: str = "") -> Page:
    here = urls.HOME
    meetings = ctx.archive.meetings
    out = [f"# {ctx.site_name}\n"]
    if intro:
        out.append(intro + "\n")
    upcoming = [m for m in meetings if m.date >= ctx.today and m.status not in ("held",)][:10]
    out.append("## Upcoming meetings {#upcoming}\n")
    if upcoming:
        out.append(table(["Date", "Committee", "Time", "Status"], [
            [link(short_date(m.date), here, urls.meeting(m)), inline(ctx.committee(m.committee).name),
             clock(m.start), STATUS_LABELS[m.status]] for m in upcoming], "Upcoming meetings", hide_caption=True))
    else:
        out.append("No meetings are scheduled yet.\n")
    recent = [m for m in reversed(meetings) if m.date < ctx.today or m.status == "held"][:10]
    if recent:
        out.append("## Recent meetings {#recent}\n")
        out.append(table(["Date", "Committee", "Minutes"], [
            [link(short_date(m.date), here, urls.meeting(m)), inline(ctx.committee(m.committee).name),
             approval.minutes_words(ctx.archive, m, ctx.today) or STATUS_LABELS[m.status]]
            for m in recent], "Recent meetings", hide_caption=True))
    papers = []
    for m in reversed(meetings):
        for item in m.items:
            for p in ctx.public_papers(item):
                if not p.parent:
                    papers.append((m, item, p))
        if len(papers) >= 10:
            break
    if papers:
        out.append("## Latest papers {#papers}\n")
        out.append(table(["Paper", "Meeting"], [
            [link(p.title, here, urls.paper(p)), link(f"{ctx.committee(m.committee).label}, {short_date(m.date)}",
                                                       here, urls.meeting(m))] for m, _, p in papers[:10]],
            "Latest papers", hide_caption=True))
    visible = [c for c in ctx.archive.committees.values() if not c.hidden]
    if visible:
        out.append("## Committees {#committees}\n")
        out.append("\n".join(f"- {link(c.name, here, urls.committee(c))}"
                             for c in sorted(visible, key=lambda c: c.name.lower())) + "\n")
    return Page(url=here, title="Home", kind="home", body="\n".join(out),
                description="Agendas, papers and minutes of council committees", in_nav=True)
