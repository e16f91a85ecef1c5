"""`minutebook new …`: start a committee, meeting or paper file with every field explained.

Scaffolds hold only what is required, with every optional field written out as a comment that
says what it is for, so an officer fills in what applies and deletes nothing by mistake. The
first line points editors at the file's JSON Schema. A scaffold never overwrites a file.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from minutebook.load import yamlio
from minutebook.load.schema import parse_iso_date
from minutebook.model import PAPER_KINDS, MunicipalYear
from minutebook.model.clock import uk_today
from minutebook.model.names import slugify

SCHEMA_DIR = Path("docs") / "schemas"


class ScaffoldError(Exception):
    def __init__(self, message: str, fix: str = ""):
        super().__init__(message)
        self.message = message
        self.fix = fix


def _schema_line(target: Path, kind: str, project: Path) -> str:
    schema = project / SCHEMA_DIR / f"{kind}.schema.json"
    rel = os.path.relpath(schema, target.parent)
    return f"# yaml-language-server: $schema={Path(rel).as_posix()}"


def _write(path: Path, text: str) -> Path:
    if path.exists():
        raise ScaffoldError(f"{path} already exists", "edit it, or choose another name; nothing was changed")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def new_council(meetings: Path, name: str, nation: str, project: Path) -> Path:
    """meetings/council.yml: the council's name, nation, municipal year and minute numbering, explained."""
    from minutebook.load.council import NATIONS

    if nation not in NATIONS:
        raise ScaffoldError(f"'{nation}' is not a nation Minutebook knows", f"use one of: {', '.join(NATIONS)}")
    path = meetings / "council.yml"
    return _write(
        path,
        f"""{_schema_line(path, "council", project)}
# The council (docs/guide/meeting-files.md, "council.yml — the council").
name: {_quote(name)}
nation: {nation}                      # england, wales, scotland or northern-ireland: the law of exempt information,
                                      # the agenda's notice period, the bank holidays and the forward plan
municipal_year_starts: May            # the month the municipal year begins
call_in_days: 5                       # executive decisions: clear working days to call one in (the constitution's)
minute_numbers: "{{number}}/{{yy}}"       # how minutes are numbered, as printed: 28/16
# numbers_restart: meeting            # numbers start again at 1 at each meeting
# committees:                         # committees that number their minutes otherwise
#   cabinet:
#     minute_numbers: "CAB/{{yy}}/{{number:3}}"   # CAB/22/017
#   planning:
#     minute_numbers: "PC.{{number}}/{{yy}}"      # PC.45/22
""",
    )


def new_committee(meetings: Path, slug: str, name: str, project: Path) -> Path:
    if slug != slugify(slug):
        raise ScaffoldError(
            f"'{slug}' is not a valid committee slug", f"use lower-case words and hyphens, like {slugify(slug)}"
        )
    path = meetings / slug / "committee.md"
    year = MunicipalYear.of(uk_today()).label
    return _write(
        path,
        f"""---
{_schema_line(path, "committee", project)}
name: {_quote(name)}
# short_name: "Scrutiny Board 2"          # a shorter name for table cells
# kind: executive                         # scrutiny (the default), executive (cabinet), planning, council
# contact:                                # the committee's contact officer
#   name: Michelle Rose
#   role: Governance Services
#   phone: (024) 7683 3111
#   email: michelle.rose@example.gov.uk
# membership:                             # members per municipal year (May to April), quoted
#   "{year}":
#     - A Member (Chair)                  # roles: Chair, Vice-Chair, Co-opted Member, By Invitation;
#                                         # in Scotland Convener, Vice-Convener, Depute Convener
#     - B Member (Vice-Chair)
#     - C Member
# hidden: true                            # keep off the committees list (its pages still build)
---
Describe what the committee does, in a sentence or two. This text opens the committee's page.
""",
    )


