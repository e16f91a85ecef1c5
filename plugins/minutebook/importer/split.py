"""Recognising the parts of a pack: front sheet, minutes, papers, appendices, work programme.

A part starts where the printed structure says so:

* an agenda **front sheet**: the committee's name, then "Time and Date" (and "Place", "Public
  Business"…), or "Date:", "Time:" and "Venue:" (or "Place:") lines, or a notice of meeting ("A
  meeting of … will be held", "You are requested to attend the meeting of … to be held …"); the
  council's name, "Notice of Meeting" and "Public Document Pack" printed above belong to it;
* **minutes**: "Minutes of the Meeting of <committee>", "Minutes of a meeting of the <COMMITTEE>",
  "Minute of Meeting of the <committee>" (and "held at <time> on <date>"); they end at the closing
  line: "(Meeting closed at …)", "The meeting ended at …", "terminated", "finished", "rose",
  "There being no further business the meeting closed at …", "The Chair closed the meeting at …";
* a **paper**: a kind line ("Briefing note", "Report") followed by "To:", a "To:" line followed
  by "Subject:", or a cover sheet "Report to: <committee>" followed by "Title:", "Subject:" or
  "Report of:"; the council's name printed just above belongs to it; or "REPORT OF THE TREASURER" with
  its title under it, or its title above it and "1. Purpose" under it ("REPORT NO. HT/03/21", the
  council and the meeting printed above belong to it);
* a **work programme**: a line "… Work Programme 2016/17" (the committee's name printed just above
  belongs to it; the same title printed again on later pages is page furniture).

Appendices are found inside a paper's part by :mod:`.papers` (an "Appendix N" heading, a blank page,
the titles in the paper's list of appendices). Text before the first part is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from minutebook.importer.bilingual import halves
from minutebook.importer.leading import letterhead, unlabelled_front
from minutebook.importer.minutetable import minute_tables
from minutebook.importer.partheads import minutes_named, same_meeting, stamped_title, titled_above
from minutebook.importer.report import Report
from minutebook.importer.source import Line, Source
from minutebook.importer.textutil import plain
from minutebook.importer.titled import meeting_heading, page_top, report_of_start, titled_pages

TIME_AND_DATE = re.compile(r"^time and date:?$", re.I)
# "Date: …", "Date of meeting: …", "Meeting Date: …", "Date and time", "To be held on: …" — not "Date of despatch: …" (the agenda's own date)
DATE_LABEL = re.compile(
    r"^(?:(?:meeting\s+)?date(?:\s+of\s+(?:the\s+)?meeting)?|date\s+and\s+time|(?:to\s+be\s+)?held\s+on(?=\s*:))"
    r"(?:\s*:\s*|\s*$|\s+(?=\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b))(?P<rest>.*)$",
    re.I,
)
TIME_LABEL = re.compile(r"^(?:meeting\s+|start\s+)?time\s*:?\s*(?P<rest>.*)$", re.I)
PLACE_LABEL = re.compile(r"^(?:venue|place|location)\s*:?\s*(?P<rest>.*)$", re.I)
MINUTES_HEAD = re.compile(
    r"^(?:(?:decisions? and )?minutes? of (?:an? |the )?(?:(?:special|extraordinary|annual|adjourned|ordinary)\s+)?"
    r"(?:meeting of (?:the )?)?|"
    # "Record of the meeting of the …", "Notes of a meeting of …": minutes by another name (the word meeting needed)
    r"(?:record|notes) of (?:an? |the )?(?:(?:special|extraordinary|annual|adjourned|ordinary)\s+)?"
    r"(?P<meeting>(?:meeting|proceedings) of (?:the )?)?)(?P<committee>.+?)(?:\s+held\b.*)?$",
    re.I,
)
# the committee's name, then "Minutes - 9 December 2024" (or "Minutes: …", "Draft minutes – …") under it
DATED_MINUTES = re.compile(r"^(?:draft\s+)?minutes?\s*[-–—:]\s*(?P<date>\S.{5,40})$", re.I)
BARE_MINUTES = re.compile(r"^(?:minutes|minutes of (?:the )?meeting|draft minutes)$", re.I)
COVER_TO = re.compile(r"^report to\s*:?\s*\S", re.I)
# a field's label, then a colon or its value in the next column ("Report title<TAB>Winter Pressures …")
COVER_FIELD = re.compile(
    r"^(?:title|subject|report of|report title|title of (?:the )?(?:paper|report))(?:\s*:|\t)", re.I
)
# the other fields of a report's cover sheet: two of them under a title line make a cover sheet
# ("Report Title: …" / "Meeting Date: …" / "Report By: …") without a "Report to" line
COVER_OTHER = re.compile(
    r"^(?:meeting date|date of meeting|meeting|date|report by|report of|report author|authors?|lead officer|responsible officer|"
    r"report (?:no\.?|number|ref(?:erence)?\.?)|agenda item(?: no\.?)?|action(?: required)?|decision required|"
    r"purpose|key decision|wards? affected|classification|portfolio(?: lead| holder)?|presented by|appendices|"
    r"cabinet member(?: with lead responsibility)?|lead member|accountable (?:director|employee|officer)|"
    r"originating service)(?:\s*:|\t)",
    re.I,
)
# "REPORT OF THE TREASURER" on a line of its own with the report's title under it: a report without a
# labelled cover sheet
REPORT_OF = re.compile(r"^(?:joint\s+)?report\s+(?:of|by|from)\s+(?:the\s+)?\S.{1,80}$", re.I)
# a report's first numbered section: "1.   PURPOSE OF REPORT", "1 Introduction"
SECTION_START = re.compile(r"^1\.?\s+[A-Z]")
# the report's reference printed above its heading: "REPORT NO. HT/03/21", "Report Number: CX/14"
REPORT_NUMBER = re.compile(
    r"^(?:report|paper)\s+(?:(?:no\.?|number|ref(?:erence)?\.?)\s*:?\s*)?[A-Z]{0,6}[/.-]?\d[\w/.-]*$", re.I
)
BOILERPLATE = re.compile(r"^(?:public document pack|notice of (?:a )?meeting|summons|agenda)$", re.I)
KIND_LINE = re.compile(
    r"^(?:briefing note|briefing paper|report|public report|information report|(?:report )?cover sheet|"
    r"scrutiny report|cabinet report|committee report|report to .{3,80})$",
    re.I,
)
TO_LINE = re.compile(r"^to:\s*\S", re.I)
SUBJECT_LINE = re.compile(r"^subject:", re.I)
PROGRAMME_TITLE = re.compile(r"\bwork programme\s+(?P<start>\d{4})\s*[/-]\s*(?P<end>\d{2}|\d{4})\s*$", re.I)
# The closing line: "(Meeting closed at 4.00 pm)", "The meeting ended at …", "There being no further
# business, the meeting closed at …", "The Chair closed the meeting at …", "… declared the meeting closed at …".
CLOSED = re.compile(
    r"^\(?\s*(?:(?:there being no (?:further|other) business|this being all the business|the business "
    r"(?:of the meeting )?being (?:concluded|completed))\s*,?\s*)?"
    r"(?:(?:the\s+)?(?:meeting|hearing)\s+(?:(?:commenced|started|began)\s+at\s+\S+(?:\s*[ap]\.?m\.?)?\s+and\s+)?"
    r"(?:closed|ended|finished|terminated|concluded|rose|was closed)"
    r"|the\s+(?:chair(?:man|woman|person)?|convener|mayor|provost)\s+(?:closed the meeting|declared the meeting closed))"
    r"(?:\s+at\b|\s*:)\s*\S.{0,40}$",
    re.I,
)
# A notice of meeting: "A meeting of the X will be held on …", "You are requested (summoned, invited)
# to attend the meeting of the X to be held in … on …" (or "Members of the Council are summoned …"),
# "Notice is hereby given that a meeting of …".
SUMMONS = re.compile(
    r"^(?:(?:(?:you|(?:all\s+)?(?:members|councillors)(?:\s+of\s+the\s+\w+(?:\s+\w+)?)?)\s+are\s+(?:hereby\s+)?"
    r"(?:requested|summoned|invited|asked|required)\s+to\s+attend|notice is (?:hereby )?given "
    r"(?:that|of))\s+)?(?:a|an|the)\s+(?:(?:special|extraordinary|annual|ordinary|adjourned)\s+)?"
    r"(?P<body>(?:(?-i:[A-Z][\w'’&-]*)\s+){1,4}?)?(?:meeting|hearing) of "
    r"(?:the\s+)?(?P<committee>.+?),?\s+(?:will be held|to be held|which will be held|will take place|"
    r"to take place|will meet|(?=on\s+(?:\w+day\b|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z])))\b(?P<rest>.*)$",
    re.I,
)
# the opening of a notice whose sentence is hard-wrapped before its "to be held" ("You are hereby summoned to
# attend a meeting of the Council of the London Borough of" / "Kestrelmere to be held in …")
SUMMONS_OPENING = re.compile(
    r"^(?:you|(?:all\s+)?(?:members|councillors))\b.{0,40}?\s+are\s+(?:hereby\s+)?"
    r"(?:requested|summoned|invited|asked|required)\s+to\s+attend\s+(?:a|an|the)\b",
    re.I,
)


def summons_text(lines: list[Line], i: int) -> tuple[re.Match[str] | None, int]:
    """The notice at line i read whole: its match, and the index of its last line. A sentence that opens
    as a summons and is wrapped before its 'to be held' is read with up to three lines that follow it
    (lines of the same paragraph, not after a full stop)."""
    text = plain(lines[i].text).strip()
    j, joined = i, 0
    while not SUMMONS.match(text) and SUMMONS_OPENING.match(text) and joined < 3 and not re.search(r"[^.]\.$", text):
        # the next line of the sentence, or the committee's name centred under it after a blank line
        following = next((n for n in range(j + 1, min(j + 3, len(lines))) if lines[n].text.strip()), None)
        if following is None or not plain(lines[following].text).strip()[:1].isalnum():
            break
        j, joined = following, joined + 1
        text = f"{text} {plain(lines[j].text).strip()}"
    match = SUMMONS.match(text)
    return match, j if match else i


# a paper's sheet headed by its item: "Item 5a: Schedule of Payments", "Agenda Item 7 – Community Grants"
AGENDA_ENTRY = re.compile(r"^\d{1,2}[.)]?\s+\S")  # "9.   WORK PROGRAMME 2025/26": the agenda's item, not the paper
ITEM_SHEET = re.compile(
    r"^(?:agenda\s+)?item\s+(?:no\.?\s*)?(?P<n>\d{1,3}[a-z]?)\s*[:–-]\s+(?P<title>[^\t]{3,120}?)\s*$", re.I
)
ORG_LINE = re.compile(r"\b(?:council|authority|borough|county|district)\b", re.I)


@dataclass
class Part:
    kind: str  # front, minutes, paper, programme
    lines: list[Line]
    hint: str = ""  # "Agenda Item N" printed before it
    extra: dict = field(default_factory=dict)

    @property
    def line(self) -> int:
        return next((line.no for line in self.lines if line.text.strip()), self.lines[0].no if self.lines else 0)


def _text(line: Line) -> str:
    return plain(line.text).strip()


def _with_tabs(line: Line) -> str:
    """The line as plain text with its tabs kept: a cover sheet's label and value in two columns."""
    return "\t".join(plain(cell) for cell in line.text.strip().split("\t"))


