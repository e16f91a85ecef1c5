"""The council's settings: ``meetings/council.yml``.

One file says who the council is and how its papers are numbered::

    name: Coventry City Council
    nation: england                  # england, wales, scotland or northern-ireland
    municipal_year_starts: May       # the month the municipal year begins (May unless stated)
    minute_numbers: "{number}/{yy}"  # the default numbering scheme, as printed: 28/16
    committees:
      cabinet:
        minute_numbers: "CAB/{yy}/{number:3}"  # CAB/22/017
      licensing-sub-committee:
        minute_numbers: "{number}"
        numbers_restart: meeting               # 1, 2, 3… at every meeting

The build (through the loader), ``minutebook check`` and ``minutebook import`` all read it with
:func:`read_council`. Without the file the defaults are the sample council's: England, May, and
minutes numbered ``N/YY``.

A numbering scheme is the printed form with placeholders: ``{number}`` (``{number:3}`` pads it
to three digits), ``{yy}`` and ``{yyyy}`` (the year the municipal year starts), ``{yy+1}`` and ``{yyyy+1}``
(the year it ends: ``FGP/{yy}/{yy+1}/{number:3}`` prints FGP/24/25/031). A minute keeps its
number as printed and gets a normalised identity (committee, municipal year, number, and the
meeting where numbers restart at each meeting) for links and anchors.

The nation decides which law lists the exempt information (:data:`LAWS`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from minutebook.load import formats
from minutebook.load.reading import read_yaml_file
from minutebook.problems import Problems

COUNCIL_FILE = "council.yml"
NOT_STATED = "not stated"
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
PLACEHOLDER = re.compile(r"\{(number(?::(\d))?|yy|yyyy|yy\+1|yyyy\+1)\}")


@dataclass(frozen=True)
class Law:
    """Where a nation's law lists exempt information, and its descriptions by paragraph."""

    nation: str
    schedule: str  # "Part 1 of Schedule 12A to the Local Government Act 1972"
    exclusion: str  # the power to exclude the public
    paragraphs: dict[int, str]
    notice_days: int = 5  # clear days an agenda is open to inspection before the meeting
    notice_rule: str = ""  # where the law says so
    holidays: str = "ENG"  # the holidays package's UK subdivision: the nation's bank holidays
    # executive key decisions: clear days' notice in the forward plan, and the rule (0: no statutory notice)
    forward_plan_days: int = 0
    forward_plan_rule: str = ""

    @property
    def title(self) -> str:
        return NATION_NAMES[self.nation]

    @property
    def span(self) -> str:
        numbers = sorted(self.paragraphs)
        return f"{numbers[0]}-{numbers[-1]}"

    def describe(self, paragraph) -> str:
        return self.paragraphs.get(paragraph, "") if isinstance(paragraph, int) else ""


_ENGLAND = {
    1: "Information relating to any individual",
    2: "Information which is likely to reveal the identity of an individual",
    3: "Information relating to the financial or business affairs of any particular person (including the "
    "authority holding that information)",
    4: "Information relating to any consultations or negotiations, or contemplated consultations or "
    "negotiations, in connection with any labour relations matter arising between the authority or a "
    "Minister of the Crown and employees of, or office holders under, the authority",
    5: "Information in respect of which a claim to legal professional privilege could be maintained in legal "
    "proceedings",
    6: "Information which reveals that the authority proposes to give under any enactment a notice under or by "
    "virtue of which requirements are imposed on a person, or to make an order or direction under any "
    "enactment",
    7: "Information relating to any action taken or to be taken in connection with the prevention, "
    "investigation or prosecution of crime",
}

NATION_NAMES = {"england": "England", "wales": "Wales", "scotland": "Scotland", "northern-ireland": "Northern Ireland"}
KEY_DECISIONS_ENGLAND = (
    "regulation 9 of the Local Authorities (Executive Arrangements) (Meetings and Access to Information) "
    "(England) Regulations 2012 (SI 2012/2089)"
)