def new_meeting(meetings: Path, committee: str, date: str, project: Path, start: str = "", place: str = "") -> Path:
    day = parse_iso_date(date)
    if day is None:
        raise ScaffoldError(f"'{date}' is not a date written YYYY-MM-DD", "write it like 2017-04-27")
    if not (meetings / committee / "committee.md").exists():
        raise ScaffoldError(
            f"there is no committee '{committee}'",
            f"check the name, or create it with: minutebook new committee --slug {committee} --name …",
        )
    path = meetings / committee / day.isoformat() / "meeting.md"
    start_line = (
        f"start: {_quote(start)}"
        if start
        else '# start: "14:00"                        # start time, in quotes, 24-hour clock'
    )
    place_line = f"place: {_quote(place)}" if place else "# place: Committee Room 3 - Council House"
    return _write(
        path,
        f"""---
{_schema_line(path, "meeting", project)}
{start_line}
{place_line}
# status: scheduled                      # scheduled, agenda published, held, cancelled, postponed
#                                        #   (left out: worked out from the agenda and minutes)
# postponed_to: 2017-05-04               # with status: postponed, the new date
# agenda_published: 2017-04-19           # the date the agenda was published (checked: 5 clear working days)
# published_by: "Name, Job title"        # who published it, as printed on the agenda
# public_access: >-                      # notes for the public: access, hearing loop, interpreters
#   A hearing loop is available in the committee rooms.
# webcast: https://example.gov.uk/webcast
# joint_with: [other-committee]          # a joint meeting is listed under each committee
# draft: true                            # not on the public site yet
# publish_from: "2017-04-19 09:00"       # embargo: not on the public site before then (UK time)
# items:                                 # the agenda, in order
#   - number: 1
#     title: Apologies and Substitutions
#   - number: 3
#     title: Minutes
#     pages: 3-6                         # page range in the printed pack
#     parts:
#       - {{number: 3a, title: "To agree the minutes of the meeting held on 6th April, 2017"}}
#   - number: 4
#     title: One Strategic Plan for School Organisation
#     lead: Report of the Director of Education
#     slug: one-strategic-plan           # the item's address; keep it once published
#     topic: school-organisation         # ties the item to the same subject at other meetings
#   - number: 11
#     title: Contract award
#     private: true                      # private business: papers and minute never published
#     exempt_paragraph: 3                # Schedule 12A paragraph (1-7), required for private items
#   - number: 12                         # an executive committee's decision (committee kind: executive)
#     title: Library Opening Hours
#     decision:
#       key_decision: true
#       forward_plan: FP/2017/031        # its reference in the forward plan
#       forward_plan_published: 2017-03-01  # first in the forward plan: 28 clear days before (England)
#       # urgency: general exception     # or special urgency: taken without the 28 days' notice
#       published: 2017-04-21            # the decision notice: call-in runs from it
#   - number: 13                         # a planning committee's application (committee kind: planning)
#     title: 12 Mill Lane
#     application:
#       reference: 17/01234/FUL
#       site: 12 Mill Lane, Coventry
#       decision: granted                # granted, refused or deferred
#       conditions:
#         - The development shall begin within three years of this permission.
---
""",
    )


def _agenda(meeting_md: Path) -> tuple[str, str, str, list]:
    """(text before the front matter, the front matter, the rest of the file, the agenda items)."""
    text = meeting_md.read_text(encoding="utf-8")
    match = yamlio.FRONT_MATTER.match(text)
    if not match:
        raise ScaffoldError(f"{meeting_md} has no front matter", "start it with a line '---' and end it with another")
    front = match.group(1)
    try:
        data = yamlio.load(front) or {}
    except yamlio.YAMLProblem as exc:
        raise ScaffoldError(
            f"{meeting_md}: {exc}", "fix the YAML, then run the command again; nothing was changed"
        ) from exc
    items = data.get("items") if isinstance(data, dict) else None
    if items is not None and not isinstance(items, list):
        raise ScaffoldError(f"{meeting_md}: 'items' is not a list", "write one item per line, each starting with '- '")
    return text[: match.start(1)], front, text[match.end(1) :], items or []


