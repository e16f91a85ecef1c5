"""Writing the meeting files: deterministic YAML front matter and Markdown, and the file plan.

The same input always gives byte-identical files: fields in a fixed order, lists in the order
printed, no dates of the run. Strings are written plain when YAML reads them back as the same
text, quoted otherwise; times ("14:00") and municipal years ("2016/17") are always quoted. Every
agenda item gets its ``slug:`` (and every minute without an agenda item its ``{slug=…}``), so
that its address stays fixed when a title is corrected later.

An existing file is never overwritten without ``--force``: the report shows how it differs.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from pathlib import Path

from minutebook.importer.assemble import Assembly, MeetingOut
from minutebook.importer.minutes import MinutesDoc
from minutebook.importer.report import Report
from minutebook.importer.textutil import committee_kind
from minutebook.load.yamlio import YAMLProblem, split_front_matter
from minutebook.load.yamlio import load as load_yaml
from minutebook.model import ATTENDANCE_GROUPS, MunicipalYear


class Quoted(str):
    """A string always written in double quotes."""


CONTACT_KEYS = ("name", "role", "directorate", "phone", "email")  # a contact's fields, in the order written


def _contact(entry: dict) -> dict:
    """An author or presenter as written: its filled fields, in CONTACT_KEYS' order."""
    return {k: entry[k] for k in CONTACT_KEYS if entry.get(k)}


_RESERVED = re.compile(r"^(?:y|n|yes|no|true|false|on|off|null|~|\.inf|\.nan|-\.inf)$", re.I)
_NUMBERISH = re.compile(r"^[-+]?(?:[\d_]+(?:[.:][\d_]*)*|\.\d+|0x[\da-f]+|0o[0-7]+)(?:e[-+]?\d+)?$", re.I)
_PLAIN = re.compile(r"^[A-Za-z0-9(£$€“‘«][^\n]*$")


def scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if (
        isinstance(value, Quoted)
        or not text
        or text != text.strip()
        or not _PLAIN.match(text)
        or ": " in text
        or " #" in text
        or text.endswith(":")
        or _RESERVED.match(text)
        or _NUMBERISH.match(text)
        or "\t" in text
    ):
        return json.dumps(text, ensure_ascii=False)
    return text


def _block(text: str, indent: int) -> str:
    pad = " " * indent
    lines = [line.rstrip() for line in text.strip("\n").split("\n")]
    if lines and lines[0].startswith(" "):
        return json.dumps(text, ensure_ascii=False)
    return "|-\n" + "\n".join(pad + line if line else "" for line in lines)


_KEY = re.compile(r"^[A-Za-z_][\w-]*$")


def dump(value, indent: int = 0) -> str:
    """YAML for a mapping (dict), in insertion order; None and empty values are left out."""
    pad = " " * indent
    out = []
    for key, item in value.items():
        if item is None or item == "" or item == [] or item == {}:
            continue
        out.append(pad + _entry(str(key), item, indent, quoted=isinstance(key, Quoted)))
    return "\n".join(out)


def _entry(key: str, item, indent: int, quoted: bool = False) -> str:
    head = (json.dumps(key, ensure_ascii=False) if quoted or not _KEY.match(key) else key) + ":"
    if isinstance(item, dict):
        return head + "\n" + dump(item, indent + 2)
    if isinstance(item, list):
        return head + "\n" + _list(item, indent + 2)
    if isinstance(item, str) and "\n" in item:
        return f"{head} {_block(item, indent + 2)}"
    return f"{head} {scalar(item)}"


def _list(items: list, indent: int) -> str:
    pad = " " * indent
    out = []
    for item in items:
        if isinstance(item, dict):
            body = dump(item, indent + 2)
            out.append(pad + "- " + body.lstrip(" "))
        elif isinstance(item, str) and "\n" in item:
            out.append(pad + "- " + _block(item, indent + 2))
        else:
            out.append(pad + "- " + scalar(item))
    return "\n".join(out)


def document(front: dict, body: str = "") -> str:
    text = "---\n" + dump(front) + "\n---\n"
    body = body.strip("\n")
    return text + ("\n" + body + "\n" if body else "")


# -- one file of each kind ----------------------------------------------------------------------------
def _member(name: str, role: str) -> str:
    return f"{name} ({role})" if role else name


