"""Officers' workflow: new → edit → check → build, scaffolds valid against their schemas."""

from __future__ import annotations

import json

import jsonschema
from helpers import REPO, fixture_project, minutebook, mkdocs_build

from minutebook.load import yamlio
from minutebook.load.formats import schemas


def front_matter(path):
    text, _, _ = yamlio.split_front_matter(path.read_text(encoding="utf-8"))
    return json.loads(json.dumps(yamlio.load(text) or {}))


def test_published_schemas_match_the_loaders_definitions():
    for kind, schema in schemas().items():
        committed = json.loads((REPO / "docs" / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        assert committed == schema, f"docs/schemas/{kind}.schema.json is stale: run `minutebook schema`"
        jsonschema.Draft202012Validator.check_schema(schema)


def test_new_edit_check_build_for_a_fresh_meeting(tmp_path):
    config = fixture_project(tmp_path, {"people.yml": ""})
    (tmp_path / "meetings" / "people.yml").unlink()
    (tmp_path / "docs" / "schemas").mkdir()
    for kind, schema in schemas().items():
        (tmp_path / "docs" / "schemas" / f"{kind}.schema.json").write_text(json.dumps(schema))
    run = lambda *a: minutebook(*a, cwd=tmp_path)  # noqa: E731
    assert run("new", "committee", "--slug", "audit", "--name", "Audit Committee").returncode == 0
    result = run(
        "new",
        "meeting",
        "--committee",
        "audit",
        "--date",
        "2026-12-03",
        "--start",
        "10:00",
        "--place",
        "Committee Room 1",
    )
    assert result.returncode == 0, result.stderr
    meeting = tmp_path / "meetings/audit/2026-12-03/meeting.md"
    assert (
        meeting.read_text().splitlines()[1]
        == "# yaml-language-server: $schema=../../../docs/schemas/meeting.schema.json"
    )
    # every scaffold validates against its schema, and against the loader
    for path, kind in ((tmp_path / "meetings/audit/committee.md", "committee"), (meeting, "meeting")):
        jsonschema.validate(front_matter(path), schemas()[kind])
    assert run("check", "meetings", "--strict").returncode == 0
    # the officer adds the agenda
    text = meeting.read_text().replace(
        "# items:", "items:\n  - number: 1\n    title: Internal audit plan\n# was items:"
    )
    meeting.write_text(text)
    result = run(
        "new",
        "paper",
        "--committee",
        "audit",
        "--date",
        "2026-12-03",
        "--item",
        "1",
        "--title",
        "Internal Audit Plan 2027",
        "--kind",
        "report",
    )
    assert result.returncode == 0, result.stderr
    paper = tmp_path / "meetings/audit/2026-12-03/papers/internal-audit-plan-2027.md"
    jsonschema.validate(front_matter(paper), schemas()["paper"])
    check = run("check", "meetings", "--strict")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "1 meetings, 1 items, 1 papers" in check.stdout
    built = mkdocs_build(config, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    page = tmp_path / "site/audit/2026-12-03/internal-audit-plan/internal-audit-plan-2027/index.html"
    assert "Write the paper here." in page.read_text(encoding="utf-8")


def test_new_refuses_to_overwrite_and_explains(tmp_path):
    fixture_project(
        tmp_path,
        {"board/committee.md": "---\nname: Board\n---\n", "board/2026-12-03/meeting.md": '---\nstart: "10:00"\n---\n'},
    )
    before = (tmp_path / "meetings/board/2026-12-03/meeting.md").read_text()
    result = minutebook("new", "meeting", "--committee", "board", "--date", "2026-12-03", cwd=tmp_path)
    assert result.returncode == 1 and "already exists" in result.stderr and "Traceback" not in result.stderr
    assert (tmp_path / "meetings/board/2026-12-03/meeting.md").read_text() == before
    result = minutebook("new", "meeting", "--committee", "nope", "--date", "2026-12-03", cwd=tmp_path)
    assert result.returncode == 1 and "there is no committee 'nope'" in result.stderr
    result = minutebook("new", "meeting", "--committee", "board", "--date", "2026-02-30", cwd=tmp_path)
    assert result.returncode == 1 and "not a date" in result.stderr


def test_a_broken_file_makes_check_fail_naming_it(tmp_path):
    fixture_project(
        tmp_path,
        {
            "board/committee.md": "---\nname: Board\n---\n",
            "board/2026-12-03/meeting.md": "---\nstart: 10:00\nplace: [unclosed\n---\n",
        },
    )
    result = minutebook("check", "meetings", cwd=tmp_path)
    assert result.returncode == 1
    assert "meetings/board/2026-12-03/meeting.md:" in result.stderr and "Traceback" not in result.stderr
