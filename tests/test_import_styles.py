"""`minutebook import` on packs in four house styles of invented councils, scored against facts read by hand.

Each style (tests/fixtures/import/styles/<style>_*.txt) has its facts in <style>_facts.json. The packs are
imported with the real CLI into an empty folder, built with MkDocs, and the built site's open data
(api/meetings.json), the council.yml the import wrote and the written files are compared with the facts,
as the seed facts are scored in test_import.py. The same packs are also made into PDFs (A4, running
header and footer, page numbers, a page per section, tables) and imported from the PDF.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from helpers import fixture_project, minutebook, mkdocs_build

STYLES_DIR = Path(__file__).resolve().parent / "fixtures" / "import" / "styles"
STYLES = sorted(p.name.removesuffix("_facts.json") for p in STYLES_DIR.glob("*_facts.json"))
TARGET = 0.95
RESULTS: dict[tuple[str, str], tuple[int, int]] = {}
SCHEME_DEFAULTS = {"minute_numbers": "{number}/{yy}", "numbers_restart": "year"}
# packs whose PDF does not yet import to the very files their text does (their text and PDF scores are still
# asserted): kestmoor's text copy is hard-wrapped with hanging indents, and the PDF's line rejoining reads a few
# of its paragraphs differently from the text's ("… ends on" / "31 March 2028. If …" is split in the PDF at the
# date; "Cabinet member: … Transport" / "Electoral divisions affected: All" is read as one wrapped line of the
# field). (aldermoor's front sheet, a contact line over its e-mail address, was one until stop 32: its text
# now runs the line on after "Contact" as the PDF does)
# brackenfold's text copy keeps a left margin and hanging indents the PDF loses, and its PDF's line rejoining
# ends a few paragraphs at a sentence that ends a printed line ("… outweigh these benefits." / "No adverse …")
# calderwick's and inverbrae's PDFs lose a lettered or bulleted entry's hanging indent (an entry split where a
# printed line ends), and their PDF tables under a rule of dashes are read cell by cell of the PDF's own grid
# tollerby's PDF loses its bullets' and lettered entries' hanging indents, so a few entries are split where a
# printed line ends in ";" or "and", and an unmapped bullet glyph "(cid:127)" is read inside a line
# strathmuir's, halsey's and llanfor's PDFs lose hanging indents and columns set with spaces that their text copies
# keep (a "Sederunt:" list under its label, a minute's text under its number, a cover sheet's values under their
# column), so a few paragraphs are joined or split differently
PDF_FILES_DIFFER = {"brackenfold", "calderwick", "halsey", "inverbrae", "kestmoor", "llanfor", "strathmuir", "tollerby"}
# the facts the importer still misses (the same from text and from PDF, unless said), each for a human to add by hand
KNOWN_MISSES = {
    # the place printed in English and Welsh on one line is kept as printed, both languages
    "penmorfa": {"licensing/2025-03-06: place"},
    # the minute after "Exclusion of the Press and Public" is written as a private minute (its text withheld, and a
    # warning to check that the minutes were not published in full): the safe reading, which a human overrides
    # by removing 'private' where, as here, the published minutes print the decision in full
    # "Independent Member: Mrs P. Lindqvist" printed under the councillors present is read as part of the entry above
    # it (the report says so); from the PDF only, item 7's title wrapped at the margin under "(Pages 24 - 25)" loses
    # its second line (a line at the margin under a title may as well be the item's description)
    "tollerby": {
        "audit-governance/2025-04-08: present includes Lindqvist",
        "audit-governance/2025-07-22: agenda 7 title",
    },
    # from the PDF only, inverbrae's "1) To agree to close the following actions:" over its bullets loses the
    # bullets' indent, so each bullet is read as a decision of its own (6 where 3 are printed); and its text's
    # footer "… – 20 November 2025   Page 16" is no page break to the PDF writer (tests/pdfpacks.py), which leaves
    # out the committee's name under it too: the report of item 7.1 starts mid-page under the table of the page
    # before, with no heading that starts a paper, and is read as part of the business bulletin
    "inverbrae": {
        "transport-environment-climate/2025-09-18: minute 3 resolutions",
        "transport-environment-climate/2025-11-20: agenda 7.1 papers",
        "transport-environment-climate/2025-11-20: agenda 7.1 paper authors",
    },
    # "A-M Docherty, Chief Officer – Legal and Governance (Monitoring Officer); R Menzies, …" in the minutes' "In
    # attendance:" is left out from a hyphenated initial on (the report names the line)
    "strathmuir": {
        "council/2025-10-30: officers includes Docherty",
        "council/2025-10-30: officers includes Menzies",
        "council/2025-10-30: officers includes Boyle",
    },
    # a minute's text in a hanging indent with a list of grants and their amounts in columns inside it is read
    # as a table of the paragraph's lines, so its two RESOLVED lines (and minute 040's one) are not seen
    "llanfor": {
        "finance-general-purposes/2025-04-14: minute FGP/24/25/036 resolutions",
        "finance-general-purposes/2025-04-14: minute FGP/24/25/036 decision text",
        "finance-general-purposes/2025-04-14: minute FGP/24/25/040 resolutions",
        "finance-general-purposes/2025-04-14: minute FGP/24/25/040 decision text",
    },
    # from the PDF only: the first report's title, under the council's name and over its "Report of:" field, is
    # not read as the title over the cover sheet, so item 5's paper is not found (the text's is)
    "halsey": {
        "licensing-regulatory/2025-11-11: agenda 5 papers",
        "licensing-regulatory/2025-11-11: agenda 5 paper authors",
    },
    "kestmoor": {
        "cabinet/2025-02-12: minute C/2024/64 resolutions",
        "cabinet/2025-02-12: minute C/2024/64 decision text",
    },
}


def facts(style: str) -> dict:
    return json.loads((STYLES_DIR / f"{style}_facts.json").read_text(encoding="utf-8"))


def import_and_build(style: str, inputs: list[Path], root: Path) -> tuple[dict, Path, str]:
    meetings = root / "meetings"
    root.mkdir(parents=True, exist_ok=True)
    result = minutebook("import", *map(str, inputs), "--into", str(meetings), cwd=root)
    out = result.stdout + result.stderr
    assert "Traceback" not in out, out
    assert result.returncode == 0, out
    project = root / "project"
    config = fixture_project(project, {})
    shutil.rmtree(project / "meetings", ignore_errors=True)
    shutil.copytree(meetings, project / "meetings")
    built = mkdocs_build(config, project / "site", strict=False)
    assert built.returncode == 0, built.stderr
    assert "Traceback" not in built.stderr
    data = json.loads((project / "site" / "api" / "meetings.json").read_text(encoding="utf-8"))
    return data, meetings, out


def _surnames(entries) -> list[str]:
    return [a["name"].split()[-1] for a in entries]


def _paper_front(folder: Path, number: str) -> dict | None:
    """The front matter of item ``number``'s paper (not an appendix) as written; None without one."""
    from minutebook.load.yamlio import load

    for path in sorted((folder / "papers").glob("*.md")):
        front = load(path.read_text(encoding="utf-8").split("---\n")[1]) or {}
        if str(front.get("item")) == number and front.get("kind") != "appendix":
            return front
    return None


