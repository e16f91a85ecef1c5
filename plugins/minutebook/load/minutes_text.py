"""Reading the body of a minutes file: minute headings, lettered parts, RESOLVED lists, questions.

The body is ordinary Markdown with a few conventions (see docs/guide/meeting-files.md):
``## 73. Title {item=4}`` starts a minute, ``### (a) Title`` a lettered part, a paragraph that
starts ``RESOLVED`` (or "It was RESOLVED…", "The Board agreed…", "The Committee resolved…") the decisions;
``RESOLVED:`` alone takes the next paragraph as its decision; a table whose first column is headed
"Decision" (or "Resolution", "Resolved") gives a decision a row, its other columns ("Reasons") kept
under their heading. Each RESOLVED block is taken out of the text and replaced by a
marker, so the page can render the decisions as a numbered list with citable anchors exactly
where the minutes put them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from minutebook.load.schema import SLUG_PATTERN
from minutebook.model import Minute, MinutePart, Resolution

# Every pattern here sees officers' text and runs in linear time: no lazy group followed by an
# optional run of the same characters (``.+?\s*$`` is quadratic on a line of spaces). The patterns
# match lines with trailing white space already stripped; the title's {attributes} are split off
# by :func:`split_title`, not by a regex.
MINUTE_HEADING = re.compile(r"^##\s+(?P<rest>.*)$")
# the number as the council prints it: 73., 28/16, CAB/22/017, PC.45/22, 2023/045
MINUTE_NUMBER = re.compile(r"^\**(?P<number>\d{1,9}\.?|[A-Za-z]{0,8}[./-]?\d[\w./-]{0,20})\**\s+")
PART_HEADING = re.compile(r"^###\s+\(?(?P<letter>[a-z])\)\s*(?P<title>.+)$")
ATTR = re.compile(r"(\w+)(?:=(\"[^\"]*\"|'[^']*'|[^\s]+))?")
# list items: "- x", "1. x", "(a) x", "b) x", and roman numerals "(iv) x", "ii. x"
LIST_ITEM = re.compile(
    r"^(?P<indent> {0,3})(?P<marker>[-*+]|\(?\d+[.)]|\(?[a-z][.)]|\(?(?=[ivx]{2,5}[.)])x{0,3}(?:ix|iv|v?i{0,3})[.)])"
    r"\s+(?P<text>.*)$"
)
# "RESOLVED…", "It was RESOLVED to…", "It was unanimously RESOLVED that…", a committee's recommendation to
# the body that decides ("RECOMMENDED to Cabinet:", in capitals as printed), and each after a paragraph's own
# number ("45.2 It was RESOLVED…": clerks number the paragraphs of a minute)
PARAGRAPH_NUMBER = r"(?:\d{1,4}(?:\.\d{1,3})+\.?\s+|\(?[a-z]\)\s+)?"
# "Decision: That …" / "Decision:" above a list (panels and boards print their decisions so; "DECIDED:" and
# "Agreed:" likewise): the label
# with its colon, never the word alone ("DECISION" above a RESOLVED is a heading)
# the mover and seconder named before the decision in the same sentence: "It was proposed by Cllr Tanner,
# seconded by Cllr Quilliam and RESOLVED that …", "Proposed by Cllr A and seconded by Cllr B, it was RESOLVED …"
MOVED = r"(?:(?:It\s+was\s+)?(?:proposed|moved)\s+by\s+[^.;:]{1,80}?\s*(?:,\s*|\s+and\s+)seconded\s+by\s+[^.;:]{1,80}?(?:,\s*|\s+)(?:and\s+)?)?"
RESOLVED = re.compile(
    rf"^\W*{PARAGRAPH_NUMBER}{MOVED}(?:(?:It\s+was\s+(?:[a-z]+\s+)?)?RESOLVED\b|(?-i:RECOMMENDED)\b|(?:Decisions?|Decided|Agreed)\s*:)",
    re.I,
)
# "The Board agreed…", "The Committee resolved that…", "The Cabinet decided…", "The IJB agreed…" (a body
# named by its initials), the verb in capitals too ("The Panel AGREED to:"): a decision too
AGREED = re.compile(
    rf"^\W*{PARAGRAPH_NUMBER}The\s+(?:[A-Z][\w'’-]*\s+){{0,4}}(?:Board|Committee|Sub-Committee|Panel|Cabinet|Council|"
    r"Executive|Commission|Forum|Authority|Assembly|Group|Partnership|Trust|[A-Z]{2,6})\s+(?:unanimously\s+)?"
    r"(?i:agreed|resolved|decided)\b"
)
BARE_RESOLVED = re.compile(r"^\W*(?:RESOLVED\W*|(?-i:RECOMMENDED)\W*|(?:Decisions?|Decided|Agreed)\s*:\W*)$", re.I)


# a table of decisions: its first column headed "Decision", "Decisions", "Resolution(s)", "Resolved"
DECISION_TABLE_HEAD = re.compile(r"^(?:decisions?(?:\s+(?:made|taken|agreed))?|resolutions?|resolved)$", re.I)
TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")


def _cells(row: str) -> list[str]:
    """The cells of a Markdown table row ("| a | b |"), an escaped pipe kept in its cell."""
    row = row.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", row)]


def _decision_table(block) -> tuple[list[str], list[tuple[str, list[str]]]] | None:
    """A table of decisions: (the decisions, a row each, and for each other column its heading and cells)."""
    if len(block) < 3 or not block[0][1].lstrip().startswith("|") or not TABLE_RULE.match(block[1][1].strip()):
        return None
    head = _cells(block[0][1])
    if not head or not DECISION_TABLE_HEAD.match(_strip_bold(head[0])):
        return None
    rows = [_cells(text) for _, text in block[2:]]
    decisions = [_clean_entry(row[0]) for row in rows if row and row[0]]
    others = [
        (_strip_bold(head[c]), [row[c] if c < len(row) else "" for row in rows if row and row[0]])
        for c in range(1, len(head))
    ]
    return (decisions, others) if decisions else None


def _decision(text: str) -> bool:
    return bool(RESOLVED.match(text) or AGREED.match(text))


QUESTION_HINT = re.compile(r"question|challeng|queried|asked|discussed with", re.I)
ALLOWED_ATTRS = ("item", "slug", "topic", "private", "was")
SLUG_ATTRS = ("slug", "topic", "was")  # they become addresses: the slug grammar, checked at load time
SLUG = re.compile(SLUG_PATTERN)

MARKER = "<!-- minutebook:resolved {} -->"
MARKER_PATTERN = re.compile(r"<!-- minutebook:resolved (\d+) -->")


@dataclass
class BodyProblem:
    line: int
    message: str
    fix: str


@dataclass
class _Section:
    heading_line: int
    lines: list[tuple[int, str]] = field(default_factory=list)


def _strip_bold(text: str) -> str:
    """Remove bold markers that wrap a whole entry or are left unpaired by PDF extraction."""
    text = text.strip()
    count = text.count("**")
    if count % 2:
        return text.replace("**", "").strip()
    wrapped = re.match(r"^(\(?\w{1,3}[.)]\s+)?\*\*(.*)\*\*$", text, re.S)
    if count == 2 and wrapped:
        return (wrapped.group(1) or "") + wrapped.group(2).strip()
    return text


def _blocks(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    blocks, current = [], []
    for number, text in lines:
        if text.strip():
            current.append((number, text))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _is_list(block) -> bool:
    return bool(LIST_ITEM.match(block[0][1]))


def _list_entries(blocks) -> list[str]:
    """Split consecutive list blocks into top-level entries (nested lines stay with their entry)."""
    entries: list[list[str]] = []
    for block in blocks:
        for _, text in block:
            match = LIST_ITEM.match(text)
            if match and len(match.group("indent")) < 2:
                entries.append([match.group("text")])
            elif entries:
                entries[-1].append(text)
    return ["\n".join(e).strip() for e in entries]


def _clean_entry(text: str) -> str:
    first, _, rest = text.partition("\n")
    first = _strip_bold(re.sub(r"^\(?\d{1,3}[.)]\s+", "", first))  # "- 1) Note…" as PDFs print it
    rest = "\n".join(_strip_bold_line(line) for line in rest.splitlines())
    return (first + ("\n" + rest if rest.strip() else "")).strip()


def _strip_bold_line(line: str) -> str:
    match = re.match(r"^(\s*(?:[-*+]|\(?\w+[.)])\s+)(.*)$", line)
    if match:
        return match.group(1) + _strip_bold(match.group(2))
    return line


@dataclass
class ParsedText:
    body: str
    resolutions: list[Resolution]
    resolved_intro: str
    questions: list[str]


def parse_text(lines: list[tuple[int, str]], anchor_prefix: str) -> ParsedText:
    blocks = _blocks(lines)
    out: list[str] = []
    resolutions: list[Resolution] = []
    intros: list[str] = []
    questions: list[str] = []
    i = 0
    marker_count = 0
    while i < len(blocks):
        block = blocks[i]
        first = block[0][1]
        if _decision(first) and not _is_list(block):
            intro = _strip_bold(" ".join(t.strip() for _, t in block))
            j = i + 1
            list_blocks: list[Any] = []
            while j < len(blocks) and (_is_list(blocks[j]) or (list_blocks and blocks[j][0][1].startswith("  "))):
                list_blocks.append(blocks[j])
                j += 1
            if (
                not list_blocks
                and BARE_RESOLVED.match(intro)
                and j < len(blocks)
                and not MINUTE_HEADING.match(blocks[j][0][1])
            ):
                # "RESOLVED:" alone: the decision is the next paragraph, kept as printed
                intros.append(intro)
                number = str(len(resolutions) + 1)
                resolutions.append(
                    Resolution(
                        number,
                        _strip_bold(" ".join(t.strip() for _, t in blocks[j])),
                        f"{anchor_prefix}resolution-{number}",
                    )
                )
                out.append(MARKER.format(marker_count))
                marker_count += 1
                i = j + 1
                continue
            if list_blocks:
                entries = _list_entries(list_blocks)
                intros.append(intro)
                for entry in entries:
                    number = str(len(resolutions) + 1)
                    resolutions.append(Resolution(number, _clean_entry(entry), f"{anchor_prefix}resolution-{number}"))
            else:
                intros.append("")
                number = str(len(resolutions) + 1)
                resolutions.append(Resolution(number, intro, f"{anchor_prefix}resolution-{number}"))
                j = i + 1
            out.append(MARKER.format(marker_count))
            marker_count += 1
            i = j
            continue
        table = _decision_table(block)
        if table is not None:
            # "Decision | Reasons": each row's decision is a resolution; the other columns stay, as a list
            # under their own heading, in the decisions' order
            decisions, others = table
            intros.append("")
            for decision in decisions:
                number = str(len(resolutions) + 1)
                resolutions.append(Resolution(number, decision, f"{anchor_prefix}resolution-{number}"))
            out.append(MARKER.format(marker_count))
            marker_count += 1
            for heading, cells in others:
                kept = [c for c in cells if c]
                if not kept:
                    continue
                if len(cells) == 1:
                    out.append(f"{heading}: {kept[0]}" if heading else kept[0])
                else:
                    out.append((f"{heading}:\n\n" if heading else "") + "\n".join(f"- {c}" for c in kept))
            i += 1
            continue
        if _is_list(block) and i > 0:
            previous = " ".join(t for _, t in blocks[i - 1]).strip()
            if previous.endswith(":") and QUESTION_HINT.search(previous) and not _decision(previous):
                questions.extend(_clean_entry(e) for e in _list_entries([block]))
        out.append("\n".join(t for _, t in block))
        i += 1
    return ParsedText("\n\n".join(out).strip(), resolutions, intros[0] if intros else "", questions)


@functools.lru_cache(maxsize=64)
def _spaced(pattern: str) -> re.Pattern[str]:
    """A heading's number in a scheme that prints a space ("ES {number}/{yy}": "ES 101/23")."""
    return re.compile(r"\**(?P<printed>" + pattern + r")\**\s+", re.I)


