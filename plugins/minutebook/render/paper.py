"""The paper page: a report, briefing note or appendix as readable HTML."""

from __future__ import annotations

from minutebook.model import urls
from minutebook.model import Paper
from minutebook.model.vocabularies import PaperKind
from minutebook.render.common import Page, anchor_paragraphs, changes_note, dl, esc, fix_headings, inline, link, preview_banner, short_date
from minutebook.render.context import SiteContext
from minutebook.render.meeting import meeting_title

KIND_LABELS = PaperKind.labels()


def authors_block(paper: Paper) -> str:
    if not paper.authors:
        return ""
    out = ["## Authors and contacts {#authors}\n"]
    for a in paper.authors:
        lines = [f"**{inline(a.name)}**"]
        for value in (a.role, a.directorate):
            if value:
                lines.append(inline(value))
        if a.phone:
            lines.append(f"Telephone: {inline(a.phone)}")
        if a.email:
            lines.append(f'E-mail: <a href="mailto:{esc(a.email)}">{esc(a.email)}</a>')
        out.append('<address markdown="span">' + "<br>".join(lines) + "</address>\n")
    return "\n".join(out)


def build(ctx: SiteContext, paper: Paper) -> Page:
    item = paper.item
    meeting = item.meeting
    here = urls.paper(paper)
    parent = None
    if paper.parent:
        parent = next((p for p in item.papers if p.slug == paper.parent), None)
    facts = [
        ("Kind", KIND_LABELS[paper.kind] + (f" {inline(paper.appendix)}" if paper.appendix else "")),
        ("Appendix to", link(parent.title, here, urls.paper(parent)) if parent else ""),
        ("To", inline(paper.to)),
        ("Date", short_date(paper.date)),
        ("Subject", inline(paper.subject)),
        ("Agenda item", link(f"{item.number}. {item.title}" if item.number else item.title, here, urls.item(item))),
        ("Meeting", link(meeting_title(ctx, meeting), here, urls.meeting(meeting))),
        ("Original", f"[PDF of the published paper]({paper.pdf})" if paper.pdf else ""),
    ]
    if paper.withdrawn:
        reason = f" {inline(paper.withdrawn_reason)}" if paper.withdrawn_reason else ""
        notice = (f'!!! warning "Withdrawn on {short_date(paper.withdrawn)}"\n    This paper was withdrawn after '
                  f"publication and is no longer available.{reason}\n")
        return Page(url=here, title=_title(paper), kind="paper", body=dl(facts) + "\n" + notice,
                    description=f"Withdrawn paper: {paper.title}", breadcrumbs=_crumbs(ctx, paper, parent))
    out = [preview_banner(paper.unpublished), dl(facts), anchor_paragraphs(fix_headings(paper.body, 2)) + "\n"]
    if paper.appendices:
        out.append("## Appendices {#appendices}\n")
        out.append("\n".join(f"- {link(f'Appendix {a.appendix}: {a.title}', here, urls.paper(a))}"
                             for a in paper.appendices) + "\n")
    out.append(authors_block(paper))
    out.append(changes_note(ctx, paper.published, paper.corrections, "This paper was", paper.last_updated))
    return Page(url=here, title=_title(paper), kind="paper", body="\n".join(x for x in out if x),
                description=f"{KIND_LABELS[paper.kind]}: {paper.title} — {meeting_title(ctx, meeting)}",
                breadcrumbs=_crumbs(ctx, paper, parent))


def _title(paper: Paper) -> str:
    return paper.title if not paper.appendix else f"Appendix {paper.appendix}: {paper.title}"


def _crumbs(ctx: SiteContext, paper: Paper, parent: Paper | None) -> list[tuple[str, str]]:
    item = paper.item
    meeting = item.meeting
    committee = ctx.committee(meeting.committee)
    crumbs = [(committee.label, urls.committee(committee)),
              (short_date(meeting.date), urls.meeting(meeting)),
              # the item by number: its title is most often the paper's own, the page's last crumb
              (f"Item {item.number}" if item.number else item.title, urls.item(item))]
    if parent:
        crumbs.append((parent.title, urls.paper(parent)))
    return crumbs
