"""Issue 11's hostile suite: one archive per payload class, every field of every file kind filled
from the schema (tests/hostile.py), one build each.

For every class: the build ends without a traceback; no withheld canary is in any output file
(gzip decompressed); nothing outside ``site/`` changes (the tree is hashed before and after); every
JSON and XML output parses. For script and attribute breakers: no output file carries live markup,
and one page of each kind, in headless Chromium, runs no script, opens no dialog, loads nothing
from elsewhere and does not navigate away while every link is hovered and focused. Traversal
values in every field that becomes an address are refused at load time.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import hostile
import pytest
from browser import chromium, serve
from helpers import env, fixture_project

from minutebook.load import formats
from minutebook.load.schema import SLUG_PATTERN, ListOf, Mapping, Text

CLASSES = ["script", "attribute", "traversal", "huge"]


CACHE = (".cache", "minutebook")  # the build cache's default folder beside mkdocs.yml (cache_dir)


def tree_digest(root: Path, skip: str = "site") -> str:
    """Every file of the project but site/ and the build cache."""
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root)
        if rel.parts[0] == skip or rel.parts[:2] == CACHE or rel.parts == CACHE[:1]:
            continue
        h.update(str(rel).encode())
        if p.is_file() and not p.is_symlink():
            h.update(p.read_bytes())
    return h.hexdigest()


def outputs(site: Path) -> dict[str, str]:
    out = {}
    for p in sorted(site.rglob("*")):
        if p.is_file():
            data = p.read_bytes()
            if p.suffix == ".gz":
                data = gzip.decompress(data)
            out[p.relative_to(site).as_posix()] = data.decode("utf-8", "replace")
    return out


BUILDS: dict[str, dict] = {}


def built(kind: str, tmp_path_factory) -> dict:
    if kind not in BUILDS:
        root = tmp_path_factory.mktemp(f"hostile-{kind}")
        config = fixture_project(root, {})
        files, filler = hostile.archive(kind)
        hostile.write(root / "meetings", files)
        before = tree_digest(root)
        site = root / "site"
        args = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)]
        result = subprocess.run(args, cwd=root, env=env(), capture_output=True, text=True, timeout=900)
        BUILDS[kind] = {
            "root": root,
            "site": site,
            "result": result,
            "before": before,
            "after": tree_digest(root),
            "filler": filler,
            "outputs": outputs(site) if result.returncode == 0 else {},
        }
    return BUILDS[kind]


@pytest.fixture(params=CLASSES)
def build(request, tmp_path_factory):
    return request.param, built(request.param, tmp_path_factory)


def test_every_free_text_field_carries_the_payload(build):
    _, b = build
    filler = b["filler"]
    assert filler.refused == set(), "free-text fields the generator could not fill"
    # every file kind is covered, each by many fields
    for prefix in ("committee.", "meeting.", "minutes.", "paper.", "programme.", "tracker.", "people.", "topics."):
        assert any(p.startswith(prefix) for p in filler.payload_fields), prefix


def test_the_build_succeeds_without_a_traceback(build):
    _, b = build
    result = b["result"]
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert len([f for f in b["outputs"] if f.endswith("index.html")]) >= 20


def test_no_withheld_canary_in_any_output_or_log(build):
    _, b = build
    leaks = sorted({f for f, text in b["outputs"].items() if "CANARY-" in text})
    assert leaks == []
    assert "CANARY-" not in b["result"].stdout + b["result"].stderr


def test_nothing_changes_outside_the_site(build):
    _, b = build
    assert b["before"] == b["after"]
    root = b["root"]
    assert not (root / "evil").exists() and not (root / "docs" / "evil").exists()
    # the build cache is the one other folder written: its pages and search data are published text only
    cache = root.joinpath(*CACHE)
    assert sorted(p.name for p in cache.iterdir()) == ["model", "pages", "search"]
    assert sorted(p.name for p in root.joinpath(CACHE[0]).iterdir()) == [CACHE[1]]
    for part in ("pages", "search"):
        written = [p for p in (cache / part).rglob("*") if p.is_file()]
        assert written and not any(b"CANARY-" in p.read_bytes() for p in written), part
    assert not (root.parent / "evil").exists()


def test_json_and_xml_outputs_parse(build):
    _, b = build
    bad = []
    for name, text in b["outputs"].items():
        try:
            if name.endswith(".json"):
                json.loads(text)
            elif name.endswith(".xml"):
                ET.fromstring(text.encode("utf-8"))
        except (ValueError, ET.ParseError) as exc:
            bad.append(f"{name}: {exc}")
    assert bad == []


# -- live markup in every output file ----------------------------------------------------------


class LiveMarkup(HTMLParser):
    """Finds what a browser would run or follow: handlers, scripts with the payload, javascript: URLs,
    refreshes."""

    URL_ATTRS = frozenset({"href", "src", "action", "formaction", "data", "xlink:href", "srcdoc"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_script = False
        self.json: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on") or name == "autofocus":
                self.found.append(f"<{tag} {name}>")
            if name in self.URL_ATTRS and value.replace("\x00", "").replace(" ", "").startswith("javascript:"):
                self.found.append(f"<{tag} {name}=javascript:>")
        values = {name: (value or "").lower() for name, value in attrs}
        if (
            tag == "meta"
            and values.get("http-equiv") == "refresh"
            and ("evil" in values.get("content", "") or "//" in values.get("content", ""))
        ):
            self.found.append(f"<meta http-equiv=refresh content={values.get('content')}>")  # a redirect off the site
        self.in_script = tag == "script"
        # data islands (JSON-LD) hold the payload as JSON text: inert, if the JSON is whole
        self.json: list[str] | None = [] if tag == "script" and values.get("type", "").endswith("json") else None

    def handle_endtag(self, tag):
        if self.json is not None:
            try:
                json.loads("".join(self.json))
            except ValueError:
                self.found.append("a JSON <script> that does not parse (the payload broke out of it)")
        self.in_script, self.json = False, None

    def handle_data(self, data):
        if self.json is not None:
            self.json.append(data)
        elif self.in_script and "__pwned" in data:
            self.found.append("<script> with the payload")


def live_markup(outputs: dict[str, str]) -> list[str]:
    found = []
    for name, text in outputs.items():
        if name.endswith((".html", ".xml")) and not name.startswith("assets/"):
            parser = LiveMarkup()
            parser.feed(text)
            found.extend(f"{name}: {f}" for f in parser.found)
    return found


@pytest.mark.parametrize("kind", CLASSES)
def test_no_live_markup_in_any_output(kind, tmp_path_factory):
    assert live_markup(built(kind, tmp_path_factory)["outputs"]) == []


# -- the browser -------------------------------------------------------------------------------


def one_page_of_each_kind(site: Path) -> dict[str, str]:
    """The first page of each kind (the theme writes the kind into the page's metadata)."""
    import datetime as dt

    from helpers import REPO

    from minutebook.build import build as domain_build
    from minutebook.settings import SiteSettings

    result = domain_build(
        site.parent / "meetings",
        dt.datetime(2026, 11, 22),
        history=False,
        settings=SiteSettings(templates=REPO / "overrides" / "minutebook"),
    )
    pages: dict[str, str] = {}
    for page in result.pages:
        pages.setdefault(page.kind, page.url)
    pages["search"] = "search/"
    return pages


def browse(site: Path) -> list[str]:
    problems = []
    with serve(site) as base, chromium() as browser:
        for kind, url in one_page_of_each_kind(site).items():
            page = browser.new_page()
            dialogs, elsewhere = [], []
            page.on("dialog", lambda d, dialogs=dialogs: (dialogs.append(d.message), d.dismiss()))

            def route(r, request, base=base, elsewhere=elsewhere):
                if request.url.startswith(base):
                    return r.continue_()
                elsewhere.append(request.url)
                return r.abort()

            page.route("**/*", route)
            response = page.goto(base + url)
            if not response.ok:
                problems.append(f"{kind} {url}: HTTP {response.status}")
            page.wait_for_load_state("load")
            # focus every link and control (that fires focus handlers even on hidden ones), hover the visible
            page.evaluate("""() => document.querySelectorAll('a, button, input, summary, [tabindex]')
                                 .forEach(e => { e.focus(); e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); })""")
            for link in [e for e in page.query_selector_all("a, img, summary") if e.is_visible()][:40]:
                try:
                    link.hover(timeout=200)
                except Exception:  # covered or detached: the event above reached it
                    pass
            page.wait_for_timeout(300)
            if page.evaluate("typeof window.__pwned") != "undefined":
                problems.append(f"{kind} {url}: script ran")
            if dialogs:
                problems.append(f"{kind} {url}: dialog {dialogs}")
            if not page.url.startswith(base) or page.url.rstrip("/") != (base + url).rstrip("/"):
                problems.append(f"{kind} {url}: navigated to {page.url}")
            if [u for u in elsewhere if "evil" in u or u.startswith("javascript")]:
                problems.append(f"{kind} {url}: requested {elsewhere}")
            page.close()
    return problems


@pytest.mark.parametrize("kind", CLASSES)
def test_pages_of_every_kind_run_nothing_in_a_browser(kind, tmp_path_factory):
    assert browse(built(kind, tmp_path_factory)["site"]) == []


# -- traversal in every value that becomes an address ------------------------------------------

FILES = {
    "committee": "board/committee.md",
    "meeting": "board/2020-01-09/meeting.md",
    "minutes": "board/2020-01-09/minutes.md",
    "paper": "board/2020-01-09/papers/appendix-1.md",
    "programme": "board/programmes/2019-20.md",
    "tracker": "board/tracker/2020-01-09.md",
    "topics": "topics.yml",
    "people": "people.yml",
}


def slug_fields(field, path: str):
    """Every field of the schema that must be a slug (it becomes part of an address)."""
    if isinstance(field, Mapping):
        for key, sub in field.fields.items():
            yield from slug_fields(sub, f"{path}.{key}")
        if field.values is not None:
            yield from slug_fields(field.values, f"{path}.<key>")
    elif isinstance(field, ListOf):
        yield from slug_fields(field.item, f"{path}[]")
    elif isinstance(field, Text) and field.pattern == SLUG_PATTERN:
        yield path


SLUG_FIELDS = [p for name, (spec, _) in formats.FORMATS.items() for p in slug_fields(spec, name)]


def _set(data, keys: list[str], value):
    key, rest = keys[0], keys[1:]
    if key.endswith("[]"):
        entries = data[key[:-2]] if key[:-2] else data
        for i, entry in enumerate(entries):
            if rest:
                _set(entry, rest, value)
            else:
                entries[i] = value
        return
    if key == "<key>":
        for sub in data.values():
            _set(sub, rest, value) if rest else None
        return
    if rest:
        data.setdefault(key, {})
        _set(data[key], rest, value)
    else:
        data[key] = value


def _with_value(files: dict[str, str], path: str, value: str) -> tuple[dict[str, str], str]:
    kind, *keys = path.split(".")
    rel = FILES[kind]
    text = files[rel]
    if rel.endswith(".yml"):  # keyed by person or topic: the path's first key is <key>
        data, body = json.loads(text), None
        for sub in data.values():
            _set(sub, keys[1:], value)
    else:
        _, front, body = text.split("---\n", 2)
        data = json.loads(front)
        _set(data, keys, value)
    out = json.dumps(data, ensure_ascii=False) if body is None else f"---\n{json.dumps(data)}\n---\n{body}"
    return {**files, rel: out}, rel


TRAVERSALS = ["../../../docs/evil", 's"onmouseover="x', "a/b", "/etc/x", "..", "x y"]


def test_the_schema_has_slug_fields_in_every_kind_that_makes_addresses():
    kinds = {p.split(".")[0] for p in SLUG_FIELDS}
    assert {"meeting", "paper", "programme", "topics"} <= kinds, SLUG_FIELDS


@pytest.mark.parametrize("path", SLUG_FIELDS)
def test_every_slug_field_refuses_what_is_not_an_address(tmp_path, path):
    import datetime as dt

    from minutebook.build import build as domain_build

    files, _ = hostile.archive("traversal")
    for value in TRAVERSALS:
        changed, rel = _with_value(files, path, value)
        root = tmp_path / value.replace("/", "_").replace(".", "d").replace('"', "q").replace(" ", "s") / "meetings"
        hostile.write(root, changed)
        result = domain_build(root, dt.datetime(2026, 11, 22), history=False, render=False)
        assert any(p.path == f"meetings/{rel}" for p in result.problems.errors), (path, value)


@pytest.mark.parametrize("attr", ["slug", "was", "topic"])
def test_every_heading_attribute_refuses_what_is_not_an_address(tmp_path, attr):
    import datetime as dt

    from minutebook.build import build as domain_build
    from minutebook.load.minutes_text import SLUG_ATTRS

    assert attr in SLUG_ATTRS
    files, _ = hostile.archive("traversal")
    rel = FILES["minutes"]
    for value in TRAVERSALS[:-1]:
        text = files[rel].replace(f" {attr}=", f" {attr}={value}", 1)  # the value, then the slug it had
        root = tmp_path / str(TRAVERSALS.index(value)) / "meetings"
        hostile.write(root, {**files, rel: text})
        result = domain_build(root, dt.datetime(2026, 11, 22), history=False, render=False)
        assert any(p.path == f"meetings/{rel}" and f"'{attr}'" in p.message for p in result.problems.errors), value


def test_a_traversal_archive_build_fails_cleanly_and_writes_nothing_outside(tmp_path):
    files, _ = hostile.archive("traversal")
    for path in SLUG_FIELDS:
        files, _rel = _with_value(files, path, "../../../docs/evil")
    rel = FILES["minutes"]
    files[rel] = files[rel].replace("slug=", "slug=../../../docs/evil", 1)
    config = fixture_project(tmp_path, {})
    hostile.write(tmp_path / "meetings", files)
    before = tree_digest(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(tmp_path / "site")],
        cwd=tmp_path,
        env=env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "is not" in result.stderr and "lower-case letters, digits and single hyphens" in result.stderr
    assert tree_digest(tmp_path) == before and not (tmp_path / "docs" / "evil").exists()


def test_deep_yaml_is_an_error_not_a_traceback(tmp_path):
    import datetime as dt

    from minutebook.build import build as domain_build

    files, _ = hostile.archive("huge")
    deep = "---\nname: Board\ncontact: " + "[" * 5000 + "]" * 5000 + "\n---\n"
    anchors = (
        "---\nname: &a [x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"k{i}: &a{i} [*{'a' if i == 0 else f'a{i - 1}'}, *{'a' if i == 0 else f'a{i - 1}'}, "
            f"*{'a' if i == 0 else f'a{i - 1}'}]\n"
            for i in range(12)
        )
        + "---\n"
    )
    for text in (deep, anchors):
        hostile.write(tmp_path / "meetings", {**files, "board/committee.md": text})
        result = domain_build(tmp_path / "meetings", dt.datetime(2026, 11, 22), history=False, render=False)
        assert any(p.path == "meetings/board/committee.md" for p in result.problems.errors)
