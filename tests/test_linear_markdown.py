"""Issue 11 item 12: Python-Markdown's link scan stays linear on officers' text.

Python-Markdown scans to the end of the block from every unmatched ``[`` and from every ``](``
whose ``)`` never comes, and rescans nested brackets: 4,000 ``[`` took 3-5 s, 20,000 about 100 s.
The one sanitiser escapes exactly the brackets that can never form a link (so pages render the
same), and a file with a paragraph of more Markdown punctuation than any real paragraph has is
refused with its file and line (Markdown is quadratic in the number of inline matches anyway).
"""

from __future__ import annotations

import gc
import time

import markdown
import nh3
import pytest
from helpers import fixture_project, mkdocs_build

from minutebook.publish.brackets import MAX_MARKUP, defuse
from minutebook.publish.sanitize import clean_html, clean_markdown

EXTENSIONS = ["attr_list", "md_in_html", "tables", "footnotes", "admonition", "toc", "fenced_code"]

CORPUS = [
    "See [the report](https://example.org/report) and [Appendix A][a].\n\n[a]: https://example.org/a",
    "A shortcut [reference] link.\n\n[reference]: /ref/",
    "A footnote.[^1]\n\n[^1]: The footnote, with [a link](/x/).",
    "Options: [x] agreed, [ ] not agreed, [draft] and [[double]].",
    "Code `a[0]` and ``b[`` and `[` inline; then [open text",
    "```\nfenced [ code ( with ](brackets\n```\n\nafter [ it",
    "~~~python\nx = y[\n~~~",
    "Para\n\n    indented [ code\n    more ](\n\nand [ prose",
    '- a list [item\n\n    continued [ text\n\n- [link](/y/ "title (with paren")',
    "![an image](/img.png) and ![alt [nested]](/i.png)",
    "An [unclosed paren](/x/ and [a](b) and [c](d(e)f) and [g](<h i>)",
    "Escaped \\[ already, \\] and [x\\](y) and \\\\[z",
    "Deep [[[[[[x]]]]]] and [a [b [c [f](/u/)]]] and [[[[[[[[y]]]]]]]](/v/)",
    'A <abbr title="[x">tag</abbr> and <https://example.org/[a> autolink and [a <b>c</b>](/d/)',
    "| a | b |\n|---|---|\n| [x | y] |\n| [l](/m/) | ( |",
    "Heading\n\n## A [bracket heading\n\nText ]( here",
    '[a](b) [c](d "t") [e](f \'g\') [h](i "j(") [k]( l ) [m]()',
    "Wrapped [link\ntext](/over/lines/) and [open\n\nclosed]",
]


def _render(text: str) -> str:
    body = f'<div markdown="1">\n\n{text}\n\n</div>\n'
    return clean_html(markdown.markdown(body, extensions=EXTENSIONS))


@pytest.mark.parametrize("text", CORPUS)
def test_escaping_renders_ordinary_brackets_identically(text):
    assert _render(defuse(text)) == _render(text)


def test_the_escaping_is_applied_and_is_what_makes_the_difference():
    """The broken case: without the escaping, unmatched "[" and dangling "](" stay as they are."""
    assert defuse("[" * 5) == "\\[" * 5
    assert defuse("[a](b") == "[a]\\(b"
    assert defuse("[[[[[[x]]]]]]").count("\\[") == 2
    assert defuse("`[` [") == "`[` \\["
    assert defuse("```\n[\n```") == "```\n[\n```"
    assert clean_markdown("x [" * 3) == "x \\[" * 3


CASES = {
    "[": lambda n: "[" * n,
    "[a": lambda n: "[a" * n,
    "nested": lambda n: "[" * n + "x" + "]" * n,
    "![": lambda n: "![" * n,
    "[^": lambda n: "[^" * n,
    "[x](": lambda n: "[x](" * n,
    "[x](…)": lambda n: "[x](" * n + ")",
    "[](": lambda n: "[](" * n,
    "[x][": lambda n: "[x][" * n,
}


def _cpu(text: str) -> float:
    """CPU seconds for one render, with the cyclic collector off (its passes land at random and
    made a 10 ms measurement jump by half)."""
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        markdown.markdown(clean_markdown(text), extensions=EXTENSIONS)
        return time.process_time() - start
    finally:
        gc.enable()