# Notice periods (docs/guide/meeting-files.md cites each): England five clear days, s.100B(3) of the 1972 Act
# as amended by the Local Authorities (Access to Meetings and Documents) (Period of Notice) (England) Order
# 2002 (SI 2002/715); Wales three clear days, s.100B(3) as enacted (that Order applies in England only);
# Scotland three clear days, s.50B(3) of the 1973 Act; Northern Ireland five clear days under the 2014 Act's
# access-to-meetings provisions (the section and the period not confirmed against the text: see the guide).
LAWS = {
    # Local Government Act 1972, Schedule 12A Part 1 (England), s.100A(4)
    "england": Law(
        "england",
        "Part 1 of Schedule 12A to the Local Government Act 1972",
        "Section 100A(4) of the Local Government Act 1972",
        dict(_ENGLAND),
        notice_days=5,
        notice_rule="section 100B(3) of the Local Government Act 1972, as amended by SI 2002/715",
        holidays="ENG",
        forward_plan_days=28,
        forward_plan_rule=KEY_DECISIONS_ENGLAND,
    ),
    # Schedule 12A Part 4 (Wales), as substituted by the Local Government (Access to Information)
    # (Variation) (Wales) Order 2007 (SI 2007/969): paragraphs 12-18, the same descriptions
    "wales": Law(
        "wales",
        "Part 4 of Schedule 12A to the Local Government Act 1972",
        "Section 100A(4) of the Local Government Act 1972",
        {
            n + 11: text.replace("any individual", "a particular individual") if n == 1 else text
            for n, text in _ENGLAND.items()
        },
        notice_days=3,
        notice_rule="section 100B(3) of the Local Government Act 1972 as it applies in Wales",
        holidays="WLS",
    ),
    # Local Government (Scotland) Act 1973, Schedule 7A Part I, s.50A(4)
    "scotland": Law(
        "scotland",
        "Part I of Schedule 7A to the Local Government (Scotland) Act 1973",
        "Section 50A(4) of the Local Government (Scotland) Act 1973",
        {
            1: "Information relating to a particular employee, former employee or applicant to become "
            "an employee of, or a particular office-holder, former office-holder or applicant to "
            "become an office-holder under, the authority",
            2: "Information relating to any particular occupier or former occupier of, or applicant "
            "for, accommodation provided by or at the expense of the authority",
            3: "Information relating to any particular applicant for, or recipient or former recipient "
            "of, any service provided by the authority",
            4: "Information relating to any particular applicant for, or recipient or former recipient "
            "of, any financial assistance provided by the authority",
            5: "Information relating to the adoption, care, fostering or education of any particular "
            "child, or to a compulsory supervision order concerning a particular child",
            6: "Information relating to the financial or business affairs of any particular person "
            "(other than the authority)",
            7: "Information relating to anything done or to be done in respect of any particular person "
            "for the purposes of section 27(1) of the Social Work (Scotland) Act 1968",
            8: "The amount of any expenditure proposed to be incurred by the authority under any "
            "particular contract for the acquisition of property or the supply of goods or services",
            9: "Any terms proposed or to be proposed by or to the authority in the course of "
            "negotiations for a contract for the acquisition or disposal of property or the supply "
            "of goods or services",
            10: "The identity of the authority (as well as of any other person) as the person offering "
            "any particular tender for a contract for the supply of goods or services",
            11: "Information relating to any consultations or negotiations in connection with any "
            "labour relations matter arising between the authority or a Minister of the Crown and "
            "employees of, or office-holders under, the authority",
            12: "Any instructions to counsel and any opinion of counsel, and any advice received, "
            "information obtained or action to be taken in connection with legal proceedings by or "
            "against the authority, or the determination of any matter affecting the authority",
            13: "Information which, if disclosed to the public, would reveal that the authority proposes "
            "to give a notice imposing requirements on a person, or to make an order or direction",
            14: "Any action taken or to be taken in connection with the prevention, investigation or "
            "prosecution of crime",
            15: "The identity of a protected informant",
        },
        notice_days=3,
        notice_rule="section 50B(3) of the Local Government (Scotland) Act 1973",
        holidays="SCT",
    ),
    # Local Government Act (Northern Ireland) 2014, Schedule 6 Part 1, s.42
    "northern-ireland": Law(
        "northern-ireland",
        "Part 1 of Schedule 6 to the Local Government Act (Northern Ireland) 2014",
        "Section 42 of the Local Government Act (Northern Ireland) 2014",
        {n: text.replace("the authority", "the council") for n, text in _ENGLAND.items()},
        notice_days=5,
        notice_rule="the Local Government Act (Northern Ireland) 2014 (access to meetings and documents)",
        holidays="NIR",
    ),
}
NATIONS = tuple(LAWS)

