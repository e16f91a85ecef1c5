"""The domain on its own: no MkDocs, no site; YAML reading, names, minutes text, links, export."""

from __future__ import annotations

import ast
import datetime as dt
import json

import pytest
from helpers import REPO, site_settings, write_tree

from minutebook.build import build
from minutebook.export.opendata import meetings_json
from minutebook.load import yamlio
from minutebook.load.minutes_text import parse_minutes_body
from minutebook.model import Person, municipal_year
from minutebook.model.names import PeopleIndex, UnclearName, split_role, without_honorific

DOMAIN = REPO / "plugins" / "minutebook"


def test_domain_modules_do_not_import_mkdocs():
    offenders = []
    for path in DOMAIN.rglob("*.py"):
        if path.name in ("plugin.py",):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in ("mkdocs", "material")]
    assert offenders == []


def test_no_module_is_a_thousand_lines():
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in DOMAIN.rglob("*.py")}
    assert max(sizes.values()) < 600, sizes


class TestYaml:
    def test_times_and_yes_no_stay_as_written(self):
        data = yamlio.load('start: 18:30\nok: NO\nquoted: "14:00"\nday: 2017-02-30\nn: 4\nflag: true\n')
        assert data == {"start": "18:30", "ok": "NO", "quoted": "14:00", "day": "2017-02-30", "n": 4, "flag": True}
        assert isinstance(data["start"], yamlio.Unquoted) and not isinstance(data["quoted"], yamlio.Unquoted)

    def test_lines_are_known(self):
        data = yamlio.load("a: 1\nitems:\n  - x\n  - y\n", line_offset=1)
        assert data.line_of("items") == 3 and data["items"].line_of(1) == 5

    def test_broken_yaml_names_a_line(self):
        with pytest.raises(yamlio.YAMLProblem) as info:
            yamlio.load("a: 1\nb: [1, 2\nc: 3\n")
        assert info.value.line == 3

    def test_python_tags_are_refused(self):
        with pytest.raises(yamlio.YAMLProblem):
            yamlio.load("a: !!python/object:os.system echo\n")

    def test_deep_nesting_is_refused_cleanly(self):
        with pytest.raises(yamlio.YAMLProblem):
            yamlio.load("a: " + "[" * 200 + "]" * 200)


class TestNames:
    def people(self):
        return PeopleIndex(
            {
                "k-jones": Person("k-jones", "K Jones", full_name="Kellie Jones", names=["Jones"]),
                "m-mutton": Person("m-mutton", "M Mutton"),
                "j-mutton": Person("j-mutton", "J Mutton"),
                "c-miks": Person("c-miks", "C Miks"),
            }
        )

    def test_variants_join(self):
        index = self.people()
        assert {index.resolve(n) for n in ("Kellie Jones", "Mrs K Jones", "K Jones", "Jones")} == {"k-jones"}
        assert index.resolve("Councillor Miks") == "c-miks"
        assert index.resolve("Cllr. C Miks") == "c-miks"

    def test_namesakes_stay_apart_and_a_bare_surname_is_refused(self):
        index = self.people()
        assert index.resolve("Councillor M Mutton") == "m-mutton"
        assert index.resolve("J Mutton") == "j-mutton"
        with pytest.raises(UnclearName):
            index.resolve("Councillor Mutton")

    def test_unknown_names_become_people_and_join_later(self):
        index = self.people()
        first = index.resolve("A Brennan")
        assert first == "a-brennan" and index.resolve("Mr A Brennan") == first

    def test_roles_and_honorifics(self):
        assert split_role("Councillor P Seaman (Cabinet Member for Children and Young People)") == (
            "Councillor P Seaman",
            "Cabinet Member for Children and Young People",
        )
        assert without_honorific("Mrs S Hanson") == "S Hanson"


def test_municipal_year_runs_may_to_april():
    assert municipal_year(dt.date(2017, 4, 30)) == 2016
    assert municipal_year(dt.date(2017, 5, 1)) == 2017


def test_resolved_block_single_sentence_and_list():
    body = "## 74. QA\n\nNoted.\n\nRESOLVED that the report be noted.\n\n## 75. FE\n\nRESOLVED that:\n\n- 1) **A**\n- 2) **B**\n"
    minutes, problems = parse_minutes_body(body, 10, 2016)
    assert problems == []
    assert [r.text for r in minutes[0].resolutions] == ["RESOLVED that the report be noted."]
    assert [r.text for r in minutes[1].resolutions] == ["A", "B"]
    assert minutes[1].line == 16


