"""The ``minutebook`` command.

``minutebook check [PATH] [--config-file mkdocs.yml]`` validates a meetings folder without building
the site, with the site's own plugin options (settings.py): every problem, each with file, line and
fix, and an exit code for CI (0 clean, 1 errors, 2 warnings under ``--strict``).

``minutebook new committee|meeting|paper …`` starts a file with every field explained;
``minutebook schema`` writes the JSON Schema of each kind of file (docs/schemas/).

``minutebook import PATH... [--into DIR]`` turns the text of published agenda packs and minutes
into meeting files (docs/guide/importing.md): 0 when everything was imported, 1 when an input
could not be read or an existing file differs and ``--force`` was not given.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

from minutebook.problems import report

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def check(path: Path | None, strict: bool, verbose: bool, config_file: Path | None = None) -> int:
    """The same checks as a build (format, publication, references, notice, minute numbers,
    redirects), with the site's own options from mkdocs.yml, without rendering a page."""
    from minutebook.build import build, check_settings
    from minutebook.settings import (
        SettingError,
        SiteSettings,
        cache_folder,
        find_config_file,
        from_environment,
        from_options,
        read_site_config,
        site_settings,
    )

    try:
        found = config_file or find_config_file(path.resolve().parent if path else Path.cwd())
        if config_file is not None and not config_file.is_file():
            raise SettingError(f"{config_file}: no such file (--config-file names the site's mkdocs.yml)")
        site = read_site_config(found) if found else None
        options = from_environment(from_options(site.options if site else {}), os.environ)
    except SettingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if site is None:
        settings = SiteSettings()
    else:
        settings = site_settings(site.mkdocs, options, site.docs_dir)
        if verbose:
            print(f"info: the site's options from {site.path}")
    if path is None:
        path = site.path.parent / options.meetings_dir if site else Path(options.meetings_dir)
        if path.resolve().is_relative_to(Path.cwd()):
            path = path.resolve().relative_to(Path.cwd())  # as the officer would type it
    checks = check_settings(options)
    result = build(
        path,
        options.now,
        settings=settings,
        checks=checks,
        history=False,
        render=False,
        cache_dir=cache_folder(options, site.path if site else None, "model"),
    )
    if verbose and result.cache is not None:
        print(f"info: {result.cache.line()}")
    archive, problems = result.archive, result.problems
    if result.checks is not None and (verbose or options.notice_days is not None or options.holidays_region):
        # the site's options override the law of the council's nation: say so
        from minutebook.load.council import law_of

        print(f"info: {checks.describe(law_of(archive))}")
    if verbose:
        for problem in problems.infos:
            print(f"info: {problem}")
    warnings = sorted(problems.warnings + problems.reviews, key=lambda p: (p.path, p.line or 0, p.message))
    for problem in warnings:  # what a build only notes (review) is a warning here: an officer should look
        print(f"warning: {problem}")
    if problems.errors:
        print(report(problems.errors), file=sys.stderr)
        return 1
    items = sum(len(m.items) for m in archive.meetings)
    papers = sum(len(m.papers) for m in archive.meetings)
    print(
        f"{path}: {len(archive.committees)} committees, {len(archive.meetings)} meetings, {items} items, "
        f"{papers} papers: no errors, {len(warnings)} warnings"
    )
    return 2 if strict and warnings else 0


