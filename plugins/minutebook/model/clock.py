"""The council's clock: "now" and "today" are UK time (Europe/London, BST aware), whatever the zone
of the machine that builds the site.

Embargoes (``publish_from``), what is upcoming and the municipal year are all decided in UK local
time; the model holds naive datetimes meaning UK local time. Nothing else asks the machine for the
time: call :func:`uk_now` or :func:`uk_today`.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

UK = ZoneInfo("Europe/London")


def uk_now() -> dt.datetime:
    """The current UK local time, as a naive datetime (the model's convention), to the minute's second."""
    return dt.datetime.now(UK).replace(tzinfo=None)


def uk_today() -> dt.date:
    return uk_now().date()


# The months as papers print them: full names in calendar order, and every word that names one.
MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
MONTH_WORDS = frozenset(MONTH_NAMES) | {
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
}
