"""The front-matter fields of each kind of meeting file, defined once.

The loader validates with these definitions and ``minutebook schema`` writes them out as JSON
Schema for editors; docs/guide/meeting-files.md describes the same fields for people.
"""

from __future__ import annotations

from minutebook.load.schema import (
    Bool,
    BoolOr,
    Choice,
    Date,
    DateTime,
    ExemptParagraph,
    Integer,
    ListOf,
    Mapping,
    Slug,
    Text,
    Time,
    Url,
    json_schema,
)
from minutebook.model import (
    ACTION_KINDS,
    COMMITTEE_KINDS,
    MEETING_STATUSES,
    PAPER_KINDS,
    PLANNING_DECISIONS,
    PROGRAMME_BUCKETS,
    ROLES,
    VOTE_RESULTS,
    Urgency,
)
from minutebook.model.names import split_role


def _name_and_role(text: str):
    name, role = split_role(text)
    if not name:
        return None
    return {"name": name, "role": role} if role else {"name": name}


NAME_HELP = "write a name, or 'Name (Role)', or a mapping with name: and role:"

CONTACT = Mapping(
    description="A contact: name, role, directorate, phone, email",
    fields={
        "name": Text("Name", required=True),
        "role": Text("Job title or role"),
        "directorate": Text("Directorate"),
        "phone": Text("Telephone number", numbers=True),
        "email": Text("E-mail address", pattern=r"[^@\s]+@[^@\s]+", pattern_help="an e-mail address"),
    },
)

PERSON = Mapping(
    description="A person named in the papers",
    fields={
        "name": Text("How the site shows the person, without honorific", required=True),
        "full_name": Text("The full name, where known"),
        "honorific": Text("Councillor, Mrs, Mr, Dr…"),
        "names": ListOf("Other ways the papers print this person's name", item=Text()),
    },
)

PEOPLE = Mapping(
    description="Everyone named in the papers, keyed by a permanent identifier",
    values=PERSON,
    key_pattern=r"[a-z0-9]+(?:-[a-z0-9]+)*",
    key_help="a lower-case key with hyphens, like 'm-mutton'",
)

MEMBER = Mapping(
    description="A committee member",
    from_text=_name_and_role,
    text_description=NAME_HELP,
    fields={
        "name": Text("The member's name as printed", required=True),
        "role": Choice("Role on the committee", choices=ROLES),
    },
)

COMMITTEE = Mapping(
    description="A committee (committee.md front matter)",
    fields={
        "name": Text("The committee's full name as printed on its papers", required=True),
        "short_name": Text(
            "A shorter name for table cells, where space is tight (screen readers still hear the full name)"
        ),
        "contact": CONTACT,
        "membership": Mapping(
            description='Members per municipal year, keyed like "2016/17"',
            values=ListOf(item=MEMBER),
            key_pattern=r"\d{4}/\d{2}",
            key_help='a municipal year like "2016/17"',
        ),
        "kind": Choice(
            "What the committee does: scrutiny (the default), executive (cabinet: it takes decisions "
            "that can be called in), planning, or council (the full council)",
            choices=COMMITTEE_KINDS,
        ),
        "hidden": Bool("true keeps the committee off the committees list"),
        "minutes_elsewhere": Mapping(
            description="Where the council publishes minutes this archive does not hold",
            fields={
                "url": Url("The page that lists them", required=True),
                "text": Text('What the page is, e.g. "the council\'s committee meetings pages"'),
            },
        ),
    },
)

ITEM_PART = Mapping(
    description="A sub-item (3a, 3b)",
    fields={
        "number": Text("As printed, e.g. 3a", required=True, numbers=True),
        "title": Text("As printed", required=True),
    },
)