def _next_filled(lines: list[Line], i: int, count: int) -> list[int]:
    found: list[int] = []
    j = i + 1
    while j < len(lines) and len(found) < count:
        if lines[j].text.strip():
            found.append(j)
        j += 1
    return found


def _previous_filled(lines: list[Line], i: int, max_gap: int = 3, source: Source | None = None) -> int | None:
    """The line of text above line i, within max_gap blank lines (with ``source``, a page break between them
    is not a gap: the council's name printed at the foot of the page before a part's heading)."""
    j, gap = i - 1, 0
    while j >= 0 and gap <= max_gap:
        if lines[j].text.strip():
            return j
        marker = source.marker(lines[j]) if source is not None else None
        gap += 0 if marker and marker[0] == "page" else 1
        j -= 1
    return None


def _starts(source: Source) -> list[tuple[int, str]]:
    lines = source.lines
    starts: list[tuple[int, str]] = []
    in_minutes = False
    programme_titles: set[str] = set()
    i = 0
    while i < len(lines):
        text = _text(lines[i])
        if in_minutes and source.marker(lines[i]) == ("blank page", ""):
            in_minutes = False  # minutes followed by a page left blank: what comes after it is another paper
        if not text or ("\t" in lines[i].text and not COVER_FIELD.match(_with_tabs(lines[i]))):
            i += 1
            continue
        if in_minutes:
            if any(CLOSED.match(half) for half in halves(text)):
                in_minutes = False
            elif not _cover_sheet(lines, i) and not meeting_heading(source, i):
                i += 1
                continue
            else:
                # minutes with no closing line end where a report's cover sheet starts, or a page that opens
                # with the meeting's heading
                in_minutes = False
                continue
            i += 1
            continue
        if TIME_AND_DATE.match(text):
            start = _previous_filled(lines, i)
            starts.append((start if start is not None else i, "front"))
        elif (
            (summons := summons_text(lines, i)[0])
            and len(summons.group("committee")) <= 120
            and not (starts and starts[-1][1] == "front" and same_meeting(lines, starts[-1][0], i))
        ):
            front = _front_start(lines, i)
            # a memorandum's "To: / From: / Date: / Subject:" over the notice is the front sheet's, not a paper's
            starts = [s for s in starts if not (s[1] == "paper" and front <= s[0] < i)]
            starts.append((front, "front"))
        elif (
            _when_block(lines, i)
            and not (starts and starts[-1][1] == "front" and i - starts[-1][0] <= 12)
            # the agenda's own page under the summons of the same meeting is the summons' front sheet (minutes of
            # that day under "Minutes" are not)
            and not (
                starts
                and starts[-1][1] == "front"
                and same_meeting(lines, starts[-1][0], i)
                and _minutes_or_front(lines, i)[1] == "front"
            )
        ):
            # "RESOURCES COMMITTEE" / "Thursday 12 September 2024 at 10:30 hours" / the place: a front sheet
            # without labels, known by the agenda that follows (minutes, under "Minutes")
            start, kind = _minutes_or_front(lines, i)
            if kind == "front" and any(k == "front" for _, k in starts) and not _agenda_below(lines, i):
                kind = "paper"  # the meeting's date and time over a paper's title, further into the pack
            starts.append((start, kind))
            in_minutes = kind == "minutes"
        elif _date_block(lines, i):
            starts.append(_minutes_or_front(lines, i))
            in_minutes = starts[-1][1] == "minutes"
            i = i + 1 if in_minutes else _skip_block(lines, i)
            continue
        elif (dated := dated_minutes(lines, i)) is not None:
            starts.append((_under_letterhead(lines, dated[0]), "minutes"))
            in_minutes = True
        elif (
            (head := MINUTES_HEAD.match(text))
            and len(text) < 300
            and _minutes_head(lines, i)
            and _named(head, lines, i)
            and not minutes_named(lines, i)
        ):
            start = _previous_filled(lines, i, 2, source)
            if (
                start is not None
                and _is_committee_line(_text(lines[start]))
                and head.group("committee").lower() in ("meeting", "the meeting", "hearing", "the hearing")
            ):
                above = _previous_filled(lines, start, 2)
                start = above if above is not None and ORG_LINE.search(_text(lines[above])) else start
            else:
                start = _under_letterhead(lines, i, source=source)
            starts.append((start, "minutes"))
            in_minutes = True
        elif KIND_LINE.match(text) and any(TO_LINE.match(_text(lines[j])) for j in _next_filled(lines, i, 4)):
            starts.append((_under_letterhead(lines, i), "paper"))
            i = (_next_filled(lines, i, 1) or [i])[0] + 1
            continue
        elif COVER_TO.match(text) and _cover_sheet(lines, i):
            title = _previous_filled(lines, i, 2)
            top = titled_above(lines, title) if title is not None else None
            starts.append((top if top is not None else _capitals_above(lines, _under_letterhead(lines, i)), "paper"))
            i = (_next_filled(lines, i, 6) or [i])[-1] + 1
            continue
        elif (
            COVER_FIELD.match(_with_tabs(lines[i]))
            and _cover_sheet(lines, i)  # two more fields under it ("Report of:" / "Date:" / "Subject:" / "Purpose:")
            and not (starts and starts[-1][1] == "paper" and i - starts[-1][0] <= 12)
        ):
            while (above := _previous_filled(lines, i, 2, source)) is not None and COVER_OTHER.match(
                _text(lines[above])
            ):
                i = above  # "Date of meeting: …" printed above "Title of paper: …": the cover sheet's own field
            start = _previous_filled(lines, i, 2)
            if start is not None and re.match(r"^(?:report\s+)?cover\s+sheet$", _text(lines[start]), re.I):
                i = start  # "Report cover sheet" over its fields
            letterhead = _text(lines[start]) if start is not None else ""
            # the body's name printed above the cover sheet ("WESTER CARSE INTEGRATION JOINT BOARD") belongs to it
            numbered = start is not None and bool(REPORT_NUMBER.match(letterhead))
            if start is not None and numbered:
                # "Paper APC/25/01" over the fields, and the body's name above it, belong to the cover sheet
                above = _previous_filled(lines, start, 2)
                start = above if above is not None and ORG_LINE.search(_text(lines[above])) else start
            titled_top = titled_above(lines, start) if start is not None and not numbered else None
            if titled_top is not None:
                # "HALSEY DISTRICT COUNCIL" / "Licensing … Committee – 11 November 2025" / the title / "Report of: …"
                start = titled_top
            elif start is None or not (
                numbered
                or (
                    letterhead
                    and len(letterhead) < 80
                    and (ORG_LINE.search(letterhead) or letterhead.isupper())
                    and not letterhead.endswith(".")
                )
            ):
                start = i
            starts.append((start, "paper"))
            i = (_next_filled(lines, i, 6) or [i])[-1] + 1
            continue
        elif (sheet := ITEM_SHEET.match(text)) and not sheet.group("title").endswith(".") and page_top(source, i):
            starts.append((i, "paper"))
        elif (start := report_of_start(source, lines, i)) is not None:
            if not (starts and starts[-1][1] == "paper" and 0 < start - starts[-1][0] <= 12):
                starts.append((start, "paper"))  # (not the heading of the paper a stamp just started)
        elif TO_LINE.match(text) and any(SUBJECT_LINE.match(_text(lines[j])) for j in _next_filled(lines, i, 4)):
            if not starts or starts[-1][1] != "paper" or i - starts[-1][0] > 12:
                starts.append((i, "paper"))
        elif (
            PROGRAMME_TITLE.search(text)
            and len(text) < 160
            and not (AGENDA_ENTRY.match(text) and not page_top(source, i))
        ):
            key = text.lower()
            if key not in programme_titles:
                programme_titles.add(key)
                start = _previous_filled(lines, i, 2)
                heading = _text(lines[start]) if start is not None else ""
                if start is None or not (
                    heading
                    and len(heading) <= 80
                    and not heading.endswith(".")
                    and "\t" not in lines[start].text
                    and re.search(r"\(\d+\)$|scrutiny|committee|board", heading, re.I)
                ):
                    start = i
                starts.append((start, "programme"))
        elif starts and (opening := meeting_heading(source, i)):
            starts.append((i, opening))  # a page opening with the meeting's heading: a paper of its own
        elif stamped_title(source, lines, i):
            starts.append((_under_letterhead(lines, i, 4, source), "paper"))  # the council's name above the stamp
        i += 1
    # a title under an "Agenda Item 3" stamp starts a paper, unless the lines under it say it is more
    # (minutes, a work programme) and moved that start up to it: one document, of the kind they say
    kinds: dict[int, str] = {}
    for at, kind in sorted(set(starts)):
        if kinds.get(at, "paper") == "paper":
            kinds[at] = kind
    return titled_pages(source, sorted(kinds.items()))


