"""What the public may see: drafts, embargoes, withdrawals and private business.

:func:`publish` runs once, after loading and before anything is linked, rendered or exported. It
removes from the model everything the public must not see, so that no later stage — pages,
search, open data, feeds — can leak it: what is not in the model cannot reach an output.

* a meeting, minutes or paper marked ``draft: true``, or with ``publish_from`` in the future, is
  removed (an appendix goes with its paper);
* a withdrawn paper keeps its title and the dated notice, and loses its text; its appendices are
  withdrawn with it (the same date and notice);
* a tracker or work programme follows the pack that printed it: while the paper named in its
  ``published_in`` (or, without one, the tracker's meeting) is draft, embargoed or private, it is removed;
* a private item keeps its number, title (unless withheld) and Schedule 12A paragraph, and loses
  its papers and the text of its minute.

In an officer's preview (``mkdocs serve`` only) drafts and embargoed content stay, marked with the
reason, so every page can carry a banner. Private content is removed even then.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from minutebook.model import Archive, Item, Meeting, Paper


@dataclass
class Withheld:
    """What this build left out, by reason, for the build log (counts, never content)."""

    meetings: list[str] = field(default_factory=list)
    minutes: list[str] = field(default_factory=list)
    papers: list[str] = field(default_factory=list)
    withdrawn: list[str] = field(default_factory=list)
    private_items: list[str] = field(default_factory=list)
    trackers: list[str] = field(default_factory=list)  # trackers and work programmes of a withheld pack


def _why_not(draft: bool, publish_from: dt.datetime | None, now: dt.datetime) -> str:
    if draft:
        return "Draft: not published"
    if publish_from and publish_from > now:
        return f"Embargoed until {publish_from:%d %B %Y %H:%M}: not published yet"
    return ""


def _strip_private(item: Item) -> None:
    item.papers = []
    minute = item.minute
    if minute:
        minute.body = ""
        minute.resolutions = []
        minute.resolved_intro = ""
        minute.questions = []
        minute.parts = []
        minute.references = []
        if item.withhold_title:
            minute.title = item.title
    item.description = ""
    item.parts = []
    item.lead = "" if item.withhold_title else item.lead


def _paper_reason(paper: Paper, parent: Paper | None, now: dt.datetime) -> str:
    return _why_not(paper.draft, paper.publish_from, now) or (
        _why_not(parent.draft, parent.publish_from, now) if parent else ""
    )


def publish(archive: Archive, now: dt.datetime, preview: bool = False) -> Withheld:
    withheld = Withheld()
    kept: list[Meeting] = []
    packs: dict[tuple, str] = {}  # (committee, date[, paper slug]) -> why it is not public
    for meeting in archive.meetings:
        reason = _why_not(meeting.draft, meeting.publish_from, now)
        if reason:
            packs[(meeting.committee, meeting.date)] = reason
        for paper in meeting.papers:
            parent = next((p for p in meeting.papers if p.slug == paper.parent), None) if paper.parent else None
            packs[(meeting.committee, meeting.date, paper.slug)] = (
                reason or _paper_reason(paper, parent, now) or ("Private" if _private(paper) else "")
            )
        if reason and not preview:
            withheld.meetings.append(meeting.id)
            continue
        meeting.unpublished = reason
        kept.append(meeting)
        _publish_minutes(meeting, now, preview, withheld)
        _publish_papers(meeting, now, preview, withheld)
        for item in meeting.items:
            if item.withhold_title:
                item.title = f"Private item {item.number}" if item.number else "Private item"
            if item.private:
                removed = [p.source for p in item.all_papers]
                withheld.private_items.append(item.id)
                _strip_private(item)
                meeting.papers = [p for p in meeting.papers if p.source not in removed]
    archive.meetings = kept
    if not preview:
        archive.trackers = [t for t in archive.trackers if not _pack_withheld(t, t.date, packs, withheld)]
        archive.programmes = [p for p in archive.programmes if not _pack_withheld(p, None, packs, withheld)]
    kept_ids = {id(m) for m in kept}
    for committee in archive.committees.values():
        committee.meetings = [m for m in committee.meetings if id(m) in kept_ids]
    archive.index()
    return withheld


def _private(paper: Paper) -> bool:
    """Whether the paper belongs to private business (an archive with errors may not have joined it)."""
    item = getattr(paper, "item", None)
    return item is not None and item.private


def _pack_withheld(printed, day: dt.date | None, packs: dict, withheld: Withheld) -> bool:
    """Whether the pack that printed a tracker or programme (``published_in``, or the tracker's own
    meeting) is not public, in which case neither is the tracker or programme."""
    reason = packs.get((printed.committee, day), "") if day else ""
    place, _, slug = printed.published_in.partition("/")
    if place:
        try:
            published = dt.date.fromisoformat(place)
        except ValueError:
            published = None
        reason = (
            reason
            or packs.get((printed.committee, published), "")
            or packs.get((printed.committee, published, slug), "")
        )
    if reason:
        withheld.trackers.append(printed.source)
    return bool(reason)


def _publish_minutes(meeting: Meeting, now: dt.datetime, preview: bool, withheld: Withheld) -> None:
    minutes = meeting.minutes
    if not minutes:
        return
    reason = _why_not(minutes.draft, minutes.publish_from, now)
    minutes.unpublished = reason
    if not reason or preview:
        return
    withheld.minutes.append(meeting.id)
    meeting.minutes = None
    # business known only from the minutes goes with them; agenda items lose their minute
    meeting.items = [i for i in meeting.items if i.on_agenda]
    for item in meeting.items:
        item.minute = None


def _publish_papers(meeting: Meeting, now: dt.datetime, preview: bool, withheld: Withheld) -> None:
    by_slug = {p.slug: p for p in meeting.papers}
    gone: set[str] = set()
    for paper in meeting.papers:
        if paper.withdrawn and paper.withdrawn > now.date():
            paper.withdrawn = None  # withdrawn from a date still to come: published until then
            paper.withdrawn_reason = ""
    for paper in meeting.papers:
        parent = by_slug.get(paper.parent) if paper.parent else None
        reason = _paper_reason(paper, parent, now)
        if parent is not None and parent.withdrawn and not paper.withdrawn:
            # an appendix goes with its paper, as it does for a draft
            paper.withdrawn = parent.withdrawn
            paper.withdrawn_reason = parent.withdrawn_reason
        if paper.withdrawn:
            paper.body = ""
            paper.pdf = ""
            withheld.withdrawn.append(paper.source)
        paper.unpublished = reason
        if reason and not preview:
            gone.add(paper.slug)
            withheld.papers.append(paper.source)
    if not gone:
        return
    meeting.papers = [p for p in meeting.papers if p.slug not in gone]
    for item in meeting.items:
        item.papers = [p for p in item.papers if p.slug not in gone]
        for paper in item.papers:
            paper.appendices = [a for a in paper.appendices if a.slug not in gone]


def withheld_sources(archive: Archive, now: dt.datetime, preview: bool = False) -> set[str]:
    """The meeting files (and, ending in ``/``, the folders of whole meetings) the public may not see:
    the build log must not quote them. Works on the archive as loaded, also when loading found errors.
    In an officer's preview (on their own machine) nothing is withheld from the log."""
    withheld: set[str] = set()
    if preview:
        return withheld
    for meeting in archive.meetings:
        if _why_not(meeting.draft, meeting.publish_from, now):
            withheld.update({meeting.source, meeting.source.rpartition("/")[0] + "/"})
            continue
        minutes = meeting.minutes
        if minutes and _why_not(minutes.draft, minutes.publish_from, now):
            withheld.add(minutes.source)
        by_slug = {p.slug: p for p in meeting.papers}
        # from the items, not Paper.item: the archive may not be assembled when loading found errors
        private = {id(p) for item in meeting.items if item.private for p in item.all_papers}
        for paper in meeting.papers:
            parent = by_slug.get(paper.parent) if paper.parent else None
            if _paper_reason(paper, parent, now) or id(paper) in private:
                withheld.add(paper.source)
    return withheld
