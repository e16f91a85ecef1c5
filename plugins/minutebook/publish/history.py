"""When each paper and set of minutes was published and last updated, from the files and from git.

The date written in a file (`published:`) wins; for papers in an agenda pack the pack's publication
date comes next; otherwise the date of first publication is not known, and the pages do not guess
(a commit's date is when a file came to this site — an imported archive's commits are years after
the papers). What changed and why is the officers' ``corrections:`` list, in plain words; git
supplies only a "last updated" date, and only when the file changed after it was added. A commit's
message is never shown: it is written for developers, not residents. One ``git log`` call serves
the whole archive.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from minutebook.model import Archive


@dataclass(frozen=True)
class Change:
    date: dt.date
    commit: str
    message: str


def git_history(folder: Path) -> dict[Path, list[Change]]:
    """Every commit touching files below ``folder``, oldest first, by absolute file path."""
    folder = Path(folder).resolve()
    try:
        top = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "--show-toplevel"], capture_output=True, text=True, timeout=30
        )
        if top.returncode != 0:
            return {}
        log = subprocess.run(
            [
                "git",
                "-C",
                str(folder),
                "log",
                "--reverse",
                "--no-renames",
                "--date=short-local",
                "--format=\x1e%H\x1f%ad\x1f%s",
                "--name-only",
                "--",
                ".",
            ],
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "TZ": "Europe/London"},
        )  # commit dates in UK time
    except (OSError, subprocess.SubprocessError):
        return {}
    if log.returncode != 0:
        return {}
    root = Path(top.stdout.strip())
    history: dict[Path, list[Change]] = {}
    for record in log.stdout.split("\x1e"):
        if not record.strip():
            continue
        head, _, names = record.partition("\n")
        commit, date, message = ([*head.split("\x1f"), "", "", ""])[:3]
        try:
            change = Change(dt.date.fromisoformat(date), commit, message)
        except ValueError:
            continue
        for name in names.splitlines():
            if name.strip():
                history.setdefault((root / name.strip()).resolve(), []).append(change)
    return history


def last_updated(changes: list[Change]) -> dt.date | None:
    """The date of the last commit after the one that added the file (None: never changed)."""
    later = [c.date for c in changes[1:]]
    return max(later) if later else None


def attach_history(archive: Archive, meetings_dir: Path) -> None:
    """Set ``published`` (where the files do not) and ``last_updated`` on papers and minutes."""
    history = git_history(meetings_dir)
    base = Path(meetings_dir).resolve().parent
    for meeting in archive.meetings:
        for paper in meeting.papers:
            paper.published = paper.published or meeting.agenda_published
            paper.last_updated = last_updated(history.get((base / paper.source).resolve(), []))
        minutes = meeting.minutes
        if minutes:
            minutes.last_updated = last_updated(history.get((base / minutes.source).resolve(), []))
