"""Open data: ``api/meetings.json``, documented in docs/open-data.md.

Built from the model, never from HTML. Private items keep their number and title but carry no
papers, minute text or resolutions. URLs are relative to the site root, with no leading slash.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from minutebook.link import approval
from minutebook.model import ATTENDANCE_GROUPS, Archive, Item, Meeting, MinutePart, urls

FORMAT_VERSION = 1


def _attendee(a) -> dict:
    entry = {"name": a.name, "person": a.person, "role": a.role}
    if a.directorate:
        entry["directorate"] = a.directorate
    if a.organisation:
        entry["organisation"] = a.organisation
    if a.substitute_for:
        entry["for"] = a.substitute_for
    return entry


def _plain(text: str) -> str:
    """Resolution text without our link targets: '[minute 28/16](minutebook:…)' -> 'minute 28/16'."""
    import re

    return re.sub(r"\[([^\]]*)\]\(minutebook:[^)]*\)", r"\1", text)


def _part(part: MinutePart) -> dict:
    return {"letter": part.letter, "title": part.title, "resolutions": [_plain(r.text) for r in part.resolutions]}


def _paper(p) -> dict:
    entry: dict[str, Any] = {"title": p.title, "kind": p.kind, "url": urls.paper(p)}
    if p.appendix:
        entry["appendix"] = p.appendix
    # who wrote it and who presents it, as its page names them (their telephone and e-mail are on the page)
    entry["authors"] = [_contact(a) for a in p.authors]
    entry["presented_by"] = _contact(p.presented_by) if p.presented_by else None
    return entry


def _contact(contact) -> dict:
    return {"name": contact.name, "role": contact.role or None, "directorate": contact.directorate or None}


def _vote(vote) -> dict:
    entry: dict[str, Any] = {"on": vote.on or None, "result": vote.result, "casting_vote": vote.casting_vote}
    for way, voters in vote.ways:
        entry[way] = [{"name": v.name, "person": v.person} for v in voters]
    entry["counts"] = {way: vote.count(way) for way in ("for", "against", "abstain")}
    return entry


def _who(voter) -> dict | None:
    return {"name": voter.name, "person": voter.person} if voter else None


def _motion(motion) -> dict:
    return {
        "text": motion.text or None,
        "mover": _who(motion.mover),
        "seconder": _who(motion.seconder),
        "result": motion.result,
        "amendments": [
            {"text": a.text, "mover": _who(a.mover), "seconder": _who(a.seconder), "result": a.result}
            for a in motion.amendments
        ],
    }


def _question(q) -> dict:
    return {
        "asker": q.asker,
        "person": q.person or None,
        "to": q.to or None,
        "question": q.question,
        "answer": q.answer or None,
    }


def _decision(decision) -> dict | None:
    if decision is None:
        return None
    return {
        "key_decision": decision.key_decision,
        "forward_plan": decision.forward_plan or None,
        "forward_plan_published": decision.forward_plan_published.isoformat()
        if decision.forward_plan_published
        else None,
        "notice_days": decision.notice_days,
        "urgency": decision.urgency or None,
        "published": decision.published.isoformat() if decision.published else None,
        "call_in_days": decision.call_in_days,
        "call_in_ends": decision.call_in_ends.isoformat() if decision.call_in_ends else None,
    }


def _application(item: Item) -> dict | None:
    a = item.application
    if a is None or item.private:
        return None
    return {
        "reference": a.reference,
        "site": a.site or None,
        "proposal": a.proposal or None,
        "decision": a.decision or None,
        "conditions": list(a.conditions),
        "reasons": list(a.reasons),
    }


def _item(item: Item) -> dict:
    minute = item.minute
    public = not item.private
    return {
        "id": item.id,
        "agenda_number": item.number,
        "minute": minute.cite if minute else None,
        "title": item.title,
        "pages": item.pages,
        "lead": item.lead or None,
        "topic": item.topic,
        "url": urls.item(item),
        "private": item.private,
        "exempt_paragraph": item.exempt_paragraph,
        "resolutions": [_plain(r.text) for r in minute.resolutions] if minute and public else [],
        "parts": [_part(p) for p in minute.parts] if minute and public else [],
        "references": list(minute.references) if minute and public else [],
        "votes": [_vote(v) for v in minute.votes] if minute and public else [],
        "motions": [_motion(m) for m in minute.motions] if minute and public else [],
        "questions": [_question(q) for q in minute.asked] if minute and public else [],
        "decision": _decision(item.decision),
        "application": _application(item),
        "papers": [_paper(p) for p in item.all_papers if not p.withdrawn] if public else [],
    }


def meeting_record(meeting: Meeting) -> dict:
    minutes = meeting.minutes
    attendance: dict[str, list[dict[str, Any]]] = {group: [] for group in ATTENDANCE_GROUPS}
    if minutes:
        for group, entries in minutes.attendance.items():
            attendance[group] = [_attendee(a) for a in entries]
    public_items = [i for i in meeting.items if not i.private]
    return {
        "id": meeting.id,
        "committee": meeting.committee,
        "joint_with": meeting.joint_with,
        "date": meeting.date.isoformat(),
        "start": meeting.start,
        "place": meeting.place or None,
        "status": meeting.status,
        "postponed_to": meeting.postponed_to.isoformat() if meeting.postponed_to else None,
        "published": meeting.agenda_published.isoformat() if meeting.agenda_published else None,
        "closed": minutes.closed if minutes else None,
        "minutes_approved": minutes.approved if minutes else None,
        "minutes_approval": approval.recorded(minutes) if minutes else "not in this archive",
        "minutes_approved_at": minutes.approved_at.isoformat() if minutes and minutes.approved_at else None,
        "url": urls.meeting(meeting),
        "attendance": attendance,
        "declarations": [
            {"name": d.name, "person": d.person, "minute": d.minute, "interest": d.interest or None}
            for d in (minutes.declarations if minutes else [])
        ],
        "papers": [_paper(p) for i in public_items for p in i.all_papers if not p.withdrawn],
        "items": [_item(i) for i in meeting.items],
    }


def licence(settings) -> dict:
    return {"name": settings.licence_name, "url": settings.licence_url}


def meetings_json(archive: Archive, settings=None) -> str:
    return "".join(meetings_json_parts(archive, settings))


def meetings_head(archive: Archive, settings=None) -> dict[str, Any]:
    """Everything of ``api/meetings.json`` but its meetings (an empty list in their place)."""
    from minutebook.settings import SiteSettings

    settings = settings or SiteSettings()
    return {
        "format": FORMAT_VERSION,
        "licence": licence(settings),
        "committees": [
            {"id": c.slug, "name": c.name, "kind": c.kind, "url": urls.committee(c)}
            for c in sorted(archive.committees.values(), key=lambda c: c.slug)
        ],
        "meetings": [],
    }


def meetings_json_parts(archive: Archive, settings=None) -> Iterator[str]:
    """``api/meetings.json`` in pieces, one meeting at a time, so that the whole file (and every
    meeting's record) is never in memory at once: the text is what ``json.dumps(..., indent=1)`` of
    the whole document gives, character for character."""
    text = json.dumps(meetings_head(archive, settings), ensure_ascii=False, indent=1, sort_keys=False)
    end = '"meetings": []\n}'
    assert text.endswith(end)
    if not archive.meetings:
        yield text + "\n"
        return
    yield text[: -len(end)] + '"meetings": [\n'
    for n, meeting in enumerate(archive.meetings):
        record = json.dumps(meeting_record(meeting), ensure_ascii=False, indent=1, sort_keys=False)
        # one level deeper than its own document: two spaces (JSON strings hold no raw line breaks)
        yield (",\n  " if n else "  ") + record.replace("\n", "\n  ")
    yield "\n ]\n}\n"


# -- CSV for people who use spreadsheets -----------------------------------------------------------

MEETING_COLUMNS = [
    "id",
    "committee",
    "date",
    "start",
    "place",
    "status",
    "published",
    "closed",
    "minutes_approved",
    "minutes_approval",
    "url",
    "present",
    "apologies",
    "items",
    "papers",
]
ITEM_COLUMNS = [
    "id",
    "meeting",
    "date",
    "agenda_number",
    "minute",
    "title",
    "pages",
    "lead",
    "topic",
    "private",
    "resolutions",
    "references",
    "papers",
    "url",
]


def _csv(columns: list[str], rows: list[dict]) -> str:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(row.get(k)) for k in columns})
    return buffer.getvalue()


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    # a cell starting with = + - @ is a formula to a spreadsheet: keep it text
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def meetings_csv(archive: Archive) -> str:
    rows = []
    for m in archive.meetings:
        record = meeting_record(m)
        att = record["attendance"]
        rows.append(
            {
                **record,
                "present": "; ".join(a["name"] for a in att["present"] + att["co_opted"]),
                "apologies": "; ".join(a["name"] for a in att["apologies"]),
                "items": len(record["items"]),
                "papers": len(record["papers"]),
            }
        )
    return _csv(MEETING_COLUMNS, rows)


def items_csv(archive: Archive) -> str:
    rows = []
    for m in archive.meetings:
        for item in meeting_record(m)["items"]:
            rows.append(
                {
                    **item,
                    "meeting": m.id,
                    "date": m.date.isoformat(),
                    "resolutions": " | ".join(item["resolutions"]),
                    "references": "; ".join(item["references"]),
                    "papers": "; ".join(p["title"] for p in item["papers"]),
                }
            )
    return _csv(ITEM_COLUMNS, rows)


# -- topics, work programmes and the tracker --------------------------------------------------------


def topics_json(archive: Archive, settings=None) -> str:
    from minutebook.settings import SiteSettings

    data = {
        "format": FORMAT_VERSION,
        "licence": licence(settings or SiteSettings()),
        "topics": [
            {
                "id": t.id,
                "title": t.title,
                "url": urls.topic(t.id),
                "committees": t.committees,
                "items": [i.id for i in t.items],
            }
            for t in archive.topics
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def programme_json(archive: Archive, settings=None) -> str:
    from minutebook.model import municipal_year_label
    from minutebook.settings import SiteSettings

    programmes = []
    for programme in archive.programmes:
        plans = [p for p in archive.plan_links if p.programme is programme]
        programmes.append(
            {
                "committee": programme.committee,
                "year": municipal_year_label(programme.year),
                "url": urls.programme(programme.committee, programme.year),
                "entries": [
                    {
                        "planned": p.entry.date.isoformat() if p.entry.date else None,
                        "bucket": p.entry.bucket,
                        "title": p.entry.title,
                        "detail": p.entry.detail or None,
                        "leads": p.entry.leads,
                        "source": p.entry.source or None,
                        "status": p.status,
                        "considered_at": [i.id for i in p.items],
                    }
                    for p in plans
                ],
            }
        )
    data = {"format": FORMAT_VERSION, "licence": licence(settings or SiteSettings()), "programmes": programmes}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _action_record(a) -> dict:
    return {
        "meeting": a.meeting.id if a.meeting else None,
        "meeting_date": a.meeting_date.isoformat() if a.meeting_date else None,
        "committee": a.committee,
        "item_title": a.item_title,
        "minute": a.minute,
        "item": a.item.id if a.item else None,
        "topic": a.topic.id if a.topic is not None else None,
        "kind": a.kind,
        "text": a.tracker_text or a.text,
        "response": a.response or None,
        "status": a.status or ("answered" if a.answered else "open"),
        "state": a.state,
        "last_report": a.last_report.isoformat() if a.last_report else None,
    }


def actions_json(archive: Archive, settings=None) -> str:
    from minutebook.settings import SiteSettings

    data = {
        "format": FORMAT_VERSION,
        "licence": licence(settings or SiteSettings()),
        "actions": [_action_record(a) for a in archive.actions],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def actions_csv(archive: Archive) -> str:
    columns = [
        "meeting_date",
        "committee",
        "item_title",
        "minute",
        "kind",
        "text",
        "response",
        "status",
        "topic",
        "meeting",
        "item",
    ]
    return _csv(columns, [_action_record(a) for a in archive.actions])


def programme_csv(archive: Archive) -> str:
    rows = []
    for programme in json.loads(programme_json(archive))["programmes"]:
        for e in programme["entries"]:
            rows.append(
                {
                    **e,
                    "committee": programme["committee"],
                    "year": programme["year"],
                    "leads": "; ".join(e["leads"]),
                    "considered_at": "; ".join(e["considered_at"]),
                }
            )
    return _csv(
        ["committee", "year", "planned", "bucket", "title", "detail", "leads", "source", "status", "considered_at"],
        rows,
    )


def topics_csv(archive: Archive) -> str:
    rows = [
        {
            "id": t.id,
            "title": t.title,
            "committees": "; ".join(t.committees),
            "items": "; ".join(i.id for i in t.items),
            "url": urls.topic(t.id),
        }
        for t in archive.topics
    ]
    return _csv(["id", "title", "committees", "items", "url"], rows)
