"""Decisions: recorded votes on a minute (who voted which way, the result) and executive decisions
(committee kind executive: key decision, forward plan, decision notice and the call-in deadline in
clear working days). Real builds and `minutebook check` runs of small fixture archives."""

from __future__ import annotations

import html
import json
import re

from helpers import fixture_project, minutebook, mkdocs_build

PEOPLE = """\
    a-lane: {name: A Lane, honorific: Councillor}
    b-khan: {name: B Khan, honorific: Councillor}
    c-okoro: {name: C Okoro, honorific: Councillor}
    d-price: {name: D Price, honorific: Councillor}
    e-wu: {name: E Wu, honorific: Councillor}
    """

CABINET = """\
    ---
    name: Cabinet
    kind: executive
    ---
    The Cabinet takes the council's executive decisions.
    """

MEETING = """\
    ---
    start: "14:00"
    items:
      - number: 1
        title: Library Opening Hours
        decision:
          key_decision: true
          forward_plan: FP/2022/031
          published: 2022-07-14
      - number: 2
        title: Grass Cutting Contract
    ---
    """

ATTENDANCE = """\
    attendance:
      present:
        - A Lane (Chair)
        - B Khan
        - C Okoro
        - D Price
"""

MINUTES = """\
    ---
    approved: false
{attendance}
    votes:
{votes}
    ---

    ## 5/22 Library Opening Hours {{item=1}}

    Councillor Price moved that the libraries open on Sundays.

    RESOLVED that the libraries open on Sundays from September.

    ## 6/22 Grass Cutting Contract {{item=2}}

    RESOLVED that the contract be extended by a year.
    """

VOTE = """\
      - minute: 5
        on: The motion moved by Councillor Price
        for: [Councillor A Lane, B Khan, C Okoro]
        against: [D Price]
        result: carried
"""


def minutes(votes: str = VOTE, attendance: str = ATTENDANCE) -> str:
    return MINUTES.format(attendance=attendance.rstrip(), votes=votes.rstrip())


def archive(
    tmp_path,
    votes: str = VOTE,
    meeting: str = MEETING,
    committee: str = CABINET,
    council: str = "",
    attendance: str = ATTENDANCE,
):
    tree = {
        "people.yml": PEOPLE,
        "cabinet/committee.md": committee,
        "cabinet/2022-07-12/meeting.md": meeting,
        "cabinet/2022-07-12/minutes.md": minutes(votes, attendance),
    }
    if council:
        tree["council.yml"] = council
    return fixture_project(tmp_path, tree)


def text_of(path) -> str:
    """The visible text of a built page, tags removed and white space collapsed."""
    raw = path.read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())
    return re.sub(r" ([,.;:)])", r"\1", text)


def check(tmp_path):
    return minutebook("check", str(tmp_path / "meetings"), cwd=tmp_path)


def build(tmp_path, config, strict=True):
    result = mkdocs_build(config, tmp_path / "site", strict=strict)
    assert result.returncode == 0, result.stderr
    return tmp_path / "site"


# -- recorded votes -------------------------------------------------------------------------------


