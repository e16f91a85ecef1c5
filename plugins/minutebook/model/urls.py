"""Where every page lives. One function per kind of page; nothing else builds paths.

Pages are written as ``<path>/index.md`` so that their URL is ``<path>/``:
``<committee>/<YYYY-MM-DD>/<item-slug>/`` for an item, with its papers one level below.
URLs are relative to the site root with no leading slash, so the site works under a sub-path.
"""

from __future__ import annotations

import posixpath

from minutebook.model.archive import Committee, Item, Meeting, Paper

HOME = ""
COMMITTEES = "committees/"
PEOPLE = "people/"
CALENDAR = "calendar/"
RESERVED = {"committees", "people", "api", "search", "assets", "topics", "calendar", "feeds", "guide",
            "print", "stylesheets", "javascripts", "overrides", "404"}


def committee(c: Committee | str) -> str:
    slug = c if isinstance(c, str) else c.slug
    return f"{slug}/"


def meeting(m: Meeting) -> str:
    return f"{m.committee}/{m.date.isoformat()}/"


def item(i: Item) -> str:
    return f"{meeting(i.meeting)}{i.slug}/"


def paper(p: Paper) -> str:
    return f"{item(p.item)}{p.slug}/"


TOPICS = "topics/"


def topic(topic_id: str) -> str:
    return f"{TOPICS}{topic_id}/"


def programme(committee: str, year: int) -> str:
    return f"{committee}/programme/{year}-{(year + 1) % 100:02d}/"


def tracker(committee: str) -> str:
    return f"{committee}/tracker/"


def person(key: str) -> str:
    return f"{PEOPLE}{key}/"


def src(url: str) -> str:
    """The generated Markdown file behind a URL."""
    return f"{url}index.md"


def relative(from_url: str, to: str) -> str:
    """A link from the page at ``from_url`` to ``to`` (a URL, possibly with #anchor) as a .md path."""
    target, _, anchor = to.partition("#")
    path = posixpath.relpath(src(target), posixpath.dirname(src(from_url)) or ".")
    return f"{path}#{anchor}" if anchor else path


def relative_url(from_url: str, to: str) -> str:
    """The same as :func:`relative`, as a browser URL (for raw HTML and exports)."""
    target, _, anchor = to.partition("#")
    base = from_url or "."
    path = posixpath.relpath(target or ".", base) + "/" if target else posixpath.relpath(".", base) + "/"
    if path == "./":
        path = "./"
    return f"{path}#{anchor}" if anchor else path
