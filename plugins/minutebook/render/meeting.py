"""The meeting page: facts, agenda, attendance, declarations and the minutes in full."""

from __future__ import annotations

import re
from collections import OrderedDict

from minutebook.link import approval
from minutebook.model import urls
from minutebook.load.council import LAWS, Law, law_of
from minutebook.model.vocabularies import MeetingStatus
from minutebook.model import ATTENDANCE_LABELS, Item, Meeting, Minute, MinutePart
from minutebook.load.minutes_text import MARKER_PATTERN
from minutebook.render.common import Page, changes_note, clock, dl, esc, inline, link, long_date, preview_banner, short_date, table
from minutebook.render.context import SiteContext

STATUS_LABELS = MeetingStatus.labels()


def meeting_title(ctx: SiteContext, meeting: Meeting) -> str:
    return f"{ctx.committee(meeting.committee).name}, {short_date(meeting.date)}"


def status_label(ctx: SiteContext, meeting: Meeting) -> str:
    """The meeting's status in words: a past meeting never reads as pending."""
    return approval.past_status(meeting, ctx.today) or STATUS_LABELS[meeting.status]


def elsewhere_note(ctx: SiteContext, meeting: Meeting, here: str) -> str:
    """Where the council publishes the minutes this archive does not hold, if the committee says."""
    where = ctx.committee(meeting.committee).minutes_elsewhere
    if not where:
        return ""
    url, text = where
    return f' The council publishes its minutes on <a href="{esc(url)}">{esc(text or url)}</a>.'


def minutes_status(ctx: SiteContext, meeting: Meeting, here: str) -> str:
    minutes = meeting.minutes
    if minutes is None:
        return ""
    state = approval.minutes_state(ctx.archive, meeting, ctx.today)
    if state == approval.AWAITING:
        return ("**Not yet approved.** These minutes are a record of the meeting until the committee's next "
                "meeting approves them.")
    if state == approval.NOT_RECORDED:
        return ("**Approval not recorded.** This archive does not record whether a later meeting approved these "
                "minutes." + elsewhere_note(ctx, meeting, here))
    text = "Approved"
    if minutes.approved_at:
        approver = ctx.archive.meeting(meeting.committee, minutes.approved_at)
        when = short_date(minutes.approved_at)
        text += " at the meeting of " + (link(when, here, urls.minutes_of(approver)) if approver else when)
    if minutes.amendment:
        text += f", subject to this correction: {inline(minutes.amendment)}"
    if minutes.approved_by:
        text += ", as the minutes of that meeting record"
    return text + "."


def minutes_fact(ctx: SiteContext, meeting: Meeting, here: str) -> str:
    words = approval.minutes_words(ctx.archive, meeting, ctx.today)
    if meeting.minutes:
        return f"[{words}](#minutes)"
    if words == approval.WORDS[approval.NOT_IN_ARCHIVE]:
        return words + "." + elsewhere_note(ctx, meeting, here)
    return words


def render_resolutions(holder: Minute | MinutePart, anchor_prefix: str = "") -> str:
    """The RESOLVED list of a minute or part, each resolution with a citable anchor."""
    if not holder.resolutions:
        return ""
    out = ['<div class="mb-resolved" markdown="1">']
    if holder.resolved_intro:
        out.append(f"\n{_bold_resolved(holder.resolved_intro)}\n")
        out.append('<ol class="mb-resolutions" markdown="1">')
        for r in holder.resolutions:
            anchor = anchor_prefix + r.anchor
            out.append(f'<li id="{anchor}" value="{esc(r.number)}" markdown="block">\n{r.text}\n\n</li>')
        out.append("</ol>")
    else:
        r = holder.resolutions[0]
        anchor = anchor_prefix + r.anchor
        out.append(f'<p id="{anchor}" markdown="span">{_bold_resolved(inline(r.text))}</p>')
    out.append("</div>\n")
    return "\n".join(out)


def _bold_resolved(text: str) -> str:
    return re.sub(r"^RESOLVED\b", "**RESOLVED**", text)


def render_text(holder: Minute | MinutePart, anchor_prefix: str = "") -> str:
    """The text of a minute or part with its RESOLVED block where the minutes put it."""
    rendered = render_resolutions(holder, anchor_prefix)
    body = holder.body
    if MARKER_PATTERN.search(body):
        first = True

        def replace(_match):
            nonlocal first
            if first:
                first = False
                return rendered
            return ""

        return MARKER_PATTERN.sub(replace, body)
    return body + ("\n\n" + rendered if rendered else "")


