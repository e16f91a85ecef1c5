"""The house: reserved committee names, one strict settings parser, `check` reading mkdocs.yml,
and one label table for Python and the search script."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import textwrap

import pytest
from helpers import REPO, env, fixture_project, minutebook, mkdocs_build, write_tree

from minutebook.model import (
    ATTENDANCE_LABELS,
    MEETING_STATUSES,
    MeetingStatus,
    MunicipalYear,
    PaperKind,
    SearchKind,
    urls,
)
from minutebook.model.vocabularies import SCRIPT_VOCABULARIES, script_labels
from minutebook.search import KINDS
from minutebook.settings import (
    SettingError,
    Settings,
    from_environment,
    from_options,
    read_site_config,
)

BOARD = {
    "board/committee.md": "---\nname: Board\n---\n",
    # Thu 20 → Thu 27 April 2017: four clear working days, one short of the default five
    "board/2017-04-27/meeting.md": '---\nstart: "14:00"\nagenda_published: 2017-04-20\nitems:\n'
    "  - number: 1\n    title: Apologies\n---\n",
}
# Wed 19 → Thu 27 April 2017: five clear working days (20, 21, 24, 25, 26)
ON_TIME = BOARD["board/2017-04-27/meeting.md"].replace("2017-04-20", "2017-04-19")


def _project(tmp_path, options: str = "", meetings: dict[str, str] | None = None, docs: dict | None = None):
    """A fixture site whose minutebook plugin has ``options`` (YAML lines under it)."""
    write_tree(tmp_path / "meetings", meetings or BOARD)
    write_tree(tmp_path / "docs", docs or {"about.md": "# About\n\nA fixture archive.\n"})
    plugin = "  - minutebook:\n      meetings_dir: meetings\n" + textwrap.indent(textwrap.dedent(options), " " * 6)
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"site_name: Fixture council\ndocs_dir: docs\ntheme:\n  name: material\n"
        f"  custom_dir: {REPO / 'overrides'}\nplugins:\n{plugin}\nnav:\n  - About: about.md\n",
        encoding="utf-8",
    )
    return config


# -- reserved names -----------------------------------------------------------------------------


@pytest.mark.parametrize("slug", ["search", "api", "people", "topics", "calendar", "assets", "committees"])
def test_a_committee_cannot_take_a_top_level_site_address(tmp_path, slug):
    config = fixture_project(tmp_path, {f"{slug}/committee.md": "---\nname: A Board\n---\n", **BOARD})
    result = minutebook("check", "meetings", cwd=tmp_path)
    assert result.returncode == 1
    assert f"the committee folder name '{slug}' is taken" in result.stderr
    assert f"meetings/{slug}" in result.stderr and "rename the folder" in result.stderr
    assert "Traceback" not in result.stderr
    built = mkdocs_build(config, tmp_path / "site")
    assert built.returncode != 0 and f"'{slug}' is taken" in built.stderr
    assert not (tmp_path / "site" / slug / "index.html").exists()


def test_the_guides_folders_are_reserved_too(tmp_path):
    """A committee named like a folder of docs/ (its guides) would mix its pages into theirs."""
    docs = {"about.md": "# About\n\nA fixture archive.\n", "guide/publishing.md": "# Publishing\n"}
    _project(tmp_path, meetings={"guide/committee.md": "---\nname: Guide Board\n---\n", **BOARD}, docs=docs)
    result = minutebook("check", cwd=tmp_path)
    assert result.returncode == 1
    assert "the committee folder name 'guide' is taken: the site's guide pages live at /guide/" in result.stderr
    # an ordinary name is fine
    assert "board" not in urls.reserved(frozenset({"guide", "about"}))


def test_reserved_names_come_from_urls():
    reserved = urls.reserved()
    for address in (urls.SEARCH, urls.API, urls.PEOPLE, urls.TOPICS, urls.CALENDAR, urls.COMMITTEES, *urls.ASSETS):
        assert address.rstrip("/") in reserved


# -- strict settings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("true", True),
        ("TRUE", True),
        ("1", True),
        (" 1 ", True),
        ("false", False),
        ("False", False),
        ("0", False),
    ],
)
def test_boolean_variables_read_strictly(text, expected):
    assert from_environment(Settings(), {"MINUTEBOOK_PREVIEW": text}).preview is expected


@pytest.mark.parametrize("text", ["no", "yes", "on", "off", "y", "2", "ture", "-1"])
def test_other_boolean_spellings_are_refused(text):
    with pytest.raises(SettingError, match=rf"MINUTEBOOK_PREVIEW is '{re.escape(text)}': write true or false"):
        from_environment(Settings(), {"MINUTEBOOK_PREVIEW": text})


@pytest.mark.parametrize("text", ["", "  "])
def test_an_empty_variable_counts_as_unset(text):
    assert from_environment(Settings(preview=True), {"MINUTEBOOK_PREVIEW": text}).preview is True
    assert from_environment(Settings(), {"MINUTEBOOK_PREVIEW": text}).preview is False


def test_dates_are_iso_and_anything_else_is_refused():
    assert from_environment(Settings(), {"MINUTEBOOK_TODAY": "2017-04-19"}).now == dt.datetime(2017, 4, 19)
    assert from_environment(Settings(), {"MINUTEBOOK_NOW": "2017-04-19 09:30"}).now == dt.datetime(2017, 4, 19, 9, 30)
    # MINUTEBOOK_NOW wins over MINUTEBOOK_TODAY
    both = {"MINUTEBOOK_NOW": "2017-04-19 09:30", "MINUTEBOOK_TODAY": "2020-01-01"}
    assert from_environment(Settings(), both).now == dt.datetime(2017, 4, 19, 9, 30)
    for bad in ("19/04/2017", "2017-02-30", "tomorrow", "2017-04-19 25:00"):
        with pytest.raises(SettingError, match=r"MINUTEBOOK_TODAY is .*write a date YYYY-MM-DD"):
            from_environment(Settings(), {"MINUTEBOOK_TODAY": bad})
    assert from_environment(Settings(), {"MINUTEBOOK_ONLY": "board, audit/2016-17"}).only == ["board", "audit/2016-17"]


def test_options_are_validated_where_declared():
    assert from_options({}).notice_days is None  # unset: the law of the council's nation (council.yml)
    assert from_options({"notice_days": 5}).notice_days == 5
    assert from_options({"notice_days": 3, "extra_holidays": ["2017-04-24"]}).extra_holidays == [dt.date(2017, 4, 24)]
    with pytest.raises(SettingError, match="holidays_region is 'XYZ': write one of ENG, WLS, SCT, NIR"):
        from_options({"holidays_region": "XYZ"})
    with pytest.raises(SettingError, match=r"extra_holidays\[0\] is '24/04/2017': write a date"):
        from_options({"extra_holidays": ["24/04/2017"]})
    with pytest.raises(SettingError, match="minutebook has no option 'notice_dayz'"):
        from_options({"notice_dayz": 3})


def test_preview_false_in_the_environment_leaves_preview_off(tmp_path):
    """Issue 11 item 6: MINUTEBOOK_PREVIEW=false turned preview on (and so refused `mkdocs build`)."""
    config = fixture_project(tmp_path, {**BOARD, "board/2017-04-27/meeting.md": ON_TIME})
    result = _build_with(config, tmp_path / "site", {"MINUTEBOOK_PREVIEW": "false"})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "board" / "2017-04-27" / "index.html").exists()
    refused = _build_with(config, tmp_path / "site2", {"MINUTEBOOK_PREVIEW": "no"})
    assert refused.returncode != 0
    assert "MINUTEBOOK_PREVIEW is 'no': write true or false (or 1 or 0)" in refused.stderr
    assert "Traceback" not in refused.stderr


def _build_with(config, site, variables: dict[str, str]):
    e = {**env(), **variables}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
        cwd=config.parent,
        env=e,
        capture_output=True,
        text=True,
        timeout=600,
    )


# -- `minutebook check` reads mkdocs.yml --------------------------------------------------------


def test_check_uses_the_sites_notice_option(tmp_path):
    _project(tmp_path)
    short = minutebook("check", "--strict", cwd=tmp_path)  # default notice: five clear working days
    assert short.returncode == 2
    assert (
        "4 clear working days before the meeting; the law asks for 5 (section 100B(3) of the Local Government "
        "Act 1972, as amended by SI 2002/715)"
    ) in short.stdout
    assert "info: notice check" not in short.stdout  # only an override is noted (or with --verbose)
    (tmp_path / "mkdocs.yml").unlink()
    _project(tmp_path, "notice_days: 4\n")
    assert minutebook("check", "--strict", cwd=tmp_path).returncode == 0
    # found beside the meetings folder from anywhere, and named with --config-file
    assert minutebook("check", str(tmp_path / "meetings"), "--strict", cwd=REPO / "tests").returncode == 0
    other = tmp_path / "other.yml"
    other.write_text((tmp_path / "mkdocs.yml").read_text().replace("notice_days: 4", "notice_days: 6"))
    result = minutebook("check", "meetings", "--strict", "--config-file", str(other), cwd=tmp_path)
    assert result.returncode == 2 and "notice_days in the site's options asks for 6" in result.stdout
    # the override is said, with the law it overrides
    assert (
        "info: notice check: 6 clear working days (notice_days); England's bank holidays (ENG); the law of "
        "England asks for 5 (section 100B(3) of the Local Government Act 1972, as amended by SI 2002/715)"
    ) in result.stdout


def test_check_uses_the_sites_holidays(tmp_path):
    # five clear working days, unless the council is closed on one of them
    meetings = {**BOARD, "board/2017-04-27/meeting.md": ON_TIME}
    _project(tmp_path, meetings=meetings)
    assert minutebook("check", "--strict", cwd=tmp_path).returncode == 0
    (tmp_path / "mkdocs.yml").unlink()
    _project(tmp_path, "extra_holidays:\n  - 2017-04-24\n", meetings=meetings)
    result = minutebook("check", "--strict", cwd=tmp_path)
    assert result.returncode == 2 and "4 clear working days" in result.stdout


def test_check_refuses_a_bad_option_in_mkdocs_yml(tmp_path):
    _project(tmp_path, "notice_days: five\n")
    result = minutebook("check", cwd=tmp_path)
    assert result.returncode == 1
    assert "notice_days is 'five': write a whole number of days" in result.stderr
    built = mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert built.returncode != 0 and "notice_days is 'five'" in built.stderr


def test_site_config_reads_env_tags_and_python_tags(tmp_path, monkeypatch):
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: X\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n  - search\n  - minutebook:\n      notice_days: !ENV [HOUSE_NOTICE, 5]\n"
    )
    assert read_site_config(config).options == {"notice_days": 5}
    monkeypatch.setenv("HOUSE_NOTICE", "3")
    assert read_site_config(config).options == {"notice_days": 3}


# -- one label table ----------------------------------------------------------------------------


def test_vocabularies_carry_their_labels():
    assert MeetingStatus("agenda published").label == "Agenda published"
    assert MeetingStatus.HELD == "held" and "held" in MEETING_STATUSES
    assert PaperKind.SUPPLEMENTARY.label == "Supplementary paper"
    assert ATTENDANCE_LABELS["co_opted"] == "Co-opted members"
    assert tuple(KINDS) == tuple(SearchKind)


def test_the_search_script_reads_the_python_labels(tmp_path):
    """The manifest of the search index carries the labels; search.js has no table of its own."""
    config = fixture_project(tmp_path, {**BOARD, "board/2017-04-27/meeting.md": ON_TIME})
    assert mkdocs_build(config, tmp_path / "site").returncode == 0
    manifest = json.loads((tmp_path / "site/search/data/manifest.json").read_text(encoding="utf-8"))
    assert manifest["labels"] == script_labels()
    assert manifest["labels"]["kinds"] == {k.value: k.label for k in SearchKind}
    assert set(SCRIPT_VOCABULARIES) == set(manifest["labels"])
    script = (REPO / "overrides/assets/minutebook/search.js").read_text(encoding="utf-8")
    assert "manifest.labels.kinds[" in script
    for kind in SearchKind:  # no label written out in the script
        assert f'"{kind.label}"' not in script


def test_municipal_year():
    year = MunicipalYear.of(dt.date(2017, 4, 30))
    assert year == 2016 and year.label == "2016/17" and year.slug == "2016-17" and year.cite(28) == "28/16"
    assert MunicipalYear.of(dt.date(2017, 5, 1)).label == "2017/18"
    assert str(year) == "2016" and f"{year}" == "2016"
    assert MunicipalYear.parse("2016/17") == 2016 and MunicipalYear.parse("2016-17") == 2016
    assert MunicipalYear.parse("2016/18") is None and MunicipalYear.parse("16/17") is None
    assert MunicipalYear(1999).label == "1999/00"
    assert urls.programme("board", 2016) == "board/programme/2016-17/"


# -- ProperDocs ---------------------------------------------------------------------------------


def test_the_plugin_registers_for_both_engines():
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    points = project["entry-points"]
    assert points["mkdocs.plugins"]["minutebook"] == "minutebook.plugin:MinutebookPlugin"
    assert points["properdocs.plugins"] == points["mkdocs.plugins"]
    assert any(d.startswith("mkdocs>=1.6.1,<2") for d in project["dependencies"])
    assert any(d.startswith("properdocs") for d in project["optional-dependencies"]["test"])


def test_the_engine_comparison_sees_a_difference():
    sys.path.insert(0, str(REPO / "tests"))
    from compare_engines import GENERATOR, compare

    page = b'<meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.2"><h1>A</h1>'
    other = b'<meta name="generator" content="mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.2"><h1>A</h1>'
    same = {"index.html": GENERATOR.sub(b"", page)}
    assert compare(same, {"index.html": GENERATOR.sub(b"", other)}, ("mkdocs", "properdocs")) == []
    found = compare(same, {"index.html": b"<h1>B</h1>", "extra.xml": b""}, ("mkdocs", "properdocs"))
    assert found[0] == "only in the properdocs build: extra.xml"
    assert found[1].startswith("differs: index.html")
