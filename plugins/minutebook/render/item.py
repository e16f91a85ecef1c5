"""The item page: the agenda entry, its papers, and its minute with the RESOLVED list."""

from __future__ import annotations

from minutebook.model import Committee, Item, Meeting, urls
from minutebook.render.common import Page, View, short_date
from minutebook.render.context import SiteContext
from minutebook.render.meeting import meeting_title


class ItemPage(View):
    """An agenda item's page (template ``item.md``)."""

    committee: Committee
    kind = "item"
    template = "item.md"

    def __init__(self, ctx: SiteContext, item: Item):
        super().__init__(ctx)
        self.item = item
        self.meeting = item.meeting
        self.committee = ctx.committee(item.meeting.committee)

    def body_meetings(self) -> list[Meeting]:
        return [self.meeting]

    @property
    def url(self) -> str:
        return urls.item(self.item)

    @property
    def title(self) -> str:
        return self.item.title

    @property
    def description(self) -> str:
        return f"{self.item.title}: {meeting_title(self.ctx, self.meeting)}"

    def breadcrumbs(self) -> list[tuple[str, str]]:
        return [
            (self.committee.name, urls.committee(self.committee)),
            (short_date(self.meeting.date), urls.meeting(self.meeting)),
        ]

    def values(self) -> dict:
        ctx, item, meeting = self.ctx, self.item, self.meeting
        minute = item.minute if item.minute and not item.private else None
        references, cited = [], []
        if minute:
            for cite in minute.references:
                found = ctx.archive.find_minute(meeting.committee, cite, meeting.date)
                references.append((cite, found[1] if found else None))
            cited = ctx.cited_by.get((meeting.committee, minute.year, minute.number), [])
        items = meeting.items
        index = items.index(item)
        return {
            "item": item,
            "meeting": meeting,
            "references": references,
            "cited": cited,
            "previous": items[index - 1] if index > 0 else None,
            "following": items[index + 1] if index + 1 < len(items) else None,
        }


def build(ctx: SiteContext, item: Item) -> Page:
    return ItemPage(ctx, item).page()
