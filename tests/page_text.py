"""Compare two builds of a site page by page: the visible text and the links of every page.

    python3 tests/page_text.py SITE_BEFORE SITE_AFTER

prints, for each page whose title, description, visible text or links differ, a unified diff of
one line per text block and per link, and exits 1 when anything differs. Markup changes that a
reader cannot see (attribute order, entity spelling, whitespace) are not differences.
"""

from __future__ import annotations

import difflib
import sys
from html.parser import HTMLParser
from pathlib import Path

SKIP = {"script", "style", "template", "svg"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCK = {
    "p",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dt",
    "dd",
    "caption",
    "summary",
    "div",
    "nav",
    "section",
    "address",
    "table",
    "ol",
    "ul",
    "details",
    "blockquote",
    "pre",
    "td",
    "th",
}


class _Page(HTMLParser):
    """Lines of the page: its title, its description, each block of text in the article, each link."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.stack: list[str] = []
        self.skip = 0
        self.in_title = False
        self.title = ""
        self.in_article = 0
        self.text: list[str] = []
        self.link: list[tuple[str, list[str]]] = []

    def _flush(self):
        text = " ".join("".join(self.text).split())
        if text:
            self.lines.append(f"text: {text}")
        self.text = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "title":
            self.in_title = True
        if tag == "meta" and a.get("name") == "description":
            self.lines.append(f"description: {a.get('content')}")
        if tag == "link" and a.get("rel") == "alternate":
            self.lines.append(f"alternate: {a.get('type')} {a.get('href')} {a.get('title')}")
        if tag in VOID:
            if tag == "img" and self.in_article:
                self.text.append(f"[image {a.get('alt')}]")
            return
        self.stack.append(tag)
        if tag in SKIP:
            self.skip += 1
        if tag == "article":
            self.in_article += 1
        if self.in_article and tag in BLOCK:
            self._flush()
        if self.in_article and tag == "a":
            self.link.append((a.get("href") or "", []))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if tag == "title":
            self.in_title = False
        if tag in self.stack:
            while self.stack:
                top = self.stack.pop()
                if top in SKIP:
                    self.skip -= 1
                if top == "a" and self.link and self.in_article:
                    href, words = self.link.pop()
                    self.lines.append(f"link: {href} [{' '.join(''.join(words).split())}]")
                if top == "article":
                    self._flush()
                    self.in_article -= 1
                if top == tag:
                    break
        if self.in_article and tag in BLOCK:
            self._flush()

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        if self.skip or not self.in_article:
            return
        self.text.append(data)
        for _, words in self.link:
            words.append(data)


def page_lines(path: Path) -> list[str]:
    parser = _Page()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return [f"title: {' '.join(parser.title.split())}", *parser.lines]


def compare(before: Path, after: Path) -> list[str]:
    """Unified diffs of every page that differs; pages only in one build are listed."""
    out = []
    old = {p.relative_to(before).as_posix() for p in before.rglob("*.html")}
    new = {p.relative_to(after).as_posix() for p in after.rglob("*.html")}
    for name in sorted(old - new):
        out.append(f"only before: {name}")
    for name in sorted(new - old):
        out.append(f"only after: {name}")
    for name in sorted(old & new):
        a, b = page_lines(before / name), page_lines(after / name)
        if a != b:
            out.extend(difflib.unified_diff(a, b, f"before/{name}", f"after/{name}", n=1, lineterm=""))
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    diff = compare(Path(argv[0]), Path(argv[1]))
    print("\n".join(diff) if diff else "no differences in the visible text or links of any page")
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
