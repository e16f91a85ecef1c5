"""A synthetic archive for benchmarks and scale tests: ``minutebook demo --into DIR``.

It writes realistic meeting files in the project's format — committees with membership by year,
meetings with agendas, minutes (attendance, declarations, RESOLVED lists, "Further to Minute N/YY"
cross-references to earlier meetings of the same topic), papers with numbered paragraphs, tables
and appendices, a work programme per committee and year, and an outstanding-issues tracker. The
words come from the sample archive (``--from``, by default ``meetings``): its minutes, papers and
titles are cut into paragraphs, tables and titles and dealt out again; people, schools and places
get made-up names, so that rare names are as rare as in a real archive.

Deterministic: the same arguments and sample give the same files. About 10 meetings and 100 items
per committee and municipal year.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from minutebook.load.loader import load_archive
from minutebook.model import Minute, MinutePart, MunicipalYear
from minutebook.model.names import slugify

COMMITTEES = [
    "Education and Children's Services Scrutiny Board",
    "Health and Social Care Scrutiny Board",
    "Finance and Corporate Services Scrutiny Board",
    "Business, Economy and Enterprise Scrutiny Board",
    "Communities and Neighbourhoods Scrutiny Board",
    "Planning Committee",
    "Licensing and Regulatory Committee",
    "Audit and Procedures Committee",
    "Health and Wellbeing Board",
    "Cabinet",
    "Scrutiny Co-ordination Committee",
    "Ethics Committee",
    "Employment Committee",
    "Coventry and Warwickshire Joint Committee",
]
BOILERPLATE = {
    "apologies and substitutions",
    "declarations of interests",
    "minutes",
    "work programme",
    "any other business",
    "outstanding issues",
    "exclusion of press and public",
}
MONTHS = (6, 7, 9, 10, 11, 12, 1, 2, 3, 4)
SYLLABLES = (
    "ash",
    "bel",
    "brack",
    "cal",
    "dun",
    "eld",
    "fen",
    "gar",
    "hal",
    "ing",
    "kel",
    "lan",
    "mor",
    "nor",
    "ock",
    "pem",
    "quen",
    "rad",
    "sel",
    "thorn",
    "ul",
    "ver",
    "wick",
    "yar",
    "zel",
    "bry",
    "cro",
    "dra",
    "fal",
    "gil",
    "hart",
    "jes",
    "kin",
    "lock",
    "mar",
    "nev",
    "orm",
    "pres",
    "ross",
    "stan",
    "tal",
    "wes",
    "win",
    "brook",
    "ley",
    "ton",
    "well",
    "worth",
    "by",
    "ford",
    "ham",
    "den",
    "field",
    "hurst",
)
INITIALS = "ABCDEGHJKLMNPRST"
PLACE_KINDS = (
    "Primary School",
    "Academy",
    "Community Centre",
    "Children's Centre",
    "ward",
    "Family Hub",
    "Nursery School",
    "Youth Club",
    "Lodge",
    "Park",
)
MARKER = ".minutebook-demo"
DIRECTORATES = ("People Directorate", "Place Directorate", "Resources Directorate", "Law and Governance")


@dataclass
class Corpus:
    """Paragraphs, lists, tables and titles cut from the sample archive."""

    paragraphs: list[str] = field(default_factory=list)
    resolutions: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    paper_paragraphs: list[str] = field(default_factory=list)
    tables: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)


_REF = re.compile(r"\b(?:[Mm]inutes?\s+\d+(?:/\d+)?(?:\s+(?:above|below))?|the minutes of the meetings? held on[^.]*)")
_NUMBER = re.compile(r"^\d+(?:\.\d+)+\s+")


def _clean(text: str) -> str:
    return _REF.sub("the earlier minute", re.sub(r"<!--.*?-->|\]\([^)]*\)|\[|\{[^}]*\}", "", text)).strip()


def read_corpus(sample: Path) -> Corpus:
    archive, problems = load_archive(sample)
    if problems.errors:
        raise SystemExit(f"the sample archive in {sample} has errors: run `minutebook check {sample}`")
    corpus = Corpus()
    for meeting in archive.meetings:
        if meeting.place:
            corpus.places.append(meeting.place)
        for item in meeting.items:
            if item.title.lower() not in BOILERPLATE and len(item.title) < 90:
                corpus.titles.append(item.title)
            minute = item.minute
            holders: list[Minute | MinutePart] = [minute, *minute.parts] if minute else []
            for holder in holders:
                corpus.resolutions += [_clean(r.text) for r in holder.resolutions if "\n" not in r.text]
                corpus.questions += [_clean(q) for q in holder.questions]
                for block in holder.body.split("\n\n"):
                    block = block.strip()
                    if len(block) > 80 and not block.startswith(("-", "*", "#", "|", "<")) and "\n-" not in block:
                        corpus.paragraphs.append(_clean(block))
            for paper in item.all_papers:
                corpus.titles.append(paper.title)
                for block in paper.body.split("\n\n"):
                    block = block.strip()
                    if block.startswith("|") and block.count("\n") >= 2:
                        corpus.tables.append("\n".join(block.splitlines()[:12]))
                    elif len(block) > 60 and not block.startswith(("#", "<", "-", "*")):
                        corpus.paper_paragraphs.append(_clean(_NUMBER.sub("", block)))
    for name in ("paragraphs", "resolutions", "questions", "paper_paragraphs", "titles", "places"):
        values = sorted({x for x in getattr(corpus, name) if x})
        setattr(corpus, name, values or [f"The Board considered the {name} in the sample archive."])
    corpus.tables = sorted(set(corpus.tables)) or ["| Measure | Value |\n|---|---|\n| Places | 120 |"]
    return corpus


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


class Generator:
    def __init__(self, corpus: Corpus, seed: int):
        self.c = corpus
        self.rng = random.Random(seed)
        self.used_names: set[str] = set()

    def word(self) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.choice((2, 2, 3)))).capitalize()

    def person(self) -> str:
        while True:
            name = f"{self.rng.choice(INITIALS)} {self.word()}"
            if name not in self.used_names:
                self.used_names.add(name)
                return name

    def place(self) -> str:
        return f"{self.word()} {self.rng.choice(PLACE_KINDS)}"

    def topic(self) -> str:
        if self.rng.random() < 0.5:
            return self.rng.choice(self.c.titles)
        return f"{self.place()} {self.rng.choice(('Review', 'Proposals', 'Consultation', 'Inspection', 'Programme'))}"

    def minute_text(self, members: list[str], ref: str | None) -> str:
        rng, c = self.rng, self.c
        paras = rng.sample(c.paragraphs, min(len(c.paragraphs), rng.randint(1, 3)))
        if ref:
            paras[0] = f"Further to Minute {ref} " + paras[0][0].lower() + paras[0][1:]
        if rng.random() < 0.5:
            paras.append(
                f"Councillor {rng.choice(members)} asked about the arrangements at {self.place()}, "
                f"and officers undertook to provide further information."
            )
        if rng.random() < 0.5:
            qs = rng.sample(c.questions, min(len(c.questions), rng.randint(2, 5)))
            paras.append(
                "The Board questioned the officers present on the following:\n\n" + "\n".join(f"- {q}" for q in qs)
            )
        res = rng.sample(c.resolutions, min(len(c.resolutions), rng.randint(1, 4)))
        if len(res) == 1:
            paras.append(f"RESOLVED that the Board {res[0][0].lower() + res[0][1:]}")
        else:
            paras.append("RESOLVED that the Board:\n\n" + "\n".join(f"{i}. {r}" for i, r in enumerate(res, 1)))
        return "\n\n".join(paras)

    def paper_body(self) -> str:
        rng, c = self.rng, self.c
        out = []
        for section in range(1, rng.randint(3, 6) + 1):
            out.append(
                f"## {section} {rng.choice(('Purpose of the Note', 'Recommendations', 'Background', 'Information', 'Options', 'Progress', 'Next Steps'))}"
            )
            for n in range(1, rng.randint(1, 4) + 1):
                text = rng.choice(c.paper_paragraphs)
                if rng.random() < 0.2:
                    text += f" This includes the work at {self.place()}."
                out.append(f"{section}.{n} {text}")
            if rng.random() < 0.25:
                out.append(rng.choice(c.tables))
        return "\n\n".join(out) + "\n"


def front(data: list[str], body: str = "") -> str:
    return "---\n" + "\n".join(data) + "\n---\n" + (f"\n{body.strip()}\n" if body.strip() else "")


def generate(
    into: Path, committees: int, years: int, seed: int = 1, sample: Path = Path("meetings"), last_year: int = 2024
) -> dict:
    """Write a synthetic archive into ``into`` (emptied first); return counts."""
    corpus = read_corpus(Path(sample))
    g = Generator(corpus, seed)
    rng = g.rng
    into = Path(into)
    if into.exists() and any(into.iterdir()):
        if not (into / MARKER).exists():
            raise ValueError(
                f"{into} is not empty and was not made by `minutebook demo`: choose an empty or new "
                "folder (a demo never overwrites a real archive)"
            )
        shutil.rmtree(into)
    into.mkdir(parents=True, exist_ok=True)
    (into / MARKER).write_text(
        "This folder was generated by `minutebook demo` and is replaced by the next run.\n", encoding="utf-8"
    )
    (into / "people.yml").write_text(
        "# Synthetic archive: people not listed here are made from their names.\n{}\n", encoding="utf-8"
    )
    counts = {"committees": 0, "meetings": 0, "items": 0, "papers": 0, "programmes": 0, "trackers": 0}
    names = COMMITTEES + [f"Scrutiny Board {n}" for n in range(1, committees + 1)]
    for k in range(committees):
        name = names[k]
        slug = slugify(name)
        root = into / slug
        topics: list[str] = []
        last_minute: dict[str, str] = {}
        members = [g.person() for _ in range(9)]
        officers = [(g.person(), rng.choice(DIRECTORATES)) for _ in range(6)]
        membership = []
        weekday = k % 4
        for year in range(last_year - years + 1, last_year + 1):
            members = members[rng.randint(2, 4) :] + [g.person() for _ in range(rng.randint(2, 4))]
            members = members[:9] + [g.person() for _ in range(9 - len(members[:9]))]
            if rng.random() < 0.3:
                officers[rng.randrange(len(officers))] = (g.person(), rng.choice(DIRECTORATES))
            label = MunicipalYear(year).label
            # topics live a few years: some end each year, new ones (many with names of their own) begin
            topics = [t for t in topics if rng.random() < 0.6]
            while len(topics) < 14:
                title = g.topic()
                if title not in topics:
                    topics.append(title)
            membership.append(
                f"  {_q(label)}:\n"
                + "\n".join(f"    - {_q(m + (' (Chair)' if i == 0 else ''))}" for i, m in enumerate(members))
            )
            dates = []
            for month in MONTHS:
                y = year if month >= 5 else year + 1
                day = dt.date(y, month, 8)
                day += dt.timedelta(days=(3 + weekday - day.weekday()) % 7)
                dates.append(day)
            number = 0
            programme, tracker_rows = [], []
            for m_index, day in enumerate(dates):
                folder = root / day.isoformat()
                (folder / "papers").mkdir(parents=True)
                substantive = rng.sample(topics, 5)
                titles = [
                    "Apologies and Substitutions",
                    "Declarations of Interests",
                    "Minutes",
                    *substantive,
                    "Outstanding Issues",
                    "Work Programme",
                ]
                items: list[str] = []
                minutes: list[str] = []
                papers: list[tuple[str, int | None, str]] = []
                away = rng.sample(members, 2)
                approved = dates[m_index + 1] if m_index + 1 < len(dates) else None
                for i, title in enumerate(titles, 1):
                    number += 1
                    entry = [f"  - number: {i}", f"    title: {_q(title)}"]
                    if title in substantive:
                        lead = rng.choice(
                            (
                                "Report of the Director of Children's Services",
                                "Briefing Note of the Scrutiny Co-ordinator",
                                "Report of the Chief Executive",
                                "Presentation of the Director of Public Health",
                            )
                        )
                        entry.append(f"    lead: {_q(lead)}")
                        key = slugify(title)
                        minutes.append(
                            f"## {number}. {title} {{item={i}}}\n\n{g.minute_text(members, last_minute.get(key))}"
                        )
                        last_minute[key] = MunicipalYear(year).cite(number)
                        programme.append(
                            f"  - date: {day.isoformat()}\n    title: {_q(title)}\n"
                            f"    detail: {_q(rng.choice(corpus.paper_paragraphs)[:300])}\n"
                            f"    leads: [{_q(rng.choice(officers)[0])}, {_q('Cllr ' + rng.choice(members).split()[-1])}]"
                        )
                        if rng.random() < 0.3:
                            tracker_rows.append(
                                f"  - meeting: {day.isoformat()}\n    item: {_q(title)}\n"
                                f"    kind: {rng.choice(('recommendation', 'action', 'information'))}\n"
                                f"    text: {_q(rng.choice(corpus.resolutions))}"
                                + rng.choice(
                                    (
                                        "",
                                        "\n    response: Briefing note circulated",
                                        "\n    response: For consideration next Municipal year.",
                                    )
                                )
                            )
                        if rng.random() < 0.6:
                            pslug = slugify(title)[:50].strip("-")
                            while any(p[0] == pslug for p in papers):
                                pslug += "-2"
                            papers.append((pslug, i, title))
                            if rng.random() < 0.2:
                                papers.append((pslug + "-appendix-1", None, f"{title}: supporting information"))
                    elif title == "Apologies and Substitutions":
                        minutes.append(
                            f"## {number}. {title} {{item={i}}}\n\nApologies for absence were received from "
                            f"Councillors {away[0]} and {away[1]}."
                        )
                    elif title == "Declarations of Interests":
                        minutes.append(
                            f"## {number}. {title} {{item={i}}}\n\nThere were no disclosable pecuniary interests."
                        )
                    elif title == "Minutes":
                        held = (
                            f"the meeting held on {dates[m_index - 1].day} {dates[m_index - 1]:%B %Y}"
                            if m_index
                            else "the last meeting of the previous municipal year"
                        )
                        minutes.append(
                            f"## {number}. {title} {{item={i}}}\n\nThe minutes of {held} were agreed as a true record."
                        )
                    else:
                        minutes.append(
                            f"## {number}. {title} {{item={i}}}\n\nRESOLVED that the Board note the {title}."
                        )
                    items.append("\n".join(entry))
                place = rng.choice(corpus.places)
                (folder / "meeting.md").write_text(
                    front(
                        [
                            'start: "14:00"',
                            f"place: {_q(place)}",
                            f"agenda_published: {day - dt.timedelta(days=14)}",
                            "items:",
                            *items,
                        ]
                    ),
                    encoding="utf-8",
                )
                present = [m for m in members if m not in away]
                attendance = [
                    "attendance:",
                    "  present:",
                    *[f"    - {_q(m + (' (Chair)' if m == members[0] else ''))}" for m in present],
                    "  officers:",
                    *[f"    - {{name: {_q(o)}, directorate: {_q(d)}}}" for o, d in rng.sample(officers, 3)],
                ]
                head = ["approved: true", f"approved_at: {approved}"] if approved else ["approved: false"]
                (folder / "minutes.md").write_text(
                    front([*head, 'closed: "16:00"', *attendance], "\n\n".join(minutes)), encoding="utf-8"
                )
                for pslug, item_no, title in papers:
                    meta = (
                        [f"item: {item_no}", f"kind: {rng.choice(('report', 'briefing note'))}"]
                        if item_no
                        else ["kind: appendix", f"parent: {pslug.rsplit('-appendix-1', 1)[0]}", 'appendix: "1"']
                    )
                    author = rng.choice(officers)
                    (folder / "papers" / f"{pslug}.md").write_text(
                        front(
                            [
                                *meta,
                                f"title: {_q(title)}",
                                f"date: {day}",
                                f"authors:\n  - {{name: {_q(author[0])}, role: {_q(author[1])}}}",
                            ],
                            g.paper_body(),
                        ),
                        encoding="utf-8",
                    )
                counts["meetings"] += 1
                counts["items"] += len(titles)
                counts["papers"] += len(papers)
            (root / "programmes").mkdir(exist_ok=True)
            programme.append(
                f"  - bucket: next municipal year\n    title: {_q(g.place() + ' Review')}\n"
                f"    detail: {_q(rng.choice(corpus.paper_paragraphs)[:200])}"
            )
            (root / "programmes" / f"{MunicipalYear(year).slug}.md").write_text(
                front([f"year: {_q(label)}", "entries:", *programme]), encoding="utf-8"
            )
            counts["programmes"] += 1
            if tracker_rows:
                (root / "tracker").mkdir(exist_ok=True)
                (root / "tracker" / f"{dates[-1]}.md").write_text(front(["rows:", *tracker_rows]), encoding="utf-8")
                counts["trackers"] += 1
        (root / "committee.md").write_text(
            front(
                [
                    f"name: {_q(name)}",
                    "contact:",
                    f"  name: {_q(officers[0][0])}",
                    "  role: Governance Services",
                    "membership:",
                    *membership,
                ],
                f"The {name} of a synthetic council, made by `minutebook demo`.",
            ),
            encoding="utf-8",
        )
        counts["committees"] += 1
    return counts
