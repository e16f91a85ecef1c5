"""The people index and each person's page: roles by year, attendance, declarations."""

from __future__ import annotations

from collections import defaultdict

from minutebook.model import urls
from minutebook.model import ATTENDANCE_LABELS, Person, municipal_year_label
from minutebook.render.common import Page, inline, link, short_date, table
from minutebook.render.context import SiteContext
from minutebook.render.meeting import meeting_title

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
                description="Councillors, co-opted members, officers and guests named in the papers", in_nav=True)


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
    summary = attendance_by_year(ctx, person.key)
    if summary:
        rows = [[municipal_year_label(y), str(c["present"]), str(c["apologies"]), str(c["absent"]), str(c["expected"])]
                for y, c in summary]
        out.append("## Attendance by municipal year {#attendance-summary}\n")
        out.append(attendance_chart(summary))
        out.append(table(["Year", "Present", "Apologies", "Absent without apologies", "Expected"], rows,
                         "Attendance by municipal year (the chart above shows the same figures)"))
        out.append("*Expected*: meetings with recorded attendance of committees the person was a member of that "
                   "year. Attendance at other meetings (as a guest or officer) counts as present.\n")
    if records:
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


def attendance_chart(summary: list[tuple[int, dict]]) -> str:
    """Bars per year (present, apologies, absent); hidden from screen readers, the table says it all."""
    rows = []
    for year, c in summary:
        total = max(c["present"] + c["apologies"] + c["absent"], 1)
        bars = "".join(f'<span class="mb-bar mb-bar-{kind} mb-w-{round(c[kind] * 20 / total) * 5}"></span>'
                       for kind in ("present", "apologies", "absent") if c[kind])
        rows.append(f'<div class="mb-chart-row"><span class="mb-chart-label">{municipal_year_label(year)}</span>'
                    f'<span class="mb-chart-bars">{bars}</span></div>')
    legend = ('<div class="mb-chart-legend"><span class="mb-key mb-bar-present"></span> present '
              '<span class="mb-key mb-bar-apologies"></span> apologies '
              '<span class="mb-key mb-bar-absent"></span> absent</div>')
    return '<div class="mb-chart" aria-hidden="true">' + "".join(rows) + legend + "</div>\n"
