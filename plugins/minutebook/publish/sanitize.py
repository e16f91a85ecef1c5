"""Hostile input: officers' text may carry raw HTML (the seeds do: <sup>, <b>, <p>).

Two layers:

* :func:`clean_markdown` runs on every piece of officer-written text when the archive is loaded:
  a small set of formatting tags survives without attributes (links keep a safe ``href``), the
  content of script, style, iframe and similar elements is dropped, comments go, and links with
  ``javascript:``-like schemes are disarmed. :func:`plain` is for titles and names: no markup at all.
* :func:`clean_html` is the last pass over each generated page's HTML (nh3, the Ammonia
  sanitizer): whatever got through is reduced to the tags and attributes our pages use.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from minutebook.load.minutes_text import MARKER_PATTERN
from minutebook.publish.brackets import defuse

KEEP = {
    "sup",
    "sub",
    "b",
    "strong",
    "i",
    "em",
    "u",
    "s",
    "del",
    "ins",
    "mark",
    "small",
    "abbr",
    "br",
    "p",
    "span",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "blockquote",
    "code",
    "pre",
    "hr",
    "dl",
    "dt",
    "dd",
    "a",
    "img",
    "h3",
    "h4",
    "h5",
    "h6",
    "div",
    "time",
    "q",
    "cite",
}
DROP_WITH_CONTENT = {
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "noscript",
    "template",
    "textarea",
    "svg",
    "math",
    "form",
    "frame",
    "frameset",
    "applet",
    "noembed",
    "noframes",
    "xmp",
    "plaintext",
    "title",
    "select",
    "button",
    "video",
    "audio",
    "canvas",
    "head",
}
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
    "abbr": {"title"},
    "time": {"datetime"},
}
URL_ATTRIBUTES = {"href", "src"}
SAFE_URL = re.compile(r"^(?:https?:|mailto:|tel:|#|/|\.|[^:/?#]*(?:[/?#]|$))", re.I)

TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>", re.S)
COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
ATTR = re.compile(r"([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*(?:=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?")
CODE = re.compile(
    r"```.*?(?:```|$)|~~~.*?(?:~~~|$)|`[^`\n]+`"
    r"|<(?:https?://|mailto:)[^<>\s\"']+>|<[^<>\s@\"':/]+@[^<>\s@\"'/]+>",
    re.S,
)  # and safe autolinks
BAD_LINK = re.compile(
    r"(\]\(\s*<?\s*|^\s*\[[^\]]+\]:\s*<?)\s*(?:javascript|vbscript|data|file|livescript)\s*:"
    r"(?:\([^)\s]*\)|[^)\s>])*",
    re.I | re.M,
)
BAD_AUTOLINK = re.compile(r"<\s*(?:javascript|vbscript|data|file|livescript)\s*:[^>]*>", re.I)


def _safe_url(value: str) -> bool:
    value = html.unescape(value).strip()
    value = re.sub(r"[\x00-\x20]+", "", value)
    return bool(SAFE_URL.match(value))


def _rebuild(closing: str, name: str, attrs: str) -> str:
    name = name.lower()
    if closing:
        return f"</{name}>"
    kept = []
    for match in ATTR.finditer(attrs):
        attr = match.group(1).lower()
        value = (match.group(2) or "").strip("\"'")
        if attr not in ATTRIBUTES.get(name, set()):
            continue
        if attr in URL_ATTRIBUTES and not _safe_url(value):
            continue
        kept.append(f'{attr}="{html.escape(html.unescape(value), quote=True)}"')
    self_closing = "/" if attrs.rstrip().endswith("/") else ""
    return f"<{name}{''.join(' ' + k for k in kept)}{self_closing}>"


def _clean_tags(text: str) -> str:
    out, pos = [], 0
    while True:
        match = TAG.search(text, pos)
        if not match:
            out.append(text[pos:])
            break
        out.append(text[pos : match.start()])
        closing, name = match.group(1), match.group(2).lower()
        if name in DROP_WITH_CONTENT and not closing:
            end = re.search(rf"</\s*{name}\s*>", text[match.end() :], re.I)
            pos = match.end() + end.end() if end else len(text)
            continue
        if name in KEEP:
            out.append(_rebuild(closing, name, match.group(3)))
        pos = match.end()
    return "".join(out)


def clean_markdown(text: str) -> str:
    """Officer Markdown with only safe HTML left in it (code spans and fences untouched), and no
    bracket that would make Python-Markdown's link scan quadratic (:mod:`.brackets`)."""
    if not text or ("<" not in text and ":" not in text):
        return defuse(text)
    out, pos = [], 0
    for code in CODE.finditer(text):
        out.append(_clean_prose(text[pos : code.start()]))
        out.append(code.group(0))
        pos = code.end()
    out.append(_clean_prose(text[pos:]))
    return defuse("".join(out))


