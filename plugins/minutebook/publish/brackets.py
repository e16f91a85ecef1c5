"""Keep Python-Markdown's link scan linear on officers' text, without changing what it renders.

Python-Markdown looks for a link at every ``[``: it scans forward to the matching ``]`` (to the end
of the block when there is none), and after ``](`` to the matching ``)``. A line of a million
unmatched ``[`` (or ``[x](`` with no ``)``) is therefore quadratic: hours of build time. This module
makes one linear pass over the text and backslash-escapes, outside code, exactly the brackets that
can never form a link, so the page renders the same:

* a ``[`` with no matching ``]`` in its block;
* a ``[`` nested deeper than :data:`DEPTH` (no real link text nests that deep) and its ``]``;
* a ``(`` straight after ``]`` with no matching ``)`` in its block (when no quote follows it,
  since quotes change how Markdown counts a link title's parentheses).

Code is left alone: fenced blocks, indented blocks, and backtick code spans (paired as Markdown
pairs them). Inside an HTML tag a bracket is written as a character reference instead (``&#91;``),
which the final HTML pass turns back into the same character.
"""

from __future__ import annotations

import re

DEPTH = 4
FENCE = re.compile(r"(`{3,}|~{3,})")
LIST_MARKER = re.compile(r" {0,3}(?:[-*+]|\d+[.)])(?:[ \t]|$)")
TAG_OR_AUTOLINK = re.compile(r"<(/?[a-zA-Z][a-zA-Z0-9-]*(?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>", re.S)
ENTITY = {"[": "&#91;", "]": "&#93;", "(": "&#40;"}
AUTOLINK = re.compile(r"<(?:https?://|mailto:|[^<>\s@\"':/]+@)", re.I)


def defuse(text: str) -> str:
    """``text`` with every bracket that cannot form a link escaped (linear time)."""
    if "[" not in text and "(" not in text:
        return text
    lines = text.split("\n")
    code = _code_lines(lines)
    out: list[str] = []
    block: list[str] = []
    in_list = False
    for i, line in enumerate(lines):
        if code[i] or not line.strip():
            if block:
                out.append(_prose("\n".join(block)))
                block = []
            out.append(line)
            continue
        if not block:  # a block starts: decide list context and indented code
            indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))
            if LIST_MARKER.match(line):
                in_list = True
            elif indent == 0:
                in_list = False
            if indent >= (8 if in_list else 4) and (i == 0 or not lines[i - 1].strip() or code[i - 1]):
                code[i] = True
                j = i
                while j < len(lines) and (not lines[j].strip() or lines[j].expandtabs(4).startswith("    ")):
                    code[j] = True
                    j += 1
                out.append(line)
                continue
        block.append(line)
    if block:
        out.append(_prose("\n".join(block)))
    return "\n".join(out)


def _code_lines(lines: list[str]) -> list[bool]:
    """Which lines belong to a fenced code block (a fence closed by the same fence)."""
    closers: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        m = FENCE.match(line)
        if m and not line[m.end() :].strip():
            closers.setdefault(m.group(1), []).append(i)
    code = [False] * len(lines)
    seen = dict.fromkeys(closers, 0)
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        fence = m.group(1) if m else None
        if fence in closers:
            ends = closers[fence]
            k = seen[fence]
            while k < len(ends) and ends[k] <= i:
                k += 1
            seen[fence] = k
            if k < len(ends):
                for j in range(i, ends[k] + 1):
                    code[j] = True
                i = ends[k] + 1
                continue
        i += 1
    return code


