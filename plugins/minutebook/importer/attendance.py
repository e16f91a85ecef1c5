"""The attendance block of minutes, from "Present:" to the first minute.

    Members: Councillor M Mutton (Chair)
     Councillor N Akhtar
    Co-Opted Members: Mrs K Jones
    Cabinet Member and Councillor K Maton
    Deputy Cabinet Member: Councillor P Seaman
    Employees (by Directorate):
    A Brennan, People Directorate            (or "People: C Parker" / "Resources: G Holmes, L Knight")
    Invited: M Haidar – Coventry and Warwickshire Partnership Trust
    Apologies: Councillor P Male
     S Hanson and R Potter

Other shapes: a paragraph "PRESENT: Councillors A, B and C"; "Sederunt:" (Scotland) for present;
an attendance table (tab-separated "Name<TAB>Role" rows under a header such as "Councillor<TAB>Role");
"ALSO PRESENT:" / "In attendance:" entries that are councillors go to other members and entries
"Name, Job title" or "Name (Job title)" to officers; substitutes "Councillor X for Councillor Y".

A paragraph hard-wrapped at a fixed width is joined first, where a line cannot end an entry (a comma,
"and", a title, an initial) or the next opens in lower case or with its post in brackets; a sentence
"Councillor X attended as substitute for Councillor Y" is a substitution, "Councillor X attended for
minute 27/03 as the local member" another member.

A label starts a group; lines without a label continue it. A label broken over two lines
("Cabinet Member and" / "Deputy Cabinet Member:") is one label; when each of its two lines carries
exactly one name, each name gets the role its line names. A line that is not a name (the end of
an organisation broken over two lines) is joined to the entry before and reported.
"""

from __future__ import annotations

import re

from minutebook.importer.attendlabels import LABEL, PRESIDING, group_of, unwrap
from minutebook.importer.attendrows import PUBLIC, Status, columns, posts_held, status_columns, status_entry
from minutebook.importer.people import (
    OFFICER_ROLE,
    ROLE_SUFFIX,
    civic_title,
    parse_name,
    posts_then_names,
    printed,
    split_names,
)
from minutebook.importer.report import Report
from minutebook.importer.source import Line
from minutebook.importer.textutil import plain