def committee_file(committee, existing_text: str | None) -> str:
    front: dict = {"name": committee.name, "short_name": committee.short_name or None}
    front["kind"] = committee_kind(committee.name) or committee.kind
    if committee.contact:
        front["contact"] = {k: committee.contact.get(k) for k in ("name", "role", "phone", "email")}
    membership = {
        Quoted(MunicipalYear(y).label): [_member(n, r) for n, r in members]
        for y, members in sorted(committee.membership.items())
    }
    body = ""
    if existing_text is not None:
        yaml_text, body, _ = split_front_matter(existing_text)
        try:
            old = load_yaml(yaml_text or "") or {}
        except YAMLProblem:
            old = {}
        old_membership = {Quoted(k): list(v) for k, v in (old.get("membership") or {}).items()}
        merged = {**{k: v for k, v in old.items() if k != "membership"}}
        for key, value in front.items():
            merged.setdefault(key, value)
        old_membership.update(membership)
        membership = dict(sorted(old_membership.items()))
        front = merged
    front["membership"] = membership or None
    order = ["name", "short_name", "kind", "contact", "membership", "hidden"]
    front = {k: front[k] for k in order if k in front} | {k: v for k, v in front.items() if k not in order}
    return document(front, body)


def _attendee(entry: dict):
    if (set(entry) <= {"name", "role"} and "(" not in entry.get("role", "(")) or set(entry) == {"name"}:
        return _member(entry["name"], entry.get("role", ""))
    return {k: entry[k] for k in ("name", "role", "directorate", "organisation", "for") if entry.get(k)}


def _outcome(kind: str | None, decision: dict | None, application: dict | None, notice: dict) -> dict:
    """An item's ``decision:`` (executive committees) or ``application:`` (planning committees)."""
    out: dict = {}
    if kind == "executive" and decision:
        out["decision"] = {
            "key_decision": decision.get("key_decision"),
            "forward_plan": decision.get("forward_plan"),
            "published": decision.get("published") or notice.get("published"),
        }
    if kind == "planning" and application:
        out["application"] = {
            k: application.get(k) for k in ("reference", "site", "proposal", "decision", "conditions", "reasons")
        }
    return out


def _minute_outcomes(meeting: MeetingOut, kind: str | None) -> dict[str, dict]:
    """Normalised minute title → its decision or application, for the meeting's items."""
    doc = meeting.minutes
    if doc is None or kind is None:
        return {}
    found = {}
    for minute in doc.minutes:
        out = _outcome(kind, minute.decision, minute.application, doc.notice if minute.decision else {})
        if out:
            found[_norm(minute.title)] = out
            found[f"#{minute.number}"] = out
    return found


def _norm(title: str) -> str:
    return " ".join(re.sub(r"[^\w/ ]+", " ", title.lower()).split())


def meeting_file(meeting: MeetingOut, slugs: dict, kind: str | None = None) -> str:
    agenda = meeting.agenda
    start = agenda.start if agenda and agenda.start else (meeting.minutes.start if meeting.minutes else None)
    front: dict = {"start": Quoted(start) if start else None}
    if agenda:
        front.update(
            {
                "place": agenda.place or None,
                "agenda_published": agenda.published,
                "published_by": agenda.published_by or None,
                "public_access": agenda.public_access or None,
            }
        )
        items = []
        from_minutes = _minute_outcomes(meeting, kind)
        by_item = {agenda_number: number for number, agenda_number in meeting.minute_items.items()}
        for item in agenda.items:
            unknown = item.number.startswith("?")  # a lone paper's item: its agenda number is not known
            entry: dict = {
                "number": None if unknown else int(item.number) if item.number.isdigit() else Quoted(item.number),
                "title": item.title,
                "lead": item.lead or None,
                "pages": item.pages,
                "description": item.description or None,
                "parts": [{"number": n, "title": t} for n, t in item.parts] or None,
            }
            if item.private:
                entry["private"] = True
                entry["exempt_paragraph"] = item.exempt_paragraph
            entry["slug"] = slugs[id(item)]
            if not item.private:
                entry.update(_item_outcome(meeting, item, kind, from_minutes, by_item))
            items.append(entry)
        front["items"] = items
    elif meeting.minutes:
        if meeting.minutes.place:
            front["place"] = meeting.minutes.place
        from_minutes = _minute_outcomes(meeting, kind)
        if from_minutes:  # decisions and applications go on the items: one item a minute, joined by title
            items = []
            for minute in meeting.minutes.minutes:
                entry = {"title": minute.title}
                if minute.private:
                    entry["private"] = True
                    entry["exempt_paragraph"] = minute.exempt_paragraph or "not stated"
                entry["slug"] = meeting.minute_slugs.get(minute.number)
                if not minute.private:
                    entry.update(from_minutes.get(f"#{minute.number}", {}))
                items.append(entry)
            front["items"] = items
    notes = meeting.notes
    if not notes and not any(v is not None for v in front.values()):
        # minutes that print neither when nor where the meeting was: say so, rather than an empty file
        notes = UNRECORDED
    return document(front, notes)


