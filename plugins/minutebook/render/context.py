"""Indexes built once per build so that no page has to scan the whole archive."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from minutebook.link import approval
from minutebook.load.council import Law, law_of
from minutebook.model import Archive, Committee, Item, Meeting, Paper
from minutebook.model.vocabularies import MeetingStatus
from minutebook.render import templates
from minutebook.settings import SiteSettings


@dataclass
class PackSource:
    """The pack a programme or tracker was printed in: its meeting and paper where public."""

    text: str
    day: dt.date | None = None
    meeting: Meeting | None = None
    paper: Paper | None = None


@dataclass
class SiteContext:
    archive: Archive
    today: dt.date
    settings: SiteSettings = field(default_factory=SiteSettings)
    # (committee, year, number) of a minute -> items whose minutes cite it
    cited_by: dict = field(default_factory=lambda: defaultdict(list))
    attendance: dict = field(default_factory=lambda: defaultdict(list))  # person -> [(meeting, group, Attendee)]
    memberships: dict = field(default_factory=lambda: defaultdict(list))  # person -> [(committee, Membership)]
    declarations: dict = field(default_factory=lambda: defaultdict(list))  # person -> [(meeting, Declaration)]
    votes: dict = field(default_factory=lambda: defaultdict(list))  # person -> [(meeting, item, Vote, way)]
    # person -> [(meeting, item, what)]: motions and amendments moved or seconded, questions asked
    motions: dict = field(default_factory=lambda: defaultdict(list))
    neighbours: dict = field(default_factory=dict)  # (committee slug, meeting id) -> (previous, next)

    def __post_init__(self):
        archive = self.archive
        for committee in archive.committees.values():
            meetings = committee.meetings
            for i, meeting in enumerate(meetings):
                self.neighbours[(committee.slug, meeting.id)] = (
                    meetings[i - 1] if i > 0 else None,
                    meetings[i + 1] if i + 1 < len(meetings) else None,
                )
            for _year, members in committee.membership.items():
                for member in members:
                    self.memberships[member.person].append((committee, member))
        for meeting in archive.meetings:
            if meeting.minutes:
                for group, attendees in meeting.minutes.attendance.items():
                    for attendee in attendees:
                        self.attendance[attendee.person].append((meeting, group, attendee))
                for declaration in meeting.minutes.declarations:
                    self.declarations[declaration.person].append((meeting, declaration))
            for item in meeting.items:
                if item.minute and not item.private:
                    for vote in item.minute.votes:
                        for way, voters in vote.ways:
                            for voter in voters:
                                self.votes[voter.person].append((meeting, item, vote, way))
                    self._index_motions(meeting, item)
                    for cite in item.minute.references:
                        found = archive.find_minute(meeting.committee, cite, meeting.date)
                        cited = found[1].minute if found else None
                        if cited is not None:
                            key = (meeting.committee, cited.year, cited.number)
                            if item not in self.cited_by[key]:
                                self.cited_by[key].append(item)

    @property
    def site_name(self) -> str:
        return self.settings.site_name

    def _index_motions(self, meeting: Meeting, item: Item) -> None:
        assert item.minute is not None
        for motion in item.minute.motions:
            for what, who in (("Moved a motion", motion.mover), ("Seconded a motion", motion.seconder)):
                if who:
                    self.motions[who.person].append((meeting, item, what))
            for amendment in motion.amendments:
                for what, who in (
                    ("Moved an amendment", amendment.mover),
                    ("Seconded an amendment", amendment.seconder),
                ):
                    if who:
                        self.motions[who.person].append((meeting, item, what))
        for question in item.minute.asked:
            if question.person:
                self.motions[question.person].append((meeting, item, "Asked a question"))

    def has_page(self, key: str) -> bool:
        """Whether a person has a page: they attended, were a member, declared an interest, voted, moved or asked."""
        return bool(
            self.attendance.get(key)
            or self.memberships.get(key)
            or self.declarations.get(key)
            or self.votes.get(key)
            or self.motions.get(key)
        )

    def committee(self, slug: str) -> Committee:
        return self.archive.committees[slug]

    def meeting_title(self, meeting: Meeting) -> str:
        """'Education Scrutiny Board, 7 January 2016' (plain text: templates escape it)."""
        return f"{self.committee(meeting.committee).name}, {templates.short_date(meeting.date)}"

    @property
    def law(self) -> Law:
        """The exempt-information law of the archive's nation (England when it has no council.yml)."""
        return law_of(self.archive)

    def law_on(self, meeting: Meeting) -> Law:
        """The exempt-information law in force on the day of ``meeting`` (the 1985 Schedule 12A before 1 March
        2006 in England and Wales)."""
        return law_of(self.archive, meeting.date)

    def status_label(self, meeting: Meeting) -> str:
        """The meeting's status in words: a past meeting never reads as pending."""
        return approval.past_status(meeting, self.today) or MeetingStatus.labels()[meeting.status]

    def minutes_words(self, meeting: Meeting) -> str:
        """'Approved', 'Not yet approved', 'Approval not recorded', 'Minutes not in this archive' or ''."""
        return approval.minutes_words(self.archive, meeting, self.today)

    def minutes_state(self, meeting: Meeting) -> str:
        return approval.minutes_state(self.archive, meeting, self.today)

    def pack_source(self, committee: str, source: str) -> PackSource:
        """'<YYYY-MM-DD>/<paper slug>' (where a programme or tracker was printed) as what it names."""
        day_text, _, slug = source.partition("/")
        try:
            day = dt.date.fromisoformat(day_text)
        except ValueError:
            return PackSource(source)
        meeting = self.archive.meeting(committee, day)
        paper = next((p for p in meeting.papers if p.slug == slug), None) if meeting else None
        if paper is not None and (paper.unpublished or paper.withdrawn):
            paper = None
        return PackSource(source, day, meeting, paper)

    def previous_next(self, committee: str, meeting: Meeting):
        return self.neighbours.get((committee, meeting.id), (None, None))

    def public_papers(self, item: Item) -> list[Paper]:
        return [] if item.private else item.all_papers
