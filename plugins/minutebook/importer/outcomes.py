"""What a minute decided, beyond its RESOLVED: recorded votes, executive decisions, planning applications.

Rules about the printed shapes, not about any one council:

* **Recorded votes**: lines that start ``For``, ``Against`` and ``Abstained`` / ``Abstentions`` (with a
  count in brackets before or after the colon, or after the names: "For (6): Councillors A, B",
  "FOR: Councillors A and B (2)", "ABSTENTIONS: None (0)"); or a sentence "carried / lost by 7 votes to 3
  (with 1 abstention)". The result is the "carried" or "lost" the minute prints; without one, the
  figures decide it and the report says so. Names printed as surnames ("Councillors Devlin and Quigley")
  are matched to the attendance; a name that matches no one present is kept as printed and reported.
* **Executive decisions**: "Key Decision: Yes / No", "Forward Plan reference: KD/2024/004" (on the
  minute, an agenda item or a report's cover sheet), and the decision notice's "Date of publication:"
  and "Call-in expires:" (anywhere in the minutes' heading or the minute). The call-in expiry printed
  is not written (the format computes it) but reported when it differs from the council's period.
* **Planning applications**: a reference in the minute's or item's title ("22/01234/FUL",
  "LA12/2023/0588/F"); the decision from the RESOLVED ("granted / approved", "refused", "deferred");
  the numbered list after "… the following conditions:" or "… for the following reasons:".
"""

from __future__ import annotations

import re

from minutebook.importer.dates import find_date
from minutebook.importer.source import Line
from minutebook.importer.textutil import plain

APPLICATION_REF = re.compile(r"\b(?:[A-Z]{1,4}\d{0,3}/)?\d{2,4}/\d{3,6}/[A-Z]{1,6}\b")
VOTE_LINE = re.compile(
    r"^(?P<way>for|against|abstained|abstaining|abstentions?|abstain)\b\s*(?:\((?P<n1>\d+)\))?\s*[:\-–]\s*"
    r"(?P<names>.*?)\s*(?:\((?P<n2>\d+)\))?\.?$",
    re.I,
)
BY_VOTES = re.compile(
    r"\b(?P<result>carried|lost|defeated|fell|approved|rejected)\b[^.]*?\bby\s+(?P<for>\d+)\s+votes?\s+to\s+"
    r"(?P<against>\d+)(?:[^.]*?\bwith\s+(?P<abstain>\d+|one|no)\s+abstentions?)?",
    re.I,
)
# a show of hands in a sentence: "there were 5 votes in favour and 1 against", "nine for, three against and
# two abstentions", "For 6, Against 2, Abstentions 1"
_N = r"(?:\d{1,3}|no|none|nil|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
COUNTED = re.compile(
    rf"(?:\b(?P<f1>{_N})\s+(?:votes?\s+|members?\s+|councillors?\s+)?(?:were\s+|voted\s+)?(?:in\s+favour|for)\b|"
    rf"\bfor\s*:?\s*(?P<f2>\d{{1,3}}))"
    rf"(?:\s*[,;]\s*|\s+and\s+|\s+)(?:(?:with\s+)?(?P<a1>{_N})\s+(?:votes?\s+)?(?:were\s+|voted\s+)?against\b|\bagainst\s*:?\s*(?P<a2>\d{{1,3}}))"
    rf"(?:(?:\s*[,;]\s*(?:and\s+|with\s+)?|\s+and\s+|\s+with\s+|\s+)(?:(?P<x1>{_N})\s+(?:abstentions?|abstained|abstaining)\b|\babstentions?\s*:?\s*(?P<x2>\d{{1,3}})))?",
    re.I,
)
COUNT_WORDS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
} | {"no": 0, "none": 0, "nil": 0}


def _count(word: str) -> int:
    return int(word) if word.isdigit() else COUNT_WORDS[word.lower()]