def new(args) -> int:
    from minutebook.devtools.scaffold import ScaffoldError, new_committee, new_council, new_meeting, new_paper

    meetings = args.meetings
    project = meetings.resolve().parent
    added: list[str] = []
    try:
        if args.kind == "council":
            path = new_council(meetings, args.name, args.nation, project)
        elif args.kind == "committee":
            path = new_committee(meetings, args.slug, args.name, project)
        elif args.kind == "meeting":
            path = new_meeting(meetings, args.committee, args.date, project, args.start, args.place)
        else:
            path = new_paper(
                meetings,
                args.committee,
                args.date,
                project,
                args.title,
                args.item,
                args.paper_kind,
                args.parent,
                args.appendix,
                added,
            )
    except ScaffoldError as exc:
        print(f"error: {exc.message}" + (f" — {exc.fix}" if exc.fix else ""), file=sys.stderr)
        return 1
    for line in added:
        print(line)
    print(f"created {path}: fill it in, then run: minutebook check {meetings}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="minutebook", description="Minutebook: committee papers as a website")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate meeting files without building the site")
    check_parser.add_argument(
        "path", nargs="?", type=Path, help="the meetings folder (default: meetings_dir of the site's mkdocs.yml)"
    )
    check_parser.add_argument(
        "-f",
        "--config-file",
        type=Path,
        metavar="FILE",
        help="the site's mkdocs.yml (default: the one beside PATH, or in this folder)",
    )
    check_parser.add_argument("--strict", action="store_true", help="exit non-zero on warnings too")
    check_parser.add_argument("-v", "--verbose", action="store_true", help="also list information messages")
    import_parser = commands.add_parser(
        "import", help="turn the text of published agenda packs and minutes into meeting files"
    )
    import_parser.add_argument(
        "paths", nargs="+", type=Path, metavar="PATH", help="text files of packs (or folders of them)"
    )
    import_parser.add_argument(
        "--into", type=Path, default=Path("meetings"), help="the meetings folder to write into (default: meetings)"
    )
    import_parser.add_argument("--force", action="store_true", help="overwrite existing files that differ")
    import_parser.add_argument("--dry-run", action="store_true", help="report what would be written; write nothing")
    import_parser.add_argument("--committee", metavar="SLUG", help="the committee folder to use for every meeting")
    import_parser.add_argument("--report", type=Path, metavar="FILE", help="also save the report to FILE")
    import_parser.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    demo_parser = commands.add_parser("demo", help="write a synthetic archive (for benchmarks and scale tests)")
    demo_parser.add_argument("--into", required=True, type=Path, help="the folder to write (emptied first)")
    demo_parser.add_argument("--committees", type=int, default=3)
    demo_parser.add_argument("--years", type=int, default=2, help="municipal years per committee")
    demo_parser.add_argument("--seed", type=int, default=1)
    demo_parser.add_argument(
        "--from",
        dest="sample",
        type=Path,
        default=Path("meetings"),
        help="the archive whose words are used (default: meetings)",
    )
    new_parser = commands.add_parser(
        "new", help="start a council, committee, meeting or paper file, every field explained"
    )
    new_kinds = new_parser.add_subparsers(dest="kind", required=True)
    council = new_kinds.add_parser("council", help="start meetings/council.yml")
    council.add_argument("--meetings", type=Path, default=Path("meetings"), help="the meetings folder")
    council.add_argument("--name", required=True, help="the council's name, e.g. Coventry City Council")
    council.add_argument("--nation", default="england", help="england, wales, scotland or northern-ireland")
    for kind in ("committee", "meeting", "paper"):
        sub = new_kinds.add_parser(kind, help=f"start a {kind} file")
        sub.add_argument("--meetings", type=Path, default=Path("meetings"), help="the meetings folder")
        if kind == "committee":
            sub.add_argument("--slug", required=True, help="the folder name, e.g. audit-committee")
            sub.add_argument("--name", required=True, help="the committee's full name")
        else:
            sub.add_argument("--committee", required=True, metavar="SLUG")
            sub.add_argument("--date", required=True, metavar="YYYY-MM-DD")
        if kind == "meeting":
            sub.add_argument("--start", default="", metavar="HH:MM")
            sub.add_argument("--place", default="")
        if kind == "paper":
            sub.add_argument("--title", required=True)
            sub.add_argument("--item", default="", help="the agenda number it belongs to")
            sub.add_argument("--kind", dest="paper_kind", default="report")
            sub.add_argument("--parent", default="", help="appendices: the main paper's file name")
            sub.add_argument("--appendix", default="", help="appendices: the label, 1 or A")
    schema_parser = commands.add_parser("schema", help="write the JSON Schema of every kind of front matter")
    schema_parser.add_argument("--into", type=Path, default=Path("docs") / "schemas")
    args = parser.parse_args(argv)
    if args.command == "new":
        return new(args)
    if args.command == "schema":
        from minutebook.load.formats import schemas

        args.into.mkdir(parents=True, exist_ok=True)
        for kind, schema in schemas().items():
            (args.into / f"{kind}.schema.json").write_text(json.dumps(schema, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {len(schemas())} schemas into {args.into}")
        return 0
    if args.command == "demo":
        from minutebook.devtools.demo import generate

        try:
            counts = generate(args.into, args.committees, args.years, args.seed, args.sample)
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(f"{args.into}: " + ", ".join(f"{n} {what}" for what, n in counts.items()))
        return 0
    if args.command == "check":
        return check(args.path, args.strict, args.verbose, args.config_file)
    if args.command == "import":
        from minutebook.importer import run_import

        if args.committee and not SLUG.match(args.committee):
            print(
                f"error: --committee {args.committee!r} is not a folder name: use lower-case letters, digits "
                "and hyphens (like education-childrens-services)",
                file=sys.stderr,
            )
            return 2
        return run_import(
            args.paths,
            args.into,
            force=args.force,
            dry_run=args.dry_run,
            committee=args.committee,
            report_path=args.report,
            quiet=args.quiet,
        )
    return 2  # pragma: no cover


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