def _under_letterhead(lines: list[Line], i: int, gap: int = 2, source: Source | None = None) -> int:
    """Line i, or the council's name printed just above it ("Coventry City Council"), which belongs to the
    part that starts at line i."""
    above = _previous_filled(lines, i, gap, source)
    if above is not None and ORG_LINE.search(named := _text(lines[above])) and len(named) < 60:
        return above
    return i


def _capitals_above(lines: list[Line], i: int) -> int:
    """Line i, or the body's name printed in capitals just above its cover sheet ("LOCHARDIE LICENSING BOARD"
    over "Report to: …"), which belongs to the paper: a short line of words, no figures, not a sentence."""
    above = _previous_filled(lines, i, 2)
    named = _text(lines[above]) if above is not None else ""
    if above is not None and named.isupper() and len(named) < 80 and re.fullmatch(r"[A-Z][A-Z ,&'’()-]+", named):
        return above
    return i


def _cover_sheet(lines: list[Line], i: int) -> bool:
    """'Report to: …' or 'Report of:' / 'Subject:' with two more fields of a cover sheet under it."""
    text = _with_tabs(lines[i])
    following = [_with_tabs(lines[j]) for j in _next_filled(lines, i, 6)]
    if COVER_TO.match(text):  # "Report to: Cabinet" over "Title: …", or "Report to Cabinet" over its title and fields
        return any(COVER_FIELD.match(t) for t in following) or sum(1 for t in following if COVER_OTHER.match(t)) >= 2
    return (
        bool(COVER_FIELD.match(text)) and sum(1 for t in following if COVER_OTHER.match(t) or COVER_FIELD.match(t)) >= 2
    )