def render_minute(minute: Minute, level: int, anchor_prefix: str = "") -> str:
    out = [render_text(minute, anchor_prefix)]
    for part in minute.parts:
        out.append(f'\n{"#" * (level + 1)} ({part.letter}) {inline(part.title)} {{#{anchor_prefix}{part.anchor}}}\n')
        out.append(render_text(part, anchor_prefix))
    return "\n".join(out)


def private_notice(item: Item, law: Law | None = None) -> str:
    """The exclusion resolution and the exempt paragraph, in place of a private item's content."""
    law = law or LAWS["england"]
    paragraph = item.exempt_paragraph
    if not isinstance(paragraph, int):
        return ('!!! note "Private item: exempt information (paragraph not stated in the published papers)"\n'
                f"    This item is private business. Under {law.exclusion} the press and public are excluded while "
                f"it is considered, because it involves the likely disclosure of exempt information as defined in "
                f"{law.schedule}; the published papers do not state which paragraph. Its papers and the text of its "
                "minute are not published.\n")
    reason = law.describe(paragraph)
    schedule = law.schedule.replace(" to the Local Government Act 1972", " to the Act") \
        if "1972" in law.exclusion else law.schedule
    return (f'!!! note "Private item: exempt information (Paragraph {paragraph})"\n'
            f"    This item is private business. Under {law.exclusion} the "
            f"press and public are excluded while it is considered, because it involves the likely disclosure "
            f"of exempt information as defined in Paragraph {paragraph} of {schedule}: "
            f"{reason.lower()}. Its papers and the text of its minute are not published.\n")


def attendance_section(meeting: Meeting, here: str) -> str:
    minutes = meeting.minutes
    if not minutes or not minutes.attendance:
        return ""
    out = ["## Attendance {#attendance}\n"]
    for group, attendees in minutes.attendance.items():
        if group == "officers":
            continue
        names = []
        for a in attendees:
            label = link(a.name, here, urls.person(a.person))
            extra = [x for x in (a.role, a.organisation, f"for {a.substitute_for}" if a.substitute_for else "") if x]
            names.append(label + (f" ({inline(', '.join(extra))})" if extra else ""))
        out.append(f"**{ATTENDANCE_LABELS[group]}:** " + ", ".join(names) + "\n")
    officers = minutes.attendance.get("officers")
    if officers:
        by_directorate: OrderedDict[str, list[str]] = OrderedDict()
        for a in officers:
            by_directorate.setdefault(a.directorate or "Directorate not recorded", []).append(
                link(a.name, here, urls.person(a.person)) + (f" ({inline(a.role)})" if a.role else ""))
        rows = [[inline(d), ", ".join(names)] for d, names in by_directorate.items()]
        out.append(table(["Directorate", "Officers"], rows, "Officers present, by directorate"))
    return "\n".join(out)


def declarations_section(meeting: Meeting, here: str) -> str:
    minutes = meeting.minutes
    if not minutes or not minutes.declarations:
        return ""
    by_number = {i.minute.number: i for i in meeting.items if i.minute}
    rows = []
    for d in minutes.declarations:
        item = by_number.get(d.minute)
        where = link(f"Minute {item.minute.cite}: {item.minute.title}", here, urls.item(item)) if item else ""
        rows.append([link(d.name, here, urls.person(d.person)), inline(d.interest), where, inline(d.text)])
    return "## Declarations of interest {#declarations}\n\n" + table(
        ["Member", "Interest", "Item", "What happened"], rows, "Declarations of interest")


def agenda_section(ctx: SiteContext, meeting: Meeting, here: str) -> str:
    agenda_items = [i for i in meeting.items if i.on_agenda]
    if not agenda_items:
        return ""
    rows_public, rows_private = [], []
    for item in agenda_items:
        title = link(item.title, here, urls.item(item))
        details = [title]
        if item.lead:
            details.append(f"<br>{inline(item.lead)}")
        for part in item.parts:
            details.append(f"<br>{inline(part.number)}) {inline(part.title)}")
        papers = ", ".join(link(p.title if not p.parent else f"Appendix {p.appendix}", here, urls.paper(p))
                           for p in ctx.public_papers(item))
        minute = link(item.minute.cite, here, urls.item(item) + "#minute") if item.minute and not item.private else ""
        row = [inline(item.number), "".join(details), inline(item.pages or ""), papers, minute]
        (rows_private if item.private else rows_public).append(row)
    headers = ["No.", "Item", "Pages", "Papers", "Minute"]
    if not any(row[4] for row in rows_public + rows_private):  # no minutes yet: drop the column
        headers = headers[:4]
        rows_public = [row[:4] for row in rows_public]
        rows_private = [row[:4] for row in rows_private]
    out = ["## Agenda {#agenda}\n"]
    out.append(table(headers, rows_public, "Public business"))
    out.append("\n" + table(headers, rows_private, "Private business") if rows_private
               else "\n**Private business:** none.\n")
    if meeting.agenda_published:
        by = f" by {inline(meeting.published_by)}" if meeting.published_by else ""
        out.append(f"\nAgenda published {short_date(meeting.agenda_published)}{by}.\n")
    return "\n".join(out)


