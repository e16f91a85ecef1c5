"""The domain model: committees, meetings, agenda items, minutes, papers and people.

Plain dataclasses, no behaviour beyond small derived properties. Names follow Open Civic Data's
Event vocabulary where it fits (meeting = event, item = agenda item) and UK committee practice
otherwise (minutes, RESOLVED, municipal year, Schedule 12A).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from minutebook.model.vocabularies import (
    ActionKind,
    AttendanceGroup,
    MeetingStatus,
    MunicipalYear,
    PaperKind,
    ProgrammeBucket,
    Role,
)

if TYPE_CHECKING:  # derived per build by the later stages; the model imports none of them at run time
    from minutebook.link.planning import PlanLink
    from minutebook.link.topics import Topic
    from minutebook.link.tracker import Action

# The values as written in the files (the enums carry their labels: model/vocabularies.py).
MEETING_STATUSES = tuple(MeetingStatus)
PAPER_KINDS = tuple(PaperKind)
ROLES = tuple(Role)
ATTENDANCE_GROUPS = tuple(AttendanceGroup)
ATTENDANCE_LABELS = AttendanceGroup.labels()
# What a committee does (committee.md ``kind:``): scrutiny unless it says otherwise.
COMMITTEE_KINDS = ("scrutiny", "executive", "planning", "council")
VOTE_RESULTS = ("carried", "lost")
PLANNING_DECISIONS = ("granted", "refused", "deferred")

# Schedule 12A to the Local Government Act 1972, Part 1: descriptions of exempt information.
SCHEDULE_12A = {
    1: "Information relating to any individual",
    2: "Information which is likely to reveal the identity of an individual",
    3: "Information relating to the financial or business affairs of any particular person "
    "(including the authority holding that information)",
    4: "Information relating to any consultations or negotiations, or contemplated consultations "
    "or negotiations, in connection with any labour relations matter arising between the "
    "authority or a Minister of the Crown and employees of, or office holders under, the authority",
    5: "Information in respect of which a claim to legal professional privilege could be "
    "maintained in legal proceedings",
    6: "Information which reveals that the authority proposes to give under any enactment a notice "
    "under or by virtue of which requirements are imposed on a person, or to make an order or "
    "direction under any enactment",
    7: "Information relating to any action taken or to be taken in connection with the prevention, "
    "investigation or prosecution of crime",
}


def municipal_year(day: dt.date, starts: int = 5) -> MunicipalYear:
    """The municipal year a day falls in (May 2016 to April 2017 is 2016/17; ``starts``: the month it begins)."""
    return MunicipalYear.of(day) if starts == 5 else MunicipalYear(day.year if day.month >= starts else day.year - 1)


def cite_year(yy: int, near: dt.date | None = None) -> int:
    """The municipal year a citation's two digits mean: "28/16" is 2016 (1916 only when 2016 would
    lie after the citing meeting's next year)."""
    year = 2000 + yy
    return year - 100 if near is not None and year > near.year + 1 else year


def municipal_year_label(start: int) -> str:
    """ "2016/17" for the year starting in 2016."""
    return MunicipalYear(start).label


@dataclass
class Contact:
    name: str = ""
    role: str = ""
    directorate: str = ""
    phone: str = ""
    email: str = ""


@dataclass(eq=False)
class Person:
    key: str
    name: str
    full_name: str = ""
    honorific: str = ""
    names: list[str] = field(default_factory=list)
    registered: bool = True  # False: made from a name found in the papers

    @property
    def surname_only(self) -> bool:
        """The papers give only a surname ("Jones"): no first name or initials to show."""
        return len(self.name.split()) < 2 and not self.full_name

    @property
    def display_name(self) -> str:
        """How pages name the person: 'Councillor Jones' where the archive holds only a surname."""
        if self.surname_only and self.honorific:
            return f"{self.honorific} {self.name}"
        return self.name


