"""Dates and times as council papers print them.

"2.00 pm on Thursday, 27th April, 2017", "16<sup>th</sup> December, 2015" (cleaned to "16th"),
"10th Nov 16", "25th November (tbc)", "Meeting closed at 12.35 pm", "12 noon".
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
DATE = re.compile(
    rf"\b{_WEEKDAY}(?:the\s+)?(?P<day>\d{{1,2}})\s*(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?(?P<month>{_MONTH})\b\.?,?"
    rf"(?:\s*(?P<year>\d{{4}}|\d{{2}})(?!\d))?",
    re.I,
)
TIME = re.compile(r"\b(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s*(?P<ap>a\.?\s?m\b\.?|p\.?\s?m\b\.?|noon)", re.I)


def _year(text: str | None, default: int | None) -> int | None:
    if not text:
        return default
    year = int(text)
    return year + 2000 if year < 100 else year


def find_date(text: str, default_year: int | None = None):
    """The first date in ``text``: (date or None, the match or None).

    A date printed without its year takes ``default_year`` (None: no date).
    """
    for match in DATE.finditer(text):
        year = _year(match.group("year"), default_year)
        if year is None:
            continue
        try:
            return dt.date(year, MONTHS[match.group("month").lower()], int(match.group("day"))), match
        except ValueError:
            continue
    return None, None


def is_date_line(text: str) -> bool:
    """A line that is only a date ("Wednesday, 19 April 2017", "16 September 2021")."""
    day, match = find_date(text)
    return bool(day and not text[: match.start()].strip(" ,") and not text[match.end() :].strip(" .,"))


WHEN_FILLER = re.compile(
    r"\b(?:at|on|commencing|starting|from|the|(?:mon|tues|wednes|thurs|fri|satur|sun)day|hours|hrs|noon)\b|[,.:]", re.I
)


def is_when_line(text: str) -> bool:
    """A line that is only the meeting's date and time: "Thursday 12 September 2024 at 10:30 hours",
    "7.00 pm on Monday, 9 October 2023"."""
    day, match = find_date(text)
    if not day or parse_time(text) is None or len(text) > 90:
        return False
    rest = text[: match.start()] + " " + text[match.end() :]
    rest = TIME.sub(" ", rest)
    rest = re.sub(r"\b\d{1,2}[:.]\d{2}\b", " ", rest)
    return not WHEN_FILLER.sub(" ", rest).strip()


# the words around a date or a time printed alone on its line: "Meeting to be held on …", "Starting at …"
WHEN_WORDS = re.compile(r"\b(?:(?:the\s+)?meeting|to\s+be\s+held|held|begins?|starts?|date|time)\b", re.I)


def _only(text: str, match: re.Match[str] | None) -> bool:
    rest = text if match is None else text[: match.start()] + " " + text[match.end() :]
    rest = WHEN_WORDS.sub(" ", TIME.sub(" ", rest))
    return not WHEN_FILLER.sub(" ", re.sub(r"\b\d{1,2}[:.]\d{2}\b", " ", rest)).strip()


def is_split_when(date_text: str, time_text: str) -> bool:
    """The meeting's date alone on a line and its time alone on the next: "Meeting to be held on Wednesday
    5 February 2025" / "Starting at 10.00 am" (the words around them are the sheet's, any wording)."""
    day, match = find_date(date_text)
    if not day or len(date_text) > 90 or len(time_text) > 40 or parse_time(date_text) is not None:
        return False
    return _only(date_text, match) and parse_time(time_text) is not None and _only(time_text, None)


def parse_time(text: str) -> str | None:
    """'2.00 pm' → '14:00'; '12 noon' → '12:00'; None when no time is printed."""
    match = TIME.search(text)
    if not match:
        clock = re.search(
            r"\b(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)\s*(?:hrs|hours)\b|\b(?P<h2>[01]?\d|2[0-3]):(?P<m2>[0-5]\d)\b",
            text,
            re.I,
        )  # the 24-hour clock: "18:30", "18.30 hours"
        if not clock:
            return None
        return f"{int(clock.group('h') or clock.group('h2')):02d}:{clock.group('m') or clock.group('m2')}"
    hour, minute = int(match.group("h")), int(match.group("m") or 0)
    suffix = match.group("ap").lower().replace(".", "").replace(" ", "")
    if suffix == "noon":
        hour, minute = 12, 0
    elif suffix == "pm" and hour < 12:
        hour += 12
    elif suffix == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def year_of_month(month: int, start_year: int) -> int:
    """The calendar year of a month in the municipal year starting in May ``start_year``."""
    return start_year if month >= 5 else start_year + 1


def date_in_municipal_year(text: str, start_year: int):
    """A date whose year may be left out, read within a municipal year: (date, match, year_inferred)."""
    day, match = find_date(text)
    if day:
        return day, match, False
    for match in DATE.finditer(text):
        month = MONTHS[match.group("month").lower()]
        try:
            return dt.date(year_of_month(month, start_year), month, int(match.group("day"))), match, True
        except ValueError:
            continue
    return None, None, False


NUMERIC_DATE = re.compile(r"\b(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4}|\d{2})\b")


def day_printed(text: str) -> dt.date | None:
    """The first date in ``text``, in words ("13 January 2025") or in figures, day first as British
    papers print it ("13/01/2025", "13.01.25"); None when there is none."""
    day = find_date(text)[0]
    if day is not None:
        return day
    match = NUMERIC_DATE.search(text)
    if not match:
        return None
    try:
        return dt.date(_year(match.group("y"), None) or 0, int(match.group("m")), int(match.group("d")))
    except ValueError:
        return None
