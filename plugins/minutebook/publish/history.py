"""When each paper and set of minutes was published and changed, from the files and from git.

The date written in a file (`published:`) wins; for papers in an agenda pack the pack's publication
date comes next. Git's first commit of the file is the last resort, and the pages say what it is:
the date the file was added to this site (an imported archive's commits are not publication dates). Each later commit is a change, listed with its
date and message. One ``git log`` call serves the whole archive.
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
        top = subprocess.run(["git", "-C", str(folder), "rev-parse", "--show-toplevel"], capture_output=True,
                             text=True, timeout=30)
        if top.returncode != 0:
            return {}
        log = subprocess.run(["git", "-C", str(folder), "log", "--reverse", "--no-renames", "--date=short-local",
                              "--format=\x1e%H\x1f%ad\x1f%s", "--name-only", "--", "."],
                             capture_output=True, text=True, timeout=300,
                             env={**os.environ, "TZ": "Europe/London"})  # commit dates in UK time
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


def attach_history(archive: Archive, meetings_dir: Path) -> None:
    """Set ``published`` (where the files do not) and ``changes`` on papers and minutes."""
    history = git_history(meetings_dir)
    base = Path(meetings_dir).resolve().parent
    for meeting in archive.meetings:
        for paper in meeting.papers:
            changes = history.get((base / paper.source).resolve(), [])
            if not paper.published and not meeting.agenda_published and changes:
                paper.added = changes[0].date  # only when it came to this site: no publication date is known
            paper.published = paper.published or meeting.agenda_published
            paper.changes = changes[1:]
        minutes = meeting.minutes
        if minutes:
            changes = history.get((base / minutes.source).resolve(), [])
            if not minutes.published and changes:
                minutes.added = changes[0].date
            minutes.changes = changes[1:]
