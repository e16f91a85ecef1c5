"""Declarative definitions of every front-matter field, used both to validate and to describe.

Each field checks a value read by :mod:`yamlio` and returns the typed value (a ``date``, a time
string, a list…) or :data:`INVALID` after recording a problem with its line. The same
definitions produce the JSON Schema published for editors (:func:`json_schema`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field as dc_field
from pathlib import Path
from typing import Any

from minutebook.load.yamlio import SEXAGESIMAL, Unquoted, YList, YMap
from minutebook.problems import Problems

INVALID = object()


@dataclass
class Where:
    problems: Problems
    path: Path | str
    line: int | None

    def at(self, line: int | None) -> Where:
        return Where(self.problems, self.path, line or self.line)

    def error(self, message: str, fix: str = "") -> object:
        self.problems.error(self.path, self.line, message, fix)
        return INVALID


class Record(dict):
    """A validated mapping that still knows the line of each key."""

    line: int | None = None
    key_lines: dict

    def line_of(self, key) -> int | None:
        return self.key_lines.get(key, self.line)


@dataclass
class Field:
    description: str = ""
    required: bool = False

    def check(self, value, where: Where, name: str):
        raise NotImplementedError

    def schema(self) -> dict:
        raise NotImplementedError

    def _describe(self, schema: dict) -> dict:
        if self.description:
            schema["description"] = self.description
        return schema


def _type_name(value) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    return "text"


@dataclass
class Text(Field):
    numbers: bool = False  # accept 4 for "4" (agenda numbers, page ranges)
    max_length: int = 100_000
    pattern: str | None = None
    pattern_help: str = ""

    def check(self, value, where, name):
        if self.numbers and isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            return where.error(
                f"'{name}' must be text, not {_type_name(value)}",
                "write the text after the colon (quote it if it starts with a special character)",
            )
        value = str(value).strip()
        if not value:
            return where.error(f"'{name}' is empty", "write a value or remove the line")
        if len(value) > self.max_length:
            return where.error(
                f"'{name}' is too long ({len(value)} characters)", f"keep it under {self.max_length} characters"
            )
        if self.pattern and not re.fullmatch(self.pattern, value):
            return where.error(f"'{name}' is '{value}', which is not {self.pattern_help}", f"write {self.pattern_help}")
        return value

    def schema(self):
        s: dict = {"type": ["string", "number"] if self.numbers else "string", "minLength": 1}
        if self.numbers:
            s = {"anyOf": [{"type": "string", "minLength": 1}, {"type": "number"}]}
        if self.pattern:
            s["pattern"] = f"^(?:{self.pattern})$"
        return self._describe(s)


SLUG_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"


def Slug(description="", required=False) -> Text:
    return Text(
        description=description,
        required=required,
        pattern=SLUG_PATTERN,
        pattern_help="lower-case letters, digits and single hyphens (like 'work-programme')",
    )


@dataclass
class Bool(Field):
    def check(self, value, where, name):
        if isinstance(value, bool):
            return value
        return where.error(f"'{name}' must be true or false, not '{value}'", "write true or false")

    def schema(self):
        return self._describe({"type": "boolean"})


@dataclass
class BoolOr(Field):
    """true, false or one of a few words (``approved: not recorded``)."""

    words: tuple = ()

    def check(self, value, where, name):
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and " ".join(value.split()).lower() in self.words:
            return " ".join(value.split()).lower()
        options = ", ".join(("true", "false", *self.words))
        return where.error(f"'{name}' must be one of: {options}; not '{value}'", f"write one of: {options}")

    def schema(self):
        return self._describe({"anyOf": [{"type": "boolean"}, {"type": "string", "enum": list(self.words)}]})


@dataclass
class Integer(Field):
    minimum: int | None = None
    maximum: int | None = None

    def check(self, value, where, name):
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            return where.error(f"'{name}' must be a whole number, not '{value}'", "write a number like 3")
        if (self.minimum is not None and value < self.minimum) or (self.maximum is not None and value > self.maximum):
            return where.error(
                f"'{name}' is {value}, outside {self.minimum}–{self.maximum}",
                f"write a number from {self.minimum} to {self.maximum}",
            )
        return value

    def schema(self):
        s: dict = {"type": "integer"}
        if self.minimum is not None:
            s["minimum"] = self.minimum
        if self.maximum is not None:
            s["maximum"] = self.maximum
        return self._describe(s)


@dataclass
class ExemptParagraph(Field):
    """The paragraph of exempt information: a number, or "not stated" where the papers give none.

    The range is checked against the council's nation by the loader (meetings/council.yml)."""

    maximum: int = 18

    def check(self, value, where, name):
        if isinstance(value, str) and " ".join(value.lower().split()) == "not stated":
            return "not stated"
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= self.maximum:
            return where.error(
                f"'{name}' is '{value}', which is not a paragraph number",
                "write the paragraph number the papers give (England 1-7, Wales 12-18, Scotland "
                "1-15, Northern Ireland 1-7), or 'not stated' when they give none",
            )
        return value

    def schema(self):
        return self._describe(
            {
                "anyOf": [
                    {"type": "integer", "minimum": 1, "maximum": self.maximum},
                    {"type": "string", "enum": ["not stated"]},
                ]
            }
        )


