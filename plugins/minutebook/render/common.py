"""Small Markdown helpers shared by the page builders."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

from minutebook.link.references import resolve_targets
from minutebook.model import Committee, urls
from minutebook.render import templates
from minutebook.render.templates import clock, inline, long_date, short_date  # noqa: F401 (the page modules' imports)


@dataclass
class Page:
    """One generated page: where it lives, its title and its Markdown."""

    url: str
    title: str
    kind: str
    body: str
    description: str = ""
    breadcrumbs: list[tuple[str, str]] = field(default_factory=list)  # (title, url)
    in_nav: bool = False
    feeds: list[dict] = field(default_factory=list)  # {title, url, type}: <link rel="alternate"> in <head>
    event: dict | None = None  # schema.org Event (JSON-LD in <head>)

    @property
    def src(self) -> str:
        return urls.src(self.url)

    def meta(self) -> dict[str, Any]:
        """The page's front matter, as MkDocs reads it back from :meth:`markdown`."""
        meta: dict[str, Any] = {
            "title": self.title,
            # Material's own search indexes the static docs/ pages only: at archive scale its single
            # index of every generated page is far too big. Minutebook's search covers these pages.
            "search": {"exclude": True},
            "minutebook": {
                "kind": self.kind,
                "breadcrumbs": [{"title": t, "url": u} for t, u in self.breadcrumbs],
                "feeds": self.feeds,
            },
        }
        if self.description:
            meta["description"] = self.description
        if self.event:
            meta["minutebook"]["event"] = self.event
        return json.loads(json.dumps(meta, ensure_ascii=False))

    def markdown(self) -> str:
        # JSON is valid YAML and escapes every character that could break the front matter.
        return f"---\n{json.dumps(self.meta(), ensure_ascii=False)}\n---\n\n{self.body}\n"

    def text(self) -> str:
        """The Markdown after the front matter, exactly as MkDocs hands it to Python-Markdown."""
        return f"{self.body}\n".lstrip("\n")


class PageRef:
    """A cheap descriptor of one generated page: its address and kind now, its Markdown when asked.

    :func:`minutebook.render.build_site` returns these, so a build never holds every page's text:
    the renderer (in worker processes that inherit the model) calls :meth:`build` for one page at a
    time. ``body``, ``title`` and the rest build the page afresh on each use (for tests and tools)."""

    __slots__ = ("view",)

    def __init__(self, view: View):
        self.view = view

    @property
    def url(self) -> str:
        return self.view.url

    @property
    def src(self) -> str:
        return urls.src(self.view.url)

    @property
    def kind(self) -> str:
        return self.view.kind

    @property
    def in_nav(self) -> bool:
        return self.view.in_nav

    def build(self) -> Page:
        page = self.view.page()
        page.body = resolve_targets(page.body, page.url)
        return page

    def markdown(self) -> str:
        return self.build().markdown()

    @property
    def body(self) -> str:
        return self.build().body

    @property
    def title(self) -> str:
        return self.view.title

    def __repr__(self) -> str:
        return f"PageRef({self.kind}, {self.url!r})"


