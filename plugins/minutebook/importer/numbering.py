"""Minute numbers as councils print them, and the numbering scheme they follow.

    73. Title            28/16 Title            CAB/22/017 Title
    PC.45/22 TITLE       Min. No. 2023/045 TITLE    ES 101/23 TITLE

A printed number is read into the number of the minute and, where it prints one, the municipal
year (the group of digits that is the meeting's year: ``22`` or ``2022``). From the printed numbers
of a committee the import writes its scheme to meetings/council.yml (``CAB/{yy}/{number:3}``), and
numbers that start again at each meeting give ``numbers_restart: meeting``.
"""

from __future__ import annotations

import re
from collections import Counter

from minutebook.importer.source import Line
from minutebook.importer.textutil import plain

NUMBER = (
    r"(?:[A-Z]{1,6}[./]?\d{1,4}(?:[./]\d{1,4}){0,2}|[A-Z]{1,6} \d{1,4}[./]\d{1,4}(?:[./]\d{1,4})?"
    r"|\d{1,4}(?:/\d{1,4}){0,2})"
)
# "Min. No. 45/22", "Minute 12", and the agenda's "Item 4" a minute is headed by where it keeps the agenda's numbers
PREFIX = r"(?i:(?:min(?:ute)?s?\.?|(?:agenda\s+)?item)\s*(?:no\.?\s*)?)?"
# the title after the number, or after a dash or colon ("Minute No. 5 – Opening hours", "Minute 12: Budget")
HEADING = re.compile(rf"^{PREFIX}(?P<printed>{NUMBER})\.?(?:\s+[–—-]|\s*:)?\s+(?P<title>\S.{{0,200}})$")
# "Minute No. 30", "Minute (52)"
CITED = re.compile(rf"\b(?i:minute(?:\s+no\.?)?|min\.?\s*no\.?|item)\s+\(?(?P<printed>{NUMBER})\b")
# a number in brackets before the title, "(48)  Apologies for Absence", read as "48 Apologies for Absence"
BRACKETED = re.compile(r"^\((?P<number>\d{1,4})\)\s+(?=[A-Z])")


def _year_group(groups: list[str], year: int | None) -> int | None:
    if year is None or len(groups) < 2:
        return None
    for k, g in enumerate(groups):
        if g == str(year) or (len(g) == 2 and g == f"{year % 100:02d}"):
            return k
    return None


def _year_end(groups: list[str], at: int | None, year: int | None) -> int | None:
    """The group after the year's that prints the year the municipal year ends ("FGP/24/25/031"), or None."""
    if at is None or year is None or at + 1 >= len(groups) - 0 or len(groups) < 3:
        return None
    after = groups[at + 1]
    return at + 1 if after in (f"{(year + 1) % 100:02d}", str(year + 1)) and len(after) == len(groups[at]) else None


def read_number(printed: str, year: int | None) -> int | None:
    """The minute's number in a printed number; None when it holds none."""
    groups = re.findall(r"\d+", printed)
    if not groups:
        return None
    if len(groups) == 1:
        return int(groups[0])
    at = _year_group(groups, year)
    end = _year_end(groups, at, year)
    rest = [g for k, g in enumerate(groups) if k not in (at, end)] if at is not None else groups
    if len(rest) == 1:
        return int(rest[0])
    return int(rest[0]) if len(groups) == 2 else int(rest[-1])


def scheme_of(printed: str, year: int | None) -> str | None:
    """The scheme a printed number follows ("CAB/{yy}/{number:3}"), or None for a bare number."""
    text = printed.strip().rstrip(".")
    groups = list(re.finditer(r"\d+", text))
    if len(groups) == 1 and text.isdigit():
        return None
    at = _year_group([g.group(0) for g in groups], year)
    end = _year_end([g.group(0) for g in groups], at, year)
    number = read_number(text, year)
    out, last = [], 0
    placed = False
    for k, group in enumerate(groups):
        out.append(text[last : group.start()])
        digits = group.group(0)
        if k == at:
            out.append("{yyyy}" if len(digits) == 4 else "{yy}")
        elif k == end:
            out.append("{yyyy+1}" if len(digits) == 4 else "{yy+1}")
        elif not placed and int(digits) == number:
            out.append(f"{{number:{len(digits)}}}" if digits.startswith("0") and len(digits) > 1 else "{number}")
            placed = True
        else:
            out.append(digits)
        last = group.end()
    out.append(text[last:])
    return "".join(out)