def _paper_authors(folder: Path, number: str) -> list[str] | None:
    """The surnames of the authors of item ``number``'s paper; None without a paper."""
    front = _paper_front(folder, number)
    return None if front is None else _surnames(front.get("authors") or [])


def _paper_presenter(folder: Path, number: str) -> str | None:
    """The surname of whoever presents item ``number``'s paper (its ``presented_by``), or None."""
    front = _paper_front(folder, number) or {}
    return _surnames([front["presented_by"]])[0] if front.get("presented_by") else None


def _score_decisions(check, label: str, want: dict, found: dict) -> None:
    """Votes, an executive decision and a planning application, where the facts give them."""
    if "votes" in want:
        votes = found.get("votes") or []
        check(f"{label} number of recorded votes", len(want["votes"]), len(votes))
        for n, (vote, got) in enumerate(zip(want["votes"], votes, strict=False), start=1):
            check(f"{label} vote {n} result", vote["result"], got["result"])
            check(f"{label} vote {n} counts", vote["counts"], got["counts"])
            for way in ("for", "against", "abstain"):
                check(f"{label} vote {n} {way}", sorted(vote[way]), sorted(_surnames(got.get(way, []))))
    if "decision" in want:
        got = found.get("decision") or {}
        for key, value in want["decision"].items():
            check(f"{label} decision {key}", value, got.get(key))
    if "application" in want:
        got = found.get("application") or {}
        for key, value in want["application"].items():
            have = got.get(key)
            check(f"{label} application {key}", value, len(have or []) if key in ("conditions", "reasons") else have)


