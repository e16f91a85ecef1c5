"""The people index and each person's page: roles by year, attendance, declarations, votes."""

from __future__ import annotations

from collections import defaultdict

from minutebook.model import Person, urls
from minutebook.render.common import Page, View
from minutebook.render.context import SiteContext

ATTENDED = {"present", "co_opted", "cabinet_members", "other_members", "officers", "invited", "substitutions"}


def _sort_key(person: Person):
    parts = person.name.split()
    return (parts[-1].lower() if parts else "", person.name.lower())


class PeoplePage(View):
    """Everyone named in the papers (template ``people.md``)."""

    kind = "people"
    template = "people.md"
    in_nav = True
    url = urls.PEOPLE
    title = "People"
    description = "Councillors, co-opted members, officers and guests named in the papers"

    def values(self) -> dict:
        ctx, people = self.ctx, []
        for person in sorted(ctx.archive.people.values(), key=_sort_key):
            records = ctx.attendance.get(person.key, [])
            if not ctx.has_page(person.key):
                continue
            people.append((person, sum(1 for _, group, _ in records if group in ATTENDED),
                           sum(1 for _, group, _ in records if group == "apologies")))
        return {"people": people}


class PersonPage(View):
    """One person's page (template ``person.md``)."""

    kind = "person"
    template = "person.md"

    def __init__(self, ctx: SiteContext, person: Person):
        super().__init__(ctx)
        self.person = person

    @property
    def url(self) -> str:
        return urls.person(self.person.key)

    @property
    def title(self) -> str:
        return self.person.name

    @property
    def description(self) -> str:
        return f"{self.person.name}: committee roles, attendance and declarations"

    def breadcrumbs(self) -> list[tuple[str, str]]:
        return [("People", urls.PEOPLE)]

    def values(self) -> dict:
        ctx, key = self.ctx, self.person.key
        declarations = [(meeting, d, next((i for i in meeting.items if i.minute and i.minute.number == d.minute), None))
                        for meeting, d in ctx.declarations.get(key, [])]
        summary = attendance_by_year(ctx, key)
        chart = []  # per year, the bars of the chart: (kind, width in steps of 5%)
        for year, c in summary:
            total = max(c["present"] + c["apologies"] + c["absent"], 1)
            chart.append((year, [(kind, round(c[kind] * 20 / total) * 5)
                                 for kind in ("present", "apologies", "absent") if c[kind]]))
        return {
            "person": self.person,
            "chart": chart,
            "memberships": sorted(ctx.memberships.get(key, []), key=lambda cm: (-cm[1].year, cm[0].name)),
            "summary": summary,
            "records": sorted(ctx.attendance.get(key, []), key=lambda r: r[0].date, reverse=True),
            "declarations": declarations,
            "motions": sorted(ctx.motions.get(key, []), key=lambda r: r[0].date, reverse=True),
            "votes": sorted(ctx.votes.get(key, []), key=lambda r: (r[0].date, r[1].minute.number), reverse=True),
        }


def build_index(ctx: SiteContext) -> Page:
    return PeoplePage(ctx).page()


def build(ctx: SiteContext, person: Person) -> Page:
    return PersonPage(ctx, person).page()


def attendance_by_year(ctx: SiteContext, key: str) -> list[tuple[int, dict]]:
    """Per municipal year: present, apologies, absent (expected but neither) and expected."""
    counts: dict[int, dict] = defaultdict(lambda: {"present": 0, "apologies": 0, "absent": 0, "expected": 0})
    seen: dict[int, set] = defaultdict(set)
    for meeting, group, _ in ctx.attendance.get(key, []):
        if meeting.id in seen[meeting.year]:
            continue
        seen[meeting.year].add(meeting.id)
        counts[meeting.year]["present" if group in ATTENDED else "apologies"] += 1
    member_of = {(c.slug, m.year) for c, m in ctx.memberships.get(key, [])}
    for committee_slug, year in member_of:
        for meeting in ctx.committee(committee_slug).meetings:
            if meeting.year == year and meeting.minutes and meeting.minutes.attendance:
                counts[year]["expected"] += 1
                if meeting.id not in seen[year]:
                    counts[year]["absent"] += 1
    return sorted(counts.items(), reverse=True)
