"""RSS and Atom feeds per committee (and for the whole site): new agendas, papers and minutes.

Written with feedgen, which handles the date formats and escaping of both RSS 2.0 and Atom.
Entries are dated by publication: the agenda's ``agenda_published``, a paper's ``published``, the
minutes' ``published`` (each falling back to the meeting date). Drafts, embargoed, withdrawn and
private content never reach here: they left the model before outputs are made.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from minutebook.link import approval
from minutebook.model import Archive, Committee, Meeting, urls
from minutebook.settings import SiteSettings

LONDON = ZoneInfo("Europe/London")
MAX_ENTRIES = 50


@dataclass
class Entry:
    id: str
    title: str
    url: str
    date: dt.date
    summary: str


def entries_for(meetings: list[Meeting], archive: Archive) -> list[Entry]:
    out = []
    for m in meetings:
        name = archive.committees[m.committee].name
        when = f"{m.date.day} {m.date:%B %Y}"
        public = [i for i in m.items if not i.private]
        if m.has_agenda:
            out.append(
                Entry(
                    f"{m.id}/agenda",
                    f"Agenda: {name}, {when}",
                    urls.meeting(m) + "#agenda",
                    m.agenda_published or m.date,
                    "Agenda published: "
                    + "; ".join(f"{i.number}. {i.title}" if i.number else i.title for i in public if i.on_agenda),
                )
            )
        for item in public:
            for paper in item.all_papers:
                if paper.withdrawn:
                    continue
                out.append(
                    Entry(
                        paper.id,
                        f"{paper.title} ({name}, {when})",
                        urls.paper(paper),
                        paper.published or m.agenda_published or m.date,
                        f"{paper.kind.capitalize()} for item {item.number or ''} {item.title}".replace("  ", " "),
                    )
                )
        if m.minutes:
            state = approval.recorded(m.minutes)
            out.append(
                Entry(
                    f"{m.id}/minutes",
                    f"Minutes ({state}): {name}, {when}",
                    urls.meeting(m) + "#minutes",
                    m.minutes.published or m.date,
                    "Minutes: " + "; ".join(f"{i.minute.cite} {i.title}" for i in m.items if i.minute),
                )
            )
    out.sort(key=lambda e: (e.date, e.id), reverse=True)
    return out[:MAX_ENTRIES]


def _feed(title: str, subtitle: str, feed_url: str, page_url: str, entries: list[Entry], settings: SiteSettings):
    from feedgen.feed import FeedGenerator

    fg = FeedGenerator()
    fg.id(settings.absolute(feed_url) if settings.site_url else f"tag:minutebook,2017:{feed_url}")
    fg.title(title)
    fg.subtitle(subtitle)
    fg.link(href=settings.absolute(page_url), rel="alternate")
    fg.link(href=settings.absolute(feed_url), rel="self")
    fg.language("en-GB")
    fg.rights(f"{settings.licence_name}: {settings.licence_url}")
    newest = entries[0].date if entries else dt.date(2000, 1, 1)
    fg.updated(dt.datetime(newest.year, newest.month, newest.day, 9, 0, tzinfo=LONDON))
    for e in reversed(entries):  # feedgen prepends: add oldest first so the newest leads
        fe = fg.add_entry()
        fe.id(settings.absolute(e.url) if settings.site_url else f"tag:minutebook,2017:{e.id}")
        fe.title(e.title)
        fe.link(href=settings.absolute(e.url))
        fe.summary(e.summary or e.title)
        stamp = dt.datetime(e.date.year, e.date.month, e.date.day, 9, 0, tzinfo=LONDON)
        fe.published(stamp)
        fe.updated(stamp)
    return fg


def committee_feeds(archive: Archive, committee: Committee, settings: SiteSettings) -> dict[str, str]:
    entries = entries_for(committee.meetings, archive)
    base = urls.committee(committee)
    title = f"{committee.name}: agendas, papers and minutes"
    atom = _feed(title, f"New papers of {committee.name}", f"{base}atom.xml", base, entries, settings)
    rss = _feed(title, f"New papers of {committee.name}", f"{base}feed.xml", base, entries, settings)
    return {
        f"{base}atom.xml": atom.atom_str(pretty=True).decode("utf-8"),
        f"{base}feed.xml": rss.rss_str(pretty=True).decode("utf-8"),
    }


def site_feeds(archive: Archive, settings: SiteSettings) -> dict[str, str]:
    entries = entries_for(archive.meetings, archive)
    title = f"{settings.site_name}: agendas, papers and minutes"
    atom = _feed(title, "New papers of every committee", "atom.xml", "", entries, settings)
    rss = _feed(title, "New papers of every committee", "feed.xml", "", entries, settings)
    return {
        "atom.xml": atom.atom_str(pretty=True).decode("utf-8"),
        "feed.xml": rss.rss_str(pretty=True).decode("utf-8"),
    }


def topic_feed(archive: Archive, topic, settings: SiteSettings) -> dict[str, str]:
    """RSS for one topic: each meeting that considered it, newest first."""
    entries = []
    for item in topic.items:
        m = item.meeting
        when = f"{m.date.day} {m.date:%B %Y}"
        summary = item.title
        if item.minute:
            resolutions = [r.text.split("\n")[0] for h in [item.minute, *item.minute.parts] for r in h.resolutions]
            summary = f"Minute {item.minute.cite}. " + " ".join(resolutions)
        entries.append(
            Entry(
                item.id,
                f"{item.title} ({when})",
                urls.item(item),
                (m.minutes.published if m.minutes and m.minutes.published else None) or m.agenda_published or m.date,
                summary,
            )
        )
    entries.sort(key=lambda e: (e.date, e.id), reverse=True)
    base = urls.topic(topic.id)
    rss = _feed(
        f"{topic.title}: {settings.site_name}",
        f"Every meeting that considered {topic.title}",
        f"{base}feed.xml",
        base,
        entries[:MAX_ENTRIES],
        settings,
    )
    return {f"{base}feed.xml": rss.rss_str(pretty=True).decode("utf-8")}
