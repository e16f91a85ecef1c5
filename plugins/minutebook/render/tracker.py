"""The recommendations tracker page of a committee: what was asked, when, the last report on it,
and its state in words (answered / open at the last report / no later report in this archive)."""

from __future__ import annotations

from minutebook.link.tracker import ANSWERED, NOT_LISTED, OPEN_AT_LAST_REPORT
from minutebook.model import Committee, urls
from minutebook.render.common import Page, View, short_date
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


class TrackerPage(View):
    """A committee's recommendations tracker (template ``tracker.md``)."""

    committee: Committee
    kind = "tracker"
    template = "tracker.md"

    def __init__(self, ctx: SiteContext, committee, actions: list):
        super().__init__(ctx)
        self.committee, self.actions = committee, actions

    def body_meetings(self) -> list:
        return []

    @property
    def url(self) -> str:
        return urls.tracker(self.committee.slug)

    @property
    def title(self) -> str:
        return f"Recommendations tracker: {self.committee.name}"

    @property
    def description(self) -> str:
        return f"{self.committee.name}: recommendations and actions, and the responses recorded"

    def breadcrumbs(self) -> list[tuple[str, str]]:
        return [(self.committee.name, urls.committee(self.committee))]

    def values(self) -> dict:
        return {
            "committee": self.committee,
            "KIND": KIND,
            "state_words": state_words,
            "actions": sorted(self.actions, key=lambda a: (a.meeting_date is None, a.meeting_date), reverse=True),
        }


def build(ctx: SiteContext, committee, actions: list) -> Page:
    return TrackerPage(ctx, committee, actions).page()
