"""Where every page lives. One function per kind of page; nothing else builds paths.

Pages are written as ``<path>/index.md`` so that their URL is ``<path>/``:
``<committee>/<YYYY-MM-DD>/<item-slug>/`` for an item, with its papers one level below.
URLs are relative to the site root with no leading slash, so the site works under a sub-path.
"""

from __future__ import annotations

import os
import posixpath
import re
from functools import lru_cache
from pathlib import Path

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
    out = {
        COMMITTEES: "list of committees",
        PEOPLE: "people pages",
        CALENDAR: "calendar",
        TOPICS: "topic pages",
        SEARCH: "search page",
        API: "open data",
    }
    out.update(dict.fromkeys(ASSETS, "theme's files"))
    out.update({f"{name.removesuffix('/')}/": "guide pages" for name in doc_paths})
    out.update(dict.fromkeys(FILES, "site's files"))
    return {name.rstrip("/"): what for name, what in out.items()}


def committee(c: Committee | str) -> str:
    slug = c if isinstance(c, str) else c.slug
    return f"{slug}/"


def meeting(m: Meeting) -> str:
    return f"{m.committee}/{m.date.isoformat()}/"


def minutes_of(m: Meeting) -> str:
    """A meeting's minutes where they are public, else the meeting's page (draft minutes have no anchor)."""
    return meeting(m) + ("#minutes" if m.minutes is not None else "")


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


SEGMENT = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]*")


class OutsideSite(ValueError):
    """A path that would leave the site directory. The loader refuses such values with a clear error,
    so this is the last line of defence, never the officer's error message."""


def safe(rel: str) -> str:
    """``rel`` (a URL or a file path relative to the site) if it stays inside the site, else OutsideSite.

    Every segment is plain (letters, digits, ``.``, ``_``, ``-``, not starting with a dot): no ``..``,
    no absolute path, no backslash, no drive, no empty segment, no control character."""
    segments = rel.split("/")
    if rel.endswith("/"):
        segments = segments[:-1]
    if rel and not all(SEGMENT.fullmatch(s) for s in segments):
        raise OutsideSite(f"refusing to write '{rel}': it is not a plain path inside the site")
    return rel


def src(url: str) -> str:
    """The generated Markdown file behind a URL: the one function that turns a page into a path."""
    return f"{safe(url)}index.md"


def site_file(site_dir: Path | str, rel: str) -> Path:
    """The file ``rel`` inside ``site_dir``, refusing any path that would land outside it (through
    ``..``, an absolute path or a symbolic link anywhere on the way)."""
    base = os.path.realpath(site_dir)
    inside = base if base.endswith(os.sep) else base + os.sep
    path = os.path.realpath(os.path.join(base, safe(rel)))
    if not path.startswith(inside) or path == inside:
        raise OutsideSite(f"refusing to write '{rel}': it resolves outside the site directory")
    return Path(path)


def relative(from_url: str, to: str) -> str:
    """A link from the page at ``from_url`` to ``to`` (a URL, possibly with #anchor) as a .md path:
    posixpath.relpath's string, without its work on every link (both ends are plain site paths, checked
    by :func:`src`, so the link is the folders up to the common folder and down to ``to``)."""
    target, _, anchor = to.partition("#")
    start = _folders(from_url)
    folders = _folders(target)
    common = 0
    for a, b in zip(start, folders, strict=False):
        if a != b:
            break
        common += 1
    path = "/".join(("..",) * (len(start) - common) + folders[common:] + ("index.md",))
    return f"{path}#{anchor}" if anchor else path


@lru_cache(maxsize=4096)
def _folders(url: str) -> tuple[str, ...]:
    """The folders of the Markdown file behind ``url``."""
    folder = posixpath.dirname(src(url))
    return tuple(folder.split("/")) if folder else ()
