"""`minutebook import` reads a pack the same however its text was saved or typed.

Every house-style pack (tests/fixtures/import/styles) is imported as written and again after one change that
a council's own copy of the same papers often has: Windows line ends, spaces left at the ends of lines, every
line indented (a text export that keeps the page margin), table columns printed with spaces where the PDF's
text has tabs (a layout copy), no-break spaces beside numbers ("10 March", "Item 5"), "Cllr" for
"Councillor", or times printed "7:00pm" rather than "7.00 pm". The first five must give byte-for-byte the
files the pack as written gives. The last two change words the importer copies into the files, so both
imports are compared after the same change is made to their files (a title printed "7.00 pm" becomes
"7:00pm" on both sides); only the slugs made from such a title and the honorific kept as printed may
differ. A difference anywhere else is a fact the importer lost, or misread, because of the spelling.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import minutebook

STYLES_DIR = Path(__file__).resolve().parent / "fixtures" / "import" / "styles"
STYLES = sorted(p.name.removesuffix("_facts.json") for p in STYLES_DIR.glob("*_facts.json"))


def _crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def _trailing_spaces(text: str) -> str:
    return "\n".join(f"{line}  " if line.strip() else line for line in text.split("\n"))


def _indented(text: str) -> str:
    return "\n".join(f"  {line}" if line.strip() and not line.startswith("\f") else line for line in text.split("\n"))


def _no_break_spaces(text: str) -> str:
    return re.sub(r"(?<=\d) (?=[A-Za-z])|(?<=[A-Za-z]) (?=\d)", "\u00a0", text)


def _in_prose(change: Callable[[str], str]) -> Callable[[str], str]:
    """The change made on every line but a row of columns set with spaces: a council that types "Cllr" sets its
    columns to fit, where the same word shortened in place would move the row's later cells out of theirs."""

    def changed(text: str) -> str:
        return "\n".join(line if re.search(r"\S {3,}\S", line.strip()) else change(line) for line in text.split("\n"))

    changed.everywhere = change  # type: ignore[attr-defined]  # what the words become in the files written
    return changed


@_in_prose
def _cllr(text: str) -> str:
    return re.sub(r"\bCouncillor\b", "Cllr", re.sub(r"\bCouncillors\b", "Cllrs", text))


@_in_prose
def _colon_times(text: str) -> str:
    return re.sub(r"\b(\d{1,2})\.(\d\d) ?([ap]m)\b", r"\1:\2\3", text)


def _spaced_columns(text: str) -> str:
    """Tab-separated cells printed as spaces, every column of the file on one grid (as a layout text copy of a
    PDF prints them: a cell at the same place on the page starts at the same character)."""
    lines = text.split("\n")
    rows = [line.split("\t") for line in lines if "\t" in line]
    width = max((len(row) for row in rows), default=0)
    widths = [max((len(row[c]) for row in rows if c < len(row) - 1), default=0) + 3 for c in range(width)]
    out = []
    for line in lines:
        cells = line.split("\t")
        out.append("".join(c.ljust(widths[n]) if n < len(cells) - 1 else c for n, c in enumerate(cells)).rstrip())
    return "\n".join(out)


# name: (the change, whether the files must be the very same bytes)
VARIANTS: dict[str, tuple[Callable[[str], str], bool]] = {
    "crlf": (_crlf, True),
    "trailing-spaces": (_trailing_spaces, True),
    "indented": (_indented, True),
    "no-break-spaces": (_no_break_spaces, True),
    "spaced-columns": (_spaced_columns, True),
    "cllr": (_cllr, False),
    "colon-times": (_colon_times, False),
}
# what may differ when the variant changes words: a slug made from a title, and an honorific kept as printed
SPELLING_ONLY = re.compile(r"\{slug=[^}]*\}|^\s*slug: .*$|^\s*honorific: .*$", re.M)