class View:
    """One page of a kind (as mkdocs-material's blog ``View`` classes): its address, title,
    description and trail, and the values its template (``overrides/minutebook/<template>``) prints.
    Subclasses set ``kind`` and ``template`` and compute what the page says; the template says it."""

    kind: ClassVar[str]
    template: ClassVar[str]
    in_nav: ClassVar[bool] = False

    def __init__(self, ctx):
        self.ctx = ctx

    @property
    def url(self) -> str:
        raise NotImplementedError

    @property
    def title(self) -> str:
        raise NotImplementedError

    @property
    def description(self) -> str:
        return ""

    def breadcrumbs(self) -> list[tuple[str, str]]:
        return []

    def values(self) -> dict:
        """What the template prints, besides ``view``, ``ctx``, ``site`` and ``here``."""
        return {}

    def body_meetings(self) -> list | None:
        """The meetings whose officers' texts (``dependencies.BODIES``) this page prints; of any other
        meeting it prints only the small fields. None: it may print any meeting's texts (its cache key
        is then its Markdown alone; see render/dependencies)."""
        return None

    committee: Committee | None = None  # the committee the page belongs to: its contact, its feeds

    def feeds(self) -> list[dict]:
        """Feeds of this page's subject, besides the site's own (which every page lists)."""
        if self.committee is None:
            return []
        base = urls.committee(self.committee)
        name = self.committee.name
        return [
            {"title": f"{name}: new papers (RSS)", "url": base + "feed.xml", "type": "application/rss+xml"},
            {"title": f"{name}: new papers (Atom)", "url": base + "atom.xml", "type": "application/atom+xml"},
        ]

    def event(self) -> dict | None:
        return None

    def contact(self):
        """Whom to tell about a mistake: the committee's contact, else the site's."""
        if (
            self.committee is not None
            and self.committee.contact
            and (self.committee.contact.email or self.committee.contact.phone)
        ):
            return self.committee.contact
        return self.ctx.settings.contact

    def page(self) -> Page:
        body = templates.render(
            self.ctx.settings.templates,
            self.template,
            view=self,
            ctx=self.ctx,
            site=self.ctx.settings,
            here=self.url,
            **self.values(),
        )
        body += templates.render(
            self.ctx.settings.templates,
            "_report.md",
            contact=self.contact(),
            view=self,
            ctx=self.ctx,
            site=self.ctx.settings,
            here=self.url,
        )
        return Page(
            url=self.url,
            title=self.title,
            kind=self.kind,
            body=body.strip("\n") + "\n",
            description=self.description,
            breadcrumbs=self.breadcrumbs(),
            in_nav=self.in_nav,
            feeds=self.feeds(),
            event=self.event(),
        )


@dataclass
class Piece:
    """Part of a paper's text: officer Markdown, or the anchor of a numbered paragraph."""

    text: str = ""
    anchor: str = ""
    number: str = ""


def paragraph_pieces(body: str, prefix: str = "") -> list[Piece]:
    """A paper's Markdown split before each numbered paragraph ("3.2 Coventry is…"), so the template
    gives it a citable anchor, #para-3-2."""
    pieces, lines, in_fence, previous_blank = [], [], False, True
    seen: set[str] = set()
    for line in body.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        match = None if in_fence or not previous_blank else PARA_NUMBER.match(line)
        previous_blank = not line.strip()
        if match:
            number = match.group("number")
            anchor = prefix + "para-" + number.replace(".", "-")
            if anchor not in seen:
                seen.add(anchor)
                lines.append("")
                pieces.append(Piece(text="\n".join(lines)))
                pieces.append(Piece(anchor=anchor, number=number))
                lines, line = [], line[match.end() :]
        lines.append(line)
    pieces.append(Piece(text="\n".join(lines)))
    return pieces


def link(label: str, from_url: str, to_url: str) -> str:
    """A Markdown link (for pages written outside the templates: the search page)."""
    return f"[{inline(label)}]({urls.relative(from_url, to_url)})"


PARA_NUMBER = re.compile(r"^(?P<number>\d+(?:\.\d+)+)(?P<space>\s+)(?=\S)")


HEADING_LINE = re.compile(r"^(#{1,6})(\s+\S.*)$")


def fix_headings(body: str, top: int) -> str:
    """Officer headings start at level ``top`` and never skip a level (WCAG 1.3.1: headings in order)."""
    lines = body.splitlines()
    levels, in_fence = [], False
    for line in lines:
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        match = None if in_fence else HEADING_LINE.match(line)
        if match:
            levels.append(len(match.group(1)))
    if not levels:
        return body
    out, in_fence, previous = [], False, top - 1
    for line in lines:
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        match = None if in_fence else HEADING_LINE.match(line)
        if match:
            level = min(len(match.group(1)) - min(levels) + top, previous + 1, 6)
            level = max(level, top)
            previous = level
            line = "#" * level + match.group(2)
        out.append(line)
    return "\n".join(out)