def score(style: str, data: dict, meetings: Path) -> list[tuple[str, object, object, bool]]:
    want_all = facts(style)
    results: list[tuple[str, object, object, bool]] = []

    def check(what, want, got, ok=None):
        results.append((what, want, got, want == got if ok is None else ok))

    from minutebook.load.yamlio import load

    council_file = meetings / "council.yml"
    council = load(council_file.read_text(encoding="utf-8")) if council_file.is_file() else {}
    check("council.yml: nation", want_all["council"]["nation"], (council or {}).get("nation", "england"))
    for slug, scheme in want_all["council"]["committees"].items():
        got = ((council or {}).get("committees") or {}).get(slug) or {}
        for key, value in scheme.items():
            # a key council.yml leaves out has the format's default, as the nation does (meeting-files.md)
            check(f"council.yml: {slug} {key}", value, got.get(key, SCHEME_DEFAULTS.get(key)))
    written = "\n".join(p.read_text(encoding="utf-8") for p in meetings.rglob("*.md"))
    for text in want_all.get("furniture", []):
        check(f"page furniture '{text}' removed", 0, written.count(text))
    by_id = {m["id"]: m for m in data["meetings"]}
    check("no meetings beyond those read", sorted(want_all["meetings"]), sorted(by_id))
    for key, want in want_all["meetings"].items():
        got = by_id.get(key)
        check(f"{key}: exists", True, got is not None)
        start = len(results)
        if got is None:  # every fact of a meeting not found is a miss, not left out of the count
            got = dict.fromkeys(("start", "place", "published", "closed", "minutes_approved"))
            got.update(items=[], attendance={}, declarations=[])
        for field in ("start", "place", "published", "closed"):
            check(f"{key}: {field}", want[field], got[field])
        if "minutes_approved" in want:
            check(f"{key}: minutes approved", want["minutes_approved"], got["minutes_approved"])
        agenda = {i["agenda_number"]: i for i in got["items"] if i["agenda_number"]}
        check(f"{key}: agenda numbers", list(want["agenda"]), list(agenda))
        for number, item in want["agenda"].items():
            found = agenda.get(number, {})
            check(f"{key}: agenda {number} title", item["title"], found.get("title"))
            check(f"{key}: agenda {number} pages", item["pages"], found.get("pages"))
            check(
                f"{key}: agenda {number} private",
                item.get("private"),
                found.get("exempt_paragraph") if found.get("private") else None,
            )
            _score_decisions(check, f"{key}: agenda {number}", item, found)
        for number, papers in want["papers"].items():
            found = agenda.get(number, {})
            check(
                f"{key}: agenda {number} papers",
                [list(p) for p in papers],
                [[p["title"], p.get("appendix")] for p in found.get("papers", [])],
            )
        for number, names in want.get("authors", {}).items():
            # the authors a cover sheet names ("Author:", "Report Author:"), as the paper's authors
            check(f"{key}: agenda {number} paper authors", names, _paper_authors(meetings / key, number))
        for number, name in want.get("presented", {}).items():
            # "Presented by:" on a cover sheet that also names the author: who presents it at the meeting
            check(f"{key}: agenda {number} paper presenter", name, _paper_presenter(meetings / key, number))
        minutes = {i["minute"]: i for i in got["items"] if i["minute"]}
        check(f"{key}: minute numbers", list(want["minutes"]), list(minutes))
        for printed, minute in want["minutes"].items():
            found = minutes.get(printed, {})
            check(f"{key}: minute {printed} title", minute["title"], found.get("title"))
            if "private" in minute:
                check(
                    f"{key}: minute {printed} private",
                    minute["private"],
                    found.get("exempt_paragraph") if found.get("private") else None,
                )
                continue
            # the decisions recorded under the minute, its lettered parts' included ("(b) Report by …" over the
            # decision of the whole item)
            decided = list(found.get("resolutions", [])) + [
                r for part in found.get("parts") or [] for r in part.get("resolutions", [])
            ]
            check(f"{key}: minute {printed} resolutions", minute["resolutions"], len(decided))
            _score_decisions(check, f"{key}: minute {printed}", minute, found)
            if "first_resolution" in minute:
                first = (decided or [{"text": ""}])[0]
                text = first["text"] if isinstance(first, dict) else first
                check(
                    f"{key}: minute {printed} decision text",
                    True,
                    text.startswith(minute["first_resolution"]),
                    text.startswith(minute["first_resolution"]),
                )
        attendance = got["attendance"]
        for group in sorted(set(attendance) | set(want["attendance"])):
            want_names = want["attendance"].get(group, [])
            have = _surnames(attendance.get(group, []))
            missing = Counter(want_names) - Counter(have)
            for name in want_names:
                check(f"{key}: {group} includes {name}", True, missing[name] == 0)
            check(f"{key}: {group} has no one else", [], sorted((Counter(have) - Counter(want_names)).elements()))
        substitutes = {
            a["name"].split()[-1]: (a.get("for") or "").split()[-1:] for a in attendance.get("substitutions", [])
        }
        for name, instead in want.get("substitutes", {}).items():
            check(f"{key}: {name} substitutes for {instead}", [instead], substitutes.get(name))
        declared = sorted([d["name"].split()[-1], d["minute"]] for d in got["declarations"])
        check(f"{key}: declarations", sorted(want["declarations"]), declared)
        if by_id.get(key) is None:
            results[start:] = [(what, want_, "(meeting not found)", False) for what, want_, _, _ in results[start:]]
    return results