@dataclass(eq=False)
class Attendee:
    """A name as printed in an attendance list, joined to a person."""

    name: str  # as printed, without honorific
    person: str  # person key
    role: str | None = None
    directorate: str = ""
    organisation: str = ""
    substitute_for: str = ""


@dataclass(eq=False)
class Membership:
    year: int
    name: str
    person: str
    role: str | None = None


@dataclass(eq=False)
class Committee:
    slug: str
    name: str
    short_name: str = ""
    description: str = ""
    contact: Contact | None = None
    membership: dict[int, list[Membership]] = field(default_factory=dict)
    hidden: bool = False
    kind: str = "scrutiny"  # COMMITTEE_KINDS
    minutes_elsewhere: tuple[str, str] | None = None  # (address, what it is): minutes not in this archive
    source: str = ""
    meetings: list[Meeting] = field(default_factory=list)  # its own and joint ones, by date

    @property
    def label(self) -> str:
        return self.short_name or self.name


@dataclass(eq=False)
class Resolution:
    number: str  # "1", "2"… within its minute or part
    text: str  # Markdown (may contain a nested list)
    anchor: str = ""


@dataclass(eq=False)
class MinutePart:
    """A lettered part of a minute (seed 002's minute 3 has parts a–c)."""

    letter: str
    title: str
    body: str  # Markdown, RESOLVED block removed
    resolutions: list[Resolution] = field(default_factory=list)
    resolved_intro: str = ""
    questions: list[str] = field(default_factory=list)
    anchor: str = ""


@dataclass(eq=False)
class Voter:
    """A member named in a recorded vote, joined to a person like an attendee."""

    name: str  # as printed, without honorific
    person: str  # person key


@dataclass(eq=False)
class Vote:
    """A recorded vote (``votes:`` in minutes.md): who voted which way, and the result."""

    minute: int
    result: str  # VOTE_RESULTS
    on: str = ""  # what was voted on; empty: the recommendation
    for_: list[Voter] = field(default_factory=list)
    against: list[Voter] = field(default_factory=list)
    abstain: list[Voter] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # "for", "against", "abstain": numbers as printed
    casting_vote: bool = False  # the votes were equal and the chair's casting vote decided
    line: int = 0

    def count(self, way: str) -> int | None:
        """The number of votes one way ("for", "against", "abstain"): the count printed, else the names."""
        names = self.names(way)
        return self.counts.get(way, len(names) if names else None)

    def names(self, way: str) -> list[Voter]:
        return {"for": self.for_, "against": self.against, "abstain": self.abstain}[way]

    @property
    def ways(self) -> list[tuple[str, list[Voter]]]:
        return [("for", self.for_), ("against", self.against), ("abstain", self.abstain)]


@dataclass(eq=False)
class Amendment:
    """An amendment to a motion, moved and seconded, carried or lost."""

    text: str
    result: str  # VOTE_RESULTS
    mover: Voter | None = None
    seconder: Voter | None = None


@dataclass(eq=False)
class Motion:
    """A motion at full council (minutes.md ``motions:``): mover, seconder, amendments, result."""

    minute: int
    result: str  # VOTE_RESULTS
    text: str = ""
    mover: Voter | None = None
    seconder: Voter | None = None
    amendments: list[Amendment] = field(default_factory=list)


@dataclass(eq=False)
class Question:
    """A question put at a meeting (minutes.md ``questions:``): who asked whom, and the answer."""

    minute: int
    asker: str  # as printed
    question: str
    to: str = ""  # whom it was put to, as printed: "the Cabinet Member for Housing"
    answer: str = ""
    person: str = ""  # the asker's person key when they are a councillor in people.yml


