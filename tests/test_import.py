"""`minutebook import`: the real CLI on the seed packs and on a synthetic pack, built with MkDocs.

The accuracy test compares the built site's api/meetings.json (and the loaded work programmes and
tracker) with facts read by hand from the seed texts (tests/fixtures/seed_facts.json).
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from helpers import REPO, SEEDS, digest, fixture_project, minutebook, mkdocs_build

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FACTS = json.loads((FIXTURES / "seed_facts.json").read_text(encoding="utf-8"))
SYNTHETIC = FIXTURES / "import"


def seeds() -> list[str]:
    return [str(p) for p in sorted(SEEDS.glob("*.txt"))]


def clean_output(result) -> None:
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr


def build(project: Path, meetings: Path) -> tuple[dict, object]:
    """Build ``meetings`` as a fixture project; return the open data and the build result."""
    config = fixture_project(project, {})
    shutil.rmtree(project / "meetings", ignore_errors=True)
    shutil.copytree(meetings, project / "meetings")
    result = mkdocs_build(config, project / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return json.loads((project / "site" / "api" / "meetings.json").read_text(encoding="utf-8")), result


# -- the seeds ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def seed_import(tmp_path_factory):
    root = tmp_path_factory.mktemp("seed-import")
    result = minutebook("import", *seeds(), "--into", str(root / "meetings"), cwd=root)
    clean_output(result)
    assert result.returncode == 0, result.stdout + result.stderr
    return root, result


@pytest.fixture(scope="module")
def seed_export(seed_import, tmp_path_factory):
    root, _ = seed_import
    export, _ = build(tmp_path_factory.mktemp("seed-site"), root / "meetings")
    return export


def _surnames(entries) -> list[str]:
    return sorted(a["name"].split()[-1] for a in entries)


def compare_meeting(day: str, want: dict, got: dict | None, check) -> None:
    check(f"{day}: meeting exists", True, got is not None)
    if got is None:
        return
    for key, field in (("start", "start"), ("place", "place"), ("published", "published"), ("closed", "closed")):
        check(f"{day}: {key}", want[key], got[field])
    agenda = {i["agenda_number"]: i for i in got["items"] if i["agenda_number"]}
    check(
        f"{day}: agenda numbers", list(want["agenda"]), [i["agenda_number"] for i in got["items"] if i["agenda_number"]]
    )
    for number, item in want["agenda"].items():
        found = agenda.get(number, {})
        check(f"{day}: agenda {number} title", item["title"], found.get("title"))
        check(f"{day}: agenda {number} pages", item["pages"], found.get("pages"))
    for title in want.get("item_titles", []):
        check(f"{day}: item '{title}'", True, any(i["title"] == title for i in got["items"]))
    minutes = {i["minute"].split("/")[0]: i for i in got["items"] if i["minute"]}
    check(f"{day}: minute numbers", sorted(want["minutes"], key=int), sorted(minutes, key=int))
    for number, minute in want["minutes"].items():
        found = minutes.get(number, {})
        check(f"{day}: minute {number} title", minute["title"], found.get("title"))
        check(f"{day}: minute {number} resolutions", minute["resolutions"], len(found.get("resolutions", [])))
        check(f"{day}: minute {number} references", sorted(minute["references"]), sorted(found.get("references", [])))
        parts = {p["letter"]: len(p["resolutions"]) for p in found.get("parts", [])}
        for letter, count in minute.get("parts", {}).items():
            check(f"{day}: minute {number}({letter}) resolutions", count, parts.get(letter))
    attendance = got["attendance"]
    for group in sorted(set(attendance) | set(want["attendance"])):
        want_names = sorted(want["attendance"].get(group, []))
        have = _surnames(attendance.get(group, []))
        missing = Counter(want_names) - Counter(have)
        for name in want_names:
            found = missing[name] == 0
            missing[name] -= 0 if found else 1
            check(f"{day}: {group} includes {name}", True, found)
        check(f"{day}: {group} has no one else", [], sorted((Counter(have) - Counter(want_names)).elements()))
    declared = sorted([d["name"].split()[-1], d["minute"]] for d in got["declarations"])
    check(f"{day}: declarations", sorted(want["declarations"]), declared)


def compare_programmes(archive, check) -> None:
    by_year = {f"{p.year}/{(p.year + 1) % 100:02d}": p for p in archive.programmes}
    for year, want in FACTS["programmes"].items():
        if year == "about":
            continue
        programme = by_year.get(year)
        check(f"programme {year}: exists", True, programme is not None)
        if programme is None:
            continue
        check(f"programme {year}: entries", want["entries"], len(programme.entries))
        check(f"programme {year}: dated entries", want["dated"], sum(1 for e in programme.entries if e.date))
        buckets = Counter(e.bucket for e in programme.entries if e.bucket)
        for bucket, count in want["buckets"].items():
            check(f"programme {year}: '{bucket}' entries", count, buckets.get(bucket, 0))
        for when, title in want["samples"]:
            found = any(
                e.title == title and (e.date.isoformat() if e.date else e.bucket) == when for e in programme.entries
            )
            check(f"programme {year}: '{title}' under {when}", True, found)


def compare_trackers(archive, check) -> None:
    by_date = {t.date.isoformat(): t for t in archive.trackers}
    for day, want in FACTS["trackers"].items():
        tracker = by_date.get(day)
        check(f"tracker {day}: exists", True, tracker is not None)
        if tracker is None:
            continue
        check(f"tracker {day}: rows", want["rows"], len(tracker.rows))
        kinds = Counter(r.kind for r in tracker.rows)
        for kind, count in want["kinds"].items():
            check(f"tracker {day}: {kind} rows", count, kinds.get(kind, 0))
        for meeting, kind, text in want["samples"]:
            check(
                f"tracker {day}: row '{text[:40]}…'",
                True,
                any(r.text == text and r.kind == kind and r.meeting.isoformat() == meeting for r in tracker.rows),
            )


def test_accuracy_against_facts_read_by_hand(seed_import, seed_export, capsys):
    from minutebook.load.loader import load_archive

    root, _ = seed_import
    results: list[tuple[str, object, object, bool]] = []

    def check(what, want, got, ok=None):
        results.append((what, want, got, want == got if ok is None else ok))

    committee = FACTS["committee"]
    meetings = {m["id"]: m for m in seed_export["meetings"]}
    check("no meetings beyond the nine", sorted(f"{committee}/{d}" for d in FACTS["meetings"]), sorted(meetings))
    for day, want in FACTS["meetings"].items():
        compare_meeting(day, want, meetings.get(f"{committee}/{day}"), check)
    archive, problems = load_archive(root / "meetings")
    assert not problems.errors, problems.errors
    compare_programmes(archive, check)
    compare_trackers(archive, check)
    misses = [r for r in results if not r[3]]
    right = len(results) - len(misses)
    with capsys.disabled():
        print(f"\nimport accuracy: {right}/{len(results)} facts right ({100 * right / len(results):.1f} %)")
        for what, want, got, _ in misses:
            print(f"  MISS {what}: expected {want!r}, got {got!r}")
    assert right / len(results) >= 0.98, misses


def test_import_leaves_the_checkout_alone_and_a_second_run_changes_nothing(tmp_path):
    before = digest(REPO / "meetings"), digest(REPO / "docs")
    target = tmp_path / "meetings"
    first = minutebook("import", *seeds(), "--into", str(target), cwd=tmp_path)
    clean_output(first)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "9 meetings" in first.stdout and "3 work programmes" in first.stdout and "1 trackers" in first.stdout
    snapshot = {p: p.read_bytes() for p in target.rglob("*") if p.is_file()}
    second = minutebook("import", *seeds(), "--into", str(target), cwd=tmp_path)
    clean_output(second)
    assert second.returncode == 0, second.stdout
    assert "No changes" in second.stdout
    assert {p: p.read_bytes() for p in target.rglob("*") if p.is_file()} == snapshot
    assert (digest(REPO / "meetings"), digest(REPO / "docs")) == before
    for name in ("programmes/2015-16.md", "programmes/2016-17.md", "programmes/2021-22.md", "tracker/2017-04-27.md"):
        assert (target / "education-childrens-services" / name).is_file(), name


def test_every_uncertain_decision_names_file_and_line(seed_import):
    _, result = seed_import
    warnings = [line for line in result.stdout.splitlines() if line.strip().startswith("warning:")]
    assert warnings
    for line in warnings:
        assert ".txt:" in line, line
    text = result.stdout
    assert "joined this table row" in text
    assert "is on its own" in text  # the lone briefing note of 19 July 2018
    assert "Imported 5 of 5 files: 9 meetings" in text


def test_times_and_years_are_quoted_and_items_carry_their_slugs(seed_import):
    root, _ = seed_import
    committee = root / "meetings" / "education-childrens-services"
    meeting = (committee / "2017-04-27" / "meeting.md").read_text(encoding="utf-8")
    assert 'start: "14:00"' in meeting
    assert "slug: one-strategic-plan-for-school-organisation" in meeting
    assert '"2016/17":' in (committee / "committee.md").read_text(encoding="utf-8")
    assert 'year: "2016/17"' in (committee / "programmes" / "2016-17.md").read_text(encoding="utf-8")
    minutes = (committee / "2017-04-06" / "minutes.md").read_text(encoding="utf-8")
    assert "## 73. Health Visiting and Early Help {slug=health-visiting-and-early-help}" in minutes


# -- behaviour ------------------------------------------------------------------------------------
def test_force_and_dry_run(tmp_path):
    pack = str(SYNTHETIC / "harbourside_pack_2023-03-14.txt")
    target = tmp_path / "meetings"
    dry = minutebook("import", pack, "--into", str(target), "--dry-run", cwd=tmp_path)
    clean_output(dry)
    assert dry.returncode == 0 and not target.exists()
    assert "Dry run: no file was written" in dry.stdout
    first = minutebook("import", pack, "--into", str(target), cwd=tmp_path)
    assert first.returncode == 0, first.stdout
    meeting = target / "housing-communities" / "2023-03-14" / "meeting.md"
    original = meeting.read_text(encoding="utf-8")
    meeting.write_text(original.replace("Room 2, Harbourside Civic Centre", "Room 9"), encoding="utf-8")
    refused = minutebook("import", pack, "--into", str(target), cwd=tmp_path)
    clean_output(refused)
    assert refused.returncode == 1
    assert "housing-communities/2023-03-14/meeting.md" in refused.stdout and "--force" in refused.stdout
    assert "-place: Room 9" in refused.stdout and "+place: Room 2, Harbourside Civic Centre" in refused.stdout
    assert "Room 9" in meeting.read_text(encoding="utf-8")
    dry_force = minutebook("import", pack, "--into", str(target), "--force", "--dry-run", cwd=tmp_path)
    assert dry_force.returncode == 0 and "Room 9" in meeting.read_text(encoding="utf-8")
    forced = minutebook("import", pack, "--into", str(target), "--force", cwd=tmp_path)
    clean_output(forced)
    assert forced.returncode == 0, forced.stdout
    assert meeting.read_text(encoding="utf-8") == original


def test_unreadable_inputs_are_named_and_the_rest_imported(tmp_path):
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"%PDF-1.4\n\x00\x01\x02binary")
    latin1 = tmp_path / "old-pack.txt"
    latin1.write_bytes("Minutes of the Meeting of Caf\xe9 Board\nheld at 2.00 pm on 1 June 2020\n".encode("latin-1"))
    missing = tmp_path / "nowhere.txt"
    good = str(SYNTHETIC / "harbourside_pack_2023-03-14.txt")
    result = minutebook(
        "import", str(binary), str(latin1), good, str(missing), "--into", str(tmp_path / "meetings"), cwd=tmp_path
    )
    clean_output(result)
    assert result.returncode == 1
    out = result.stdout
    assert "error: scan.txt:1: is a PDF file with another name" in out and "rename it to end in .pdf" in out
    assert "error: old-pack.txt:1: is not UTF-8 text" in out and "iconv" in out
    assert "error: nowhere.txt: does not exist" in out
    assert "Imported 1 of 4 files" in out
    assert (tmp_path / "meetings" / "housing-communities" / "2023-03-14" / "meeting.md").is_file()


def test_text_that_is_no_pack_is_an_error_not_a_traceback(tmp_path):
    odd = tmp_path / "notes.txt"
    odd.write_text("Shopping list\n\n- milk\n- \t\tbread\n\n**\n", encoding="utf-8")
    result = minutebook("import", str(odd), "--into", str(tmp_path / "meetings"), cwd=tmp_path)
    clean_output(result)
    assert result.returncode == 1
    assert "notes.txt: no agenda front sheet, minutes, paper or work programme was recognised" in result.stdout


# -- a synthetic pack: the rules are general ------------------------------------------------------------
@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    root = tmp_path_factory.mktemp("synthetic")
    result = minutebook(
        "import", *sorted(str(p) for p in SYNTHETIC.glob("*.txt")), "--into", str(root / "meetings"), cwd=root
    )
    clean_output(result)
    assert result.returncode == 0, result.stdout
    export, _ = build(tmp_path_factory.mktemp("synthetic-site"), root / "meetings")
    return root / "meetings", export, result


def test_synthetic_pack_meeting_and_agenda(synthetic):
    meetings, export, _ = synthetic
    assert [c["id"] for c in export["committees"]] == ["housing-communities"]
    committee = (meetings / "housing-communities" / "committee.md").read_text(encoding="utf-8")
    assert "name: Housing and Communities Scrutiny Panel (3)" in committee
    assert "short_name: Scrutiny Panel 3" in committee and "S Whitfield (Vice-Chair)" in committee
    m = {x["date"]: x for x in export["meetings"]}
    march = m["2023-03-14"]
    assert (march["start"], march["place"], march["published"], march["closed"]) == (
        "18:30",
        "Room 2, Harbourside Civic Centre",
        "2023-03-06",
        "19:45",
    )
    items = {i["agenda_number"]: i for i in march["items"]}
    assert list(items) == [str(n) for n in range(1, 9)]
    assert items["3"]["pages"] == "3-6" and items["8"]["private"] and items["8"]["exempt_paragraph"] == 3
    assert items["4"]["lead"] == "Report of the Director of Housing"
    assert items["6"]["minute"] == "70/22"  # "Work Programme" joined to "Panel Work Programme" ({item=6})
    assert items["4"]["references"] == ["63/22"]
    assert items["8"]["papers"] == [] and items["8"]["resolutions"] == []
    assert [p["title"] for p in items["4"]["papers"]] == ["Empty Homes Strategy", "Priorities and Actions"]
    assert items["4"]["papers"][1]["appendix"] == "A"
    assert [a["name"] for a in march["attendance"]["substitutions"]] == ["A Fenwick"]
    assert march["attendance"]["substitutions"][0]["for"] == "L Byrne"


def test_synthetic_pack_earlier_minutes(synthetic):
    meetings, export, _ = synthetic
    february = next(x for x in export["meetings"] if x["date"] == "2023-02-07")
    assert february["status"] == "held" and february["closed"] == "20:10"
    assert february["minutes_approved"] is True  # approved by minute 67 of 14 March
    minutes = {i["minute"]: i for i in february["items"]}
    assert list(minutes) == ["61/22", "62/22", "63/22", "64/22", "65/22"]
    assert len(minutes["63/22"]["resolutions"]) == 2
    assert [(p["letter"], len(p["resolutions"])) for p in minutes["64/22"]["parts"]] == [("a", 1), ("b", 3)]
    assert minutes["61/22"]["references"] == ["63/22"]
    assert february["declarations"] == [
        {"name": "L Byrne", "person": "l-byrne", "minute": 63, "interest": "disclosable pecuniary interest"}
    ]
    people = {a["name"]: a["person"] for group in february["attendance"].values() for a in group}
    assert people["T Byrne"] == "t-byrne" and people["L Byrne"] == "l-byrne"
    assert people["Quaye"] == "m-quaye"  # "Councillor Quaye" joins M Quaye of the membership
    text = (meetings / "housing-communities" / "2023-02-07" / "minutes.md").read_text(encoding="utf-8")
    assert "fully committed for the rest of the year." in text  # a paragraph broken by a page, joined


def test_synthetic_people_papers_programme_and_tracker(synthetic):
    meetings, export, result = synthetic
    people = (meetings / "people.yml").read_text(encoding="utf-8")
    assert "d-haines:\n  name: D Haines\n  full_name: Daniel Haines\n  honorific: Mr" in people
    assert "t-byrne:" in people and "l-byrne:" in people
    haines = {a["person"] for m in export["meetings"] for a in m["attendance"]["co_opted"]}
    assert haines == {"d-haines"}
    folder = meetings / "housing-communities"
    report = (folder / "2023-03-14" / "papers" / "empty-homes-strategy.md").read_text(encoding="utf-8")
    assert "kind: report" in report and "email: helen.marsh@harbourside.example.org" in report
    assert "## 3 Background" in report and "six months[^1]." in report and "[^1]: Council tax records" in report
    appendix = (folder / "2023-03-14" / "papers" / "empty-homes-strategy-appendix-a.md").read_text(encoding="utf-8")
    assert (
        "| 2 | Offer loans to owners of empty homes to carry out repairs and bring them up to the decent homes "
        "standard | Finance Manager | September 2023 |" in appendix
    )
    assert "joined this table row" in result.stdout
    programme = (folder / "programmes" / "2022-23.md").read_text(encoding="utf-8")
    assert 'year: "2022/23"' in programme and "published_in: 2023-03-14/panel-work-programme" in programme
    assert "  - bucket: next municipal year\n    title: Allotments" in programme
    assert "      - Cllr Dunmore\n      - Paul Grant\n    source: Meeting 6 Dec 22" in programme
    tracker = (folder / "tracker" / "2023-03-14.md").read_text(encoding="utf-8")
    assert "kind: recommendation\n    text: That the parking permit scheme be extended" in tracker
    work = (folder / "2023-03-14" / "papers" / "panel-work-programme.md").read_text(encoding="utf-8")
    assert "### 11th April 23\n\n- Homelessness Prevention Grant\n- Tenant Satisfaction Survey" in work


def test_committee_option_overrides_the_printed_name(tmp_path):
    result = minutebook(
        "import",
        str(SYNTHETIC / "harbourside_minutes_2023-03-14.txt"),
        "--into",
        str(tmp_path / "meetings"),
        "--committee",
        "housing-panel",
        cwd=tmp_path,
    )
    clean_output(result)
    assert result.returncode == 0, result.stdout
    assert (tmp_path / "meetings" / "housing-panel" / "2023-03-14" / "minutes.md").is_file()
    bad = minutebook(
        "import", str(SYNTHETIC / "harbourside_minutes_2023-03-14.txt"), "--committee", "Housing Panel", cwd=tmp_path
    )
    clean_output(bad)
    assert bad.returncode == 2 and "not a folder name" in bad.stderr


# -- the writer: whatever the papers print comes back as written ------------------------------------------
TRICKY = [
    "14:00",
    "18:30",
    "NO",
    "yes",
    "On",
    "2016/17",
    "- dash",
    "a: b",
    "x #y",
    "#tag",
    "'quoted'",
    '"q"',
    "@at",
    "* star",
    "3",
    "3.5",
    "1e3",
    "0x1F",
    "0o17",
    "1_000",
    "null",
    "~",
    ".inf",
    "ends:",
    "[list]",
    "{map}",
    "Cllr Caan/Cllr Ruane",
    "% pct",
    "`tick",
    "! bang",
    "& amp",
    "| pipe",
    "> gt",
    "? q",
    ", comma",
    "2017-04-27",
    "Rec', Action or Info",
    "£10,000",
    "“quoted”",
    "A\\*",
    "tab\there",
]


def _roundtrip(value: str):
    from minutebook.importer.writer import document
    from minutebook.load.yamlio import load, split_front_matter

    yaml_text, _, _ = split_front_matter(document({"title": value, "items": [{"title": value}]}))
    data = load(yaml_text)
    return data["title"], data["items"][0]["title"]


@pytest.mark.parametrize("value", TRICKY)
def test_the_writer_quotes_whatever_yaml_would_misread(value):
    assert _roundtrip(value) == (value, value)


def test_the_writer_round_trips_any_text():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    line = st.text(
        st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp")), min_size=1, max_size=40
    ).filter(lambda s: s.strip() == s and "\ufeff" not in s)

    @settings(max_examples=300, deadline=None)
    @given(st.lists(line, min_size=1, max_size=3))
    def check(lines):
        value = "\n".join(lines)
        assert _roundtrip(value) == (value, value)

    check()


HAND_CORRECTED = {
    "2016-02-25/papers/school-improvement-education.md",
    "2016-02-25/papers/school-improvement-education-appendix-1.md",
    "2017-04-27/papers/commissioned-childrens-services.md",
    "2017-04-27/papers/improving-quality-performance.md",
    "2017-04-27/papers/one-strategic-plan-appendix-1.md",
    "2017-04-27/papers/one-strategic-plan-appendix-3.md",
}


def test_the_sample_archive_is_the_import_plus_the_listed_hand_corrections(tmp_path):
    before = digest(REPO / "meetings")
    result = minutebook("import", *seeds(), "--into", "meetings", "--dry-run", "-q", cwd=REPO)
    clean_output(result)
    assert digest(REPO / "meetings") == before
    differing = {
        line.strip().removeprefix("meetings/education-childrens-services/")
        for line in result.stdout.splitlines()
        if line.startswith("  meetings/")
    }
    assert differing == HAND_CORRECTED, result.stdout
    assert "34 unchanged" in result.stdout
    guide = (REPO / "docs" / "guide" / "importing.md").read_text(encoding="utf-8")
    section = guide[guide.index("## Hand corrections in the sample archive") :]
    for path in HAND_CORRECTED:
        assert Path(path).name in section, path


def test_a_minute_that_matches_no_agenda_item_is_reported(tmp_path):
    text = (SYNTHETIC / "harbourside_minutes_2023-03-14.txt").read_text(encoding="utf-8")
    text = text.replace(
        "71. Any Other Business",
        "71. Chair's Announcements\n\nThe Chair welcomed a new officer.\n\n72. Any Other Business",
    ).replace("72. Temporary", "73. Temporary")
    minutes = tmp_path / "minutes.txt"
    minutes.write_text(text, encoding="utf-8")
    result = minutebook(
        "import",
        str(SYNTHETIC / "harbourside_pack_2023-03-14.txt"),
        str(minutes),
        "--into",
        str(tmp_path / "meetings"),
        cwd=tmp_path,
    )
    clean_output(result)
    assert "minutes.txt:44: minute 71 'Chair's Announcements' matches no agenda item of 2023-03-14" in result.stdout
    written = (tmp_path / "meetings" / "housing-communities" / "2023-03-14" / "minutes.md").read_text(encoding="utf-8")
    assert "## 71. Chair's Announcements {slug=chairs-announcements}" in written
    assert "## 70. Work Programme {item=6}" in written
