"""Test helpers: write small archives, run the real CLI and MkDocs, read built sites back."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "tests" / "fixtures" / "seeds"  # the five published packs the sample was imported from


def write_tree(root: Path, files: dict[str, str]) -> Path:
    """Write {relative path: text} under root (text is dedented)."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


def env() -> dict:
    e = dict(os.environ)
    e["NO_MKDOCS_2_WARNING"] = "1"
    e.setdefault("MINUTEBOOK_TODAY", "2026-11-22")
    return e


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=env(), capture_output=True, text=True, timeout=600)


def mkdocs_build(config: Path, site_dir: Path, strict: bool = True) -> subprocess.CompletedProcess:
    args = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site_dir)]
    if strict:
        args.append("--strict")
    return run(args, config.parent)


def minutebook(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "minutebook.cli", *args], cwd)


def fixture_project(root: Path, meetings: dict[str, str], extra_config: str = "") -> Path:
    """A small MkDocs project: mkdocs.yml, one docs page, and the given meeting files."""
    write_tree(root / "meetings", meetings)
    write_tree(root / "docs", {"about.md": "# About\n\nA fixture archive.\n"})
    config = root / "mkdocs.yml"
    config.write_text(
        textwrap.dedent(f"""\
        site_name: Fixture council
        docs_dir: docs
        theme:
          name: material
          custom_dir: {REPO / "overrides"}
        plugins:
          - minutebook:
              meetings_dir: meetings
        validation:
          omitted_files: warn
          absolute_links: warn
          unrecognized_links: warn
          anchors: warn
        nav:
          - About: about.md
        """)
        + extra_config,
        encoding="utf-8",
    )
    return config


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for name in ("href", "src"):
            if attrs.get(name) and tag in ("a", "img", "script", "link"):
                self.links.append(attrs[name])


def read_html(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def broken_links(site: Path) -> list[str]:
    """Every internal link in the built site whose file or anchor does not exist."""
    pages = {p: read_html(p) for p in site.rglob("*.html")}
    broken = []
    for page, parsed in pages.items():
        if page.name == "404.html":  # served at any depth; MkDocs writes its links from the root
            continue
        for href in parsed.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "data:", "javascript:")):
                continue
            if parts.path:
                target = (page.parent / unquote(parts.path)).resolve()
            else:
                target = page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {href}")
                continue
            fragment = unquote(parts.fragment)
            if (
                fragment
                and target.suffix == ".html"
                and target in pages
                and fragment not in pages[target].ids
                and fragment not in ("", "__skip")
            ):
                broken.append(f"{page.relative_to(site)}: {href} (no such anchor)")
    return broken


def digest(folder: Path) -> str:
    """One hash of every path and byte below a folder: proves a folder was left untouched."""
    import hashlib

    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        h.update(str(p.relative_to(folder)).encode())
        if p.is_file():
            h.update(p.read_bytes())
    return h.hexdigest()


def page_text(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def unrendered_markdown(site: Path) -> list[str]:
    """Pages where Markdown or md_in_html markers reached the HTML unprocessed."""
    bad = []
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for marker in ('markdown="', "index.md)", "](", "minutebook:"):
            if marker in text:
                bad.append(f"{page.relative_to(site)}: {marker}")
    return bad


def site_settings(**values):
    """The settings of a domain build (no MkDocs) that renders pages with the repository's templates."""
    from minutebook.settings import SiteSettings

    return SiteSettings(templates=REPO / "overrides" / "minutebook", **values)
