"""Files written beside the HTML pages: open data (JSON and CSV), feeds, calendars.

:func:`outputs` yields (path in the site, text or its pieces) for every one of them; :func:`write_all` writes them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from minutebook.export.calendars import all_calendars
from minutebook.export.feeds import committee_feeds, site_feeds, topic_feed
from minutebook.export.opendata import (
    actions_csv,
    actions_json,
    items_csv,
    meetings_csv,
    meetings_json_parts,
    programme_csv,
    programme_json,
    topics_csv,
    topics_json,
)
from minutebook.link.redirects import redirect_page
from minutebook.model import Archive, urls
from minutebook.settings import SiteSettings


def write_text(site_dir: Path, rel: str, text: str | Iterable[str]) -> None:
    """Write one output: its text, or its pieces one after another (a large file never whole in memory)."""
    path = urls.site_file(site_dir, rel)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
        return
    with path.open("w", encoding="utf-8") as f:
        for piece in text:
            f.write(piece)


def write_all(
    archive: Archive, site_dir: Path, settings: SiteSettings | None = None, moved: Sequence[tuple[str, str]] = ()
) -> list[str]:
    """Write every output beside the pages; return the paths written, relative to the site."""
    settings = settings or SiteSettings()
    written = []
    for old, new in moved:
        write_text(site_dir, f"{old}index.html", redirect_page(old, new, settings.site_name))
        written.append(f"{old}index.html")
    for rel, text in outputs(archive, settings):
        write_text(site_dir, rel, text)
        written.append(rel)
    return written


def outputs(archive: Archive, settings: SiteSettings):
    yield "api/meetings.json", meetings_json_parts(archive, settings)
    yield "api/meetings.csv", meetings_csv(archive)
    yield "api/items.csv", items_csv(archive)
    yield "api/topics.json", topics_json(archive, settings)
    yield "api/topics.csv", topics_csv(archive)
    yield "api/programme.json", programme_json(archive, settings)
    yield "api/programme.csv", programme_csv(archive)
    yield "api/actions.json", actions_json(archive, settings)
    yield "api/actions.csv", actions_csv(archive)
    yield (
        "api/LICENCE.txt",
        (f"The open data in this folder is published under the {settings.licence_name}:\n{settings.licence_url}\n"),
    )
    yield from site_feeds(archive, settings).items()
    for topic in archive.topics:
        yield from topic_feed(archive, topic, settings).items()
    for committee in archive.committees.values():
        yield from committee_feeds(archive, committee, settings).items()
    yield from all_calendars(archive, settings).items()