def _clean_prose(text: str) -> str:
    markers = MARKER_PATTERN.findall(text)
    text = MARKER_PATTERN.sub("\x00MARKER\x00", text)
    text = COMMENT.sub("", text)
    text = BAD_AUTOLINK.sub("", text)
    text = BAD_LINK.sub(lambda m: m.group(1) + "#", text)
    text = _clean_tags(text)
    for number in markers:
        text = text.replace("\x00MARKER\x00", f"<!-- minutebook:resolved {number} -->", 1)
    return text.replace("\x00MARKER\x00", "")


DROP_ELEMENT = re.compile(r"<\s*({})\b.*?(?:</\s*\1\s*>|$)".format("|".join(sorted(DROP_WITH_CONTENT))), re.I | re.S)
ANY_TAG = re.compile(r"<[^<>]*>")  # stops at the next "<": linear on a line of a million "<"


def plain(text: str) -> str:
    """Text with no markup at all: titles, names, places (no tags, no angle brackets)."""
    if not text:
        return text
    if "<" not in text and ">" not in text and "&" not in text:
        return " ".join(text.split())
    text = COMMENT.sub("", text)
    text = DROP_ELEMENT.sub("", text)
    text = ANY_TAG.sub("", text)
    text = html.unescape(text)
    return " ".join(text.replace("<", "‹").replace(">", "›").split())


# -- the last pass over generated HTML -----------------------------------------------------------