# Schedule 12A as the Local Government (Access to Information) Act 1985 inserted it (Schedule 1, Part I),
# in England and Wales alike, until the Local Government (Access to Information) (Variation) Order 2006
# (SI 2006/88) substituted today's Schedule from 1 March 2006: older packs cite these fifteen paragraphs.
_SCHEDULE_12A_1985 = {
    1: "Information relating to a particular employee, former employee or applicant to become an employee "
    "of, or a particular office-holder, former office-holder or applicant to become an office-holder under, "
    "the authority",
    2: "Information relating to a particular employee, former employee or applicant to become an employee "
    "of, or a particular officer, former officer or applicant to become an officer appointed by, a "
    "magistrates' court committee or a probation committee",
    3: "Information relating to any particular occupier or former occupier of, or applicant for, "
    "accommodation provided by or at the expense of the authority",
    4: "Information relating to any particular applicant for, or recipient or former recipient of, any "
    "service provided by the authority",
    5: "Information relating to any particular applicant for, or recipient or former recipient of, any "
    "financial assistance provided by the authority",
    6: "Information relating to the adoption, care, fostering or education of any particular child",
    7: "Information relating to the financial or business affairs of any particular person (other than the authority)",
    8: "The amount of any expenditure proposed to be incurred by the authority under any particular contract "
    "for the acquisition of property or the supply of goods or services",
    9: "Any terms proposed or to be proposed by or to the authority in the course of negotiations for a "
    "contract for the acquisition or disposal of property or the supply of goods or services",
    10: "The identity of the authority (as well as of any other person) as the person offering any particular "
    "tender for a contract for the supply of goods or services",
    11: "Information relating to any consultations or negotiations, or contemplated consultations or "
    "negotiations, in connection with any labour relations matter arising between the authority or a "
    "Minister of the Crown and employees of, or office-holders under, the authority",
    12: "Any instructions to counsel and any opinion of counsel, and any advice received, information obtained "
    "or action to be taken in connection with legal proceedings by or against the authority, or the "
    "determination of any matter affecting the authority",
    13: "Information which, if disclosed to the public, would reveal that the authority proposes to give a "
    "notice imposing requirements on a person, or to make an order or direction",
    14: "Any action taken or to be taken in connection with the prevention, investigation or prosecution of crime",
    15: "The identity of a protected informant",
}
SCHEDULE_12A_SUBSTITUTED = dt.date(2006, 3, 1)  # SI 2006/88, article 1(1)
_BEFORE_2006 = "Part I of Schedule 12A to the Local Government Act 1972 (as in force before 1 March 2006)"
EARLIER_LAWS = {
    nation: replace(LAWS[nation], schedule=_BEFORE_2006, paragraphs=dict(_SCHEDULE_12A_1985))
    for nation in ("england", "wales")
}


def law_on(nation: str, day: dt.date | None) -> Law:
    """The exempt-information law of ``nation`` in force on ``day`` (today's when no day is known): the
    1985 Schedule 12A before 1 March 2006 in England and Wales. (Wales's Part 4 between that day and the
    Wales Order of 21 April 2007 is not modelled: its meetings are read against today's paragraphs.)"""
    if day is not None and day < SCHEDULE_12A_SUBSTITUTED and nation in EARLIER_LAWS:
        return EARLIER_LAWS[nation]
    return LAWS[nation]


