"""Work-programme timelines: a committee's year on a time axis, planned against considered."""

from __future__ import annotations

from collections import defaultdict

from minutebook.link.planning import STATUS_LABELS
from minutebook.model import Committee, municipal_year_label, urls
from minutebook.render.common import Page, View
from minutebook.render.context import SiteContext
from minutebook.render.yearchart import SHAPES, year_chart

BADGES = {
    "considered": "mb-ok",
    "moved": "mb-moved",
    "dropped": "mb-dropped",
    "pending": "mb-pending",
    "no papers": "mb-unknown",
    "not scheduled": "mb-pending",
    "not found": "mb-dropped",
}


class ProgrammePage(View):
    """A committee's work programme for one municipal year, as a time line (template ``programme.md``)."""

    committee: Committee
    kind = "programme"
    template = "programme.md"

    def __init__(self, ctx: SiteContext, committee, year: int, plans: list):
        super().__init__(ctx)
        self.committee, self.year, self.plans = committee, year, plans

    def body_meetings(self) -> list:
        return []

    @property
    def url(self) -> str:
        return urls.programme(self.committee.slug, self.year)

    @property
    def title(self) -> str:
        return f"Work programme {municipal_year_label(self.year)}: {self.committee.name}"

    @property
    def description(self) -> str:
        return f"{self.committee.name}: work programme {municipal_year_label(self.year)}, planned and considered"

    def breadcrumbs(self) -> list[tuple[str, str]]:
        return [(self.committee.name, urls.committee(self.committee))]

    def values(self) -> dict:
        plans = self.plans
        numbered = {id(p): p.programme.entries.index(p.entry) + 1 for p in plans}
        by_date: dict = defaultdict(list)
        buckets: dict = defaultdict(list)
        counts: dict = defaultdict(int)
        for plan in plans:
            (by_date[plan.entry.date] if plan.entry.date else buckets[plan.entry.bucket]).append(plan)
            counts[plan.status] += 1
        return {
            "committee": self.committee,
            "label": municipal_year_label(self.year),
            "plans": plans,
            "number": lambda plan: numbered[id(plan)],
            "counts": counts,
            "by_date": [(d, self.ctx.archive.meeting(self.committee.slug, d), by_date[d]) for d in sorted(by_date)],
            "buckets": list(buckets.items()),
            "source": plans[0].programme.published_in if plans else "",
            "STATUS_LABELS": STATUS_LABELS,
            "BADGES": BADGES,
            "SHAPES": SHAPES,
            "chart": year_chart(plans, lambda plan: numbered[id(plan)], municipal_year_label(self.year)),
        }


def build(ctx: SiteContext, committee, year: int, plans: list) -> Page:
    return ProgrammePage(ctx, committee, year, plans).page()