def split_title(rest: str, scheme=None) -> tuple[str, str, str | None] | None:
    """'73. Title {item=4}' as (number, title, attributes or None); None without a minute number.
    ``scheme`` (load.council.Scheme) reads a number that holds a space, as the scheme prints it."""
    spaced = _spaced(scheme.regex().pattern).match(rest) if scheme is not None and " " in scheme.pattern else None
    match = spaced or MINUTE_NUMBER.match(rest)
    if not match:
        return None
    number = match.group("printed") if spaced else match.group("number")
    title, attrs = rest[match.end() :], None
    if title.endswith("}"):
        start = title.rfind("{")
        if start > 0 and "}" not in title[start:-1] and title[:start].strip():
            title, attrs = title[:start].rstrip(), title[start + 1 : -1]
    return number, title, attrs


def parse_attrs(text: str | None) -> dict[str, str]:
    attrs = {}
    for match in ATTR.finditer(text or ""):
        value = match.group(2) or ""
        attrs[match.group(1)] = value.strip("\"'")
    return attrs


def _number(printed: str, year: int, scheme, line: int, problems: list[BodyProblem]) -> tuple[int, str] | None:
    """(number, number as printed or "") of a heading's number, read in the committee's scheme."""
    if printed.isdigit():
        if scheme is None or scheme.pattern == "{number}/{yy}":
            return int(printed), ""
        return int(printed), scheme.format(int(printed), year)
    found = scheme.parse(printed) if scheme is not None else None
    if found is None:
        pattern = scheme.pattern if scheme is not None else "{number}/{yy}"
        example = scheme.format(1, year) if scheme is not None else f"1/{year % 100:02d}"
        problems.append(
            BodyProblem(
                line,
                f"the minute number '{printed}' does not follow this committee's "
                f"numbering scheme '{pattern}' (like {example})",
                "write the number as the minutes print it, or set the committee's "
                "minute_numbers in meetings/council.yml",
            )
        )
        return None
    number, printed_year = found
    if printed_year is not None and printed_year != year:
        calendar = scheme.restart == "calendar"
        problems.append(
            BodyProblem(
                line,
                f"minute {printed} is numbered in {'' if calendar else 'the municipal year '}{printed_year}, "
                f"but the meeting is in {year if calendar else f'{year}/{(year + 1) % 100:02d}'}",
                "check the number, or the municipal_year_starts of meetings/council.yml"
                + ("" if calendar else " (or numbers_restart: calendar, where numbers start again each January)"),
            )
        )
    return number, printed