@dataclass(frozen=True)
class Scheme:
    """How one committee prints its minute numbers."""

    pattern: str = "{number}/{yy}"
    restart: str = "year"  # "year": unique in a municipal year; "calendar": in a calendar year; "meeting": 1, 2, 3…

    @property
    def per_meeting(self) -> bool:
        return self.restart == "meeting"

    def year_of(self, municipal_year: int, date: dt.date) -> int:
        """The year a meeting's minute numbers run in: the municipal year's start, or with ``calendar``
        numbering (P014/24 in February 2024) the meeting's calendar year."""
        return date.year if self.restart == "calendar" else municipal_year

    def format(self, number: int, year: int) -> str:
        def put(match: re.Match) -> str:
            token = match.group(1)
            if token.startswith("number"):
                return str(number).zfill(int(match.group(2) or 0))
            shown = year + 1 if token.endswith("+1") else year
            return f"{shown % 100:02d}" if token.startswith("yy") and not token.startswith("yyyy") else str(shown)

        return PLACEHOLDER.sub(put, self.pattern)

    def regex(self) -> re.Pattern:
        out, at = [], 0
        for match in PLACEHOLDER.finditer(self.pattern):
            out.append(re.escape(self.pattern[at : match.start()]))
            token = match.group(1)
            out.append(
                r"(?P<number>\d{1,5})"
                if token.startswith("number")
                else {"yy": r"(?P<yy>\d{2})", "yyyy": r"(?P<yyyy>\d{4})", "yy+1": r"(?P<yy_end>\d{2})"}.get(
                    token, r"(?P<yyyy_end>\d{4})"
                )
            )
            at = match.end()
        out.append(re.escape(self.pattern[at:]))
        return re.compile("".join(out), re.I)

    def parse(self, printed: str) -> tuple[int, int | None] | None:
        """(number, municipal year or None) of a number printed in this scheme, or None."""
        match = self.regex().fullmatch(printed.strip())
        if not match:
            return None
        found = match.groupdict()
        year = int(found["yyyy"]) if found.get("yyyy") else 2000 + int(found["yy"]) if found.get("yy") else None
        if year is None and (found.get("yyyy_end") or found.get("yy_end")):  # the year it ends alone: "… 2024/25"
            end = found.get("yyyy_end") or found["yy_end"]
            year = (int(end) if len(end) == 4 else 2000 + int(end)) - 1
        return int(found["number"]), year


def check_pattern(pattern: str) -> str | None:
    """Why a numbering scheme cannot be used, or None."""
    tokens = [m.group(1) for m in PLACEHOLDER.finditer(pattern)]
    if sum(t.startswith("number") for t in tokens) != 1:
        return "it must hold {number} exactly once"
    if re.search(r"\{(?!number(?::\d)?\}|yy\}|yyyy\}|yy\+1\}|yyyy\+1\})", pattern):
        return "its only placeholders can be {number}, {number:3}, {yy}, {yyyy}, {yy+1} and {yyyy+1}"
    if pattern != pattern.strip() or re.search(r"[^\S ]| {2}", pattern):
        # one space between the parts is printed ("ES 101/23"); more would not be read back
        return "it can hold single spaces between its parts only (no tabs, line breaks or leading spaces)"
    return None


@dataclass
class Council:
    name: str = ""
    nation: str = "england"
    year_starts: int = 5  # the month
    default: Scheme = field(default_factory=Scheme)
    schemes: dict[str, Scheme] = field(default_factory=dict)
    call_in_days: int = 5  # executive decisions: clear working days to call one in (the constitution's)
    source: str = ""  # "meetings/council.yml" when read from a file

    @property
    def law(self) -> Law:
        return LAWS[self.nation]

    def law_on(self, day: dt.date | None) -> Law:
        """The law in force on ``day`` (a meeting's date): see :func:`law_on`."""
        return law_on(self.nation, day)

    def scheme(self, committee: str) -> Scheme:
        return self.schemes.get(committee, self.default)

    def municipal_year(self, day: dt.date) -> int:
        return day.year if day.month >= self.year_starts else day.year - 1


def _month(value: str) -> int | None:
    text = value.strip().lower()
    for n, name in enumerate(MONTHS, start=1):
        if text in (name.lower(), name[:3].lower()):
            return n
    return None