PAGE_TAGS = KEEP | {
    "h1",
    "h2",
    "nav",
    "section",
    "article",
    "aside",
    "details",
    "summary",
    "address",
    "figure",
    "figcaption",
    "col",
    "colgroup",
    "label",
}
PAGE_ATTRIBUTES = {
    "*": {
        "id",
        "class",
        "title",
        "lang",
        "dir",
        "aria-label",
        "aria-current",
        "aria-describedby",
        "aria-hidden",
        "role",
    },
    "a": {"href", "title", "rel"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan", "data-label"},  # a stacked table's cell names its column on a phone
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "time": {"datetime"},
    "abbr": {"title"},
    "details": {"open"},
}
# The work programme's picture of the year (overrides/minutebook/_yearchart.md): plain shapes and
# text, nothing that loads, links or runs (no <a>, <use>, <image>, <foreignObject>, <style>, href or
# on* attributes; rectangles are paths and text is placed by transform, so no x/y attribute either).
# Officers' text never carries SVG: clean_markdown drops it with its content.
SVG_TAGS = {"svg", "title", "defs", "marker", "g", "circle", "polygon", "path", "text"}
SVG_ATTRIBUTES = {
    "svg": {"viewBox", "preserveAspectRatio", "width", "height", "aria-labelledby", "focusable"},
    "marker": {"viewBox", "refX", "refY", "markerWidth", "markerHeight", "orient"},
    "g": {"data-status", "data-entry", "data-day"},
    "circle": {"cx", "cy", "r"},
    "polygon": {"points"},
    "path": {"d", "marker-end", "data-entry", "data-to"},
    "text": {"transform"},
}
PAGE_TAGS |= SVG_TAGS
PAGE_ATTRIBUTES.update(SVG_ATTRIBUTES)


def clean_html(fragment: str) -> str:
    import nh3

    return nh3.clean(
        fragment,
        tags=PAGE_TAGS,
        clean_content_tags=DROP_WITH_CONTENT - {"title", "head"} - SVG_TAGS,
        attributes=PAGE_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel=None,
        strip_comments=True,
    )


# -- the whole archive ---------------------------------------------------------------------------


def _contact(c) -> None:
    for name in ("name", "role", "directorate", "phone", "email"):
        setattr(c, name, plain(getattr(c, name)))


def _minute_text(holder, clean: Callable[[str], str]) -> None:
    holder.title = plain(holder.title)
    holder.body = clean(holder.body)
    holder.resolved_intro = clean(holder.resolved_intro)
    holder.questions = [clean(q) for q in holder.questions]
    for r in holder.resolutions:
        r.text = clean(r.text)


def sanitize_archive(archive, memo: Callable[[str], str] | None = None) -> None:
    """Make every piece of officer-written text safe, once, right after loading. ``memo``: the
    sanitiser remembered across runs (load/filecache.TextMemo of :func:`clean_markdown`), or None."""
    clean = memo or clean_markdown
    for person in archive.people.values():
        person.name, person.full_name, person.honorific = (
            plain(person.name),
            plain(person.full_name),
            plain(person.honorific),
        )
    for committee in archive.committees.values():
        committee.name, committee.short_name = plain(committee.name), plain(committee.short_name)
        committee.description = clean(committee.description)
        if committee.contact:
            _contact(committee.contact)
        for members in committee.membership.values():
            for m in members:
                m.name = plain(m.name)
    for meeting in archive.meetings:
        meeting.place, meeting.published_by = plain(meeting.place), plain(meeting.published_by)
        meeting.public_access, meeting.notes = clean(meeting.public_access), clean(meeting.notes)
        for item in meeting.items:
            item.title, item.lead = plain(item.title), plain(item.lead)
            item.number = plain(item.number) if item.number else item.number
            item.pages = plain(item.pages) if item.pages else item.pages
            item.description = clean(item.description)
            for part in item.parts:
                part.number, part.title = plain(part.number), clean(part.title)
        minutes = meeting.minutes
        if minutes:
            minutes.note, minutes.amendment = clean(minutes.note), clean(minutes.amendment)
            for attendees in minutes.attendance.values():
                for a in attendees:
                    a.name, a.role = plain(a.name), plain(a.role) if a.role else a.role
                    a.directorate, a.organisation = plain(a.directorate), plain(a.organisation)
                    a.substitute_for = plain(a.substitute_for)
            for d in minutes.declarations:
                d.name, d.interest, d.text = plain(d.name), plain(d.interest), plain(d.text)
            for minute in minutes.minutes:
                _minute_text(minute, clean)
                for part in minute.parts:
                    _minute_text(part, clean)
        for paper in meeting.papers:
            paper.title, paper.to, paper.subject = plain(paper.title), plain(paper.to), plain(paper.subject)
            paper.appendix = plain(paper.appendix) if paper.appendix else paper.appendix
            paper.withdrawn_reason = plain(paper.withdrawn_reason)
            paper.body = clean(paper.body)
            for author in paper.authors + ([paper.presented_by] if paper.presented_by else []):
                _contact(author)
    for programme in archive.programmes:
        programme.notes = clean(programme.notes)
        for e in programme.entries:
            e.title, e.detail, e.source, e.outcomes = (
                plain(e.title),
                clean(e.detail),
                plain(e.source),
                clean(e.outcomes),
            )
            e.leads = [plain(x) for x in e.leads]
    for tracker in archive.trackers:
        for row in tracker.rows:
            row.text, row.item, row.cabinet_member = plain(row.text), plain(row.item), plain(row.cabinet_member)
            row.response, row.status = plain(row.response), plain(row.status)
