"""The index written in Python is the index lunr.js would search: same terms, same weights, same
ranking. node runs the vendored lunr.js (overrides/assets/minutebook/lunr.min.js)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from helpers import REPO

from minutebook.build import build
from minutebook.search import documents, lunr_index, shards, text

LUNR_JS = REPO / "overrides" / "assets" / "minutebook" / "lunr.min.js"
SEARCH_JS = REPO / "overrides" / "assets" / "minutebook" / "search.js"
TRICKY = (
    "Holiday holidays try lay eed eeds café children's. “Quoted” words—dashes – and co-opted "
    "people\u00a0with\u2003odd\u202fspaces £1.5m 73/16 (a) e.g. CAF's x2 YOUTH yearly Y "
    "users/carers community/voluntary chair/IRO health-and-care 2016/17 28/16 2019–20 care—and "
    "non\u2011breaking figure\u2012dash bar\u2015 /lead trail/ a//b and/or \\back\\slash"
)


def search_js_separator() -> str:
    """The separator search.js gives lunr's tokenizer, as JavaScript source."""
    found = re.findall(r"^\s*var SEPARATOR = (/.+/);$", SEARCH_JS.read_text(encoding="utf-8"), re.M)
    assert len(found) == 1, "search.js must set its separator on one line: var SEPARATOR = /…/;"
    return found[0]


NODE_TERMS = """
const lunr = require(process.argv[1]);
lunr.tokenizer.separator = SEPARATOR;
const text = require('fs').readFileSync(0, 'utf8');
const pipeline = new lunr.Pipeline();
pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
const terms = pipeline.run(lunr.tokenizer(text)).map(t => t.toString()).filter(t => t !== '');
process.stdout.write(JSON.stringify(terms));
"""

NODE_QUERY = """
const lunr = require(process.argv[1]);
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const index = lunr.Index.load(input.index);
const out = input.queries.map(q => index.search(q).map(r => [r.ref, r.score]));
process.stdout.write(JSON.stringify(out));
"""


NODE_SEPARATORS = """
const lunr = require(process.argv[1]);
const out = [];
for (let c = 0; c < 0x10000; c++) if (String.fromCharCode(c).match(SEPARATOR)) out.push(c);
process.stdout.write(JSON.stringify(out));
"""


def node(script: str, stdin: str) -> str:
    if shutil.which("node") is None:
        pytest.skip("node is not installed")
    script = f"const SEPARATOR = {search_js_separator()};\n{script}"
    done = subprocess.run(
        ["node", "-e", script, str(LUNR_JS)], input=stdin, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def docs():
    result = build(REPO / "meetings", history=False, render=False)
    assert result.ok
    found = documents.collect(result.archive)
    assert len(found) > 20
    return found


def test_python_terms_are_the_terms_lunr_js_makes(docs):
    corpus = "\n".join([TRICKY] + [d.title + "\n" + d.text for d in docs])
    assert text.terms(corpus) == json.loads(node(NODE_TERMS, corpus))


def test_python_splits_words_where_search_js_does():
    javascript = json.loads(node(NODE_SEPARATORS, ""))
    python = [c for c in range(0x10000) if text.SEPARATOR.fullmatch(chr(c))]
    assert python == javascript
    assert {ord(c) for c in "/-\u2013\u2014 \u00a0"} <= set(python) and ord("a") not in python


def test_joined_words_split_into_their_parts():
    assert text.terms("users/carers chair/IRO health-and-care 2016/17 28/16 2019–20 youth—and") == [
        "user",
        "carer",
        "chair",
        "iro",
        "health",
        "care",
        "2016",
        "17",
        "28",
        "16",
        "2019",
        "20",
        "youth",
    ]
    assert text.terms("and/or") == []  # both halves are stop words


def test_the_stemmer_follows_lunr_js_where_lunr_py_departs():
    assert text.terms("holiday try lay") == ["holiday", "tri", "lay"]


def _js_compatible_lunr_py_builder():
    from lunr.builder import Builder
    from lunr.pipeline import Pipeline
    from lunr.stop_word_filter import stop_word_filter

    def js_trimmer(token, i=None, tokens=None):
        return token.update(lambda s, m=None: text.JS_TRIM.sub("", s))

    def js_stemmer(token, i=None, tokens=None):
        return token.update(lambda s, m=None: text.term(s) or s)

    Pipeline.register_function(js_trimmer, "minutebookTrimmer")
    Pipeline.register_function(js_stemmer, "minutebookStemmer")
    builder = Builder()
    builder.pipeline.add(js_trimmer, stop_word_filter, js_stemmer)
    builder.ref("id")
    builder.field("title", boost=shards.BOOSTS[0])
    builder.field("text", boost=shards.BOOSTS[1])
    return builder


def test_the_fast_writer_writes_what_lunr_py_builds(docs):
    # lunr.py's tokenizer splits on ASCII whitespace and hyphens only: give both builders plain spaces
    def plain(s):
        return text.SEPARATOR.sub(" ", s)

    builder = _js_compatible_lunr_py_builder()
    for i, doc in enumerate(docs):
        builder.add({"id": str(i), "title": plain(doc.title), "text": plain(doc.text)})
    theirs = builder.build().serialize()
    fields = [[text.term_counts(plain(d.title)), text.term_counts(plain(d.text))] for d in docs]
    stats = lunr_index.Stats(shards.FIELDS, exact=True)  # lunr's own weights; the site's are rounded
    for f in fields:
        stats.add(f)
    ours = lunr_index.serialize(fields, stats, shards.BOOSTS)

    # lunr keeps a term "" for tokens that are punctuation alone; no query can reach it, so ours drops it
    def by_term(index):
        names = {posting["_index"]: term for term, posting in index["invertedIndex"]}
        postings = {
            term: {f: sorted(posting[f]) for f in index["fields"]} for term, posting in index["invertedIndex"] if term
        }
        vectors = {
            ref: {names[v[i]]: v[i + 1] for i in range(0, len(v), 2) if names[v[i]]} for ref, v in index["fieldVectors"]
        }
        return postings, vectors

    assert by_term(ours) == by_term(theirs)
    assert [t for t, _ in ours["invertedIndex"]] == [t for t, _ in theirs["invertedIndex"] if t]
    assert ours["pipeline"] == ["stemmer"] and ours["version"] == "2.3.9"


QUERIES = [
    "health",
    "health visitors",
    "+school +place*",
    "minute",
    "Coventry family",
    "report -health",
    "title:strategic",
    "improvement board",
    "social work*",
    "CAF",
]


def test_lunr_py_and_lunr_js_rank_a_shard_the_same(docs, tmp_path):
    shards.write(docs, tmp_path, {"education-childrens-services": "Scrutiny Board 2"})
    for path in sorted((tmp_path / "s").glob("*.json")):
        index = json.loads(path.read_text(encoding="utf-8"))["index"]
        from lunr.index import Index

        loaded = Index.load(index)
        python = [[[r["ref"], r["score"]] for r in loaded.search(q)] for q in QUERIES]
        javascript = json.loads(node(NODE_QUERY, json.dumps({"index": index, "queries": QUERIES})))
        assert any(python), "the queries find nothing: the test would prove nothing"
        for q, py, js in zip(QUERIES, python, javascript, strict=True):
            assert [ref for ref, _ in py] == [ref for ref, _ in js], q
            assert [round(s, 6) for _, s in py] == [round(s, 6) for _, s in js], q