@pytest.mark.parametrize("name", CASES)
def test_time_grows_linearly(name):
    """CPU time for 4N against N in one process (a ratio, not a time limit): quadratic is ~16, and
    was before the escaping (4,000 "[" took 3-5 s). Markdown's own cost per inline match still grows
    slowly with the block, which the punctuation limit below caps: measured ratios are 4-7. N is
    2,000 so that the small render takes tens of milliseconds, not a scheduler tick's worth (at
    N = 1,000, a loaded CI runner once measured 9.7 for "[a")."""
    n = 2000
    _cpu(CASES[name](n))  # warm up
    small = min(_cpu(CASES[name](n)) for _ in range(5))
    large = min(_cpu(CASES[name](4 * n)) for _ in range(5))
    assert large / max(small, 1e-3) < 11, (small, large)


MB = 1_000_000
MEETING = '---\nstart: "10:00"\nitems:\n  - number: 1\n    title: Budget\n---\n'


def _archive(body: str) -> dict[str, str]:
    return {
        "board/committee.md": "---\nname: Board\n---\n",
        "board/2020-01-09/meeting.md": MEETING,
        "board/2020-01-09/minutes.md": f"---\napproved: true\n---\n\n## 1. Budget\n\nThe board noted {body}\n",
        "board/2020-01-09/papers/report.md": f"---\nitem: 1\nkind: report\ntitle: Report\n---\n\nText {body}\n",
    }


@pytest.mark.parametrize("name", ["[", "[a", "nested", "[x]("])
def test_a_megabyte_line_of_brackets_is_refused_naming_file_and_line(tmp_path, name):
    """A 1 MB paragraph of link punctuation: refused with file, line and fix, quickly (the time-out only
    guards against a hang); the report quotes only the start of the line."""
    body = CASES[name](MB // max(1, len(CASES[name](1))))
    result = mkdocs_build(fixture_project(tmp_path, _archive(body)), tmp_path / "site")
    assert result.returncode != 0
    out = result.stdout + result.stderr
    assert "board/2020-01-09/papers/report.md:7" in out and "board/2020-01-09/minutes.md:7" in out, out[-3000:]
    assert "break it into paragraphs" in out
    assert len(out) < 20_000
    assert "Traceback" not in out


def test_a_long_line_under_the_limit_builds_and_renders_its_brackets(tmp_path):
    """Just under the limit every construct builds through real MkDocs and shows its brackets as text."""
    n = MAX_MARKUP // 8
    body = " ".join(make(n // max(1, len(make(1)))) for make in (CASES["["], CASES["[x]("], CASES["nested"]))
    body = body[: MAX_MARKUP - 100]
    result = mkdocs_build(fixture_project(tmp_path, _archive(body)), tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    page = next((tmp_path / "site").rglob("report/index.html")).read_text(encoding="utf-8")
    assert "[[[[[[" in nh3.clean(page, tags=set())


def test_a_front_matter_field_of_brackets_is_refused_on_its_own_line(tmp_path):
    """Titles go through Markdown too: a 100,000-bracket title is refused at its line, while the many
    ordinary fields of one front matter (each under the limit) do not add up to a refusal."""
    title = "[" * 100_000
    files = _archive("fine")
    files["board/2020-01-09/papers/report.md"] = (
        f'---\nitem: 1\nkind: report\ntitle: "{title}"\nsubject: "{"*" * (MAX_MARKUP // 2)}"\n---\n\nText\n'
    )
    result = mkdocs_build(fixture_project(tmp_path, files), tmp_path / "site")
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert "board/2020-01-09/papers/report.md:4" in out and "break it into paragraphs" in out, out[-3000:]
    assert "Traceback" not in out
    files["board/2020-01-09/papers/report.md"] = (
        "---\nitem: 1\nkind: report\ntitle: Report\n"
        f'subject: "{"*" * (MAX_MARKUP * 6 // 10)}"\n'
        f'to: "{"_" * (MAX_MARKUP * 6 // 10)}"\n---\n\nText\n'
    )  # 1.2 times the limit in all, each field under it
    result = mkdocs_build(fixture_project(tmp_path, files), tmp_path / "site2")
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
