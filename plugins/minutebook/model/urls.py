"""Where every page lives. One function per kind of page; nothing else builds paths.

Pages are written as ``<path>/index.md`` so that their URL is ``<path>/``:
``<committee>/<YYYY-MM-DD>/<item-slug>/`` for an item, with its papers one level below.
URLs are relative to the site root with no leading slash, so the site works under a sub-path.
"""

from __future__ import annotations

import posixpath

from minutebook.model.archive import Committee, Item, Meeting, Paper
from minutebook.model.vocabularies import MunicipalYear

HOME = ""
COMMITTEES = "committees/"
PEOPLE = "people/"
CALENDAR = "calendar/"
TOPICS = "topics/"
SEARCH = "search/"  # the search page and its index (search/data/)
API = "api/"  # the open data
# Top-level folders the site writes besides the pages above: the theme's and docs/' assets.
ASSETS = ("assets/", "stylesheets/", "javascripts/")
# Top-level files the site writes (feeds, calendar, sitemap, error page).
FILES = ("atom.xml", "feed.xml", "meetings.ics", "sitemap.xml", "sitemap.xml.gz", "404.html", "index.html")


def reserved(doc_paths: frozenset[str] = frozenset()) -> dict[str, str]:
    """Every top-level address a committee folder must not take, with what lives there.

    ``doc_paths`` are the top-level entries of the site's docs/ (the guides' folders and pages)."""
    out = {COMMITTEES: "list of committees", PEOPLE: "people pages", CALENDAR: "calendar",
           TOPICS: "topic pages", SEARCH: "search page", API: "open data"}
    out.update(dict.fromkeys(ASSETS, "theme's files"))
    out.update({f"{name.removesuffix('/')}/": "guide pages" for name in doc_paths})
    out.update(dict.fromkeys(FILES, "site's files"))
    return {name.rstrip("/"): what for name, what in out.items()}


def committee(c: Committee | str) -> str:
    slug = c if isinstance(c, str) else c.slug
    return f"{slug}/"


def meeting(m: Meeting) -> str:
    return f"{m.committee}/{m.date.isoformat()}/"


def item(i: Item) -> str:
    return f"{meeting(i.meeting)}{i.slug}/"


def paper(p: Paper) -> str:
    return f"{item(p.item)}{p.slug}/"


def topic(topic_id: str) -> str:
    return f"{TOPICS}{topic_id}/"


def programme(committee: str, year: int) -> str:
    return f"{committee}/programme/{MunicipalYear(year).slug}/"


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

