"""What search finds: one document per agenda item, minute, lettered part of a minute, paper,
work-programme entry and tracker row, made from the published model.

The model has already been through :func:`minutebook.publish.withhold.publish`: drafts, embargoed papers
and private business are gone. Withdrawn papers, and anything an officer's preview still shows
("unpublished"), are left out here too, so a preview's index never holds what the public must
not see.

Each document carries its text in segments, each with the anchor of the page where it stands
(``#minute``, ``#part-a``, ``#resolution-2``, ``#para-3-2``), so a result leads to the exact place.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from minutebook.model import (
    Archive,
    Item,
    Meeting,
    Minute,
    MinutePart,
    Paper,
    Tracker,
    WorkProgramme,
    municipal_year,
    urls,
)
from minutebook.model.vocabularies import SearchKind
from minutebook.render.common import paragraph_pieces

KINDS = tuple(SearchKind)  # their labels: model/vocabularies.py
# Groups of kinds that are sharded apart: meeting business, and the programme and tracker tables.
GROUPS = {"agenda": 0, "minutes": 0, "paper": 0, "programme": 1, "tracker": 1}


@dataclass
class Document:
    kind: str
    committee: str
    year: int  # municipal year start
    date: dt.date
    title: str
    url: str  # page URL relative to the site root, with the anchor of the section
    segments: list[tuple[str, str]] = field(default_factory=list)  # (anchor or "", plain text)

    @property
    def text(self) -> str:
        return "\n".join(text for _, text in self.segments)


# -- Markdown to plain text ----------------------------------------------------------------------

# Officers' text can be huge (a pasted 1 MB line): every pattern runs in linear time. A run that
# can fail stops at the character that starts the next match ("[" for links, "<" for tags), white
# space before attributes is matched only from its first character, and adjacent optional runs
# are possessive.
_IMAGE = re.compile(r"!\[([^\[\]]*)\]\([^()\[\]]*\)")
_LINK = re.compile(r"\[([^\[\]]*)\]\((?:[^()\[\]]|\([^()\[\]]*\))*\)")
_TAG = re.compile(r"<[^<>]+>")
_ATTRS = re.compile(r"(?<!\s)\s*+\{[#.:][^{}]*\}")
_TABLE_RULE = re.compile(r"^[ \t]*+\|?[ \t]*+:?-{2,}.*$", re.M)
_MARKUP = re.compile(r"^\s{0,3}(?:#{1,6}|>)\s*|\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)|`", re.M)
_SPACE = re.compile(r"[ \t]+")


def _without_comments(text: str) -> str:
    """HTML comments removed; an unclosed one runs to the end (as in HTML). Linear, unlike a regex
    searching for the end of every one of a million unclosed openings."""
    if "<!--" not in text:
        return text
    out, start = [], 0
    while True:
        opening = text.find("<!--", start)
        if opening < 0:
            out.append(text[start:])
            return "".join(out)
        out.append(text[start:opening])
        closing = text.find("-->", opening + 4)
        if closing < 0:
            return "".join(out)
        start = closing + 3


def plain_text(markdown: str) -> str:
    """Readable text of officer Markdown: no markup, links as their words, tables as words."""
    if not markdown:
        return ""
    text = _without_comments(markdown)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _ATTRS.sub("", text)
    text = _TABLE_RULE.sub("", text)
    text = text.replace("|", " ")
    text = _MARKUP.sub("", text)
    text = html.unescape(text)
    lines = (_SPACE.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def paper_segments(body: str) -> list[tuple[str, str]]:
    """A paper's text cut at its numbered paragraphs, with the anchors its page gives them."""
    out: list[tuple[str, str]] = []
    anchor, number = "", ""
    for piece in paragraph_pieces(body):
        if piece.anchor:
            anchor, number = piece.anchor, piece.number
        else:
            out.append((anchor, f"{number} {piece.text}" if number else piece.text))
    segments = [(a, plain_text(t)) for a, t in out]
    return [(a, t) for a, t in segments if t]


# -- the documents of the archive ----------------------------------------------------------------


def _minute_segments(holder: Minute | MinutePart, anchor: str) -> list[tuple[str, str]]:
    segments = [(anchor, plain_text(holder.body))]
    intro = plain_text(holder.resolved_intro)
    for i, resolution in enumerate(holder.resolutions):
        text = plain_text(resolution.text)
        segments.append((resolution.anchor, f"{intro} {text}" if i == 0 and intro else text))
    return [(a, t) for a, t in segments if t]