# "The motion was CARRIED", "… was declared CARRIED"
RESULT = re.compile(
    r"\b(?:motion|proposal|amendment|recommendation)s?\b[^.]*?\bwas\s+(?:declared\s+|duly\s+)?(carried|lost|defeated)\b",
    re.I,
)
KEY_DECISION = re.compile(r"^key\s+decision\s*(?:[:–-]\s*(?P<value>yes|no)?\b|$)", re.I)
FORWARD_PLAN = re.compile(
    r"\bforward\s+plan\s+(?:ref(?:erence)?\.?|no\.?|number)\s*:?\s*(?P<ref>[A-Z][\w/.-]*\d)", re.I
)
PUBLISHED = re.compile(
    r"^(?:date\s+of\s+publication|published)(?:\s+of\s+(?:the\s+)?decisions?)?\s*:\s*(?P<d>.+)$", re.I
)
CALL_IN = re.compile(
    r"^(?:call[- ]in\s+(?:expires|deadline|period\s+ends|ends)|last\s+day\s+for\s+call[- ]in)\b\s*:?\s*(?P<d>.+)$", re.I
)
NUMBERED = re.compile(r"^\(?(?P<n>\d{1,2}|[a-z])[.)]\s+(?P<text>.+)$")
TABLE_WAY = re.compile(r"^(?:for|against|abstain(?:ed)?|abstention|abstaining)$", re.I)
WORD_NUMBERS = {"no": 0, "one": 1}
RESULT_WORDS = {
    "carried": "carried",
    "approved": "carried",
    "lost": "lost",
    "defeated": "lost",
    "fell": "lost",
    "rejected": "lost",
}


MARK = re.compile(r"^(?:x|✓|✔|☑|✗|•|\*|yes|y)$", re.I)
TOTAL = re.compile(r"^(?:totals?|number of votes)\b", re.I)


def _mark_columns(columns: list[str]) -> dict[int, str]:
    """A vote table's header row ("Member | For | Against | Abstain"): the column of each way, or {} when
    the row is not one (it needs a For and an Against column after a first column of names)."""
    ways = {}
    for n, cell in enumerate(columns[1:], start=1):
        if TABLE_WAY.match(cell):
            low = cell.lower()
            ways[n] = "for" if low == "for" else "against" if low == "against" else "abstain"
    return ways if {"for", "against"} <= set(ways.values()) and not TABLE_WAY.match(columns[0]) else {}


def _mark_row(vote: dict, columns: list[str], no: int, resolve, unsure) -> None:
    """One row of a vote table: a member and a mark under the way they voted, or the totals."""
    first = columns[0]
    if TOTAL.match(first):
        for n, way in vote["marks"].items():
            if n < len(columns) and columns[n].isdigit():
                vote["counts"][way] = int(columns[n])
        return
    if not first:
        return
    marked = [way for n, way in vote["marks"].items() if n < len(columns) and columns[n]]
    if len(marked) != 1 or not all(MARK.match(columns[n]) for n in vote["marks"] if n < len(columns) and columns[n]):
        unsure(no, f"the vote table's row for '{first}' does not mark one way; it is left out", "add the vote")
        return
    printed = re.sub(r"^(?:Alderman|Councillor|Cllr\.?)\s+", "", first)
    name = resolve(printed)
    if name is None:
        unsure(no, f"the vote names '{printed}', who is not in the attendance", "check the name")
        name = printed
    vote[marked[0]].append(name)


def _vote(line: int, **more) -> dict:
    """A vote being read: the names each way, the counts printed, and what else is known."""
    return {"line": line, "seen": set(), "for": [], "against": [], "abstain": [], "counts": {}, **more}


def _texts(lines: list[Line]) -> list[tuple[str, int]]:
    return [(plain(line.text).strip(), line.no) for line in lines if line.text.strip()]


