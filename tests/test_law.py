"""Each nation's law: the agenda notice period, the bank holidays that are not working days, the
municipal year of a scoped preview, and an exempt item whose papers state no paragraph. Through
`minutebook check` and real strict builds of fixture archives."""

from __future__ import annotations

import json
import textwrap

import pytest
from helpers import REPO, minutebook, mkdocs_build, write_tree

from minutebook.load.loader import Scope, load_archive
from minutebook.plugin import watched_paths

BOARD = "---\nname: Board\n---\n"


def meeting(day_published: str, *, start: str = "14:00") -> str:
    return (
        f'---\nstart: "{start}"\nagenda_published: {day_published}\nitems:\n  - number: 1\n    title: Apologies\n---\n'
    )


def project(tmp_path, nation: str | None, meetings: dict[str, str], options: str = "", council: str = ""):
    """A fixture site: council.yml of ``nation`` (none: no council.yml), the meetings, plugin ``options``."""
    files = {"board/committee.md": BOARD, **meetings}
    if nation is not None:
        files["council.yml"] = f"name: A Council\nnation: {nation}\n{council}"
    write_tree(tmp_path / "meetings", files)
    write_tree(tmp_path / "docs", {"about.md": "# About\n\nA fixture archive.\n"})
    plugin = "  - minutebook:\n      meetings_dir: meetings\n" + textwrap.indent(textwrap.dedent(options), " " * 6)
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"site_name: Fixture council\ndocs_dir: docs\ntheme:\n  name: material\n"
        f"  custom_dir: {REPO / 'overrides'}\nplugins:\n{plugin}\nnav:\n  - About: about.md\n",
        encoding="utf-8",
    )
    return config


def check(tmp_path):
    return minutebook("check", "--strict", cwd=tmp_path)


ENGLAND_RULE = "section 100B(3) of the Local Government Act 1972, as amended by SI 2002/715"
WALES_RULE = "section 100B(3) of the Local Government Act 1972 as it applies in Wales"
SCOTLAND_RULE = "section 50B(3) of the Local Government (Scotland) Act 1973"
NI_RULE = "the Local Government Act (Northern Ireland) 2014 (access to meetings and documents)"

# (nation, meeting day, published on time, published a day late, clear days then, the rule)
CASES = [
    # England: five clear working days. Thu 27 April 2017; from Wed 19: 20, 21, 24, 25, 26
    ("england", "2017-04-27", "2017-04-19", "2017-04-20", 4, f"the law asks for 5 ({ENGLAND_RULE})"),
    # Wales: three. Thu 13 June 2024; from Fri 7: 10, 11, 12 (England would ask for five)
    ("wales", "2024-06-13", "2024-06-07", "2024-06-10", 2, f"the law asks for 3 ({WALES_RULE})"),
    # Scotland: three, and 2 January is a bank holiday. Tue 7 January 2025; from Mon 30 December:
    # 31, 3, 6 (1 and 2 January are holidays); from Tue 31: 3 and 6 only (England would count 2 January)
    ("scotland", "2025-01-07", "2024-12-30", "2024-12-31", 2, f"the law asks for 3 ({SCOTLAND_RULE})"),
    # Scotland: St Andrew's Day, Thu 30 November 2023. Tue 5 December; from Tue 28: 29, 1, 4
    ("scotland", "2023-12-05", "2023-11-28", "2023-11-29", 2, f"the law asks for 3 ({SCOTLAND_RULE})"),
    # Northern Ireland: five, and St Patrick's Day, Mon 17 March 2025. Thu 20 March; from Tue 11:
    # 12, 13, 14, 18, 19; from Wed 12: four (England would count 17 March: five)
    ("northern-ireland", "2025-03-20", "2025-03-11", "2025-03-12", 4, f"the law asks for 5 ({NI_RULE})"),
    # Northern Ireland: the Twelfth, Fri 12 July 2024. Thu 18 July; from Tue 9: 10, 11, 15, 16, 17
    ("northern-ireland", "2024-07-18", "2024-07-09", "2024-07-10", 4, f"the law asks for 5 ({NI_RULE})"),
]


