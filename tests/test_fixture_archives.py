"""Small fixture archives built with the real `mkdocs build --strict`, output read back."""

from __future__ import annotations

import json
import re

import pytest
from helpers import broken_links, fixture_project, mkdocs_build, page_text, unrendered_markdown

ARCHIVE = {
    "people.yml": """\
        k-jones:
          name: K Jones
          full_name: Kellie Jones
          honorific: Mrs
          names: [Kellie Jones, Jones]
        m-mutton:
          name: M Mutton
          honorific: Councillor
        j-mutton:
          name: J Mutton
          honorific: Councillor
        """,
    "children/committee.md": """\
        ---
        name: Children's Scrutiny Board
        short_name: Scrutiny Board 2
        contact: {name: Michelle Rose, role: Governance Services, email: michelle.rose@example.gov.uk}
        membership:
          "2015/16":
            - M Mutton (Chair)
            - J Mutton
            - K Jones (Co-opted Member)
          "2021/22":
            - Jones (Co-opted Member)
        ---
        Scrutinises children's services.
        """,
    "health/committee.md": """\
        ---
        name: Health Scrutiny Board
        ---
        """,
    "children/2015-12-16/meeting.md": """\
        ---
        start: "14:00"
        place: Committee Room 2
        ---
        """,
    "children/2015-12-16/minutes.md": """\
        ---
        approved: true
        approved_at: 2016-02-25
        closed: "15:30"
        attendance:
          present: [Councillor M Mutton (Chair), Councillor J Mutton]
          co_opted: [Mrs K Jones]
          apologies: [Kellie Jones]
        ---

        ## 42. Declarations of Interests

        There were no disclosable pecuniary interests.

        ## 43. Serious Case Review

        The Board considered a review.

        RESOLVED that the recommendations be noted.
        """,
    "children/2016-01-07/meeting.md": """\
        ---
        start: "14:00"
        ---
        """,
    "children/2016-01-07/minutes.md": """\
        ---
        attendance:
          present: [M Mutton (Chair)]
        ---

        ## 49. Private Fostering {private=1}

        SECRET-MINUTE-TEXT about a child.

        ## 50. Follow-up

        Further to minute 43/15 the Board asked for more.
        """,
    "children/2016-02-25/meeting.md": """\
        ---
        start: "14:00"
        place: Committee Rooms 2 and 3
        status: held
        agenda_published: 2016-02-17
        joint_with: [health]
        items:
          - number: 3
            title: Minutes
            pages: 3 - 14
            parts:
              - number: 3a
                title: To agree the minutes of the meetings held on 16<sup>th</sup> December, 2015 and 7th January, 2016
          - number: 4
            title: Education and Children's Services
            lead: Report of the Executive Director for People
          - number: 5
            title: Exempt contract
            private: true
            exempt_paragraph: 3
        ---
        """,
    "children/2016-02-25/minutes.md": """\
        ---
        attendance:
          present: [M Mutton (Chair)]
          substitutions: [{name: S Bains, for: J Mutton}]
        declarations:
          - {name: Jones, minute: 52, interest: personal interest, text: Remained in the meeting.}
        ---

        ## 51. Minutes

        The minutes of the meetings held on 16th December, 2015 and 7th January, 2016 were approved.

        ## 52. Education and Children's Services

        The Board received a presentation, see Minute 51 above.

        ### (a) Children & Young People's Plan

        The Board noted the draft Plan.

        RESOLVED that the Board:

        1. **Note the refreshed draft Children and Young People's Plan.**
        2. **Agreed to add the following to the Work Programme:**
            - (a) **Poverty and attainment**
            - (b) **SEND, employment and post-16 opportunities**

        ### (b) COVID-19 context

        RESOLVED that the Board note the impact on services.

        ### (c) Holiday Activities and Food Programme

        The Board questioned officers on the following:

        - Timeframes for recruitment
        - Funding

        RESOLVED that the Board:

        - 1. Note the presentation.
        - 2. Agreed to receive a feedback report.

        ## 53. Exempt contract

        SECRET-PRIVATE-CONTRACT text.
        """,
    "children/2016-02-25/papers/exempt-report.md": """\
        ---
        item: 5
        kind: report
        title: Exempt contract report
        authors:
          - {name: SECRET-AUTHOR-NAME, role: SECRET-AUTHOR-ROLE}
        ---
        SECRET-PAPER-TEXT
        """,
    "children/2016-02-25/papers/presentation.md": """\
        ---
        item: 4
        kind: presentation
        title: Education and Children's Services presentation
        date: 2016-02-25
        authors:
          - {name: J Gregg, role: Director of Children's Services, email: j.gregg@example.gov.uk}
        presented_by: "Councillor K Maton (Cabinet Member for Children)"
        ---
        ## 1 Purpose

        1.1 To inform the Board.

        | Measure | 2015 | 2016 |
        |---|---|---|
        | Referrals | 10 | 12 |
        """,
    "children/2016-02-25/papers/presentation-appendix-a.md": """\
        ---
        kind: appendix
        parent: presentation
        appendix: A
        title: Action plan
        ---
        The action plan.
        """,
    "children/2016-03-17/meeting.md": """\
        ---
        start: "14:00"
        status: postponed
        postponed_to: 2016-03-24
        ---
        """,
    "children/2016-03-24/meeting.md": """\
        ---
        start: "10:00"
        status: scheduled
        ---
        """,
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("fixture")
    config = fixture_project(root, ARCHIVE)
    site = root / "site"
    result = mkdocs_build(config, site)
    assert result.returncode == 0, result.stderr
    export = json.loads((site / "api" / "meetings.json").read_text(encoding="utf-8"))
    return site, export, result


def meeting(export, mid):
    return next(m for m in export["meetings"] if m["id"] == mid)


def test_no_broken_links_and_no_warnings(built):
    site, _, result = built
    assert "WARNING" not in result.stderr
    assert broken_links(site) == []
    assert unrendered_markdown(site) == []


def test_people_variants_join_and_namesakes_stay_apart(built):
    _, export, _ = built
    first = meeting(export, "children/2015-12-16")["attendance"]
    assert [a["person"] for a in first["present"]] == ["m-mutton", "j-mutton"]
    assert first["co_opted"][0] == {"name": "K Jones", "person": "k-jones", "role": None}
    assert first["apologies"][0]["person"] == "k-jones"  # "Kellie Jones"
    third = meeting(export, "children/2016-02-25")
    assert third["declarations"][0]["person"] == "k-jones"  # "Jones" alone
    assert third["attendance"]["substitutions"][0] == {
        "name": "S Bains",
        "person": "s-bains",
        "role": None,
        "for": "J Mutton",
    }


def test_lettered_parts_each_have_their_own_resolutions(built):
    site, export, _ = built
    item = next(i for i in meeting(export, "children/2016-02-25")["items"] if i["minute"] == "52/15")
    parts = {p["letter"]: p["resolutions"] for p in item["parts"]}
    assert parts["a"][0] == "Note the refreshed draft Children and Young People's Plan."
    assert parts["a"][1].startswith("Agreed to add the following to the Work Programme:")
    assert "(b) SEND, employment and post-16 opportunities" in parts["a"][1]
    assert parts["b"] == ["RESOLVED that the Board note the impact on services."]
    assert parts["c"] == ["Note the presentation.", "Agreed to receive a feedback report."]
    page = page_text(site, "children/2016-02-25/education-and-childrens-services")
    assert 'id="part-a-resolution-2"' in page and 'id="part-c-resolution-1"' in page
    assert "<li>Timeframes for recruitment</li>" in page


def test_dated_and_relative_references(built):
    site, export, _ = built
    agenda = page_text(site, "children/2016-02-25")
    assert re.search(r'href="\.\./2015-12-16/#minutes">16<sup>th</sup> December, 2015</a>', agenda)
    assert re.search(r'href="\.\./2016-01-07/#minutes">7th January, 2016</a>', agenda)
    minutes_item = page_text(site, "children/2016-02-25/minutes")
    assert 'href="../../2015-12-16/#minutes">16th December, 2015</a>' in minutes_item
    item = page_text(site, "children/2016-02-25/education-and-childrens-services")
    assert 'href="../minutes/#minute">Minute 51</a> above' in item
    follow = next(i for i in meeting(export, "children/2016-01-07")["items"] if i["minute"] == "50/15")
    assert follow["references"] == ["43/15"]
    cited = page_text(site, "children/2015-12-16/serious-case-review")
    assert "Referred to by" in cited and "../../2016-01-07/follow-up/" in cited


def test_private_items_show_title_and_paragraph_but_no_content(built):
    site, export, _ = built
    everything = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*") if p.is_file())
    for canary in ("SECRET-MINUTE-TEXT", "SECRET-PRIVATE-CONTRACT", "SECRET-PAPER-TEXT", "SECRET-AUTHOR"):
        assert canary not in everything
    item = next(i for i in meeting(export, "children/2016-02-25")["items"] if i["agenda_number"] == "5")
    assert item["private"] is True and item["exempt_paragraph"] == 3 and item["papers"] == []
    page = page_text(site, "children/2016-02-25/exempt-contract")
    assert "Paragraph 3" in page and "financial or business affairs" in page


def test_joint_meeting_is_listed_under_both_committees(built):
    site, export, _ = built
    assert meeting(export, "children/2016-02-25")["joint_with"] == ["health"]
    health = page_text(site, "health")
    assert "../children/2016-02-25/" in health and "joint meeting with Children" in health


def test_postponed_meeting_points_to_its_new_date(built):
    site, export, _ = built
    m = meeting(export, "children/2016-03-17")
    assert m["status"] == "postponed" and m["postponed_to"] == "2016-03-24"
    assert 'Postponed to <a href="../2016-03-24/">24 March 2016</a>' in page_text(site, "children/2016-03-17")


def test_minutes_approval_and_papers(built):
    site, export, _ = built
    first = page_text(site, "children/2015-12-16")
    assert 'Approved at the meeting of <a href="../2016-02-25/#minutes">25 February 2016</a>' in first
    # the file does not say, but minute 51 of 25 February 2016 records the approval (issue 14)
    assert "as the minutes of that meeting record" in page_text(site, "children/2016-01-07")
    paper = page_text(site, "children/2016-02-25/education-and-childrens-services/presentation")
    assert "<th>Measure</th>" in paper and 'id="para-1-1"' in paper
    assert "Appendix A: Action plan" in paper and "j.gregg@example.gov.uk" in paper
    # presented_by written as one line "Name (Role)": the page says who presents it, under the authors
    assert "Presented at the meeting by <strong>Councillor K Maton</strong>, Cabinet Member for Children." in paper
    assert paper.index("j.gregg@example.gov.uk") < paper.index("Presented at the meeting by")
    assert meeting(export, "children/2016-02-25")["papers"][1]["appendix"] == "A"


def test_the_open_data_names_each_papers_authors_and_presenter(built):
    """Who wrote a paper and who presents it, in the open data as on its page; contact details stay on the page."""
    _, export, _ = built
    children = meeting(export, "children/2016-02-25")
    item = next(i for i in children["items"] if i["agenda_number"] == "4")
    paper, appendix = item["papers"]
    assert paper["authors"] == [{"name": "J Gregg", "role": "Director of Children's Services", "directorate": None}]
    assert paper["presented_by"] == {
        "name": "Councillor K Maton",
        "role": "Cabinet Member for Children",
        "directorate": None,
    }
    assert appendix["appendix"] == "A" and appendix["authors"] == [] and appendix["presented_by"] is None
    assert children["papers"][:2] == item["papers"]  # the meeting's list holds the same records
    assert "j.gregg@example.gov.uk" not in json.dumps(export)


def test_committee_and_person_pages(built):
    site, _, _ = built
    committee = page_text(site, "children")
    assert "Members in 2021/22" in committee and "Members in 2015/16" in committee
    assert "2015/16" in committee and "Michelle Rose" in committee
    person = page_text(site, "people/k-jones")
    assert "Kellie Jones" in person and "Co-opted Member" in person
    assert "Apologies" in person
