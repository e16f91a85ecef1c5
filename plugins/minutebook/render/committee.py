"""The committees list and each committee's page: membership and meetings by municipal year."""

from __future__ import annotations

from collections import defaultdict

from minutebook.model import urls
from minutebook.model import Committee, Meeting, municipal_year_label
from minutebook.render.common import Page, esc, inline, link, short_date, table
from minutebook.render.context import SiteContext
from minutebook.link import approval
from minutebook.render.meeting import status_label


def membership_table(committee: Committee, year: int, here: str, caption: str) -> str:
    rows = [[link(m.name, here, urls.person(m.person)), inline(m.role or "Member")]
            for m in committee.membership[year]]
    return table(["Member", "Role"], rows, caption)


def meetings_table(ctx: SiteContext, committee: Committee, meetings: list[Meeting], here: str, caption: str) -> str:
    rows = []
    for m in meetings:
        status = status_label(ctx, m)
        words = approval.minutes_words(ctx.archive, m, ctx.today)
        if words:
            status += "; " + words[0].lower() + words[1:]
        joint = ""
        if m.committee != committee.slug or m.joint_with:
            others = [s for s in [m.committee, *m.joint_with] if s != committee.slug]
            joint = " (joint meeting with " + ", ".join(inline(ctx.committee(s).name) for s in others) + ")"
        public = [i for i in m.items if not i.private]
        rows.append([link(short_date(m.date), here, urls.meeting(m)) + joint, status, str(len(public)),
                     str(sum(len(i.all_papers) for i in public))])
    return table(["Date", "Status", "Items", "Papers"], rows, caption)


def build(ctx: SiteContext, committee: Committee) -> Page:
    here = urls.committee(committee)
    out = []
    if committee.description:
        out.append(committee.description + "\n")
    if committee.contact:
        c = committee.contact
        parts = [inline(x) for x in (c.name, c.role) if x]
        if c.phone:
            parts.append(f"telephone {inline(c.phone)}")
        if c.email:
            parts.append(f'<a href="mailto:{esc(c.email)}">{esc(c.email)}</a>')
        out.append("**Contact:** " + ", ".join(parts) + "\n")
    out.append('<p class="mb-actions">Follow this committee: <a href="feed.xml">RSS feed</a> · '
               '<a href="atom.xml">Atom feed</a> · <a href="meetings.ics">calendar of meetings (iCalendar)</a></p>\n')
    programmes = sorted({p.programme.year for p in ctx.archive.plan_links if p.programme.committee == committee.slug},
                        reverse=True)
    has_tracker = any(a.committee == committee.slug for a in ctx.archive.actions)
    if programmes or has_tracker:
        out.append("## Work programme and recommendations {#programme}\n")
        lines = [f"- {link(f'Work programme {municipal_year_label(y)}', here, urls.programme(committee.slug, y))}: "
                 "what was planned, and what happened to it" for y in programmes]
        if has_tracker:
            lines.append(f"- {link('Recommendations tracker', here, urls.tracker(committee.slug))}: "
                         "what the committee asked for, and the responses")
        out.append("\n".join(lines) + "\n")
    years = sorted(committee.membership, reverse=True)
    if years:
        out.append("## Membership {#membership}\n")
        out.append(membership_table(committee, years[0], here, f"Members in {municipal_year_label(years[0])}"))
        for year in years[1:]:
            out.append(f'\n<details class="mb-past" markdown="1">\n<summary>Members in {municipal_year_label(year)}'
                       f"</summary>\n\n{membership_table(committee, year, here, '')}\n</details>\n")
    by_year: dict[int, list[Meeting]] = defaultdict(list)
    for m in committee.meetings:
        by_year[m.year].append(m)
    upcoming = [m for m in committee.meetings if m.date >= ctx.today and m.status in ("scheduled", "agenda published")]
    out.append("## Meetings {#meetings}\n")
    if upcoming:
        out.append(meetings_table(ctx, committee, upcoming, here, "Upcoming meetings"))
    for year in sorted(by_year, reverse=True):
        label = municipal_year_label(year)
        out.append(f"### {label} {{#year-{year}}}\n")
        # newest first within a year too, as the years are
        out.append(meetings_table(ctx, committee, sorted(by_year[year], key=lambda m: m.date, reverse=True), here,
                                  f"Meetings in {label}"))
    if not committee.meetings:
        out.append("No meetings are in the archive yet.\n")
    return Page(url=here, title=committee.name, kind="committee", body="\n".join(out),
                description=f"Meetings, papers and minutes of {committee.name}", in_nav=True)


def build_index(ctx: SiteContext) -> Page:
    here = urls.COMMITTEES
    rows = []
    for committee in sorted(ctx.archive.committees.values(), key=lambda c: c.name.lower()):
        if committee.hidden:
            continue
        latest = committee.meetings[-1] if committee.meetings else None
        rows.append([link(committee.name, here, urls.committee(committee)), str(len(committee.meetings)),
                     link(short_date(latest.date), here, urls.meeting(latest)) if latest else ""])
    body = table(["Committee", "Meetings in the archive", "Latest meeting"], rows, "Committees") or \
        "No committees are in the archive yet.\n"
    return Page(url=here, title="Committees", kind="committees", body=body,
                description="Every committee whose papers are published here", in_nav=True)
