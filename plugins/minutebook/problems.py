"""Problems found in the archive: every one names a file, a line where known, and what to fix.

The loader collects problems instead of raising at the first one, so an officer sees every
mistake in one run. Levels: ``error`` stops a build, ``warning`` stops a ``--strict`` build,
``info`` is only reported. ``review`` is for what an officer should look at although the site is
right as it stands (an exempt item whose papers do not state the paragraph): ``minutebook check``
prints it as a warning (and ``check --strict`` fails on it), a build logs it as a note.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

ERROR = "error"
WARNING = "warning"
INFO = "info"
REVIEW = "review"


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    message: str
    fix: str = ""
    level: str = ERROR
    about: tuple[str, ...] = ()  # the files whose text the message quotes, when not just ``path``

    def redacted(self) -> Problem:
        """The same problem without the values it quotes: for a file that is not public (a draft, an
        embargoed or private paper), whose field values must not reach a build log."""
        return replace(self, message=_unquoted(self.message) + WITHHELD_NOTE, fix=_unquoted(self.fix))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.message}"
        if self.fix:
            text += f" — {self.fix}"
        return text


# A quoted value: from a quote that does not follow a letter to one that no letter follows, so that
# 'Sean O'Brien' is one value. Each branch starts with its quote (the look-behind comes after it:
# "not a letter and then this quote"), so the search skips to the next quote instead of trying every
# position: every problem passes here, and a large archive's notes number tens of thousands.
QUOTED = re.compile(r"""'(?<!\w')(?:.*?)'(?!\w)|"(?<!\w")(?:.*?)"(?!\w)|`[^`]*`""", re.S)
WITHHELD_NOTE = (
    " (the file is not public, so the log leaves out what it says: see it in full in an officer's "
    "preview, `mkdocs serve` with MINUTEBOOK_PREVIEW=1)"
)


MAX_QUOTE = 120
MAX_TEXT = 2000


def _unquoted(text: str) -> str:
    return QUOTED.sub("'…'", text)


def _short(text: str) -> str:
    """A message that quotes a megabyte line quotes its start: a log line stays readable."""
    text = QUOTED.sub(lambda m: m[0] if len(m[0]) <= MAX_QUOTE + 2 else m[0][:MAX_QUOTE] + "…" + m[0][-1], text)
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT] + "…"


Withheld = tuple[frozenset[str], tuple[str, ...]]  # files, and folders (each ending in a slash)


