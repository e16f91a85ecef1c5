"""meetings/council.yml: the council's nation, municipal year and minute numbering, read by the build,
`minutebook check` and `minutebook import`; exempt paragraphs under each nation's law."""

from __future__ import annotations

import json

from helpers import fixture_project, minutebook, mkdocs_build, write_tree

COMMITTEE = """\
    ---
    name: Cabinet
    ---
    """


def meeting(items: str = "") -> str:
    return f"""\
    ---
    start: "10:00"
    status: held
    items:
      - number: 1
        title: Budget Monitoring
{items}
    ---
    """


MINUTES = """\
    ---
    approved: false
    ---

    ## CAB/22/017 Budget Monitoring {item=1}

    RESOLVED that the report be noted.
    """


def archive(tmp_path, council: str, files: dict[str, str] | None = None):
    tree = {
        "council.yml": council,
        "cabinet/committee.md": COMMITTEE,
        "cabinet/2022-07-12/meeting.md": meeting(),
        **(files or {}),
    }
    return fixture_project(tmp_path, tree)


def check(tmp_path):
    return minutebook("check", str(tmp_path / "meetings"), cwd=tmp_path)


def test_a_printed_numbering_scheme_keeps_the_number_as_printed(tmp_path):
    config = archive(
        tmp_path,
        """\
        name: Eastmarsh District Council
        nation: england
        committees:
          cabinet:
            minute_numbers: "CAB/{yy}/{number:3}"
        """,
        {"cabinet/2022-07-12/minutes.md": MINUTES},
    )
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "site" / "api" / "meetings.json").read_text(encoding="utf-8"))
    item = data["meetings"][0]["items"][0]
    assert item["minute"] == "CAB/22/017"
    page = (tmp_path / "site" / "cabinet" / "2022-07-12" / "index.html").read_text(encoding="utf-8")
    assert 'id="minute-17"' in page and "CAB/22/017 Budget Monitoring" in page


def test_a_number_outside_the_scheme_or_the_year_is_an_error_with_file_and_line(tmp_path):
    archive(
        tmp_path,
        'committees:\n  cabinet:\n    minute_numbers: "CAB/{yy}/{number:3}"\n',
        {"cabinet/2022-07-12/minutes.md": MINUTES.replace("CAB/22/017", "EX.17/22")},
    )
    result = check(tmp_path)
    assert result.returncode == 1
    assert (
        "cabinet/2022-07-12/minutes.md:5: the minute number 'EX.17/22' does not follow this committee's "
        "numbering scheme 'CAB/{yy}/{number:3}' (like CAB/22/001)" in result.stderr
    )
    (tmp_path / "meetings" / "cabinet" / "2022-07-12" / "minutes.md").write_text(
        MINUTES.replace("    ", "").replace("CAB/22/017", "CAB/21/017"), encoding="utf-8"
    )
    result = check(tmp_path)
    assert "minute CAB/21/017 is numbered in the municipal year 2021, but the meeting is in 2022/23" in result.stderr


def test_a_scheme_printing_the_year_the_municipal_year_ends_reads_and_checks_both_years(tmp_path):
    """'FGP/24/25/031': a town clerk's running scheme of committee, municipal year (both its years) and number."""
    config = archive(
        tmp_path,
        'committees:\n  cabinet:\n    minute_numbers: "FGP/{yy}/{yy+1}/{number:3}"\n',
        {"cabinet/2022-07-12/minutes.md": MINUTES.replace("CAB/22/017", "FGP/22/23/017")},
    )
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "site" / "api" / "meetings.json").read_text(encoding="utf-8"))
    assert data["meetings"][0]["items"][0]["minute"] == "FGP/22/23/017"
    # the year it starts decides the minute's year: a number of the year before is refused, file and line named
    (tmp_path / "meetings" / "cabinet" / "2022-07-12" / "minutes.md").write_text(
        MINUTES.replace("    ", "").replace("CAB/22/017", "FGP/21/22/017"), encoding="utf-8"
    )
    result = check(tmp_path)
    assert "minute FGP/21/22/017 is numbered in the municipal year 2021, but the meeting is in 2022/23" in result.stderr
    (tmp_path / "meetings" / "council.yml").write_text('minute_numbers: "FGP/{yy}/{yy+2}/{number}"\n', encoding="utf-8")
    result = check(tmp_path)
    assert result.returncode == 1 and "{yy+1} and {yyyy+1}" in result.stderr


