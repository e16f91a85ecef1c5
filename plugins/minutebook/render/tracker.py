"""The recommendations tracker page of a committee: what was asked, when, the last report on it,
and its state in words (answered / open at the last report / no later report in this archive)."""

from __future__ import annotations

from minutebook.link.tracker import ANSWERED, NOT_LISTED, OPEN_AT_LAST_REPORT
from minutebook.model import urls
from minutebook.render.common import Page, inline, link, pack_link, short_date, table
from minutebook.render.context import SiteContext

KIND = {"recommendation": "Recommendation", "action": "Action", "information": "Request for information"}


def state_words(action) -> str:
    if action.state == ANSWERED:
        return "Answered"
    if action.state == OPEN_AT_LAST_REPORT:
        return f"Open at the last report ({short_date(action.last_report)})"
    if action.state == NOT_LISTED:
        return f"Not listed in the outstanding-issues report of {short_date(action.unlisted_in)}"
    return "No later report in this archive"


def build(ctx: SiteContext, committee, actions: list) -> Page:
    here = urls.tracker(committee.slug)
    open_rows, answered_rows = [], []
    for a in sorted(actions, key=lambda a: (a.meeting_date is None, a.meeting_date), reverse=True):
        raised = short_date(a.meeting_date) if a.meeting_date else ""
        if a.meeting:
            raised = link(raised, here, urls.meeting(a.meeting))
        where = inline(a.item_title)
        if a.item is not None:
            anchor = f"#{a.anchor}" if a.anchor else ("#minute" if a.item.minute else "")
            where = link(a.item.title + (f" (minute {a.minute})" if a.minute else ""), here, urls.item(a.item) + anchor)
        request = f"{KIND[a.kind]}: {inline(a.tracker_text or a.text)}"
        response = inline(a.response) + (f" ({inline(a.status)})" if a.status else "")
        report = pack_link(ctx, committee.slug, a.last_report_in, here) if a.last_report_in else (
            short_date(a.last_report) if a.last_report else "No report in this archive lists it")
        topic = link(a.topic.title, here, urls.topic(a.topic.id)) if a.topic is not None else ""
        row = [raised, where, request, response or "None recorded", report, state_words(a), topic]
        (answered_rows if a.answered else open_rows).append(row)
    headers = ["Raised", "Item", "Request", "Response", "Last report", "State", "Topic"]
    out = [f"What {inline(committee.name)} asked for — recommendations to the Cabinet Member, actions and requests "
           "for information — and the responses recorded. Rows come from the RESOLVED lists of the minutes and "
           "from the outstanding-issues tables published with the papers. Each shows when it was raised, the last "
           "outstanding-issues report in this archive that listed it, and its state then: this archive does not "
           "say what happened after its last report.\n",
           f"**{len(answered_rows)} answered**, **{len(open_rows)} not answered** in the reports in this archive.\n",
           "## Not answered {#open}\n", table(headers, open_rows, "Requests not answered", stack=True) or "None.\n",
           "## Answered {#answered}\n", table(headers, answered_rows, "Answered requests", stack=True) or "None.\n"]
    return Page(url=here, title=f"Recommendations tracker: {committee.label}", kind="tracker", body="\n".join(out),
                description=f"{committee.name}: recommendations and actions, and the responses recorded",
                breadcrumbs=[(committee.label, urls.committee(committee))])
