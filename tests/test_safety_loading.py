"""Issue 11, items 2, 9, 10 and 12: what the loader refuses before anything is published.

* malformed front matter in every file kind is an error naming file and line (item 2);
* every value that becomes an address matches the slug grammar at load time, and the one path
  function refuses anything outside the site (item 9);
* symbolic links that leave the archive are refused (item 10);
* officers' text is parsed in linear time (item 12).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from helpers import digest, env, fixture_project, minutebook, mkdocs_build, write_tree

from minutebook.build import build
from minutebook.model import urls

BASE = {
    "board/committee.md": "---\nname: Board\n---\n",
    "board/2020-01-09/meeting.md": '---\nstart: "10:00"\nitems:\n  - number: 1\n    title: Budget\n---\n',
}

# Each file kind, the path it lives at, and front matter that makes it withheld where the kind can be.
KINDS = {
    "committee": ("board/committee.md", "name: Board\nhidden: true"),
    "meeting": ("board/2020-01-09/meeting.md", 'start: "10:00"\ndraft: true\nitems:\n  - number: 1\n    title: Budget'),
    "minutes": ("board/2020-01-09/minutes.md", "draft: true\napproved: false"),
    "paper": ("board/2020-01-09/papers/report.md", "item: 1\nkind: report\ntitle: Report\ndraft: true"),
    "programme": ("board/programmes/2019-20.md", 'year: "2019/20"\nentries: []'),
    "tracker": ("board/tracker/2020-01-09.md", "rows: []"),
}

MALFORMED = {  # how the file is broken -> (text, the line the error names)
    "leading blank line": (lambda fm: f"\n---\n{fm}\n---\nBody text.\n", 2),
    "leading space": (lambda fm: f" ---\n{fm}\n---\nBody text.\n", 1),
    "never closed": (lambda fm: f"---\n{fm}\n\nBody text.\n", 1),
    "no opening line": (lambda fm: f"{fm}\n---\nBody text.\n", 1),
}


@pytest.mark.parametrize("how", MALFORMED)
@pytest.mark.parametrize("kind", KINDS)
def test_malformed_front_matter_is_an_error_with_file_and_line(tmp_path, kind, how):
    path, front_matter = KINDS[kind]
    make, line = MALFORMED[how]
    write_tree(tmp_path / "meetings", BASE)
    (tmp_path / "meetings" / path).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / "meetings" / path).write_text(make(front_matter), encoding="utf-8")
    result = build(tmp_path / "meetings", history=False)
    errors = [p for p in result.problems.errors if p.path == f"meetings/{path}"]
    assert errors, f"a {kind} file with front matter {how} was read without an error"
    assert errors[0].line == line and "---" in errors[0].fix, str(errors[0])


def test_check_refuses_a_draft_meeting_whose_front_matter_is_not_read(tmp_path):
    """The reported route: a leading blank line made a draft meeting public, YAML printed as notes."""
    config = fixture_project(tmp_path, BASE)
    (tmp_path / "meetings/board/2020-01-09/meeting.md").write_text(  # write_tree would strip the blank line
        '\n---\nstart: "10:00"\ndraft: true\n---\nCANARY-DRAFT-NOTES-1f3\n', encoding="utf-8"
    )
    result = minutebook("check", "meetings", cwd=tmp_path)
    assert result.returncode == 1
    assert "meetings/board/2020-01-09/meeting.md:2" in result.stderr and "Traceback" not in result.stderr
    built = mkdocs_build(config, tmp_path / "site")
    assert built.returncode != 0 and not (tmp_path / "site" / "board").exists()


# -- item 9: addresses --------------------------------------------------------------------------

TRAVERSAL = ["../../../docs/evil", "../../meetings/board/evil", "/tmp/evil", "a/../../b", "..", "x\\..\\y"]


@pytest.mark.parametrize("attr", ["slug", "was", "topic"])
@pytest.mark.parametrize("value", TRAVERSAL)
def test_heading_attributes_that_become_addresses_follow_the_slug_grammar(tmp_path, attr, value):
    write_tree(tmp_path / "meetings", BASE)
    (tmp_path / "meetings/board/2020-01-09/minutes.md").write_text(
        f"---\napproved: false\n---\n\n## 1. Budget {{{attr}={value}}}\n\nText.\n", encoding="utf-8"
    )
    result = build(tmp_path / "meetings", history=False)
    errors = [p for p in result.problems.errors if p.path == "meetings/board/2020-01-09/minutes.md"]
    assert errors and errors[0].line == 5 and f"'{attr}'" in errors[0].message, result.problems.errors


@pytest.mark.parametrize(
    "field, value",
    [
        ("slug", "../../../docs/evil"),
        ("topic", "../evil"),
        ("previous_slugs", ["../../evil"]),
    ],
)
def test_front_matter_values_that_become_addresses_follow_the_slug_grammar(tmp_path, field, value):
    item = {"number": 1, "title": "Budget", field: value}
    import json

    write_tree(
        tmp_path / "meetings",
        {**BASE, "board/2020-01-09/meeting.md": f'---\nstart: "10:00"\nitems: [{json.dumps(item)}]\n---\n'},
    )
    result = build(tmp_path / "meetings", history=False)
    assert any(p.path == "meetings/board/2020-01-09/meeting.md" and p.line for p in result.problems.errors)


def test_a_traversal_slug_writes_nothing_outside_the_site(tmp_path):
    config = fixture_project(
        tmp_path,
        {
            **BASE,
            "board/2020-01-09/minutes.md": "---\napproved: false\n---\n\n## 1. Budget {slug=../../../docs/evil}\n\n"
            "## 2. Other {was=../../../meetings/board/evil}\n\n"
            "## 3. Third {topic=../../../../evil}\n",
        },
    )
    before = digest(tmp_path / "docs"), digest(tmp_path / "meetings")
    result = minutebook("check", "meetings", cwd=tmp_path)
    assert result.returncode == 1 and "minutes.md:5" in result.stderr and "minutes.md:9" in result.stderr
    built = mkdocs_build(config, tmp_path / "site")
    assert built.returncode != 0 and "Traceback" not in built.stderr
    assert (digest(tmp_path / "docs"), digest(tmp_path / "meetings")) == before
    assert not (tmp_path / "evil").exists() and not (tmp_path / "docs" / "evil").exists()


@pytest.mark.parametrize("url", ["../evil/", "a/../../evil/", "/etc/", "a//b/", "a\\..\\b/", ".git/", "a/./b/"])
def test_the_path_function_refuses_anything_outside_the_site(tmp_path, url):
    with pytest.raises(urls.OutsideSite):
        urls.src(url)
    with pytest.raises(urls.OutsideSite):
        urls.site_file(tmp_path, url + "index.html")
    assert urls.src("board/2020-01-09/budget/") == "board/2020-01-09/budget/index.md"
    assert urls.site_file(tmp_path, "api/meetings.json") == (tmp_path / "api/meetings.json").resolve()


def test_the_output_writer_refuses_a_path_through_a_link_out_of_the_site(tmp_path):
    from minutebook.export.outputs import write_text

    (tmp_path / "site").mkdir()
    (tmp_path / "outside").mkdir()
    os.symlink(tmp_path / "outside", tmp_path / "site" / "api")
    with pytest.raises(urls.OutsideSite):
        write_text(tmp_path / "site", "api/meetings.json", "{}")
    assert list((tmp_path / "outside").iterdir()) == []


# -- item 10: symbolic links --------------------------------------------------------------------

TOKEN = "CANARY-TOKEN-OUTSIDE-ARCHIVE-77a"


def _secret(tmp_path):
    outside = tmp_path / "outside"
    write_tree(
        outside,
        {
            "token.md": f'---\nstart: "10:00"\n---\n{TOKEN}\n',
            "paper.md": f"---\nitem: 1\nkind: report\ntitle: {TOKEN}\n---\n{TOKEN}\n",
            "meeting/meeting.md": f'---\nstart: "10:00"\nitems:\n  - number: 1\n    title: {TOKEN}\n---\n',
            "committee/committee.md": f"---\nname: {TOKEN}\n---\n",
        },
    )
    return outside


LINKS = {  # the link in the archive -> what it points to outside
    "board/2020-02-06/meeting.md": "token.md",
    "board/2020-01-09/papers/report.md": "paper.md",
    "board/2020-03-05": "meeting",
    "evil": "committee",
}


@pytest.mark.parametrize("link", LINKS)
def test_a_link_leaving_the_archive_is_refused(tmp_path, link):
    outside = _secret(tmp_path)
    config = fixture_project(tmp_path, BASE)
    (tmp_path / "meetings" / link).parent.mkdir(parents=True, exist_ok=True)
    os.symlink(outside / LINKS[link], tmp_path / "meetings" / link)
    result = build(tmp_path / "meetings", history=False)
    errors = [p for p in result.problems.errors if p.path == f"meetings/{link}"]
    assert errors and "outside the meetings folder" in errors[0].message, result.problems.errors
    assert not any(TOKEN in str(p) for p in result.problems.items)
    built = mkdocs_build(config, tmp_path / "site")
    assert built.returncode != 0 and "Traceback" not in built.stderr and TOKEN not in built.stderr
    site = tmp_path / "site"
    assert not site.exists() or all(TOKEN not in p.read_text(errors="replace") for p in site.rglob("*") if p.is_file())


def test_a_link_inside_the_archive_is_read(tmp_path):
    write_tree(
        tmp_path / "meetings",
        {**BASE, "board/2020-01-09/papers/shared.md": "---\nitem: 1\nkind: report\ntitle: Shared report\n---\nText.\n"},
    )
    os.symlink("shared.md", tmp_path / "meetings/board/2020-01-09/papers/linked.md")
    result = build(tmp_path / "meetings", history=False, render=False)
    assert result.ok, result.problems.errors
    assert {p.slug for p in result.archive.meetings[0].papers} == {"shared", "linked"}


# -- item 12: linear time ----------------------------------------------------------------------

MB = 1_000_000


BIG_BODIES = {  # each minutes file stays under the 5 MB a meeting file may have -> the lines with errors
    "2020-01-09": (
        f"## 1. Budget{' ' * MB}heading {{item=1}}\n\nText{' ' * MB}x\n\n"
        f"### (a) Part{' ' * MB}y\n\nRESOLVED that{' ' * MB}z\n",
        [],
    ),
    "2020-02-06": (f"## 11. Items\n\n- {'a' * MB}\n\n## 2{' ' * MB}\n\n## 13. Title {'{' * MB}\n", [9]),
    "2020-03-05": (
        f"## 21. Title {{{'x=' * (MB // 2)}}}\n\n## {'1' * 5000}. Long number\n\n"
        f"## 22. [{'[](' * (MB // 3)}\n\n## 23. <{'<' * MB}\n",
        [5, 7],
    ),
}


def test_a_one_megabyte_line_in_the_minutes_builds_without_hanging(tmp_path):
    """131 s for 200,000 spaces in a heading before: a quadratic regex. The time-out only guards
    against a hang (a linear parser takes about a second for the whole domain build)."""
    files = dict(BASE)
    for day in BIG_BODIES:
        files[f"board/{day}/meeting.md"] = '---\nstart: "10:00"\nitems:\n  - number: 1\n    title: Budget\n---\n'
    write_tree(tmp_path / "meetings", files)
    for day, (body, _) in BIG_BODIES.items():
        (tmp_path / f"meetings/board/{day}/minutes.md").write_text(
            f"---\napproved: false\n---\n\n{body}", encoding="utf-8"
        )
    code = textwrap.dedent(f"""
        import json
        from minutebook.build import build
        result = build({str(tmp_path / "meetings")!r}, history=False)
        lines = {{}}
        for p in result.problems.errors:
            lines.setdefault(p.path.split("/")[2], []).append(p.line)
        print(json.dumps(lines, sort_keys=True))
        print(max(len(str(p)) for p in result.problems.items))
        """)
    out = subprocess.run([sys.executable, "-c", code], env=env(), capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    lines, longest = out.stdout.split("\n")[0], int(out.stdout.split("\n")[1])
    import json

    assert json.loads(lines) == {d: e for d, (_, e) in BIG_BODIES.items() if e}, out.stdout
    assert longest < 1000, "a problem quotes a whole megabyte line"


def test_search_text_of_a_one_megabyte_line_is_linear():
    """The search index turns officers' Markdown into text with regular expressions too."""
    code = textwrap.dedent(f"""
        from minutebook.search.documents import plain_text
        for text in ["a" + " " * {MB} + "b", " " * {MB} + "{{", "|" + " " * {MB} + "|", "<" * {MB}, "[](" * {MB // 3},
                     "![](" * {MB // 4}, "<!--" * {MB // 4}, "{{#" * {MB // 2}, "x {{#id}} " * 1000]:
            plain_text(text)
        print(plain_text("Title {{#id}}\\n\\n| a |\\n|---|\\n<!-- c -->[link](x) <b>bold</b> ![img](y)"))
        """)
    out = subprocess.run([sys.executable, "-c", code], env=env(), capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split("\n")[:2] == ["Title", "a"] and "link bold img" in out.stdout