def add_agenda_item(meeting_md: Path, number: str, title: str) -> bool:
    """Put item ``number`` on the meeting's agenda (at the end) unless it is there: True when added."""
    before, front, rest, items = _agenda(meeting_md)
    if any(isinstance(e, dict) and str(e.get("number", "")).strip() == number for e in items):
        return False
    lines = front.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    key = next((i for i, line in enumerate(lines) if re.match(r"items:\s*(\[\s*\])?\s*(#.*)?$", line)), None)
    value = number if re.fullmatch(r"\d+", number) else _quote(number)
    if key is None:
        lines.append("items:\n")
        key, indent = len(lines) - 1, "  "
    else:
        lines[key] = "items:\n"  # "items: []" becomes a block list
        following = [line for line in lines[key + 1 :] if line.strip() and not line.lstrip().startswith("#")]
        first = following[0] if following else ""
        indent = first[: len(first) - len(first.lstrip())] if first.lstrip().startswith("-") else "  "
    end = key + 1
    while end < len(lines) and (lines[end][:1] in (" ", "\t", "-") or not lines[end].strip()):
        end += 1
    while end > key + 1 and not lines[end - 1].strip():
        end -= 1
    lines[end:end] = [f"{indent}- number: {value}\n", f"{indent}  title: {_quote(title)}\n"]
    new_front = "".join(lines)
    check = yamlio.load(new_front) or {}
    if not any(isinstance(e, dict) and str(e.get("number", "")).strip() == number for e in check.get("items") or []):
        raise ScaffoldError(f"could not add item {number} to {meeting_md}", "add it to 'items' by hand")
    if rest.startswith("\n"):
        rest = rest[1:]  # the newline before the closing '---' now ends the last line
    meeting_md.write_text(before + new_front + rest, encoding="utf-8")
    return True


def new_paper(
    meetings: Path,
    committee: str,
    date: str,
    project: Path,
    title: str,
    item: str = "",
    kind: str = "report",
    parent: str = "",
    appendix: str = "",
    added: list | None = None,
) -> Path:
    """A paper for item ``item``; the item goes on the meeting's agenda if it is not there (said in ``added``)."""
    added = [] if added is None else added
    day = parse_iso_date(date)
    folder = meetings / committee / (day.isoformat() if day else date)
    if day is None or not (folder / "meeting.md").exists():
        raise ScaffoldError(
            f"there is no meeting {committee}/{date}",
            f"create it first: minutebook new meeting --committee {committee} --date YYYY-MM-DD",
        )
    if kind not in PAPER_KINDS:
        raise ScaffoldError(f"'{kind}' is not a kind of paper", f"use one of: {', '.join(PAPER_KINDS)}")
    if kind == "appendix" and not (parent and appendix):
        raise ScaffoldError("an appendix needs --parent (the main paper's file name) and --appendix (its label)")
    if kind != "appendix" and not item:
        raise ScaffoldError("a paper needs --item, the agenda number it belongs to")
    slug = slugify(title)
    if kind == "appendix":
        slug = f"{parent}-appendix-{slugify(appendix)}"
    path = folder / "papers" / f"{slug}.md"
    if path.exists():
        raise ScaffoldError(f"{path} already exists", "edit it, or choose another title; nothing was changed")
    if kind != "appendix" and add_agenda_item(folder / "meeting.md", str(item).strip(), title):
        added.append(f'added item {str(item).strip()} "{title}" to the agenda in {folder / "meeting.md"}')
    belongs = f"parent: {parent}\nappendix: {_quote(appendix)}" if kind == "appendix" else f"item: {_quote(item)}"
    return _write(
        path,
        f"""---
{_schema_line(path, "paper", project)}
{belongs}
kind: {kind}                           # report, briefing note, appendix, presentation, supplementary, minutes
title: {_quote(title)}
# to: "Education and Children's Services Scrutiny Board (2)"   # who the paper is addressed to
# date: {date}                     # the date printed on the paper
# subject: …                             # the Subject: line, where it differs from the title
# authors:
#   - name: A Officer
#     role: Scrutiny Co-ordinator
#     phone: 024 7683 1172
#     email: a.officer@example.gov.uk
# presented_by: {{name: B Director, role: Director of Children's Services}}   # who presents it, if not an author
# pdf: https://example.gov.uk/papers/original.pdf
# published: {date}                # the date it was first published
# draft: true                            # not on the public site yet
# publish_from: "2017-04-19 09:00"       # embargo (UK time)
---

## 1 Purpose of the Note

1.1 Write the paper here. Numbered paragraphs ("1.1 …") get an address that can be cited.

## 2 Recommendations

2.1 The Board is recommended to:

1. Note the report.
""",
    )
