"""Reading decisions: recorded votes (minutes.md ``votes:``), executive decisions (an agenda item's
``decision:``) and planning applications (an agenda item's ``application:``), with the checks that
make them trustworthy.

A vote's names are resolved to people like attendance. A named member the minutes do not record as
present is a warning (the name may be misspelt, or the attendance incomplete); counts that
contradict the result are an error: a motion carried needs more votes for than against, a tie is
decided only by the chair's casting vote.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from minutebook.load.schema import Record, Where
from minutebook.model import (
    Amendment,
    Application,
    Decision,
    Item,
    Meeting,
    Minutes,
    Motion,
    Question,
    Urgency,
    Vote,
    Voter,
)
from minutebook.model.names import normalise

if TYPE_CHECKING:
    from minutebook.load.loader import ArchiveLoader

# attendance groups whose members were at the meeting and could vote
PRESENT_GROUPS = ("present", "co_opted", "cabinet_members", "other_members", "substitutions")
WAYS = ("for", "against", "abstain")
WAY_WORDS = {"for": "for", "against": "against", "abstain": "abstaining"}


def _of_kind(
    loader: ArchiveLoader, meeting: Meeting, item: Item, entry: Record, path: Path, field: str, kind: str, what: str
) -> bool:
    """Whether the item's committee is of the kind that ``field`` belongs to (an error naming the line if not)."""
    committee = loader.archive.committees.get(meeting.committee)
    if committee is None or committee.kind == kind:
        return True
    loader.problems.error(
        path,
        entry.line_of(field),
        f"item {item.number or item.title} records {what}, but the committee '{committee.slug}' is "
        f"of kind {committee.kind}",
        f"add 'kind: {kind}' to {committee.slug}/committee.md if it is one, or remove '{field}:'",
    )
    return False


def read_decision(loader: ArchiveLoader, meeting: Meeting, item: Item, entry: Record, path: Path) -> None:
    """An agenda item's ``decision:`` (executive committees) and ``application:`` (planning committees)."""
    read_application(loader, meeting, item, entry, path)
    data = entry.get("decision")
    if data is None or not _of_kind(
        loader, meeting, item, entry, path, "decision", "executive", "an executive decision"
    ):
        return
    if data.get("forward_plan") and not data.get("key_decision"):
        loader.problems.warning(
            path,
            data.line_of("forward_plan"),
            f"item {item.number or item.title} gives a forward plan reference but is not marked as a key decision",
            "add 'key_decision: true' if it is one",
        )
    item.decision = Decision(
        key_decision=data.get("key_decision", False),
        forward_plan=data.get("forward_plan", ""),
        forward_plan_published=data.get("forward_plan_published"),
        urgency=data.get("urgency", ""),
        taken=meeting.date,
        published=data.get("published"),
        call_in_days=loader.council.call_in_days,
    )
    _forward_plan_notice(loader, meeting, item, data, path)
    if item.decision.published and item.decision.published < meeting.date:
        loader.problems.error(
            path,
            data.line_of("published"),
            f"the decision notice of item {item.number or item.title} is dated "
            f"{item.decision.published.isoformat()}, before the meeting that took the decision",
            "write the date the decision notice was published (on or after the meeting)",
        )


def _forward_plan_notice(loader: ArchiveLoader, meeting: Meeting, item: Item, data: Record, path: Path) -> None:
    """A key decision's notice in the forward plan: 28 clear days in England (SI 2012/2089 reg 9), five
    under the general exception (reg 10), none asked under special urgency (reg 11). Nations without a
    statutory forward plan are not checked (docs/guide/meeting-files.md)."""
    decision = item.decision
    assert decision is not None
    label = f"item {item.number or item.title}"
    for field in ("forward_plan_published", "urgency"):
        if data.get(field) and not decision.key_decision:
            loader.problems.error(
                path,
                data.line_of(field),
                f"{label} gives '{field}', which only a key decision has, but is not marked as a key decision",
                f"add 'key_decision: true' if it is one, or remove '{field}:'",
            )
            return
    notice = decision.forward_plan_published
    if notice is not None:
        if notice >= meeting.date:
            loader.problems.error(
                path,
                data.line_of("forward_plan_published"),
                f"{label} was first in the forward plan on {notice.isoformat()}, not before the meeting "
                f"of {meeting.date.isoformat()} that took it",
                "write the date the forward plan (or the general-exception notice) first showed the decision",
            )
            return
        decision.notice_days = (meeting.date - notice).days - 1  # clear days: neither end counted
    law = loader.council.law
    if not decision.key_decision or not law.forward_plan_days:
        return
    if decision.urgency == Urgency.SPECIAL_URGENCY:
        return  # reg 11: agreed as urgent, no notice period
    general = decision.urgency == Urgency.GENERAL_EXCEPTION
    decision.notice_required = 5 if general else law.forward_plan_days
    rule = law.forward_plan_rule.replace("regulation 9", "regulation 10(1)(c)") if general else law.forward_plan_rule
    if decision.notice_days is None:
        loader.problems.info(
            path,
            data.line_of("key_decision"),
            f"key decision {label} does not give the date it was first in the forward plan, so its "
            f"{decision.notice_required} clear days' notice ({rule}) is not checked",
            "add 'forward_plan_published: YYYY-MM-DD'",
        )
        return
    if decision.notice_days < decision.notice_required:
        what = "the general-exception notice" if general else "the forward plan"
        fix = (
            "check forward_plan_published"
            if general
            else "check forward_plan_published, or give 'urgency: general exception' or 'urgency: special "
            "urgency' if it was taken under regulation 10 or 11"
        )
        loader.problems.warning(
            path,
            data.line_of("forward_plan_published"),
            f"key decision {label} was in {what} from {notice.isoformat() if notice else ''}, "
            f"{decision.notice_days} clear day{'s' if decision.notice_days != 1 else ''} before the meeting; "
            f"{rule} asks for {decision.notice_required}",
            fix,
        )