def _minutes_head(lines: list[Line], i: int) -> bool:
    """A minutes heading names a date in its first lines ("held … on 6 April 2017")."""
    from minutebook.importer.dates import find_date

    window = " ".join(_text(lines[j]) for j in [i, *_next_filled(lines, i, 2)])
    return find_date(window)[0] is not None


def _named(head: re.Match[str], lines: list[Line], i: int) -> bool:
    """ "Notes of the Partnership Board" (no word "meeting") is minutes only over "Meeting held on …"."""
    if head.group("meeting") or not re.match(r"(?i)(?:record|notes)\b", head.group(0)):
        return True
    below = _next_filled(lines, i, 1)
    return bool(below) and bool(
        re.match(r"^(?:(?:the\s+)?meeting\s+)?held\s+(?:on|at)\b", _text(lines[below[0]]), re.I)
    )


def dated_minutes(lines: list[Line], i: int):
    """(line of the committee's name, date) of "Minutes - 9 December 2024" at line i under it, or None."""
    from minutebook.importer.dates import find_date

    match = DATED_MINUTES.match(_text(lines[i]))
    day = find_date(match.group("date"))[0] if match else None
    above = _previous_filled(lines, i, 2) if day is not None else None
    if above is None or not _is_committee_line(_text(lines[above])) or "\t" in lines[above].text:
        return None
    return above, day


