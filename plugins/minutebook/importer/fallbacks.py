"""What the import does when a part of a pack is not in a layout it knows: read what can be read.

A pack that stops the import scores nothing and costs the officer the whole file, so each reader falls
back on the general structure of papers, and the report says what to check:

* a front sheet without a recognised date block: the meeting's date (and time) from its first dated line;
* minutes whose heading date cannot be read: the date of the first dated line under the heading;
* minutes whose headings are in no known shape: any run of consecutively numbered short lines
  ("5) Title", "[6] Title", "7 - Title" with its neighbours on the lines around it);
* a front sheet with no agenda item in a known shape: any such run of numbered lines is its agenda;
* text with no recognised part at all: read as minutes when it prints a date and a run of numbered headings.
"""

from __future__ import annotations

import datetime as dt
import re

from minutebook.importer.dates import find_date, parse_time
from minutebook.importer.report import Report
from minutebook.importer.source import Line, Source
from minutebook.importer.textutil import ends_sentence, plain

# a numbered heading in any common shape: "5. Title", "5) Title", "(5) Title", "[5] Title", "5 – Title", "5: Title"
ANY_NUMBERED = re.compile(
    r"^(?:(?i:min(?:ute)?s?\.?|item)\s*(?:no\.?\s*)?)?[(\[]?(?P<number>\d{1,4})[.)\]:]?(?:\s+[–—-])?\s+"
    r"(?P<title>[A-Z][^\t]{1,150})$"
)

PAGES_AFTER = re.compile(r"\s+\(?(?:pages?|pp?\.)\s*(?P<from>\d+)(?:\s*(?:[-–]|to)\s*(?P<to>\d+))?\)?$", re.I)


def dated_line(lines: list[Line], limit: int = 40) -> tuple[int, dt.date, str | None] | None:
    """(index, date, time) of the first of the first ``limit`` lines that prints a date with its year, the
    time from that line or the next; None when no line does."""
    for k, line in enumerate(lines[:limit]):
        text = plain(line.text)
        day = find_date(text)[0]
        if day is None:
            continue
        time = parse_time(text)
        if time is None and k + 1 < len(lines):
            time = parse_time(plain(lines[k + 1].text))
        return k, day, time
    return None


def without_date(name: str) -> str:
    """'PLANNING ADVISORY GROUP - 4 MARCH 2025' → 'PLANNING ADVISORY GROUP': a date printed after the name."""
    match = find_date(name)[1]
    if match is None or name[match.end() :].strip(" .,"):
        return name
    return name[: match.start()].rstrip(" ,–—-:") or name


def _heading_text(text: str) -> re.Match[str] | None:
    match = ANY_NUMBERED.match(text)
    if match is None:
        return None
    title = PAGES_AFTER.sub("", match.group("title").rstrip())  # "… (Pages 3 - 9)" ends no sentence
    if ends_sentence(title) or title.endswith((",", ";")) or len(title.split()) > 18:
        return None
    return match


def numbered_run(lines: list[Line], start: int = 0) -> list[tuple[int, int, str]]:
    """The longest run of short numbered lines whose numbers go up one at a time (a gap of one allowed):
    (index, number, title) of each, [] when no run has two headings. Numbered paragraphs ("1.1", a
    resolution's "(1) That …") do not make a run: a heading's title has no full stop and opens in capitals."""
    found = [
        (k, int(m.group("number")), m.group("title").strip())
        for k in range(start, len(lines))
        if (m := _heading_text(plain(lines[k].text).replace("**", "").strip()))
    ]
    # each heading's run goes on to the first later heading numbered one or two more; worked out from the
    # end, so a pack of many numbered lines costs one pass, not one pass per line
    following: list[int | None] = [None] * len(found)
    length = [1] * len(found)
    first_with: dict[int, int] = {}  # number -> the earliest heading after this one with that number
    for n in range(len(found) - 1, -1, -1):
        number = found[n][1]
        later = [first_with[m] for m in (number + 1, number + 2) if m in first_with]
        if later:
            following[n] = min(later)
            length[n] = 1 + length[min(later)]
        first_with[number] = n
    if not found or max(length) < 2:
        return []
    at: int | None = length.index(max(length))  # the earliest of the longest runs
    best: list[tuple[int, int, str]] = []
    while at is not None:
        best.append(found[at])
        at = following[at]
    return best


def looks_like_minutes(lines: list[Line]) -> bool:
    """Text no reader recognised that still prints a date near its top and a run of numbered headings."""
    return dated_line(lines, 30) is not None and len(numbered_run(lines)) >= 3


def numbered_items(agenda, lines: list[Line], source: Source, report: Report) -> None:
    """A front sheet read without a single agenda item: a run of consecutively numbered lines is its agenda
    (the pages printed after a title kept as its pages)."""
    from minutebook.importer.agenda import AgendaItem

    run = numbered_run(lines)
    for k, number, title in run:
        pages = PAGES_AFTER.search(title)
        item = AgendaItem(str(number), title[: pages.start()] if pages else title, lines[k].no)
        if pages:
            item.pages = "-".join(p for p in (pages.group("from"), pages.group("to")) if p)
        agenda.items.append(item)
    if run:
        report.warn(
            source.name,
            lines[run[0][0]].no,
            f"no agenda item in a known shape: the {len(run)} numbered lines from '{plain(lines[run[0][0]].text)[:60]}' "
            "were read as the agenda",
            "check the items' numbers, titles and pages in meeting.md",
        )


# a line naming the body a paper is for: "Planning Advisory Group – 4 March 2025", "Meeting: Audit Committee"
# (not the council's own name above it)
BODY_LINE = re.compile(r"\b(?:committee|sub-committee|board|panel|cabinet|forum|group)\b", re.I)


def paper_meeting(doc, lines: list[Line], source: Source, report: Report) -> None:
    """A paper in a file without its agenda, printing no 'To:' or no date: the meeting from the first lines of
    its first page — the first line naming a committee (a date after the name cut off) and the first dated
    line — with a warning; left as it is when they print neither."""
    head = [line for line in lines[:25] if line.text.strip()][:12]
    found = []
    if doc.date is None and (dated := dated_line(head, 12)) is not None:
        doc.date = dated[1]
        found.append(f"its date from '{plain(head[dated[0]].text)[:60]}'")
    if not doc.to:
        for line in head:
            text = re.sub(r"^[A-Z][\w ]{1,30}:\s*", "", plain(line.text).strip())  # "Meeting: …" without its label
            if BODY_LINE.search(text) and len(text) <= 90 and not ends_sentence(text):
                doc.to = without_date(text)
                found.append(f"its committee from '{plain(line.text)[:60]}'")
                break
    if found:
        report.warn(
            source.name,
            doc.line,
            f"the paper '{doc.title[:60]}' is in a file without its agenda: " + " and ".join(found),
            "check the paper's meeting, or import it with its pack",
        )