DATE_PATTERN = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_iso_date(text: str) -> dt.date | None:
    match = DATE_PATTERN.match(text.strip())
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


@dataclass
class Date(Field):
    def check(self, value, where, name):
        if isinstance(value, str):
            parsed = parse_iso_date(value)
            if parsed:
                return parsed
            if DATE_PATTERN.match(value.strip()):
                return where.error(f"'{name}' is {value}, which is not a real date", "check the day and month")
        return where.error(f"'{name}' must be a date written YYYY-MM-DD, not '{value}'", "write it like 2017-04-27")

    def schema(self):
        return self._describe({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"})


DATETIME_PATTERN = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T]([01]?\d|2[0-3]):([0-5]\d))?$")


def parse_datetime(text: str) -> dt.datetime | None:
    """'2017-04-19' or '2017-04-19 09:00' (UK local time) as a datetime; None if not a real one."""
    match = DATETIME_PATTERN.match(text.strip())
    day = parse_iso_date(match.group(1)) if match else None
    if day is None or match is None:
        return None
    return dt.datetime(day.year, day.month, day.day, int(match.group(2) or 0), int(match.group(3) or 0))


@dataclass
class DateTime(Field):
    """A date, or a date and time, in UK local time: 2017-04-19 or "2017-04-19 09:00"."""

    def check(self, value, where, name):
        if isinstance(value, str):
            parsed = parse_datetime(value)
            if parsed is not None:
                return parsed
            if DATETIME_PATTERN.match(value.strip()):
                return where.error(f"'{name}' is {value}, which is not a real date", "check the day and month")
        return where.error(
            f"'{name}' must be a date (YYYY-MM-DD) or date and time (\"YYYY-MM-DD HH:MM\"), not '{value}'",
            'write it like 2017-04-19 or "2017-04-19 09:00"',
        )

    def schema(self):
        return self._describe({"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}([ T]\d{1,2}:\d{2})?$"})


TIME_PATTERN = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


@dataclass
class Time(Field):
    def check(self, value, where, name):
        if isinstance(value, Unquoted) and SEXAGESIMAL.match(value):
            return where.error(f"'{name}' is an unquoted time ({value})", f'put it in quotes: {name}: "{value}"')
        if isinstance(value, str):
            match = TIME_PATTERN.match(value.strip())
            if match:
                return f"{int(match.group(1)):02d}:{match.group(2)}"
        return where.error(
            f"'{name}' must be a time written \"HH:MM\" (24-hour clock), not '{value}'",
            'write it like "14:00", in quotes',
        )

    def schema(self):
        return self._describe({"type": "string", "pattern": r"^([01]?\d|2[0-3]):[0-5]\d$"})


@dataclass
class Choice(Field):
    choices: tuple = ()

    def check(self, value, where, name):
        if isinstance(value, str):
            for choice in self.choices:
                if value.strip().lower() == choice.lower():
                    return choice
        options = ", ".join(self.choices)
        return where.error(f"'{name}' is '{value}', which is not one of: {options}", f"write one of: {options}")

    def schema(self):
        return self._describe({"type": "string", "enum": list(self.choices)})


@dataclass
class Url(Field):
    def check(self, value, where, name):
        if isinstance(value, str) and re.match(r"^(https?://|mailto:)\S+$", value.strip()):
            return value.strip()
        return where.error(
            f"'{name}' must be a web address starting http:// or https://, not '{value}'", "write the full address"
        )

    def schema(self):
        return self._describe({"type": "string", "format": "uri", "pattern": "^(https?://|mailto:)"})