DECISION = Mapping(
    description="An executive decision (committees of kind: executive): key decision, forward plan, call-in",
    fields={
        "key_decision": Bool(
            "true for a key decision (significant spending or savings, or significant effect on "
            "communities in two or more wards)"
        ),
        "forward_plan": Text(
            "The decision's reference in the forward plan (notice of key decisions), as printed", numbers=True
        ),
        "forward_plan_published": Date(
            "Key decisions: the date the decision first appeared in the forward plan (under the general "
            "exception, the date its notice was published). In England it must be 28 clear days before the "
            "meeting (SI 2012/2089 reg 9), five under the general exception (reg 10)"
        ),
        "urgency": Choice(
            "Key decisions taken without 28 clear days' notice in the forward plan: 'general exception' "
            "(SI 2012/2089 reg 10) or 'special urgency' (reg 11)",
            choices=tuple(u.value for u in Urgency),
        ),
        "published": Date("The date the decision notice was published: the call-in period runs from it"),
    },
)

APPLICATION = Mapping(
    description="A planning application (committees of kind: planning): reference, site, decision, conditions",
    fields={
        "reference": Text("The application's reference, as printed: 22/01234/FUL", required=True, numbers=True),
        "site": Text("The site's address, as printed"),
        "proposal": Text("The development proposed, as printed"),
        "decision": Choice("The committee's decision (left out until it is taken)", choices=PLANNING_DECISIONS),
        "conditions": ListOf("Granted: the conditions attached, in order", item=Text()),
        "reasons": ListOf("Refused: the reasons for refusal; deferred: why it was deferred", item=Text()),
    },
)

AGENDA_ITEM = Mapping(
    description="An agenda item",
    fields={
        "number": Text("The agenda number as printed: 4, 3a (leave out only when it is not known)", numbers=True),
        "title": Text("The title as printed", required=True),
        "lead": Text("Report of the Director of …, Briefing Note of …"),
        "pages": Text(
            "Page range in the original pack: 7-14",
            numbers=True,
            pattern=r"\d+(?:\s*[-–]\s*\d+)?",
            pattern_help="a page or page range like 7-14",
        ),
        "description": Text("Text printed under the title"),
        "parts": ListOf("Sub-items", item=ITEM_PART),
        "private": Bool("true for private business (exempt information)"),
        "exempt_paragraph": ExemptParagraph(
            "The paragraph of exempt information the papers give (England 1-7, and England and Wales 1-15 "
            "before 1 March 2006, "
            "Wales 12-18, Scotland 1-15, Northern Ireland 1-7), or 'not stated'"
        ),
        "slug": Slug("The item's address; fixed once published"),
        "topic": Slug("A topic key shared with the same subject at other meetings"),
        "minute": Integer("The minute number recording this item, when titles differ", minimum=1),
        "withhold_title": Bool("Private items: true shows 'Private item' instead of the title"),
        "previous_slugs": ListOf("Earlier addresses of this item (they redirect here)", item=Slug()),
        "decision": DECISION,
        "application": APPLICATION,
    },
)

CORRECTION = Mapping(
    description="A correction made after publication, told to the public in plain words",
    fields={
        "date": Date("The date of the correction", required=True),
        "change": Text('What changed, e.g. "The figure in paragraph 3.2 now reads 1,204"', required=True),
        "reason": Text('Why, e.g. "The figure printed was for the previous year"', required=True),
        "previous": Text("The wording before the correction, where the correction changed the record"),
    },
)
CORRECTIONS = ListOf("Corrections made after publication, oldest first", item=CORRECTION)

DRAFT = Bool("true: not for publication yet (shown only in an officer's preview)")
PUBLISH_FROM = DateTime("Embargo: not published before this date (and time), UK time")

MEETING = Mapping(
    description="A meeting and its agenda (meeting.md front matter)",
    fields={
        "start": Time('Start time, "HH:MM"'),
        "place": Text("Where the meeting is held"),
        "status": Choice("Meeting status", choices=MEETING_STATUSES),
        "postponed_to": Date("The new date of a postponed meeting"),
        "agenda_published": Date("The date the agenda was published"),
        "published_by": Text("Who published the agenda, as printed"),
        "public_access": Text("Notes for the public"),
        "webcast": Url("Link to the webcast"),
        "joint_with": ListOf("Other committees holding this meeting jointly", item=Slug()),
        "items": ListOf("The agenda, in order", item=AGENDA_ITEM),
        "draft": DRAFT,
        "publish_from": PUBLISH_FROM,
        "moved_from": ListOf(
            "Dates this meeting was first arranged for, when its folder was moved (the old addresses redirect here)",
            item=Date(),
        ),
    },
)