@dataclass(eq=False)
class Decision:
    """An executive decision (an agenda item's ``decision:``): key decision, forward plan, call-in."""

    key_decision: bool = False
    forward_plan: str = ""
    forward_plan_published: dt.date | None = None  # first in the forward plan (or the general-exception notice)
    urgency: str = ""  # Urgency: "general exception" or "special urgency"; empty: the full notice
    taken: dt.date | None = None  # the day of the meeting that took it
    notice_days: int | None = None  # clear days between forward_plan_published and the decision
    notice_required: int = 0  # clear days the law asks for (0: no statutory forward plan, or not checked)
    published: dt.date | None = None  # the decision notice
    call_in_days: int = 5  # the council's call-in period, clear working days (council.yml)
    call_in_ends: dt.date | None = None  # the last day it can be called in (set by link/decisions.py)


@dataclass(eq=False)
class Application:
    """A planning application decided by a planning committee (an agenda item's ``application:``)."""

    reference: str
    site: str = ""
    proposal: str = ""
    decision: str = ""  # PLANNING_DECISIONS; empty: not decided yet
    conditions: list[str] = field(default_factory=list)  # granted: the conditions, in order
    reasons: list[str] = field(default_factory=list)  # refused: the reasons; deferred: why


@dataclass(eq=False)
class Minute:
    number: int
    year: int  # municipal year start
    title: str
    body: str  # Markdown text before any part, RESOLVED block removed
    resolutions: list[Resolution] = field(default_factory=list)
    resolved_intro: str = ""
    questions: list[str] = field(default_factory=list)
    parts: list[MinutePart] = field(default_factory=list)
    line: int = 0
    item_number: str | None = None  # from {item=…}
    slug: str | None = None
    topic: str | None = None
    private: str | None = None  # from {private=N}: the Schedule 12A paragraph
    previous_slugs: list[str] = field(default_factory=list)  # from {was=old-slug}
    references: list[str] = field(default_factory=list)  # "N/YY" cited in its text
    printed: str = ""  # the number as printed, when the council's scheme is not "N/YY" (CAB/22/017)
    restarts_at: dt.date | None = None  # the meeting, where numbers restart at each meeting
    votes: list[Vote] = field(default_factory=list)  # recorded votes (minutes.md ``votes:``)
    motions: list[Motion] = field(default_factory=list)  # full council (minutes.md ``motions:``)
    asked: list[Question] = field(default_factory=list)  # questions put (minutes.md ``questions:``)

    @property
    def cite(self) -> str:
        return self.printed or MunicipalYear(self.year).cite(self.number)

    @property
    def identity(self) -> tuple[object, ...]:
        """The normalised identity within a committee: (year, number), and the meeting where numbers restart."""
        return (self.year, self.number) + ((self.restarts_at,) if self.restarts_at else ())


@dataclass(eq=False)
class Declaration:
    name: str
    person: str
    minute: int | None
    interest: str = ""
    text: str = ""


@dataclass(eq=False)
class Correction:
    """A correction after publication, as the officer explains it (``corrections:`` in front matter)."""

    date: dt.date
    change: str
    reason: str
    previous: str = ""


@dataclass(eq=False)
class Minutes:
    approved: bool | None = None  # None: not recorded (the papers do not say)
    approved_by: str = ""  # set when a later meeting's minutes record the approval: "<file>, minute N/YY"
    approved_at: dt.date | None = None
    amendment: str = ""
    closed: str | None = None
    note: str = ""
    attendance: dict[str, list[Attendee]] = field(default_factory=dict)
    declarations: list[Declaration] = field(default_factory=list)
    minutes: list[Minute] = field(default_factory=list)
    source: str = ""
    draft: bool = False
    publish_from: dt.datetime | None = None
    unpublished: str = ""  # set in preview builds: why the public would not see these minutes
    published: dt.date | None = None
    corrections: list[Correction] = field(default_factory=list)
    last_updated: dt.date | None = None  # git: the last commit after the file was added, if any


