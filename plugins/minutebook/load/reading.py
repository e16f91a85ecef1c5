"""Reading one meeting file: bytes to text, text to front matter and body, with clear problems."""

from __future__ import annotations

from pathlib import Path

from minutebook.load.schema import INVALID, Where
from minutebook.load.yamlio import YAMLProblem, split_front_matter
from minutebook.load.yamlio import load as load_yaml
from minutebook.problems import Problems

MAX_FILE_BYTES = 5 * 1024 * 1024


def read_text(path: Path, problems: Problems) -> str | None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.error(path, None, f"cannot be read ({exc.strerror})", "check the file's permissions")
        return None
    if len(data) > MAX_FILE_BYTES:
        problems.error(path, None, f"is {len(data) // 1024} KB, too large for a meeting file",
                       "split it into papers of under 5 MB each")
        return None
    if b"\x00" in data:
        problems.error(path, None, "is a binary file, not text", "save it as plain text (UTF-8)")
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.error(path, line, "is not UTF-8 text", "save the file with UTF-8 encoding")
        return None


def read_yaml_file(path: Path, problems: Problems, spec, name: str):
    """A plain YAML file (people.yml, topics.yml): the validated mapping, or None (problems recorded)."""
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
    checked = spec.check(raw if raw is not None else {}, Where(problems, path, 1), name)
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
    if yaml_text is None:
        if required:
            problems.error(path, 1, "has no front matter",
                           "start the file with a line '---', the fields, then another '---'")
            return None, body, body_line
        yaml_text = ""
    try:
        raw = load_yaml(yaml_text, line_offset=1)
    except YAMLProblem as exc:
        problems.error(path, exc.line, exc.message,
                       "check indentation, colons and quotes on that line and the one before")
        return None, body, body_line
    if raw is None:
        raw = {}
    checked, ok = spec.check_partial(raw, Where(problems, path, 2), name)
    if checked is INVALID or not (ok or partial):
        return None, body, body_line
    return checked, body, body_line
