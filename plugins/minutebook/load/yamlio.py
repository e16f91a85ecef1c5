"""Reading YAML and front matter with line numbers, without PyYAML's surprises.

PyYAML follows YAML 1.1: ``18:30`` loads as the integer 1110, ``NO`` as ``False`` and
``2017-02-30`` raises deep inside the constructor. Our resolver only recognises ``true``/``false``,
``null``/``~``, plain decimal integers and floats; everything else (times, dates, yes/no) stays a
string exactly as written, and the schema decides what it means. Sexagesimal numbers are
detected so that the schema can tell the officer to quote the time.

Values come back as :class:`YMap`, :class:`YList` and plain scalars. A ``YMap`` knows the line
of each of its keys, a ``YList`` the line of each entry, so every problem names its line.
"""

from __future__ import annotations

import re

import yaml

try:  # the C parser is several times faster; archives have thousands of files
    _BaseLoader = yaml.CBaseLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BaseLoader = yaml.BaseLoader  # type: ignore[misc,assignment]


class Loader(_BaseLoader):
    """A loader that resolves no implicit types: every plain scalar stays text, and
    :func:`_plain_scalar` gives it a type by our own YAML 1.2-like rules."""

    def resolve(self, kind, value, implicit):
        """The untyped tag of the node's kind, as BaseResolver (which has no resolvers) finds it, without
        its search: the parser asks for every node of every file."""
        return _TAGS[kind]


_TAGS = {
    yaml.ScalarNode: Loader.DEFAULT_SCALAR_TAG,
    yaml.SequenceNode: Loader.DEFAULT_SEQUENCE_TAG,
    yaml.MappingNode: Loader.DEFAULT_MAPPING_TAG,
}
BOOLEANS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
NULLS = {"~", "null", "Null", "NULL", ""}
INT = re.compile(r"^[-+]?[0-9]+$")
FLOAT = re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")
MAX_DIGITS = 100


def _plain_scalar(value: str):
    if value in BOOLEANS:
        return BOOLEANS[value]
    if value in NULLS:
        return None
    if INT.match(value) and len(value) <= MAX_DIGITS:
        return int(value)
    if FLOAT.match(value) and len(value) <= MAX_DIGITS:
        number = float(value)
        return number if number not in (float("inf"), float("-inf")) else Unquoted(value)
    return Unquoted(value)


# What YAML 1.1 would have turned into a number: 18:30 (sexagesimal).
SEXAGESIMAL = re.compile(r"^[0-9]+(?::[0-5]?[0-9])+(?:\.[0-9]*)?$")


class Unquoted(str):
    """A plain (unquoted) scalar; the schema uses this to ask for quotes where YAML 1.1 differs."""


class YMap(dict):
    line: int = 0
    key_lines: dict

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class YList(list):
    line: int = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        if 0 <= index < len(self.item_lines):
            return self.item_lines[index]
        return self.line


class YAMLProblem(Exception):
    def __init__(self, message: str, line: int | None):
        super().__init__(message)
        self.message = message
        self.line = line


MAX_DEPTH = 50
MAX_NODES = 200_000  # aliases can multiply a small file into a huge one ("billion laughs")


def _convert(node, loader: Loader, offset: int, depth: int = 0, budget: list | None = None):
    budget = budget if budget is not None else [MAX_NODES]
    budget[0] -= 1
    if budget[0] < 0:
        raise YAMLProblem(
            "the YAML expands to too many values (check anchors and aliases)", node.start_mark.line + 1 + offset
        )
    if depth > MAX_DEPTH:
        raise YAMLProblem("the YAML is nested too deeply", node.start_mark.line + 1 + offset)
    line = node.start_mark.line + 1 + offset
    if isinstance(node, yaml.MappingNode):
        result = YMap()
        result.line = line
        result.key_lines = {}
        if any(
            k.tag == "tag:yaml.org,2002:merge" or k.value == "<<"
            for k, _ in node.value
            if isinstance(k, yaml.ScalarNode) and not k.style
        ):
            raise YAMLProblem("merge keys (<<) are not part of the format", line)
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YAMLProblem("a key must be plain text", key_node.start_mark.line + 1 + offset)
            key = key_node.value
            if key in result:
                raise YAMLProblem(f"'{key}' is given twice", key_node.start_mark.line + 1 + offset)
            result[key] = _convert(value_node, loader, offset, depth + 1, budget)
            result.key_lines[key] = key_node.start_mark.line + 1 + offset
        return result
    if isinstance(node, yaml.SequenceNode):
        items = YList()
        items.line = line
        items.item_lines = []
        for item in node.value:
            items.append(_convert(item, loader, offset, depth + 1, budget))
            items.item_lines.append(item.start_mark.line + 1 + offset)
        return items
    tag = node.tag
    if tag == "tag:yaml.org,2002:str":
        return _plain_scalar(node.value) if not node.style else node.value
    if tag == "!" or tag is None:  # a non-specific tag: quoted text
        return node.value
    # Explicit tags (!!binary, !!python/..., !!int) are not part of the format.
    raise YAMLProblem(f"the tag {tag} is not allowed here", line)


def load(text: str, line_offset: int = 0):
    """Parse one YAML document; raise YAMLProblem with a line number on any failure."""
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        return _convert(node, loader, line_offset)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else None
        what = exc.problem or exc.context or "not valid YAML"
        raise YAMLProblem(f"the YAML cannot be read: {what}", line) from None
    except yaml.YAMLError as exc:
        raise YAMLProblem(f"the YAML cannot be read: {exc}", None) from None
    except RecursionError:
        raise YAMLProblem("the YAML is nested too deeply", None) from None
    finally:
        loader.dispose()


FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:^|\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)


def split_front_matter(text: str):
    """Return (front matter text or None, body, line number where the body starts)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text, 1
    yaml_text = match.group(1)
    body = text[match.end() :]
    body_line = text.count("\n", 0, match.end()) + 1
    return yaml_text, body, body_line


FIELD_LINE = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*:(?:\s|$)")


def front_matter_problem(text: str, fields=()) -> tuple[int, str, str] | None:
    """Why ``text`` has no front matter that :func:`split_front_matter` can read, when it looks as if
    it meant to: (line, message, fix), or None. A block that is not read would otherwise become body
    text, and its ``draft: true`` would be published as notes."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if FRONT_MATTER.match(text):
        return None
    for index, line in enumerate(text.splitlines()):
        if not line.strip():
            continue
        number = index + 1
        if line.strip() == "---":
            if index or line != line.lstrip():
                where = "a space before it" if index == 0 else f"{index} blank line{'s' if index > 1 else ''} before it"
                return (
                    number,
                    f"the front matter's opening '---' has {where}, so the fields would be read as text",
                    "start the file with '---' on its very first line, with nothing before it",
                )
            return (
                number,
                "the front matter opened on line 1 is never closed, so the fields would be read as text",
                "add a line '---' after the last field",
            )
        field = FIELD_LINE.match(line)
        if field and field.group(1) in fields:
            return (
                number,
                f"the file starts with the field '{field.group(1)}' but has no '---' line before it, "
                "so the fields would be read as text",
                "put a line '---' before the fields and another after them",
            )
        return None
    return None