@dataclass(eq=False)
class Paper:
    slug: str
    kind: PaperKind
    title: str
    item_number: str | None = None
    to: str = ""
    date: dt.date | None = None
    subject: str = ""
    authors: list[Contact] = field(default_factory=list)
    presented_by: Contact | None = None  # who presents it at the meeting, where the cover sheet names someone else
    body: str = ""
    parent: str | None = None
    appendix: str | None = None
    pdf: str = ""
    source: str = ""
    appendices: list[Paper] = field(default_factory=list)
    line: int = 0
    body_line: int = 1  # the line of its file where ``body`` starts
    draft: bool = False
    publish_from: dt.datetime | None = None
    withdrawn: dt.date | None = None
    withdrawn_reason: str = ""
    published: dt.date | None = None  # the date it was first published, where the file says
    unpublished: str = ""
    corrections: list[Correction] = field(default_factory=list)
    last_updated: dt.date | None = None  # git: the last commit after the file was added, if any
    previous_names: list[str] = field(default_factory=list)
    # set by Archive.index() when the archive is assembled: the item it (or its main paper) belongs to
    item: Item = field(init=False, repr=False)

    @property
    def id(self) -> str:
        """ "<committee>/<YYYY-MM-DD>/<item slug>/<paper slug>": unique in the archive."""
        return f"{self.item.id}/{self.slug}"


@dataclass(eq=False)
class ItemPart:
    number: str
    title: str


@dataclass(eq=False)
class Item:
    """One business item of a meeting: its agenda entry, its minute, or both."""

    slug: str
    title: str
    number: str | None = None  # agenda number as printed
    lead: str = ""
    pages: str | None = None
    description: str = ""
    parts: list[ItemPart] = field(default_factory=list)
    private: bool = False
    exempt_paragraph: int | str | None = None  # the paragraph, or "not stated" (load/council.py)
    withhold_title: bool = False
    topic: str | None = None
    minute_number: int | None = None  # the agenda's own pointer to its minute
    previous_slugs: list[str] = field(default_factory=list)
    minute: Minute | None = None
    papers: list[Paper] = field(default_factory=list)  # main papers; appendices hang off them
    line: int = 0
    topic_ref: Topic | None = None  # once topics are assigned
    on_agenda: bool = False  # listed in meeting.md (False: known only from the minutes)
    decision: Decision | None = None  # executive committees: the decision's key-decision and call-in facts
    application: Application | None = None  # planning committees: the application decided
    # set by Archive.index() when the archive is assembled
    meeting: Meeting = field(init=False, repr=False)

    @property
    def id(self) -> str:
        """ "<committee>/<YYYY-MM-DD>/<slug>": unique in the archive (the open data's item id)."""
        return f"{self.meeting.id}/{self.slug}"

    @property
    def all_papers(self) -> list[Paper]:
        out: list[Paper] = []
        for paper in self.papers:
            out.append(paper)
            out.extend(paper.appendices)
        return out


@dataclass(eq=False)
class Meeting:
    committee: str  # slug of the committee that owns the folder
    date: dt.date
    start: str | None = None
    place: str = ""
    status: MeetingStatus = MeetingStatus.SCHEDULED
    postponed_to: dt.date | None = None
    agenda_published: dt.date | None = None
    published_by: str = ""
    public_access: str = ""
    webcast: str = ""
    joint_with: list[str] = field(default_factory=list)
    notes: str = ""
    items: list[Item] = field(default_factory=list)
    minutes: Minutes | None = None
    papers: list[Paper] = field(default_factory=list)  # every paper and appendix
    source: str = ""
    has_agenda: bool = False
    draft: bool = False
    publish_from: dt.datetime | None = None
    unpublished: str = ""
    moved_from: list[dt.date] = field(default_factory=list)
    year_starts: int = 5  # the month the council's municipal year starts (meetings/council.yml)

    @property
    def id(self) -> str:
        """ "<committee>/<YYYY-MM-DD>": unique in the archive."""
        return f"{self.committee}/{self.date.isoformat()}"

    @property
    def year(self) -> MunicipalYear:
        return municipal_year(self.date, self.year_starts)


PROGRAMME_BUCKETS = tuple(ProgrammeBucket)
ACTION_KINDS = tuple(ActionKind)


