"""The ``minutebook`` command.

``minutebook check [PATH]`` validates a meetings folder without building the site: every problem,
each with file, line and fix, and an exit code for CI (0 clean, 1 errors, 2 warnings under
``--strict``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .links import link_archive
from .loader import load_archive
from .problems import report


def check(path: Path, strict: bool, verbose: bool) -> int:
    archive, problems = load_archive(path)
    if not problems.errors:
        link_archive(archive, problems)
    if verbose:
        for problem in problems.infos:
            print(f"info: {problem}")
    for problem in problems.warnings:
        print(f"warning: {problem}")
    if problems.errors:
        print(report(problems.errors), file=sys.stderr)
        return 1
    items = sum(len(m.items) for m in archive.meetings)
    papers = sum(len(m.papers) for m in archive.meetings)
    print(f"{path}: {len(archive.committees)} committees, {len(archive.meetings)} meetings, {items} items, "
          f"{papers} papers: no errors, {len(problems.warnings)} warnings")
    return 2 if strict and problems.warnings else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="minutebook", description="Minutebook: committee papers as a website")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate meeting files without building the site")
    check_parser.add_argument("path", nargs="?", default="meetings", type=Path)
    check_parser.add_argument("--strict", action="store_true", help="exit non-zero on warnings too")
    check_parser.add_argument("-v", "--verbose", action="store_true", help="also list information messages")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.path, args.strict, args.verbose)
    return 2  # pragma: no cover


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