def read_votes(lines: list[Line], resolve, unsure) -> list[dict]:
    """The recorded votes of a minute's body lines. ``resolve(printed)`` gives the name to write (or None),
    ``unsure(line, message, fix)`` reports a doubt."""
    from minutebook.importer.people import split_names

    votes: list[dict] = []
    current: dict | None = None
    for k, line in enumerate(lines):
        text, no = plain(line.text).strip(), line.no
        if not text:
            continue
        # a sentence hard-wrapped onto the next line of its paragraph ("… the motion was LOST by" / "4 votes
        # to 5."): the count is read across the break
        after = lines[k + 1] if k + 1 < len(lines) else None
        wrapped = (
            f"{text} {plain(after.text).strip()}"
            if after is not None and after.no == no + 1 and after.text.strip() and "\t" not in line.text + after.text
            else text
        )
        columns = [plain(c).strip() for c in line.text.split("\t")]
        if len(columns) >= 3 and (ways := _mark_columns(columns)):  # "Member | For | Against | Abstain"
            current = _vote(no, marks=ways)
            votes.append(current)
            continue
        if current is not None and current.get("marks") and "\t" in line.text:
            _mark_row(current, columns, no, resolve, unsure)
            continue
        cells = [c for c in columns if c]
        if len(cells) == 2 and (way_cell := TABLE_WAY.match(cells[1])):  # a vote table: "Councillor A<TAB>For"
            way = (
                "for"
                if way_cell.group(0).lower() == "for"
                else "against"
                if "against" in cells[1].lower()
                else "abstain"
            )
            if current is None or not current.get("table"):
                current = _vote(no, table=True)
                votes.append(current)
            printed_name = re.sub(r"^(?:Alderman|Councillor|Cllr\.?)\s+", "", cells[0])
            name = resolve(printed_name)
            if name is None:
                unsure(no, f"the vote names '{printed_name}', who is not in the attendance", "check the name")
                name = printed_name
            current[way].append(name)
            continue
        if current is not None and current.get("table") and "\t" in line.text:
            continue  # the table's header row
        match = VOTE_LINE.match(text)
        j = k
        while (  # "FOR (12): Councillors Beckford, …, Haldane," / "Hetherington, … and Rahimi": names wrapped
            match
            and re.search(r"(?:,|\band)$", text)
            and j + 1 < len(lines)
            and lines[j + 1].no == lines[j].no + 1
            and (more := plain(lines[j + 1].text).strip())
            and "\t" not in lines[j + 1].text
            and not VOTE_LINE.match(more)
        ):
            j += 1
            text = f"{text} {more}"
            match = VOTE_LINE.match(text)
        if match and (match.group("names") or match.group("n1") or match.group("n2")):
            way = match.group("way").lower()
            way = "for" if way == "for" else "against" if way == "against" else "abstain"
            if current is None or way in current["seen"]:
                current = _vote(no)
                votes.append(current)
            current["seen"].add(way)
            names_text = match.group("names").strip(" .")
            count = match.group("n1") or match.group("n2")
            if names_text and names_text.lower() not in ("none", "nil", "-", "–", "0"):
                names_text = re.sub(r"\bAldermen\b", "Councillors", names_text)
                names_text = re.sub(r"\b(Alderman|Councillor|Cllr)\s+", "", names_text)
                entries, _ = split_names(names_text, allow_bare=True)
                for entry in entries:
                    printed = entry[0]
                    name = resolve(printed)
                    if name is None:
                        unsure(no, f"the vote names '{printed}', who is not in the attendance", "check the name")
                        name = printed
                    current[way].append(name)
            if count is not None:
                current["counts"][way] = int(count)
            continue
        by = BY_VOTES.search(text) or ((found := BY_VOTES.search(wrapped)) and found.start() < len(text) and found)
        if by:
            abstain = by.group("abstain")
            counts = {"for": int(by.group("for")), "against": int(by.group("against"))}
            if abstain is not None:
                counts["abstain"] = int(abstain) if abstain.isdigit() else WORD_NUMBERS[abstain.lower()]
            on = ""
            if re.search(r"\bamendment\b", text, re.I):
                on = "the amendment"
            votes.append(_vote(no, counts=counts, result=RESULT_WORDS[by.group("result").lower()], on=on))
            current = None
            continue
        counted = COUNTED.search(text)
        if counted and not VOTE_LINE.match(text):
            counts = {
                "for": _count(counted.group("f1") or counted.group("f2")),
                "against": _count(counted.group("a1") or counted.group("a2")),
            }
            if (abstain := counted.group("x1") or counted.group("x2")) is not None:
                counts["abstain"] = _count(abstain)
            vote = _vote(no, counts=counts, on="the amendment" if re.search(r"\bamendment\b", text, re.I) else "")
            if said := RESULT.search(text) or re.search(r"\b(carried|lost|defeated)\b", text, re.I):
                vote["result"] = RESULT_WORDS[said.group(1).lower()]
            votes.append(vote)
            current = None
            continue
        said = RESULT.search(text)
        if said and votes and "result" not in votes[-1]:
            votes[-1]["result"] = RESULT_WORDS[said.group(1).lower()]
    out = []
    for vote in votes:
        for way in ("for", "against", "abstain"):
            if vote[way] and vote["counts"].get(way) not in (None, len(vote[way])):
                unsure(
                    vote["line"],
                    f"the vote prints {vote['counts'][way]} {way} but names {len(vote[way])}; the names are kept",
                    "check the count",
                )
                vote["counts"].pop(way)
            elif vote[way]:
                vote["counts"].pop(way, None)  # the names say it
        if "result" not in vote:
            votes_for = len(vote["for"]) or vote["counts"].get("for", 0)
            against = len(vote["against"]) or vote["counts"].get("against", 0)
            if votes_for == against:
                unsure(vote["line"], "the vote was tied and the minute does not say how it was decided", "add it")
                continue
            vote["result"] = "carried" if votes_for > against else "lost"
            unsure(vote["line"], f"the vote's result is not printed; {vote['result']} from the figures", "check it")
        entry = {"on": vote.get("on") or None}
        entry.update({way: vote[way] for way in ("for", "against", "abstain") if vote[way]})
        entry["counts"] = vote["counts"] or None
        entry["result"] = vote["result"]
        entry["line"] = vote["line"]
        out.append(entry)
    return out


