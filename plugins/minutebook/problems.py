"""Problems found in the archive: every one names a file, a line where known, and what to fix.

The loader collects problems instead of raising at the first one, so an officer sees every
mistake in one run. Levels: ``error`` stops a build, ``warning`` stops a ``--strict`` build,
``info`` is only reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

ERROR = "error"
WARNING = "warning"
INFO = "info"


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    message: str
    fix: str = ""
    level: str = ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.message}"
        if self.fix:
            text += f" — {self.fix}"
        return text


@dataclass
class Problems:
    """A collector of problems, sorted by file and line when reported."""

    root: Path | None = None
    items: list[Problem] = field(default_factory=list)

    def rel(self, path: Path | str) -> str:
        path = Path(path)
        if self.root is not None:
            try:
                return path.relative_to(self.root.parent).as_posix()
            except ValueError:
                pass
        return path.as_posix()

    def add(self, path, line, message, fix="", level=ERROR) -> None:
        self.items.append(Problem(self.rel(path), line, message, fix, level))

    def error(self, path, line, message, fix="") -> None:
        self.add(path, line, message, fix, ERROR)

    def warning(self, path, line, message, fix="") -> None:
        self.add(path, line, message, fix, WARNING)

    def info(self, path, line, message, fix="") -> None:
        self.add(path, line, message, fix, INFO)

    def of_level(self, level: str) -> list[Problem]:
        return sorted(
            (p for p in self.items if p.level == level),
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


def report(problems: list[Problem]) -> str:
    count = len(problems)
    head = f"{count} problem{'s' if count != 1 else ''} in the meeting files:"
    return "\n".join([head] + [f"  {p}" for p in problems])
