"""The importer's report: every uncertain decision with its source file and line, errors, counts.

Warnings are decisions a person should check ("joined this table row…", "minute 74 matches no
agenda item"); errors are input that could not be read at all. The summary counts what was made
and what happened to each output file.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Note:
    source: str
    line: int | None
    message: str
    fix: str = ""

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.message}" + (f" — {self.fix}" if self.fix else "")


@dataclass
class Report:
    warnings: list[Note] = field(default_factory=list)
    errors: list[Note] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    files: dict[str, str] = field(default_factory=dict)  # output path -> new / changed / unchanged / differs
    diffs: dict[str, list[str]] = field(default_factory=dict)
    failed: set = field(default_factory=set)  # input files with an error
    quiet: bool = False

    def warn(self, source: str, line: int | None, message: str, fix: str = "") -> None:
        note = Note(source, line, message, fix)
        if note not in self.warnings:
            self.warnings.append(note)

    def error(self, source: str, line: int | None, message: str, fix: str = "") -> None:
        self.errors.append(Note(source, line, message, fix))

    def progress(self, text: str) -> None:
        if not self.quiet:
            print(text, file=sys.stderr, flush=True)

    def sorted_warnings(self) -> list[Note]:
        return sorted(self.warnings, key=lambda n: (n.source, n.line or 0, n.message))

    def text(self, dry_run: bool = False) -> str:
        out = []
        if self.errors:
            out.append(
                f"{len(self.errors)} error{'s' if len(self.errors) != 1 else ''}: "
                f"{len(self.failed)} input file{'s' if len(self.failed) != 1 else ''} not imported, "
                "or not whole:"
            )
            out.extend(f"  error: {e}" for e in self.errors)
            out.append("")
        warnings = self.sorted_warnings()
        if warnings:
            out.append(f"{len(warnings)} uncertain decision{'s' if len(warnings) != 1 else ''} to check:")
            out.extend(f"  warning: {w}" for w in warnings)
            out.append("")
        states = Counter(self.files.values())
        differs = sorted(p for p, s in self.files.items() if s == "differs")
        if differs:
            out.append(
                f"{len(differs)} existing file{'s' if len(differs) != 1 else ''} differ from the import "
                "and were not changed (run again with --force to overwrite):"
            )
            for path in differs:
                out.append(f"  {path}")
                out.extend(f"    {line}" for line in self.diffs.get(path, []))
            out.append("")
        c = self.counts
        out.append(
            f"Imported {c['inputs'] - len(self.failed)} of {c['inputs']} files: {c['meetings']} meetings, "
            f"{c['items']} agenda items, {c['minutes']} minutes, {c['papers']} papers, {c['programmes']} "
            f"work programmes, {c['trackers']} trackers; {len(warnings)} warnings, {len(self.errors)} errors."
        )
        parts = []
        for state, label in (
            ("new", "new"),
            ("changed", "changed"),
            ("unchanged", "unchanged"),
            ("differs", "left as they are (different)"),
        ):
            if states[state]:
                parts.append(f"{states[state]} {label}")
        if parts:
            out.append(("Files the import would write: " if dry_run else "Files: ") + ", ".join(parts) + ".")
        if dry_run:
            out.append("Dry run: no file was written.")
        elif states["new"] + states["changed"] == 0 and not differs and not self.errors:
            out.append("No changes: every file is already as imported.")
        return "\n".join(out)