def read_decision(lines: list[Line]) -> dict | None:
    """A key decision line and a forward plan reference in a minute (or an agenda item's lines)."""
    found: dict = {}
    for text, no in _texts(lines):
        key = KEY_DECISION.match(text)
        if key:
            found["key_decision"] = (key.group("value") or "yes").lower() == "yes"
            found.setdefault("line", no)
        plan = FORWARD_PLAN.search(text)
        if plan and (key or re.match(r"^forward\s+plan", text, re.I)):
            found["forward_plan"] = plan.group("ref").rstrip(".")
        notice = notice_dates([(text, no)])
        found.update(notice)
    return found if "key_decision" in found or "forward_plan" in found else None


def decision_from_texts(texts: list[str]) -> dict | None:
    """An agenda item's description: "Key Decision – Forward Plan reference KD/2024/012"."""
    return read_decision([Line(n, text) for n, text in enumerate(texts, start=1)])


def notice_dates(texts: list[tuple[str, int]]) -> dict:
    """'Date of publication: 15 March 2024' and 'Call-in expires: 5.00 pm on 22 March 2024'."""
    found: dict = {}
    for text, no in texts:
        published = PUBLISHED.match(text)
        if published and find_date(published.group("d"))[0]:
            found["published"] = find_date(published.group("d"))[0]
            found["published_line"] = no
        call_in = CALL_IN.match(text)
        if call_in and find_date(call_in.group("d"))[0]:
            found["call_in_printed"] = find_date(call_in.group("d"))[0]
            found["call_in_line"] = no
    return found


def header_notice(lines: list[Line]) -> dict:
    return notice_dates(_texts(lines))


def application_reference(title: str) -> str | None:
    match = APPLICATION_REF.search(title)
    return match.group(0) if match else None


def read_application(title: str, lines: list[Line]) -> dict | None:
    """A planning application decided under a minute: reference, decision, conditions or reasons."""
    reference = application_reference(title)
    if reference is None:
        return None
    texts = _texts(lines)
    application: dict = {"reference": reference, "decision": None, "conditions": [], "reasons": []}
    collecting: str | None = None
    after_resolved = False
    for text, _no in texts:
        numbered = NUMBERED.match(text)
        if collecting and numbered:
            application[collecting].append(numbered.group("text").strip())
            continue
        collecting = None
        low = text.lower()
        decides = after_resolved or re.search(r"\bresolved\b|\bagreed\b|\bdecided\b|\bdecision\b", low)
        after_resolved = bool(re.match(r"^(?:resolved|decision|decided)\s*[:.-]*$", low))
        if not decides:
            continue
        if re.search(r"\bdefer", low):
            application["decision"] = "deferred"
        elif re.search(r"\brefus", low):
            application["decision"] = "refused"
        elif re.search(r"\b(?:granted|approved|grant|approve)\b", low):
            application["decision"] = "granted"
        if text.endswith((":", ":-")):
            if re.search(r"\bconditions?\b", low):
                collecting = "conditions"
            elif re.search(r"\breasons?\b", low):
                collecting = "reasons"
    if application["decision"] != "granted":
        application["conditions"] = []
    if application["decision"] not in ("refused", "deferred"):
        application["reasons"] = []
    return application


