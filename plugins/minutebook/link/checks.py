"""Legal and consistency checks that look across the archive (warnings; errors under --strict).

* Notice: an agenda must be published the law's clear days before the meeting: the council's nation
  (council.yml) decides the rule (England five, s.100B(3) of the Local Government Act 1972; Wales
  three; Scotland three, s.50B(3) of the 1973 Act; see load/council.LAWS), and the site's
  ``notice_days`` option overrides it only when set. Clear days exclude the day of publication and
  the day of the meeting; weekends and bank holidays are not working days. Bank holidays come from
  the ``holidays`` package for the same nation (``holidays_region`` overrides it; special days such
  as jubilees included) plus any the council lists itself.
* Forward plan: an executive key decision needs the forward-plan notice where the law asks for one
  (England: 28 clear days, SI 2012/2089 reg 9), unless taken under the general exception (reg 10)
  or special urgency (reg 11).
* Minute numbers: consecutive meetings in the archive should number their minutes without a gap.
  Two meetings are known to be consecutive when the later one approves the minutes of the earlier;
  otherwise a meeting may simply be missing from the archive, which is information, not a fault.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field, replace

from minutebook.load.council import Law, law_of
from minutebook.model import Archive, Meeting
from minutebook.problems import Problems


@dataclass
class CheckSettings:
    notice_days: int | None = None  # None: the law of the council's nation
    region: str | None = None  # holidays.UK subdivision ENG, WLS, SCT, NIR; None: the council's nation
    extra_holidays: list[dt.date] = field(default_factory=list)
    notice_rule: str = ""  # where the notice period comes from, for messages (set by ``resolved``)

    def resolved(self, law: Law) -> CheckSettings:
        """These settings with what is unset taken from the council's law."""
        if self.notice_days is None:
            rule = f"the law asks for {law.notice_days} ({law.notice_rule})"
            days = law.notice_days
        else:
            rule = f"notice_days in the site's options asks for {self.notice_days}"
            if self.notice_days != law.notice_days:
                rule += f" (the law of {law.title}: {law.notice_days}, {law.notice_rule})"
            days = self.notice_days
        return replace(self, notice_days=days, region=self.region or law.holidays, notice_rule=rule)

    def describe(self, law: Law) -> str:
        """One line for ``minutebook check``: the notice rule and the bank holidays the checks use."""
        done = self.resolved(law)
        source = "notice_days" if self.notice_days is not None else law.notice_rule
        holidays = f"the bank holidays of holidays_region ({done.region})" if self.region else ""
        holidays = holidays or f"{law.title}'s bank holidays ({done.region})"
        line = f"notice check: {done.notice_days} clear working days ({source}); {holidays}"
        if self.notice_days is not None and self.notice_days != law.notice_days:
            line += f"; the law of {law.title} asks for {law.notice_days} ({law.notice_rule})"
        return line


class WorkingDays:
    def __init__(self, settings: CheckSettings):
        self.settings = settings
        self._cache: dict[int, set[dt.date]] = {}

    def holidays(self, year: int) -> set[dt.date]:
        if year not in self._cache:
            import holidays

            region = self.settings.region or "ENG"
            days = set(holidays.UK(subdiv=region, years=year).keys())  # type: ignore[no-untyped-call]
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
        if clear < (settings.notice_days or 0):
            problems.warning(
                meeting.source,
                None,
                f"the agenda was published {meeting.agenda_published.isoformat()}, {clear} clear working "
                f"day{'s' if clear != 1 else ''} before the meeting; {settings.notice_rule}",
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


def check_archive(archive: Archive, problems: Problems, settings: CheckSettings | None = None) -> CheckSettings:
    """Every cross-archive check; returns the settings as resolved against the council's law."""
    settings = (settings or CheckSettings()).resolved(law_of(archive))
    check_notice(archive, problems, settings)
    set_call_in_deadlines(archive, WorkingDays(settings))
    check_minute_gaps(archive, problems)
    return settings
