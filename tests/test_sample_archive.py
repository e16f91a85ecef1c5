"""The sample archive, built for real with `mkdocs build --strict`, checked against the seed."""

from __future__ import annotations

import json
import re

import pytest
from helpers import REPO, SEEDS, broken_links, page_text, unrendered_markdown

COMMITTEE = "education-childrens-services"


@pytest.fixture(scope="module")
def export(sample_site):
    site, _ = sample_site
    return json.loads((site / "api" / "meetings.json").read_text(encoding="utf-8"))


def meeting(export, day):
    return next(m for m in export["meetings"] if m["id"] == f"{COMMITTEE}/{day}")


def test_build_is_strict_clean(sample_site):
    _, result = sample_site
    assert "WARNING" not in result.stderr
    assert "Traceback" not in result.stderr


def test_minutes_of_6_april_2017(export):
    m = meeting(export, "2017-04-06")
    titles = {i["minute"]: i["title"] for i in m["items"]}
    assert titles == {
        "71/16": "Declarations of Interests",
        "72/16": "Minutes",
        "73/16": "Health Visiting and Early Help",
        "74/16": "Quality Assurance and Audit Framework",
        "75/16": "Further Education Colleges",
        "76/16": "Outstanding Issues",
        "77/16": "Work Programme",
        "78/16": "Any Other Business",
    }
    by_minute = {i["minute"]: i for i in m["items"]}
    assert len(by_minute["73/16"]["resolutions"]) == 7
    assert by_minute["73/16"]["resolutions"][3].startswith("Request that as part of the recommissioning process")
    assert "28/16" in by_minute["73/16"]["references"]
    assert "67/16" in by_minute["74/16"]["references"]
    assert m["start"] == "14:00" and m["closed"] == "16:00" and m["status"] == "held"
    assert m["minutes_approved"] is None and m["minutes_approval"] == "approval not recorded"


def test_attendance_of_6_april_2017_matches_the_seed(export):
    seed = (SEEDS / "000_c5496f9693e9c252.txt").read_text(encoding="utf-8")
    block = seed[seed.index("Present:") : seed.index("Public Business", seed.index("Present:"))]
    present_block = block[: block.index("Co-Opted")]
    apologies_block = block[block.index("Apologies:") :]
    surnames_present = set(re.findall(r"Councillor [A-Z] (\w+)", present_block))
    surnames_apologies = set(re.findall(r"\b[A-Z] (\w+)", apologies_block))
    m = meeting(export, "2017-04-06")
    att = m["attendance"]
    present = {a["name"].split()[-1] for a in att["present"]}
    apologies = {a["name"].split()[-1] for a in att["apologies"]}
    assert surnames_present == present == {"Mutton", "Akhtar", "Bains", "Gannon", "Kershaw", "Lapsa", "Lucas", "Miks"}
    assert surnames_apologies == apologies == {"Male", "Ruane", "Hanson", "Potter"}
    assert {"name": "M Mutton", "person": "m-mutton", "role": "Chair"} in att["present"]
    assert [a["name"] for a in att["co_opted"]] == ["K Jones"]
    assert att["co_opted"][0]["person"] == "k-jones"
    directorates = {a["name"]: a["directorate"] for a in att["officers"]}
    assert directorates["A Brennan"] == "People Directorate"
    assert directorates["M Rose"] == "Resources Directorate"
    assert m["declarations"][0]["person"] == "m-lapsa" and m["declarations"][0]["minute"] == 75


def test_agenda_of_27_april_2017(export):
    m = meeting(export, "2017-04-27")
    assert m["start"] == "14:00"
    assert m["place"] == "Committee Room 3 - Council House"
    assert m["published"] == "2017-04-19"
    assert m["status"] == "agenda published"
    numbers = [i["agenda_number"] for i in m["items"]]
    assert numbers == [str(n) for n in range(1, 11)]
    pages = {i["agenda_number"]: i["pages"] for i in m["items"]}
    assert pages == {
        "1": None,
        "2": None,
        "3": "3-6",
        "4": "7-14",
        "5": "15-18",
        "6": "19-24",
        "7": "25-26",
        "8": "27-30",
        "9": "31-38",
        "10": None,
    }
    leads = {i["agenda_number"]: i["lead"] for i in m["items"]}
    assert leads["4"] == "Report of the Director of Education, Libraries and Adult Learning"
    assert leads["9"] == "Briefing Note of the Scrutiny Co-ordinator"


