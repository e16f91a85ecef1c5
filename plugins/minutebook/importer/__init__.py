"""``minutebook import``: the text of published agenda packs and minutes → meeting files.

Each input file (the text extracted from a PDF pack) is read (:mod:`.source`), cleaned
(:mod:`.clean`), split into its parts (:mod:`.split`): an agenda front sheet (:mod:`.agenda`),
minutes (:mod:`.minutes`, :mod:`.attendance`), papers and appendices (:mod:`.papers`, with
:mod:`.body` and :mod:`.tables`), a work programme (:mod:`.programme`) and an outstanding-issues
tracker (:mod:`.tracker`). :mod:`.assemble` puts the parts of all packs together by committee and
meeting, :mod:`.people` decides who needs a people.yml entry, :mod:`.writer` writes the files and
:mod:`.report` lists every uncertain decision with its file and line.

The guide is docs/guide/importing.md.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from minutebook.importer import writer
from minutebook.importer.agenda import read_front_sheet
from minutebook.importer.assemble import Assembler
from minutebook.importer.clean import clean
from minutebook.importer.fallbacks import looks_like_minutes, paper_meeting
from minutebook.importer.minutes import read_minutes
from minutebook.importer.papers import read_paper
from minutebook.importer.people import PeopleBook
from minutebook.importer.programme import read_programme
from minutebook.importer.report import Report
from minutebook.importer.source import Unreadable, read_text
from minutebook.importer.split import Part, split_pack

INPUT_SUFFIXES = (".txt", ".md", ".text", ".pdf")
# the law of exempt information a pack cites says which nation's council printed it
NATION_CITES = (
    ("scotland", re.compile(r"Schedule 7A|Local Government \(Scotland\) Act", re.I)),
    (
        "wales",
        re.compile(
            r"Part 4 of Schedule 12A|paragraphs? 1[2-8] of (?:Part 4 of )?Schedule 12A|\(Wales\) (?:Act|Measure)\b"
            # the council's own name in Welsh ("Cyngor Tref Llanfor", "Cyngor Sir …"): a Welsh council
            r"|\bCyngor (?:Tref|Cymuned|Sir|Bwrdeistref Sirol|Dinas)\b",
            re.I,
        ),
    ),
    ("northern-ireland", re.compile(r"Local Government Act \(Northern Ireland\) 2014", re.I)),
    ("england", re.compile(r"Part 1 of Schedule 12A|paragraphs? [1-7] of (?:Part 1 of )?Schedule 12A", re.I)),
)


def _inputs(paths: list[Path], report: Report) -> list[tuple[Path, str]]:
    found: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES)
            if not inside:
                report.error(
                    _shown(path),
                    None,
                    "is a folder with no .pdf or .txt files in it",
                    "give the PDF packs or their text files",
                )
                report.failed.add(_shown(path))
                report.counts["inputs"] += 1
            found.extend((p, _shown(p)) for p in inside)
        elif not path.exists():
            report.error(_shown(path), None, "does not exist", "check the file name")
            report.failed.add(_shown(path))
            report.counts["inputs"] += 1
        else:
            found.append((path, _shown(path)))
    return found


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def _cited_law(source, assembler: Assembler) -> None:
    for line in source.lines:
        for nation, pattern in NATION_CITES:
            if pattern.search(line.text):
                assembler.nations.setdefault(nation, (source.name, line.no))
                break


def import_pack(name: str, text: str, assembler: Assembler, report: Report, people: PeopleBook) -> None:
    source = clean(name, text)
    _cited_law(source, assembler)
    parts = split_pack(source, report)
    if not parts and looks_like_minutes(source.lines):
        # no part in a layout the import knows, but a date near the top and a run of numbered headings
        parts = [Part("minutes", source.lines)]
        first = next((line.no for line in source.lines if line.text.strip()), None)
        report.warn(
            name,
            first,
            "no front sheet, minutes heading or paper in a layout the import knows: read as minutes, "
            "from its first dated line and its numbered headings",
            "check the committee, date and minutes written from it",
        )
    if not parts:
        report.error(
            name,
            None,
            "no agenda front sheet, minutes, paper or work programme was recognised",
            "check that this is the text of a published agenda pack or minutes",
        )
        return
    agenda = None
    documents: list = []
    paper_parts: list = []  # (paper, its part): a paper without its agenda finds its meeting in its own lines
    for part in parts:
        if part.kind == "front":
            found = read_front_sheet(part, source, report)
            if found is not None and agenda is not None:
                report.warn(
                    name,
                    part.line,
                    "a second agenda front sheet in the same file was left out",
                    "import each pack from a file of its own",
                )
            elif found is not None:
                agenda = found
        elif part.kind == "minutes":
            minutes = read_minutes(part, source, report, people, assembler.council)
            if minutes is not None:
                documents.append(minutes)
        elif part.kind == "paper":
            documents.append(read_paper(part, source, report))
            paper_parts.append((documents[-1], part))
        elif part.kind == "programme":
            programme = read_programme(part, source, report)
            if programme is not None:
                documents.append(programme)
    if agenda is None and not documents:
        if not any(e.source == name for e in report.errors):
            report.error(
                name,
                parts[0].line,
                "nothing could be read from it: the parts it seems to have are incomplete",
                "check that this is the whole text of the pack",
            )
        return
    if agenda is None:
        for doc, part in paper_parts:
            if doc.date is None or not doc.to:
                paper_meeting(doc, part.lines, source, report)
    assembler.add_pack(name, agenda, documents)


def run_import(
    paths: list[Path],
    into: Path,
    force: bool = False,
    dry_run: bool = False,
    committee: str | None = None,
    report_path: Path | None = None,
    quiet: bool = False,
) -> int:
    report = Report(quiet=quiet)
    people = PeopleBook()
    assembler = Assembler(report, people, committee, _existing_council(into, report))
    inputs = _inputs(paths, report)
    report.counts["inputs"] += len(inputs)
    for n, (path, name) in enumerate(inputs, start=1):
        if len(inputs) > 1:
            report.progress(f"[{n}/{len(inputs)}] {name}")
        try:
            text = read_text(path)
        except Unreadable as exc:
            report.error(name, exc.line, exc.message, exc.fix)
            report.failed.add(name)
            continue
        errors_before = len(report.errors)
        try:
            import_pack(name, text, assembler, report, people)
        except Exception as exc:  # no traceback for the officer, ever: name the file and carry on
            report.error(
                name,
                None,
                f"could not be imported because of an unexpected problem ({type(exc).__name__}: {exc})",
                "please report it to the Minutebook maintainers with the file",
            )
        if len(report.errors) > errors_before:
            report.failed.add(name)
    assembly = assembler.finish()
    existing_people = _existing_people(into / "people.yml", report)
    entries, added = people.entries(existing_people, report)
    files = writer.render(assembly, entries if added else None, into)
    _count(report, assembly)
    writer.apply(files, force, dry_run, report, into.parent)
    text = report.text(dry_run=dry_run)
    print(text)
    if report_path is not None:
        try:
            report_path.write_text(text + "\n", encoding="utf-8")
        except OSError as exc:
            print(f"error: the report could not be written to {report_path} ({exc.strerror or exc})")
            return 1
    differs = any(state == "differs" for state in report.files.values())
    return 1 if report.errors or differs else 0


def _existing_council(into: Path, report: Report):
    """The target archive's council.yml (read as the build reads it), or None."""
    from minutebook.load.council import COUNCIL_FILE, read_council
    from minutebook.problems import Problems

    if not (into / COUNCIL_FILE).is_file():
        return None
    problems = Problems(root=into)
    council = read_council(into, problems)
    for problem in problems.items:
        report.warn(str(into / COUNCIL_FILE), problem.line, problem.message, problem.fix)
    return council


def _existing_people(path: Path, report: Report) -> dict:
    if not path.is_file():
        return {}
    from minutebook.load.yamlio import YAMLProblem, load

    try:
        data = load(path.read_text(encoding="utf-8"))
    except (YAMLProblem, OSError, UnicodeDecodeError) as exc:
        report.warn(
            str(path),
            getattr(exc, "line", None),
            "the existing people.yml cannot be read; it is left as it is",
            "fix it with `minutebook check`",
        )
        return {}
    return {k: dict(v) for k, v in (data or {}).items() if isinstance(v, dict)}


def _count(report: Report, assembly) -> None:
    c = report.counts
    c["meetings"] = len(assembly.meetings)
    for meeting in assembly.meetings.values():
        c["items"] += len(meeting.agenda.items) if meeting.agenda else 0
        c["minutes"] += len(meeting.minutes.minutes) if meeting.minutes else 0
        c["papers"] += len(meeting.papers)
    c["programmes"] = len(assembly.programmes)
    c["trackers"] = len(assembly.trackers)
