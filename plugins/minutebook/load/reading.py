"""Reading one meeting file: bytes to text, text to front matter and body, with clear problems."""

from __future__ import annotations

import os
from pathlib import Path

from minutebook.load.schema import INVALID, Where
from minutebook.load.yamlio import YAMLProblem, front_matter_problem, split_front_matter
from minutebook.load.yamlio import load as load_yaml
from minutebook.problems import Problems
from minutebook.publish.brackets import MAX_MARKUP, crowded_block

MAX_FILE_BYTES = 5 * 1024 * 1024


def link_leaving(path: Path, root: Path) -> Path | None:
    """The symbolic link on the way from ``root`` to ``path`` that points outside ``root``, if any.

    A link to a file outside the archive (a token, another council's drafts) would be read and
    published as if it were a meeting file; links that stay inside the archive are fine."""
    root = Path(root)
    try:
        parts = Path(path).relative_to(root).parts
    except ValueError:
        return None
    current = str(root)
    for part in parts:
        current = os.path.join(current, part)
        if os.path.islink(current):  # os.path, not Path: every file of the archive passes here
            link = Path(current)
            try:
                target = link.resolve()
            except (OSError, RuntimeError):  # a loop of links
                return link
            top = root.resolve()
            if target != top and top not in target.parents:
                return link
    return None


def read_text(path: Path, problems: Problems) -> str | None:
    if problems.root is not None:
        link = link_leaving(path, problems.root)
        if link is not None:
            message = f"is a symbolic link to {os.readlink(link)}, which is outside the meetings folder"
            fix = "copy the file into the archive instead of linking to it, or remove the link"
            if not any(p.path == problems.rel(link) and p.message == message for p in problems.items):
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


def read_front_matter(path: Path, problems: Problems, spec, name: str, required=True, partial=False):
    """Return (validated Record or None, body, body's first line).

    With ``partial``, a file with invalid fields still returns its valid ones (the problems are
    recorded), so that checks further on can report their problems in the same run.
    """
    text = read_text(path, problems)
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