UNRECORDED = "The published minutes do not say when the meeting started or where it was held."


def _item_outcome(meeting: MeetingOut, item, kind: str | None, from_minutes: dict, by_item: dict) -> dict:
    """An agenda item's decision or application: from its minute, else from the agenda and its papers."""
    number = by_item.get(item.number)
    if number is not None and f"#{number}" in from_minutes:
        return from_minutes[f"#{number}"]
    if _norm(item.title) in from_minutes:
        return from_minutes[_norm(item.title)]
    from minutebook.importer.outcomes import application_reference, decision_from_texts

    decision = decision_from_texts([item.description]) if item.description else None
    for paper in meeting.papers:
        if paper.item == item.number and paper.doc.decision:
            decision = {**paper.doc.decision, **(decision or {})}
    reference = application_reference(item.title)
    application = {"reference": reference} if reference else None
    return _outcome(kind, decision, application, {})


def council_file(council: dict) -> str:
    head = (
        "# The council's settings (docs/guide/meeting-files.md): written by minutebook import from the\n"
        "# numbers the minutes print and the law the papers cite. Add the council's name.\n"
    )
    return head + dump({k: v for k, v in council.items() if v is not None}, 0) + "\n"


def minutes_file(meeting: MeetingOut, doc: MinutesDoc, joined: dict, own: dict, kind: str | None = None) -> str:
    attendance = {}
    for group in ATTENDANCE_GROUPS:
        entries = doc.attendance.get(group)
        if entries:
            attendance[group] = [_attendee(e) for e in entries]
    front: dict = {
        "approved": True if meeting.approved_at is not None else "not recorded",
        "approved_at": meeting.approved_at,
        "amendment": meeting.amendment or None,
        "closed": Quoted(doc.closed) if doc.closed else None,
        "note": doc.note or None,
        "attendance": attendance or None,
        "declarations": [
            {k: d[k] for k in ("name", "minute", "interest", "text") if d.get(k)} for d in doc.declarations
        ]
        or None,
        "votes": [
            {"minute": m.number, **{k: v for k, v in vote.items() if k != "line"}}
            for m in doc.minutes
            for vote in m.votes
        ]
        or None,
        "motions": [
            {"minute": m.number, **{k: v for k, v in motion.items() if k != "line"}}
            for m in doc.minutes
            for motion in m.motions
        ]
        if kind == "council"
        else None,
        "questions": [
            {"minute": m.number, **{k: v for k, v in question.items() if k != "line"}}
            for m in doc.minutes
            for question in m.questions
        ]
        or None,
        "published": meeting.minutes_published,
    }
    chunks = []
    for minute in doc.minutes:
        attrs = []
        if minute.number in joined:
            attrs.append(f"item={joined[minute.number]}")
        if minute.number in own:
            attrs.append(f"slug={own[minute.number]}")
        if minute.private:
            paragraph = minute.exempt_paragraph
            attrs.append(
                f'private="{paragraph}"'
                if isinstance(paragraph, str)
                else f"private={paragraph}"
                if paragraph
                else "private"
            )
        number = minute.printed or f"{minute.number}."
        heading = f"## {number} {minute.title}" + (f" {{{' '.join(attrs)}}}" if attrs else "")
        chunks.append(heading + ("\n\n" + minute.body if minute.body else ""))
    return document(front, "\n\n".join(chunks))


def paper_file(paper, item_slugs: dict | None = None) -> str:
    doc = paper.doc
    item = paper.item
    if item and item.startswith("?"):  # no agenda number: the paper names its item by slug
        item = (item_slugs or {}).get(item, item)
    front: dict = {"item": (int(item) if item.isdigit() else Quoted(item)) if item else None, "kind": paper.kind}
    if paper.parent:
        front.update({"parent": paper.parent, "appendix": Quoted(doc.label)})
    front.update(
        {
            "title": doc.title or "Untitled paper",
            "to": doc.to or None,
            "date": doc.date,
            "authors": [_contact(a) for a in doc.authors] or None,
            "presented_by": _contact(doc.presented_by) if doc.presented_by else None,
        }
    )
    return document(front, doc.body)


