"""Small Markdown helpers shared by the page builders."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass, field
from typing import ClassVar

from minutebook.model import urls
from minutebook.render import templates


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

    @property
    def src(self) -> str:
        return urls.src(self.url)

    def markdown(self) -> str:
        meta = {
            "title": self.title,
            # Material's own search indexes the static docs/ pages only: at archive scale its single
            # index of every generated page is far too big. Minutebook's search covers these pages.
            "search": {"exclude": True},
            "minutebook": {
                "kind": self.kind,
                "breadcrumbs": [{"title": t, "url": u} for t, u in self.breadcrumbs],
            },
        }
        if self.description:
            meta["description"] = self.description
        # JSON is valid YAML and escapes every character that could break the front matter.
        return f"---\n{json.dumps(meta, ensure_ascii=False)}\n---\n\n{self.body}\n"


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

    def page(self) -> Page:
        body = templates.render(self.ctx.settings.templates, self.template, view=self, ctx=self.ctx,
                                site=self.ctx.settings, here=self.url, **self.values())
        return Page(url=self.url, title=self.title, kind=self.kind, body=body.strip("\n") + "\n",
                    description=self.description, breadcrumbs=self.breadcrumbs(), in_nav=self.in_nav)


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
                lines, line = [], line[match.end():]
        lines.append(line)
    pieces.append(Piece(text="\n".join(lines)))
    return pieces


def long_date(day: dt.date | None) -> str:
    if day is None:
        return ""
    return f"{day.strftime('%A')} {day.day} {day.strftime('%B %Y')}"


def short_date(day: dt.date | None) -> str:
    if day is None:
        return ""
    return f"{day.day} {day.strftime('%B %Y')}"


def clock(value: str | None) -> str:
    """'14:00' -> '2.00 pm' as councils print it."""
    if not value:
        return ""
    hour, minute = (int(x) for x in value.split(":"))
    suffix = "am" if hour < 12 else "pm"
    if hour == 12 and minute == 0:
        return "12 noon"
    return f"{(hour - 1) % 12 + 1}.{minute:02d} {suffix}"


def esc(text: str | None) -> str:
    """Escape text for raw HTML."""
    return html.escape(text or "", quote=True)


def inline(text: str | None) -> str:
    """Officer-written text placed inside a Markdown table cell or heading: one line, no pipes."""
    text = " ".join((text or "").split())
    return text.replace("|", "\\|")


def link(label: str, from_url: str, to_url: str) -> str:
    return f"[{inline(label)}]({urls.relative(from_url, to_url)})"


def table(headers: list[str], rows: list[list[str]], caption: str = "", hide_caption: bool = False) -> str:
    """An HTML table with a caption and column headers; cells hold Markdown (links stay validated)."""
    if not rows:
        return ""
    out = ['<div class="md-typeset__scrollwrap" markdown="1"><div class="md-typeset__table" markdown="1">',
           '<table class="mb-table" markdown="1">']
    if caption:
        cls = ' class="mb-sr-only"' if hide_caption else ""
        out.append(f'<caption{cls} markdown="span">{caption}</caption>')
    out.append('<thead markdown="1"><tr markdown="1">'
               + "".join(f'<th scope="col" markdown="span">{h}</th>' for h in headers) + "</tr></thead>")
    out.append('<tbody markdown="1">')
    for row in rows:
        out.append('<tr markdown="1">' + "".join(f'<td markdown="span">{cell}</td>' for cell in row) + "</tr>")
    out.append("</tbody>\n</table>\n</div></div>\n")
    return "\n".join(out)


PARA_NUMBER = re.compile(r"^(?P<number>\d+(?:\.\d+)+)(?P<space>\s+)(?=\S)")


def anchor_paragraphs(body: str, prefix: str = "") -> str:
    """Give numbered paragraphs ("3.2 Coventry is…") a citable anchor, #para-3-2."""
    out, in_fence, previous_blank = [], False, True
    seen: set[str] = set()
    for line in body.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        match = None if in_fence or not previous_blank else PARA_NUMBER.match(line)
        if match:
            number = match.group("number")
            anchor = prefix + "para-" + number.replace(".", "-")
            if anchor not in seen:
                seen.add(anchor)
                line = (f'<a class="mb-para" id="{anchor}" href="#{anchor}" '
                        f'title="Link to paragraph {number}">{number}</a> ' + line[match.end():])
        out.append(line)
        previous_blank = not line.strip()
    return "\n".join(out)


def dl(rows: list[tuple[str, str]]) -> str:
    """Key facts as a two-column table with row headers (read well by screen readers)."""
    rows = [(k, v) for k, v in rows if v]
    if not rows:
        return ""
    body = "\n".join(f'<tr markdown="1"><th scope="row">{esc(k)}</th><td markdown="span">{v}</td></tr>' for k, v in rows)
    return f'<table class="mb-facts" markdown="1">\n<tbody markdown="1">\n{body}\n</tbody>\n</table>\n'


def preview_banner(reason: str) -> str:
    """Shown only in an officer's preview, on content the public does not see."""
    if not reason:
        return ""
    return (f'!!! danger "Preview only — {reason}"\n    The public site does not show this. '
            "It appears here because this is an officer's preview (`mkdocs serve` with preview on).\n")


def changes_note(ctx, published, changes, subject: str, added=None) -> str:
    """'This paper was published 19 April 2017' and each later change, dated, with its message."""
    out = []
    if published:
        out.append(f"{subject} published on {short_date(published)}.")
    elif added:
        out.append(f"{subject} added to this site on {short_date(added)}; the date of first publication is "
                   "not recorded.")
    if changes:
        rows = []
        for change in changes:
            url = ctx.settings.commit_url(change.commit)
            what = inline(change.message) or "Changed"
            rows.append(f"<li><time datetime=\"{change.date.isoformat()}\">{short_date(change.date)}</time>: "
                        + (f'<a href="{esc(url)}">{esc(what)}</a>' if url else esc(what)) + "</li>")
        out.append(f'<details class="mb-changes"><summary>Changed {len(changes)} time'
                   f'{"s" if len(changes) != 1 else ""} since</summary><ul>' + "".join(rows) + "</ul></details>")
    return ('<div class="mb-published" markdown="1">\n\n' + "\n\n".join(out) + "\n\n</div>\n") if out else ""


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
