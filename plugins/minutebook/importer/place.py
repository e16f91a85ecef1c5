"""The minutes' place printed on a line of its own, under a line that gives only the date and time.

    Friday, 18 October 2024 at 10.00 am
    Board Room, Aldergate, Kelmoor

as a notice prints its front sheet without labels; read when the heading says "held at …" nowhere and
no "Venue:" line is printed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from minutebook.importer.dates import is_when_line
from minutebook.importer.textutil import from_capitals

# a line that gives the meeting's date (and time) and nothing else: "Friday, 18 October 2024 at 10.00 am"
_CLOCK = r"\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?|hours|noon)?"
# "Wednesday 20 November 2024 at 10.00 am", and "(Meeting) held on …, 10.00 am – 11.48 am" (a time range)
DATE_ALONE = re.compile(
    r"^(?:(?:the\s+)?(?:meeting\s+)?held\s+on\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:the\s+)?"
    r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+,?\s+\d{4}"
    rf"(?:,?\s*(?:at|from|commencing\s+at)?\s*{_CLOCK}(?:\s*(?:[-–—]|to|until)\s*{_CLOCK})?)?\s*\.?$",
    re.I,
)


def place_below_date(texts: list[str], starts_attendance: Callable[[str], bool]) -> str:
    """The line under the heading's date-and-time line when it reads as a place: a short line starting in
    capitals, no label, not a sentence, not the attendance; "" otherwise."""
    for k, text in enumerate(texts[:-1]):
        if not (DATE_ALONE.match(text.strip()) or is_when_line(text.strip())):  # or "10.00 am, Thursday 18 …"
            continue
        below = texts[k + 1].strip()
        if (
            below[:1].isupper()
            and len(below) <= 120
            and ":" not in below
            and not below.endswith((".", ";"))
            and not starts_attendance(below)
            and not DATE_ALONE.match(below)
            and not re.search(r"\b(?:minutes?|meeting(?!\s+rooms?\b)|present|apologies)\b", below, re.I)
        ):
            return from_capitals(below)
        return ""
    return ""
