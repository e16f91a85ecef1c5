"""Joining the names printed in papers to people.

Papers print one person many ways ("Kellie Jones", "Mrs K Jones", "K Jones", "Jones"). Names are
compared without honorifics, case or punctuation against each person's name and variants; a
surname alone matches the one person with that surname. Unknown names become people of their own,
keyed by the name, so attendance still joins up across meetings.
"""

from __future__ import annotations

import re
import unicodedata

from minutebook.model.archive import Person

HONORIFICS = (
    "councillors",
    "councillor",
    "cllrs",
    "cllr",
    "mrs",
    "mr",
    "ms",
    "miss",
    "mx",
    "dr",
    "professor",
    "prof",
    "sir",
    "dame",
    "lord",
    "lady",
    "rev",
    "revd",
    "reverend",
    # Scottish civic titles, printed before a councillor's name: the (Lord) Provost chairs the council,
    # a Bailie is one of its magistrates ("Bailie K Brown" is the councillor K Brown)
    "depute provost",
    "provost",
    "bailies",
    "bailie",
    # aldermen sit on Northern Ireland's councils (and the City of London's)
    "aldermen",
    "alderman",
    "alderwoman",
)
_HONORIFIC = re.compile(r"^(?:(?:{})\.?\s+)+".format("|".join(HONORIFICS)), re.I)
_ROLE = re.compile(r"^(?P<name>.*?)\s*\((?P<role>[^()]*)\)\s*$")


def split_role(text: str) -> tuple[str, str | None]:
    """'M Mutton (Chair)' -> ('M Mutton', 'Chair')."""
    match = _ROLE.match(text.strip())
    if match and match.group("name"):
        return match.group("name").strip(), match.group("role").strip() or None
    return text.strip(), None


def without_honorific(text: str) -> str:
    return _HONORIFIC.sub("", text.strip()).strip()


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", without_honorific(text)).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9 ]+", " ", text.lower().replace("'", "").replace("’", ""))
    return " ".join(text.split())


def slugify(text: str, max_length: int = 80) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = text.replace("'", "").replace("&", " and ")
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug or "item"


class UnclearName(Exception):
    def __init__(self, message: str, fix: str):
        super().__init__(message)
        self.message = message
        self.fix = fix


class PeopleIndex:
    """Looks up people by any printed form of their name."""

    def __init__(self, people: dict[str, Person]):
        self.people = people
        self.by_name: dict[str, str] = {}
        self.by_surname: dict[str, set[str]] = {}
        for person in people.values():
            self._register(person)

    def _register(self, person: Person) -> None:
        for variant in [person.name, person.full_name, *person.names]:
            key = normalise(variant or "")
            if not key:
                continue
            self.by_name.setdefault(key, person.key)
            if " " in key:
                self.by_surname.setdefault(key.split()[-1], set()).add(person.key)

    def resolve(self, printed: str) -> str:
        """Return the key of the person this printed name means, making one if needed."""
        key = normalise(printed)
        if not key:
            raise UnclearName(f"'{printed}' is not a name", "write the person's name")
        if key in self.by_name:
            return self.by_name[key]
        if " " not in key:
            matches = self.by_surname.get(key, set())
            if len(matches) == 1:
                return next(iter(matches))
            if len(matches) > 1:
                options = " or ".join(sorted(self.people[k].name for k in matches))
                raise UnclearName(f"'{printed}' could be {options}", "write the initial as well as the surname")
        person_key = slugify(without_honorific(printed))
        base, n = person_key, 2
        while person_key in self.people:
            person_key = f"{base}-{n}"
            n += 1
        person = Person(key=person_key, name=without_honorific(printed), registered=False)
        self.people[person_key] = person
        self._register(person)
        return person_key