def test_decision_verb_in_capitals_reads_as_a_resolution():
    """Panels and boards print the verb in capitals: "The Panel AGREED to:" above a list, "It was RESOLVED"."""
    body = (
        "## 12. Precept\n\nThe Panel AGREED to:\n\n- (a) support the precept;\n- (b) write to the Commissioner.\n\n"
        "## 13. Minutes\n\nIt was RESOLVED that the minutes be approved.\n\n"
        "## 14. Budget\n\nThe Combined Authority Board AGREED that the budget be approved.\n\n"
        "## 15. Update\n\nThe Panel agreed with the speaker's point but took no decision.\n\n"
        "## 16. Note\n\nThe Panel AGREEDNESS is not a word.\n"
    )
    minutes, problems = parse_minutes_body(body, 1, 2024)
    assert problems == []
    assert [r.text for r in minutes[0].resolutions] == ["(a) support the precept;", "(b) write to the Commissioner."]
    assert [r.text for r in minutes[1].resolutions] == ["It was RESOLVED that the minutes be approved."]
    assert [r.text for r in minutes[2].resolutions] == [
        "The Combined Authority Board AGREED that the budget be approved."
    ]
    assert len(minutes[3].resolutions) == 1  # lower case, as before
    assert minutes[4].resolutions == []


def test_decided_and_agreed_labels_read_as_resolutions():
    """ "DECIDED: That …" and "Agreed:" above a list are decisions, as "Decision:" is; the word in a sentence is not."""
    body = (
        "## 3. Minutes\n\nDECIDED: That the minutes be confirmed.\n\n"
        "## 4. Tobacco control\n\nAgreed:\n\n- to endorse the plan;\n- to report in September.\n\n"
        "## 5. Webcasting\n\nMembers agreed: it works well.\n"
    )
    minutes, problems = parse_minutes_body(body, 1, 2024)
    assert problems == []
    assert [r.text for r in minutes[0].resolutions] == ["DECIDED: That the minutes be confirmed."]
    assert [r.text for r in minutes[1].resolutions] == ["to endorse the plan;", "to report in September."]
    assert minutes[2].resolutions == []


def test_a_decision_naming_its_mover_and_seconder_reads_as_a_resolution():
    """Parish and town councils name the mover and seconder before RESOLVED, in one sentence; a
    sentence that names them but resolves nothing is no decision."""
    body = (
        "## 117. Grants\n\nIt was proposed by Cllr Tanner, seconded by Cllr Quilliam and RESOLVED that the "
        "grant of £500 be approved.\n\n"
        "## 118. Lights\n\nProposed by Cllr A Shah and seconded by Cllr B Rowe, it was RESOLVED to renew the "
        "contract.\n\n"
        "## 119. Bench\n\nIt was proposed by Cllr Tanner, seconded by Cllr Quilliam, that the bench be moved; "
        "the vote was lost.\n"
    )
    minutes, problems = parse_minutes_body(body, 1, 2024)
    assert problems == []
    assert [r.text for r in minutes[0].resolutions] == [
        "It was proposed by Cllr Tanner, seconded by Cllr Quilliam and RESOLVED that the grant of £500 be approved."
    ]
    assert [r.text for r in minutes[1].resolutions] == [
        "Proposed by Cllr A Shah and seconded by Cllr B Rowe, it was RESOLVED to renew the contract."
    ]
    assert minutes[2].resolutions == []


def test_minute_heading_without_number_is_an_error():
    _, problems = parse_minutes_body("## Apologies\n\nNone.\n", 5, 2016)
    assert problems and problems[0].line == 5 and "no minute number" in problems[0].message


def test_pipeline_without_mkdocs(tmp_path):
    write_tree(
        tmp_path,
        {
            "board/committee.md": "---\nname: Board\n---\n",
            "board/2017-04-06/meeting.md": '---\nstart: "14:00"\n---\n',
            "board/2017-04-06/minutes.md": '---\nclosed: "15:00"\n---\n\n## 1. Apologies\n\nNone, see minute 2 below.\n\n'
            "## 2. Minutes\n\nFurther to minute 9/15 noted.\n",
        },
    )
    result = build(tmp_path, dt.date(2026, 1, 1), settings=site_settings())
    assert result.ok
    assert [p.url for p in result.pages if p.kind == "item"] == [
        "board/2017-04-06/apologies/",
        "board/2017-04-06/minutes/",
    ]
    apologies = next(p for p in result.pages if p.url == "board/2017-04-06/apologies/")
    assert "[minute 2](../minutes/index.md#minute) below" in apologies.body
    infos = [str(p) for p in result.problems.infos]
    assert any("minute 9/15 is not in the archive" in i for i in infos)
    data = json.loads(meetings_json(result.archive))
    assert data["meetings"][0]["items"][1]["references"] == ["9/15"]
    assert data["meetings"][0]["items"][0]["references"] == ["2/16"]


def test_sanitizer_keeps_safe_markup_and_autolinks():
    from minutebook.publish.sanitize import clean_markdown, plain

    text = (
        '16<sup>th</sup> <b onclick="x">bold</b> <lara@example.gov.uk> <http://example.org/a> '
        "<script>bad()</script> [x](javascript:alert(1)) <javascript:alert(2)>"
    )
    assert clean_markdown(text) == ("16<sup>th</sup> <b>bold</b> <lara@example.gov.uk> <http://example.org/a>  [x](#) ")
    assert plain("Budget <script>x()</script><b>2017</b> a < b") == "Budget 2017 a ‹ b"