def _is_committee_line(text: str) -> bool:
    return bool(text) and len(text) <= 90 and not text.endswith(".") and not re.match(r"^\d", text)


def _date_block(lines: list[Line], i: int) -> bool:
    """'Date: …' with 'Time: …' and 'Venue: …' (or 'Place: …') within the next lines: a front sheet."""
    match = DATE_LABEL.match(_text(lines[i]))
    if not match or len(_text(lines[i])) > 80:
        return False
    near = [_text(lines[j]) for j in _next_filled(lines, i, 5)]
    has_time = (bool(re.search(r"\d", match.group("rest"))) and "time" in _text(lines[i]).lower()) or any(
        TIME_LABEL.match(t) for t in near
    )
    return has_time and any(PLACE_LABEL.match(t) for t in near)


def _title_like(text: str) -> bool:
    return (
        bool(text) and len(text) <= 120 and not text.endswith((".", ":", ";", ",")) and not re.match(r"^[\d(•-]", text)
    )


def _when_block(lines: list[Line], i: int) -> bool:
    from minutebook.importer.dates import is_split_when, is_when_line

    if not is_when_line(_text(lines[i])):
        below = _next_filled(lines, i, 1)
        if not below or not is_split_when(_text(lines[i]), _text(lines[below[0]])):
            return False
    above = _previous_filled(lines, i, 3)
    heading = _text(lines[above]) if above is not None else ""
    if not heading or re.match(r"^\d", heading) or heading.endswith((".", ":")) or len(heading) > 90:
        return False  # "8. Date of Next Meeting" / "Wednesday 28 May 2025 at 2.00 pm": an agenda item's text
    return any(
        re.match(r"^(?:agenda|business|1\.?\s+[A-Z])", _text(lines[j]), re.I) for j in _next_filled(lines, i, 20)
    )