def numbers_year(headings: list[str], calendar: int, municipal: int) -> int:
    """The year the printed minute numbers carry: the municipal year's, or the calendar year's when the
    headings print that and never the municipal year's ("B25/01" at a January 2025 meeting of municipal
    year 2024), so the year group is not read as the minute's number."""
    if calendar == municipal:
        return municipal
    by_calendar = by_municipal = 0
    for text in headings:
        match = HEADING.match(text)
        if not match or match.group("printed").isdigit():
            continue
        groups = re.findall(r"\d+", match.group("printed"))
        by_calendar += any(g in (str(calendar), f"{calendar % 100:02d}") for g in groups)
        by_municipal += any(g in (str(municipal), f"{municipal % 100:02d}") for g in groups)
    return calendar if by_calendar > by_municipal else municipal  # a "2024/25 …" line is not every heading


# "Minute No. 27" on a line of its own, its heading on the next line or two: "DATGAN BUDDIANNAU" /
# "DECLARATIONS OF INTEREST" (a heading printed in two languages, one above the other)
NUMBER_ALONE = re.compile(rf"^{PREFIX}(?P<printed>{NUMBER})\.?$")


def join_headings(lines: list[Line]) -> list[Line]:
    """A minute's number printed alone, with its title on the line (or two lines) below, as one heading
    line: two short title lines are the heading in two languages, joined ' / ' as a one-line
    bilingual heading prints them; a long first line wrapped onto the next is joined with a space."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        match = NUMBER_ALONE.match(plain(line.text))
        if match and re.match(r"^\D", plain(line.text)):  # "Minute No. 27", not a bare "27"
            titles: list[str] = []
            j = i + 1
            while j < len(lines) and len(titles) < 2:
                text = plain(lines[j].text)
                if not text or len(text) > 120 or text.endswith((".", ";", ",", ":")) or text.startswith("("):
                    break
                titles.append(text)
                j += 1
            if titles:
                if (
                    len(titles) == 2
                    and max(len(t) for t in titles) <= 70
                    and titles[0].isupper() == titles[1].isupper()
                ):
                    title = f"{titles[0]} / {titles[1]}"
                else:
                    title = " ".join(titles)
                out.append(Line(line.no, f"{plain(line.text)} {title}", heading=True))
                i = j
                continue
        margin = len(line.text) - len(line.text.lstrip(" "))  # the pack's left margin, when it keeps one
        heading = HEADING.match(line.text[margin:])
        following = lines[i + 1].text if i + 1 < len(lines) else ""
        after = lines[i + 2].text.strip() if i + 2 < len(lines) else ""
        if (
            heading
            and len(following) - len(following.lstrip(" ")) == margin + heading.start("title") >= 4
            and (
                (heading.group("title").isupper() and following.strip().isupper())
                or (
                    # "PH/21/25    Planning Application … Former Wharfeside Garage," / "     Beck Road, Wharfeside":
                    # a title left unfinished, its end alone on the line under it
                    heading.group("title").rstrip().endswith((",", "–", "-", "&", " and", " of", " the"))
                    and len(following.strip()) <= 80
                    and not following.rstrip().endswith((".", ":", ";"))
                    and not after
                )
                or (
                    # "7.     Roads, Footways … – Mid-Year" / "       Progress and Proposed Reallocation": a title in
                    # title case wrapped under its column, a blank line under it
                    not after
                    and len(following.strip()) <= 80
                    and not following.rstrip().endswith((".", ":", ";", ","))
                    and not heading.group("title").rstrip().endswith((".", ":", ";"))
                    and all(w[:1].isupper() for w in following.split() if len(w) > 3)
                )
            )
        ):
            # "LSC/25/11   APPLICATION TO VARY … 3 MALTINGS" / "            LANE, TILLINGHAM": a heading in
            # capitals wrapped onto a line indented to its title's column
            out.append(Line(line.no, f"{line.text.rstrip()} {following.strip()}", line.heading))
            i += 2
            continue
        out.append(line)
        i += 1
    return out


def merge_padding(found: Counter[str], printed: list[tuple[str | None, int]]) -> None:
    """'LSC/25/07' … 'LSC/25/13': numbers printed to two digits, the padding seen only below 10. The count of
    the unpadded scheme goes to the padded one when every number printed unpadded has at least its width."""
    for padded in [p for p in found if re.search(r"\{number:\d\}", p)]:
        width = int(padded.split("{number:", 1)[1][0])
        base = re.sub(r"\{number:\d\}", "{number}", padded)
        if base in found and all(number >= 10 ** (width - 1) for scheme, number in printed if scheme == base):
            found[padded] += found.pop(base)
