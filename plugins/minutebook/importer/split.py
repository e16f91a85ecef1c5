"""Recognising the parts of a pack: front sheet, minutes, papers, appendices, work programme.

A part starts where the printed structure says so:

* an agenda **front sheet**: the committee's name, then "Time and Date" (and "Place", "Public
  Business"…);
* **minutes**: "Minutes of the Meeting of <committee>" (and "held at <time> on <date>"); they end
  at "(Meeting closed at …)";
* a **paper**: a kind line ("Briefing note", "Report") followed by "To:", or a "To:" line followed
  by "Subject:"; the council's name printed just above belongs to it;
* a **work programme**: a line "… Work Programme 2016/17" (the committee's name printed just above
  belongs to it; the same title printed again on later pages is page furniture).

Appendices are found inside a paper's part by :mod:`.papers` (an "Appendix N" heading, a blank page,
the titles in the paper's list of appendices). Text before the first part is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from minutebook.importer.report import Report
from minutebook.importer.source import Line, Source
from minutebook.importer.textutil import plain

TIME_AND_DATE = re.compile(r"^time and date:?$", re.I)
MINUTES_HEAD = re.compile(r"^minutes of (?:the )?(?:meeting of (?:the )?)?(?P<committee>.+?)"
                          r"(?:\s+held\b.*)?$", re.I)
KIND_LINE = re.compile(r"^(?:briefing note|briefing paper|report|public report|information report|"
                       r"scrutiny report|cabinet report|committee report|report to .{3,80})$", re.I)
TO_LINE = re.compile(r"^to:\s*\S", re.I)
SUBJECT_LINE = re.compile(r"^subject:", re.I)
PROGRAMME_TITLE = re.compile(r"\bwork programme\s+(?P<start>\d{4})\s*[/-]\s*(?P<end>\d{2}|\d{4})\s*$", re.I)
CLOSED = re.compile(r"^\(?\s*meeting closed at\b.*\)?\.?$", re.I)
ORG_LINE = re.compile(r"\b(?:council|authority|borough|county|district)\b", re.I)


@dataclass
class Part:
    kind: str  # front, minutes, paper, programme
    lines: list[Line]
    hint: str = ""  # "Agenda Item N" printed before it
    extra: dict = field(default_factory=dict)

    @property
    def line(self) -> int:
        return next((l.no for l in self.lines if l.text.strip()), self.lines[0].no if self.lines else 0)


def _text(line: Line) -> str:
    return plain(line.text).strip()


def _next_filled(lines: list[Line], i: int, count: int) -> list[int]:
    found = []
    j = i + 1
    while j < len(lines) and len(found) < count:
        if lines[j].text.strip():
            found.append(j)
        j += 1
    return found


def _previous_filled(lines: list[Line], i: int, max_gap: int = 3) -> int | None:
    j, gap = i - 1, 0
    while j >= 0 and gap <= max_gap:
        if lines[j].text.strip():
            return j
        gap += 1
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
        if not text or "\t" in lines[i].text:
            i += 1
            continue
        if in_minutes:
            if CLOSED.match(text):
                in_minutes = False
            i += 1
            continue
        if TIME_AND_DATE.match(text):
            start = _previous_filled(lines, i)
            starts.append((start if start is not None else i, "front"))
        elif MINUTES_HEAD.match(text) and len(text) < 200:
            start = _previous_filled(lines, i, 2)
            if start is None or not (ORG_LINE.search(_text(lines[start])) and len(_text(lines[start])) < 60):
                start = i
            starts.append((start, "minutes"))
            in_minutes = True
        elif KIND_LINE.match(text) and any(TO_LINE.match(_text(lines[j])) for j in _next_filled(lines, i, 4)):
            start = _previous_filled(lines, i, 2)
            if start is None or not (ORG_LINE.search(_text(lines[start])) and len(_text(lines[start])) < 60):
                start = i
            starts.append((start, "paper"))
            i = (_next_filled(lines, i, 1) or [i])[0] + 1
            continue
        elif TO_LINE.match(text) and any(SUBJECT_LINE.match(_text(lines[j])) for j in _next_filled(lines, i, 4)):
            if not starts or starts[-1][1] != "paper" or i - starts[-1][0] > 12:
                starts.append((i, "paper"))
        elif PROGRAMME_TITLE.search(text) and len(text) < 160:
            key = text.lower()
            if key not in programme_titles:
                programme_titles.add(key)
                start = _previous_filled(lines, i, 2)
                above = _text(lines[start]) if start is not None else ""
                if not (above and len(above) <= 80 and not above.endswith(".") and "\t" not in lines[start].text
                        and re.search(r"\(\d+\)$|scrutiny|committee|board", above, re.I)):
                    start = i
                starts.append((start, "programme"))
        i += 1
    return sorted(set(starts))


def split_pack(source: Source, report: Report) -> list[Part]:
    lines = source.lines
    starts = _starts(source)
    parts: list[Part] = []
    if not starts:
        return parts
    leading = [l for l in lines[: starts[0][0]] if l.text.strip()]
    if leading:
        report.warn(source.name, leading[0].no, f"{len(leading)} line(s) before the first recognised part "
                    "(front sheet, minutes, paper or work programme) were left out", "check whether they matter")
    for n, (start, kind) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        part = Part(kind, lines[start:end])
        hint = _agenda_item_hint(source, lines, start)
        if hint:
            part.hint = hint
        if kind == "minutes":
            _trim_after_close(part, parts, source, report)
        parts.append(part)
    return parts


def _agenda_item_hint(source: Source, lines: list[Line], start: int) -> str:
    j = start - 1
    while j >= 0 and not lines[j].text.strip():
        marker = source.marker(lines[j])
        if marker and marker[0] == "agenda item":
            return marker[1]
        j -= 1
    return ""


def _trim_after_close(part: Part, parts: list[Part], source: Source, report: Report) -> None:
    """Text after "(Meeting closed at …)" is not part of the minutes."""
    for k, line in enumerate(part.lines):
        if CLOSED.match(_text(line)):
            rest = [l for l in part.lines[k + 1:] if l.text.strip()]
            if rest:
                report.warn(source.name, rest[0].no, f"{len(rest)} line(s) after the end of the minutes and before "
                            "the next part were left out", "check whether they belong to a paper")
            part.lines = part.lines[: k + 1]
            return