def _agenda_below(lines: list[Line], i: int) -> bool:
    return any(re.match(r"^(?:agenda|business)\b", _text(lines[j]), re.I) for j in _next_filled(lines, i, 20))


def _minutes_or_front(lines: list[Line], i: int) -> tuple[int, str]:
    """The start of the document whose date block is at line i: minutes under a "MINUTES" line (or "Cofnodion /
    Minutes") above the committee and the date, otherwise a front sheet."""
    start = _front_start(lines, i)
    bare = [j for j in range(start, i) if BARE_MINUTES.match(_text(lines[j]))]
    return (_under_letterhead(lines, bare[0]), "minutes") if bare else (start, "front")


def _skip_block(lines: list[Line], i: int) -> int:
    j = i + 1
    for k in _next_filled(lines, i, 5):
        if TIME_LABEL.match(_text(lines[k])) or PLACE_LABEL.match(_text(lines[k])):
            j = k + 1
    return j


def _front_start(lines: list[Line], i: int) -> int:
    """The committee's name above the date block, and the council's name and notices above it."""
    start = i
    j = i - 1
    seen = 0
    while j >= 0 and seen < 6:
        text = _text(lines[j])
        if text:
            seen += 1
            if len(text) > 90 or text.endswith(".") or "\t" in lines[j].text:
                break
            start = j
        j -= 1
    return start