def read_application(loader: ArchiveLoader, meeting: Meeting, item: Item, entry: Record, path: Path) -> None:
    data = entry.get("application")
    if data is None or not _of_kind(
        loader, meeting, item, entry, path, "application", "planning", "a planning application"
    ):
        return
    application = Application(
        reference=data["reference"],
        site=data.get("site", ""),
        proposal=data.get("proposal", ""),
        decision=data.get("decision", ""),
        conditions=data.get("conditions", []),
        reasons=data.get("reasons", []),
    )
    label = f"application {application.reference}"
    if application.conditions and application.decision != "granted":
        loader.problems.error(
            path,
            data.line_of("conditions"),
            f"{label} has conditions but was not granted",
            "conditions go with 'decision: granted'; give a refusal's reasons under 'reasons:'",
        )
    if application.reasons and application.decision not in ("refused", "deferred"):
        loader.problems.error(
            path,
            data.line_of("reasons"),
            f"{label} gives reasons but was not refused or deferred",
            "reasons go with 'decision: refused' (or deferred); a grant's terms go under 'conditions:'",
        )
    if application.decision == "refused" and not application.reasons:
        loader.problems.warning(
            path,
            data.line_of("decision"),
            f"{label} was refused, but no reasons are recorded",
            "list the reasons for refusal under 'reasons:', as the minutes give them",
        )
    item.application = application


def read_minute_decisions(loader: ArchiveLoader, meeting: Meeting, minutes: Minutes, data: Record, path: Path) -> None:
    """minutes.md ``votes:``, ``motions:`` and ``questions:``, each attached to its minute."""
    read_votes(loader, meeting, minutes, data, path)
    read_motions_and_questions(loader, meeting, minutes, data, path)


def read_votes(loader: ArchiveLoader, meeting: Meeting, minutes: Minutes, data: Record, path: Path) -> None:
    """minutes.md ``votes:``: each vote checked and attached to its minute."""
    by_number = {m.number: m for m in minutes.minutes}
    present = {a.person for group in PRESENT_GROUPS for a in minutes.attendance.get(group, [])}
    recorded = any(minutes.attendance.get(group) for group in PRESENT_GROUPS)
    for entry in data.get("votes", []):
        where = Where(loader.problems, path, entry.line)
        minute = by_number.get(entry["minute"])
        if minute is None:
            where.error(
                f"the vote refers to minute {entry['minute']}, which is not in these minutes",
                "write the number of the minute the vote was taken under",
            )
            continue
        vote = Vote(
            minute=entry["minute"],
            result=entry["result"],
            on=entry.get("on", ""),
            counts=dict(entry.get("counts", {}).items()),
            casting_vote=entry.get("casting_vote", False),
            line=entry.line or 0,
        )
        seen: dict[str, str] = {}
        for way in WAYS:
            names = entry.get(way, [])
            at = where.at(entry.line_of(way))
            for printed in names:
                key = loader.person_key(printed, at)
                if not key:
                    continue
                if key in seen:
                    at.error(
                        f"'{printed}' is recorded as voting both {WAY_WORDS[seen[key]]} and {WAY_WORDS[way]}",
                        "keep the name in one list only",
                    )
                    continue
                seen[key] = way
                vote.names(way).append(Voter(_plain(printed), key))
                if recorded and key not in present:
                    loader.problems.warning(
                        path,
                        at.line,
                        f"'{printed}' is recorded as voting in minute {minute.cite}, "
                        "but the attendance does not record them as present",
                        "check the spelling of the name, or add them to the attendance",
                    )
            counted = entry.get("counts", {}).get(way)
            if names and counted is not None and counted != len(vote.names(way)):
                where.at(entry["counts"].line_of(way)).error(
                    f"the vote in minute {minute.cite} gives {counted} {WAY_WORDS[way]} but names "
                    f"{len(vote.names(way))}",
                    "make the count match the names, or leave the count out",
                )
        if not recorded and seen:
            loader.problems.warning(
                path,
                entry.line,
                f"the vote in minute {minute.cite} names members, but these minutes record no attendance",
                "add the attendance, so that the names can be checked",
            )
        _check_result(vote, minute.cite, where.at(entry.line_of("result")))
        minute.votes.append(vote)