def test_a_recorded_vote_is_shown_on_the_minute_the_item_and_each_members_page(tmp_path):
    site = build(tmp_path, archive(tmp_path))
    expected = (
        "Recorded vote on The motion moved by Councillor Price: Carried (3 for, 1 against). "
        "For: A Lane, B Khan, C Okoro Against: D Price"
    )
    meeting = text_of(site / "cabinet" / "2022-07-12" / "index.html")
    assert expected in meeting
    item = text_of(site / "cabinet" / "2022-07-12" / "library-opening-hours" / "index.html")
    assert expected in item
    # the other minute had no recorded vote
    assert item.count("Recorded vote") == 1 and meeting.count("Recorded vote") == 1
    # names link to the person pages, which say how each voted
    page = (site / "cabinet" / "2022-07-12" / "library-opening-hours" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../../people/d-price/"' in page
    price = text_of(site / "people" / "d-price" / "index.html")
    assert "How they voted" in price
    assert (
        "12 July 2022 Minute 5/22: Library Opening Hours The motion moved by Councillor Price Against Carried" in price
    )
    lane = text_of(site / "people" / "a-lane" / "index.html")
    assert "The motion moved by Councillor Price For Carried" in lane
    # a member who voted in nothing has no such section
    site = build(tmp_path, archive(tmp_path, votes="      []"))
    assert "How they voted" not in text_of(site / "people" / "d-price" / "index.html")
    assert "Recorded vote" not in text_of(site / "cabinet" / "2022-07-12" / "index.html")


def test_votes_are_in_the_open_data_with_people_keys_counts_and_result(tmp_path):
    votes = (
        VOTE
        + """\
      - minute: 6
        counts: {for: 2, against: 2, abstain: 1}
        result: lost
        casting_vote: true
"""
    )
    site = build(tmp_path, archive(tmp_path, votes))
    data = json.loads((site / "api" / "meetings.json").read_text(encoding="utf-8"))
    first, second = data["meetings"][0]["items"]
    assert first["votes"] == [
        {
            "on": "The motion moved by Councillor Price",
            "result": "carried",
            "casting_vote": False,
            "for": [
                {"name": "A Lane", "person": "a-lane"},
                {"name": "B Khan", "person": "b-khan"},
                {"name": "C Okoro", "person": "c-okoro"},
            ],
            "against": [{"name": "D Price", "person": "d-price"}],
            "abstain": [],
            "counts": {"for": 3, "against": 1, "abstain": None},
        }
    ]
    assert second["votes"][0]["counts"] == {"for": 2, "against": 2, "abstain": 1}
    assert second["votes"][0]["casting_vote"] is True and second["votes"][0]["for"] == []
    text = text_of(site / "cabinet" / "2022-07-12" / "grass-cutting-contract" / "index.html")
    assert "Recorded vote: Lost on the chair's casting vote (2 for, 2 against, 1 abstention)." in text


def test_a_vote_on_a_private_minute_is_not_published(tmp_path):
    meeting = MEETING.replace(
        "        title: Grass Cutting Contract\n",
        "        title: Grass Cutting Contract\n        private: true\n        exempt_paragraph: 3\n",
    )
    votes = VOTE + "      - {minute: 6, for: [E Wu], against: [], result: carried}\n"
    attendance = ATTENDANCE + "        - E Wu\n"
    site = build(tmp_path, archive(tmp_path, votes, meeting=meeting, attendance=attendance))
    text = text_of(site / "cabinet" / "2022-07-12" / "grass-cutting-contract" / "index.html")
    assert "Recorded vote" not in text and "E Wu" not in text
    data = json.loads((site / "api" / "meetings.json").read_text(encoding="utf-8"))
    assert data["meetings"][0]["items"][1]["votes"] == []
    assert "How they voted" not in text_of(site / "people" / "e-wu" / "index.html")


def test_a_voter_not_recorded_present_is_a_warning_with_file_and_line(tmp_path):
    votes = VOTE.replace("against: [D Price]", "against: [D Price, E Wu]").replace("result: carried", "result: carried")
    archive(tmp_path, votes)
    result = check(tmp_path)
    assert result.returncode == 0, result.stderr
    assert (
        "warning: meetings/cabinet/2022-07-12/minutes.md:13: 'E Wu' is recorded as voting in minute 5/22, but "
        "the attendance does not record them as present"
    ) in result.stdout
    assert "check the spelling of the name, or add them to the attendance" in result.stdout
    # the build still publishes it (a warning, not an error) unless strict
    assert mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site", strict=False).returncode == 0
    assert "E Wu" in text_of(tmp_path / "site" / "cabinet" / "2022-07-12" / "index.html")


def test_counts_that_contradict_the_result_are_errors_with_file_line_and_fix(tmp_path):
    cases = {
        # three for, one against, but "lost"
        VOTE.replace("result: carried", "result: lost"): (
            "minutes.md:14: the vote in minute 5/22 is recorded as lost, but the figures are 3 for and 1 against",
            "check the names, the counts and the result",
        ),
        # a count that does not match the names
        VOTE.replace("result: carried", "counts: {for: 4}\n        result: carried"): (
            "minutes.md:14: the vote in minute 5/22 gives 4 for but names 3",
            "make the count match the names",
        ),
        # a tie with no casting vote
        "      - {minute: 5, counts: {for: 2, against: 2}, result: carried}\n": (
            "the vote in minute 5/22 was tied (2 for and 2 against) but does not say how it was decided",
            "add 'casting_vote: true'",
        ),
        # a casting vote without a tie
        "      - {minute: 5, counts: {for: 3, against: 2}, result: carried, casting_vote: true}\n": (
            "was decided by the chair's casting vote, but the votes were not equal (3 for and 2 against)",
            "remove 'casting_vote: true'",
        ),
        # a member on both sides
        VOTE.replace("against: [D Price]", "against: [D Price, B Khan]"): (
            "'B Khan' is recorded as voting both for and against",
            "keep the name in one list only",
        ),
        # no such minute
        VOTE.replace("minute: 5", "minute: 9"): (
            "minutes.md:10: the vote refers to minute 9, which is not in these minutes",
            "write the number of",
        ),
        # nothing recorded
        "      - {minute: 5, result: carried}\n": ("the vote in minute 5/22 records no votes", "give the numbers"),
        # a result that is not a result
        VOTE.replace("result: carried", "result: passed"): (
            "minutes.md:14: 'result' is 'passed', which is not one of: carried, lost",
            "write one of: carried, lost",
        ),
    }
    for votes, (message, fix) in cases.items():
        archive(tmp_path, votes)
        result = check(tmp_path)
        assert result.returncode == 1, (votes, result.stdout)
        assert message in result.stderr, (votes, result.stderr)
        assert fix in result.stderr, (votes, result.stderr)
        assert "Traceback" not in result.stderr
    # and the build refuses the archive, naming the file
    archive(tmp_path, VOTE.replace("result: carried", "result: lost"))
    built = mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert built.returncode != 0 and "meetings/cabinet/2022-07-12/minutes.md:14" in built.stderr + built.stdout


# -- executive decisions --------------------------------------------------------------------------

ITEM = ("cabinet", "2022-07-12", "library-opening-hours", "index.html")


def test_a_key_decision_shows_its_forward_plan_and_call_in_deadline_in_plain_words(tmp_path, monkeypatch):
    # published Thursday 14 July 2022: five clear working days are 15, 18, 19, 20 and 21 July
    monkeypatch.setenv("MINUTEBOOK_TODAY", "2022-07-18")
    site = build(tmp_path, archive(tmp_path))
    for page in (site.joinpath(*ITEM), site / "cabinet" / "2022-07-12" / "index.html"):
        text = text_of(page)
        assert "Key decision (forward plan reference FP/2022/031)." in text
        assert (
            "The decision notice was published on 14 July 2022. This decision can be called in until the end "
            "of Thursday 21 July 2022; after that it can be put into effect."
        ) in text
        assert "The council's constitution allows 5 clear working days after the decision notice" in text
    # the item without a decision says nothing about call-in
    assert "call" not in text_of(site / "cabinet" / "2022-07-12" / "grass-cutting-contract" / "index.html").lower()
    data = json.loads((site / "api" / "meetings.json").read_text(encoding="utf-8"))
    assert data["committees"][0]["kind"] == "executive"
    assert data["meetings"][0]["items"][0]["decision"] == {
        "key_decision": True,
        "forward_plan": "FP/2022/031",
        "forward_plan_published": None,
        "notice_days": None,
        "urgency": None,
        "published": "2022-07-14",
        "call_in_days": 5,
        "call_in_ends": "2022-07-21",
    }
    assert data["meetings"][0]["items"][1]["decision"] is None


def test_after_the_deadline_the_page_says_the_call_in_time_has_ended(tmp_path, monkeypatch):
    monkeypatch.setenv("MINUTEBOOK_TODAY", "2022-07-22")
    text = text_of(build(tmp_path, archive(tmp_path)).joinpath(*ITEM))
    assert "The time to call it in ended on Thursday 21 July 2022; after that it could be put into effect." in text
    assert "can be called in until" not in text


def test_bank_holidays_do_not_count_and_the_period_is_the_councils_setting(tmp_path):
    # Thursday 25 August 2022; Monday 29 August was the summer bank holiday in England
    meeting = MEETING.replace("2022-07-14", "2022-08-25")
    site = build(tmp_path, archive(tmp_path, meeting=meeting))
    assert "Friday 2 September 2022" in text_of(site.joinpath(*ITEM))
    # the constitution of another council allows three days
    site = build(tmp_path, archive(tmp_path, meeting=meeting, council="call_in_days: 3\n"))
    text = text_of(site.joinpath(*ITEM))
    assert "ended on Wednesday 31 August 2022" in text and "allows 3 clear working days" in text


def test_a_decision_without_its_notice_and_a_decision_that_is_not_key(tmp_path):
    meeting = MEETING.replace("          key_decision: true\n", "").replace("          published: 2022-07-14\n", "")
    text = text_of(build(tmp_path, archive(tmp_path, meeting=meeting), strict=False).joinpath(*ITEM))
    assert "This is not a key decision. Forward plan reference: FP/2022/031." in text
    assert (
        "The date of the decision notice is not recorded here, so the time to call this decision in cannot be "
        "given." in text
    )
    result = check(tmp_path)
    assert (
        "warning: meetings/cabinet/2022-07-12/meeting.md:7: item 1 gives a forward plan reference but is not "
        "marked as a key decision" in result.stdout
    )


def test_decision_mistakes_are_errors_with_file_line_and_fix(tmp_path):
    cases = {
        # a decision recorded for a scrutiny committee
        (MEETING, CABINET.replace("    kind: executive\n", "")): (
            "meeting.md:6: item 1 records an executive decision, but the committee 'cabinet' is of kind scrutiny",
            "add 'kind: executive' to cabinet/committee.md",
        ),
        # a committee kind that is not one
        (MEETING, CABINET.replace("kind: executive", "kind: cabinet")): (
            "committee.md:3: 'kind' is 'cabinet', which is not one of: scrutiny, executive, planning, council",
            "write one of",
        ),
        # a notice dated before the meeting
        (MEETING.replace("2022-07-14", "2022-07-01"), CABINET): (
            "meeting.md:9: the decision notice of item 1 is dated 2022-07-01, before the meeting",
            "on or after the meeting",
        ),
        # key_decision that is not true or false
        (MEETING.replace("key_decision: true", "key_decision: maybe"), CABINET): (
            "meeting.md:7: 'key_decision' must be true or false",
            "write true or false",
        ),
    }
    for (meeting, committee), (message, fix) in cases.items():
        archive(tmp_path, meeting=meeting, committee=committee)
        result = check(tmp_path)
        assert result.returncode == 1, (message, result.stdout)
        assert message in result.stderr and fix in result.stderr, (message, result.stderr)
        assert "Traceback" not in result.stderr
    # a call-in period that is not a number of days
    archive(tmp_path, council="call_in_days: five\n")
    result = check(tmp_path)
    assert result.returncode == 1 and "council.yml:1: 'call_in_days' must be a whole number" in result.stderr


def test_the_scaffolds_offer_the_committee_kind_the_decision_and_the_call_in_period(tmp_path):
    fixture_project(tmp_path, {"people.yml": ""})
    run = lambda *a: minutebook(*a, cwd=tmp_path)  # noqa: E731
    assert run("new", "council", "--meetings", "meetings", "--name", "Eastmarsh District Council").returncode == 0
    assert "call_in_days: 5" in (tmp_path / "meetings" / "council.yml").read_text(encoding="utf-8")
    assert run("new", "committee", "--slug", "cabinet", "--name", "Cabinet").returncode == 0
    committee = tmp_path / "meetings" / "cabinet" / "committee.md"
    committee.write_text(
        committee.read_text(encoding="utf-8").replace("# kind: executive", "kind: executive"), encoding="utf-8"
    )
    assert run("new", "meeting", "--committee", "cabinet", "--date", "2017-04-20", "--start", "10:00").returncode == 0
    meeting = tmp_path / "meetings" / "cabinet" / "2017-04-20" / "meeting.md"
    lines = meeting.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("# items:"))
    end = next(i for i, line in enumerate(lines) if line.startswith("#   - number: 13"))
    lines[start:end] = [line[2:] for line in lines[start:end]]  # the officer uncomments the sample agenda
    meeting.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("check", "meetings")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "5 items" in result.stdout and "0 warnings" in result.stdout  # the sample decision is complete
    # the decision is read: without the committee's kind it is refused
    committee.write_text(
        committee.read_text(encoding="utf-8").replace("kind: executive", "# kind: executive"), encoding="utf-8"
    )
    result = run("check", "meetings")
    assert result.returncode == 1 and "item 12 records an executive decision" in result.stderr
    # a planning committee uncomments the sample application instead
    committee.write_text(
        committee.read_text(encoding="utf-8").replace("# kind: executive", "kind: planning"), encoding="utf-8"
    )
    text = meeting.read_text(encoding="utf-8")
    text = re.sub(r"    decision:\n(      .*\n)+", "", text)
    tail = text[text.index("#   - number: 13") :]
    text = text.replace(
        tail, "\n".join(line[2:] if line.startswith("# ") else line for line in tail.splitlines()) + "\n"
    )
    meeting.write_text(text, encoding="utf-8")
    result = run("check", "meetings")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "6 items" in result.stdout and "0 warnings" in result.stdout


