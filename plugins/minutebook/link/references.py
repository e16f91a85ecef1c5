"""Cross-references in the text of minutes, agendas and papers.

Recognised forms (seed archive examples):

* "minute 73/16", "Minute 28/17" — a numbered minute of the same committee, year 20YY;
* "minute 75 below", "Minute 3 above" — a minute of the same meeting;
* "the minutes of the meetings held on 16th December, 2015 and 7th January, 2016" — meetings of
  the same committee by date;
* in the council's own scheme (meetings/council.yml): "Minute CAB/22/017", "Min. No. 45/22",
  "minute PC.41/22", "Min. No. 2023/044";
* "minute 12 of the meeting held on 3 March 2022" — a minute of the committee's meeting that day;
* "item 6 above", "item 3 below" — an agenda item of the same meeting;
* "the decision of the Executive on 5 March 2024" — the minutes of another committee's meeting.

:func:`link_archive` runs once after loading. It rewrites each text so that references the
archive holds become Markdown links with a ``minutebook:`` target (a site URL), records every
minute reference on its minute ("references": ["28/16"]), and reports references the archive
does not hold as info. Pages turn ``minutebook:`` targets into relative links
(:func:`resolve_targets`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from minutebook.model import Archive, Item, Meeting, Minute, MinutePart, MunicipalYear, cite_year, urls
from minutebook.model.clock import MONTH_NAMES
from minutebook.problems import Problems

if TYPE_CHECKING:
    from minutebook.load.filecache import TextMemo

MONTHS = {m: i for i, m in enumerate(MONTH_NAMES, start=1)}
_MONTH = "|".join(m.capitalize() for m in MONTHS)
DATE = (
    r"(?:the\s+)?(?P<day>\d{1,2})(?:<sup>)?(?:st|nd|rd|th)?(?:</sup>)?\s+"
    r"(?P<month>" + _MONTH + r"),?\s+(?P<year>\d{4})"
)
DATE_RE = re.compile(DATE)
NUMBERED = re.compile(r"\b(?P<word>[Mm]inutes?|Min\.?\s*[Nn]o\.?)\s+(?P<number>\d{1,4})/(?P<yy>\d{2})\b(?!/)")
CITE_WORD = r"\b(?P<word>[Mm]inutes?(?:\s+[Nn]o\.?)?|Min\.?\s*[Nn]o\.?|MINUTE)\s+"
OF_MEETING = re.compile(
    r"\b(?P<word>[Mm]inute)\s+(?P<number>\d{1,4})(?=\s+of\s+the\s+meeting\s+(?:held\s+)?on\s+" + DATE + ")"
)
ITEM_RELATIVE = re.compile(r"\b(?P<word>[Ii]tem)\s+(?P<number>\d{1,3}[a-z]?)\s+(?P<where>above|below)\b")
DECISION_OF = re.compile(
    r"\b(?:the\s+)?(?:decision|resolution|recommendation)s?\s+of\s+the\s+(?P<name>[A-Z][\w&'’ -]{1,60}?)"
    r"\s+(?:(?:at\s+its\s+meeting\s+)?(?:held\s+)?on|of)\s+" + DATE
)
# what every DECISION_OF has (no look-around, so it is found in the text wherever a part holds it)
DECISION_WORDS = re.compile(r"(?:decision|resolution|recommendation)s?\s+of\s+the\s")
RELATIVE = re.compile(r"\b(?P<word>[Mm]inutes?)\s+(?P<number>\d{1,4})\s+(?P<where>above|below)\b")
HELD_ON = re.compile(r"\b(?:minutes|meetings?)\b[^.;:\n]{0,40}?\bheld\s+on\s+", re.I)
DATE_LIST = re.compile(r"(?:(?:,\s*|\s+and\s+|\s*&\s*)?" + DATE + r")+")
# Text that must not be touched: existing links, inline code, HTML tags, our own markers.
# Each run stops at the character that starts the next candidate ("[", "(", "<"), so that a line of a
# million "[" or "<" is read in linear time.
PROTECTED = re.compile(r"`[^`]*`|\[[^\[\]]*\]\([^()\[\]]*\)|<(?!/?sup>)[^<>]+>|https?://\S+")
# cheap tests before the patterns that ignore case: the word each needs, with the same flag (so that
# "İ" or "ı" counts as "i" in both)
ANY_MIN = re.compile("min", re.I)
ANY_HELD = re.compile("held", re.I)
# the words a citation needs: a text without any of them cites nothing (most do not). Looked for as
# plain strings (a scan in C each), not as one pattern whose branches start with common letters
CITE_WORDS = ("Minute", "minute", "MINUTE", "Min.", "Item", "item", "decision", "resolution", "recommendation")
HELD_ON_WORDS = re.compile(r"held\s+on")
LINK_MADE = re.compile(r"\[[^\]]*\]\([^)]*\)")
TARGET = re.compile(r"\]\(minutebook:([^)#]*)(#[^)]*)?\)")


def _date(match: re.Match[str]) -> dt.date | None:
    try:
        return dt.date(int(match.group("year")), MONTHS[match.group("month").lower()], int(match.group("day")))
    except ValueError:
        return None


class Linker:
    def __init__(self, archive: Archive, problems: Problems, quiet: TextMemo | None = None):
        self.archive = archive
        self.problems = problems
        self.schemes: dict[str, re.Pattern[str] | None] = {}  # committee -> its citation pattern
        # texts in which no pattern matched, remembered across runs (with the committee's pattern): such
        # a text cites nothing, whatever the archive holds, so it is left as it is without a scan
        self.quiet = quiet
        self.matched = 0  # matches seen: each replacing function counts the one it is given

    # one text -------------------------------------------------------------------------------
    def link(self, text: str, meeting: Meeting, source: str, refs: list[str] | None = None) -> str:
        if not text:
            return text
        if "`" not in text and "[" not in text and "<" not in text and "http" not in text:
            return self._link_plain(text, meeting, source, refs)  # nothing PROTECTED could match: one plain run
        out: list[str] = []
        last = 0
        for protected in PROTECTED.finditer(text):
            out.append(self._link_plain(text[last : protected.start()], meeting, source, refs))
            out.append(protected.group(0))
            last = protected.end()
        out.append(self._link_plain(text[last:], meeting, source, refs))
        return "".join(out)

    def _link_plain(self, text: str, meeting: Meeting, source: str, refs: list[str] | None) -> str:
        if not text or not (any(w in text for w in CITE_WORDS) or ("held" in text and HELD_ON_WORDS.search(text))):
            return text
        scheme = self._scheme(meeting)
        if self.quiet is None:
            return self._scan(text, scheme, meeting, source, refs)
        digest = self.quiet.digest((scheme.pattern if scheme is not None else "") + "\0" + text)
        if self.quiet.has(digest):
            return text
        before = self.matched
        linked = self._scan(text, scheme, meeting, source, refs)
        if self.matched == before:  # no pattern matched: nothing was replaced or reported
            self.quiet.add(digest)
        return linked

    def _scan(
        self, text: str, scheme: re.Pattern[str] | None, meeting: Meeting, source: str, refs: list[str] | None
    ) -> str:
        # each pattern only where the words it needs are in the text as it stands (a cheap test first:
        # most texts cite nothing); the patterns run in the same order on the same text as without
        if scheme is not None and ANY_MIN.search(text):
            text = scheme.sub(lambda m: self._schemed(m, meeting, source, refs), text)
        if "/" in text and ("inute" in text or "Min" in text):
            text = NUMBERED.sub(lambda m: self._numbered(m, meeting, source, refs), text)
        if "inute" in text and ("above" in text or "below" in text):
            text = RELATIVE.sub(lambda m: self._relative(m, meeting, source, refs), text)
        if "inute" in text and "meeting" in text:
            text = OF_MEETING.sub(lambda m: self._of_meeting(m, meeting, source, refs), text)
        if "tem" in text and ("above" in text or "below" in text):
            text = ITEM_RELATIVE.sub(lambda m: self._item_relative(m, meeting, source), text)
        if DECISION_WORDS.search(text):
            text = self._protected(DECISION_OF, text, lambda m: self._decision_of(m, meeting, source))
        if not ANY_HELD.search(text):
            return text
        return self._dated(text, meeting, source)

    @staticmethod
    def _protected(pattern: re.Pattern[str], text: str, replace: Callable[[re.Match[str]], str]) -> str:
        """``pattern.sub`` outside the links made so far."""
        out, last = [], 0
        for link in LINK_MADE.finditer(text):
            out.append(pattern.sub(replace, text[last : link.start()]))
            out.append(link.group(0))
            last = link.end()
        out.append(pattern.sub(replace, text[last:]))
        return "".join(out)

    def _scheme(self, meeting: Meeting) -> re.Pattern[str] | None:
        """The committee's own numbering as a citation pattern, when it is not N/YY (made once a committee)."""
        if meeting.committee not in self.schemes:
            self.schemes[meeting.committee] = self._make_scheme(meeting)
        return self.schemes[meeting.committee]

    def _make_scheme(self, meeting: Meeting) -> re.Pattern[str] | None:
        council = getattr(self.archive, "council", None)
        scheme = council.scheme(meeting.committee) if council is not None else None
        if scheme is None or scheme.pattern == "{number}/{yy}" or scheme.pattern == "{number}":
            return None
        return re.compile(CITE_WORD + "(?P<printed>" + scheme.regex().pattern + r")(?![\w/])", re.I)

    def _numbering_year(self, meeting: Meeting) -> int:
        """The year the meeting's minute numbers run in (its municipal year, or with calendar numbering
        its calendar year)."""
        council = self.archive.council
        return council.scheme(meeting.committee).year_of(meeting.year, meeting.date) if council else meeting.year

    def _schemed(self, match: re.Match[str], meeting: Meeting, source: str, refs: list[str] | None) -> str:
        self.matched += 1
        printed = match.group("printed")
        found = match.groupdict()
        number = int(found["number"])
        year = (
            int(found["yyyy"])
            if found.get("yyyy")
            else cite_year(int(found["yy"]), meeting.date)
            if found.get("yy")
            else self._numbering_year(meeting)
        )
        target = self.archive.minute_index.get((meeting.committee, year, number))
        cite = target[1].minute.cite if target and target[1].minute else printed
        if refs is not None and cite not in refs:
            refs.append(cite)
        link = self._minute_link(match.group(0), meeting.committee, year, number)
        if link is None:
            self.problems.info(source, None, f"minute {printed} is not in the archive; left as plain text")
            return match.group(0)
        return link

    def _of_meeting(self, match: re.Match[str], meeting: Meeting, source: str, refs: list[str] | None) -> str:
        self.matched += 1
        day = _date(match)
        target = self.archive.meeting(meeting.committee, day) if day else None
        number = int(match.group("number"))
        item = next((i for i in target.items if i.minute and i.minute.number == number), None) if target else None
        if item is None or item.minute is None:
            if day:
                self.problems.info(
                    source,
                    None,
                    f"minute {number} of the meeting of {day.isoformat()} is not in the archive; left as plain text",
                )
            return match.group(0)
        if refs is not None and item.minute.cite not in refs and target is not meeting:
            refs.append(item.minute.cite)
        anchor = "" if item.private else "#minute"
        return f"[{match.group(0)}](minutebook:{urls.item(item)}{anchor})"

    def _item_relative(self, match: re.Match[str], meeting: Meeting, source: str) -> str:
        self.matched += 1
        item = next((i for i in meeting.items if i.number == match.group("number")), None)
        if item is None:
            self.problems.warning(
                source,
                None,
                f"'{match.group(0)}' refers to agenda item {match.group('number')}, "
                "which is not on this meeting's agenda",
                "check the number",
            )
            return match.group(0)
        return f"[{match.group('word')} {match.group('number')}](minutebook:{urls.item(item)}) {match.group('where')}"

    def _decision_of(self, match: re.Match[str], meeting: Meeting, source: str) -> str:
        self.matched += 1
        wanted = " ".join(match.group("name").lower().split())
        slug = next(
            (
                s
                for s, c in self.archive.committees.items()
                if wanted in {c.name.lower(), (c.short_name or "").lower(), s.replace("-", " ")}
                or c.name.lower().startswith(wanted + " ")
            ),
            None,
        )
        day = _date(match)
        target = self.archive.meeting(slug, day) if slug and day else None
        if target is None:
            if day:
                self.problems.info(
                    source,
                    None,
                    f"the meeting of the {match.group('name')} on {day.isoformat()} is "
                    "not in the archive; left as plain text",
                )
            return match.group(0)
        anchor = "#minutes" if target.minutes else ""
        return f"[{match.group(0)}](minutebook:{urls.meeting(target)}{anchor})"

    def _minute_link(self, label: str, committee: str, year: int, number: int) -> str | None:
        found = self.archive.minute_index.get((committee, year, number))
        if not found:
            return None
        _, item = found
        anchor = "" if item.private else "#minute"  # a private item's page has no minute text
        return f"[{label}](minutebook:{urls.item(item)}{anchor})"

    def _numbered(self, match: re.Match[str], meeting: Meeting, source: str, refs: list[str] | None) -> str:
        self.matched += 1
        number, yy = int(match.group("number")), int(match.group("yy"))
        year = cite_year(yy, meeting.date)
        cite = f"{number}/{yy:02d}"
        if refs is not None and cite not in refs:
            refs.append(cite)
        link = self._minute_link(match.group(0), meeting.committee, year, number)
        if link is None:
            self.problems.info(source, None, f"minute {cite} is not in the archive; left as plain text")
            return match.group(0)
        return link

    def _relative(self, match: re.Match[str], meeting: Meeting, source: str, refs: list[str] | None) -> str:
        self.matched += 1
        number = int(match.group("number"))
        year = self._numbering_year(meeting)
        cite = MunicipalYear(year).cite(number)
        if refs is not None and cite not in refs:
            refs.append(cite)
        label = f"{match.group('word')} {number}"
        link = self._minute_link(label, meeting.committee, year, number)
        if link is None or self.archive.minute_index[(meeting.committee, year, number)][0] is not meeting:
            self.problems.warning(
                source,
                None,
                f"'{match.group(0)}' refers to minute {number}, which is not in these minutes",
                "check the number",
            )
            return match.group(0)
        return f"{link} {match.group('where')}"

    def _dated(self, text: str, meeting: Meeting, source: str) -> str:
        out, last = [], 0
        for held in HELD_ON.finditer(text):
            if held.start() < last:
                continue
            dates = DATE_LIST.match(text, held.end())
            if not dates:
                continue
            self.matched += 1
            out.append(text[last : held.end()])
            segment, pos = dates.group(0), 0
            linked = []
            for one in DATE_RE.finditer(segment):
                linked.append(segment[pos : one.start()])
                day = _date(one)
                target = self.archive.meeting(meeting.committee, day) if day else None
                if target is None or target is meeting:
                    if day and target is None:
                        self.problems.info(
                            source, None, f"the meeting of {day.isoformat()} is not in the archive; left as plain text"
                        )
                    linked.append(one.group(0))
                else:
                    anchor = "#minutes" if target.minutes else ""
                    linked.append(f"[{one.group(0)}](minutebook:{urls.meeting(target)}{anchor})")
                pos = one.end()
            linked.append(segment[pos:])
            out.append("".join(linked))
            last = dates.end()
        out.append(text[last:])
        return "".join(out)

    # the whole archive ------------------------------------------------------------------------
    def run(self) -> None:
        for meeting in self.archive.meetings:
            meeting_source = meeting.source
            for item in meeting.items:
                for part in item.parts:
                    part.title = self.link(part.title, meeting, meeting_source)
                if item.minute:
                    self._link_minute(item, meeting)
                for paper in item.all_papers:
                    paper.body = self.link(paper.body, meeting, paper.source)

    def _link_minute(self, item: Item, meeting: Meeting) -> None:
        minute, minutes = item.minute, meeting.minutes
        assert minute is not None and minutes is not None  # an item has a minute only from its minutes
        source = minutes.source
        refs: list[str] = []
        holders: list[Minute | MinutePart] = [minute, *minute.parts]
        for holder in holders:
            holder.body = self.link(holder.body, meeting, source, refs)
            holder.resolved_intro = self.link(holder.resolved_intro, meeting, source, refs)
            for resolution in holder.resolutions:
                resolution.text = self.link(resolution.text, meeting, source, refs)
        own = minute.cite
        minute.references = [r for r in refs if r != own]


def link_archive(archive: Archive, problems: Problems, quiet: TextMemo | None = None) -> None:
    """Link every citation of the archive; ``quiet``: the texts known to cite nothing (FileCache.memo)."""
    Linker(archive, problems, quiet).run()


def resolve_targets(markdown: str, page_url: str) -> str:
    """Turn ``](minutebook:<url>#anchor)`` into a link relative to the page at ``page_url``."""
    return TARGET.sub(lambda m: "](" + urls.relative(page_url, m.group(1) + (m.group(2) or "")) + ")", markdown)