@dataclass(eq=False)
class ProgrammeEntry:
    """One planned item of a work programme: dated, or in one of the undated buckets."""

    title: str
    date: dt.date | None = None
    bucket: ProgrammeBucket | None = None
    detail: str = ""
    leads: list[str] = field(default_factory=list)
    source: str = ""
    outcomes: str = ""
    topic: str | None = None
    considered_at: list[str] = field(default_factory=list)  # manual links: "73/16", "2017-04-27/4", "2017-04-27/<slug>"
    line: int = 0


@dataclass(eq=False)
class WorkProgramme:
    committee: str
    year: int  # municipal year start
    entries: list[ProgrammeEntry] = field(default_factory=list)
    published_in: str = ""  # "<YYYY-MM-DD>/<paper slug>" of the pack that printed it
    notes: str = ""
    source: str = ""


@dataclass(eq=False)
class TrackerRow:
    """A recommendation, action or information request followed up by the committee."""

    text: str
    kind: ActionKind
    meeting: dt.date | None = None
    item: str = ""  # the agenda item title as the tracker prints it
    cabinet_member: str = ""
    response: str = ""
    status: str = ""
    minute: str | None = None  # "N/YY" when the officer links it by hand
    line: int = 0


@dataclass(eq=False)
class Tracker:
    """One published snapshot of a committee's outstanding-issues tracker."""

    committee: str
    date: dt.date  # the date of the meeting whose pack printed it
    rows: list[TrackerRow] = field(default_factory=list)
    published_in: str = ""
    source: str = ""


@dataclass(eq=False)
class Archive:
    committees: dict[str, Committee] = field(default_factory=dict)
    meetings: list[Meeting] = field(default_factory=list)  # sorted by date, then committee
    people: dict[str, Person] = field(default_factory=dict)
    programmes: list[WorkProgramme] = field(default_factory=list)
    trackers: list[Tracker] = field(default_factory=list)
    topics_config: dict[str, Any] = field(default_factory=dict)  # meetings/topics.yml
    council: Any = None  # load.council.Council (meetings/council.yml)
    # derived once per build by link/
    topics: list[Topic] = field(default_factory=list)
    plan_links: list[PlanLink] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    minute_index: dict[tuple[str, int, int], tuple[Meeting, Item]] = field(default_factory=dict, repr=False)
    _meeting_index: dict[tuple[str, dt.date], Meeting] = field(default_factory=dict, repr=False)
    _printed_index: dict[tuple[str, str], tuple[Meeting, Item]] = field(default_factory=dict, repr=False)

    def meeting(self, committee: str, day: dt.date) -> Meeting | None:
        return self._meeting_index.get((committee, day))

    def find_minute(self, committee: str, cite: str, near: dt.date | None = None) -> tuple[Meeting, Item] | None:
        """(meeting, item) of a minute cited "N/YY" (or as the council prints it: "CAB/22/017") by a
        committee, or None when not in the archive."""
        number, _, yy = cite.partition("/")
        if number.isdigit() and yy.isdigit() and len(yy) == 2:
            return self.minute_index.get((committee, cite_year(int(yy), near), int(number)))
        return self._printed_index.get((committee, cite))

    def index(self) -> None:
        """Assemble the archive: set every back-reference (``Item.meeting``, ``Paper.item``) and
        build the lookup tables used by the linker and the pages (after loading and publishing)."""
        self._meeting_index = {}
        self.minute_index = {}
        self._printed_index = {}
        for meeting in self.meetings:
            for slug in [meeting.committee, *meeting.joint_with]:
                self._meeting_index[(slug, meeting.date)] = meeting
            for item in meeting.items:
                item.meeting = meeting
                for paper in item.all_papers:
                    paper.item = item
                if item.minute:
                    key = (meeting.committee, item.minute.year, item.minute.number)
                    self.minute_index.setdefault(key, (meeting, item))
                    if item.minute.printed:
                        self._printed_index.setdefault((meeting.committee, item.minute.printed), (meeting, item))
