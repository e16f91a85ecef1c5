"""The home page: upcoming and recent meetings, latest papers, committees."""

from __future__ import annotations

from minutebook.model import urls
from minutebook.render.common import Page, View
from minutebook.render.context import SiteContext
from minutebook.render.meeting import STATUS_LABELS


class HomePage(View):
    """The home page (template ``home.md``)."""

    kind = "home"
    template = "home.md"
    in_nav = True
    url = urls.HOME
    title = "Home"
    description = "Agendas, papers and minutes of council committees"

    def __init__(self, ctx: SiteContext, intro: str = ""):
        super().__init__(ctx)
        self.intro = intro

    def values(self) -> dict:
        ctx = self.ctx
        meetings = ctx.archive.meetings
        papers: list[tuple] = []
        for m in reversed(meetings):
            for item in m.items:
                papers.extend((m, p) for p in ctx.public_papers(item) if not p.parent)
            if len(papers) >= 10:
                break
        return {
            "intro": self.intro,
            "upcoming": [m for m in meetings if m.date >= ctx.today and m.status not in ("held",)][:10],
            "recent": [m for m in reversed(meetings) if m.date < ctx.today or m.status == "held"][:10],
            "papers": papers[:10],
            "committees": sorted(
                (c for c in ctx.archive.committees.values() if not c.hidden), key=lambda c: c.name.lower()
            ),
            "STATUS_LABELS": STATUS_LABELS,
        }


def build(ctx: SiteContext, intro: str = "") -> Page:
    return HomePage(ctx, intro).page()