def test_six_papers_with_their_appendices(export):
    m = meeting(export, "2017-04-27")
    items = {i["agenda_number"]: i for i in m["items"]}
    main = {n: [p for p in items[n]["papers"] if "appendix" not in p] for n in "456789"}
    assert all(len(papers) == 1 for papers in main.values()), main
    appendices = {n: [p["appendix"] for p in items[n]["papers"] if "appendix" in p] for n in "456789"}
    assert appendices == {"4": ["1", "2", "3"], "5": [], "6": [], "7": [], "8": ["1"], "9": []}


def test_every_export_url_exists_and_no_link_is_broken(sample_site, export):
    site, _ = sample_site
    urls = []
    for m in export["meetings"]:
        urls.append(m["url"])
        for item in m["items"]:
            urls.append(item["url"])
            urls.extend(p["url"] for p in item["papers"])
    urls.extend(c["url"] for c in export["committees"])
    assert all(not u.startswith("/") for u in urls)
    missing = [u for u in urls if not (site / u / "index.html").exists()]
    assert missing == []
    assert broken_links(site) == []
    assert unrendered_markdown(site) == []


def test_resolutions_and_paragraphs_have_citable_anchors(sample_site):
    site, _ = sample_site
    item = page_text(site, f"{COMMITTEE}/2017-04-06/health-visiting-and-early-help")
    for n in range(1, 8):
        assert f'id="resolution-{n}"' in item
    assert 'id="minute"' in item
    paper = page_text(site, f"{COMMITTEE}/2017-04-27/one-strategic-plan-for-school-organisation/one-strategic-plan")
    assert 'id="para-3-2"' in paper and 'href="#para-3-2"' in paper


def test_cross_references_link_to_the_right_page(sample_site):
    site, _ = sample_site
    declarations = page_text(site, f"{COMMITTEE}/2017-04-06/declarations-of-interests")
    # "minute 75 below" in minute 71 leads to minute 75's item page
    assert re.search(r'<a href="\.\./further-education-colleges/#minute">minute 75</a> below', declarations)
    # "minute 28/16" is outside the archive: plain text, not a link
    health = page_text(site, f"{COMMITTEE}/2017-04-06/health-visiting-and-early-help")
    assert "Further to minute 28/16" in health
    # the 27 April agenda's "minutes of the meeting held on 6th April, 2017" leads to that meeting's minutes
    agenda = page_text(site, f"{COMMITTEE}/2017-04-27")
    assert re.search(r'<a href="\.\./2017-04-06/#minutes">6th April, 2017</a>', agenda)


def test_outside_references_are_info_not_warnings(sample_site):
    _, result = sample_site
    # notes are counted by kind in the build log (--verbose lists each; issue 14)
    assert re.search(r"\n  \d+ × minute N is not in the archive; left as plain text\n", result.stderr)
    assert not any("WARNING" in x and "not in the archive" in x for x in result.stderr.splitlines())


def test_generated_pages_stay_out_of_the_nav(sample_site):
    site, _ = sample_site
    home = (site / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('class="md-nav md-nav--primary"') :]
    nav = nav[: nav.index("md-sidebar--secondary")]
    assert f'href="{COMMITTEE}/"' in nav
    assert "2017-04-06" not in nav and "health-visiting" not in nav


def test_build_does_not_write_into_meetings_or_docs(tmp_path):
    from helpers import digest, mkdocs_build

    before = digest(REPO / "meetings"), digest(REPO / "docs")
    result = mkdocs_build(REPO / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (digest(REPO / "meetings"), digest(REPO / "docs")) == before