def test_numbers_restarting_at_each_meeting_are_not_duplicates(tmp_path):
    second = meeting()
    minutes = "---\n---\n\n## 1. Budget Monitoring\n\nThe report was noted.\n"
    files = {
        "cabinet/2022-07-12/minutes.md": minutes,
        "cabinet/2022-09-13/meeting.md": second,
        "cabinet/2022-09-13/minutes.md": minutes,
    }
    archive(tmp_path, 'minute_numbers: "{number}"\nnumbers_restart: meeting\n', files)
    result = check(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    (tmp_path / "meetings" / "council.yml").write_text('minute_numbers: "{number}"\n', encoding="utf-8")
    result = check(tmp_path)
    assert result.returncode == 1 and "minute 1 is also used by the meeting of 2022-07-12" in result.stderr


def test_numbers_by_calendar_year_are_read_in_the_meetings_calendar_year(tmp_path):
    """P014/24 in February 2024 (numbers restart each January while the municipal year starts in May):
    the minute keeps its number, its year is 2024, a citation of it links, and P014/23 there is refused."""
    planning = {
        "planning/committee.md": "---\nname: Planning Committee\n---\n",
        "planning/2023-12-12/meeting.md": meeting(),
        "planning/2023-12-12/minutes.md": "---\n---\n\n## P101/23 Budget Monitoring {item=1}\n\nNoted.\n",
        "planning/2024-02-13/meeting.md": meeting(),
        "planning/2024-02-13/minutes.md": (
            "---\n---\n\n## P014/24 Budget Monitoring {item=1}\n\nFurther to minute P101/23, the report was noted.\n"
        ),
    }
    council = 'committees:\n  planning:\n    minute_numbers: "P{number:3}/{yy}"\n    numbers_restart: calendar\n'
    config = archive(tmp_path, council, planning)
    result = check(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    built = mkdocs_build(config, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    data = json.loads((tmp_path / "site" / "api" / "meetings.json").read_text(encoding="utf-8"))
    minutes = {m["date"]: m["items"][0]["minute"] for m in data["meetings"] if m["committee"] == "planning"}
    assert minutes == {"2023-12-12": "P101/23", "2024-02-13": "P014/24"}
    page = (tmp_path / "site" / "planning" / "2024-02-13" / "index.html").read_text(encoding="utf-8")
    assert 'Further to <a href="../2023-12-12/budget-monitoring/#minute">minute P101/23</a>' in page
    # the same minutes by municipal year would be 2023's: P014/24 is refused, with the fix
    (tmp_path / "meetings" / "council.yml").write_text(council.replace("calendar", "year"), encoding="utf-8")
    result = check(tmp_path)
    assert result.returncode == 1
    assert "minute P014/24 is numbered in the municipal year 2024, but the meeting is in 2023/24" in result.stderr
    assert "numbers_restart: calendar" in result.stderr
    # and under calendar numbering a number of the wrong calendar year is refused too
    (tmp_path / "meetings" / "council.yml").write_text(council, encoding="utf-8")
    minutes_file = tmp_path / "meetings" / "planning" / "2024-02-13" / "minutes.md"
    minutes_file.write_text(minutes_file.read_text(encoding="utf-8").replace("P014/24", "P014/23"), encoding="utf-8")
    result = check(tmp_path)
    assert result.returncode == 1
    assert "planning/2024-02-13/minutes.md:4: minute P014/23 is numbered in 2023, but the meeting is in 2024" in (
        result.stderr
    )


def test_council_file_mistakes_name_file_line_and_fix(tmp_path):
    archive(
        tmp_path,
        """\
        name: Eastmarsh District Council
        nation: cornwall
        municipal_year_starts: Mai
        minute_numbers: "{yy}/{num}"
        committees:
          cabnet:
            minute_numbers: "CAB/{number}"
        colour: blue
        """,
    )
    result = check(tmp_path)
    assert result.returncode == 1
    err = result.stderr
    assert (
        "meetings/council.yml:2: 'nation' is 'cornwall', which is not one of: england, wales, scotland, "
        "northern-ireland" in err
    )
    assert "meetings/council.yml:3: 'municipal_year_starts' is 'Mai', which is not a month" in err
    assert "meetings/council.yml:4: the numbering scheme '{yy}/{num}' cannot be used" in err
    assert "meetings/council.yml:6: 'cabnet' is not a committee folder" in err and "cabinet" in err
    assert "meetings/council.yml:8: unknown field 'colour'" in err


def test_the_municipal_year_start_decides_a_minutes_year(tmp_path):
    # 12 April 2023 is in 2023/24 when the year starts in April, in 2022/23 when it starts in May
    files = {
        "cabinet/2023-04-12/meeting.md": meeting(),
        "cabinet/2023-04-12/minutes.md": MINUTES.replace("CAB/22/017", "CAB/23/001"),
    }
    scheme = 'committees:\n  cabinet:\n    minute_numbers: "CAB/{yy}/{number:3}"\n'
    archive(tmp_path, "municipal_year_starts: April\n" + scheme, files)
    (tmp_path / "meetings" / "cabinet" / "2022-07-12" / "meeting.md").unlink()
    (tmp_path / "meetings" / "cabinet" / "2022-07-12").rmdir()
    result = check(tmp_path)
    assert result.returncode == 0, result.stderr
    (tmp_path / "meetings" / "council.yml").write_text(scheme, encoding="utf-8")
    assert "numbered in the municipal year 2023, but the meeting is in 2022/23" in check(tmp_path).stderr


PRIVATE = """\
      - number: 2
        title: Sale of Land at Mill Lane
        private: true
        exempt_paragraph: {paragraph}"""


def test_welsh_paragraphs_are_checked_against_welsh_law(tmp_path):
    archive(tmp_path, "nation: wales\n", {"cabinet/2022-07-12/meeting.md": meeting(PRIVATE.format(paragraph=14))})
    result = check(tmp_path)
    assert result.returncode == 0, result.stderr
    (tmp_path / "meetings" / "council.yml").write_text("nation: england\n", encoding="utf-8")
    result = check(tmp_path)
    assert result.returncode == 1
    assert (
        "meeting.md:10: item 2 gives exempt paragraph 14, which is not a paragraph of Part 1 of Schedule 12A "
        "to the Local Government Act 1972 (England: 1-7); paragraph 14 is one of Wales and Scotland's" in result.stderr
    )
    config = fixture_project(tmp_path, {"council.yml": "nation: wales\n"})
    assert mkdocs_build(config, tmp_path / "site").returncode == 0
    page = tmp_path / "site" / "cabinet" / "2022-07-12" / "sale-of-land-at-mill-lane" / "index.html"
    text = page.read_text(encoding="utf-8")
    assert "Paragraph 14 of Part 4 of Schedule 12A to the Act" in text and "financial or business affairs" in text


def test_scottish_paragraph_fifteen_and_the_scottish_act(tmp_path):
    config = archive(
        tmp_path, "nation: scotland\n", {"cabinet/2022-07-12/meeting.md": meeting(PRIVATE.format(paragraph=15))}
    )
    assert mkdocs_build(config, tmp_path / "site").returncode == 0
    text = (tmp_path / "site" / "cabinet" / "2022-07-12" / "sale-of-land-at-mill-lane" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "Section 50A(4) of the Local Government (Scotland) Act 1973" in text
    assert "Paragraph 15 of Part I of Schedule 7A" in text and "protected informant" in text


def test_an_unstated_paragraph_is_accepted_warned_and_shown_as_not_stated(tmp_path):
    config = archive(
        tmp_path,
        "nation: england\n",
        {"cabinet/2022-07-12/meeting.md": meeting(PRIVATE.format(paragraph="not stated"))},
    )
    result = check(tmp_path)
    assert result.returncode == 0, result.stderr
    assert (
        "warning: meetings/cabinet/2022-07-12/meeting.md:10: item 2 is exempt, but the papers do not state"
        in result.stdout
    )
    built = mkdocs_build(config, tmp_path / "site", strict=False)
    assert built.returncode == 0, built.stderr
    text = (tmp_path / "site" / "cabinet" / "2022-07-12" / "sale-of-land-at-mill-lane" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "exempt information (paragraph not stated in the published papers)" in text
    # withheld exactly as a stated paragraph: a missing field still stops the build
    missing = (
        "\n".join(
            line for line in meeting(PRIVATE.format(paragraph="x")).splitlines() if "exempt_paragraph" not in line
        )
        + "\n"
    )
    write_tree(tmp_path / "meetings", {"cabinet/2022-07-12/meeting.md": missing})
    result = check(tmp_path)
    assert result.returncode == 1 and "private item 2 has no exempt paragraph" in result.stderr
    assert "'exempt_paragraph: not stated' when the papers give none" in result.stderr


def test_the_sample_archive_has_its_council_file():
    from helpers import REPO

    from minutebook.load.council import read_council
    from minutebook.problems import Problems

    problems = Problems(root=REPO / "meetings")
    council = read_council(REPO / "meetings", problems)
    assert not problems.items
    assert (council.name, council.nation, council.year_starts) == ("Coventry City Council", "england", 5)
    assert council.scheme("education-childrens-services").format(73, 2016) == "73/16"


def test_new_council_scaffold_is_valid_and_explained(tmp_path):
    import jsonschema

    from minutebook.load.formats import schemas
    from minutebook.load.yamlio import load

    meetings = tmp_path / "meetings"
    write_tree(meetings, {"cabinet/committee.md": COMMITTEE})
    made = minutebook(
        "new",
        "council",
        "--meetings",
        str(meetings),
        "--name",
        "Glanafon County Borough Council",
        "--nation",
        "wales",
        cwd=tmp_path,
    )
    assert made.returncode == 0, made.stderr
    text = (meetings / "council.yml").read_text(encoding="utf-8")
    assert "nation: wales" in text and "# numbers_restart: meeting" in text and "$schema=" in text
    jsonschema.validate(load(text), schemas()["council"])
    assert check(tmp_path).returncode == 0
    again = minutebook("new", "council", "--meetings", str(meetings), "--name", "X", cwd=tmp_path)
    assert again.returncode == 1 and "already exists" in again.stderr
    bad = minutebook(
        "new", "council", "--meetings", str(tmp_path / "m2"), "--name", "X", "--nation", "cymru", cwd=tmp_path
    )
    assert bad.returncode == 1 and "use one of: england, wales, scotland, northern-ireland" in bad.stderr
