"""The people index and each person's page: roles by year, attendance, declarations."""

from __future__ import annotations

from collections import defaultdict

from .. import urls
from ..model import ATTENDANCE_LABELS, Person, municipal_year_label
from .common import Page, inline, link, short_date, table
from .context import SiteContext
from .meeting import meeting_title

ATTENDED = {"present", "co_opted", "cabinet_members", "other_members", "officers", "invited", "substitutions"}


def _sort_key(person: Person):
    parts = person.name.split()
    return (parts[-1].lower() if parts else "", person.name.lower())


def build_index(ctx: SiteContext) -> Page:
    here = urls.PEOPLE
    rows = []
    for person in sorted(ctx.archive.people.values(), key=_sort_key):
        records = ctx.attendance.get(person.key, [])
        memberships = ctx.memberships.get(person.key, [])
        if not records and not memberships and not ctx.declarations.get(person.key):
            continue
        attended = sum(1 for _, group, _ in records if group in ATTENDED)
        apologies = sum(1 for _, group, _ in records if group == "apologies")
        rows.append([link(person.name, here, urls.person(person.key)), inline(person.full_name),
                     str(attended), str(apologies)])
    body = table(["Name", "Full name", "Meetings attended", "Apologies"], rows, "People named in the minutes") \
        or "No people are named in the archive yet.\n"
    return Page(url=here, title="People", kind="people", body=body,
                description="Councillors, co-opted members, officers and guests named in the papers")


def build(ctx: SiteContext, person: Person) -> Page:
    here = urls.person(person.key)
    out = []
    if person.full_name or person.honorific:
        out.append(" ".join(x for x in (person.honorific, person.full_name or person.name) if x) + "\n")
    memberships = ctx.memberships.get(person.key, [])
    if memberships:
        rows = [[municipal_year_label(m.year), link(c.name, here, urls.committee(c)), inline(m.role or "Member")]
                for c, m in sorted(memberships, key=lambda cm: (-cm[1].year, cm[0].name))]
        out.append("## Roles {#roles}\n\n" + table(["Year", "Committee", "Role"], rows, "Committee roles by year"))
    records = ctx.attendance.get(person.key, [])
    if records:
        counts = defaultdict(lambda: [0, 0])
        for meeting, group, _ in records:
            counts[meeting.year][0 if group in ATTENDED else 1] += 1
        rows = [[municipal_year_label(y), str(a), str(b)] for y, (a, b) in sorted(counts.items(), reverse=True)]
        out.append("## Attendance by municipal year {#attendance-summary}\n\n"
                   + table(["Year", "Attended", "Apologies"], rows, "Meetings attended and apologies given"))
        rows = []
        for meeting, group, attendee in sorted(records, key=lambda r: r[0].date, reverse=True):
            detail = [x for x in (attendee.role, attendee.directorate, attendee.organisation) if x]
            rows.append([link(meeting_title(ctx, meeting), here, urls.meeting(meeting) + "#attendance"),
                         ATTENDANCE_LABELS[group], inline(", ".join(detail)), inline(attendee.name)])
        out.append("## Meetings {#meetings}\n\n"
                   + table(["Meeting", "Recorded as", "Role", "Name as printed"], rows, "Meetings"))
    declarations = ctx.declarations.get(person.key, [])
    if declarations:
        rows = []
        for meeting, d in declarations:
            item = next((i for i in meeting.items if i.minute and i.minute.number == d.minute), None)
            rows.append([link(short_date(meeting.date), here, urls.meeting(meeting) + "#declarations"),
                         link(item.title, here, urls.item(item)) if item else "", inline(d.interest), inline(d.text)])
        out.append("## Declarations of interest {#declarations}\n\n"
                   + table(["Meeting", "Item", "Interest", "What happened"], rows, "Declarations of interest"))
    if not out:
        out.append("The archive holds no attendance or roles for this person.\n")
    return Page(url=here, title=person.name, kind="person", body="\n".join(out),
                description=f"{person.name}: committee roles, attendance and declarations",
                breadcrumbs=[("People", urls.PEOPLE)])
