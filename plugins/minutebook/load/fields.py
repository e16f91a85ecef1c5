"""Small readers of field values shared by the loader's parts (names, page ranges, corrections)."""

from __future__ import annotations

import re

from minutebook.model import (
    Correction,
)

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_FOLDER = re.compile(r"^\d{4}-\d{2}-\d{2}$")
IGNORED = {"README.md", "readme.md", ".gitkeep"}


def plain_name(name: str) -> str:
    from minutebook.model.names import without_honorific

    return without_honorific(name)


def page_range(value: str | None) -> str | None:
    if not value:
        return None
    return re.sub(r"\s*[-–]\s*", "-", value)


def natural_key(text: str):
    return [int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", text)]


def read_corrections(data) -> list[Correction]:
    return [Correction(c["date"], c["change"], c["reason"], c.get("previous", "")) for c in data.get("corrections", [])]