ATTENDEE = Mapping(
    description="A person in an attendance group",
    from_text=_name_and_role,
    text_description=NAME_HELP,
    fields={
        "name": Text("The name as printed", required=True),
        "role": Text("Role at the meeting: Chair, Cabinet Member for …"),
        "directorate": Text("Officers: their directorate"),
        "organisation": Text("Invited guests: their organisation"),
        "for": Text("Substitutions: the member they replaced"),
    },
)

ATTENDANCE = Mapping(
    description="Who attended, by group",
    fields={
        "present": ListOf("Members present", item=ATTENDEE),
        "co_opted": ListOf("Co-opted members present", item=ATTENDEE),
        "cabinet_members": ListOf("Cabinet members present", item=ATTENDEE),
        "other_members": ListOf("Other members present", item=ATTENDEE),
        "officers": ListOf("Officers present, with directorate", item=ATTENDEE),
        "invited": ListOf("Invited guests, with organisation", item=ATTENDEE),
        "apologies": ListOf("Apologies for absence", item=ATTENDEE),
        "substitutions": ListOf("Substitute members, with 'for'", item=ATTENDEE),
    },
)

DECLARATION = Mapping(
    description="A declaration of interest",
    fields={
        "name": Text("Who declared", required=True),
        "minute": Integer("The minute number it concerns", minimum=1),
        "interest": Text("The kind of interest, e.g. disclosable pecuniary interest"),
        "text": Text("What happened, e.g. withdrew from the meeting"),
    },
)

VOTERS = ListOf("Members, by name as printed (resolved like attendance)", item=Text())
VOTE = Mapping(
    description="A recorded vote on a minute",
    fields={
        "minute": Integer("The minute number the vote was taken under", required=True, minimum=1),
        "on": Text('What was voted on, e.g. "The amendment moved by Councillor Lane" (left out: the recommendation)'),
        "for": VOTERS,
        "against": VOTERS,
        "abstain": VOTERS,
        "counts": Mapping(
            description="The numbers, where the minutes give numbers rather than (or as well as) names",
            fields={
                "for": Integer("Votes for", minimum=0),
                "against": Integer("Votes against", minimum=0),
                "abstain": Integer("Abstentions", minimum=0),
            },
        ),
        "result": Choice("carried or lost", required=True, choices=VOTE_RESULTS),
        "casting_vote": Bool("true when the votes were equal and the chair's casting vote decided"),
    },
)

AMENDMENT = Mapping(
    description="An amendment to a motion",
    fields={
        "text": Text("The amendment, as the minutes give it", required=True),
        "mover": Text("Who moved it"),
        "seconder": Text("Who seconded it"),
        "result": Choice("carried or lost", required=True, choices=VOTE_RESULTS),
    },
)

MOTION = Mapping(
    description="A motion at full council",
    fields={
        "minute": Integer("The minute number it was moved under", required=True, minimum=1),
        "text": Text("The motion, as the minutes give it"),
        "mover": Text("Who moved it", required=True),
        "seconder": Text("Who seconded it"),
        "amendments": ListOf("Amendments moved to it, in order", item=AMENDMENT),
        "result": Choice("The motion (as amended): carried or lost", required=True, choices=VOTE_RESULTS),
    },
)

QUESTION = Mapping(
    description="A question put at the meeting",
    fields={
        "minute": Integer("The minute number it was put under", required=True, minimum=1),
        "asker": Text("Who asked, as printed", required=True),
        "to": Text('Whom it was put to: "the Cabinet Member for Housing"'),
        "question": Text("The question", required=True),
        "answer": Text("The answer given, as the minutes record it"),
    },
)

