"""Reading the ``meetings/`` tree into an :class:`~minutebook.model.Archive`.

Every file is read once, validated against :mod:`minutebook.load.formats`, and turned into model
objects. Problems are collected, never raised one at a time: the caller gets the archive and the
full list, each with file, line and fix. Nothing here writes to disk.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from minutebook.load import formats
from minutebook.load.council import COUNCIL_FILE, NOT_STATED, check_exempt_paragraph, read_council
from minutebook.load.decisions import read_decision
from minutebook.load.fields import DATE_FOLDER, IGNORED, SLUG, page_range, plain_name
from minutebook.load.filecache import FileCache
from minutebook.load.minutes import load_minutes
from minutebook.load.papers import assign_slugs, load_papers
from minutebook.load.reading import read_front_matter, read_yaml_file
from minutebook.load.schema import Record, Where, parse_iso_date
from minutebook.load.workplans import load_programmes, load_trackers
from minutebook.model import (
    Archive,
    Committee,
    Contact,
    Item,
    ItemPart,
    Meeting,
    MeetingStatus,
    Membership,
    MunicipalYear,
    Person,
    municipal_year,
    urls,
)
from minutebook.model.names import PeopleIndex, UnclearName, normalise
from minutebook.problems import Problems


class Scope:
    """Which part of the archive to read: everything, or some committees or municipal years.

    Officers previewing a 20-year archive work on one committee's current year: reading only
    that keeps ``mkdocs serve`` fast. Entries are ``<committee>`` or ``<committee>/<YYYY-YY>``.
    """

    def __init__(self, entries: list[str] | None = None, year_starts: int = 5):
        self.year_starts = year_starts  # the month the council's municipal year begins (council.yml)
        self.entries: dict[str, set[int] | None] = {}
        self.problems: list[str] = []
        for entry in entries or []:
            committee, _, year = entry.strip().strip("/").partition("/")
            start = MunicipalYear.parse(year) if year and "/" not in year else None
            if year and start is None:
                self.problems.append(f"'{entry}' is not <committee> or <committee>/<YYYY-YY> (like 2016-17)")
                continue
            if year:
                years = self.entries.setdefault(committee, set())
                if years is not None and start is not None:
                    years.add(start)
            else:
                self.entries[committee] = None

    @property
    def everything(self) -> bool:
        return not self.entries

    def committee(self, slug: str) -> bool:
        return self.everything or slug in self.entries

    def year(self, slug: str, year: int) -> bool:
        if self.everything:
            return True
        years = self.entries.get(slug, set())
        return years is None or year in years

    def meeting(self, slug: str, day: dt.date) -> bool:
        """Whether the scope holds a meeting of ``slug`` on ``day``, by the council's municipal year."""
        return self.year(slug, municipal_year(day, self.year_starts))