def report(style: str, kind: str, results, capsys) -> None:
    misses = [r for r in results if not r[3]]
    right = len(results) - len(misses)
    RESULTS[(style, kind)] = (right, len(results))
    with capsys.disabled():
        print(f"\n{style} ({kind}): {right}/{len(results)} facts right ({100 * right / len(results):.1f} %)")
        for what, want, got, _ in misses:
            print(f"  MISS {what}: expected {want!r}, got {got!r}")
    assert right / len(results) >= TARGET, misses
    # every other fact is read: a fact read today and lost tomorrow fails here, whatever the style's total
    unknown = [m for m in misses if m[0] not in KNOWN_MISSES.get(style, set())]
    assert not unknown, unknown


@pytest.mark.parametrize("style", STYLES)
def test_house_style_from_text(style, tmp_path, capsys):
    inputs = [STYLES_DIR / name for name in facts(style)["files"]]
    data, meetings, _ = import_and_build(style, inputs, tmp_path)
    report(style, "text", score(style, data, meetings), capsys)


def test_there_are_four_styles_and_one_full_length_pack():
    assert len(STYLES) >= 4
    lengths = [
        len((STYLES_DIR / n).read_text(encoding="utf-8").splitlines()) for s in STYLES for n in facts(s)["files"]
    ]
    assert max(lengths) >= 800


