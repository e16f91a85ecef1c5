"""The committees list and each committee's page: membership and meetings by municipal year."""

from __future__ import annotations

from collections import defaultdict

from minutebook.model import Committee, Meeting, urls
from minutebook.render.common import Page, View
from minutebook.render.context import SiteContext
from minutebook.render.meeting import STATUS_LABELS


class CommitteePage(View):
    """A committee's page (template ``committee.md``)."""

    committee: Committee

    kind = "committee"
    template = "committee.md"
    in_nav = True

    def __init__(self, ctx: SiteContext, committee: Committee):
        super().__init__(ctx)
        self.committee = committee

    @property
    def url(self) -> str:
        return urls.committee(self.committee)

    @property
    def title(self) -> str:
        return self.committee.name

    @property
    def description(self) -> str:
        return f"Meetings, papers and minutes of {self.committee.name}"

    def values(self) -> dict:
        ctx, committee = self.ctx, self.committee
        by_year: dict[int, list[Meeting]] = defaultdict(list)
        for m in committee.meetings:
            by_year[m.year].append(m)
        return {
            "committee": committee,
            "programmes": sorted(
                {p.programme.year for p in ctx.archive.plan_links if p.programme.committee == committee.slug},
                reverse=True,
            ),
            "has_tracker": any(a.committee == committee.slug for a in ctx.archive.actions),
            "years": sorted(committee.membership, reverse=True),
            "upcoming": [
                m for m in committee.meetings if m.date >= ctx.today and m.status in ("scheduled", "agenda published")
            ],
            # newest first within a year too, as the years are
            "by_year": [
                (year, sorted(ms, key=lambda m: m.date, reverse=True))
                for year, ms in sorted(by_year.items(), reverse=True)
            ],
            "STATUS_LABELS": STATUS_LABELS,
        }


class CommitteesPage(View):
    """The list of committees (template ``committees.md``)."""

    kind = "committees"
    template = "committees.md"
    in_nav = True
    url = urls.COMMITTEES
    title = "Committees"
    description = "Every committee whose papers are published here"

    def values(self) -> dict:
        return {
            "committees": sorted(
                (c for c in self.ctx.archive.committees.values() if not c.hidden), key=lambda c: c.name.lower()
            )
        }


def build(ctx: SiteContext, committee: Committee) -> Page:
    return CommitteePage(ctx, committee).page()


def build_index(ctx: SiteContext) -> Page:
    return CommitteesPage(ctx).page()
