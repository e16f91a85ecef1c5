"""Bilingual packs (Welsh councils print every label and heading in Welsh and English): the importer reads
a label by either half and keeps the content as printed. The whole pack is scored in test_import_styles.py
(style caerwerydd); these are the rules one by one, through the real import."""

from __future__ import annotations

from pathlib import Path

from helpers import minutebook

from minutebook.importer.bilingual import halves, reduce_label


def test_a_bilingual_label_is_read_by_its_english_half_and_its_value_kept():
    assert reduce_label("Dyddiad / Date: Dydd Iau, 14 Mawrth 2024 / Thursday, 14 March 2024") == (
        "Date: Dydd Iau, 14 Mawrth 2024 / Thursday, 14 March 2024"
    )
    assert (
        reduce_label("Lleoliad / Venue: Siambr y Cyngor / Council Chamber")
        == "Venue: Siambr y Cyngor / Council Chamber"
    )
    assert reduce_label("YN BRESENNOL / PRESENT:") == "PRESENT:"
    assert reduce_label("Cofnod Rhif / Minute No. 27") == "Minute No. 27"
    # a person's office is content: kept as printed, both languages, whichever the pack prints first
    assert (
        reduce_label("Cynghorydd / Councillor Eleri Prydderch (Cadeirydd / Chair)")
        == "Councillor Eleri Prydderch (Cadeirydd / Chair)"
    )
    assert reduce_label("Councillor A Bee (Vice-Chair / Is-Gadeirydd)", first=True) == (
        "Councillor A Bee (Vice-Chair / Is-Gadeirydd)"
    )
    assert reduce_label("4. Item (Tudalennau / Pages 7 - 22)") == "4. Item (Pages 7 - 22)"
    assert reduce_label("Membership: Cynghorwyr / Councillors A Bee") == "Membership: Councillors A Bee"


def test_content_printed_in_two_languages_is_left_as_printed():
    for text in (
        "4. Monitro'r Gyllideb Refeniw / Revenue Budget Monitoring (Pages 7 - 22)",
        "Sefyllfa yn ôl Gwasanaeth / Position by Service",
        "Cyflwynodd y Pennaeth Cyllid yr adroddiad. / The Head of Finance presented the report.",
        "Gofal Cymdeithasol / Social Care\t98.4\t100.1",
    ):
        assert reduce_label(text) == text


def test_a_bracketed_sentence_in_two_languages_has_two_halves():
    both = "(Daeth y cyfarfod i ben am 12.15 y.p. / The meeting closed at 12.15 pm)"
    assert halves(both) == [both, "(Daeth y cyfarfod i ben am 12.15 y.p.)", "(The meeting closed at 12.15 pm)"]
    assert halves("(Meeting closed at 4.00 pm)") == ["(Meeting closed at 4.00 pm)"]


MINUTES = """Cyngor Sir Prawf / Prawf County Council

COFNODION / MINUTES

Pwyllgor Cynllunio / Planning Committee

Dyddiad / Date: Dydd Mercher, 6 Tachwedd 2024 / Wednesday, 6 November 2024
Amser / Time: 2.00 y.p. / 2.00 pm
Lleoliad / Venue: Siambr y Cyngor / Council Chamber

YN BRESENNOL / PRESENT:
Cynghorydd / Councillor Alaw Hopcyn (Cadeirydd / Chair)
Cynghorydd / Councillor Bryn Iorwerth

Cofnod Rhif / Minute No. 41
DATGAN BUDDIANNAU
DECLARATIONS OF INTEREST

Councillor Bryn Iorwerth declared a personal interest in Minute No. 42.

Cofnod Rhif / Minute No. 42
CYNLLUN DATBLYGU LLEOL
LOCAL DEVELOPMENT PLAN

PENDERFYNWYD / RESOLVED that the report be noted.

Cofnod Rhif / Minute No. 43
ADOLYGU TRWYDDED
REVIEW OF A LICENCE

Eithriedig dan baragraff 13 o Ran 4 o Atodlen 12A i Ddeddf Llywodraeth Leol 1972 / Exempt under paragraph 13 of Part 4 of Schedule 12A to the Local Government Act 1972

PENDERFYNWYD / RESOLVED that the licence be revoked.

(Daeth y cyfarfod i ben am 3.10 y.p. / The meeting closed at 3.10 pm)
"""


def test_bilingual_minutes_import_whole(tmp_path: Path):
    pack = tmp_path / "minutes.txt"
    pack.write_text(MINUTES, encoding="utf-8")
    result = minutebook("import", str(pack), "--into", str(tmp_path / "meetings"), cwd=tmp_path)
    out = result.stdout + result.stderr
    assert result.returncode == 0 and "Traceback" not in out, out
    written = (tmp_path / "meetings" / "planning" / "2024-11-06" / "minutes.md").read_text(encoding="utf-8")
    meeting = (tmp_path / "meetings" / "planning" / "2024-11-06" / "meeting.md").read_text(encoding="utf-8")
    assert "## 41. DATGAN BUDDIANNAU / DECLARATIONS OF INTEREST" in written
    assert "## 42. CYNLLUN DATBLYGU LLEOL / LOCAL DEVELOPMENT PLAN" in written
    assert "RESOLVED that the report be noted." in written
    assert 'closed: "15:10"' in written  # the closing line read by its English half
    assert 'start: "14:00"' in meeting and "place: Siambr y Cyngor / Council Chamber" in meeting
    assert "    - Alaw Hopcyn (Cadeirydd / Chair)\n    - Bryn Iorwerth\n" in written  # the office as printed
    # a minute opening with its exempt paragraph printed Welsh first is private, and the report says where
    assert "## 43. ADOLYGU TRWYDDED / REVIEW OF A LICENCE {" in written and "private=13}" in written
    assert "minutes.txt:31: minute 43 says it is exempt (paragraph 13)" in out
    assert "  - name: Iorwerth\n    minute: 42\n" in written
