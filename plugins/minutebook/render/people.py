"""The people index and each person's page: roles by year, attendance, declarations, votes."""

from __future__ import annotations

from collections import defaultdict

from minutebook.model import Person, urls
from minutebook.model.vocabularies import AttendanceGroup, Role
from minutebook.render.common import Page, View
from minutebook.render.context import SiteContext

ATTENDED = {"present", "co_opted", "cabinet_members", "other_members", "officers", "invited", "substitutions"}

# Attendance groups that list councillors (members present, cabinet and other members, substitutes).
COUNCILLOR_GROUPS = {
    AttendanceGroup.PRESENT.value,
    AttendanceGroup.CABINET_MEMBERS.value,
    AttendanceGroup.OTHER_MEMBERS.value,
    AttendanceGroup.SUBSTITUTIONS.value,
}
NOT_COUNCILLOR_ROLES = {Role.CO_OPTED.value}
# honorifics only councillors hold: Scotland's Provost, Lord Provost, Depute Provost and Bailies are councillors
COUNCILLOR_HONORIFICS = {"councillor", "cllr", "provost", "lord provost", "depute provost", "bailie"}

# The people index's groups, in order: (key, heading, what the group holds).
GROUPS = [
    ("councillors", "Councillors", "Elected members: committee members, cabinet members and other councillors."),
    ("officers", "Officers", "The council's officers who attended."),
    ("others", "Others", "Co-opted members, invited guests and others named in the papers."),
]


def _sort_key(person: Person):
    parts = person.name.split()
    return (parts[-1].lower() if parts else "", person.name.lower())


def group_of(ctx: SiteContext, person: Person) -> str:
    """'councillors', 'officers' or 'others', from people.yml, committee roles and attendance groups."""
    if " ".join(person.honorific.lower().split()) in COUNCILLOR_HONORIFICS:
        return "councillors"
    roles = {m.role for _, m in ctx.memberships.get(person.key, [])}
    groups = {group for _, group, _ in ctx.attendance.get(person.key, [])}
    if roles & NOT_COUNCILLOR_ROLES or AttendanceGroup.CO_OPTED.value in groups:
        return "others"
    if roles or groups & COUNCILLOR_GROUPS:
        return "councillors"
    if AttendanceGroup.OFFICERS.value in groups:
        return "officers"
    return "others"


class PeoplePage(View):
    """Everyone named in the papers (template ``people.md``)."""

    kind = "people"
    template = "people.md"
    in_nav = True
    url = urls.PEOPLE
    title = "People"
    description = "Councillors, co-opted members, officers and guests named in the papers"

    def values(self) -> dict:
        ctx, grouped = self.ctx, defaultdict(list)
        for person in sorted(ctx.archive.people.values(), key=_sort_key):
            records = ctx.attendance.get(person.key, [])
            if not ctx.has_page(person.key):
                continue
            grouped[group_of(ctx, person)].append(
                (
                    person,
                    sum(1 for _, group, _ in records if group in ATTENDED),
                    sum(1 for _, group, _ in records if group == "apologies"),
                )
            )
        return {"groups": [(key, heading, note, grouped[key]) for key, heading, note in GROUPS if grouped[key]]}


class PersonPage(View):
    """One person's page (template ``person.md``)."""

    kind = "person"
    template = "person.md"

    def __init__(self, ctx: SiteContext, person: Person):
        super().__init__(ctx)
        self.person = person

    def body_meetings(self) -> list:
        return []

    @property
    def url(self) -> str:
        return urls.person(self.person.key)

    @property
    def title(self) -> str:
        return self.person.display_name

    @property
    def description(self) -> str:
        return f"{self.person.display_name}: committee roles, attendance and declarations"

    def breadcrumbs(self) -> list[tuple[str, str]]:
        return [("People", urls.PEOPLE)]

    def values(self) -> dict:
        ctx, key = self.ctx, self.person.key
        declarations = [
            (meeting, d, next((i for i in meeting.items if i.minute and i.minute.number == d.minute), None))
            for meeting, d in ctx.declarations.get(key, [])
        ]
        summary = attendance_by_year(ctx, key)
        chart = []  # per year, the bars of the chart: (kind, width in steps of 5%)
        for year, c in summary:
            total = max(c["present"] + c["apologies"] + c["absent"], 1)
            chart.append(
                (
                    year,
                    [(kind, round(c[kind] * 20 / total) * 5) for kind in ("present", "apologies", "absent") if c[kind]],
                )
            )
        return {
            "person": self.person,
            "group": group_of(ctx, self.person),
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
    """Per municipal year the person was a member of a committee: of that committee's meetings with
    recorded attendance (expected), how many they attended, sent apologies for, or missed without
    apologies. Meetings attended as an officer or guest are not counted here (the meetings list
    shows them), so nobody reads as 'expected 0'."""
    counts: dict[int, dict] = defaultdict(lambda: {"present": 0, "apologies": 0, "absent": 0, "expected": 0})
    recorded: dict[str, str] = {}
    for meeting, group, _ in ctx.attendance.get(key, []):
        recorded.setdefault(meeting.id, "present" if group in ATTENDED else "apologies")
    expected = set()
    for committee, membership in ctx.memberships.get(key, []):
        for meeting in committee.meetings:
            if meeting.year == membership.year and meeting.minutes and meeting.minutes.attendance:
                expected.add((meeting.year, meeting.id))
    for year, meeting_id in expected:
        counts[year]["expected"] += 1
        counts[year][recorded.get(meeting_id, "absent")] += 1
    return sorted(counts.items(), reverse=True)