OPEN_LABEL = re.compile(r"^(?P<label>[A-Z][A-Za-z -]{2,40}?)\s+and\b\s*(?P<rest>.*)$")
NO_COLON = re.compile(r"^(?P<label>in attendance|also present|also in attendance)\s+(?P<rest>\S.*)$", re.I)
DASH = re.compile(r"\s+[–—-]\s+")
COUNCILLORS = re.compile(r"^(?:Councillors?|Cllrs?\.?)\s", re.I)
SUBSTITUTE = re.compile(
    r"^(?P<who>.+?)\s+\(?(?:substitut(?:e|ing)\s+)?for\s+(?P<for>(?:Councillor|Cllr)\.?\s+.+?)\)?$", re.I
)
# "Councillor B. Sumner attended as substitute for …", "Councillor F. Ainsworth attended for minute 27/03 as
# the local member": a sentence about one person among the members
ATTENDED = re.compile(r"^(?P<who>(?:[^\s.,;]+\.?\s+){1,6}?[A-Z][\w'’-]+)\s+(?:also\s+)?attended\b(?P<rest>.*)$")
SUBSTITUTE_FOR = re.compile(r"^\s*(?:as\s+)?(?:a\s+|the\s+)?substitute\s+for\s+(?P<for>.+?)\.?$", re.I)
# "Mr N Forsyth – NHS Carse (substitute for Mr K Buchan)": a substitute named in the list of members
SUBSTITUTE_NOTE = re.compile(r"\s*\((?:as\s+)?(?:a\s+)?substitut(?:e|ing)\s+for\s+(?P<for>[^()]+)\)\s*", re.I)
# "County Cllr V Ormerod", "District Councillor P Lane": a councillor of another council
OTHER_COUNCIL = re.compile(
    r"\b(?:County|District|Borough|City|Parish|Town|Unitary)\s+(?=(?:Councillors?|Cllrs?)\b)", re.I
)
ORGANISATION = re.compile(
    r"\b(?:council|nhs|trust|partnership|ltd|limited|plc|association|society|university|college|police|"
    r"service|board|authority|forum|centre|charity|group|network|alliance|federation|union)\b",
    re.I,
)
# the header row of an attendance table: its first column names who is listed ("Name", "Member", "Officer",
# "Councillor") and every other cell is a column's heading, a few words without figures ("Role", "Job title",
# "Appointed by", "Representing")
TABLE_HEAD = re.compile(
    r"^(?:councillors?|(?:(?:board|committee|panel|(?:non-?\s?)?voting)\s+)?members?|names?|officers?)"
    r"(?:\t+[A-Za-z][A-Za-z ./&()'’-]{0,40})+\s*$",
    re.I,
)
# a column that gives a post: its cells are roles; any other heading ("Appointed by", "Representing",
# "Organisation") gives the body each member is there for
ROLE_COLUMN = re.compile(
    r"^(?:roles?|positions?|status|notes?|(?:job\s+)?titles?|posts?|designation|attendance|service|department|"
    r"directorate)$",
    re.I,
)
# the attendance's group told in a sentence: "Apologies for absence were received from Cllr F Tennant and
# Mr G Varga.", "Apologies had been submitted by …"
GROUP_SENTENCE = re.compile(
    r"^(?P<label>apologies(?:\s+for\s+absence)?)\s+(?:were|was|had\s+been|have\s+been)\s+"
    r"(?:received|submitted|given|tendered|noted|made|sent)\s+(?:from|by|on\s+behalf\s+of)\s+(?P<rest>.+?)\.?$",
    re.I,
)
ABSENT = re.compile(r"^(?:apologies|absent|apology)$", re.I)


def _singular(label: str) -> str:
    return re.sub(r"\bMembers\b", "Member", " ".join(label.split()))


