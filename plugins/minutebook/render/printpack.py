"""The print pack: a meeting's agenda and every public paper in agenda order, on one page.

Printed, each paper starts on a new page. Headings inside papers move down a level, and anchors and
footnotes get a per-paper prefix, so the page stays one valid document.
"""

from __future__ import annotations

import re

from minutebook.link.approval import minutes_to_agree
from minutebook.model import Committee, Meeting, urls
from minutebook.render.common import Page, View, fix_headings, paragraph_pieces, short_date
from minutebook.render.context import SiteContext

FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")


def _nest(body: str, prefix: str) -> str:
    body = fix_headings(body, 3)
    return FOOTNOTE.sub(lambda m: f"[^{prefix}{m.group(1)}]", body)


def url(meeting) -> str:
    return f"{urls.meeting(meeting)}print/"


class PrintPack(View):
    """A meeting's agenda pack for printing (template ``printpack.md``)."""

    committee: Committee
    kind = "print"
    template = "printpack.md"

    def __init__(self, ctx: SiteContext, meeting):
        super().__init__(ctx)
        self.meeting = meeting
        self.committee = ctx.committee(meeting.committee)

    def body_meetings(self) -> list[Meeting]:
        """Its own meeting, and the earlier ones whose minutes it prints for the meeting to agree."""
        return [self.meeting, *(earlier for _, earlier in minutes_to_agree(self.ctx.archive, self.meeting))]

    @property
    def url(self) -> str:
        return url(self.meeting)

    @property
    def title(self) -> str:
        return f"Agenda pack: {self.ctx.meeting_title(self.meeting)}"

    @property
    def description(self) -> str:
        return f"The whole agenda pack of {self.ctx.meeting_title(self.meeting)}, for printing"

    def breadcrumbs(self) -> list[tuple[str, str]]:
        return [
            (self.committee.name, urls.committee(self.committee)),
            (short_date(self.meeting.date), urls.meeting(self.meeting)),
        ]

    def values(self) -> dict:
        """Per agenda item, what the pack prints: the minutes it asks the meeting to agree, then its
        public papers, each numbered (its anchors take the prefix p<number>-)."""
        to_agree = minutes_to_agree(self.ctx.archive, self.meeting)
        sections, number = [], 0  # (item, [(kind, object, number, pieces)])
        for item in self.meeting.items:
            parts: list[tuple] = []
            for _, earlier in (pair for pair in to_agree if pair[0] is item):
                number += 1
                parts.append(("minutes", earlier, number, []))
            if not item.private:
                for paper in item.all_papers:
                    if not paper.withdrawn:
                        number += 1
                        prefix = f"p{number}-"
                        parts.append(("paper", paper, number, paragraph_pieces(_nest(paper.body, prefix), prefix)))
            sections.append((item, parts))
        return {
            "meeting": self.meeting,
            "committee": self.committee,
            "sections": sections,
            "printed": number,
            "members": self.committee.membership.get(self.meeting.year, []),
        }


def build(ctx: SiteContext, meeting) -> Page:
    return PrintPack(ctx, meeting).page()
