"""Hostile archives generated from the schema's own field list (load/formats.py).

:func:`archive` fills **every** field of every file kind — committee, meeting, minutes, paper,
programme, tracker, people.yml, topics.yml — and every body, with a payload of one class. A field
added to ``formats.py`` gets a payload without touching this file; where a payload cannot pass a
field's own check (a date, a choice, a slug), the field gets a valid value and the payload goes
everywhere else. A few rules of the format tie fields together (a private item needs its exempt
paragraph, an appendix its parent); :data:`VARIANTS` splits those across entries so that every field
is still filled somewhere.

Each archive also holds withheld copies (a draft meeting, embargoed minutes, a draft paper) whose
every value is a canary: none may reach any output file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from minutebook.load import formats
from minutebook.load.minutes_text import ALLOWED_ATTRS
from minutebook.load.schema import Bool, Choice, Date, DateTime, Integer, ListOf, Mapping, Text, Time, Url, Where
from minutebook.problems import Problems

FLAG = "window.__pwned=1"

PAYLOADS = {
    "script": (
        f"<script>{FLAG}</script><img src=x onerror={FLAG}><svg onload={FLAG}><iframe src=javascript:{FLAG}></iframe>"
    ),
    "attribute": (
        f"x\" onmouseover=\"{FLAG}\" y=\"' onfocus='{FLAG}' autofocus x='"
        f'0;url=https://evil.example/" http-equiv="refresh" x="</title><script>{FLAG}</script>'
        f'"></a><a href="javascript:{FLAG}">&quot;&#39;'
    ),
    "traversal": "../../../../evil/../../docs/evil/..\\..\\x/%2e%2e/",
    # Python-Markdown's own link scan is quadratic in unmatched "[" and "](" (4,000 take seconds): kept short
    "huge": (" " * 2000 + "{" * 1000 + "[](" * 10 + "<" * 1000 + "*_" * 500 + "x" * 2000 + "\t\u00a0" * 250),
}
# Markdown and HTML for bodies, by class (officers' Markdown goes through the one sanitiser).
BODIES = {
    "script": (
        f'[link](javascript:{FLAG}) <a href=" javascript:{FLAG}">a</a> <b onclick="{FLAG}">b</b>\n\n'
        f'<details open ontoggle="{FLAG}">d</details> <object data="javascript:{FLAG}"></object>\n\n'
        f'<script>\n{FLAG}\n</script>\n\n| a | b |\n|---|---|\n| <img src=x onerror="{FLAG}"> | '
        f'[x](javascript:{FLAG}) |\n\n<style>body{{display:none}}</style><form action="javascript:{FLAG}">'
        f'<button>go</button></form><meta http-equiv="refresh" content="0;url=https://evil.example/">'
    ),
    "attribute": '[x](https://example.org/"onmouseover="window.__pwned=1") {: onclick="window.__pwned=1" }\n\n'
    '![i](x"onerror="window.__pwned=1) <a title=\'" onmouseover="window.__pwned=1\'>t</a>',
    "traversal": "[up](../../../../../etc/passwd) ![p](../../../../docs/evil.png)",
    "huge": (
        "> " * 400
        + "deep quote\n\n"
        + "".join("  " * i + "- level\n" for i in range(300))
        + "\n"
        + "x" * 100_000
        + "\n\n"
        + " " * 100_000
        + "{#id}\n\n"
        + "[" * 200
        + "\n\n"
        + "<" * 20_000
        + "\n\n"
        + "**"
        * 4_000  # under the 20,000 Markdown punctuation a field may hold (above it: refused, test_linear_markdown)
        + "\n\n"
        + "|" * 10_000
        + "\n"
    ),
}


def _valid(field, value, name="field") -> bool:
    problems = Problems()
    checked = field.check(value, Where(problems, Path("x"), 1), name)
    return not problems.items and checked is not None


def _sample(field):
    """A valid value for a field that a payload cannot pass."""
    if isinstance(field, Choice):
        return field.choices[0]
    if isinstance(field, Bool):
        return False
    if isinstance(field, Integer):
        return field.minimum or 1
    if isinstance(field, DateTime):
        return "2020-01-01 09:00"
    if isinstance(field, Date):
        return "2020-01-09"
    if isinstance(field, Time):
        return "10:00"
    if isinstance(field, Url):
        return "https://example.org/"
    if isinstance(field, Text) and field.pattern:
        for candidate in ("report-1", "1/19", "7-14", "2019/20", "x@example.org", "2020-01-09/report-1"):
            if re.fullmatch(field.pattern, candidate):
                return candidate
    return "text"


class Filler:
    """Fills fields with ``text(path)``; records which fields took the payload, which a sample."""

    def __init__(self, text):
        self.text = text
        self.payload_fields: set[str] = set()
        self.sample_fields: set[str] = set()
        self.refused: set[str] = set()

    def fill(self, field, path: str):
        if isinstance(field, Mapping):
            if field.fields:
                return {k: self.fill(f, f"{path}.{k}") for k, f in field.fields.items()}
            key = "2019/20" if field.key_pattern and "\\d{4}" in field.key_pattern else "hostile-key"
            return {key: self.fill(field.values, f"{path}.<key>")}
        if isinstance(field, ListOf):
            return [self.fill(field.item, f"{path}[]")]
        if isinstance(field, (Text, Url)):
            text = self.text(path)
            squeezed = re.sub(r"\s+", "", text)
            candidates = (
                [f"https://example.org/{squeezed}", f"mailto:{squeezed}"]
                if isinstance(field, Url)
                else [text, squeezed, f"{squeezed}@example.org"]
            )
            for value in candidates:
                if _valid(field, value):
                    self.payload_fields.add(path)
                    return value
            if not field.pattern:  # free text that refuses the payload: the suite would miss it
                self.refused.add(path)
        self.sample_fields.add(path)
        return _sample(field)


def _front(data: dict, body: str = "") -> str:
    return "---\n" + json.dumps(data, ensure_ascii=False, indent=1) + "\n---\n" + body


def _item_variants(item: dict, n: int) -> list[dict]:
    """One public item with every field but the private ones, one private item with all of them."""
    public = {k: v for k, v in item.items() if k not in ("private", "exempt_paragraph", "withhold_title")}
    public.update(number=str(n), slug=f"item-{n}", topic=f"topic-{n}", previous_slugs=[f"old-item-{n}"], minute=n)
    private = dict(
        item,
        number=str(n + 1),
        slug=f"item-{n + 1}",
        topic=f"topic-{n + 1}",
        previous_slugs=[f"old-item-{n + 1}"],
        minute=n + 1,
        private=True,
        exempt_paragraph=3,
        withhold_title=False,
    )
    return [public, private]


# What each committee kind may record (the loader refuses the others): an executive decision on an
# executive's item, a planning application at a planning committee, motions and questions at full council.
KIND_ONLY = {"decision": "executive", "application": "planning", "motions": "council", "questions": "council"}


def _for_kind(record: dict, kind: str) -> dict:
    return {k: v for k, v in record.items() if KIND_ONLY.get(k, kind) == kind}


def meeting_files(
    fill: Filler,
    day: str,
    base: int,
    draft: bool = False,
    embargo_minutes: bool = False,
    draft_paper: bool = False,
    committee: str = "board",
    kind: str = "executive",
) -> dict[str, str]:
    """meeting.md, minutes.md and papers of one meeting, every field filled that a committee of
    ``kind`` may hold."""
    t = fill.text
    meeting = fill.fill(formats.MEETING, "meeting")
    meeting.update(
        status="held",
        postponed_to=None,
        joint_with=["other"],
        moved_from=["2019-12-01"],
        items=[*_item_variants(_for_kind(meeting["items"][0], kind), base)],
        draft=draft,
        publish_from="2020-01-01 09:00",
        agenda_published="2019-12-01",
    )
    meeting.pop("postponed_to")
    for item in meeting["items"]:  # consistent decisions: a notice after the meeting, reasons with a refusal
        if "decision" in item:
            item["decision"]["published"] = day
            # a key decision, in the forward plan well before the meeting (the forward-plan fields need both)
            item["decision"].update(key_decision=True, forward_plan_published="2019-11-01")
        if "application" in item:
            item["application"].update(decision="refused")
            item["application"].pop("conditions", None)
    minutes = _for_kind(fill.fill(formats.MINUTES, "minutes"), kind)
    minutes.update(
        approved=True,
        approved_at=None,
        draft=False,
        publish_from="2030-01-01 09:00" if embargo_minutes else "2020-01-01 09:00",
        published="2020-01-20",
    )
    minutes.pop("approved_at")
    for key in ("declarations", "votes", "motions", "questions"):
        for entry in minutes.get(key, []):
            entry["minute"] = base
    for vote in minutes.get("votes", []):  # a consistent vote: one for, none against, carried
        vote.update({"against": [], "abstain": [], "result": "carried", "casting_vote": False})
        vote.pop("counts", None)
    attrs = " ".join(
        f"{a}={v}"
        for a, v in {"item": base, "slug": f"minute-{base}", "topic": f"topic-{base}", "was": f"was-{base}"}.items()
        if a in ALLOWED_ATTRS
    )
    body = (
        f"\n## {base}. {t('minutes.heading')} {{{attrs}}}\n\n{t('minutes.body')}\n\n{BODY}\n\n"
        f"### (a) {t('minutes.part')}\n\n{t('minutes.part.body')}\n\n"
        f"The Board asked questions and discussed with officers:\n\n- {t('minutes.question')}\n\n"
        f"RESOLVED that:\n\n1. {t('minutes.resolution')}\n2. {t('minutes.resolution.2')}\n\n"
        f"## {base + 1}. {t('minutes.private.heading')} {{item={base + 1} private=3}}\n\n"
        f"{t('minutes.private.body')}\n"
    )
    files = {
        f"{committee}/{day}/meeting.md": _front(meeting, t("meeting.notes") + "\n\n" + BODY),
        f"{committee}/{day}/minutes.md": _front(minutes, body),
    }
    paper = fill.fill(formats.PAPER, "paper")
    main = {k: v for k, v in paper.items() if k not in ("parent", "appendix", "withdrawn", "withdrawn_reason")}
    main.update(
        item=str(base),
        kind="report",
        previous_names=[f"old-paper-{base}"],
        draft=draft_paper,
        publish_from="2020-01-01 09:00",
        date="2020-01-02",
        published="2020-01-03",
    )
    appendix = dict(
        paper,
        kind="appendix",
        parent=f"report-{base}",
        item=None,
        withdrawn=None,
        withdrawn_reason=None,
        previous_names=[f"old-appendix-{base}"],
        draft=False,
        publish_from="2020-01-01 09:00",
        appendix=paper.get("appendix") or "1",
    )
    for key in ("item", "withdrawn", "withdrawn_reason"):
        appendix.pop(key)
    withdrawn = dict(
        main,
        withdrawn="2020-01-05",
        withdrawn_reason=paper["withdrawn_reason"],
        previous_names=[f"old-withdrawn-{base}"],
        draft=False,
    )
    private_paper = dict(main, item=str(base + 1), previous_names=[f"old-private-{base}"], draft=False)
    paper_body = f"1.1 {t('paper.body')}\n\n{BODY}\n"
    files[f"{committee}/{day}/papers/report-{base}.md"] = _front(main, paper_body)
    files[f"{committee}/{day}/papers/appendix-{base}.md"] = _front(appendix, paper_body)
    files[f"{committee}/{day}/papers/withdrawn-{base}.md"] = _front(withdrawn, paper_body)
    files[f"{committee}/{day}/papers/private-{base}.md"] = _front(private_paper, paper_body)
    return files


BODY = ""


def archive(kind: str) -> tuple[dict[str, str], Filler]:
    """The hostile archive of one payload class, as {path under meetings/: text}."""
    global BODY
    payload = PAYLOADS[kind]
    BODY = BODIES[kind]
    fill = Filler(lambda path: f"{payload} {path} {payload}" if kind != "huge" else f"{path}{payload}")
    files: dict[str, str] = {}
    people = fill.fill(formats.PEOPLE, "people")
    files["people.yml"] = json.dumps({"hostile-person": people["hostile-key"]}, ensure_ascii=False)
    committee = fill.fill(formats.COMMITTEE, "committee")
    committee["hidden"] = False
    for folder, kind_of in (("board", "executive"), ("planning", "planning"), ("council", "council")):
        files[f"{folder}/committee.md"] = _front(
            dict(committee, kind=kind_of), fill.text("committee.description") + "\n\n" + BODY
        )
    files["other/committee.md"] = _front({"name": fill.text("other.name"), "hidden": True})
    files.update(meeting_files(fill, "2020-01-09", 1))
    files.update(meeting_files(fill, "2020-01-16", 31, committee="planning", kind="planning"))
    files.update(meeting_files(fill, "2020-01-23", 41, committee="council", kind="council"))
    programme = fill.fill(formats.PROGRAMME, "programme")
    entry = programme["entries"][0]
    dated = {k: v for k, v in entry.items() if k != "bucket"}
    dated.update(date="2020-01-09", topic="topic-1", considered_at=["1/19"])
    undated = {k: v for k, v in entry.items() if k != "date"}
    undated.update(topic="topic-2")
    programme.update(year="2019/20", published_in="2020-01-09/report-1", entries=[dated, undated])
    files["board/programmes/2019-20.md"] = _front(programme, fill.text("programme.notes"))
    tracker = fill.fill(formats.TRACKER, "tracker")
    tracker["published_in"] = "2020-01-09/report-1"
    for row in tracker["rows"]:
        row.update(meeting="2020-01-09", minute="1/19")
    files["board/tracker/2020-01-09.md"] = _front(tracker)
    topics = fill.fill(formats.TOPICS, "topics")
    topic = topics["hostile-key"]
    topic.update(items=["board/2020-01-09/item-1"], exclude=[], merge=["topic-2"])
    files["topics.yml"] = json.dumps({"topic-1": topic}, ensure_ascii=False)
    # withheld copies: every value a canary
    canary = Filler(lambda path: f"CANARY-{kind}-{path}")
    files.update(meeting_files(canary, "2020-02-06", 11, draft=True))
    withheld = meeting_files(canary, "2020-03-05", 21, embargo_minutes=True, draft_paper=True)
    files["board/2020-03-05/minutes.md"] = withheld["board/2020-03-05/minutes.md"]
    files["board/2020-03-05/papers/report-21.md"] = withheld["board/2020-03-05/papers/report-21.md"]
    files["board/2020-03-05/meeting.md"] = _front(
        {"start": "10:00", "items": [{"number": "21", "title": "Public item"}, {"number": "22", "title": "Other"}]}
    )
    return files, fill


def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
