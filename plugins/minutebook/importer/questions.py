"""Questions put at a full council meeting: who asked, to whom, the question and the answer.

The shapes, in the common wordings of the family:

* a line "Question from Councillor A Jones to the Cabinet Member for Housing" ("Question by …",
  "Question 2 – from Mrs J Public to the Leader", "(a) Supplementary question from …"), with the
  question in the lines after it;
* a sentence "Councillor A Jones asked the Leader whether …" or "Councillor A Jones asked the Leader:
  …", the question in the rest of it;
* the answer after "Answer:", "Reply:", "Response:", or in a sentence "The Leader replied that …" /
  "In reply, the Cabinet Member for Housing said …" / "Councillor B Smith responded …".

Each question becomes an entry of minutes.md ``questions:`` (docs/guide/meeting-files.md); the minute's
text keeps them as printed. A question whose words cannot be found is reported, not written.
"""

from __future__ import annotations

import re

from minutebook.importer.source import Line
from minutebook.importer.textutil import plain

_PERSON = r"(?:Councillor|Cllr\.?|Alderman|Bailie|Provost|Mr|Mrs|Ms|Miss|Dr)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]*){0,2}"
QUESTION_HEAD = re.compile(
    r"^(?:\(?\w{1,3}[.)]\s+)?(?:supplementary\s+)?question\s*(?:no\.?\s*)?(?:\d{1,3}\s*)?(?:[:.–-]\s*)?"
    rf"(?:from|by|asked\s+by)\s+(?P<asker>{_PERSON}|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{1,2}})"
    r"(?:\s*\([^()]*\))?\s+(?:to|of)\s+(?P<to>[^:]+?)\s*[:.]?\s*(?P<rest>(?<=:)\s*.*)?$",
    re.I,
)
ASKED = re.compile(
    rf"^(?P<asker>{_PERSON})\s+asked\s+(?P<to>the\s+[A-Z][\w'’ -]*?|{_PERSON})"
    r"(?:\s*:\s*(?P<q>.+)|,?\s+(?P<q2>(?:whether|if|what|when|how|why|who|which|about)\b.+))$"
)
ANSWER_LABEL = re.compile(r"^(?:answer|reply|response|written\s+(?:answer|reply))\s*[:.–-]\s*(?P<a>.*)$", re.I)
ANSWER_SENTENCE = re.compile(
    rf"^(?:(?i:in\s+(?:reply|response)),?\s+)?(?P<who>[Tt]he\s+[A-Z][\w'’ -]*?|{_PERSON})\s+"
    r"(?:replied|responded|answered|said\s+in\s+reply|said)\b\s*(?:that\s+)?(?P<a>.+)$"
)


def read_questions(lines: list[Line], unsure) -> list[dict]:
    """The questions of a minute's body lines; ``unsure(line, message, fix)`` reports a doubt."""
    questions: list[dict] = []
    current: dict | None = None
    field = ""
    for line in lines:
        text = plain(line.text).strip()
        if not text:
            continue
        head = QUESTION_HEAD.match(text)
        asked = None if head else ASKED.match(text)
        if head or asked:
            match = head or asked
            assert match is not None
            if head is not None:
                words = head.group("rest") or ""
            else:
                assert asked is not None
                words = asked.group("q") or asked.group("q2") or ""
            current = {
                "asker": match.group("asker").strip(),
                "to": match.group("to").strip(" ,.:"),
                "question": words.strip(),
                "answer": "",
                "line": line.no,
            }
            questions.append(current)
            field = "question"
            continue
        if current is None:
            continue
        answer = ANSWER_LABEL.match(text)
        sentence = None if answer else ANSWER_SENTENCE.match(text)
        if answer or (sentence and field == "question" and current["question"]):
            current["answer"] = ((answer.group("a") if answer else text) or "").strip()
            field = "answer"
            continue
        if re.match(r"^\W*(?:it\s+was\s+(?:\w+\s+)?)?resolved\b", text, re.I):
            current, field = None, ""
            continue
        current[field] = f"{current[field]} {text}".strip()
    out = []
    for q in questions:
        if not q["question"]:
            unsure(q["line"], f"the question from {q['asker']} is not printed after it; left out", "add it by hand")
            continue
        if not q["answer"]:
            unsure(q["line"], f"no answer to the question from {q['asker']} was found", "add the answer if printed")
        out.append({k: v for k, v in q.items() if v or k in ("asker", "question")})
    return out
