"""The recommendations tracker page of a committee: open and answered, with age."""

from __future__ import annotations

from minutebook.model import urls
from minutebook.render.common import Page, inline, link, short_date, table
from minutebook.render.context import SiteContext

KIND = {"recommendation": "Recommendation", "action": "Action", "information": "Information"}


def build(ctx: SiteContext, committee, actions: list) -> Page:
    here = urls.tracker(committee.slug)
    open_rows, answered_rows = [], []
    for a in sorted(actions, key=lambda a: (a.meeting_date is None, a.meeting_date), reverse=True):
        made = short_date(a.meeting_date) if a.meeting_date else ""
        if a.meeting:
            made = link(made, here, urls.meeting(a.meeting))
        where = inline(a.item_title)
        if a.item is not None:
            anchor = f"#{a.anchor}" if a.anchor else ("#minute" if a.item.minute else "")
            where = link(a.item.title + (f" (minute {a.minute})" if a.minute else ""), here, urls.item(a.item) + anchor)
        topic = link(a.topic.title, here, urls.topic(a.topic.id)) if a.topic is not None else ""
        age = a.age_days(ctx.today)
        row = [made, where, KIND[a.kind], inline(a.tracker_text or a.text),
               inline(a.response) + (f" ({inline(a.status)})" if a.status else ""),
               f"{age} days" if age is not None else "", topic]
        (answered_rows if a.answered else open_rows).append(row)
    headers = ["Meeting", "Item", "Kind", "Request", "Response", "Age", "Topic"]
    out = [f"What {inline(committee.name)} asked for — recommendations to the Cabinet Member, actions and requests "
           "for information — and the responses recorded. Rows come from the RESOLVED lists of the minutes and "
           "from the outstanding-issues tables published with the papers. Age counts from the meeting to the "
           "dated response, or to today while no response is recorded.\n",
           f"**{len(open_rows)} open**, **{len(answered_rows)} answered**.\n",
           "## Open {#open}\n", table(headers, open_rows, "Open requests") or "None.\n",
           "## Answered {#answered}\n", table(headers, answered_rows, "Answered requests") or "None.\n"]
    return Page(url=here, title=f"Recommendations tracker: {committee.label}", kind="tracker", body="\n".join(out),
                description=f"{committee.name}: recommendations and actions, open and answered",
                breadcrumbs=[(committee.label, urls.committee(committee))])