def item_documents(committee: str, meeting: Meeting, item: Item) -> list[Document]:
    here = urls.item(item)
    common: dict[str, Any] = {"committee": committee, "year": meeting.year, "date": meeting.date}
    out = []
    if item.number:
        text = [item.lead, plain_text(item.description)] + [f"{p.number} {p.title}" for p in item.parts]
        out.append(
            Document(
                kind="agenda", title=item.title, url=here, segments=[("", "\n".join(t for t in text if t))], **common
            )
        )
    minute = item.minute
    if minute and not item.private and not (meeting.minutes and meeting.minutes.unpublished):
        out.append(
            Document(
                kind="minutes",
                title=f"Minute {minute.cite}: {minute.title}",
                url=f"{here}#minute",
                segments=_minute_segments(minute, "minute"),
                **common,
            )
        )
        for part in minute.parts:
            out.append(
                Document(
                    kind="minutes",
                    title=f"Minute {minute.cite} ({part.letter}): {part.title}",
                    url=f"{here}#{part.anchor}",
                    segments=_minute_segments(part, part.anchor),
                    **common,
                )
            )
    if not item.private:
        for paper in item.all_papers:
            if paper.withdrawn or paper.unpublished:
                continue
            out.append(paper_document(committee, meeting, paper))
    return out


def paper_document(committee: str, meeting: Meeting, paper: Paper) -> Document:
    title = f"Appendix {paper.appendix}: {paper.title}" if paper.appendix else paper.title
    segments = paper_segments(paper.body)
    named = paper.authors + ([paper.presented_by] if paper.presented_by else [])
    people = "; ".join(", ".join(x for x in (a.name, a.role, a.directorate) if x) for a in named)
    head = "\n".join(x for x in (paper.subject, people) if x)
    if head:
        segments.insert(0, ("", head))
    return Document(
        kind="paper",
        committee=committee,
        year=meeting.year,
        date=meeting.date,
        title=title,
        url=urls.paper(paper),
        segments=segments,
    )


def programme_documents(archive: Archive, programme: WorkProgramme) -> list[Document]:
    day, _, _ = programme.published_in.partition("/")
    try:
        printed = dt.date.fromisoformat(day)
    except ValueError:
        printed = dt.date(programme.year, 5, 1)
    out = []
    timeline = urls.programme(programme.committee, programme.year)
    for number, entry in enumerate(programme.entries, start=1):
        url = f"{timeline}#entry-{number}"  # the entry on the work-programme time line
        when = entry.date.strftime("%d %B %Y").lstrip("0") if entry.date else (entry.bucket or "")
        text = [when, plain_text(entry.detail), ", ".join(entry.leads), entry.source, plain_text(entry.outcomes)]
        # a plan is not a meeting: dated by the programme that printed it, its planned date in its title
        title = (
            f"{entry.title} (planned for {when})" if entry.date else f"{entry.title} ({when})" if when else entry.title
        )
        out.append(
            Document(
                kind="programme",
                committee=programme.committee,
                year=programme.year,
                date=printed,
                title=title,
                url=url,
                segments=[("", "\n".join(t for t in text if t))],
            )
        )
    return out


def tracker_documents(archive: Archive, tracker: Tracker) -> list[Document]:
    url = urls.tracker(tracker.committee)  # the committee's recommendations tracker
    out = []
    for row in tracker.rows:
        title = row.item or " ".join(row.text.split()[:12])
        text = [row.text, row.cabinet_member, row.response, row.status]
        out.append(
            Document(
                kind="tracker",
                committee=tracker.committee,
                year=municipal_year(tracker.date),
                date=tracker.date,
                title=title,
                url=url,
                segments=[("", "\n".join(t for t in text if t))],
            )
        )
    return out


def iter_documents(archive: Archive) -> Iterator[Document]:
    """Every searchable document of the published archive, one at a time.

    A joint meeting's business is found under the committee that owns its folder."""
    for meeting in archive.meetings:
        if meeting.unpublished:
            continue
        for item in meeting.items:
            yield from item_documents(meeting.committee, meeting, item)
    for programme in archive.programmes:
        yield from programme_documents(archive, programme)
    for tracker in archive.trackers:
        yield from tracker_documents(archive, tracker)


def collect(archive: Archive) -> list[Document]:
    return list(iter_documents(archive))
