"""Topic pages: one subject's story in order, and the list of topics."""

from __future__ import annotations

import datetime as dt

from minutebook.model import urls
from minutebook.render.common import Page, View
from minutebook.render.context import SiteContext
from minutebook.render.tracker import KIND, state_words
from minutebook.render.yearchart import topic_chart


def _events(topic):
    """(date, order, kind, object) for everything that happened to the topic."""
    events = []
    for plan in topic.entries:
        start = plan.programme.year + (1 if plan.entry.bucket == "next municipal year" else 0)
        when = plan.entry.date or dt.date(start, 5, 1)
        events.append((when, 0, "plan", plan))
    for item in topic.items:
        events.append((item.meeting.date, 1, "item", item))
    return sorted(events, key=lambda e: (e[0], e[1]))


class TopicPage(View):
    """A topic's story (template ``topic.md``)."""

    kind = "topic"
    template = "topic.md"

    def __init__(self, ctx: SiteContext, topic):
        super().__init__(ctx)
        self.topic = topic
        self.committee = ctx.committee(topic.committees[0]) if topic.committees else None

    def feeds(self) -> list[dict]:
        return [
            {
                "title": f"{self.topic.title}: what happened (RSS)",
                "url": urls.topic(self.topic.id) + "feed.xml",
                "type": "application/rss+xml",
            }
        ]

    def body_meetings(self) -> list:
        """The meetings of its items (it quotes what each decided)."""
        return list({id(i.meeting): i.meeting for i in self.topic.items}.values())

    @property
    def url(self) -> str:
        return urls.topic(self.topic.id)

    @property
    def title(self) -> str:
        return self.topic.title

    @property
    def description(self) -> str:
        return f"{self.topic.title}: every meeting that considered it, what was resolved and what followed"

    def breadcrumbs(self) -> list[tuple[str, str]]:
        return [("Topics", urls.TOPICS)]

    def values(self) -> dict:
        topic = self.topic
        upcoming = sorted(
            (p for p in topic.entries if p.entry.date and p.entry.date >= self.ctx.today), key=lambda p: p.entry.date
        )
        return {
            "topic": topic,
            "committees": [self.ctx.committee(c) for c in topic.committees],
            "next_planned": upcoming[0] if upcoming else None,
            "events": [(when, kind, obj) for when, _, kind, obj in _events(topic)],
            "resolutions_of": _resolutions,
            "KIND": KIND,
            "state_words": state_words,
            "chart": topic_chart(topic.title, topic.entries, topic.items, _resolutions, topic.actions),
        }


def _resolutions(minute) -> list:
    return [r for holder in [minute, *minute.parts] for r in holder.resolutions]


class TopicsPage(View):
    """The list of topics (template ``topics.md``)."""

    kind = "topics"
    template = "topics.md"
    in_nav = True
    url = urls.TOPICS
    title = "Topics"
    description = "Subjects followed across meetings and years"

    def values(self) -> dict:
        return {"topics": self.ctx.archive.topics}


def build(ctx: SiteContext, topic) -> Page:
    return TopicPage(ctx, topic).page()


def build_index(ctx: SiteContext) -> Page:
    return TopicsPage(ctx).page()
