"""A published PDF pack → the text the importer reads, with pdfplumber.

What a PDF gives is words at positions, page by page. From them:

* **lines**: words on the same baseline, left to right;
* **paragraphs**: a line that wraps (it reaches the right edge of the text, or ends in a comma where the
  next line's first word would not have fitted, and the next line follows at the normal line spacing)
  is joined to the next, also across a page break; a wider gap
  between lines is a blank line, as in the text of a pack;
* **bold**: a line printed all in a bold font (a heading) is wrapped in ``**`` as PDF-to-text tools
  print it; the readers take structure from the text without it, papers keep it;
* **tables** (ruled, as councils print them): one line per row, cells separated by tabs, the form
  :mod:`.tables` reads;
* **running headers and footers**: the first and last lines of the pages that are printed again on
  most pages (digits aside: "Page 3", "Cabinet – 12 July 2022") and lone page numbers are left out,
  and each page break is marked as the text of a pack marks one;
* a PDF with no text layer (a scan) is refused: it needs OCR first.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

LIST_START = re.compile(r"^(?:[-•▪*]\s|\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)]\s)")
PAGE_NUMBER = re.compile(r"^\W*(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?\W*$", re.I)
STAMP = re.compile(r"^\W*(?:agenda\s+)?item(?:\s+no\.?)?\s+#\W*$", re.I)  # "Agenda Item 5", its digits as "#"
# "REPORT OF:", "REPORT OF / ADRODDIAD GAN:": a label in capitals starts a line of a label block, never
# the wrapped end of the line above it
CAPITAL_LABEL = re.compile(
    r"^[A-Z][A-Z'’-]*(?:\s+[A-Z][A-Z'’-]*){0,5}(?:\s+/\s+[A-Z][A-Z'’-]*(?:\s+[A-Z][A-Z'’-]*){0,5})?:\s"
)


# "Resolved: that …", "RESOLVED – That …", "Agreed:": a decision starts a line of its own
DECISION_START = re.compile(r"^(?:it\s+was\s+)?(?:resolved|agreed|decision)\s*[:–—-]\s", re.I)


# a recorded vote's line: "For (4): …", "Against: …", "Abstained (0): None"
VOTE_START = re.compile(r"^(?:for|against|abstained|abstaining|abstentions?)\s*(?:\(\d{1,3}\))?\s*:", re.I)
# a person named with a title: the next entry of a list of names
PERSON_START = re.compile(
    r"^(?:councillors?|cllrs?\.?|mr|mrs|ms|miss|dr|mayor|professor|prof\.?|sir|dame)\s+[A-Z]", re.I
)


class NoText(Exception):
    """The PDF cannot give text: the reason and the fix."""

    def __init__(self, message: str, fix: str):
        super().__init__(message)
        self.message = message
        self.fix = fix


def _lines(words: list[dict]) -> list[dict]:
    """Words → lines: {top, bottom, x0, x1, text}."""
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) <= 2.5:
            rows[-1].append(word)
        else:
            rows.append([word])
    out = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        text = ""
        for k, word in enumerate(row):
            if k and word["x0"] - row[k - 1]["x1"] > 0.5:
                text += " "
            text += word["text"]
        bold = all("bold" in str(w.get("fontname", "")).lower() for w in row)
        out.append(
            {
                "top": min(w["top"] for w in row),
                "bottom": max(w["bottom"] for w in row),
                "x0": row[0]["x0"],
                "x1": row[-1]["x1"],
                "text": text,
                "kind": "line",
                "bold": bold,
            }
        )
    return out


def _page_blocks(page) -> list[dict]:
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def inside(word) -> bool:
        return any(
            x0 - 1 <= word["x0"] and word["x1"] <= x1 + 1 and top - 1 <= word["top"] and word["bottom"] <= bottom + 1
            for x0, top, x1, bottom in boxes
        )

    words = [
        w
        for w in page.extract_words(keep_blank_chars=False, x_tolerance=1.5, extra_attrs=["fontname"])
        if not inside(w)
    ]
    blocks = _lines(words)
    for table, (x0, top, x1, bottom) in zip(tables, boxes, strict=True):
        rows = ["\t".join(" ".join((cell or "").split()) for cell in row) for row in table.extract()]
        blocks.append(
            {
                "top": top,
                "bottom": bottom,
                "x0": x0,
                "x1": x1,
                "kind": "table",
                "text": "\n".join(r for r in rows if r.strip()),
            }
        )
    return sorted(blocks, key=lambda b: b["top"])


def _furniture(pages: list[list[dict]]) -> set[tuple[int, int]]:
    """(page, block) positions of running headers, footers and page numbers."""

    def key(text: str) -> str:
        return re.sub(r"\d+", "#", " ".join(text.split()).lower())

    # the first and last two blocks of a page (a table is a block: a heading under a table is not at the edge)
    edges: Counter = Counter()
    for blocks in pages:
        for line in {key(b["text"]) for b in blocks[:2] + blocks[-2:] if b["kind"] == "line"}:
            edges[line] += 1
    # an "Agenda Item 5" stamp is not furniture, however often it is printed: it says where a paper starts
    repeated = {k for k, n in edges.items() if n >= max(2, len(pages) // 2) and not STAMP.match(k)}
    out = set()
    for p, blocks in enumerate(pages):
        numbered = list(enumerate(blocks))
        for i, block in numbered[:2] + numbered[-2:]:
            if block["kind"] == "line" and (key(block["text"]) in repeated or PAGE_NUMBER.match(block["text"])):
                out.add((p, i))
    return out


def _first_word_overflows(previous: dict, block: dict) -> bool:
    """A line wraps onto the next only if the next line's first word did not fit in the room left on it
    (its width estimated from the next line's own letters)."""
    text = block["text"]
    first = text.split()[0] if text.split() else ""
    per_char = (block["x1"] - block["x0"]) / max(len(text), 1)
    return previous["room"] < (len(first) + 1) * per_char * 1.15


def _heading_over_prose(previous: str, block: dict, full: float) -> bool:
    """A minute's heading (its number and a title) that filled its line, over a line of prose (mostly lower-case
    words, filling its line or eight words or more): the heading's hanging indent lost, not its title wrapped."""
    from minutebook.importer.numbering import HEADING

    heading = HEADING.match(previous)
    title = heading.group("title") if heading else ""
    if "," in title or title.startswith("To ") or len(title.split()) > 12:
        return False  # "10. To resolve, in view of … that the press and public": a sentence, wrapped
    words = [w for w in block["text"].split() if w[:1].isalpha()]
    lower = sum(1 for w in words if w[:1].islower())
    return (
        bool(heading)
        and previous[-1:] not in ".:;,"
        and (block["x1"] >= full or len(words) >= 8)
        and len(words) >= 6
        and lower * 2 > len(words)
    )


def pdf_text(path: Path) -> str:
    """The text of the PDF at ``path``, paragraph per line, as the importer reads packs."""
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        pdf = pdfplumber.open(path)
    except (PDFSyntaxError, ValueError, OSError) as exc:
        raise NoText(
            f"cannot be read as a PDF ({type(exc).__name__})", "check that the file is a whole PDF (download it again)"
        ) from None
    except Exception as exc:  # pdfminer raises its own errors for encrypted or broken files
        raise NoText(
            f"cannot be read as a PDF ({type(exc).__name__}: {exc})",
            "save an unprotected copy of the PDF and import that",
        ) from None
    with pdf:
        pages = [_page_blocks(page) for page in pdf.pages]
        widths = [(float(page.width), float(page.height)) for page in pdf.pages]
    if not any(b["text"].strip() for blocks in pages for b in blocks):
        raise NoText(
            "has no text layer (it is a scanned image): it needs OCR before it can be imported",
            "run OCR on it (for example: ocrmypdf pack.pdf pack-ocr.pdf) and import the result",
        )
    furniture = _furniture(pages)
    spacings = [
        b2["top"] - b1["top"]
        for blocks in pages
        for b1, b2 in pairwise(blocks)
        if b1["kind"] == b2["kind"] == "line" and 0 < b2["top"] - b1["top"] < 40
    ]
    # the line spacing inside a paragraph: the smallest spacing seen often (paragraph gaps are wider)
    common = Counter(round(s) for s in spacings)
    often = sorted(k for k, n in common.items() if n >= 3) or sorted(common) or [14]
    leading = float(often[0])
    out: list[str] = []
    previous: dict[str, Any] | None = None  # the last body line: it may wrap onto the next line or page
    # the text's right edge: a page with few short lines does not show it, so the pages' usual edge counts too
    edges = sorted(
        max(b["x1"] for b in lines_)
        for p, blocks in enumerate(pages)
        if (lines_ := [b for i, b in enumerate(blocks) if (p, i) not in furniture and b["kind"] == "line"])
    )
    usual_right = edges[len(edges) // 2] if edges else None
    for p, blocks in enumerate(pages):
        body = [b for i, b in enumerate(blocks) if (p, i) not in furniture]
        right = max((b["x1"] for b in body if b["kind"] == "line"), default=widths[p][0])
        if usual_right is not None:
            right = max(right, usual_right)
        left = min((b["x0"] for b in body if b["kind"] == "line"), default=0.0)
        if p:
            if not (previous and previous["wraps"]):
                out.append("")
            out.append("Page break")
        for block in body:
            if block["kind"] == "table":
                out.extend(["", *block["text"].split("\n"), ""])
                previous = None
                continue
            joined = (
                previous is not None
                and (previous["wraps"] or (previous["comma"] and previous["page"] == p))
                and (
                    (previous["page"] != p and not out[-1].endswith((".", ":", ";")))
                    or (previous["page"] == p and block["top"] - previous["top"] <= leading * 1.2)
                )
            )
            text = f"**{block['text']}**" if block.get("bold") else block["text"]
            if joined and previous is not None and previous["page"] == p and not _first_word_overflows(previous, block):
                joined = False  # the next line's first word would have fitted on this one: it was not wrapped
            if joined and CAPITAL_LABEL.match(block["text"]):
                joined = False  # "REPORT OF: …" under a label's value that filled its line
            if joined and DECISION_START.match(block["text"]):
                joined = False  # "Resolved: that …" under a sentence that filled its line
            if joined and LIST_START.match(block["text"]):
                joined = False  # "- next entry" after an entry that filled its line
            if joined and _heading_over_prose(out[-1], block, right - 0.18 * (right - left)):
                joined = False  # "FGP/24/25/038  Bank reconciliation …" over its minute's first line of prose
            if joined and VOTE_START.match(block["text"]):
                joined = False  # "Against (1): …" under the names of those for, which filled their line
            if joined and out and out[-1].endswith(")") and PERSON_START.match(block["text"]):
                joined = False  # "Ms A Drury (…)" under a list entry whose post in brackets filled its line
            if joined and previous is not None and abs(block["x0"] - previous["x0"]) <= 12:
                out[-1] = (
                    (out[-1][:-2] + " " + block["text"] + "**")
                    if block.get("bold") and out[-1].endswith("**")
                    else f"{out[-1]} {text}"
                )
            else:
                if previous is not None and previous["page"] == p and block["top"] - previous["top"] > leading * 1.25:
                    out.append("")
                out.append(text)
            x0 = previous["x0"] if joined and previous is not None else block["x0"]
            previous = {
                "page": p,
                "top": block["top"],
                "x0": x0,
                "room": right - block["x1"],
                "wraps": block["x1"] >= right - 0.18 * (right - left) and not block["text"].endswith(":"),
                # a line ending in a comma wraps when the next line's first word (a long address) did not fit
                "comma": block["text"].endswith(","),
            }
    text = "\n".join(out)
    pages_seen = iter(range(2, len(pages) + 2))
    # each page break as a text pack prints one, a page number on a line of its own: the importer knows
    # where a page ends (a part does not reach back over it)
    text = re.sub(r"\n*Page break\n*", lambda _: f"\n\nPage {next(pages_seen)}\n\n", text)
    # a glyph the PDF's font does not map to a character ("(cid:127)") opening a line or a cell, before its
    # text: a list's bullet
    text = re.sub(r"(?m)(^|\t)[ ]*\(cid:\d+\)(?=[\t ]+\S)", "\\1•", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