MINUTES = Mapping(
    description="The minutes of a meeting (minutes.md front matter)",
    fields={
        "approved": BoolOr(
            "true once a later meeting approved them; false while they wait for the committee's "
            "next meeting; 'not recorded' when the papers do not say",
            words=("not recorded",),
        ),
        "approved_at": Date("The date of the meeting that approved them"),
        "amendment": Text("The correction the approval was subject to"),
        "closed": Time('The time the meeting closed, "HH:MM"'),
        "note": Text("A note printed above the minutes"),
        "attendance": ATTENDANCE,
        "declarations": ListOf("Declarations of interest", item=DECLARATION),
        "votes": ListOf("Recorded votes, in the order taken", item=VOTE),
        "motions": ListOf("Full council: motions, with mover, seconder and amendments", item=MOTION),
        "questions": ListOf("Questions put at the meeting, with whom they were put to and the answer", item=QUESTION),
        "published": Date("The date the minutes were first published"),
        "corrections": CORRECTIONS,
        "draft": DRAFT,
        "publish_from": PUBLISH_FROM,
    },
)

PAPER = Mapping(
    description="A paper or appendix (papers/<name>.md front matter)",
    fields={
        "item": Text(
            "The agenda number of the item this paper belongs to (or the item's slug, when the item has no number)",
            numbers=True,
        ),
        "kind": Choice("The kind of paper", required=True, choices=PAPER_KINDS),
        "title": Text("The paper's title", required=True),
        "to": Text("Who the paper is addressed to, as printed"),
        "date": Date("The date printed on the paper"),
        "subject": Text("The Subject: line, where it differs from the title"),
        "authors": ListOf("Authors and contacts", item=CONTACT),
        "presented_by": Mapping(
            description="Who presents the paper at the meeting, where the cover sheet names them besides its authors",
            fields=CONTACT.fields,
            from_text=_name_and_role,  # "Dr Ngozi Abara (Director of Public Health)"
            text_description=NAME_HELP,
        ),
        "parent": Slug("Appendices: the file name of the paper it is appended to"),
        "appendix": Text("Appendices: the label, 1 or A", numbers=True),
        "pdf": Url("Link to the original PDF"),
        "published": Date("The date the paper was first published"),
        "corrections": CORRECTIONS,
        "draft": DRAFT,
        "publish_from": PUBLISH_FROM,
        "withdrawn": Date("The date the paper was withdrawn after publication"),
        "withdrawn_reason": Text("Why it was withdrawn, for the public notice"),
        "previous_names": ListOf("Earlier file names of this paper (their addresses redirect here)", item=Slug()),
    },
)

PLACE_IN_PACK = Text(
    "Where it was published: <YYYY-MM-DD>/<paper file name>",
    pattern=r"\d{4}-\d{2}-\d{2}/[a-z0-9]+(?:-[a-z0-9]+)*",
    pattern_help="a meeting date and a paper file name, like 2017-04-27/work-programme",
)

PROGRAMME_ENTRY = Mapping(
    description="A work-programme entry: planned for a meeting date, or in an undated bucket",
    fields={
        "date": Date("The meeting it is planned for"),
        "bucket": Choice("For undated entries: which list it is in", choices=PROGRAMME_BUCKETS),
        "title": Text("The title as printed", required=True),
        "detail": Text("The detail column"),
        "leads": ListOf("Cabinet member and lead officers, as printed", item=Text()),
        "source": Text("Who asked for it, and when (the Source column)"),
        "outcomes": Text("The Outcomes column"),
        "topic": Slug("The topic key of the subject"),
        "considered_at": ListOf(
            "Where it was considered, when no rule can see it: a minute (73/16), "
            "or <YYYY-MM-DD>/<agenda number or item slug>",
            item=Text(numbers=True),
        ),
    },
)

PROGRAMME = Mapping(
    description="A committee's work programme for one municipal year (programmes/<YYYY-YY>.md)",
    fields={
        "year": Text(
            'The municipal year, "2016/17"',
            required=True,
            pattern=r"\d{4}/\d{2}",
            pattern_help='a municipal year like "2016/17"',
        ),
        "published_in": PLACE_IN_PACK,
        "entries": ListOf("The planned items", item=PROGRAMME_ENTRY),
    },
)