class AttendanceReader:
    def __init__(self, source_name: str, report: Report, people):
        self.source = source_name
        self.report = report
        self.people = people
        self.groups: dict[str, list[dict]] = {}
        self.group: str | None = None
        self.directorate = ""
        self.split_label: list[tuple[str, list[dict]]] | None = None
        self.table_bodies = False  # the attendance table's second column names a body, not a post
        self.role_at: int | None = None  # a column of posts after the body's ("Name | Organisation | Role")
        self.status: Status = (None, {})  # the columns saying whether each member came, if the table has any

    def read(self, lines: list[Line]) -> dict[str, list[dict]]:
        filled = unwrap([line for line in lines if line.text.strip()])
        i = 0
        while i < len(filled):
            line = filled[i]
            text = plain(line.text)
            if re.match(r"^(?:present|sederunt)\s*:?\s*$", text, re.I):
                self.group = "present"
                i += 1
                continue
            if PRESIDING.match(text.strip()):
                i += 1  # "Provost Margaret Dunsmore, Presiding.": the chair, already among those present
                continue
            alone = group_of(text.rstrip(" :"))
            if alone and alone != "chair" and len(text) <= 40:
                # a label on a line of its own ("Voting Members", "In Attendance", "Apologies"): the lines
                # below it are its entries
                self._start(alone)
                i += 1
                continue
            if "\t" in line.text:
                cells = [plain(c) for c in line.text.split("\t") if c.strip()]
                if self.status == (None, {}) and len(cells) > 1 and all(COUNCILLORS.match(c) for c in cells):
                    self._entries(", ".join(cells), line)  # a list printed in columns, a name in each
                else:
                    self._table_row(line)
                i += 1
                continue
            open_label = OPEN_LABEL.match(text)
            nxt = plain(filled[i + 1].text) if i + 1 < len(filled) else ""
            next_label = LABEL.match(nxt)
            if (
                open_label
                and ":" not in text
                and next_label
                and (opened := group_of(open_label.group("label")))
                and group_of(f"{open_label.group('label')} and {next_label.group('label')}")
            ):
                self._start(opened)
                first = self._entries(open_label.group("rest"), line)
                second = self._entries(next_label.group("rest"), filled[i + 1])
                self.split_label = [(open_label.group("label"), first), (next_label.group("label"), second)]
                i += 2
                continue
            label = LABEL.match(text) or NO_COLON.match(text) or GROUP_SENTENCE.match(text)
            if PUBLIC.match(text):  # "Members of the public: 3" counts people, under whichever label came before
                self._entries(text, line)
            elif label and (group := group_of(label.group("label"))) == "chair":
                self._start("present")
                for entry in self._entries(label.group("rest"), line):
                    entry.setdefault("role", "Chair")
            elif label and group:
                self._start(group)
                self._entries(label.group("rest"), line)
            elif (
                label
                and self.group in ("present", "apologies", "substitutions")
                and ORGANISATION.search(label.group("label"))
                and split_names(label.group("rest"), allow_bare=True)[0]
            ):
                # "Fenwold District Council: Councillors M. Ashby-Cole and R. Dinsdale": the members a body sent
                for entry in self._entries(label.group("rest"), line):
                    entry.setdefault("organisation", label.group("label"))
            elif label and self.group == "officers":
                self.directorate = label.group("label")
                self._entries(label.group("rest"), line, names_only=True)
            else:
                if self.group is None:
                    self.report.warn(
                        self.source,
                        line.no,
                        f"'{text[:60]}' in the attendance has no group; listed under present",
                        "check the attendance",
                    )
                    self.group = "present"
                self._entries(text, line)
            i += 1
        self._finish_split_label()
        return {g: v for g, v in self.groups.items() if v}

    def _table_row(self, line: Line) -> None:
        """'E Prosser<TAB>Chair': a row of an attendance table (the header row is left out). Under a header
        whose second column is not a post ('Name | Appointed by') that column is the body the member is there
        for; a role in brackets after the name ('Cllr A Pryce (Chair)') is the member's role."""
        if TABLE_HEAD.match(line.text.strip()):
            every = [c.strip() for c in line.text.split("\t")]  # empty cells kept: a column's index as printed
            heads = [c for c in every if c]
            self.table_bodies = len(heads) > 1 and not ROLE_COLUMN.match(heads[1])
            self.role_at = next((k for k, h in enumerate(every) if k > 1 and ROLE_COLUMN.match(h)), None)
            self.status = status_columns(every)
            self._start(self.group or "present")
            return
        cells = [plain(c).strip() for c in line.text.split("\t") if c.strip()]
        if (status := status_entry(line.text, self.status, self.table_bodies)) is not None:
            if status[1] is not None:  # a member absent (or a minutes table's heading row) is in no group
                self._add_in(status[0] or "present", status[1], line, status[2])
            return
        bracketed = ROLE_SUFFIX.match(cells[0]) if cells else None
        name_cell, own_role = (
            (bracketed.group("name"), bracketed.group("role").strip()) if bracketed else (cells[0] if cells else "", "")
        )
        if not cells or not parse_name(name_cell, allow_bare=True):
            self.report.warn(
                self.source,
                line.no,
                f"'{' '.join(cells)[:60]}' in the attendance table is not a name; left out",
                "add it to minutes.md by hand",
            )
            return
        role = cells[1] if len(cells) > 1 else ""
        body = ""
        if self.table_bodies and self.role_at is not None:  # the body in the second column, the post in its own
            raw = [plain(c).strip() for c in line.text.split("\t")]
            body, role = raw[1], raw[self.role_at] if len(raw) > self.role_at else ""
        # "Name<TAB>Substitute for Rachel Ingham, <post>" (whatever the column holds) is a substitution; a post
        # under "In attendance" in a 'Role' column ("Consultant in Public Health", the employer after a comma) an officer
        instead = re.match(r"^(?:as\s+)?(?:a\s+)?substitut(?:e|ing)\s+for\s+(?P<who>[^,;()]+)", role, re.I)
        moved: tuple[str, dict] | None = None
        if instead and parse_name(instead.group("who").strip(), allow_bare=True):
            moved = "substitutions", {"name": printed(name_cell), "for": printed(instead.group("who").strip())}
        elif (
            role
            and (not self.table_bodies or self.role_at is not None)
            and self.group == "invited"
            and not COUNCILLORS.match(name_cell)
        ):
            moved = (
                ("officers", {"name": printed(name_cell), "role": role})
                if OFFICER_ROLE.search(role.split(",")[0])
                else None
            )
        if moved is not None:
            self._add_in(moved[0], moved[1], line, name_cell)
            return
        if role and self.table_bodies and self.role_at is None:
            body, role = role, ""
        group = self.group or "present"
        if ABSENT.match(role):
            group, role = "apologies", ""
        elif re.match(r"^substitute\b", role, re.I):
            group, role = "substitutions", ""
        elif re.fullmatch(r"(?:member|present|councillor|yes|attended|✓)", role, re.I):
            role = ""
        entry = {"name": printed(name_cell)}
        if own_role or role:
            entry["role"] = ", ".join(r for r in (own_role, role) if r)
        if body:
            entry["organisation"] = body
        self._add_in(group, entry, line, name_cell)

    def _add_in(self, group: str, entry: dict, line: Line, raw: str) -> dict:
        """Add ``entry`` to ``group``, the reader's group unchanged for the rows after it."""
        saved, self.group = self.group, group
        added = self._add(entry, line, raw)
        self.group = saved or "present"
        return added

    def _start(self, group: str) -> None:
        self._finish_split_label()
        self.group = group
        self.directorate = ""
        self.groups.setdefault(group, [])

    def _finish_split_label(self) -> None:
        """'Cabinet Member and K Maton' / 'Deputy Cabinet Member: P Seaman': a role for each when clear."""
        if self.split_label is None:
            return
        (label1, first), (label2, second) = self.split_label
        entries = self.groups.get(self.group or "", [])
        if len(first) == 1 and len(second) == 1 and entries and entries[-1] is second[0]:
            for label, entry in ((label1, first[0]), (label2, second[0])):
                entry.setdefault("role", _singular(label))
        self.split_label = None

    def _add(self, entry: dict, line: Line, printed_as: str = "") -> dict:
        assert self.group is not None, "every caller chooses the group first"
        self.groups.setdefault(self.group, []).append(entry)
        self.people.add(printed_as or entry["name"], self.source, line.no, relevant=True)
        return entry

    def _entries(self, text: str, line: Line, names_only: bool = False) -> list[dict]:
        if (held := posts_held(text, self.group)) is not None:  # "Name, Post; Name, Post; and Name, Post"
            return [self._add_in(group, {"name": printed(n), "role": post}, line, n) for group, n, post in held]
        text = re.sub(r"\s*;\s*", ", ", text.strip()).strip(" ,.")  # "Councillor A Smith (Chair); Councillor B Jones"
        text = columns(text)
        if not text:
            return []
        public = PUBLIC.search(text)
        if public:
            self.report.warn(
                self.source,
                line.no,
                f"'{public.group('what')}' in the attendance names no one; not listed",
                "add them to the minute's text if the record should say so",
            )
            text = text[: public.start()].strip(" ,")
            if not text:
                return []
        text = OTHER_COUNCIL.sub("", text)
        text = civic_title(text)
        if (attended := self._attended(text, line)) is not None:
            return attended
        if (dashed := self._dashed(text, line)) is not None:
            return dashed
        if self.group == "officers" and not names_only:
            name, _, rest = text.partition(",")
            post_after = DASH.split(text, maxsplit=1)
            if len(post_after) == 2 and not parse_name(name) and parse_name(post_after[0]):
                name, rest = post_after  # "Colin Pettigrew – Licensing Manager"
            if parse_name(name):
                entry = {"name": printed(name)}
                directorate = rest.strip() or self.directorate
                if directorate:
                    entry["directorate"] = directorate
                return [self._add(entry, line)]
        if self.group in ("invited", "officers", "other_members") and COUNCILLORS.match(text) and not names_only:
            saved, self.group = self.group, "other_members"
            names, problems = split_names(text, allow_bare=True)
            added = [self._add({"name": n, **({"role": r} if r else {})}, line, raw) for n, r, raw in names]
            for problem in problems:
                self.report.warn(
                    self.source,
                    line.no,
                    f"could not read '{problem}' in the attendance as a name; left out",
                    "add it to minutes.md by hand",
                )
            self.group = saved
            return added
        if self.group == "invited":
            # "Ms F Okafor, Internal Audit Manager (Wessex Audit Partnership)": a post with another body, invited
            name, _, rest = text.partition(",")
            post, _, body = rest.strip().removesuffix(")").rpartition(" (") if rest.endswith(")") else ("", "", "")
            if parse_name(name) and ORGANISATION.search(body) and OFFICER_ROLE.search(post):
                return [self._add({"name": printed(name), "role": post.strip(" ,"), "organisation": body}, line, name)]
            if parse_name(name) and rest.strip() and OFFICER_ROLE.search(rest) and not DASH.search(text):
                saved, self.group = self.group, "officers"
                added, self.group = [self._add({"name": printed(name), "role": rest.strip()}, line, name)], saved
                return added
            if (several := self._classified(text, line)) is not None:
                return several
            pieces = DASH.split(text, maxsplit=1)
            if parse_name(pieces[0]):
                entry = {"name": printed(pieces[0])}
                after = pieces[1].strip() if len(pieces) > 1 else ""
                if after and OFFICER_ROLE.search(after) and not ORGANISATION.search(after):
                    # "Mrs F Lamont – Committee Officer": a post, not an organisation — an officer
                    saved, self.group = self.group, "officers"
                    added = [self._add({**entry, "role": after}, line, pieces[0])]
                    self.group = saved
                    return added
                if after:
                    entry["organisation"] = after
                return [self._add(entry, line)]
            return self._continuation(text, line)
        if self.group == "substitutions":
            substitute = SUBSTITUTE.match(text)
            if substitute and parse_name(substitute.group("who")):
                return [
                    self._add(
                        {"name": printed(substitute.group("who")), "for": printed(substitute.group("for"))},
                        line,
                        substitute.group("who"),
                    )
                ]
        if self.group == "officers" and (posts := posts_then_names(text)):
            return [self._add({"name": printed(name), "role": role}, line, name) for role, name in posts]
        if self.group == "officers" and "(" in text:
            names, problems = split_names(text, allow_bare=True)
            if names and not problems:
                return [self._add({"name": n, **({"role": r} if r else {})}, line, raw) for n, r, raw in names]
        names, problems = split_names(text, allow_bare=self.group in ("apologies", "present", "substitutions"))
        added = []
        for name, role, raw in names:
            entry = {"name": name}
            if self.group == "officers" and self.directorate:
                entry["directorate"] = self.directorate
            substitute = (
                re.match(
                    r"^(?:(?:as\s+)?(?:a\s+)?substitut(?:e|ing)\s+)?for\s+(?:councillor\s+|cllr\.?\s+)?(?P<who>.+)$",
                    role,
                    re.I,
                )
                # "(Lowmoor District Council, substitute for Cllr Brennan)": the council, then the substitution
                or re.search(
                    r",\s*(?:as\s+)?(?:a\s+)?substitut(?:e|ing)\s+for\s+(?:councillor\s+|cllr\.?\s+)?(?P<who>.+)$",
                    role,
                    re.I,
                )
                if role
                else None
            )
            if substitute and (self.group == "substitutions" or re.search(r"\bsubstitut", role, re.I)):
                # "Hollins (substitute for Councillor Castellanos)" among the members present: a substitution
                entry["for"] = substitute.group("who")
                kept_group = self.group
                self.group = "substitutions"
                added.append(self._add(entry, line, raw))
                self.group = kept_group
                continue
            if role:
                entry["role"] = role
            added.append(self._add(entry, line, raw))
        if problems and not names:
            return self._continuation(text, line)
        for problem in problems:
            self.report.warn(
                self.source,
                line.no,
                f"could not read '{problem}' in the attendance as a name; left out",
                "add it to minutes.md by hand",
            )
        return added

    def _attended(self, text: str, line: Line) -> list[dict] | None:
        """A sentence among the members: "Councillor B. Sumner attended as substitute for Councillor R. G.
        Fanshawe" (a substitution), "Councillor F. Ainsworth attended for minute 27/03 as the local member"
        (a councillor who is not a member: other members)."""
        sentence = ATTENDED.match(text)
        if sentence is None or not parse_name(sentence.group("who")):
            return None
        who = sentence.group("who")
        saved = self.group
        if substitute := SUBSTITUTE_FOR.match(sentence.group("rest")):
            self.group = "substitutions"
            entry = {"name": printed(who), "for": printed(OTHER_COUNCIL.sub("", substitute.group("for")))}
        else:
            self.group = "other_members" if COUNCILLORS.match(who) else "invited"
            entry = {"name": printed(who)}
            if role := sentence.group("rest").strip(" ."):
                entry["role"] = role
        added = [self._add(entry, line, who)]
        self.group = saved
        return added

    def _dashed(self, text: str, line: Line) -> list[dict] | None:
        """'Councillor E Garvie (Chair) – Wester Carse Council', one member a line with what they represent
        or their post after a dash; '(substitute for Mr K Buchan)' makes the entry a substitution. None when
        the text is not of that shape (or the group reads dashes itself)."""
        if self.group not in ("present", "apologies", "substitutions", "co_opted", "other_members"):
            return None
        note = SUBSTITUTE_NOTE.search(text)
        instead = note.group("for").strip() if note else ""
        if note:
            text = (text[: note.start()] + " " + text[note.end() :]).strip()
        pieces = DASH.split(text, maxsplit=1)
        if len(pieces) < 2 and not instead:
            return None
        names, problems = split_names(pieces[0], allow_bare=True)
        if len(names) != 1 or problems:
            return None
        name, role, raw = names[0]
        entry: dict = {"name": name}
        if role:
            entry["role"] = role
        if len(pieces) > 1 and pieces[1].strip():
            after = pieces[1].strip()
            if ORGANISATION.search(after):
                entry["organisation"] = after
            else:
                entry["role"] = f"{role}, {after}" if role else after
        saved = self.group
        if instead and parse_name(instead):
            entry["for"] = printed(instead)
            self.group = "substitutions"
        added = [self._add(entry, line, raw)]
        self.group = saved
        return added

    def _classified(self, text: str, line: Line) -> list[dict] | None:
        """'Mrs J Pettifer (Town Clerk), Mr A Quayle (Deputy Clerk) and Cllr V Ormerod': those in attendance
        listed together, each to its group — councillors to other members, a name with an officer's post to
        officers, anyone else invited. None unless every piece is a name."""
        names, problems = split_names(text, allow_bare=False)
        if problems or not names:
            return None
        added = []
        saved = self.group
        for name, role, raw in names:
            if COUNCILLORS.match(raw):
                self.group = "other_members"
            elif role and OFFICER_ROLE.search(role) and not ORGANISATION.search(role):
                self.group = "officers"
            else:
                self.group = "invited"
            added.append(self._add({"name": name, **({"role": role} if role else {})}, line, raw))
        self.group = saved
        return added

    def _continuation(self, text: str, line: Line) -> list[dict]:
        entries = self.groups.get(self.group or "", [])
        if not entries:
            self.report.warn(
                self.source,
                line.no,
                f"could not read '{text}' in the attendance as a name; left out",
                "add it to minutes.md by hand",
            )
            return []
        last = entries[-1]
        key = "organisation" if "organisation" in last else "directorate" if "directorate" in last else "role"
        last[key] = f"{last.get(key, '')} {text}".strip()
        self.report.warn(
            self.source,
            line.no,
            f"joined '{text}' to the attendance entry of {last['name']} (a line broken in the pack)",
            "check the entry",
        )
        return []