@pytest.mark.parametrize(("nation", "day", "on_time", "late", "clear", "rule"), CASES)
def test_the_notice_period_and_bank_holidays_follow_the_councils_nation(
    tmp_path, nation, day, on_time, late, clear, rule
):
    project(tmp_path, nation, {f"board/{day}/meeting.md": meeting(on_time)})
    result = check(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "clear working day" not in result.stdout
    write_tree(tmp_path / "meetings", {f"board/{day}/meeting.md": meeting(late)})
    result = check(tmp_path)
    assert result.returncode == 2
    assert (
        f"warning: meetings/board/{day}/meeting.md: the agenda was published {late}, {clear} clear working days "
        f"before the meeting; {rule}"
    ) in result.stdout


def test_without_council_yml_the_law_is_englands(tmp_path):
    project(tmp_path, None, {"board/2017-04-27/meeting.md": meeting("2017-04-20")})
    result = check(tmp_path)
    assert (
        result.returncode == 2
        and f"4 clear working days before the meeting; the law asks for 5 ({ENGLAND_RULE})" in (result.stdout)
    )


def test_the_sites_options_override_the_law_only_when_set_and_check_says_so(tmp_path):
    # a Scottish council whose standing orders ask for five clear days
    project(tmp_path, "scotland", {"board/2025-01-07/meeting.md": meeting("2024-12-30")}, "notice_days: 5\n")
    result = check(tmp_path)
    assert result.returncode == 2
    assert (
        "3 clear working days before the meeting; notice_days in the site's options asks for 5 (the law of "
        f"Scotland: 3, {SCOTLAND_RULE})"
    ) in result.stdout
    assert (
        "info: notice check: 5 clear working days (notice_days); Scotland's bank holidays (SCT); the law of "
        f"Scotland asks for 3 ({SCOTLAND_RULE})"
    ) in result.stdout
    # the holidays of another nation, when the site says so: England does not keep 2 January
    (tmp_path / "mkdocs.yml").unlink()
    project(tmp_path, "scotland", {"board/2025-01-07/meeting.md": meeting("2024-12-31")}, "holidays_region: ENG\n")
    result = check(tmp_path)
    assert result.returncode == 0, result.stdout
    assert (
        f"info: notice check: 3 clear working days ({SCOTLAND_RULE}); the bank holidays of holidays_region (ENG)"
        in (result.stdout)
    )


def test_a_build_logs_the_override_of_the_nations_notice(tmp_path):
    config = project(tmp_path, "wales", {"board/2024-06-13/meeting.md": meeting("2024-06-07")}, "notice_days: 5\n")
    built = mkdocs_build(config, tmp_path / "site", strict=False)
    assert built.returncode == 0, built.stderr
    assert (
        "minutebook: notice check: 5 clear working days (notice_days); Wales's bank holidays (WLS); the law of "
        f"Wales asks for 3 ({WALES_RULE})"
    ) in built.stderr
    assert "3 clear working days before the meeting; notice_days in the site's options asks for 5" in built.stderr


def test_a_strict_build_checks_the_nations_notice_too(tmp_path):
    config = project(tmp_path, "wales", {"board/2024-06-13/meeting.md": meeting("2024-06-10")})
    built = mkdocs_build(config, tmp_path / "site")
    assert built.returncode != 0
    assert f"2 clear working days before the meeting; the law asks for 3 ({WALES_RULE})" in built.stderr
    write_tree(tmp_path / "meetings", {"board/2024-06-13/meeting.md": meeting("2024-06-07")})
    assert mkdocs_build(config, tmp_path / "site").returncode == 0


# -- call-in: clear working days by the nation's bank holidays -------------------------------------

CABINET = "---\nname: Cabinet\nkind: executive\n---\n"
DECISION = """\
---
start: "14:00"
items:
  - number: 1
    title: Library Opening Hours
    decision:
      published: {published}
---
"""


@pytest.mark.parametrize(
    ("nation", "published", "ends"),
    [
        # Tue 28 November 2023: 29, 30, 1, 4, 5 in England; St Andrew's Day does not count in Scotland
        ("england", "2023-11-28", "2023-12-05"),
        ("scotland", "2023-11-28", "2023-12-06"),
        # Wed 10 July 2024: 11, 15, 16, 17, 18 in Northern Ireland (not the Twelfth); 11, 12, 15, 16, 17 in Wales
        ("northern-ireland", "2024-07-10", "2024-07-18"),
        ("wales", "2024-07-10", "2024-07-17"),
    ],
)
def test_the_call_in_deadline_skips_the_nations_bank_holidays(tmp_path, nation, published, ends):
    day = published  # the decision notice on the day of the meeting
    config = project(
        tmp_path, nation, {"cabinet/committee.md": CABINET, f"cabinet/{day}/meeting.md": DECISION.format(published=day)}
    )
    assert mkdocs_build(config, tmp_path / "site").returncode == 0
    data = json.loads((tmp_path / "site" / "api" / "meetings.json").read_text(encoding="utf-8"))
    decision = next(m for m in data["meetings"] if m["committee"] == "cabinet")["items"][0]["decision"]
    assert decision["call_in_ends"] == ends


# -- the scoped preview reads the council's municipal year ----------------------------------------


def test_a_scoped_preview_reads_the_councils_municipal_year(tmp_path):
    # a council whose municipal year starts in April: 20 April 2022 is in 2022/23, not 2021/22
    meetings = {
        "board/committee.md": BOARD,
        "board/2022-04-20/meeting.md": meeting("2022-04-01"),
        "board/2022-03-20/meeting.md": meeting("2022-03-01"),
    }
    write_tree(tmp_path / "meetings", {**meetings, "council.yml": "nation: england\nmunicipal_year_starts: April\n"})
    archive, problems = load_archive(tmp_path / "meetings", Scope(["board/2022-23"]))
    assert not problems.errors
    assert [m.date.isoformat() for m in archive.meetings] == ["2022-04-20"]
    archive, _ = load_archive(tmp_path / "meetings", Scope(["board/2021-22"]))
    assert [m.date.isoformat() for m in archive.meetings] == ["2022-03-20"]
    watched = {
        p.relative_to(tmp_path / "meetings").as_posix()
        for p, _ in watched_paths(tmp_path / "meetings", Scope(["board/2022-23"], 4))
    }
    assert "board/2022-04-20" in watched and "board/2022-03-20" not in watched
    assert "council.yml" in watched
    # the sample council's May start, as before
    write_tree(tmp_path / "meetings", {"council.yml": "nation: england\n"})
    archive, _ = load_archive(tmp_path / "meetings", Scope(["board/2021-22"]))
    assert [m.date.isoformat() for m in archive.meetings] == ["2022-03-20", "2022-04-20"]
    watched = {
        p.relative_to(tmp_path / "meetings").as_posix()
        for p, _ in watched_paths(tmp_path / "meetings", Scope(["board/2022-23"]))
    }
    assert "board/2022-04-20" not in watched


# -- an exempt item whose papers state no paragraph -------------------------------------------------

PRIVATE = """\
---
start: "14:00"
items:
  - number: 1
    title: Apologies
  - number: 2
    title: Sale of Land at Mill Lane
    private: true
    exempt_paragraph: {paragraph}
---
"""


def test_an_unstated_exempt_paragraph_is_a_check_warning_and_a_build_note(tmp_path):
    config = project(tmp_path, "england", {"board/2022-07-12/meeting.md": PRIVATE.format(paragraph="not stated")})
    result = check(tmp_path)
    message = (
        "meetings/board/2022-07-12/meeting.md:9: item 2 is exempt, but the papers do not state the paragraph of "
        "Part 1 of Schedule 12A to the Local Government Act 1972"
    )
    assert result.returncode == 2 and f"warning: {message}" in result.stdout
    assert "no errors, 1 warnings" in result.stdout
    # the strict build passes, and logs it as a note, counted in the summary line
    built = mkdocs_build(config, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    assert "WARNING" not in built.stderr
    assert "minutebook: 1 notes" in built.stderr
    assert "1 × item N is exempt, but the papers do not state the paragraph" in built.stderr
    page = tmp_path / "site" / "board" / "2022-07-12" / "sale-of-land-at-mill-lane" / "index.html"
    assert "exempt information (paragraph not stated in the published papers)" in page.read_text(encoding="utf-8")
    # a paragraph out of range is still an error, and a stated one is neither warning nor note
    write_tree(tmp_path / "meetings", {"board/2022-07-12/meeting.md": PRIVATE.format(paragraph=12)})
    result = check(tmp_path)
    assert result.returncode == 1 and "gives exempt paragraph 12" in result.stderr
    write_tree(tmp_path / "meetings", {"board/2022-07-12/meeting.md": PRIVATE.format(paragraph=3)})
    result = check(tmp_path)
    assert result.returncode == 0 and "exempt" not in result.stdout


@pytest.mark.parametrize("nation", ["england", "wales"])
def test_a_meeting_before_march_2006_is_read_against_the_schedule_then_in_force(tmp_path, nation):
    """Before 1 March 2006 (SI 2006/88) Schedule 12A had fifteen paragraphs in England and Wales: a 2003
    pack's 'paragraph 9' (contract terms) is valid for its meeting, shown with that paragraph's words,
    and still an error for a meeting after the change, with a hint that names the date."""
    config = project(
        tmp_path,
        nation,
        {
            "board/2003-06-10/meeting.md": PRIVATE.format(paragraph=9),
            "board/2006-03-01/meeting.md": PRIVATE.format(paragraph=9),
        },
    )
    result = check(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    errors = [line for line in result.stderr.splitlines() if "gives exempt paragraph 9" in line]
    assert len(errors) == 1 and "board/2006-03-01/meeting.md:9" in errors[0], result.stderr
    assert "before 1 March 2006 the Schedule had paragraphs 1-15, so check the meeting's date" in result.stderr
    write_tree(tmp_path / "meetings", {"board/2006-03-01/meeting.md": PRIVATE.format(paragraph=3)})
    if nation == "wales":  # paragraph 3 is not Welsh after 2006: give the 2007 Order's 14
        write_tree(tmp_path / "meetings", {"board/2006-03-01/meeting.md": PRIVATE.format(paragraph=14)})
    assert check(tmp_path).returncode == 0
    built = mkdocs_build(config, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    old = (tmp_path / "site" / "board" / "2003-06-10" / "sale-of-land-at-mill-lane" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "Paragraph 9 of Part I of Schedule 12A to the Act (as in force before 1 March 2006)" in old
    assert "any terms proposed or to be proposed by or to the authority in the course of negotiations" in old
    new = (tmp_path / "site" / "board" / "2006-03-01" / "sale-of-land-at-mill-lane" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "before 1 March 2006" not in new and "Schedule 12A to the Act" in new


# -- key decisions: notice in the forward plan ------------------------------------------------------

KEY = """\
---
start: "14:00"
items:
  - number: 1
    title: Library Opening Hours
    decision:
      key_decision: true
      forward_plan: FP/2022/031
      forward_plan_published: {notice}
{urgency}      published: 2022-07-14
---
"""
KEY_PAGE = ("cabinet", "2022-07-12", "library-opening-hours", "index.html")
REG_9 = (
    "regulation 9 of the Local Authorities (Executive Arrangements) (Meetings and Access to Information) "
    "(England) Regulations 2012 (SI 2012/2089)"
)


def key_decision(tmp_path, nation: str, notice: str, urgency: str = ""):
    line = f"      urgency: {urgency}\n" if urgency else ""
    return project(
        tmp_path,
        nation,
        {"cabinet/committee.md": CABINET, "cabinet/2022-07-12/meeting.md": KEY.format(notice=notice, urgency=line)},
    )


def page_text(site, parts) -> str:
    """The visible text of a built page, tags removed and white space collapsed (as test_decisions reads it)."""
    from test_decisions import text_of

    return text_of(site.joinpath(*parts))


def test_a_key_decision_needs_28_clear_days_in_the_forward_plan_in_england(tmp_path):
    # Tuesday 12 July 2022: from Monday 13 June, 14 June … 11 July are 28 clear days
    config = key_decision(tmp_path, "england", "2022-06-13")
    result = check(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert mkdocs_build(config, tmp_path / "site").returncode == 0
    text = page_text(tmp_path / "site", KEY_PAGE)
    assert (
        "It was first announced in the forward plan on 13 June 2022, 28 clear days before the decision; the law "
        "asks for at least 28."
    ) in text
    data = json.loads((tmp_path / "site" / "api" / "meetings.json").read_text(encoding="utf-8"))
    decision = data["meetings"][0]["items"][0]["decision"]
    assert decision["forward_plan_published"] == "2022-06-13" and decision["notice_days"] == 28
    assert decision["urgency"] is None
    # a day later: 27 clear days, a warning naming the file, the line and the rule
    key_decision(tmp_path, "england", "2022-06-14")
    result = check(tmp_path)
    assert result.returncode == 2
    assert (
        "warning: meetings/cabinet/2022-07-12/meeting.md:9: key decision item 1 was in the forward plan from "
        f"2022-06-14, 27 clear days before the meeting; {REG_9} asks for 28 — check forward_plan_published, or "
        "give 'urgency: general exception' or 'urgency: special urgency'"
    ) in result.stdout
    built = mkdocs_build(config, tmp_path / "site")
    assert built.returncode != 0 and "27 clear days before the meeting" in built.stderr


def test_the_general_exception_asks_for_five_clear_days_and_special_urgency_for_none(tmp_path):
    # the general exception: a notice of its own five clear days before (7 … 11 July)
    config = key_decision(tmp_path, "england", "2022-07-06", "general exception")
    assert check(tmp_path).returncode == 0
    assert mkdocs_build(config, tmp_path / "site").returncode == 0
    text = page_text(tmp_path / "site", KEY_PAGE)
    assert (
        "It was taken under the general exception: it was not announced in the forward plan with the full "
        "notice, so the chair of the scrutiny committee and the public were told of it in a notice of its own, "
        "published on 6 July 2022, 5 clear days before the decision (the law asks for at least 5)."
    ) in text
    data = json.loads((tmp_path / "site" / "api" / "meetings.json").read_text(encoding="utf-8"))
    assert data["meetings"][0]["items"][0]["decision"]["urgency"] == "general exception"
    key_decision(tmp_path, "england", "2022-07-07", "general exception")
    result = check(tmp_path)
    assert result.returncode == 2
    assert "4 clear days before the meeting; regulation 10(1)(c) of the Local Authorities" in result.stdout
    assert "key decision item 1 was in the general-exception notice from 2022-07-07" in result.stdout
    # special urgency: no notice period, the page says why
    config = key_decision(tmp_path, "england", "2022-07-11", "special urgency")
    assert check(tmp_path).returncode == 0
    assert mkdocs_build(config, tmp_path / "site").returncode == 0
    text = page_text(tmp_path / "site", KEY_PAGE)
    assert "It was taken as a case of special urgency: it could not wait for the usual notice" in text


def test_scotland_has_no_statutory_forward_plan_so_the_notice_is_not_checked(tmp_path):
    config = key_decision(tmp_path, "scotland", "2022-07-01")
    assert check(tmp_path).returncode == 0
    assert mkdocs_build(config, tmp_path / "site").returncode == 0
    text = page_text(tmp_path / "site", KEY_PAGE)
    assert "It was first announced in the forward plan on 1 July 2022, 10 clear days before the decision." in text
    assert "the law asks" not in text


def test_forward_plan_mistakes_are_errors_with_file_line_and_fix(tmp_path):
    cases = {
        # an urgency that is not one
        KEY.format(notice="2022-07-01", urgency="      urgency: urgent\n"): (
            "meeting.md:10: 'urgency' is 'urgent', which is not one of: general exception, special urgency"
        ),
        # the forward plan after the meeting
        KEY.format(notice="2022-07-12", urgency=""): (
            "meeting.md:9: item 1 was first in the forward plan on 2022-07-12, not before the meeting of 2022-07-12"
        ),
        # urgency on a decision that is not a key decision
        KEY.format(notice="2022-07-01", urgency="      urgency: special urgency\n").replace(
            "      key_decision: true\n", ""
        ): "meeting.md:8: item 1 gives 'forward_plan_published', which only a key decision has",
    }
    for text, expected in cases.items():
        write_tree(
            tmp_path / "meetings",
            {"board/committee.md": BOARD, "cabinet/committee.md": CABINET, "cabinet/2022-07-12/meeting.md": text},
        )
        result = minutebook("check", "meetings", cwd=tmp_path)
        assert result.returncode == 1, (expected, result.stdout)
        assert expected in result.stderr, result.stderr


def test_a_key_decision_without_its_forward_plan_date_is_a_note(tmp_path):
    project(
        tmp_path,
        "england",
        {
            "cabinet/committee.md": CABINET,
            "cabinet/2022-07-12/meeting.md": KEY.format(notice="x", urgency="").replace(
                "      forward_plan_published: x\n", ""
            ),
        },
    )
    result = minutebook("check", "--strict", "-v", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert (
        "info: meetings/cabinet/2022-07-12/meeting.md:7: key decision item 1 does not give the date it was first "
        "in the forward plan, so its 28 clear days' notice"
    ) in result.stdout


# -- Scottish terms -------------------------------------------------------------------------------

SCOTTISH = {
    "people.yml": """\
        j-smith: {name: J Smith, honorific: Provost}
        k-brown: {name: K Brown, honorific: Bailie}
        a-lane: {name: A Lane, honorific: Councillor}
        """,
    "education-committee/committee.md": """\
        ---
        name: Education Committee
        membership:
          "2023/24":
            - A Lane (Convener)
            - K Brown (Vice-Convener)
        ---
        """,
    "education-committee/2023-12-05/meeting.md": '---\nstart: "10:00"\nitems:\n  - number: 1\n    title: Sederunt\n---\n',
    "education-committee/2023-12-05/minutes.md": """\
        ---
        approved: false
        attendance:
          present:
            - Councillor A Lane (Convener)
            - Bailie K Brown
          invited:
            - Provost J Smith
        ---

        ## 1. Sederunt {item=1}

        The sederunt is as above.
        """,
}


def test_scottish_terms_read_as_what_they_are(tmp_path):
    config = project(tmp_path, "scotland", SCOTTISH)
    result = minutebook("check", "--strict", "-v", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    # the Provost and the Bailie are the people of people.yml, not people of their own
    assert "not in people.yml" not in result.stdout
    assert mkdocs_build(config, tmp_path / "site").returncode == 0
    site = tmp_path / "site"
    committee = page_text(site, ("education-committee", "index.html"))
    assert "A Lane Convener K Brown Vice-Convener" in committee
    assert "Bailie K Brown" in page_text(site, ("people", "k-brown", "index.html"))
    people = page_text(site, ("people", "index.html"))
    councillors = people[people.index("Councillors Elected members") :]
    councillors = councillors[: councillors.find("Others") if "Others" in councillors else None]
    assert "J Smith" in councillors  # a Provost is a councillor, though listed among the invited
    # a role that is not one is refused, naming the Scottish ones
    write_tree(
        tmp_path / "meetings",
        {
            "education-committee/committee.md": SCOTTISH["education-committee/committee.md"].replace(
                "(Convener)", "(Convenor-General)"
            )
        },
    )
    result = minutebook("check", cwd=tmp_path)
    assert result.returncode == 1 and "Convener, Vice-Convener, Depute Convener" in result.stderr