def programme_file(programme: dict) -> str:
    entries = []
    for e in programme["entries"]:
        entries.append(
            {
                "date": e.get("date"),
                "bucket": e.get("bucket"),
                "title": e["title"],
                "detail": e.get("detail"),
                "leads": e.get("leads"),
                "source": e.get("source"),
                "outcomes": e.get("outcomes"),
            }
        )
    return document(
        {
            "year": Quoted(MunicipalYear(programme["year"]).label),
            "published_in": programme["published_in"] or None,
            "entries": entries or None,
        }
    )


def tracker_file(tracker: dict) -> str:
    rows = [
        {k: r.get(k) for k in ("meeting", "item", "cabinet_member", "kind", "text", "response", "status")}
        for r in tracker["rows"]
    ]
    return document({"published_in": tracker["published_in"], "rows": rows or None})


def people_file(people: dict) -> str:
    head = (
        "# People whose names the papers print in more than one way, or who share a surname with someone\n"
        "# else (docs/guide/meeting-files.md). Everyone else joins up by the name as printed.\n"
    )
    entries = []
    for key, person in people.items():
        fields = {k: person.get(k) for k in ("name", "full_name", "honorific", "names")}
        fields.update({k: v for k, v in person.items() if k not in fields})
        entries.append(f"{key}:\n" + dump(fields, 2))
    return head + "\n".join(entries) + "\n"


# -- the plan and writing it ----------------------------------------------------------------------------
def render(assembly: Assembly, people: dict | None, into: Path) -> dict[Path, str]:
    files: dict[Path, str] = {}
    if people:
        files[into / "people.yml"] = people_file(people)
    if assembly.council:
        files[into / "council.yml"] = council_file(assembly.council)
    for slug, committee in sorted(assembly.committees.items()):
        path = into / slug / "committee.md"
        existing = path.read_text(encoding="utf-8") if path.is_file() else None
        files[path] = committee_file(committee, existing)
    for (slug, day), meeting in sorted(assembly.meetings.items()):
        folder = into / slug / day.isoformat()
        owner = assembly.committees.get(slug)
        kind = (committee_kind(owner.name) or owner.kind) if owner is not None else None
        files[folder / "meeting.md"] = meeting_file(meeting, meeting.item_slugs, kind)
        if meeting.minutes:
            files[folder / "minutes.md"] = minutes_file(
                meeting, meeting.minutes, meeting.minute_items, meeting.minute_slugs, kind
            )
        by_number = {
            i.number: meeting.item_slugs[id(i)]
            for i in (meeting.agenda.items if meeting.agenda else [])
            if id(i) in meeting.item_slugs
        }
        for paper in meeting.papers:
            files[folder / "papers" / f"{paper.slug}.md"] = paper_file(paper, by_number)
    for (slug, year), programme in sorted(assembly.programmes.items()):
        files[into / slug / "programmes" / f"{MunicipalYear(year).slug}.md"] = programme_file(programme)
    for (slug, day), tracker in sorted(assembly.trackers.items()):
        files[into / slug / "tracker" / f"{day.isoformat()}.md"] = tracker_file(tracker)
    return files


def _diff_summary(old: str, new: str, limit: int = 8) -> list[str]:
    diff = [
        line
        for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
        if not line.startswith(("---", "+++"))
    ]
    added = sum(1 for line in diff if line.startswith("+"))
    removed = sum(1 for line in diff if line.startswith("-"))
    shown = [line if len(line) <= 110 else line[:107] + "..." for line in diff[:limit]]
    if len(diff) > limit:
        shown.append(f"… and {len(diff) - limit} more diff lines")
    return [f"{added} line(s) would be added, {removed} removed:", *shown]


def apply(files: dict[Path, str], force: bool, dry_run: bool, report: Report, shown_root: Path) -> None:
    for path, text in sorted(files.items()):
        try:
            label = path.relative_to(shown_root).as_posix()
        except ValueError:
            label = path.as_posix()
        old = None
        if path.is_file():
            try:
                old = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                old = ""
        if old == text:
            report.files[label] = "unchanged"
            continue
        if old is not None and not force:
            report.files[label] = "differs"
            report.diffs[label] = _diff_summary(old, text)
            continue
        report.files[label] = "changed" if old is not None else "new"
        if dry_run:
            continue
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            report.error(
                label,
                None,
                f"could not be written ({exc.strerror or exc})",
                "check the folder given with --into and its permissions",
            )