def minutes_section(ctx: SiteContext, meeting: Meeting, here: str) -> str:
    minutes = meeting.minutes
    if not minutes:
        return ""
    out = ["## Minutes {#minutes}\n", preview_banner(minutes.unpublished), minutes_status(ctx, meeting, here) + "\n",
           changes_note(ctx, minutes.published, minutes.corrections, "These minutes were", minutes.last_updated)]
    if minutes.note:
        out.append(f"*{inline(minutes.note)}*\n")
    for item in meeting.items:
        minute = item.minute
        if not minute:
            continue
        prefix = f"m{minute.number}-"
        shown = inline(minute.printed) if minute.printed else f"{minute.number}."
        out.append(f"### {shown} {inline(minute.title)} {{#minute-{minute.number}}}\n")
        out.append(f"[Item page with papers]({urls.relative(here, urls.item(item))})\n")
        if item.private:
            out.append(private_notice(item, law_of(ctx.archive)))
        else:
            out.append(render_minute(minute, 3, prefix))
    if minutes.closed:
        out.append(f"\n(Meeting closed at {clock(minutes.closed)})\n")
    return "\n".join(out)


def build(ctx: SiteContext, meeting: Meeting, committee_slug: str | None = None) -> Page:
    here = urls.meeting(meeting)
    committee = ctx.committee(meeting.committee)
    status = status_label(ctx, meeting)
    if meeting.status == "postponed" and meeting.postponed_to:
        new = ctx.archive.meeting(meeting.committee, meeting.postponed_to)
        when = short_date(meeting.postponed_to)
        status += " to " + (link(when, here, urls.meeting(new)) if new else when)
    joint = [ctx.committee(s) for s in meeting.joint_with]
    facts = [
        ("Committee", link(committee.name, here, urls.committee(committee))
         + "".join(" and " + link(c.name, here, urls.committee(c)) for c in joint)),
        ("Date", long_date(meeting.date)),
        ("Time", clock(meeting.start)),
        ("Place", inline(meeting.place)),
        ("Status", status),
        ("Minutes", minutes_fact(ctx, meeting, here)),
        ("Webcast", f"[Watch the webcast]({meeting.webcast})" if meeting.webcast else ""),
    ]
    actions = ['<a href="meeting.ics">Add to calendar</a>']
    if any(not i.private and i.all_papers for i in meeting.items):
        actions.append(f"[Print the agenda pack]({urls.relative(here, here + 'print/')})")
    out = [preview_banner(meeting.unpublished), dl(facts), '<p class="mb-actions" markdown="span">'
           + " · ".join(actions) + "</p>\n"]
    out.append(agenda_section(ctx, meeting, here))
    # the council's standing notes (who to contact, substitutes, interests) follow the agenda
    if meeting.public_access:
        out.append(f"## Attending the meeting {{#public-access}}\n\n{meeting.public_access}\n")
    if meeting.notes:
        out.append(meeting.notes + "\n")
    out.append(attendance_section(meeting, here))
    out.append(declarations_section(meeting, here))
    out.append(minutes_section(ctx, meeting, here))
    previous, following = ctx.previous_next(meeting.committee, meeting)
    nav = []
    if previous:
        nav.append("Previous meeting: " + link(short_date(previous.date), here, urls.meeting(previous)))
    if following:
        nav.append("Next meeting: " + link(short_date(following.date), here, urls.meeting(following)))
    if nav:
        out.append('\n<nav class="mb-prevnext" aria-label="Other meetings" markdown="1">\n\n'
                   + " · ".join(nav) + "\n\n</nav>\n")
    title = meeting_title(ctx, meeting)
    return Page(
        url=here, title=title, kind="meeting", body="\n".join(x for x in out if x),
        description=(f"{STATUS_LABELS[meeting.status]} meeting" if not approval.past_status(meeting, ctx.today)
                     else "Meeting") + f" of {committee.name} on {long_date(meeting.date)}",
        breadcrumbs=[(committee.label, urls.committee(committee))],
    )
