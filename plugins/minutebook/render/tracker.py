"""The recommendations tracker page of a committee: open and answered, with age."""

from __future__ import annotations

from minutebook.model import urls
from minutebook.render.common import Page, View
from minutebook.render.context import SiteContext

KIND = {"recommendation": "Recommendation", "action": "Action", "information": "Information"}


class TrackerPage(View):
    """A committee's recommendations tracker (template ``tracker.md``)."""

    kind = "tracker"
    template = "tracker.md"

    def __init__(self, ctx: SiteContext, committee, actions: list):
        super().__init__(ctx)
        self.committee, self.actions = committee, actions

    @property
    def url(self) -> str:
        return urls.tracker(self.committee.slug)

    @property
    def title(self) -> str:
        return f"Recommendations tracker: {self.committee.label}"

    @property
    def description(self) -> str:
        return f"{self.committee.name}: recommendations and actions, open and answered"

    def breadcrumbs(self) -> list[tuple[str, str]]:
        return [(self.committee.label, urls.committee(self.committee))]

    def values(self) -> dict:
        return {"committee": self.committee, "KIND": KIND,
                "actions": sorted(self.actions, key=lambda a: (a.meeting_date is None, a.meeting_date), reverse=True)}


def build(ctx: SiteContext, committee, actions: list) -> Page:
    return TrackerPage(ctx, committee, actions).page()
