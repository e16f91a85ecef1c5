"""The archive's vocabularies, each value with the label the public reads: one table for the
Python code, the JSON Schemas and the search script (the search index's manifest carries
:func:`script_labels`, and ``overrides/assets/minutebook/search.js`` reads its labels from there).

Every vocabulary is a :class:`Vocabulary`, a ``StrEnum`` whose members compare equal to the text
written in the meeting files (``MeetingStatus.HELD == "held"``) and carry a ``label``.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Self


class Vocabulary(StrEnum):
    """A closed list of values as written in the files, each with its label for the public."""

    label: str

    def __new__(cls, value: str, label: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label or value
        return member

    @classmethod
    def labels(cls) -> dict[str, str]:
        return {member.value: member.label for member in cls}


class MeetingStatus(Vocabulary):
    SCHEDULED = "scheduled", "Scheduled"
    AGENDA_PUBLISHED = "agenda published", "Agenda published"
    HELD = "held", "Held"
    CANCELLED = "cancelled", "Cancelled"
    POSTPONED = "postponed", "Postponed"


class PaperKind(Vocabulary):
    REPORT = "report", "Report"
    BRIEFING_NOTE = "briefing note", "Briefing note"
    APPENDIX = "appendix", "Appendix"
    PRESENTATION = "presentation", "Presentation"
    SUPPLEMENTARY = "supplementary", "Supplementary paper"
    MINUTES = "minutes", "Minutes"


class Role(Vocabulary):
    CHAIR = "Chair", "Chair"
    VICE_CHAIR = "Vice-Chair", "Vice-Chair"
    CO_OPTED = "Co-opted Member", "Co-opted Member"
    BY_INVITATION = "By Invitation", "By Invitation"
    # Scottish councils' chairs: the Convener chairs a committee, the Vice-Convener (or Depute) deputises
    CONVENER = "Convener", "Convener"
    VICE_CONVENER = "Vice-Convener", "Vice-Convener"
    DEPUTE_CONVENER = "Depute Convener", "Depute Convener"


class AttendanceGroup(Vocabulary):
    PRESENT = "present", "Members present"
    CO_OPTED = "co_opted", "Co-opted members"
    CABINET_MEMBERS = "cabinet_members", "Cabinet members"
    OTHER_MEMBERS = "other_members", "Other members"
    OFFICERS = "officers", "Officers"
    INVITED = "invited", "Invited"
    APOLOGIES = "apologies", "Apologies"
    SUBSTITUTIONS = "substitutions", "Substitutions"


class ProgrammeBucket(Vocabulary):
    FOR_THE_YEAR = "items for the year", "Items for the year"
    DATE_TO_BE_DECIDED = "date to be decided", "Date to be decided"
    PERFORMANCE_MONITORING = "performance monitoring", "Performance monitoring"
    BY_EXCEPTION = "progress reports by exception", "Progress reports by exception"
    NEXT_YEAR = "next municipal year", "Next municipal year"


class ActionKind(Vocabulary):
    RECOMMENDATION = "recommendation", "Recommendation"
    ACTION = "action", "Action"
    INFORMATION = "information", "Information"


class Urgency(Vocabulary):
    """Why an executive key decision was taken without the forward plan's full notice: in England, the
    general exception (regulation 10 of SI 2012/2089) or special urgency (regulation 11). The decision
    page explains each in plain words (overrides/minutebook/_meeting.md)."""

    GENERAL_EXCEPTION = "general exception", "General exception"
    SPECIAL_URGENCY = "special urgency", "Special urgency"


class PlanStatus(Vocabulary):
    """What became of a work-programme entry (link/planning.py decides)."""

    CONSIDERED = "considered", "Considered as planned"
    MOVED = "moved", "Considered at another meeting"
    DROPPED = "dropped", "Not taken up"
    PENDING = "pending", "Still to come"
    NO_PAPERS = "no papers", "Not known whether heard (meeting not in this archive)"
    NOT_SCHEDULED = "not scheduled", "Not yet scheduled"
    NOT_FOUND = "not found", "Not taken up at any meeting in this archive"


class SearchKind(Vocabulary):
    """The kinds of search result (search/documents.py, overrides/assets/minutebook/search.js)."""

    AGENDA = "agenda", "Agenda item"
    MINUTES = "minutes", "Minutes"
    PAPER = "paper", "Paper"
    PROGRAMME = "programme", "Work programme"
    TRACKER = "tracker", "Tracker"


# The tables the search script reads (labels.json): name -> vocabulary.
SCRIPT_VOCABULARIES: dict[str, type[Vocabulary]] = {"kinds": SearchKind, "statuses": MeetingStatus, "papers": PaperKind}


def script_labels() -> dict[str, dict[str, str]]:
    return {name: vocabulary.labels() for name, vocabulary in SCRIPT_VOCABULARIES.items()}


_LABEL = re.compile(r"^(\d{4})[/-](\d{2})$")


class MunicipalYear(int):
    """A municipal year, May to April, as the year it starts in: ``MunicipalYear(2016)`` is
    2016/17. It is an ``int`` (sorting, dict keys, open data), and knows its own spellings."""

    @classmethod
    def of(cls, day: dt.date) -> MunicipalYear:
        """The municipal year a day falls in: May 2016 to April 2017 is 2016/17."""
        return cls(day.year if day.month >= 5 else day.year - 1)

    @classmethod
    def parse(cls, text: str) -> MunicipalYear | None:
        """ "2016/17" or "2016-17" (the second year must follow the first); None otherwise."""
        match = _LABEL.match(text.strip())
        if not match or int(match.group(2)) != (int(match.group(1)) + 1) % 100:
            return None
        return cls(int(match.group(1)))

    @property
    def yy(self) -> str:
        """The two digits of its start ("16"): minutes are cited "28/16"."""
        return f"{self % 100:02d}"

    @property
    def label(self) -> str:
        """As people write it: "2016/17"."""
        return f"{int(self)}/{(self + 1) % 100:02d}"

    @property
    def slug(self) -> str:
        """As file names and addresses write it: "2016-17"."""
        return f"{int(self)}-{(self + 1) % 100:02d}"

    def cite(self, number: int | str) -> str:
        """A minute's citation: minute 28 of 2016/17 is "28/16"."""
        return f"{number}/{self.yy}"

    def next(self) -> MunicipalYear:
        return MunicipalYear(self + 1)

    def __str__(self) -> str:  # "2016", as the int it is (a page anchor is #year-2016)
        return str(int(self))
