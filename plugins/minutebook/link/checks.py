"""Legal and consistency checks that look across the archive (warnings; errors under --strict).

* Notice: an agenda must be published at least five clear working days before the meeting
  (Local Government Act 1972, s.100B(3); England). Clear days exclude the day of publication and
  the day of the meeting; weekends and bank holidays are not working days. Bank holidays come from
  the ``holidays`` package (England by default, special days such as jubilees included) plus any
  the council lists itself.
* Minute numbers: consecutive meetings in the archive should number their minutes without a gap.
  Two meetings are known to be consecutive when the later one approves the minutes of the earlier;
  otherwise a meeting may simply be missing from the archive, which is information, not a fault.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field

from minutebook.model import Archive, Meeting
from minutebook.problems import Problems


@dataclass
class CheckSettings:
    notice_days: int = 5
    region: str = "ENG"  # holidays.UK subdivision: ENG, WLS, SCT, NIR
    extra_holidays: list[dt.date] = field(default_factory=list)


class WorkingDays:
    def __init__(self, settings: CheckSettings):
        self.settings = settings
        self._cache: dict[int, set[dt.date]] = {}

    def holidays(self, year: int) -> set[dt.date]:
        if year not in self._cache:
            import holidays

            days = set(holidays.UK(subdiv=self.settings.region, years=year).keys())  # type: ignore[no-untyped-call]
            days |= {d for d in self.settings.extra_holidays if d.year == year}
            self._cache[year] = days
        return self._cache[year]

    def is_working(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in self.holidays(day.year)

    def clear_days(self, published: dt.date, meeting: dt.date) -> int:
        day, count = published + dt.timedelta(days=1), 0
        while day < meeting:
            count += self.is_working(day)
            day += dt.timedelta(days=1)
        return count

    def last_clear_day(self, published: dt.date, days: int) -> dt.date:
        """The last of ``days`` clear working days after ``published`` (the day itself not counted)."""
        day, count = published, 0
        while count < days:
            day += dt.timedelta(days=1)
            count += self.is_working(day)
        return day


def check_notice(archive: Archive, problems: Problems, settings: CheckSettings) -> None:
    days = WorkingDays(settings)
    for meeting in archive.meetings:
        if not meeting.agenda_published or meeting.status in ("cancelled", "postponed"):
            continue
        clear = days.clear_days(meeting.agenda_published, meeting.date)
        if clear < settings.notice_days:
            problems.warning(
                meeting.source,
                None,
                f"the agenda was published {meeting.agenda_published.isoformat()}, {clear} clear working "
                f"day{'s' if clear != 1 else ''} before the meeting; the law asks for "
                f"{settings.notice_days}",
                "check agenda_published, or record why the meeting was called at shorter notice in the meeting's notes",
            )


APPROVES = re.compile(r"minutes of the meetings?\b", re.I)


def _approves(later: Meeting, earlier: Meeting) -> bool:
    """Does the later meeting's minutes approve the earlier one's (a link the linker made)?"""
    target = f"minutebook:{earlier.committee}/{earlier.date.isoformat()}/"
    for item in later.items:
        minute = item.minute
        if minute and APPROVES.search(minute.body) and target in minute.body:
            return True
    return False


def check_minute_gaps(archive: Archive, problems: Problems) -> None:
    for committee in archive.committees.values():
        held = [
            (m, m.minutes)
            for m in committee.meetings
            if m.committee == committee.slug and m.minutes and m.minutes.minutes
        ]
        for (earlier, earlier_minutes), (later, later_minutes) in itertools.pairwise(held):
            if earlier.year != later.year:
                continue
            last = max(m.number for m in earlier_minutes.minutes)
            first = min(m.number for m in later_minutes.minutes)
            if first == last + 1:
                continue
            gap = f"minutes {last + 1}–{first - 1}" if first - 1 > last + 1 else f"minute {last + 1}"
            if first <= last:
                continue  # duplicates are reported by the loader
            if _approves(later, earlier):
                problems.warning(
                    later_minutes.source,
                    later_minutes.minutes[0].line,
                    f"{later.year.cite(gap)} missing: the meeting of {earlier.date.isoformat()} "
                    f"ended at minute {last} and this one starts at {first}",
                    "check the minute numbers",
                )
            else:
                problems.info(
                    later_minutes.source,
                    later_minutes.minutes[0].line,
                    f"{later.year.cite(gap)} not in the archive: a meeting between "
                    f"{earlier.date.isoformat()} and {later.date.isoformat()} may be missing",
                )


def set_call_in_deadlines(archive: Archive, days: WorkingDays) -> None:
    """Each published executive decision's last day for call-in: the council's call-in period
    (council.yml ``call_in_days``) in clear working days after the decision notice."""
    for meeting in archive.meetings:
        for item in meeting.items:
            decision = item.decision
            if decision is not None and decision.published:
                decision.call_in_ends = days.last_clear_day(decision.published, decision.call_in_days)


def check_archive(archive: Archive, problems: Problems, settings: CheckSettings | None = None) -> None:
    settings = settings or CheckSettings()
    check_notice(archive, problems, settings)
    set_call_in_deadlines(archive, WorkingDays(settings))
    check_minute_gaps(archive, problems)
