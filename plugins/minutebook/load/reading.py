"""Reading one meeting file: bytes to text, text to front matter and body, with clear problems."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from minutebook.load.filecache import FileCache
from minutebook.load.schema import INVALID, Record, Where
from minutebook.load.yamlio import YAMLProblem, front_matter_problem, split_front_matter
from minutebook.load.yamlio import load as load_yaml
from minutebook.problems import Problem, Problems
from minutebook.publish.brackets import MAX_MARKUP, crowded_block

MAX_FILE_BYTES = 5 * 1024 * 1024


def link_leaving(path: Path, root: Path, folders: dict[str, Path | None] | None = None) -> Path | None:
    """The symbolic link on the way from ``root`` to ``path`` that points outside ``root``, if any.

    A link to a file outside the archive (a token, another council's drafts) would be read and
    published as if it were a meeting file; links that stay inside the archive are fine. ``folders``
    remembers, for one reading of the archive, what each folder on the way gave (every file of a
    meeting folder passes through the same folders); the file itself is looked at every time."""
    root = root if isinstance(root, Path) else Path(root)
    inside, top = (path if isinstance(path, Path) else Path(path)).parts, root.parts
    if inside[: len(top)] != top:  # what Path.relative_to tells, without making two more paths a file
        return None
    parts = inside[len(top) :]
    current = str(root)
    for n, part in enumerate(parts):
        current = os.path.join(current, part)
        remembered = folders if n < len(parts) - 1 else None
        if remembered is not None and current in remembered:
            if remembered[current] is not None:
                return remembered[current]
            continue
        found = _leaving(current, root)
        if remembered is not None:
            remembered[current] = found
        if found is not None:
            return found
    return None


def _leaving(current: str, root: Path) -> Path | None:
    """``current`` if it is a symbolic link out of ``root``."""
    if not os.path.islink(current):  # os.path, not Path: every file of the archive passes here
        return None
    link = Path(current)
    try:
        target = link.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return link
    top = root.resolve()
    if target != top and top not in target.parents:
        return link
    return None


def read_bytes(path: Path, problems: Problems) -> bytes | None:
    """The file's bytes, after the checks that come before reading: no link out of the archive, readable,
    not too large."""
    if problems.root is not None:
        link = link_leaving(path, problems.root, problems.folders)
        if link is not None:
            message = f"is a symbolic link to {os.readlink(link)}, which is outside the meetings folder"
            fix = "copy the file into the archive instead of linking to it, or remove the link"
            if not any(p.path == problems.rel(link) and p.message == message for p in problems.found):
                problems.error(link, None, message, fix)
            return None
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.error(path, None, f"cannot be read ({exc.strerror})", "check the file's permissions")
        return None
    if len(data) > MAX_FILE_BYTES:
        problems.error(
            path,
            None,
            f"is {len(data) // 1024} KB, too large for a meeting file",
            "split it into papers of under 5 MB each",
        )
        return None
    return data


def read_text(path: Path, problems: Problems, data: bytes | None = None) -> str | None:
    """The file's text (``data``: its bytes, already read by :func:`read_bytes`), or None with a problem."""
    if data is None:
        data = read_bytes(path, problems)
        if data is None:
            return None
    if b"\x00" in data:
        problems.error(path, None, "is a binary file, not text", "save it as plain text (UTF-8)")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.error(path, line, "is not UTF-8 text", "save the file with UTF-8 encoding")
        return None
    crowded = crowded_block(text) if path.suffix == ".md" else None
    if crowded:
        problems.error(
            path,
            crowded[0],
            f"has a paragraph with more than {MAX_MARKUP:,} of the characters "
            "[ ] \\ * _ ` & (Markdown punctuation), too many to turn into a web page",
            "break it into paragraphs with blank lines, or remove the repeated punctuation",
        )
        return None
    return text


def read_yaml_file(path: Path, problems: Problems, spec, name: str, partial: bool = False):
    """A plain YAML file (people.yml, topics.yml, council.yml): the validated mapping, or None
    (problems recorded). ``partial``: keep the valid fields of a file with invalid ones."""
    if not path.exists():
        return None
    text = read_text(path, problems)
    if text is None:
        return None
    try:
        raw = load_yaml(text)
    except YAMLProblem as exc:
        problems.error(path, exc.line, exc.message, "check indentation, colons and quotes")
        return None
    value, where = raw if raw is not None else {}, Where(problems, path, 1)
    checked = spec.check_partial(value, where, name)[0] if partial else spec.check(value, where, name)
    return None if checked is INVALID else checked


def read_front_matter(
    path: Path, problems: Problems, spec, name: str, required=True, partial=False, cache: FileCache | None = None
):
    """Return (validated Record or None, body, body's first line).

    With ``partial``, a file with invalid fields still returns its valid ones (the problems are
    recorded), so that checks further on can report their problems in the same run. With ``cache``,
    a file whose bytes were parsed before gives that result and replays the problems it gave.
    """
    return _read(path, problems, spec, name, required, partial, cache, None)[:3]


@dataclass(frozen=True)
class Derived:
    """What a caller works out from a file's body alone, cached with the file's entry: ``parse(body,
    body_line, *args)`` (a pure function of those: its result is stored and given back for the same
    bytes and ``args``), and ``valid``, which says whether a stored value has the shape it returns."""

    parse: Callable[..., Any]
    args: tuple[Any, ...]
    valid: Callable[[object], bool]


def read_front_matter_and(
    path: Path,
    problems: Problems,
    spec,
    name: str,
    derived: Derived,
    required=True,
    partial=False,
    cache: FileCache | None = None,
):
    """:func:`read_front_matter` and ``derived.parse(body, body_line, *derived.args)``, as (record, body,
    body's first line, derived value); the value is None when there is no record (unreadable or invalid). With ``cache``,
    both come from one entry (a minutes file's parsed minutes are not worked out again)."""
    return _read(path, problems, spec, name, required, partial, cache, derived)


def _read(path: Path, problems: Problems, spec, name: str, required, partial, cache: FileCache | None, derived):
    data = read_bytes(path, problems)  # the link and size checks come first, cache or not
    if data is None:
        return None, "", 1, None
    if cache is None:
        return _parse_and_derive(path, problems, data, spec, name, required, partial, derived)
    rel = problems.rel(path)
    extra = () if derived is None else (derived.parse.__qualname__, derived.args)
    key = cache.key(rel, data, name, required, partial, *extra)
    entry = cache.get(key, _is_parsed_file if derived is None else functools.partial(_is_derived, derived.valid))
    if entry is not None:
        result, found, withheld = entry[:3]
        problems.found.extend(found)
        if withheld:
            problems.withheld.add(rel)
        return (*result, entry[3] if derived is not None else None)
    before, was_withheld = len(problems.found), rel in problems.withheld
    result = _parse_and_derive(path, problems, data, spec, name, required, partial, derived)
    cache.read += 1
    cache.read_paths.append(rel)
    found = problems.found[before:]
    if all(p.path == rel and not p.about for p in found) and not was_withheld:  # only what is the file's own
        stored = (result[:3], found, rel in problems.withheld)
        cache.put(key, stored if derived is None else (*stored, result[3]))
    return result


def _parse_and_derive(path: Path, problems: Problems, data: bytes, spec, name: str, required, partial, derived):
    record, body, body_line = _parse_front_matter(path, problems, data, spec, name, required, partial)
    value = derived.parse(body, body_line, *derived.args) if derived is not None and record is not None else None
    return record, body, body_line, value


def _is_parsed_file(entry: object) -> bool:
    """Whether a cache entry has the shape :func:`read_front_matter` stores: (result, problems, withheld)."""
    if not (isinstance(entry, tuple) and len(entry) == 3 and isinstance(entry[2], bool)):
        return False
    result, found = entry[0], entry[1]
    return (
        isinstance(result, tuple)
        and len(result) == 3
        and (result[0] is None or isinstance(result[0], Record))
        and isinstance(result[1], str)
        and isinstance(result[2], int)
        and isinstance(found, list)
        and all(isinstance(p, Problem) for p in found)
    )


def _is_derived(valid: Callable[[object], bool], entry: object) -> bool:
    """An entry of :func:`read_front_matter_and`: a parsed file's entry and the derived value (or None)."""
    return (
        isinstance(entry, tuple)
        and len(entry) == 4
        and _is_parsed_file(entry[:3])
        and (entry[3] is None or valid(entry[3]))
    )


def _parse_front_matter(path: Path, problems: Problems, data: bytes, spec, name: str, required, partial):
    text = read_text(path, problems, data)
    if text is None:
        return None, "", 1
    yaml_text, body, body_line = split_front_matter(text)
    malformed = front_matter_problem(text, getattr(spec, "fields", {})) if yaml_text is None else None
    if malformed:
        problems.error(path, *malformed)
        return None, "", 1
    if yaml_text is None:
        if required:
            problems.error(
                path, 1, "has no front matter", "start the file with a line '---', the fields, then another '---'"
            )
            return None, body, body_line
        yaml_text = ""
    try:
        raw = load_yaml(yaml_text, line_offset=1)
    except YAMLProblem as exc:
        problems.error(
            path, exc.line, exc.message, "check indentation, colons and quotes on that line and the one before"
        )
        return None, body, body_line
    if raw is None:
        raw = {}
    checked, ok = spec.check_partial(raw, Where(problems, path, 2), name)
    if checked is INVALID or not (ok or partial):
        if isinstance(raw, dict) and (raw.get("draft") not in (None, False) or raw.get("publish_from")):
            problems.withheld.add(problems.rel(path))  # not read, so the log must assume it is not public
        return None, body, body_line
    return checked, body, body_line