def read_council(root: Path, problems: Problems) -> Council:
    """The council of the archive at ``root`` (the meetings folder); problems go to ``problems``."""
    path = Path(root) / COUNCIL_FILE
    council = Council()
    checked = read_yaml_file(path, problems, formats.COUNCIL, COUNCIL_FILE, partial=True)
    if checked is None:
        return council
    council.source = problems.rel(path)
    council.name = checked.get("name", "")
    council.nation = checked.get("nation", "england")
    council.call_in_days = checked.get("call_in_days", 5)
    if "municipal_year_starts" in checked:
        month = _month(checked["municipal_year_starts"])
        if month is None:
            problems.error(
                path,
                checked.line_of("municipal_year_starts"),
                f"'municipal_year_starts' is '{checked['municipal_year_starts']}', which is not a month",
                "write the month's name, like May",
            )
        else:
            council.year_starts = month
    council.default = _scheme(checked, path, problems, Scheme()) or Scheme()
    committees = checked.get("committees", {})
    for slug, entry in committees.items():
        scheme = _scheme(entry, path, problems, council.default)
        if scheme is not None:
            council.schemes[slug] = scheme
    folders = {p.name for p in Path(root).iterdir() if p.is_dir()} if Path(root).is_dir() else set()
    for slug in committees:
        if slug not in folders:
            problems.error(
                path,
                committees.line_of(slug),
                f"'{slug}' is not a committee folder",
                f"use a committee folder name: {', '.join(sorted(folders)) or '(none yet)'}",
            )
    return council


def _scheme(entry, path: Path, problems: Problems, default: Scheme) -> Scheme | None:
    pattern = entry.get("minute_numbers", default.pattern)
    why = check_pattern(pattern)
    if why:
        problems.error(
            path,
            entry.line_of("minute_numbers"),
            f"the numbering scheme '{pattern}' cannot be used: {why}",
            'write the number as printed with placeholders, like "{number}/{yy}" or "CAB/{yy}/{number:3}"',
        )
        return None
    restart = entry.get("numbers_restart", default.restart if "minute_numbers" not in entry else "year")
    return Scheme(pattern, restart)


def check_exempt_paragraph(
    council: Council, value, problems: Problems, path, line, what: str, day: dt.date | None = None
) -> bool:
    """Whether ``value`` is a paragraph of exempt information under the council's law in force on ``day``
    (the meeting's date; or "not stated", which is accepted: ``check`` warns, a build notes it). Problems
    name the file and line."""
    law = council.law_on(day)
    if value == NOT_STATED:
        problems.review(
            path,
            line,
            f"{what} is exempt, but the papers do not state the paragraph of {law.schedule}",
            f"write exempt_paragraph: N ({law.span}) if the paragraph is known; the site says it is not stated",
        )
        return True
    if value not in law.paragraphs:
        other = [n for n, lw in LAWS.items() if value in lw.paragraphs]
        hint = (
            f"; paragraph {value} is one of {' and '.join(o.replace('-', ' ').title() for o in other)}'s, "
            "so check nation: in meetings/council.yml"
            if other
            else ""
        )
        if law.nation in EARLIER_LAWS and law is LAWS[law.nation] and value in _SCHEDULE_12A_1985:
            hint += (
                f"; before {SCHEDULE_12A_SUBSTITUTED.day} March {SCHEDULE_12A_SUBSTITUTED.year} the Schedule had "
                "paragraphs 1-15, so check the meeting's date"
            )
        problems.error(
            path,
            line,
            f"{what} gives exempt paragraph {value}, which is not a paragraph of "
            f"{law.schedule} ({law.nation.replace('-', ' ').title()}: {law.span}){hint}",
            f"write the paragraph ({law.span}), or 'not stated' when the papers give none",
        )
        return False
    return True


def law_of(archive, day: dt.date | None = None) -> Law:
    """The exempt-information law of an archive (England when it has no council.yml), in force on ``day``
    (today's when no day is given: see :func:`law_on`)."""
    council = getattr(archive, "council", None)
    return law_on(council.nation if council is not None else "england", day)