MEMBER = (
    r"(?:Councillor|Cllr\.?|Alderman|Bailie|Provost|the Mayor|the Leader)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]*){0,2}"
)
MOVED = re.compile(
    rf"\b(?:moved|proposed)\s+by\s+(?P<mover>{MEMBER})\s*(?:,|and)?\s*(?:(?:and\s+)?seconded\s+by\s+"
    rf"(?P<seconder>{MEMBER}))?\s*,?\s*(?:that\b\s*(?P<text>[^.]+))?",
)
MOVED_ACTIVE = re.compile(
    rf"(?P<mover>{MEMBER})\s+moved(?:,\s*and\s+(?P<seconder>{MEMBER})\s+seconded)?\s*,?\s*"
    rf"(?:the following|a|an|that)?\s*(?P<what>amendment|motion)?\b(?:[^.]*?\bthat\b\s*(?P<text>[^.]+))?",
)
PUT = re.compile(
    r"\b(?P<what>amendment|motion|substantive motion)\b[^.]*?\bwas\s+(?P<result>carried|lost|defeated|withdrawn)\b",
    re.I,
)


def read_motions(lines: list[Line], resolve, unsure) -> list[dict]:
    """Motions with their mover, seconder, amendments and result (full council: the writer keeps them only there).

    "On the motion of Councillor A, seconded by Councillor B" is read as "moved by"; an amendment is a motion
    sentence that says "amendment"; "The amendment was lost" / "The (substantive) motion was carried" give
    the results; a motion followed by "RESOLVED" without a result printed was carried."""

    def who(printed: str | None) -> str | None:
        if not printed:
            return None
        bare = re.sub(r"^(?:Councillor|Cllr\.?|Alderman|Bailie|Provost)\s+", "", printed.strip())
        return resolve(bare) or printed.strip()

    motion: dict | None = None
    motions: list[dict] = []
    texts = _texts(lines)
    for k, (text, no) in enumerate(texts):
        text = re.sub(r"\bon the motion of\b", "moved by", text, flags=re.I)
        moved = MOVED.search(text) or MOVED_ACTIVE.search(text)
        j = k
        while (  # "… seconded by Councillor Amara" / "Beckford that:": the sentence read over its lines
            moved
            and j + 1 < len(texts)
            and j - k < 3
            and texts[j + 1][1] == texts[j][1] + 1
            and not re.search(r"[.:;]$", text)
        ):
            j += 1
            text = f"{text} {texts[j][0]}"
            moved = MOVED.search(text) or MOVED_ACTIVE.search(text)
        if moved:
            amendment = "amendment" in text.lower() and not re.search(r"\bas amended\b", text, re.I)
            entry = {
                "text": (moved.group("text") or "").strip(" ,;:") or "",
                "mover": who(moved.group("mover")),
                "seconder": who(moved.group("seconder")),
                "line": no,
            }
            if amendment and motion is not None:
                motion["amendments"].append(entry)
            elif amendment:
                unsure(no, "an amendment is moved before any motion; left out", "add the motion by hand")
            else:
                motion = {**entry, "amendments": []}
                motions.append(motion)
            if not entry["seconder"]:
                unsure(no, f"the {'amendment' if amendment else 'motion'} names no seconder", "add it if printed")
        put = PUT.search(text)
        if put and motion is not None:
            result = "lost" if put.group("result").lower() in ("lost", "defeated", "withdrawn") else "carried"
            pending = [a for a in motion["amendments"] if "result" not in a]
            if put.group("what").lower() == "amendment" and pending:
                pending[0]["result"] = result
            elif put.group("what").lower() != "amendment":
                motion["result"] = result
        elif (
            motion is not None
            and "result" not in motion
            and re.match(r"^(?:it\s+was\s+(?:\w+\s+)?)?resolved\b", text, re.I)
        ):
            motion["result"] = "carried"
    out = []
    for motion in motions:
        if "result" not in motion:
            unsure(motion["line"], "the motion's result is not printed; left out", "add it to motions: by hand")
            continue
        amendments = []
        for a in motion["amendments"]:
            if "result" not in a:
                unsure(a["line"], "the amendment's result is not printed; left out", "add it by hand")
                continue
            amendments.append({k: a[k] or None for k in ("text", "mover", "seconder", "result")})
            if not amendments[-1]["text"]:
                amendments[-1]["text"] = "(the amendment's words are in the minute)"
        out.append(
            {
                "text": motion["text"] or None,
                "mover": motion["mover"],
                "seconder": motion["seconder"],
                "amendments": amendments or None,
                "result": motion["result"],
                "line": motion["line"],
            }
        )
    return out
