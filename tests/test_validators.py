"""Two third-party validators beside axe-core, over every page of the sample site: the Nu Html Checker
(npm `vnu-jar`, on a Java runtime) finds invalid HTML, and HTML_CodeSniffer (npm `html_codesniffer`,
in Chromium) finds WCAG 2 AA errors. Both must report none. .ci/run installs both; a machine without
them skips these tests, except in CI, where a missing tool fails."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pytest
from browser import chromium, serve
from helpers import REPO
from test_public_site import PAGE_TYPES

NPM = REPO / "tests" / ".npm" / "node_modules"
VNU = NPM / "vnu-jar" / "build" / "dist" / "vnu.jar"
HTMLCS = NPM / "html_codesniffer" / "build" / "HTMLCS.js"


def require(path, what):
    if not path.exists():
        if os.environ.get("CI"):
            raise RuntimeError(f"{what} is missing: .ci/run installs it")
        pytest.skip(f"{what} is not installed (npm install --no-save --prefix tests/.npm vnu-jar html_codesniffer)")


def java() -> str:
    found = shutil.which("java")
    if not found:
        if os.environ.get("CI"):
            raise RuntimeError("java is missing: apt-get install default-jre-headless")
        pytest.skip("no Java runtime (apt-get install default-jre-headless)")
    return found


def pages(site):
    return sorted(p for p in site.rglob("*.html"))


def nu_errors(target) -> list[str]:
    run = subprocess.run(
        [java(), "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json", str(target)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    # the checker always reports in JSON, its version included, even when it finds nothing: anything
    # else (no output at all from a Java that did not start) must fail, not pass as "no errors"
    assert run.stderr.lstrip().startswith('{"version"'), (
        f"the Nu Html Checker did not run (exit {run.returncode}): {run.stderr[-500:]!r} {run.stdout[-500:]!r}"
    )
    messages = json.loads(run.stderr)["messages"]
    return [
        f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") in ("error", "non-document-error")
    ]


def test_the_nu_html_checker_finds_no_error_on_any_page(sample_site):
    require(VNU, "the Nu Html Checker (npm vnu-jar)")
    site, _ = sample_site
    assert len(pages(site)) > 100  # every page: committees, meetings, items, papers, people, topics, guides
    assert nu_errors(site) == []


def test_the_nu_html_checker_reports_what_it_should(tmp_path):
    """The checker is live: the theme's own markup, which our overrides replace, fails it."""
    require(VNU, "the Nu Html Checker (npm vnu-jar)")
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!doctype html><html lang="en"><head><title>t</title></head><body>'
        '<input type="checkbox" id="x" autocomplete="off"><label for="x" tabindex="">x</label>'
        "<h2>papers/<paper>.md</h2></body></html>",
        encoding="utf-8",
    )
    errors = nu_errors(bad)
    assert any("autocomplete" in e for e in errors)
    assert any("tabindex" in e for e in errors)
    assert any("paper" in e for e in errors)


SNIFF = """() => new Promise((resolve) => {
  HTMLCS.process("WCAG2AA", document, () => {
    resolve(HTMLCS.getMessages().filter((m) => m.type === HTMLCS.ERROR).map((m) => {
      const el = m.element;
      const where = el && el.outerHTML ? el.outerHTML.slice(0, 120) : String(el);
      return m.code + " " + m.msg.slice(0, 160) + " @ " + where;
    }));
  });
})"""


REFRESH = re.compile(r'<meta http-equiv="refresh" content="([^"]*)">')


def sniff(page, base, url, source, html=None):
    """HTML_CodeSniffer's errors on one page. A redirect page (a moved page's old address) would leave
    at once: it is checked as its HTML without the refresh, whose delay must be 0 (WCAG F41)."""
    refresh = REFRESH.search(html or "")
    if refresh:
        assert refresh.group(1).startswith("0;"), url
        page.goto(base + "404.html")
        page.set_content(REFRESH.sub("", html))
    else:
        page.goto(base + url)
    page.wait_for_load_state("load")
    page.add_script_tag(content=source)
    return page.evaluate(SNIFF)


def test_html_codesniffer_finds_no_wcag2aa_error_on_any_page(sample_site):
    require(HTMLCS, "HTML_CodeSniffer (npm html_codesniffer)")
    site, _ = sample_site
    source = HTMLCS.read_text(encoding="utf-8")
    failures = []
    with serve(site) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for path in pages(site):
            url = path.relative_to(site).as_posix().removesuffix("index.html")
            html = path.read_text(encoding="utf-8")
            failures += [f"{url} @1280px: {e}" for e in sniff(page, base, url, source, html)]
        page = browser.new_page(viewport={"width": 390, "height": 844})
        for name, url in PAGE_TYPES.items():
            failures += [f"{name} @390px: {e}" for e in sniff(page, base, url, source)]
    assert failures == []


def test_html_codesniffer_reports_what_it_should(sample_site, tmp_path):
    """The sniffer is live: an image without a text alternative and a field without a label fail it."""
    require(HTMLCS, "HTML_CodeSniffer (npm html_codesniffer)")
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>t</title></head><body>'
        '<main><img src="x.png"><input type="text"></main></body></html>',
        encoding="utf-8",
    )
    with serve(tmp_path) as base, chromium() as browser:
        errors = sniff(browser.new_page(), base, "", HTMLCS.read_text(encoding="utf-8"))
    assert any("H37" in e for e in errors)  # img without alt
    assert any("H44" in e or "F68" in e or "H91" in e for e in errors)  # a field without a label


ASSET = re.compile(r'<(?:link[^>]* href|script[^>]* src)="([^"#?:]+)"')


def test_every_stylesheet_and_script_a_page_loads_is_in_the_site(sample_site):
    """overrides/base.html names the theme's hashed files: a theme other than the one it was copied
    from (pyproject pins it) would leave pages without their CSS and JavaScript."""
    site, _ = sample_site
    missing = set()
    for path in pages(site):
        for ref in ASSET.findall(path.read_text(encoding="utf-8")):
            target = site / ref.lstrip("/") if ref.startswith("/") else path.parent / ref  # 404.html: from the root
            if not target.resolve().exists():
                missing.add(f"{path.relative_to(site)}: {ref}")
    assert sorted(missing)[:10] == []
