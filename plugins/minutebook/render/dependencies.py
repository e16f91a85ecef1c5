"""What a generated page depends on, as a digest the page cache can look up before building the page.

A page is a function of the published, linked model, the day (``ctx.today``), the site's settings
and the code. Most of the model is small: titles, dates, numbers, names, links. The bulk is the
officers' texts (:data:`BODIES`: a minute's discussion and RESOLVED entries, a paper's body). A page
of a meeting (the meeting, its items, its papers, its print pack) prints the texts of its own meeting
and of no other (the print pack: also of the minutes it asks the meeting to agree); a topic's page,
those of its items' meetings; a person's, a work programme's and a tracker's page, none. Of the other
meetings a page prints only the small fields. So its inputs are all in

* the site's **shape**: every field of the model except :data:`BODIES`, with the day, the site's
  settings and the rendering code (:func:`site_digest`, once a build), and
* the **texts** of the meetings it declares (:meth:`View.body_meetings`; :func:`texts_digest`).

Editing a sentence of one meeting's minutes changes only that meeting's texts: every other page's
key stays, and its finished HTML is copied from the cache without building its Markdown. Any other
edit (a title, a date, a new meeting) changes the shape, and every page is keyed by its Markdown as
before. The tests check both halves: a page's Markdown does not change when any other meeting's
texts do, and every text of the model is in exactly one meeting's digest.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
from collections.abc import Iterator
from pathlib import Path, PurePath
from typing import Any

from minutebook.load.filecache import code_version
from minutebook.model import Meeting, Minute, MinutePart, Paper, Resolution

FORMAT = "minutebook-page-dependencies 1"
# the officers' texts a page prints only for the meetings it declares: (class, field)
BODIES: dict[type, tuple[str, ...]] = {
    Minute: ("body",),
    MinutePart: ("body",),
    Resolution: ("text",),
    Paper: ("body",),
}
_LEAVES = (str, int, float, bool, type(None), dt.date, dt.datetime, dt.time, dt.timedelta)


class Unsupported(TypeError):
    """A value in the model the digest does not know how to read: the build keys pages by their Markdown."""


class _Walker:
    """A canonical text of an object graph (dataclasses, lists, dicts, sets, plain values), each object
    once (cycles and shared objects by their first position), without the fields derived from others
    (``init=False``, ``repr=False``: back-references and indexes) or the texts in :data:`BODIES`."""

    def __init__(self) -> None:
        self.digest = hashlib.sha256(FORMAT.encode())
        self.seen: dict[int, int] = {}
        self.keep: list[object] = []  # what ``seen`` refers to stays alive while the walk lasts
        self.plans: dict[type, tuple[str, ...]] = {}
        self.out: list[str] = []
        self.texts: list[int] = []  # id() of every object holding one of BODIES

    def plan(self, cls: type) -> tuple[str, ...]:
        plan = self.plans.get(cls)
        if plan is None:
            skip = BODIES.get(cls, ())
            plan = tuple(f.name for f in dataclasses.fields(cls) if f.init and f.repr and f.name not in skip)
            self.plans[cls] = plan
        return plan

    def walk(self, value: Any) -> None:
        out = self.out
        kind = type(value)
        if kind is str or kind is int or kind is bool or value is None:  # most of the model: no more to look at
            out.append(repr(value))
            return
        if isinstance(value, enum.Enum):
            out.append(f"{kind.__name__}.{value.name}")
        elif isinstance(value, _LEAVES):
            out.append(repr(value))
        elif isinstance(value, PurePath):
            out.append(f"path:{value.as_posix()!r}")
        elif isinstance(value, (list, tuple)):
            out.append("[")
            for entry in value:
                self.walk(entry)
            out.append("]")
        elif isinstance(value, dict):
            out.append("{")
            for key, entry in value.items():
                self.walk(key)
                self.walk(entry)
            out.append("}")
        elif isinstance(value, (set, frozenset)):
            out.append("set(" + repr(sorted(map(repr, value))) + ")")
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            number = self.seen.get(id(value))
            if number is not None:
                out.append(f"@{number}")
                return
            self.seen[id(value)] = len(self.seen)
            self.keep.append(value)
            if kind in BODIES:
                self.texts.append(id(value))
            out.append(kind.__name__ + "(")
            for name in self.plan(kind):
                field = getattr(value, name)
                if type(field) is str:  # (the commonest field, read here rather than in a call of its own)
                    out.append(repr(field))
                else:
                    self.walk(field)
            out.append(")")
        else:
            raise Unsupported(f"{kind.__module__}.{kind.__qualname__}")
        if len(out) > 4096:
            self.flush()

    def flush(self) -> None:
        self.digest.update("\0".join(self.out).encode("utf-8", "surrogatepass"))
        self.digest.update(b"\1")
        self.out.clear()

    def hexdigest(self) -> str:
        self.flush()
        return self.digest.hexdigest()


def rendering_code(templates: PurePath | None) -> str:
    """Minutebook's code and the page templates' files: what turns the model into a page's Markdown."""
    digest = hashlib.sha256(code_version())
    folder = Path(templates) if templates is not None else None
    if folder is None or not folder.is_dir():
        return digest.hexdigest()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def site_digest(archive: Any, today: dt.date, settings: Any, fingerprint: str) -> str | None:
    """The shape of the site (see the module's doc), or None when the model holds a value the digest
    cannot read (pages are then keyed by their Markdown alone). ``fingerprint``: the caller's rendering
    inputs beyond the Markdown (the theme, the configuration, the nav)."""
    walker = _Walker()
    # the templates by their contents, not their folder: a checkout elsewhere (a CI runner's) keeps its cache
    code = rendering_code(settings.templates)
    try:
        walker.walk([fingerprint, code, today, dataclasses.replace(settings, templates=None), archive])
    except Unsupported:
        return None
    return walker.hexdigest()


def meeting_texts(meeting: Meeting) -> Iterator[tuple[object, str]]:
    """Every object of ``meeting`` holding one of :data:`BODIES`, with the field's name."""
    minutes = list(meeting.minutes.minutes) if meeting.minutes else []
    for item in meeting.items:
        if item.minute is not None and all(item.minute is not m for m in minutes):
            minutes.append(item.minute)
    for minute in minutes:
        yield minute, "body"
        yield from ((r, "text") for r in minute.resolutions)
        for part in minute.parts:
            yield part, "body"
            yield from ((r, "text") for r in part.resolutions)
    papers = list(meeting.papers)
    for item in meeting.items:
        papers.extend(p for p in item.all_papers if all(p is not q for q in papers))
    for paper in papers:
        yield paper, "body"


def texts_digest(meeting: Meeting) -> str:
    """A digest of the officers' texts of one meeting."""
    digest = hashlib.sha256()
    for holder, name in meeting_texts(meeting):
        digest.update(getattr(holder, name).encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def page_key(site: str, src: str, texts: list[str]) -> str:
    """The key of a page's dependencies: the site's shape, its address and its meetings' texts."""
    digest = hashlib.sha256(FORMAT.encode())
    for part in (site, src, *texts):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def text_holders(archive: Any) -> list[int]:
    """id() of every object of the model holding one of :data:`BODIES`, as the shape's walk meets them
    (for the tests: each must be in exactly one meeting's texts)."""
    walker = _Walker()
    walker.walk(archive)
    return walker.texts
