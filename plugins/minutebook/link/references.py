"""Cross-references in the text of minutes, agendas and papers.

Recognised forms (seed archive examples):

* "minute 73/16", "Minute 28/17" — a numbered minute of the same committee, year 20YY;
* "minute 75 below", "Minute 3 above" — a minute of the same meeting;
* "the minutes of the meetings held on 16th December, 2015 and 7th January, 2016" — meetings of
  the same committee by date.

:func:`link_archive` runs once after loading. It rewrites each text so that references the
archive holds become Markdown links with a ``minutebook:`` target (a site URL), records every
minute reference on its minute ("references": ["28/16"]), and reports references the archive
does not hold as info. Pages turn ``minutebook:`` targets into relative links
(:func:`resolve_targets`).
"""

from __future__ import annotations

import datetime as dt
import re

from minutebook.model import Archive, Item, Meeting, Minute, MinutePart, cite_year, urls
from minutebook.problems import Problems

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_MONTH = "|".join(m.capitalize() for m in MONTHS)
DATE = (r"(?:the\s+)?(?P<day>\d{1,2})(?:<sup>)?(?:st|nd|rd|th)?(?:</sup>)?\s+"
        r"(?P<month>" + _MONTH + r"),?\s+(?P<year>\d{4})")
DATE_RE = re.compile(DATE)
NUMBERED = re.compile(r"\b(?P<word>[Mm]inutes?)\s+(?P<number>\d{1,4})/(?P<yy>\d{2})\b")
RELATIVE = re.compile(r"\b(?P<word>[Mm]inutes?)\s+(?P<number>\d{1,4})\s+(?P<where>above|below)\b")
HELD_ON = re.compile(r"\b(?:minutes|meetings?)\b[^.;:\n]{0,40}?\bheld\s+on\s+", re.I)
DATE_LIST = re.compile(r"(?:(?:,\s*|\s+and\s+|\s*&\s*)?" + DATE + r")+")
# Text that must not be touched: existing links, inline code, HTML tags, our own markers.
PROTECTED = re.compile(r"`[^`]*`|\[[^\]]*\]\([^)]*\)|<(?!/?sup>)[^>]+>|https?://\S+")
TARGET = re.compile(r"\]\(minutebook:([^)#]*)(#[^)]*)?\)")


def _date(match: re.Match[str]) -> dt.date | None:
    try:
        return dt.date(int(match.group("year")), MONTHS[match.group("month").lower()], int(match.group("day")))
    except ValueError:
        return None


class Linker:
    def __init__(self, archive: Archive, problems: Problems):
        self.archive = archive
        self.problems = problems

    # one text -------------------------------------------------------------------------------
    def link(self, text: str, meeting: Meeting, source: str, refs: list[str] | None = None) -> str:
        if not text:
            return text
        out: list[str] = []
        last = 0
        for protected in PROTECTED.finditer(text):
            out.append(self._link_plain(text[last:protected.start()], meeting, source, refs))
            out.append(protected.group(0))
            last = protected.end()
        out.append(self._link_plain(text[last:], meeting, source, refs))
        return "".join(out)

    def _link_plain(self, text: str, meeting: Meeting, source: str, refs: list[str] | None) -> str:
        if not text or not re.search(r"[Mm]inute|held\s+on", text):
            return text
        text = NUMBERED.sub(lambda m: self._numbered(m, meeting, source, refs), text)
        text = RELATIVE.sub(lambda m: self._relative(m, meeting, source, refs), text)
        return self._dated(text, meeting, source)

    def _minute_link(self, label: str, committee: str, year: int, number: int) -> str | None:
        found = self.archive.minute_index.get((committee, year, number))
        if not found:
            return None
        _, item = found
        anchor = "" if item.private else "#minute"  # a private item's page has no minute text
        return f"[{label}](minutebook:{urls.item(item)}{anchor})"

    def _numbered(self, match: re.Match[str], meeting: Meeting, source: str, refs: list[str] | None) -> str:
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
        number = int(match.group("number"))
        cite = meeting.year.cite(number)
        if refs is not None and cite not in refs:
            refs.append(cite)
        label = f"{match.group('word')} {number}"
        link = self._minute_link(label, meeting.committee, meeting.year, number)
        if link is None or self.archive.minute_index[(meeting.committee, meeting.year, number)][0] is not meeting:
            self.problems.warning(source, None, f"'{match.group(0)}' refers to minute {number}, "
                                  "which is not in these minutes", "check the number")
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
            out.append(text[last:held.end()])
            segment, pos = dates.group(0), 0
            linked = []
            for one in DATE_RE.finditer(segment):
                linked.append(segment[pos:one.start()])
                day = _date(one)
                target = self.archive.meeting(meeting.committee, day) if day else None
                if target is None or target is meeting:
                    if day and target is None:
                        self.problems.info(source, None, f"the meeting of {day.isoformat()} is not in the "
                                           "archive; left as plain text")
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


def link_archive(archive: Archive, problems: Problems) -> None:
    Linker(archive, problems).run()


def resolve_targets(markdown: str, page_url: str) -> str:
    """Turn ``](minutebook:<url>#anchor)`` into a link relative to the page at ``page_url``."""
    return TARGET.sub(lambda m: "](" + urls.relative(page_url, m.group(1) + (m.group(2) or "")) + ")", markdown)