@dataclass
class ListOf(Field):
    item: Field = None  # type: ignore[assignment]  # every ListOf names its item
    max_items: int = 10_000

    def check(self, value, where, name):
        if not isinstance(value, list):
            return where.error(
                f"'{name}' must be a list, not {_type_name(value)}", "write one entry per line, each starting with '- '"
            )
        if len(value) > self.max_items:
            return where.error(f"'{name}' has {len(value)} entries", f"keep it under {self.max_items}")
        out = []
        for index, entry in enumerate(value):
            line = value.line_of(index) if isinstance(value, YList) else where.line
            checked = self.item.check(entry, where.at(line), f"{name} entry {index + 1}")
            if checked is not INVALID:
                if isinstance(checked, Record) and checked.line is None:
                    checked.line = line
                out.append(checked)
        return out

    def schema(self):
        return self._describe({"type": "array", "items": self.item.schema()})


@dataclass
class Mapping(Field):
    fields: dict = dc_field(default_factory=dict)
    # a plain string is accepted and parsed into a mapping (e.g. "M Mutton (Chair)")
    from_text: Callable[[str], Any] | None = None
    text_description: str = ""
    values: Field | None = None  # for free keys (e.g. membership per year): the field for each value
    key_pattern: str | None = None
    key_help: str = ""

    def check(self, value, where, name):
        record, ok = self.check_partial(value, where, name)
        return record if ok else INVALID

    def check_partial(self, value, where, name):
        """Validate, and return (the fields that are valid, whether everything was)."""
        if self.from_text is not None and isinstance(value, (str, int, float)) and not isinstance(value, bool):
            parsed = self.from_text(str(value).strip())
            if parsed is None:
                return where.error(f"'{name}' cannot be read: '{value}'", self.text_description), False
            value = parsed
        if not isinstance(value, dict):
            return where.error(
                f"'{name}' must be a mapping of fields, not {_type_name(value)}",
                "write 'field: value' lines indented under it",
            ), False
        out = Record()
        out.line = value.line if isinstance(value, YMap) else where.line
        out.key_lines = {}
        lines = value.key_lines if isinstance(value, YMap) else {}
        ok = True
        for key, raw in value.items():
            line = lines.get(key, out.line)
            out.key_lines[key] = line
            if self.values is not None:
                if self.key_pattern and not re.fullmatch(self.key_pattern, str(key)):
                    where.at(line).error(f"'{key}' is not {self.key_help}", f"write {self.key_help}")
                    ok = False
                    continue
                checked = self.values.check(raw, where.at(line), str(key))
            elif key not in self.fields:
                known = ", ".join(self.fields)
                near = _closest(key, self.fields)
                hint = f"did you mean '{near}'? " if near else ""
                where.at(line).error(f"unknown field '{key}' in {name}", f"{hint}the fields are: {known}")
                ok = False
                continue
            else:
                if raw is None and not self.fields[key].required:
                    continue  # an empty optional field is as good as absent
                checked = self.fields[key].check(raw, where.at(line), key)
            if checked is INVALID:
                ok = False
            else:
                out[key] = checked
        for key, spec in self.fields.items():
            if spec.required and key not in value:
                where.at(out.line).error(f"'{key}' is missing in {name}", f"add '{key}: …' ({spec.description})")
                ok = False
        return out, ok

    def schema(self):
        s: dict[str, Any]
        if self.values is not None:
            s = {"type": "object", "additionalProperties": self.values.schema()}
            if self.key_pattern:
                s["propertyNames"] = {"pattern": f"^(?:{self.key_pattern})$"}
            return self._describe(s)
        s = {
            "type": "object",
            "properties": {k: f.schema() for k, f in self.fields.items()},
            "additionalProperties": False,
        }
        required = [k for k, f in self.fields.items() if f.required]
        if required:
            s["required"] = required
        if self.from_text is not None:
            s = {"anyOf": [{"type": "string", "description": self.text_description}, s]}
        return self._describe(s)


def _closest(key: str, names) -> str | None:
    import difflib

    match = difflib.get_close_matches(str(key), list(names), n=1, cutoff=0.75)
    return match[0] if match else None


def json_schema(root: Mapping, title: str) -> dict:
    schema = root.schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return schema
