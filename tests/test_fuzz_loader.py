"""Fuzzing the loader in-process: any input gives a model or clear problems, never a traceback."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

from helpers import site_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutebook.build import build

EXAMPLES = int(os.environ.get("MINUTEBOOK_FUZZ_EXAMPLES", "2000"))

FIELDS = [
    "start",
    "place",
    "status",
    "items",
    "number",
    "title",
    "date",
    "closed",
    "attendance",
    "present",
    "apologies",
    "declarations",
    "minute",
    "kind",
    "item",
    "parent",
    "appendix",
    "private",
    "exempt_paragraph",
    "publish_from",
    "draft",
    "withdrawn",
    "joint_with",
    "pages",
    "name",
    "membership",
    "2016/17",
    "approved",
    "approved_at",
    "names",
    "year",
    "entries",
    "rows",
    "text",
    "bucket",
]
scalars = st.one_of(
    st.sampled_from(
        [
            "18:30",
            "14:00",
            "NO",
            "yes",
            "~",
            "2017-02-30",
            "2017-04-27",
            "2017-04-27 09:00",
            "3-6",
            "held",
            "postponed",
            "report",
            "appendix",
            "<script>x</script>",
            "&anchor",
            "*alias",
            "!!python/object:os.system",
            "'",
            '"',
            "{",
            "[",
            "- ",
            ": ",
            "\t",
            "\x00",
            "\ufeff",
            "é",
            "1e309",
            "0x1F",
            "9" * 400,
        ]
    ),
    st.text(max_size=40),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.booleans(),
    st.none(),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(FIELDS), inner, max_size=5)),
    max_leaves=25,
)


def to_yaml(value, indent=0) -> str:
    pad = " " * indent
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "\n" + "\n".join(f"{pad}{k}: {to_yaml(v, indent + 2)}" for k, v in value.items())
    if isinstance(value, list):
        if not value:
            return "[]"
        return "\n" + "\n".join(f"{pad}- {to_yaml(v, indent + 2).lstrip()}" for v in value)
    if value is None:
        return ""
    return str(value)


documents = st.one_of(
    st.builds(lambda v: "---\n" + to_yaml(v).lstrip("\n") + "\n---\n", values),
    st.builds(
        lambda v, body: "---\n" + to_yaml(v).lstrip("\n") + "\n---\n" + body,
        values,
        st.sampled_from(
            [
                "## 71. Title\n\nRESOLVED that:\n\n1. a\n",
                "## x\n",
                "### (a) part\n",
                "## 1. A {item=9 private=}\n",
                "text before\n## 2. B\n",
                "RESOLVED\n- \n",
            ]
        ),
    ),
    st.text(max_size=200),
    st.binary(max_size=100).map(lambda b: b.decode("latin-1")),
)
FILES = [
    "people.yml",
    "c/committee.md",
    "c/2017-04-06/meeting.md",
    "c/2017-04-06/minutes.md",
    "c/2017-04-06/papers/p.md",
    "c/2017-04-06/papers/q.md",
    "c/2017-04-27/meeting.md",
    "c/programmes/2016-17.md",
    "c/tracker/2017-04-27.md",
    "d/2017-13-45/meeting.md",
]
archives = st.dictionaries(st.sampled_from(FILES), documents, min_size=1, max_size=6)


def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8", "surrogatepass"))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(archives)
def test_any_input_gives_a_model_or_clear_problems(files):
    root = Path(tempfile.mkdtemp(prefix="mbfuzz"))
    try:
        write(root, files)
        result = build(
            root, dt.datetime(2026, 1, 1), settings=site_settings()
        )  # raises on a bug: hypothesis shows the input
        for problem in result.problems.items:
            assert problem.path and problem.message
            assert "Traceback" not in problem.message
        if result.ok:
            assert result.pages  # a valid archive renders
    finally:
        shutil.rmtree(root, ignore_errors=True)