class ArchiveLoader:
    def __init__(
        self,
        root: Path,
        scope: Scope | None = None,
        reserved: Mapping[str, str] | None = None,
        cache: FileCache | None = None,
    ):
        self.root = Path(root)
        self.cache = cache  # the parsed-file cache, or None to parse every file
        self.problems = Problems(root=self.root)
        self.archive = Archive()
        self.people_index: PeopleIndex | None = None
        self.scope = scope or Scope()
        # top-level site addresses a committee folder must not take (model/urls.py)
        self.reserved = urls.reserved() if reserved is None else reserved
        self.person_files: dict[str, set[Path]] = {}  # person key -> the files that name them

    # -- entry point ---------------------------------------------------------------------------
    def load(self) -> Archive:
        root = self.root
        if not root.is_dir():
            self.problems.error(
                root, None, "the meetings folder does not exist", "create it, or set the plugin's 'meetings_dir' option"
            )
            return self.archive
        self.council = self.archive.council = read_council(root, self.problems)
        self.scope.year_starts = self.council.year_starts
        self.load_people(root / "people.yml")
        self.load_topics(root / "topics.yml")
        self.people_index = PeopleIndex(self.archive.people)
        folders = []
        for entry in sorted(root.iterdir()):
            if (
                entry.name.startswith(".")
                or entry.name in IGNORED
                or entry.name in ("people.yml", "topics.yml", COUNCIL_FILE)
            ):
                continue
            if entry.is_dir():
                folders.append(entry)
            else:
                self.problems.error(
                    entry,
                    None,
                    "is not part of the meeting-file format",
                    "move it into a committee or meeting folder, or remove it",
                )
        for folder in folders:
            self.load_committee(folder)
        for problem in self.scope.problems:
            self.problems.error(root, None, f"the preview scope {problem}", "fix MINUTEBOOK_ONLY or the 'only' option")
        for slug in self.scope.entries:
            if slug not in self.archive.committees:
                self.problems.error(
                    root,
                    None,
                    f"the preview scope names '{slug}', which is not a committee folder",
                    f"use one of: {', '.join(sorted(self.archive.committees))}",
                )
        for folder in folders:
            if folder.name in self.archive.committees and self.scope.committee(folder.name):
                for meeting_dir in sorted(folder.iterdir()):
                    day = parse_iso_date(meeting_dir.name) if DATE_FOLDER.match(meeting_dir.name) else None
                    if day and not self.scope.meeting(folder.name, day):
                        continue
                    if meeting_dir.name == "programmes" and meeting_dir.is_dir():
                        self.load_programmes(folder.name, meeting_dir)
                    elif meeting_dir.name == "tracker" and meeting_dir.is_dir():
                        self.load_trackers(folder.name, meeting_dir)
                    else:
                        self.load_meeting_folder(folder.name, meeting_dir)
        self.archive.meetings.sort(key=lambda m: (m.date, m.committee))
        self.check_joint_meetings()
        self.archive.index()
        self.check_minute_numbers()
        for meeting in self.archive.meetings:
            for slug in [meeting.committee, *meeting.joint_with]:
                if slug in self.archive.committees:
                    self.archive.committees[slug].meetings.append(meeting)
        for person in self.archive.people.values():
            if not person.registered:
                self.problems.info(
                    root / "people.yml",
                    None,
                    f"'{person.name}' is not in people.yml; listed as a person of their own",
                    "add an entry if the papers print this name other ways too",
                    about=sorted(self.person_files.get(person.key, ())),
                )
        return self.archive

    # -- people ----------------------------------------------------------------------------------
    def load_people(self, path: Path) -> None:
        checked = read_yaml_file(path, self.problems, formats.PEOPLE, "people.yml")
        if checked is None:
            return
        seen: dict[str, str] = {}
        for key, entry in checked.items():
            person = Person(
                key=key,
                name=entry["name"],
                full_name=entry.get("full_name", ""),
                honorific=entry.get("honorific", ""),
                names=entry.get("names", []),
            )
            for variant in [person.name, person.full_name, *person.names]:
                norm = normalise(variant or "")
                if norm and seen.get(norm, key) != key:
                    self.problems.error(
                        path,
                        checked.line_of(key),
                        f"the name '{variant}' is given for both {seen[norm]} and {key}",
                        "a name variant can belong to one person only",
                    )
                elif norm:
                    seen[norm] = key
            self.archive.people[key] = person

    def load_topics(self, path: Path) -> None:
        checked = read_yaml_file(path, self.problems, formats.TOPICS, "topics.yml")
        if checked is not None:
            self.archive.topics_config = checked

    def person_key(self, printed: str, where: Where) -> str:
        assert self.people_index is not None  # people.yml is read first
        try:
            key = self.people_index.resolve(printed)
            self.person_files.setdefault(key, set()).add(
                where.path if isinstance(where.path, Path) else Path(where.path)
            )
            return key
        except UnclearName as exc:
            where.error(exc.message, exc.fix)
            return ""

    # -- committees --------------------------------------------------------------------------------
    def load_committee(self, folder: Path) -> None:
        path = folder / "committee.md"
        if not SLUG.match(folder.name):
            self.problems.error(
                folder,
                None,
                f"the committee folder name '{folder.name}' is not a valid slug",
                "use lower-case letters, digits and hyphens only",
            )
            return
        if folder.name in self.reserved:
            self.problems.error(
                folder,
                None,
                f"the committee folder name '{folder.name}' is taken: the site's "
                f"{self.reserved[folder.name]} live at /{folder.name}/",
                f"rename the folder, for example to '{folder.name}-committee'",
            )
            return
        if not path.exists():
            self.problems.error(
                path,
                None,
                f"unknown committee '{folder.name}': it has no committee.md",
                "add committee.md with the committee's name, or move the meetings into an existing committee folder",
            )
            return
        data, body, _ = read_front_matter(path, self.problems, formats.COMMITTEE, "committee.md", cache=self.cache)
        if data is None:
            return
        committee = Committee(
            slug=folder.name,
            name=data["name"],
            short_name=data.get("short_name", ""),
            description=body.strip(),
            hidden=data.get("hidden", False),
            kind=data.get("kind", "scrutiny"),
            source=self.problems.rel(path),
        )
        if "minutes_elsewhere" in data:
            committee.minutes_elsewhere = (data["minutes_elsewhere"]["url"], data["minutes_elsewhere"].get("text", ""))
        if "contact" in data:
            committee.contact = Contact(**dict(data["contact"].items()))
        for year_label, members in data.get("membership", {}).items():
            year = MunicipalYear.parse(year_label)
            if year is None:
                start = MunicipalYear(int(year_label[:4]))
                self.problems.error(
                    path,
                    data["membership"].line_of(year_label),
                    f"'{year_label}' is not a municipal year",
                    f'write it like "{start.label}"',
                )
                continue
            entries = []
            for member in members:
                where = Where(self.problems, path, member.line)
                key = self.person_key(member["name"], where)
                entries.append(Membership(year, plain_name(member["name"]), key, member.get("role")))
            committee.membership[year] = entries
        self.archive.committees[committee.slug] = committee

    # -- meetings ----------------------------------------------------------------------------------
    def load_meeting_folder(self, committee: str, folder: Path) -> None:
        if folder.name.startswith(".") or folder.name in IGNORED or folder.name == "committee.md":
            return
        if not folder.is_dir():
            self.problems.error(
                folder,
                None,
                "is not part of the meeting-file format",
                "meeting files belong in a folder named by the meeting's date (YYYY-MM-DD)",
            )
            return
        day = parse_iso_date(folder.name) if DATE_FOLDER.match(folder.name) else None
        if day is None:
            what = "not a real date" if DATE_FOLDER.match(folder.name) else "not a date written YYYY-MM-DD"
            self.problems.error(
                folder,
                None,
                f"the meeting folder name '{folder.name}' is {what}",
                "name the folder by the meeting's date, like 2017-04-27",
            )
            return
        meeting_path = folder / "meeting.md"
        if not meeting_path.exists():
            self.problems.error(
                meeting_path,
                None,
                "the meeting has no meeting.md",
                "add meeting.md with at least the start time and place",
            )
            return
        data, body, _ = read_front_matter(
            meeting_path, self.problems, formats.MEETING, "meeting.md", required=False, partial=True, cache=self.cache
        )
        if data is None:
            return
        if not data and not body.strip():
            self.problems.error(
                meeting_path,
                1,
                "meeting.md is empty",
                "write its front matter (at least the start time, between two '---' lines), or remove "
                "the meeting's folder",
            )
            return
        meeting = Meeting(
            committee=committee,
            date=day,
            start=data.get("start"),
            year_starts=self.council.year_starts,
            place=data.get("place", ""),
            postponed_to=data.get("postponed_to"),
            agenda_published=data.get("agenda_published"),
            published_by=data.get("published_by", ""),
            public_access=data.get("public_access", ""),
            webcast=data.get("webcast", ""),
            joint_with=data.get("joint_with", []),
            notes=body.strip(),
            source=self.problems.rel(meeting_path),
            draft=data.get("draft", False),
            publish_from=data.get("publish_from"),
            moved_from=data.get("moved_from", []),
        )
        meeting.has_agenda = bool(data.get("items"))
        self.load_items(meeting, data, meeting_path)
        minutes_path = folder / "minutes.md"
        if minutes_path.exists():
            load_minutes(self, meeting, minutes_path)
        papers_dir = folder / "papers"
        if papers_dir.is_dir():
            load_papers(self, meeting, papers_dir)
        for entry in sorted(folder.iterdir()):
            if (
                entry.name not in ("meeting.md", "minutes.md", "papers")
                and not entry.name.startswith(".")
                and entry.name not in IGNORED
            ):
                self.problems.error(
                    entry,
                    None,
                    "is not part of the meeting-file format",
                    "a meeting folder holds meeting.md, minutes.md and papers/",
                )
        self.set_status(meeting, data, meeting_path)
        assign_slugs(self, meeting)
        self.archive.meetings.append(meeting)

    def set_status(self, meeting: Meeting, data: Record, path: Path) -> None:
        status = data.get("status")
        if status is None:
            status = (
                MeetingStatus.HELD
                if meeting.minutes
                else MeetingStatus.AGENDA_PUBLISHED
                if meeting.has_agenda
                else MeetingStatus.SCHEDULED
            )
        meeting.status = status
        if status == "postponed" and not meeting.postponed_to:
            self.problems.error(
                path, data.line_of("status"), "a postponed meeting needs its new date", "add 'postponed_to: YYYY-MM-DD'"
            )
        if meeting.postponed_to and status != "postponed":
            self.problems.error(
                path,
                data.line_of("postponed_to"),
                "'postponed_to' is only for a postponed meeting",
                "set 'status: postponed'",
            )

    def load_items(self, meeting: Meeting, data: Record, path: Path) -> None:
        seen: dict[str, int] = {}
        for entry in data.get("items", []):
            number = entry.get("number")
            label = number if number is not None else f"'{entry['title']}'"
            if number is not None and number in seen:
                self.problems.error(
                    path,
                    entry.line,
                    f"agenda item {number} is listed twice",
                    f"give each item its own number (the first is on line {seen[number]})",
                )
            if number is not None:
                seen[number] = entry.line
            item = Item(
                slug=entry.get("slug", ""),
                title=entry["title"],
                number=number,
                lead=entry.get("lead", ""),
                pages=page_range(entry.get("pages")),
                description=entry.get("description", ""),
                parts=[ItemPart(p["number"], p["title"]) for p in entry.get("parts", [])],
                private=entry.get("private", False),
                exempt_paragraph=entry.get("exempt_paragraph"),
                withhold_title=entry.get("withhold_title", False),
                topic=entry.get("topic"),
                line=entry.line,
                previous_slugs=entry.get("previous_slugs", []),
                on_agenda=True,
            )
            if item.withhold_title and not item.private:
                self.problems.error(
                    path,
                    entry.line_of("withhold_title"),
                    f"item {label} withholds its title but is not private",
                    "add 'private: true' and 'exempt_paragraph: N', or remove 'withhold_title'",
                )
            item.minute_number = entry.get("minute")
            if item.private and item.exempt_paragraph is None:
                law = self.council.law_on(meeting.date)
                self.problems.error(
                    path,
                    entry.line,
                    f"private item {label} has no exempt paragraph",
                    f"add 'exempt_paragraph: N' (the paragraph of {law.schedule}, {law.span}), "
                    f"or 'exempt_paragraph: {NOT_STATED}' when the papers give none",
                )
            elif item.exempt_paragraph is not None and not check_exempt_paragraph(
                self.council,
                item.exempt_paragraph,
                self.problems,
                path,
                entry.line_of("exempt_paragraph"),
                f"item {label}",
                meeting.date,
            ):
                item.exempt_paragraph = None
            if item.exempt_paragraph is not None and not item.private:
                self.problems.error(
                    path,
                    entry.line_of("exempt_paragraph"),
                    f"item {label} has an exempt paragraph but is not private",
                    "add 'private: true' or remove 'exempt_paragraph'",
                )
            read_decision(self, meeting, item, entry, path)
            meeting.items.append(item)

    def load_programmes(self, committee: str, folder: Path) -> None:
        load_programmes(self, committee, folder)

    def load_trackers(self, committee: str, folder: Path) -> None:
        load_trackers(self, committee, folder)

    # -- whole-archive checks --------------------------------------------------------------------
    def check_joint_meetings(self) -> None:
        for meeting in self.archive.meetings:
            for slug in meeting.joint_with:
                if slug not in self.archive.committees or slug == meeting.committee:
                    self.problems.error(
                        self.root.parent / meeting.source,
                        None,
                        f"unknown committee '{slug}' in joint_with",
                        f"use a committee folder name: {', '.join(sorted(self.archive.committees))}",
                    )

    def check_minute_numbers(self) -> None:
        seen: dict[tuple, tuple[Meeting, int]] = {}
        for meeting in self.archive.meetings:
            minutes = meeting.minutes
            if not minutes:
                continue
            for minute in minutes.minutes:
                key = (meeting.committee, *minute.identity)
                if key in seen and seen[key][0] is not meeting:
                    other, line = seen[key]
                    assert other.minutes is not None
                    self.problems.error(
                        self.root.parent / minutes.source,
                        minute.line,
                        f"minute {minute.cite} is also used by the meeting of {other.date.isoformat()} "
                        f"({other.minutes.source}, line {line})",
                        "minute numbers must be unique within a "
                        + ("calendar" if self.council.scheme(meeting.committee).restart == "calendar" else "municipal")
                        + " year",
                    )
                seen.setdefault(key, (meeting, minute.line))


def load_archive(
    root: Path, scope: Scope | None = None, reserved: Mapping[str, str] | None = None, cache: FileCache | None = None
) -> tuple[Archive, Problems]:
    """Read the archive (or the part in ``scope``); return it with every problem found. ``reserved``:
    the site's top-level addresses no committee may take (default: those of model/urls.py). ``cache``:
    the parsed-file cache (load/filecache.py), or None."""
    loader = ArchiveLoader(Path(root), scope, reserved, cache)
    try:
        archive = loader.load()
    except RecursionError:
        loader.problems.error(loader.root, None, "a file is nested too deeply to read", "simplify its structure")
        archive = loader.archive
    return archive, loader.problems