TRACKER_ROW = Mapping(
    description="A row of the outstanding-issues tracker",
    fields={
        "meeting": Date("The date of the meeting that made the request"),
        "item": Text("The agenda item, as the tracker prints it"),
        "cabinet_member": Text("The cabinet member it went to"),
        "kind": Choice("Recommendation, action or information", required=True, choices=ACTION_KINDS),
        "text": Text("The recommendation or action", required=True),
        "response": Text("The response, as printed (dated where the tracker dates it)"),
        "status": Text("The status, where printed apart from the response"),
        "minute": Text(
            "The minute that made the request (N/YY), when the date and title do not find it",
            pattern=r"\d+/\d{2}",
            pattern_help="a minute like 73/16",
        ),
    },
)

TRACKER = Mapping(
    description="An outstanding-issues tracker as published with a meeting's papers (tracker/<YYYY-MM-DD>.md)",
    fields={
        "published_in": PLACE_IN_PACK,
        "rows": ListOf("The rows, in the order printed", item=TRACKER_ROW),
    },
)

TOPIC = Mapping(
    description="Confirm, rename, merge or split a topic",
    fields={
        "title": Text("The topic's title"),
        "items": ListOf("Items in this topic, as <committee>/<YYYY-MM-DD>/<item slug>", item=Text()),
        "exclude": ListOf("Items taken out of this topic", item=Text()),
        "merge": ListOf("Other topics folded into this one", item=Slug()),
    },
)

TOPICS = Mapping(
    description="Topics confirmed by officers (meetings/topics.yml), keyed by topic id",
    values=TOPIC,
    key_pattern=r"[a-z0-9]+(?:-[a-z0-9]+)*",
    key_help="a lower-case topic id with hyphens, like 'improvement-board'",
)

NUMBERING = Text(
    "How minutes are numbered, as printed with placeholders {number} ({number:3} pads to three "
    'digits), {yy}, {yyyy} (the year the municipal year starts), {yy+1}, {yyyy+1} (the year it ends): "{number}/{yy}" '
    'prints 28/16, "CAB/{yy}/{number:3}" prints CAB/22/017, "FGP/{yy}/{yy+1}/{number:3}" prints FGP/24/25/031'
)
RESTART = Choice(
    "'year' (numbers run through the municipal year), 'calendar' (numbers run from 1 January to "
    "31 December, and {yy} is the calendar year) or 'meeting' (1, 2, 3… at each meeting)",
    choices=("year", "calendar", "meeting"),
)

COUNCIL = Mapping(
    description="The council (meetings/council.yml): name, nation, municipal year, minute numbering",
    fields={
        "name": Text("The council's name as printed: Coventry City Council"),
        "nation": Choice(
            "The nation whose law applies (exempt information, notice)",
            choices=("england", "wales", "scotland", "northern-ireland"),
        ),
        "municipal_year_starts": Text("The month the municipal year starts (May unless stated)"),
        "minute_numbers": NUMBERING,
        "numbers_restart": RESTART,
        "call_in_days": Integer(
            "Executive decisions: the call-in period in clear working days after the decision "
            "notice is published, as the council's constitution sets it (5 unless stated)",
            minimum=1,
            maximum=30,
        ),
        "committees": Mapping(
            description="Committees numbering their minutes otherwise, keyed by committee folder",
            values=Mapping(
                description="One committee's numbering",
                fields={"minute_numbers": NUMBERING, "numbers_restart": RESTART},
            ),
            key_pattern=r"[a-z0-9]+(?:-[a-z0-9]+)*",
            key_help="a committee folder name, like 'cabinet'",
        ),
    },
)

FORMATS = {
    "council": (COUNCIL, "Minutebook council.yml"),
    "people": (PEOPLE, "Minutebook people.yml"),
    "committee": (COMMITTEE, "Minutebook committee.md front matter"),
    "meeting": (MEETING, "Minutebook meeting.md front matter"),
    "minutes": (MINUTES, "Minutebook minutes.md front matter"),
    "paper": (PAPER, "Minutebook paper front matter"),
    "programme": (PROGRAMME, "Minutebook work programme front matter"),
    "tracker": (TRACKER, "Minutebook outstanding-issues tracker front matter"),
    "topics": (TOPICS, "Minutebook topics.yml"),
}


def schemas() -> dict[str, dict]:
    return {name: json_schema(spec, title) for name, (spec, title) in FORMATS.items()}
