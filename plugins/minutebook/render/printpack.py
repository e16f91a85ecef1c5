"""The print pack: a meeting's agenda and every public paper in agenda order, on one page.

Printed, each paper starts on a new page. Headings inside papers move down a level, and anchors and
footnotes get a per-paper prefix, so the page stays one valid document.
"""

from __future__ import annotations

import re

from minutebook.link.approval import minutes_to_agree
from minutebook.model import urls
from minutebook.render.common import Page, anchor_paragraphs, clock, fix_headings, inline, link, long_date, short_date
from minutebook.render.context import SiteContext
from minutebook.load.council import law_of
from minutebook.render.meeting import agenda_section, attendance_section, meeting_title, private_notice, render_minute
from minutebook.render.paper import KIND_LABELS, authors_block

FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")


def _nest(body: str, prefix: str) -> str:
    body = fix_headings(body, 3)
    return FOOTNOTE.sub(lambda m: f"[^{prefix}{m.group(1)}]", body)


def _previous_minutes(ctx: SiteContext, item, earlier, here: str, prefix: str) -> str:
    """The minutes an item asks the meeting to agree, as the site holds them."""
    heading = f"Item {item.number}: " if item.number else ""
    out = ['<section class="mb-print-paper" markdown="1">\n',
           f"## {heading}Minutes of the meeting of {long_date(earlier.date)} {{#{prefix}paper}}\n",
           "Minutes · " + link("Read online", here, urls.meeting(earlier) + "#minutes") + "\n"]
    attendance = attendance_section(earlier, here)
    if attendance:
        out.append(attendance.replace("## Attendance {#attendance}", f"### Attendance {{#{prefix}attendance}}"))
    for minute_item in earlier.items:
        minute = minute_item.minute
        if not minute:
            continue
        out.append(f"### {minute.number}. {inline(minute.title)} {{#{prefix}minute-{minute.number}}}\n")
        out.append(private_notice(minute_item) if minute_item.private
                   else render_minute(minute, 3, f"{prefix}m{minute.number}-"))
    if earlier.minutes.closed:
        out.append(f"\n(Meeting closed at {clock(earlier.minutes.closed)})\n")
    out.append("</section>\n")
    return "\n".join(out)


def url(meeting) -> str:
    return f"{urls.meeting(meeting)}print/"


def build(ctx: SiteContext, meeting) -> Page:
    here = url(meeting)
    committee = ctx.committee(meeting.committee)
    out = ['<div class="mb-print-front" markdown="1">\n',
           f"**{inline(committee.name)}**\n",
           f"{long_date(meeting.date)}" + (f", {clock(meeting.start)}" if meeting.start else "")
           + (f" — {inline(meeting.place)}" if meeting.place else "") + "\n",
           f"[Back to the meeting page]({urls.relative(here, urls.meeting(meeting))})\n"]
    years = [y for y in committee.membership if y == meeting.year]
    if years:
        members = ", ".join(inline(m.name) + (f" ({inline(m.role)})" if m.role else "")
                            for m in committee.membership[years[0]])
        out.append(f"**Membership:** {members}\n")
    out.append(agenda_section(ctx, meeting, here))
    out.append("</div>\n")
    number = 0
    to_agree = minutes_to_agree(ctx.archive, meeting)
    for item in meeting.items:
        for _, earlier in (pair for pair in to_agree if pair[0] is item):
            number += 1
            out.append(_previous_minutes(ctx, item, earlier, here, f"p{number}-"))
        if item.private:
            out.append(f'<section class="mb-print-paper" markdown="1">\n\n## {inline(item.number or "")} '
                       f"{inline(item.title)}\n\n{private_notice(item, law_of(ctx.archive))}\n</section>\n")
            continue
        for paper in item.all_papers:
            if paper.withdrawn:
                continue
            number += 1
            prefix = f"p{number}-"
            label = f"Appendix {paper.appendix}: " if paper.appendix else ""
            heading = f"Item {item.number}: " if item.number else ""
            out.append(f'<section class="mb-print-paper" markdown="1">\n\n'
                       f"## {heading}{label}{inline(paper.title)} {{#{prefix}paper}}\n")
            facts = [KIND_LABELS[paper.kind]]
            if paper.to:
                facts.append(f"To: {inline(paper.to)}")
            if paper.date:
                facts.append(f"Date: {short_date(paper.date)}")
            out.append(" · ".join(facts) + f" · {link('Read online', here, urls.paper(paper))}\n")
            out.append(anchor_paragraphs(_nest(paper.body, prefix), prefix) + "\n")
            authors = authors_block(paper).replace("## Authors and contacts {#authors}", f"### Authors and contacts {{#{prefix}authors}}")
            out.append(authors)
            out.append("</section>\n")
    if number == 0:
        out.append("No papers of this meeting are published yet.\n")
    return Page(url=here, title=f"Agenda pack: {meeting_title(ctx, meeting)}", kind="print",
                body="\n".join(out), description=f"The whole agenda pack of {meeting_title(ctx, meeting)}, for printing",
                breadcrumbs=[(committee.label, urls.committee(committee)), (short_date(meeting.date), urls.meeting(meeting))])
