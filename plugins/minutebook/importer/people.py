"""Names as papers print them, and people.yml for the names that vary.

Attendance lists and membership print names as "Councillor M Mutton (Chair)", "Mrs S Hanson and
Kellie Jones", "Councillors N Akhtar, J Lepoidevin and C Miks"; work programmes print leads as
"John Gregg Fran Doyle Cllr Ruane". :func:`split_names` and :func:`split_leads` take such text
apart.

people.yml gets an entry only where the rules of the format need one (docs/guide/meeting-files.md):
a person printed in more than one way ("Mrs K Jones", "Kellie Jones", "Jones": one person, same
surname and initial), or two people sharing a surname ("M Mutton", "J Mutton": two entries, kept
apart by their initials). A surname printed alone joins the one person with that surname; when
there are several it is reported, since only the papers' author can say who was meant.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

from minutebook.importer.report import Report
from minutebook.importer.textutil import plain
from minutebook.model.names import normalise, slugify

HONORIFICS = {
    "councillors": "Councillor",
    "councillor": "Councillor",
    "cllrs": "Councillor",
    "cllr": "Councillor",
    "mrs": "Mrs",
    "mr": "Mr",
    "ms": "Ms",
    "miss": "Miss",
    "dr": "Dr",
    "sgt": "Sgt",
    "prof": "Professor",
    "professor": "Professor",
    "rev": "Rev",
    "revd": "Rev",
    "sir": "Sir",
    "dame": "Dame",
    "provost": "Provost",
    "bailie": "Bailie",
    "aldermen": "Alderman",
    "alderman": "Alderman",
    "alderwoman": "Alderwoman",
}
# "Councillors A, B and C": the title each name of the run carries
PLURAL_TITLES = {"councillors": "Councillor ", "cllrs": "Councillor ", "aldermen": "Alderman "}
PLURAL_TITLE = re.compile(r"^\s*(Councillors|Cllrs|Aldermen)\s+", re.I)
DROPPED_HONORIFICS = {"Councillor"}  # the group's title: not repeated in attendance entries
ROLE_WORDS = {
    "cabinet",
    "member",
    "members",
    "council",
    "councillors",
    "board",
    "director",
    "directorate",
    "education",
    "services",
    "service",
    "children",
    "childrens",
    "trust",
    "partnership",
    "representative",
    "chair",
    "deputy",
    "officer",
    "officers",
    "health",
    "police",
    "independent",
    "governance",
    "law",
    "skills",
    "young",
    "people",
    "resources",
    "place",
    "manager",
    "head",
    "lead",
    "strategy",
    "team",
    "programme",
    "scrutiny",
    "committee",
    "executive",
    "chief",
    "safeguarding",
    "local",
    "authority",
    "city",
    "school",
    "schools",
    "carers",
    "coordinator",
    "co-ordinator",
    "group",
    "and",
    "of",
    "for",
    "the",
    "by",
    "invitation",
    "co-opted",
    "apologies",
    "substitute",
    "present",
    "invited",
    "employees",
    "care",
    "social",
    "adult",
    "public",
    "fire",
    "university",
    "college",
    "nhs",
    "ccg",
    "swft",
    "other",
    "others",
    "all",
}
INITIAL = re.compile(r"^[A-Z]\.?$")
GIVEN = re.compile(r"^[A-Z][a-z][A-Za-z'’-]*$")
SURNAME = re.compile(r"^(?:[A-Z][’']?)?[A-Z][A-Za-z'’-]*[a-z][A-Za-z'’-]*$|^[A-Z][’'][A-Z][a-z]+$")


def _latin(token: str) -> str:
    """'Wróbel' → 'Wrobel', 'Siân' → 'Sian', 'Ó' → 'O': a name's accented letters read as the letters they carry
    (the name itself is kept as printed)."""
    return "".join(c for c in unicodedata.normalize("NFKD", token) if not unicodedata.combining(c))


@dataclass(frozen=True)
class PersonName:
    honorific: str
    given: str  # full first name(s), or ""
    initials: str  # "K", "K M"
    surname: str

    @property
    def short(self) -> str:
        return f"{self.initials} {self.surname}".strip()

    @property
    def full(self) -> str:
        return f"{self.given} {self.surname}" if self.given else ""


def parse_name(text: str, allow_bare: bool = False) -> PersonName | None:
    tokens = plain(text).strip(" ,.;").split()
    honorific = ""
    while tokens and tokens[0].lower().rstrip(".") in HONORIFICS:
        honorific = honorific or HONORIFICS[tokens[0].lower().rstrip(".")]
        tokens = tokens[1:]
    if not tokens or len(tokens) > 4:
        return None
    surname, rest = tokens[-1], tokens[:-1]
    if not SURNAME.match(_latin(surname)) or surname.lower() in ROLE_WORDS:
        return None
    if not rest and not (honorific or allow_bare):
        return None
    initials, given = [], []
    for token in rest:
        if INITIAL.match(_latin(token)):
            initials.append(token[0])
        elif GIVEN.match(_latin(token)) and token.lower() not in ROLE_WORDS:
            given.append(token)
            initials.append(token[0])
        else:
            return None
    return PersonName(honorific, " ".join(given), " ".join(initials), surname)


def printed(text: str) -> str:
    """The name as an attendance entry writes it: as printed, without 'Councillor'."""
    tokens = plain(text).strip(" ,;").split()
    while tokens and HONORIFICS.get(tokens[0].lower().rstrip(".")) in DROPPED_HONORIFICS:
        tokens = tokens[1:]
    return " ".join(tokens)


def _top_level_split(text: str, separator: str) -> list[str]:
    pieces, depth, current, i = [], 0, "", 0
    while i < len(text):
        ch = text[i]
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and text.startswith(separator, i):
            pieces.append(current)
            current, i = "", i + len(separator)
            continue
        current += ch
        i += 1
    pieces.append(current)
    return [p.strip() for p in pieces if p.strip()]


ROLE_SUFFIX = re.compile(r"^(?P<name>.*?)\s*\((?P<role>[^()]*)\)\s*$")


def _name_and_role(chunk: str, allow_bare: bool, prefix: str = ""):
    match = ROLE_SUFFIX.match(chunk)
    name, role = (match.group("name"), match.group("role").strip()) if match else (chunk, "")
    inherited = prefix if "co-opted" not in role.lower() else ""  # co-opted members are not councillors
    person = parse_name(name)
    raw = name if person and person.honorific else f"{inherited}{name}"
    return (parse_name(name, allow_bare), printed(name), role, raw.strip())


def split_names(text: str, allow_bare: bool = False):
    """'Councillors N Akhtar, S Bains and M Mutton (Chair)' → ([('N Akhtar', '', 'Councillor N Akhtar'), …], problems).

    Each entry is (the name as written in meeting files, the role, the name as printed).

    A piece that is not a name becomes the role of the name before it ("Councillor K Sandhu,
    Cabinet Member for Education and Skills"); otherwise it is reported as a problem.
    """
    text = plain(text).strip(" .;")
    prefix = ""
    entries: list[list[str]] = []
    problems: list[str] = []
    for piece in _top_level_split(text, ","):
        # a plural title starts a run of names that share it: "Aldermen A and B, Councillors C and D"
        plural = PLURAL_TITLE.match(piece)
        if plural:
            allow_bare, prefix, piece = True, PLURAL_TITLES[plural.group(1).lower()], piece[plural.end() :]
        chunks = _top_level_split(piece, " and ")
        parsed = [_name_and_role(c, allow_bare, prefix) for c in chunks]
        if len(chunks) > 1 and not all(p[0] for p in parsed):
            chunks, parsed = [piece], [_name_and_role(piece, allow_bare, prefix)]
        for chunk, (name, shown, role, raw) in zip(chunks, parsed, strict=True):
            if name:
                entries.append([shown, role, raw])
            elif entries and not entries[-1][1]:
                entries[-1][1] = chunk
            else:
                problems.append(chunk)
    return [tuple(e) for e in entries], problems


def split_leads(text: str):
    """'John Gregg Fran Doyle Cllr Ruane' → (['John Gregg', 'Fran Doyle', 'Cllr Ruane'], uncertain pieces)."""
    leads, uncertain = [], []
    for piece in re.split(r"\s*[/,;]\s*|\n", plain(text)):
        piece = piece.strip(" .")
        if not piece or piece == "-":
            continue
        suffix = ""
        dash = re.search(r"\s+[–—-]\s+", piece)
        if dash:
            piece, suffix = piece[: dash.start()], piece[dash.start() :]
        tokens = piece.split()
        names: list[list[str]] = []
        run: list[str] = []
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if token.lower().rstrip(".") in ("cllr", "councillor", "cllrs"):
                if run:
                    names.append(run)
                    run = []
                take = [token]
                i += 1
                while i < len(tokens) and INITIAL.match(tokens[i]):
                    take.append(tokens[i])
                    i += 1
                if i < len(tokens):
                    take.append(tokens[i])
                    i += 1
                names.append(take)
                continue
            run.append(token)
            i += 1
        if run:
            names.append(run)
        out = []
        for group in names:
            if group[0].lower().rstrip(".") in ("cllr", "councillor", "cllrs") or len(group) <= 2:
                out.append(" ".join(group))
            elif len(group) % 2 == 0 and all(GIVEN.match(_latin(t)) or SURNAME.match(_latin(t)) for t in group):
                out.extend(" ".join(group[k : k + 2]) for k in range(0, len(group), 2))
            else:
                out.append(" ".join(group))
                uncertain.append(" ".join(group))
        if out and suffix:
            out[-1] += suffix
        leads.extend(out)
    return leads, uncertain


@dataclass
class Print:
    text: str
    source: str
    line: int | None
    relevant: bool  # joined to people by the loader (attendance, membership, declarations)


class PeopleBook:
    """Every printed name of the import; :meth:`entries` decides who needs a people.yml entry."""

    def __init__(self):
        self.prints: list[Print] = []

    def add(self, text: str, source: str, line: int | None, relevant: bool = True) -> None:
        self.prints.append(Print(text, source, line, relevant))

    def entries(self, existing: dict, report: Report) -> tuple[dict, bool]:
        """people.yml content (existing entries first, extended) and whether anything was added."""
        groups: dict[str, dict[str, list[tuple[PersonName, Print]]]] = defaultdict(lambda: defaultdict(list))
        bare: dict[str, list[tuple[PersonName, Print]]] = defaultdict(list)
        for p in self.prints:
            name = parse_name(p.text, allow_bare=True)
            if name is None:
                continue
            key = normalise(name.surname)
            if name.initials:
                groups[key][name.initials[0]].append((name, p))
            else:
                bare[key].append((name, p))
        for key, prints in bare.items():
            clusters = groups.get(key, {})
            if len(clusters) == 1:
                next(iter(clusters.values())).extend(prints)
            elif not clusters:
                groups[key][""].extend(prints)
            else:
                options = " or ".join(sorted({n.short for c in clusters.values() for n, _ in c}))
                for _, p in prints:
                    if p.relevant:
                        report.warn(
                            p.source, p.line, f"'{p.text}' could be {options}", "write the initial in the meeting file"
                        )
        result = {k: dict(v) for k, v in existing.items()}
        added = False
        for key in sorted(groups):
            clusters = groups[key]
            for initial in sorted(clusters):
                members = clusters[initial]
                if not any(p.relevant for _, p in members):
                    continue
                entry = self._entry(members, report)
                if entry is None:
                    continue
                if len(set(self._forms(members))) < 2 and len(clusters) < 2:
                    continue
                added |= self._merge(result, entry)
        return result, added

    @staticmethod
    def _forms(members) -> list[str]:
        forms = []
        for name, _ in members:
            forms.append(name.full or name.short or name.surname)
            if name.given:
                forms.append(name.short)
        return [f for f in forms if f]

    @staticmethod
    def _entry(members, report: Report) -> dict | None:
        shorts = Counter(n.short for n, _ in members if n.initials and not n.given)
        fulls = Counter(n.full for n, _ in members if n.given)
        bares = sorted({n.surname for n, _ in members if not n.initials})
        honorifics = Counter(n.honorific for n, _ in members if n.honorific)
        if shorts:
            name = sorted(shorts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        elif fulls:
            name = sorted(fulls.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        else:
            return None
        entry: dict = {"name": name}
        full_names = [f for f, _ in sorted(fulls.items(), key=lambda kv: (-kv[1], kv[0]))]
        if full_names and full_names[0] != name:
            entry["full_name"] = full_names[0]
            first = next(p for n, p in members if n.full == full_names[0])
            if shorts:
                report.warn(
                    first.source,
                    first.line,
                    f"took '{full_names[0]}' to be {name} (same surname and initial, printed both ways)",
                    "if they are two people, split the entry in people.yml",
                )
        if len(full_names) > 1:
            first = next(p for n, p in members if n.full == full_names[1])
            report.warn(
                first.source,
                first.line,
                f"took '{full_names[1]}' to be the same person as '{full_names[0]}' (a misprint?)",
                "check the names in people.yml",
            )
        if honorifics:
            entry["honorific"] = sorted(honorifics.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        others = sorted((set(full_names[1:]) | set(shorts) | set(bares)) - {name, entry.get("full_name")})
        if others:
            entry["names"] = others
        return entry

    @staticmethod
    def _merge(result: dict, entry: dict) -> bool:
        forms = (
            {normalise(entry["name"])}
            | {normalise(entry.get("full_name", ""))}
            | {normalise(n) for n in entry.get("names", [])}
        )
        forms.discard("")
        for person in result.values():
            known = {normalise(person.get("name", "")), normalise(person.get("full_name", ""))} | {
                normalise(n) for n in person.get("names", []) or []
            }
            if forms & known:
                missing = [
                    n
                    for n in [entry["name"], entry.get("full_name"), *entry.get("names", [])]
                    if n and normalise(n) not in known
                ]
                if not missing:
                    return False
                person["names"] = list(person.get("names", []) or []) + missing
                return True
        key = slugify(entry["name"])
        base, n = key, 2
        while key in result:
            key, n = f"{base}-{n}", n + 1
        result[key] = entry
        return True


CHAIR_WORDS = re.compile(r"^(?:(?P<vice>vice)|(?P<deputy>deputy))?[- ]?chair(?:man|woman|person)?$", re.I)


def known_role(role: str) -> str:
    """A role as the format names it where the print uses another word for it: "Chairman", "Chairwoman",
    "Chairperson" are the Chair; "Vice-Chairman", "Vice Chair" the Vice-Chair. Other roles as printed."""
    match = CHAIR_WORDS.match(role.strip())
    if not match:
        return role
    return "Vice-Chair" if match.group("vice") else "Deputy Chair" if match.group("deputy") else "Chair"


OFFICER_ROLE = re.compile(
    r"\b(?:director|manager|officer|head|chief|solicitor|adviser|advisor|clerk|executive|"
    r"lawyer|planner|engineer|accountant|treasurer|secretary|assistant|lead|principal|"
    r"monitoring|democratic|committee services|consultant)\b",
    re.I,
)

POST_THEN_NAME = re.compile(r"\s*(?:,|\band\b)?\s*(?P<role>[^(),]+?)\s*\((?P<name>[^()]+)\)\s*")


def posts_then_names(text: str) -> list[tuple[str, str]]:
    """'Director of Environment (R Nesbitt), Head of Waste (C Quigley) and Clerk (J Toner)': officers
    printed post first, name in brackets, as [(post, name)]; [] when the text is not all of that shape."""
    found, at = [], 0
    for match in POST_THEN_NAME.finditer(text):
        if match.start() != at:
            return []
        role, name = match.group("role").strip(), match.group("name").strip()
        if not (OFFICER_ROLE.search(role) and parse_name(name) and not parse_name(role)):
            return []
        found.append((role, name))
        at = match.end()
    return found if found and at == len(text) else []


# a civic title with the member in brackets: "The Mayor (Councillor R Haldane) in the Chair"
CIVIC_TITLE = re.compile(
    r"^(?:the\s+)?(?P<title>(?:deputy\s+|lord\s+|vice[\s-])?(?:mayor|chair(?:man|woman|person)?|provost|convener|"
    r"leader)(?:\s+of\s+the\s+council)?)\s+\((?P<name>(?:councillor|cllr\.?)\s+[^()]+)\)"
    r"(?P<chair>\s+in\s+the\s+chair)?$",
    re.I,
)


def civic_title(text: str) -> str:
    """'The Mayor (Councillor R Haldane) in the Chair' → 'Councillor R Haldane (Mayor, Chair)'; other text as it is."""
    civic = CIVIC_TITLE.match(text)
    if not civic:
        return text
    roles = civic.group("title") + (", Chair" if civic.group("chair") else "")
    return f"{civic.group('name').strip()} ({roles[:1].upper()}{roles[1:]})"