def _code_spans(block: str) -> list[tuple[int, int]]:
    """Backtick code spans as Markdown pairs them: a run of n backticks closes at the next run of n."""
    runs = [(m.start(), m.end()) for m in re.finditer(r"`+", block)]
    nxt: list[int | None] = [None] * len(runs)
    last: dict[int, int] = {}
    for k in range(len(runs) - 1, -1, -1):
        length = runs[k][1] - runs[k][0]
        nxt[k] = last.get(length)
        last[length] = k
    spans, k = [], 0
    while k < len(runs):
        start = runs[k][0]
        if _escaped(block, start):
            start += 1  # a backslash-escaped backtick is text; the rest of its run still opens
            if start == runs[k][1]:
                k += 1
                continue
        closer = nxt[k]
        if closer is not None and start == runs[k][0]:
            spans.append((start, runs[closer][1]))
            k = closer + 1
        else:
            k += 1
    return spans


def _escaped(text: str, pos: int) -> bool:
    n = 0
    while pos - n - 1 >= 0 and text[pos - n - 1] == "\\":
        n += 1
    return n % 2 == 1


def _prose(block: str) -> str:
    """One Markdown block: the linear stack pass over its brackets and link parentheses."""
    if "[" not in block and "](" not in block:
        return block
    skip = {}  # start -> end of code spans
    for start, end in _code_spans(block):
        skip[start] = end
    tags: list[tuple[int, int]] = []
    for m in TAG_OR_AUTOLINK.finditer(block):
        tags.append((m.start(), m.end()))
    in_tag: set[int] = set()
    for start, end in tags:
        if not AUTOLINK.match(block, start):
            in_tag.update(range(start, end))
    escape: set[int] = set()
    brackets: list[tuple[int, bool]] = []
    parens: list[int] = []
    last_quote = -1
    i, n = 0, len(block)
    while i < n:
        if i in skip:
            i = skip[i]
            continue
        c = block[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            brackets.append((i, len(brackets) >= DEPTH))
        elif c == "]":
            if brackets:
                pos, deep = brackets.pop()
                if deep:
                    escape.update((pos, i))
        elif c == "(":
            parens.append(i)
        elif c == ")":
            if parens:
                parens.pop()
        elif c in "'\"":
            last_quote = i
        i += 1
    escape.update(pos for pos, _ in brackets)
    for pos in parens:
        if (
            pos > 0
            and block[pos - 1] == "]"
            and pos > last_quote
            and pos - 1 not in escape
            and not _escaped(block, pos - 1)
        ):
            escape.add(pos)
    if not escape:
        return block
    out, prev = [], 0
    for pos in sorted(escape):
        out.append(block[prev:pos])
        out.append(ENTITY[block[pos]] if pos in in_tag else "\\" + block[pos])
        prev = pos + 1
    out.append(block[prev:])
    return "".join(out)


# Python-Markdown rebuilds a block's text at every inline match (each escape, emphasis, entity or
# link), so a block with hundreds of thousands of them is quadratic however it is escaped. No council
# paragraph comes near this many Markdown punctuation characters; a file that does is refused.
MAX_MARKUP = 20_000
MARKUP = str.maketrans("", "", "[]\\*_`&")


# a front-matter key (plain or quoted, as YAML and JSON-style flow write it) or a list entry
_FIELD_START = re.compile(r"""\s*(?:- |[\w-]+\s*:|"[\w-]+"\s*:|'[\w-]+'\s*:)""")


def crowded_block(text: str) -> tuple[int, int] | None:
    """(first line, count) of the first block with more than :data:`MAX_MARKUP` Markdown punctuation
    characters, or None. Linear. In the body a block is a blank-line-separated paragraph; in the front
    matter each field (a key or a list entry with its continuation lines) is a block of its own."""
    start, count = 1, 0
    lines = text.split("\n")
    closing = 0
    if lines and lines[0].rstrip() == "---":
        closing = next((n for n, line in enumerate(lines[1:], 2) if line.rstrip() == "---"), 0)
    for number, line in enumerate(lines, 1):
        in_front = number <= closing
        if not line.strip() or (not in_front and line.lstrip(" ").startswith("#")):
            start, count = number + 1, 0  # minute headings become plain titles, not Markdown
            continue
        if in_front and _FIELD_START.match(line):
            start, count = number, 0
        count += len(line) - len(line.translate(MARKUP))
        if count > MAX_MARKUP:
            return start, count
    return None