def read_motions_and_questions(
    loader: ArchiveLoader, meeting: Meeting, minutes: Minutes, data: Record, path: Path
) -> None:
    """minutes.md ``motions:`` (full council only) and ``questions:``, attached to their minutes."""
    by_number = {m.number: m for m in minutes.minutes}
    committee = loader.archive.committees.get(meeting.committee)
    for field in ("motions", "questions"):
        for entry in data.get(field, []):
            where = Where(loader.problems, path, entry.line)
            minute = by_number.get(entry["minute"])
            if minute is None:
                where.error(
                    f"the {field[:-1]} refers to minute {entry['minute']}, which is not in these minutes",
                    f"write the number of the minute the {field[:-1]} was put under",
                )
                continue
            if field == "questions":
                asker = entry["asker"]
                minute.asked.append(
                    Question(
                        entry["minute"],
                        _plain(asker),
                        entry["question"],
                        entry.get("to", ""),
                        entry.get("answer", ""),
                        _councillor(loader, asker, where),
                    )
                )
                continue
            if committee is not None and committee.kind != "council":
                where.error(
                    f"minute {minute.cite} records a motion, but the committee '{committee.slug}' is of kind "
                    f"{committee.kind}",
                    f"add 'kind: council' to {committee.slug}/committee.md if it is the "
                    "full council, or record the decision as a RESOLVED",
                )
                continue
            minute.motions.append(
                Motion(
                    entry["minute"],
                    entry["result"],
                    entry.get("text", ""),
                    _member(loader, entry, "mover", where),
                    _member(loader, entry, "seconder", where),
                    [
                        Amendment(
                            a["text"],
                            a["result"],
                            _member(loader, a, "mover", where.at(a.line)),
                            _member(loader, a, "seconder", where.at(a.line)),
                        )
                        for a in entry.get("amendments", [])
                    ],
                )
            )


def _member(loader: ArchiveLoader, entry: Record, field: str, where: Where) -> Voter | None:
    printed = entry.get(field)
    if not printed:
        return None
    key = loader.person_key(printed, where.at(entry.line_of(field)))
    return Voter(_plain(printed), key) if key else None


def _councillor(loader: ArchiveLoader, printed: str, where: Where) -> str:
    """The asker's person key when they are a councillor (or in people.yml); a member of the public has none."""
    index = loader.people_index
    assert index is not None
    if normalise(printed) in index.by_name or printed.strip().lower().startswith(("councillor", "cllr")):
        return loader.person_key(printed, where)
    return ""


def _check_result(vote: Vote, cite: str, where: Where) -> None:
    votes_for, against = vote.count("for"), vote.count("against")
    if votes_for is None and against is None and vote.count("abstain") is None:
        where.error(
            f"the vote in minute {cite} records no votes",
            "list the members under for:, against: and abstain:, or give the numbers under counts:",
        )
        return
    votes_for, against = votes_for or 0, against or 0
    figures = f"{votes_for} for and {against} against"
    if vote.casting_vote:
        if votes_for != against:
            where.error(
                f"the vote in minute {cite} was decided by the chair's casting vote, but the votes were not "
                f"equal ({figures})",
                "check the figures, or remove 'casting_vote: true'",
            )
    elif votes_for == against:
        where.error(
            f"the vote in minute {cite} was tied ({figures}) but does not say how it was decided",
            "add 'casting_vote: true' when the chair's casting vote decided it, and its result",
        )
    elif (vote.result == "carried") != (votes_for > against):
        where.error(
            f"the vote in minute {cite} is recorded as {vote.result}, but the figures are {figures}",
            "check the names, the counts and the result",
        )


def _plain(name: str) -> str:
    from minutebook.model.names import without_honorific

    return without_honorific(name)