def parse_minutes_body(
    body: str, first_line: int, year: int, scheme=None, meeting_date=None
) -> tuple[list[Minute], list[BodyProblem]]:
    """The minutes of ``body``; ``scheme`` (load.council.Scheme) reads numbers such as CAB/22/017.
    ``year`` is the meeting's municipal year; with calendar numbering a minute's year is the date's."""
    if scheme is not None and meeting_date is not None:
        year = scheme.year_of(year, meeting_date)
    problems: list[BodyProblem] = []
    minutes: list[Minute] = []
    sections: list[tuple[Minute, list[tuple[MinutePart | None, _Section]]]] = []
    preamble: list[tuple[int, str]] = []
    in_fence = False
    for offset, text in enumerate(body.splitlines()):
        number = first_line + offset
        stripped = text.rstrip()
        if stripped.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        heading = None if in_fence else MINUTE_HEADING.match(stripped)
        if heading and not stripped.startswith("###"):
            match = split_title(heading.group("rest"), scheme)
            if not match:
                shown = stripped if len(stripped) <= 80 else stripped[:80] + "…"
                problems.append(
                    BodyProblem(
                        number, f"the minute heading '{shown}' has no minute number", "write it as '## 73. Title'"
                    )
                )
                continue
            minute_number, title, attr_text = match
            numbered = _number(minute_number.rstrip("."), year, scheme, number, problems)
            if numbered is None:
                continue
            attrs = parse_attrs(attr_text)
            for name in attrs:
                if name not in ALLOWED_ATTRS:
                    problems.append(
                        BodyProblem(
                            number,
                            f"unknown setting '{name}' in the minute heading",
                            f"use only: {', '.join(ALLOWED_ATTRS)}",
                        )
                    )
            bad = [
                (name, value)
                for name in SLUG_ATTRS
                if name in attrs
                for value in (attrs[name].split(",") if name == "was" else [attrs[name]])
                if value and not SLUG.fullmatch(value)
            ]
            for name, value in bad:
                problems.append(
                    BodyProblem(
                        number,
                        f"'{name}' in the minute heading is '{value[:80]}', not an address",
                        "use lower-case letters, digits and single hyphens, like {" + name + "=budget-monitoring}",
                    )
                )
            if bad:
                continue
            minute = Minute(
                number=numbered[0],
                year=year,
                printed=numbered[1],
                restarts_at=meeting_date if scheme is not None and scheme.per_meeting else None,
                title=_strip_bold(title),
                body="",
                line=number,
                item_number=attrs.get("item") or None,
                slug=attrs.get("slug") or None,
                topic=attrs.get("topic") or None,
            )
            if "private" in attrs:
                minute.private = attrs["private"] or "true"
            if attrs.get("was"):
                minute.previous_slugs = [s for s in attrs["was"].split(",") if s]
            minutes.append(minute)
            sections.append((minute, [(None, _Section(number))]))
            continue
        part = None if in_fence else PART_HEADING.match(stripped)
        if part and sections:
            minute, parts = sections[-1]
            letter = part.group("letter")
            minute_part = MinutePart(
                letter=letter, title=_strip_bold(part.group("title")), body="", anchor=f"part-{letter}"
            )
            parts.append((minute_part, _Section(number)))
            continue
        if sections:
            sections[-1][1][-1][1].lines.append((number, text))
        elif stripped:
            preamble.append((number, text))
    if preamble:
        line, text = preamble[0]
        if text.strip().lower().strip("#* ") not in ("public business", "private business"):
            problems.append(
                BodyProblem(
                    line,
                    "text before the first minute heading",
                    "start each minute with '## 71. Title', or move the text to 'note:'",
                )
            )
    for minute, parts in sections:
        for lettered, section in parts:
            prefix = f"part-{lettered.letter}-" if lettered else ""
            parsed = parse_text(section.lines, prefix)
            target: Minute | MinutePart = lettered or minute
            target.body = parsed.body
            target.resolutions = parsed.resolutions
            target.resolved_intro = parsed.resolved_intro
            target.questions = parsed.questions
            if lettered:
                minute.parts.append(lettered)
    return minutes, problems
