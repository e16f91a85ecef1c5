"""Reading work programmes (programmes/<YYYY-YY>.md) and trackers (tracker/<YYYY-MM-DD>.md)."""

from __future__ import annotations

import re
from pathlib import Path

from minutebook.load import formats
from minutebook.load.reading import read_front_matter
from minutebook.load.schema import parse_iso_date
from minutebook.model import MunicipalYear, ProgrammeEntry, Tracker, TrackerRow, WorkProgramme, municipal_year

DATE_NAME = re.compile(r"^\d{4}-\d{2}-\d{2}$")
IGNORED = {"README.md", "readme.md", ".gitkeep"}


def _data_files(loader, folder: Path, pattern: re.Pattern, what: str, example: str):
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.name in IGNORED:
            continue
        if path.suffix != ".md" or not pattern.match(path.stem):
            loader.problems.error(path, None, f"is not a {what} file", f"name it like {example}")
            continue
        yield path


def load_programmes(loader, committee: str, folder: Path) -> None:
    for path in _data_files(loader, folder, re.compile(r"^\d{4}-\d{2}$"), "work programme", "2016-17.md"):
        if not loader.scope.year(committee, int(path.stem[:4])):
            continue  # a scoped preview reads only its years
        data, body, _ = read_front_matter(
            path, loader.problems, formats.PROGRAMME, "the work programme", cache=loader.cache
        )
        if data is None:
            continue
        year = MunicipalYear.parse(data["year"]) or MunicipalYear(int(data["year"][:4]))
        if path.stem != year.slug or data["year"] != year.label:
            loader.problems.error(
                path,
                data.line_of("year"),
                f"the year {data['year']} does not match the file name {path.name}",
                f'name the file {year.slug}.md and write year: "{year.label}"',
            )
            continue
        programme = WorkProgramme(
            committee=committee,
            year=year,
            published_in=data.get("published_in", ""),
            notes=body.strip(),
            source=loader.problems.rel(path),
        )
        for entry in data.get("entries", []):
            if ("date" in entry) == ("bucket" in entry):
                loader.problems.error(
                    path,
                    entry.line,
                    f"the entry '{entry['title']}' needs either a date or a bucket",
                    "give the meeting date, or the bucket for undated items",
                )
                continue
            programme.entries.append(
                ProgrammeEntry(
                    title=entry["title"],
                    date=entry.get("date"),
                    bucket=entry.get("bucket"),
                    detail=entry.get("detail", ""),
                    leads=entry.get("leads", []),
                    source=entry.get("source", ""),
                    outcomes=entry.get("outcomes", ""),
                    topic=entry.get("topic"),
                    considered_at=entry.get("considered_at", []),
                    line=entry.line or 0,
                )
            )
        loader.archive.programmes.append(programme)


def load_trackers(loader, committee: str, folder: Path) -> None:
    for path in _data_files(loader, folder, DATE_NAME, "tracker", "2017-04-27.md (the meeting's date)"):
        day = parse_iso_date(path.stem)
        if day is not None and not loader.scope.year(committee, municipal_year(day)):
            continue
        if day is None:
            loader.problems.error(path, None, f"'{path.stem}' is not a real date", "check the day and month")
            continue
        data, _, _ = read_front_matter(path, loader.problems, formats.TRACKER, "the tracker", cache=loader.cache)
        if data is None:
            continue
        tracker = Tracker(
            committee=committee, date=day, published_in=data.get("published_in", ""), source=loader.problems.rel(path)
        )
        for row in data.get("rows", []):
            tracker.rows.append(
                TrackerRow(
                    text=row["text"],
                    kind=row["kind"],
                    meeting=row.get("meeting"),
                    item=row.get("item", ""),
                    cabinet_member=row.get("cabinet_member", ""),
                    response=row.get("response", ""),
                    status=row.get("status", ""),
                    minute=row.get("minute"),
                    line=row.line or 0,
                )
            )
        loader.archive.trackers.append(tracker)