def split_pack(source: Source, report: Report) -> list[Part]:
    lines = source.lines
    starts = _starts(source)
    parts: list[Part] = []
    if not starts:
        return parts
    leading = [line for line in lines[: starts[0][0]] if line.text.strip()]
    if leading and not any(kind == "front" for _, kind in starts) and unlabelled_front(leading):
        # the pack's first page, in no layout known, prints a date and numbered items: its front sheet
        starts.insert(0, (lines.index(leading[0]), "front"))
        leading = []
    if leading and starts[0][1] == "front" and letterhead(leading):
        # the council's name, address and the letter's references above its notice of meeting: the front sheet's
        starts[0] = (lines.index(leading[0]), "front")
        leading = []
    if leading:
        report.warn(
            source.name,
            leading[0].no,
            f"{len(leading)} line(s) before the first recognised part "
            "(front sheet, minutes, paper or work programme) were left out",
            "check whether they matter",
        )
    for n, (start, kind) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        part = Part("paper" if kind == "titled" else kind, lines[start:end])
        if kind == "titled":  # the title under the letterhead of a titled page (titled.titled_pages)
            part.extra["title_at"] = _next_filled(lines, start, 1)[0] - start
        hint = _agenda_item_hint(source, lines, start)
        if hint:
            part.hint = hint
        if kind == "minutes":
            part.lines = minute_tables(part.lines)  # "No. | Subject | Discussion | Decision" rows as minutes
            _trim_after_close(part, parts, source, report)
        parts.append(part)
    return parts


def _agenda_item_hint(source: Source, lines: list[Line], start: int) -> str:
    """The 'Agenda Item N' stamped above the part, or just under its letterhead."""
    j = start - 1
    while j >= 0 and not lines[j].text.strip():
        marker = source.marker(lines[j])
        if marker and marker[0] == "agenda item":
            return marker[1]
        j -= 1
    j = start + 1
    while j < len(lines) and not lines[j].text.strip():
        marker = source.marker(lines[j])
        if marker and marker[0] == "agenda item":
            return marker[1]
        j += 1
    return ""


def _trim_after_close(part: Part, parts: list[Part], source: Source, report: Report) -> None:
    """Text after "(Meeting closed at …)" is not part of the minutes."""
    for k, line in enumerate(part.lines):
        if any(CLOSED.match(half) for half in halves(_text(line))):
            rest = [line for line in part.lines[k + 1 :] if line.text.strip()]
            if rest:
                report.warn(
                    source.name,
                    rest[0].no,
                    f"{len(rest)} line(s) after the end of the minutes and before the next part were left out",
                    "check whether they belong to a paper",
                )
            part.lines = part.lines[: k + 1]
            return
