"""The domain model: committees, meetings, agenda items, minutes, papers and people.

Plain dataclasses, no behaviour beyond small derived properties. Names follow Open Civic Data's
Event vocabulary where it fits (meeting = event, item = agenda item) and UK committee practice
otherwise (minutes, RESOLVED, municipal year, Schedule 12A).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

MEETING_STATUSES = ("scheduled", "agenda published", "held", "cancelled", "postponed")
PAPER_KINDS = ("report", "briefing note", "appendix", "presentation", "supplementary", "minutes")
ROLES = ("Chair", "Vice-Chair", "Co-opted Member", "By Invitation")
ATTENDANCE_GROUPS = (
    "present",
    "co_opted",
    "cabinet_members",
    "other_members",
    "officers",
    "invited",
    "apologies",
    "substitutions",
)
ATTENDANCE_LABELS = {
    "present": "Members present",
    "co_opted": "Co-opted members",
    "cabinet_members": "Cabinet members",
    "other_members": "Other members",
    "officers": "Officers",
    "invited": "Invited",
    "apologies": "Apologies",
    "substitutions": "Substitutions",
}

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


def municipal_year(day: dt.date) -> int:
    """The year a municipal year starts in: May 2016 to April 2017 is 2016."""
    return day.year if day.month >= 5 else day.year - 1


def cite_year(yy: int, near: dt.date | None = None) -> int:
    """The municipal year a citation's two digits mean: "28/16" is 2016 (1916 only when 2016 would
    lie after the citing meeting's next year)."""
    year = 2000 + yy
    return year - 100 if near is not None and year > near.year + 1 else year


def municipal_year_label(start: int) -> str:
    return f"{start}/{(start + 1) % 100:02d}"


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
    minutes_elsewhere: tuple[str, str] | None = None  # (address, what it is): minutes not in this archive
    source: str = ""
    meetings: list["Meeting"] = field(default_factory=list)  # its own and joint ones, by date

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

    @property
    def cite(self) -> str:
        return f"{self.number}/{self.year % 100:02d}"


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
    kind: str
    title: str
    item_number: str | None = None
    to: str = ""
    date: dt.date | None = None
    subject: str = ""
    authors: list[Contact] = field(default_factory=list)
    body: str = ""
    parent: str | None = None
    appendix: str | None = None
    pdf: str = ""
    source: str = ""
    appendices: list["Paper"] = field(default_factory=list)
    item: "Item | None" = None
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
    exempt_paragraph: int | None = None
    withhold_title: bool = False
    topic: str | None = None
    minute_number: int | None = None  # the agenda's own pointer to its minute
    previous_slugs: list[str] = field(default_factory=list)
    minute: Minute | None = None
    papers: list[Paper] = field(default_factory=list)  # main papers; appendices hang off them
    meeting: "Meeting | None" = None
    line: int = 0
    topic_ref: object = None  # topics.Topic, once topics are assigned
    on_agenda: bool = False  # listed in meeting.md (False: known only from the minutes)

    @property
    def all_papers(self) -> list[Paper]:
        out = []
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
    status: str = "scheduled"
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

    @property
    def id(self) -> str:
        return f"{self.committee}/{self.date.isoformat()}"

    @property
    def year(self) -> int:
        return municipal_year(self.date)


PROGRAMME_BUCKETS = ("items for the year", "date to be decided", "performance monitoring",
                     "progress reports by exception", "next municipal year")
ACTION_KINDS = ("recommendation", "action", "information")


@dataclass(eq=False)
class ProgrammeEntry:
    """One planned item of a work programme: dated, or in one of the undated buckets."""

    title: str
    date: dt.date | None = None
    bucket: str | None = None
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
    kind: str  # recommendation | action | information
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
    topics_config: dict = field(default_factory=dict)  # meetings/topics.yml
    # derived once per build: topics.Topic, planning.PlanLink, actions.Action
    topics: list = field(default_factory=list)
    plan_links: list = field(default_factory=list)
    actions: list = field(default_factory=list)

    def meeting(self, committee: str, day: dt.date) -> Meeting | None:
        return self._meeting_index.get((committee, day))

    def find_minute(self, committee: str, cite: str, near: dt.date | None = None):
        """(meeting, item) of a minute cited "N/YY" by a committee, or None when not in the archive."""
        number, _, yy = cite.partition("/")
        return self.minute_index.get((committee, cite_year(int(yy), near), int(number)))

    def index(self) -> None:
        """Build the lookup tables used by the linker and the pages (once per load)."""
        self._meeting_index = {}
        self.minute_index: dict[tuple[str, int, int], tuple[Meeting, Item]] = {}
        for meeting in self.meetings:
            for slug in [meeting.committee, *meeting.joint_with]:
                self._meeting_index[(slug, meeting.date)] = meeting
            for item in meeting.items:
                item.meeting = meeting
                if item.minute:
                    key = (meeting.committee, item.minute.year, item.minute.number)
                    self.minute_index.setdefault(key, (meeting, item))