# -- planning applications ------------------------------------------------------------------------

PLANNING = """\
    ---
    name: Planning Committee
    kind: planning
    ---
    """

APPLICATIONS = """\
    ---
    start: "18:00"
    items:
      - number: 4
        title: 12 Mill Lane, Eastmarsh
        application:
          reference: 22/01234/FUL
          site: 12 Mill Lane, Eastmarsh EM1 2AB
          proposal: Two-storey rear extension
          decision: granted
          conditions:
            - The development shall begin within three years of this permission.
            - The materials shall match those of the existing house.
      - number: 5
        title: Land off Station Road
        application:
          reference: 22/00456/OUT
          site: Land off Station Road
          decision: refused
          reasons:
            - The site lies outside the settlement boundary.
      - number: 6
        title: The Old Forge
        application: {reference: 22/00789/LBC, decision: deferred, reasons: [For a site visit]}
      - number: 7
        title: 3 Church Street
        application: {reference: 22/00999/HOU}
    ---
    """


def planning(tmp_path, meeting: str = APPLICATIONS):
    return fixture_project(tmp_path, {"planning/committee.md": PLANNING, "planning/2022-09-06/meeting.md": meeting})


def test_a_planning_application_shows_its_site_decision_and_conditions(tmp_path):
    site = build(tmp_path, planning(tmp_path))
    day = site / "planning" / "2022-09-06"
    text = text_of(day / "12-mill-lane-eastmarsh" / "index.html")
    assert (
        "Planning application 22/01234/FUL Site 12 Mill Lane, Eastmarsh EM1 2AB Proposal Two-storey rear "
        "extension Decision Granted"
    ) in text
    assert (
        "The committee granted planning permission, subject to these 2 conditions: The development shall begin "
        "within three years of this permission. The materials shall match those of the existing house."
    ) in text
    page = (day / "12-mill-lane-eastmarsh" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<ol>\s*<li>The development shall begin", page)
    text = text_of(day / "land-off-station-road" / "index.html")
    assert "Decision Refused" in text
    assert "The committee refused planning permission, for this reason: The site lies outside" in text
    text = text_of(day / "the-old-forge" / "index.html")
    assert "Decision Deferred to a later meeting" in text
    assert "the application will come back to a later meeting. Why: For a site visit" in text
    text = text_of(day / "3-church-street" / "index.html")
    assert "Decision Not decided yet" in text and "The committee has not decided this application yet." in text
    meeting = text_of(day / "index.html")
    assert "12 Mill Lane, Eastmarsh Planning application 22/01234/FUL: granted" in meeting
    assert "Land off Station Road Planning application 22/00456/OUT: refused" in meeting
    data = json.loads((site / "api" / "meetings.json").read_text(encoding="utf-8"))
    items = data["meetings"][0]["items"]
    assert items[0]["application"] == {
        "reference": "22/01234/FUL",
        "site": "12 Mill Lane, Eastmarsh EM1 2AB",
        "proposal": "Two-storey rear extension",
        "decision": "granted",
        "conditions": [
            "The development shall begin within three years of this permission.",
            "The materials shall match those of the existing house.",
        ],
        "reasons": [],
    }
    assert items[3]["application"]["decision"] is None
    assert data["committees"][0]["kind"] == "planning"


def test_planning_application_mistakes_are_errors_with_file_line_and_fix(tmp_path):
    cases = {
        APPLICATIONS.replace("decision: granted", "decision: approved"): (
            "meeting.md:10: 'decision' is 'approved', which is not one of: granted, refused, deferred",
            "write one of",
        ),
        APPLICATIONS.replace("decision: granted", "decision: refused"): (
            "meeting.md:11: application 22/01234/FUL has conditions but was not granted",
            "conditions go with 'decision: granted'",
        ),
        APPLICATIONS.replace("decision: refused", "decision: granted"): (
            "meeting.md:20: application 22/00456/OUT gives reasons but was not refused or deferred",
            "a grant's terms go under 'conditions:'",
        ),
        APPLICATIONS.replace("{reference: 22/00999/HOU}", "{site: 3 Church Street}"): ("'reference' is missing", ""),
    }
    for meeting, (message, fix) in cases.items():
        planning(tmp_path, meeting)
        result = check(tmp_path)
        assert result.returncode == 1, (message, result.stdout)
        assert message in result.stderr and fix in result.stderr, (message, result.stderr)
    # an application on a committee that is not a planning committee
    fixture_project(tmp_path, {"planning/committee.md": PLANNING.replace("kind: planning", "kind: scrutiny")})
    result = check(tmp_path)
    assert result.returncode == 1
    assert (
        "meeting.md:6: item 4 records a planning application, but the committee 'planning' is of kind "
        "scrutiny — add 'kind: planning' to planning/committee.md"
    ) in result.stderr
    # a refusal without reasons is a warning
    planning(
        tmp_path,
        APPLICATIONS.replace("          reasons:\n            - The site lies outside the settlement boundary.\n", ""),
    )
    result = check(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "application 22/00456/OUT was refused, but no reasons are recorded" in result.stdout


# -- full council: motions, amendments, questions ------------------------------------------------

COUNCIL = """\
    ---
    name: Council
    kind: council
    ---
    """

COUNCIL_MEETING = """\
    ---
    start: "18:00"
    ---
    """

COUNCIL_MINUTES = """\
    ---
    approved: false
    attendance:
      present: [A Lane (Lord Mayor), B Khan, C Okoro, D Price, E Wu]
    motions:
      - minute: 12
        text: This Council declares a climate emergency.
        mover: Councillor B Khan
        seconder: C Okoro
        amendments:
          - {text: Add "and will publish a plan by March", mover: D Price, seconder: E Wu, result: carried}
          - {text: Delete "emergency", mover: C Okoro, result: lost}
        result: carried
    questions:
      - minute: 13
        asker: Councillor E Wu
        to: the Cabinet Member for Housing
        question: How many homes are empty in the city?
        answer: 412, of which 60 are council homes.
      - minute: 13
        asker: Mrs J Public
        to: the Leader
        question: When will the library reopen?
    ---

    ## 12/22 Notice of Motion: Climate Emergency

    The motion was debated.

    ## 13/22 Questions

    Questions were put and answered.
    """


def test_full_council_motions_amendments_and_questions_are_shown_and_published(tmp_path):
    config = fixture_project(
        tmp_path,
        {
            "people.yml": PEOPLE,
            "council/committee.md": COUNCIL,
            "council/2022-10-04/meeting.md": COUNCIL_MEETING,
            "council/2022-10-04/minutes.md": COUNCIL_MINUTES,
        },
    )
    site = build(tmp_path, config, strict=False)
    day = site / "council" / "2022-10-04"
    text = text_of(day / "notice-of-motion-climate-emergency" / "index.html")
    assert (
        "Motion moved by B Khan, seconded by C Okoro: Carried as amended. This Council declares a climate emergency."
    ) in text
    assert ('Amendment moved by D Price, seconded by E Wu: Add "and will publish a plan by March" Carried.') in text
    assert 'Amendment moved by C Okoro: Delete "emergency" Lost.' in text
    text = text_of(day / "questions" / "index.html")
    assert (
        "Question from E Wu to the Cabinet Member for Housing: How many homes are empty in the city? Answer: "
        "412, of which 60 are council homes."
    ) in text
    assert "Question from J Public to the Leader: When will the library reopen? The minutes record no answer." in text
    page = (day / "questions" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../../people/e-wu/"' in page
    assert "people/j-public" not in page and not (site / "people" / "j-public").exists()  # a member of the public
    assert "Moved a motion" in text_of(site / "people" / "b-khan" / "index.html")
    assert "Asked a question" in text_of(site / "people" / "e-wu" / "index.html")
    data = json.loads((site / "api" / "meetings.json").read_text(encoding="utf-8"))
    motion_item, question_item = data["meetings"][0]["items"]
    motion = motion_item["motions"][0]
    assert motion["mover"] == {"name": "B Khan", "person": "b-khan"} and motion["result"] == "carried"
    assert [a["result"] for a in motion["amendments"]] == ["carried", "lost"]
    assert motion["amendments"][1]["seconder"] is None
    assert question_item["questions"][1] == {
        "asker": "J Public",
        "person": None,
        "to": "the Leader",
        "question": "When will the library reopen?",
        "answer": None,
    }


def test_motion_mistakes_are_errors_with_file_line_and_fix(tmp_path):
    tree = {
        "people.yml": PEOPLE,
        "council/committee.md": COUNCIL,
        "council/2022-10-04/meeting.md": COUNCIL_MEETING,
        "council/2022-10-04/minutes.md": COUNCIL_MINUTES,
    }
    cases = {
        ("council/committee.md", COUNCIL.replace("kind: council", "kind: scrutiny")): (
            "minutes.md:6: minute 12/22 records a motion, but the committee 'council' is of kind scrutiny",
            "add 'kind: council' to council/committee.md",
        ),
        ("council/2022-10-04/minutes.md", COUNCIL_MINUTES.replace("        mover: Councillor B Khan\n", "")): (
            "minutes.md:6: 'mover' is missing",
            "add 'mover: …'",
        ),
        ("council/2022-10-04/minutes.md", COUNCIL_MINUTES.replace("result: lost}", "result: failed}")): (
            "'result' is 'failed', which is not one of: carried, lost",
            "write one of: carried, lost",
        ),
        (
            "council/2022-10-04/minutes.md",
            COUNCIL_MINUTES.replace("- minute: 13\n        asker: Mrs", "- minute: 14\n        asker: Mrs"),
        ): ("minutes.md:20: the question refers to minute 14, which is not in these minutes", "write the number"),
    }
    for (name, text), (message, fix) in cases.items():
        fixture_project(tmp_path, {**tree, name: text})
        result = check(tmp_path)
        assert result.returncode == 1, (message, result.stdout)
        assert message in result.stderr and fix in result.stderr, (message, result.stderr)


def test_hostile_text_in_the_new_fields_is_escaped(tmp_path):
    votes = VOTE.replace("on: The motion moved by Councillor Price", "on: '<script>alert(1)</script>'")
    meeting = MEETING.replace("forward_plan: FP/2022/031", "forward_plan: '<img src=x onerror=alert(2)>'")
    site = build(tmp_path, archive(tmp_path, votes, meeting=meeting))
    for page in (
        site.joinpath(*ITEM),
        site / "cabinet" / "2022-07-12" / "index.html",
        site / "people" / "d-price" / "index.html",
    ):
        raw = page.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in raw and "<img src=x" not in raw
    assert "Recorded vote on <script>alert(1)</script>" in text_of(site.joinpath(*ITEM))
    assert "forward plan reference <img src=x onerror=alert(2)>" in text_of(site.joinpath(*ITEM))
