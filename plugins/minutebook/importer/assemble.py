"""Putting the parts of every pack together: committees, meetings, papers, programmes, trackers.

* A pack's documents (minutes, papers, the work programme) follow its agenda's items that have page
  ranges, in order; minutes go to the "Minutes" item (several sets of minutes can), an "Agenda Item
  N" printed before a document names its item, and a title that matches no item well is reported.
* Minutes are stored with the meeting they record (their own date), not with the pack.
* A paper on its own (no front sheet) becomes a meeting of its own date with one item made from its
  subject; the agenda number is not known, so the item has none and the paper names it by slug — reported.
* The committee slug comes from the printed committee name (``--committee`` overrides it).
* Minutes that approve an earlier meeting's minutes mark those as approved when they are imported.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from minutebook.importer.agenda import Agenda, AgendaItem
from minutebook.importer.agendalines import is_minutes_title
from minutebook.importer.bilingual import english_half
from minutebook.importer.minutes import MinutesDoc
from minutebook.importer.papers import Doc
from minutebook.importer.programme import Programme
from minutebook.importer.report import Report
from minutebook.importer.source import Source
from minutebook.importer.textutil import (
    committee_short_name,
    committee_slug,
    normalise_committee_name,
    short_slug,
    similarity,
)
from minutebook.importer.tracker import is_tracker_table, tracker_rows
from minutebook.model import MunicipalYear, municipal_year
from minutebook.model.names import normalise, slugify

LONE_NUMBER = "?"


@dataclass
class PaperOut:
    slug: str
    doc: Doc
    item: str | None  # agenda number (None for appendices)
    kind: str
    parent: str | None = None


@dataclass
class MeetingOut:
    committee: str
    date: dt.date
    source: str
    agenda: Agenda | None = None
    minutes: MinutesDoc | None = None
    minutes_source: str = ""
    papers: list[PaperOut] = field(default_factory=list)
    notes: str = ""
    approved_at: dt.date | None = None
    amendment: str = ""
    item_slugs: dict[int, str] = field(default_factory=dict)  # id(agenda item) -> slug
    minute_items: dict[int, str] = field(default_factory=dict)  # minute number -> agenda number ({item=N})
    minute_slugs: dict[int, str] = field(default_factory=dict)  # minute number -> own slug ({slug=…})
    minutes_published: dt.date | None = None  # the publication date of the pack that printed the minutes


@dataclass
class CommitteeOut:
    slug: str
    name: str
    short_name: str = ""
    contact: dict = field(default_factory=dict)
    contact_date: dt.date | None = None
    membership: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    kind: str | None = None  # what the committee does, where its name does not say (committee_kind)


@dataclass
class Assembly:
    council: dict | None = None  # council.yml to write: nation and numbering schemes read from the packs
    committees: dict[str, CommitteeOut] = field(default_factory=dict)
    meetings: dict[tuple[str, dt.date], MeetingOut] = field(default_factory=dict)
    programmes: dict[tuple[str, int], dict] = field(default_factory=dict)
    trackers: dict[tuple[str, dt.date], dict] = field(default_factory=dict)


class Assembler:
    def __init__(self, report: Report, people, committee_override: str | None = None, council=None):
        self.report = report
        self.people = people
        self.override = committee_override
        self.out = Assembly()
        self.council = council  # load.council.Council of the target archive, when it has council.yml
        self.nations: dict[str, tuple[str, int]] = {}  # nation -> (file, line) of the first citation of its law

    # -- committees and meetings ------------------------------------------------------------------
    def committee(self, printed: str) -> str:
        name = normalise_committee_name(printed)
        slug = self.override or committee_slug(english_half(name))
        known = self.out.committees.get(slug)
        if known is None:
            known = CommitteeOut(slug=slug, name=name, short_name=committee_short_name(name))
            self.out.committees[slug] = known
        elif len(name) > len(known.name) and similarity(name, known.name) >= 0.99:
            known.name, known.short_name = name, committee_short_name(name) or known.short_name
        return slug

    def meeting(self, committee: str, day: dt.date, source: str) -> MeetingOut:
        key = (committee, day)
        if key not in self.out.meetings:
            self.out.meetings[key] = MeetingOut(committee, day, source)
        return self.out.meetings[key]

    # -- one pack ---------------------------------------------------------------------------------------
    def add_pack(self, source: str, agenda: Agenda | None, documents: list) -> None:
        """``documents``: MinutesDoc, Doc (papers) and Programme objects in pack order."""
        pack = None
        if agenda is not None:
            slug = self.committee(agenda.committee)
            pack = self.meeting(slug, agenda.date, source)
            if pack.agenda is not None:
                self.report.warn(
                    source,
                    agenda.line,
                    f"the agenda of {agenda.date.isoformat()} was also in {pack.source}; this one is kept",
                    "check which pack is the right one",
                )
            pack.agenda, pack.source = agenda, source
            self._membership(slug, agenda, source)
        for doc in documents:
            if isinstance(doc, MinutesDoc):
                self._add_minutes(doc, source, pack)
        papers = [d for d in documents if not isinstance(d, MinutesDoc)]
        if pack is not None and pack.agenda is not None:  # a pack is made only for an agenda
            self._assign(pack, pack.agenda, documents, source)
        else:
            for doc in papers:
                self._lone_paper(doc, source)

    def _membership(self, slug: str, agenda: Agenda, source: str) -> None:
        committee = self.out.committees[slug]
        if agenda.membership:
            committee.membership[municipal_year(agenda.date)] = agenda.membership
            for name in agenda.membership_printed:
                self.people.add(name, source, agenda.line, relevant=True)
        if agenda.contact and (committee.contact_date is None or agenda.date >= committee.contact_date):
            committee.contact, committee.contact_date = dict(agenda.contact), agenda.date
            self.people.add(agenda.contact["name"], source, agenda.line, relevant=False)

    def _add_minutes(self, doc: MinutesDoc, source: str, pack: MeetingOut | None) -> None:
        slug = self.committee(doc.committee) if not (pack and self.override) else pack.committee
        meeting = self.meeting(slug, doc.date, source)
        if meeting.minutes is not None:
            self.report.warn(
                source,
                doc.line,
                f"the minutes of {doc.date.isoformat()} were also in {meeting.minutes_source}; this copy is kept",
                "check which copy is right",
            )
        meeting.minutes, meeting.minutes_source = doc, source
        # minutes printed in a later meeting's agenda pack were published with that pack
        meeting.minutes_published = pack.agenda.published if pack and pack.agenda and pack is not meeting else None

    # -- papers to items ------------------------------------------------------------------------------
    def _assign(self, pack: MeetingOut, agenda: Agenda, documents: list, source: str) -> None:
        items = [i for i in agenda.items if i.pages] or list(agenda.items)  # an agenda printing no pages: every item
        minutes_item = next((i for i in items if is_minutes_title(i.title)), None)
        free = [i for i in items if i is not minutes_item]
        papers = [d for d in documents if not isinstance(d, MinutesDoc)]
        if minutes_item is None and len(papers) < len(documents):
            self.report.warn(
                source,
                agenda.line,
                "the pack holds minutes but its agenda has no 'Minutes' item with pages",
                "check the agenda",
            )
        in_order = len(papers) == len(free) and all(
            not d.hint or d.hint == i.number for d, i in zip(papers, free, strict=True)
        )
        position = 0
        for n, doc in enumerate(papers):
            title = doc.title if isinstance(doc, Doc) else "Work Programme"
            item = None
            if in_order:
                item = free[n]
                if similarity(title, item.title) < 0.3:
                    self.report.warn(
                        source,
                        doc.line,
                        f"the paper '{title}' is given to item {item.number} "
                        f"'{item.title}' by its place in the pack (their titles differ)",
                        "check the paper's item",
                    )
            elif doc.hint:
                # "5a", a part of item 5 ("a) To approve the schedule of payments"), is item 5's paper
                item = next((i for i in agenda.items if i.number in (doc.hint, doc.hint.rstrip("abcdefgh"))), None)
            if item is None:
                candidates = free[position:]
                scored = sorted(
                    ((similarity(title, i.title), -k, i) for k, i in enumerate(candidates)),
                    key=lambda t: (t[0], t[1]),
                    reverse=True,
                )
                if scored and scored[0][0] >= 0.5:
                    item = scored[0][2]
                elif candidates:
                    item = candidates[0]
                    self.report.warn(
                        source,
                        doc.line,
                        f"the paper '{title}' matches no agenda item by its title; "
                        f"given to item {item.number} '{item.title}' by its place in the pack",
                        "check the paper's item",
                    )
            if item is None:
                self.report.warn(
                    source,
                    doc.line,
                    f"no agenda item is left for the paper '{title}'; it was left out",
                    "add it by hand",
                )
                continue
            if item in free:
                position = max(position, free.index(item) + 1)
            self._add_paper(pack, item, doc, source)

    def _add_paper(self, meeting: MeetingOut, item: AgendaItem, doc, source: str) -> None:
        if isinstance(doc, Programme):
            self._programme(meeting, item, doc, source)
            paper = Doc(kind=None, title=doc.title, body=doc.body, line=doc.line, to=doc.to)
            paper.tables = doc.tables
            doc = paper
        kind = doc.kind or self._kind_from_lead(item, doc, source)
        base = short_slug(item.title if item.title != "?" else doc.title)
        slug = self._unique(meeting, base)
        meeting.papers.append(PaperOut(slug, doc, item.number, kind))
        self._tables(meeting, slug, doc, source)
        for author in doc.authors + ([doc.presented_by] if doc.presented_by else []):
            self.people.add(author["name"], source, doc.line, relevant=False)
        for appendix in doc.appendices:
            aslug = self._unique(meeting, f"{slug}-appendix-{slugify(appendix.label)}")
            meeting.papers.append(PaperOut(aslug, appendix, None, "appendix", parent=slug))
            self._tables(meeting, aslug, appendix, source)

    def _kind_from_lead(self, item: AgendaItem, doc: Doc, source: str) -> str:
        lead = item.lead.lower()
        if lead.startswith(("briefing", "note")):
            return "briefing note"
        if lead.startswith(("report", "joint report")):
            return "report"
        if "of the note" in doc.body.lower() or "this note" in doc.body.lower():
            return "briefing note"
        self.report.warn(
            source,
            doc.line,
            f"the paper '{doc.title}' does not say what kind of paper it is; recorded as a report",
            "set kind: in the paper's file",
        )
        return "report"

    @staticmethod
    def _unique(meeting: MeetingOut, base: str) -> str:
        used = {p.slug for p in meeting.papers}
        slug, n = base, 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        return slug

    def _tables(self, meeting: MeetingOut, slug: str, doc: Doc, source: str) -> None:
        src = Source(source, [])
        for table in doc.tables:
            if is_tracker_table(table):
                rows = tracker_rows(table, src, self.report)
                key = (meeting.committee, meeting.date)
                if key in self.out.trackers:
                    self.out.trackers[key]["rows"].extend(rows)
                else:
                    self.out.trackers[key] = {
                        "published_in": f"{meeting.date.isoformat()}/{slug}",
                        "rows": rows,
                        "source": source,
                    }
                for row in rows:
                    for name in (row.get("cabinet_member") or "").split("/"):
                        if name.strip():
                            self.people.add(name.strip(), source, table.line, relevant=False)

    def _programme(self, meeting: MeetingOut, item: AgendaItem, programme: Programme, source: str) -> None:
        slug_hint = short_slug(item.title)
        key = (meeting.committee, programme.year)
        existing = self.out.programmes.get(key)
        if existing and existing["date"] > meeting.date:
            self.report.warn(
                source,
                programme.line,
                f"the work programme {MunicipalYear(programme.year).label} is also "
                f"printed in the pack of {existing['date'].isoformat()}, which is kept",
                "check the programme",
            )
            return
        if existing:
            self.report.warn(
                source,
                programme.line,
                f"the work programme {MunicipalYear(programme.year).label} was also "
                f"printed in the pack of {existing['date'].isoformat()}; this later one is kept",
                "check the programme",
            )
        used = {p.slug for p in meeting.papers}
        slug = slug_hint if slug_hint not in used else f"{slug_hint}-2"
        self.out.programmes[key] = {
            "year": programme.year,
            "entries": programme.entries,
            "date": meeting.date,
            "published_in": f"{meeting.date.isoformat()}/{slug}",
            "source": source,
        }
        for entry in programme.entries:
            for lead in entry.get("leads", []):
                self.people.add(lead, source, programme.line, relevant=False)

    # -- a paper on its own -------------------------------------------------------------------------
    def _lone_paper(self, doc, source: str) -> None:
        if isinstance(doc, Programme):
            self.report.warn(
                source,
                doc.line,
                f"the work programme '{doc.title}' is not in a pack with an agenda; only its data file is written",
                "import it with its pack to keep the paper too",
            )
            if not doc.to and not self.override:
                self.report.error(
                    source,
                    doc.line,
                    f"the work programme '{doc.title}' does not name its committee",
                    "import it with its pack, or give --committee",
                )
                return
            slug = self.committee(doc.to or doc.title)
            key = (slug, doc.year)
            if key not in self.out.programmes:
                self.out.programmes[key] = {
                    "year": doc.year,
                    "entries": doc.entries,
                    "date": dt.date.min,
                    "published_in": "",
                    "source": source,
                }
            return
        if doc.date is None or not doc.to:
            self.report.error(
                source,
                doc.line,
                "a paper on its own needs 'To:' and a date to find its meeting",
                "import it with its pack, or add the To: and Date: lines",
            )
            return
        slug = self.committee(doc.to)
        meeting = self.meeting(slug, doc.date, source)
        title = doc.title or "Paper"
        if meeting.agenda is None:
            meeting.agenda = Agenda(committee=doc.to, date=doc.date, line=doc.line)
            meeting.notes = (
                "Only one paper of this meeting is in the archive: its agenda and minutes are not, so the "
                "item's agenda number, the time and the place are not known."
            )
        item = next((i for i in meeting.agenda.items if normalise(i.title) == normalise(title)), None)
        if item is None:
            item = AgendaItem(
                LONE_NUMBER if not meeting.agenda.items else f"?{len(meeting.agenda.items) + 1}", title, doc.line
            )
            meeting.agenda.items.append(item)
        self.report.warn(
            source,
            doc.line,
            f"the paper '{title}' is on its own, dated {doc.date.isoformat()} and "
            f"addressed to {doc.to}: made the meeting of that date with one item, without a number "
            "(its agenda number is not known)",
            "add the agenda number, place and time when the agenda is found",
        )
        self._add_paper(meeting, item, doc, source)

    # -- after all packs ------------------------------------------------------------------------------------
    def _join_minutes(self, meeting: MeetingOut) -> None:
        """Slugs for the agenda items, and for each minute its agenda item or its own slug."""
        used: set[str] = set()

        def unique(title: str) -> str:
            base = slugify(title)
            slug, n = base, 2
            while slug in used:
                slug, n = f"{base}-{n}", n + 1
            used.add(slug)
            return slug

        items = meeting.agenda.items if meeting.agenda else []
        for agenda_item in items:
            meeting.item_slugs[id(agenda_item)] = unique(agenda_item.title)
        if not meeting.minutes:
            return
        free = {normalise(i.title): i for i in items}
        for minute in meeting.minutes.minutes:
            item = free.pop(normalise(minute.title), None)
            if item is None and free:
                best = max(free.values(), key=lambda i: similarity(minute.title, i.title))
                if similarity(minute.title, best.title) >= 0.6:
                    item = free.pop(normalise(best.title))
                    meeting.minute_items[minute.number] = item.number
                    self.report.warn(
                        meeting.minutes_source,
                        minute.line,
                        f"minute {minute.number} '{minute.title}' "
                        f"joined to agenda item {item.number} '{item.title}' by their similar titles",
                        "check {item=…} in the minute's heading",
                    )
            if item is None:
                meeting.minute_slugs[minute.number] = unique(minute.title)
                if items:
                    self.report.warn(
                        meeting.minutes_source,
                        minute.line,
                        f"minute {minute.number} '{minute.title}' matches no agenda item of {meeting.date.isoformat()}",
                        "add {item=N} to its heading if it records an agenda item",
                    )

    def _numbering(self) -> None:
        """Each committee's numbering scheme, from its printed minute numbers; council.yml when not the default."""
        from collections import Counter

        from minutebook.importer.numbering import merge_padding, scheme_of

        schemes: dict[str, dict] = {}
        where: dict[str, tuple[str, int | None]] = {}
        for slug in sorted(self.out.committees):
            minuted = [(m, m.minutes) for (c, _), m in sorted(self.out.meetings.items()) if c == slug and m.minutes]
            # a printed year that is the meeting's calendar year where that is not its municipal year's
            # start (P014/24 in February 2024) says the numbers run by calendar year; the other way round
            # (P014/23 then) says by municipal year
            by_calendar, by_municipal = 0, 0
            for meeting, minutes in minuted:
                for n in minutes.minutes:
                    if n.printed and minutes.year is not None and meeting.date.year != minutes.year:
                        municipal = _has_year(scheme_of(n.printed, minutes.year))
                        calendar = _has_year(scheme_of(n.printed, meeting.date.year))
                        by_calendar += calendar and not municipal
                        by_municipal += municipal and not calendar
            calendar_numbers = by_calendar > 0 and by_municipal == 0

            def numbering_year(meeting, minutes, calendar: bool = calendar_numbers) -> int | None:
                return meeting.date.year if calendar else minutes.year

            found = Counter(
                scheme_of(n.printed, numbering_year(meeting, minutes)) or "{number}/{yy}"
                if n.printed
                else "{number}/{yy}"
                for meeting, minutes in minuted
                for n in minutes.minutes
            )
            years = [(numbering_year(meeting, minutes), minutes.minutes) for meeting, minutes in minuted]
            merge_padding(found, [(scheme_of(n.printed, y), n.number) for y, ns in years for n in ns if n.printed])
            restart = False
            by_year: dict[int | None, set[int]] = {}
            starts = self.council.year_starts if self.council is not None else 5
            for meeting, minutes in minuted:
                numbers = {n.number for n in minutes.minutes}
                seen = by_year.setdefault(numbering_year(meeting, minutes), set())
                restart = restart or bool(seen & numbers)
                seen |= numbers
                # bare numbers that start at 1 at a meeting held months into the municipal year start
                # again at each meeting (numbers running through the year would be well past 1 by then);
                # council.yml gets the scheme and the report says so, to be checked
                months_in = (meeting.date.month - (1 if calendar_numbers else starts)) % 12
                printed_bare = all((n.printed or str(n.number)).rstrip(".").isdigit() for n in minutes.minutes)
                if printed_bare and numbers and min(numbers) == 1 and months_in >= 3:
                    restart = True
            if not found:
                continue
            pattern = found.most_common(1)[0][0]
            if restart and pattern == "{number}/{yy}":
                pattern = "{number}"
            how = "meeting" if restart else "calendar" if calendar_numbers else None
            if pattern != "{number}/{yy}" or how:
                schemes[slug] = {"minute_numbers": pattern, **({"numbers_restart": how} if how else {})}
                first, first_minutes = minuted[0]
                where[slug] = (first.minutes_source, first_minutes.minutes[0].line if first_minutes.minutes else None)
        nation = min(self.nations, key=lambda n: self.nations[n]) if len(self.nations) == 1 else None
        if len(self.nations) > 1:
            cited = "; ".join(f"{n} at {f}:{line}" for n, (f, line) in sorted(self.nations.items()))
            self.report.warn(
                next(iter(self.nations.values()))[0],
                None,
                f"the packs cite the law of more than one nation ({cited}); council.yml says nothing about the nation",
                "set nation: in meetings/council.yml",
            )
        if self.council is not None and self.council.source:
            for slug, scheme in schemes.items():
                have = self.council.scheme(slug)
                if have.pattern != scheme["minute_numbers"] or have.restart != scheme.get("numbers_restart", "year"):
                    self.report.warn(
                        self.council.source,
                        None,
                        f"the minutes of {slug} are numbered like "
                        f"'{scheme['minute_numbers']}', but council.yml gives '{have.pattern}'",
                        f'add under committees: \'{slug}: {{minute_numbers: "{scheme["minute_numbers"]}"'
                        + (f", numbers_restart: {scheme['numbers_restart']}" if scheme.get("numbers_restart") else "")
                        + "}'",
                    )
            return
        if schemes or (nation and nation != "england"):
            self.out.council = {"nation": nation or "england", "committees": schemes or None}
            for slug, scheme in schemes.items():
                self.report.warn(
                    *where[slug],
                    f"the minutes of {slug} are numbered '{scheme['minute_numbers']}'"
                    + RESTARTS.get(scheme.get("numbers_restart", ""), "")
                    + ": written to council.yml",
                    "check the scheme in meetings/council.yml",
                )
            if nation and nation != "england":
                self.report.warn(
                    *self.nations[nation],
                    f"the papers cite the law of {nation.replace('-', ' ').title()}: nation written to council.yml",
                    "check nation: in meetings/council.yml",
                )

    def _executives(self) -> None:
        """A committee whose name does not say what it does, but whose minutes or papers print key decisions
        ("Key Decision: Yes", a forward plan reference): only an executive takes key decisions. Not a scrutiny
        or audit committee, which considers the executive's key decisions (a call-in) without taking them."""
        from minutebook.importer.textutil import committee_kind

        for slug, committee in sorted(self.out.committees.items()):
            if committee_kind(committee.name) is not None or re.search(
                r"\b(?:scrutiny|overview|audit|select|standards)\b", committee.name, re.I
            ):
                continue
            for (c, _), meeting in sorted(self.out.meetings.items()):
                if c != slug:
                    continue
                minutes = meeting.minutes.minutes if meeting.minutes else []
                found = next(
                    (
                        (meeting.minutes_source, m.line, f"minute {m.printed or m.number}")
                        for m in minutes
                        if _key(m.decision)
                    ),
                    None,
                ) or next(
                    (
                        (meeting.source, p.doc.line, f"the paper '{p.doc.title}'")
                        for p in meeting.papers
                        if _key(p.doc.decision)
                    ),
                    None,
                )
                if found:
                    source, line, where = found
                    committee.kind = "executive"
                    self.report.warn(
                        source,
                        line,
                        f"{where} prints a key decision, so {committee.name} is written as kind: executive "
                        "(only an executive takes key decisions)",
                        f"check kind: in meetings/{slug}/committee.md",
                    )
                    break

    def finish(self) -> Assembly:
        self._numbering()
        self._executives()
        for meeting in self.out.meetings.values():
            self._join_minutes(meeting)
        for meeting in self.out.meetings.values():
            minutes = meeting.minutes
            if minutes is None:
                continue
            for day, amendment, _line in minutes.approves:
                earlier = self.out.meetings.get((meeting.committee, day))
                if earlier and earlier.minutes and earlier is not meeting:
                    earlier.approved_at, earlier.amendment = meeting.date, amendment
        return self.out


RESTARTS = {"meeting": " and start again at each meeting", "calendar": " and start again each January"}


def _key(decision: dict | None) -> bool:
    return bool(decision and (decision.get("key_decision") or decision.get("forward_plan")))


def _has_year(pattern: str | None) -> bool:
    return pattern is not None and ("{yy}" in pattern or "{yyyy}" in pattern)