def _files(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*")) if p.is_file()}


def _import(inputs: list[Path], into: Path) -> dict[str, str]:
    result = minutebook("import", *map(str, inputs), "--into", str(into), cwd=into.parent)
    out = result.stdout + result.stderr
    assert "Traceback" not in out, out
    assert result.returncode == 0, out
    return _files(into)


_AS_WRITTEN: dict[str, dict[str, str]] = {}


def _as_written(style: str, tmp_path_factory) -> dict[str, str]:
    if style not in _AS_WRITTEN:
        root = tmp_path_factory.mktemp(f"{style}-as-written")
        _AS_WRITTEN[style] = _import([STYLES_DIR / n for n in _packs(style)], root / "meetings")
    return _AS_WRITTEN[style]


def _packs(style: str) -> list[str]:
    return json.loads((STYLES_DIR / f"{style}_facts.json").read_text(encoding="utf-8"))["files"]


def _changes(style: str, variant: str) -> bool:
    change = VARIANTS[variant][0]
    texts = [(STYLES_DIR / name).read_text(encoding="utf-8") for name in _packs(style)]
    return any(change(text) != text for text in texts)


# a pack the change would leave as it is (no "Councillor" in it, no time printed "7.00 pm") proves nothing
CASES = [(style, variant) for variant in VARIANTS for style in STYLES if _changes(style, variant)]


def test_each_change_is_tried_on_most_styles():
    for variant in VARIANTS:
        tried = [style for style, v in CASES if v == variant]
        assert len(tried) >= 0.6 * len(STYLES), (variant, tried)


@pytest.mark.parametrize(("style", "variant"), CASES)
def test_a_pack_saved_or_typed_differently_imports_to_the_same_files(style, variant, tmp_path, tmp_path_factory):
    change, identical = VARIANTS[variant]
    expected = _as_written(style, tmp_path_factory)
    assert any(name.endswith("meeting.md") for name in expected), expected.keys()
    inputs = []
    for name in _packs(style):
        text = (STYLES_DIR / name).read_text(encoding="utf-8")
        (tmp_path / name).write_text(change(text), encoding="utf-8", newline="")
        inputs.append(tmp_path / name)
    got = _import(inputs, tmp_path / "meetings")
    if not identical:

        def same_spelling(files: dict[str, str]) -> dict[str, str]:
            spelt = getattr(change, "everywhere", change)
            return {k: SPELLING_ONLY.sub("", spelt(v)) for k, v in files.items()}

        expected, got = same_spelling(expected), same_spelling(got)
    assert sorted(got) == sorted(expected)
    differences = [
        "".join(difflib.unified_diff(expected[k].splitlines(True), got[k].splitlines(True), k, k, n=1))
        for k in expected
        if got[k] != expected[k]
    ]
    assert not differences, "\n".join(differences)[:6000]


def test_columns_in_spaces_are_read_as_cells_and_sentences_stay_text():
    from minutebook.importer.columns import space_columns

    lines = [
        "Member               For   Against   Abstain",
        "Cllr Pryce           X",
        "Cllr Nuttall                X",
        "Cllr Ramsden                          X",
        "",
        "Part 2 – not open to the public",
        "",
        "Cllr Quist           X",  # the table's row after a heading: the table's columns
        "",
        "1.    The second year of the Plan saw the completion of the",
        "      bus station and of twelve local safety schemes.",
        "2.    Work started on the park and ride site.",
        "",
        "Item 3    Minutes of the meeting held on 12 September 2024          Pages 3 to 8",
        "",
        "     Licence                 2024/25    2025/26",
        "     Hackney carriage        £265       £280",
    ]
    assert space_columns(lines) == [
        "Member\tFor\tAgainst\tAbstain",
        "Cllr Pryce\tX",
        "Cllr Nuttall\t\tX",
        "Cllr Ramsden\t\t\tX",
        "",
        "Part 2 – not open to the public",
        "",
        "Cllr Quist\tX",
        "",
        # numbered paragraphs whose lines wrap under their text are text, not a table of numbers
        "1.    The second year of the Plan saw the completion of the",
        "      bus station and of twelve local safety schemes.",
        "2.    Work started on the park and ride site.",
        "",
        "Item 3    Minutes of the meeting held on 12 September 2024          Pages 3 to 8",  # a line on its own
        "",
        "Licence\t2024/25\t2025/26",  # a table indented under a paragraph: no empty first column
        "Hackney carriage\t£265\t£280",
    ]


def test_a_heading_row_of_column_names_sets_the_columns_of_the_rows_under_it():
    from minutebook.importer.columns import space_columns

    lines = [
        "Item  Subject                              Key Decision        Page",  # two spaces after "Item"
        "",
        "Part A – Open business",
        "",
        "1     Apologies for Absence                No",
        "",
        "3     Minutes of the Previous Meeting      No                  5 - 9",
        "      To confirm the minutes of the meeting held on",
        "      12 February 2025.",
        "",
        "(1)   Key decisions",  # a numbered note with a hanging indent: text, though in the table's columns
        "      A key decision is an executive decision.",
        "",
        "      Priority                 Green    Amber    Total",  # figures set right under their names
        "      A thriving economy           7        2       10",
        "      Total                       27        9       42",
    ]
    assert space_columns(lines) == [
        "Item\tSubject\tKey Decision\tPage",
        "",
        "Part A – Open business",
        "",
        "1\tApologies for Absence\tNo",
        "",
        "3\tMinutes of the Previous Meeting\tNo\t5 - 9",
        "\tTo confirm the minutes of the meeting held on",  # the row's next lines, in the subject's column
        "\t12 February 2025.",
        "",
        "(1)   Key decisions",
        "      A key decision is an executive decision.",
        "",
        "Priority\tGreen\tAmber\tTotal",
        "A thriving economy\t7\t2\t10",
        "Total\t27\t9\t42",
    ]


def test_figures_set_right_in_columns_stay_in_their_column():
    from minutebook.importer.columns import space_columns

    lines = [
        "                                 2025/26     2026/27",
        "                                      £m          £m",
        "Net budget requirement             742.6       781.9",
        "Council tax                        431.2       452.8",
        "Revenue Support Grant               24.9        25.4",
        "Planned use of reserves              9.5         0.0",
    ]
    assert space_columns(lines) == [
        "\t2025/26\t2026/27",
        "\t£m\t£m",
        "Net budget requirement\t742.6\t781.9",
        "Council tax\t431.2\t452.8",
        "Revenue Support Grant\t24.9\t25.4",
        "Planned use of reserves\t9.5\t0.0",
    ]
    # a paragraph stays a paragraph, though two of its lines have wide gaps
    prose = ["The budget gap is    stated before any new", "savings proposals and   is not cumulative."]
    assert space_columns(prose) == prose