@dataclass
class Problems:
    """A collector of problems, sorted by file and line when reported."""

    root: Path | None = None
    found: list[Problem] = field(default_factory=list)  # the problems made as they were found
    withheld: set[str] = field(default_factory=set)  # files the loader could not read that say draft or embargo
    # notes made only when they are asked for (:meth:`later`), with the files withheld meanwhile
    _later: list[tuple[Callable[[], Iterable[Problem]], tuple[Withheld, ...]]] = field(
        default_factory=list, init=False, repr=False, compare=False
    )
    _rel: dict = field(default_factory=dict, init=False, repr=False, compare=False)  # (root, path) -> rel
    # for the loader, one reading of the archive: each folder passed on the way to its files -> the link
    # out of the archive on its way, or None (load/reading.link_leaving)
    folders: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def rel(self, path: Path | str) -> str:
        """``path`` relative to the meetings folder's parent (``meetings/…``), as a log names it.
        Remembered: one file is named by many problems (topics.yml by thousands of notes)."""
        key = (self.root, path)
        if key not in self._rel:
            self._rel[key] = self._relative(Path(path))
        return self._rel[key]

    def _relative(self, path: Path) -> str:
        if self.root is not None:
            try:
                return path.relative_to(self.root.parent).as_posix()
            except ValueError:
                pass
        return path.as_posix()

    @property
    def items(self) -> list[Problem]:
        """Every problem: those found, then the notes made later (:meth:`later`), made now."""
        return self.found + self._made_later()

    def make(self, path, line, message, fix="", level=ERROR, about=()) -> Problem:
        return Problem(self.rel(path), line, _short(message), _short(fix), level, tuple(self.rel(a) for a in about))

    def add(self, path, line, message, fix="", level=ERROR, about=()) -> None:
        self.found.append(self.make(path, line, message, fix, level, about))

    def later(self, notes: Callable[[], Iterable[Problem]]) -> None:
        """Notes (``info``, never what stops a build) that are made each time they are asked for, not
        kept: a large archive's topic comparisons give tens of thousands, which `minutebook check` does
        not print unless asked and a build counts once (at 8,000 items, 38,000 notes held 25 MB). They
        are the same notes, withheld as :meth:`withhold` said until then."""
        self._later.append((notes, ()))

    def _made_later(self) -> list[Problem]:
        made = []
        for notes, hidden in self._later:
            for problem in notes():
                if problem.level != INFO:
                    raise ValueError(f"only notes can be made later, not {problem.level}s: {problem}")
                for withheld in hidden:
                    problem = _withheld(problem, withheld)
                made.append(problem)
        return made

    def error(self, path, line, message, fix="", about=()) -> None:
        self.add(path, line, message, fix, ERROR, about)

    def warning(self, path, line, message, fix="", about=()) -> None:
        self.add(path, line, message, fix, WARNING, about)

    def info(self, path, line, message, fix="", about=()) -> None:
        self.add(path, line, message, fix, INFO, about)

    def review(self, path, line, message, fix="", about=()) -> None:
        """A warning for ``minutebook check``, a note for a build: the published site is right as it is."""
        self.add(path, line, message, fix, REVIEW, about)

    def withhold(self, withheld: set[str]) -> None:
        """Leave the quoted values out of every problem about a file that is not public: a file in
        ``withheld``, or in a folder of it (``board/2020-01-09/`` for a draft meeting).

        A problem names the file it is in; ``about`` names the files it quotes, when they are others
        (a person's name found in a draft's attendance is reported against people.yml)."""
        hidden = (frozenset(withheld), tuple(w for w in withheld if w.endswith("/")))
        self.found = [_withheld(p, hidden) for p in self.found]
        self._later = [(notes, (*before, hidden)) for notes, before in self._later]

    def of_level(self, level: str) -> list[Problem]:
        chosen = self.items if level == INFO else self.found
        return sorted(
            (p for p in chosen if p.level == level),
            key=lambda p: (p.path, p.line or 0, p.message),
        )

    @property
    def errors(self) -> list[Problem]:
        return self.of_level(ERROR)

    @property
    def warnings(self) -> list[Problem]:
        return self.of_level(WARNING)

    @property
    def infos(self) -> list[Problem]:
        return self.of_level(INFO)

    @property
    def reviews(self) -> list[Problem]:
        return self.of_level(REVIEW)


def _withheld(problem: Problem, withheld: Withheld) -> Problem:
    """``problem``, or without its values when every file it is about is one of ``withheld``'s files or
    in one of its folders."""
    files, folders = withheld
    if any(f not in files and not f.startswith(folders) for f in problem.about or (problem.path,)):
        return problem
    return problem.redacted()


def report(problems: list[Problem]) -> str:
    count = len(problems)
    head = f"{count} problem{'s' if count != 1 else ''} in the meeting files:"
    return "\n".join([head] + [f"  {p}" for p in problems])


_NUMBER = re.compile(r"\d+(?:[-/]\d+)*")
_ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def summary(problems: list[Problem]) -> list[str]:
    """Problems of one kind counted together, most frequent first: "32 × '…' is not in people.yml; …".
    A kind is the message with its quoted values and numbers left out."""
    counts: dict[str, int] = {}
    for problem in problems:
        kind = _NUMBER.sub("N", _ISO_DATE.sub("…", _unquoted(problem.message)))
        counts[kind] = counts.get(kind, 0) + 1
    return [f"{n} × {kind}" for kind, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
