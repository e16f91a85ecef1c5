"""Small Markdown helpers shared by the page builders."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass, field

from minutebook.model import urls


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


def table(headers: list[str], rows: list[list[str]], caption: str = "", hide_caption: bool = False,
          stack: bool = False) -> str:
    """An HTML table with a caption and column headers; cells hold Markdown (links stay validated).
    ``stack``: on a narrow screen each row becomes a card, each cell labelled with its header."""
    if not rows:
        return ""
    out = ['<div class="md-typeset__scrollwrap" markdown="1"><div class="md-typeset__table" markdown="1">',
           f'<table class="mb-table{" mb-stack" if stack else ""}" markdown="1">']
    if caption:
        cls = ' class="mb-sr-only"' if hide_caption else ""
        out.append(f'<caption{cls} markdown="span">{caption}</caption>')
    out.append('<thead markdown="1"><tr markdown="1">'
               + "".join(f'<th scope="col" markdown="span">{h}</th>' for h in headers) + "</tr></thead>")
    out.append('<tbody markdown="1">')
    for row in rows:
        if stack:
            out.append('<tr markdown="1">' + "".join(f'<td data-label="{esc(re.sub("<[^>]+>", "", h))}" markdown="span">'
                                                     f'{cell}</td>' for h, cell in zip(headers, row)) + "</tr>")
        else:
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


def changes_note(ctx, published, corrections, subject: str, last_updated=None) -> str:
    """'This paper was published on 19 April 2017', each correction in the officers' words (what
    changed, why, and the previous wording), and the date this website last updated the page."""
    out = []
    if published:
        out.append(f"{esc(subject)} published on {short_date(published)}.")
    if corrections:
        rows = []
        for c in corrections:
            row = (f'<li><time datetime="{c.date.isoformat()}">{short_date(c.date)}</time>: {esc(c.change)}. '
                   f"Why: {esc(c.reason)}.")
            if c.previous:
                row += f'<blockquote><p>Previously: {esc(c.previous)}</p></blockquote>'
            rows.append(row + "</li>")
        out.append(f'<div class="mb-corrections"><p><strong>Corrected after publication</strong></p><ul>'
                   + "".join(rows) + "</ul></div>")
    if last_updated:
        out.append(f"Last updated on this website on {short_date(last_updated)}.")
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


def pack_link(ctx, committee: str, source: str, here: str) -> str:
    """'<YYYY-MM-DD>/<paper slug>' as words: the paper's title, linked, and its meeting's date."""
    day_text, _, slug = source.partition("/")
    try:
        day = dt.date.fromisoformat(day_text)
    except ValueError:
        return inline(source)
    meeting = ctx.archive.meeting(committee, day)
    paper = next((p for p in meeting.papers if p.slug == slug), None) if meeting else None
    when = short_date(day)
    if paper is not None and not paper.unpublished and not paper.withdrawn:
        title = f"Appendix {paper.appendix}: {paper.title}" if paper.appendix else paper.title
        return f"{link(title, here, urls.paper(paper))}, with the papers of the meeting of {link(when, here, urls.meeting(meeting))}"
    if meeting is not None:
        return f"the papers of the meeting of {link(when, here, urls.meeting(meeting))}"
    return f"the papers of the meeting of {when}"