@pytest.mark.parametrize("style", STYLES)
def test_house_style_from_pdf(style, tmp_path, capsys):
    from pdfpacks import write_pdf

    want = facts(style)
    pdfs = [
        write_pdf(STYLES_DIR / name, tmp_path / f"{Path(name).stem}.pdf", want["furniture"]) for name in want["files"]
    ]
    data, meetings, _ = import_and_build(style, pdfs, tmp_path / "from-pdf")
    report(style, "pdf", score(style, data, meetings), capsys)


@pytest.mark.parametrize("style", STYLES)
def test_pdf_and_text_give_the_same_meeting_files(style, tmp_path, request):
    """A pack's PDF (bold headings, wrapped lines, ruled tables, page furniture) imports to the very files
    its text does: minutes, agendas, papers, appendices, council.yml."""
    if style in PDF_FILES_DIFFER:  # still compared: strict, so the day they match this test says so
        request.applymarker(pytest.mark.xfail(strict=True, reason=f"{style}: PDF_FILES_DIFFER"))
    from pdfpacks import write_pdf

    want = facts(style)
    texts = [STYLES_DIR / name for name in want["files"]]
    pdfs = [write_pdf(t, tmp_path / f"{t.stem}.pdf", want["furniture"]) for t in texts]
    for sources, into in ((texts, tmp_path / "a"), (pdfs, tmp_path / "b")):
        result = minutebook("import", *map(str, sources), "--into", str(into), "-q", cwd=tmp_path)
        assert result.returncode == 0, result.stdout
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert any(f.parts[-2:-1] == ("papers",) for f in files) or style != "eastmarsh"
    for rel in files:
        assert (tmp_path / "a" / rel).read_text(encoding="utf-8") == (tmp_path / "b" / rel).read_text(
            encoding="utf-8"
        ), rel


def test_a_folder_of_pdfs_and_a_scan_without_text(tmp_path):
    from pdfpacks import write_image_only_pdf, write_pdf

    folder = tmp_path / "packs"
    folder.mkdir()
    want = facts("glanafon")
    write_pdf(STYLES_DIR / want["files"][0], folder / "planning-2022-11-16.pdf", want["furniture"])
    write_image_only_pdf(folder / "scan.pdf")
    (folder / "renamed.txt").write_bytes((folder / "scan.pdf").read_bytes())
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\nnot really\n")
    result = minutebook("import", str(folder), "--into", str(tmp_path / "meetings"), cwd=tmp_path)
    out = result.stdout + result.stderr
    assert "Traceback" not in out
    assert result.returncode == 1
    assert "scan.pdf: has no text layer (it is a scanned image): it needs OCR" in out and "ocrmypdf" in out
    assert "renamed.txt:1: is a PDF file with another name" in out
    assert "broken.pdf: cannot be read as a PDF" in out
    assert "Imported 1 of 4 files" in out
    assert (tmp_path / "meetings" / "planning" / "2022-10-19" / "minutes.md").is_file()


def test_a_presenter_besides_the_author_is_on_the_paper_page(tmp_path):
    """Wyvern Bay's cover sheets name who presents each report ("Presented by: Dr Ngozi Abara, Director of Public
    Health") and its author ("Author: Tobias Wren, …"): the paper's page lists the author and says who presents it."""
    inputs = [STYLES_DIR / name for name in facts("wyvernbay")["files"]]
    import_and_build("wyvernbay", inputs, tmp_path)
    pages = sorted(
        (tmp_path / "project" / "site" / "health-wellbeing" / "2024-11-21").glob("*/joint-local-health/index.html")
    )
    assert len(pages) == 1, pages
    text = " ".join(re.sub(r"<[^>]+>", " ", pages[0].read_text(encoding="utf-8")).split())
    assert "Tobias Wren Consultant in Public Health" in text
    assert "Presented at the meeting by Dr Ngozi Abara , Director of Public Health." in text
