"""The paper page: a report, briefing note or appendix as readable HTML."""

from __future__ import annotations

from minutebook.model import Committee, Meeting, Paper, urls
from minutebook.render.common import Page, View, fix_headings, paragraph_pieces, short_date
from minutebook.render.context import SiteContext
from minutebook.render.templates import KIND_LABELS


class PaperPage(View):
    """A paper's page (template ``paper.md``)."""

    committee: Committee
    kind = "paper"
    template = "paper.md"

    def __init__(self, ctx: SiteContext, paper: Paper):
        super().__init__(ctx)
        self.paper = paper
        self.item = paper.item
        self.meeting = paper.item.meeting
        self.committee = ctx.committee(self.meeting.committee)
        self.parent = next((p for p in self.item.papers if p.slug == paper.parent), None) if paper.parent else None

    def body_meetings(self) -> list[Meeting]:
        return [self.meeting]

    @property
    def url(self) -> str:
        return urls.paper(self.paper)

    @property
    def title(self) -> str:
        paper = self.paper
        return paper.title if not paper.appendix else f"Appendix {paper.appendix}: {paper.title}"

    @property
    def description(self) -> str:
        if self.paper.withdrawn:
            return f"Withdrawn paper: {self.paper.title}"
        return f"{KIND_LABELS[self.paper.kind]}: {self.paper.title} — {self.ctx.meeting_title(self.meeting)}"

    def breadcrumbs(self) -> list[tuple[str, str]]:
        item, meeting = self.item, self.meeting
        committee = self.ctx.committee(meeting.committee)
        crumbs = [
            (committee.name, urls.committee(committee)),
            (short_date(meeting.date), urls.meeting(meeting)),
            # the item by number: its title is most often the paper's own, the page's last crumb
            (f"Item {item.number}" if item.number else item.title, urls.item(item)),
        ]
        if self.parent:
            crumbs.append((self.parent.title, urls.paper(self.parent)))
        return crumbs

    def values(self) -> dict:
        paper = self.paper
        return {
            "paper": paper,
            "item": self.item,
            "meeting": self.meeting,
            "parent": self.parent,
            "kind_label": KIND_LABELS[paper.kind],
            "body": [] if paper.withdrawn else paragraph_pieces(fix_headings(paper.body, 2)),
        }


def build(ctx: SiteContext, paper: Paper) -> Page:
    return PaperPage(ctx, paper).page()
