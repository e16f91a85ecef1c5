"""Issue 15 (item 2): a page's dependency key (render/dependencies) lets a warm build take a page from the
cache without building its Markdown. The key is sound only if a page declaring its meetings
(``View.body_meetings``) prints no other meeting's texts, and if every officer text of the model is in
exactly one meeting's digest: both are checked here on the sample archive and on a demo archive, by
changing every other meeting's texts and comparing each page's Markdown."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from helpers import REPO, site_settings

from minutebook.build import build
from minutebook.devtools.demo import generate
from minutebook.render import dependencies

DAY = dt.datetime(2026, 1, 15, 12, 0)
MARK = " ZQ-OTHER-MEETING-TEXT-91"


@pytest.fixture(scope="module", params=["sample", "demo"])
def archive_dir(request, tmp_path_factory) -> Path:
    if request.param == "sample":
        return REPO / "meetings"
    folder = tmp_path_factory.mktemp("demo") / "meetings"
    generate(folder, 2, 2, sample=REPO / "meetings")
    return folder


def fresh(folder: Path):
    result = build(folder, DAY, settings=site_settings(), history=False)
    assert result.ok, result.problems
    return result


def declared(result):
    """{frozenset of declared meetings' ids: [page refs]} for the pages that declare their meetings."""
    groups: dict[frozenset, list] = {}
    for ref in result.pages:
        meetings = ref.view.body_meetings()
        if meetings is not None:
            groups.setdefault(frozenset(m.id for m in meetings), []).append(ref)
    return groups


def mark_texts(result, keep: frozenset) -> int:
    """Change every officer text of every meeting not in ``keep``; how many were changed."""
    changed = 0
    for meeting in result.archive.meetings:
        if meeting.id not in keep:
            for holder, name in dependencies.meeting_texts(meeting):
                setattr(holder, name, getattr(holder, name) + MARK)
                changed += 1
    return changed


def test_a_page_prints_no_texts_of_the_meetings_it_does_not_declare(archive_dir):
    baseline = fresh(archive_dir)
    groups = declared(baseline)
    kinds = {ref.kind for refs in groups.values() for ref in refs}
    assert {"meeting", "item", "paper", "print", "topic", "person"} <= kinds
    if archive_dir == REPO / "meetings":
        assert {"programme", "tracker"} <= kinds
    before = {ref.src: ref.markdown() for refs in groups.values() for ref in refs}
    for keep, refs in groups.items():
        result = fresh(archive_dir)
        assert mark_texts(result, keep) > 0
        pages = {ref.src: ref for ref in result.pages}
        for ref in refs:
            assert MARK not in pages[ref.src].markdown(), (ref.src, keep)
            assert pages[ref.src].markdown() == before[ref.src], ref.src


def test_a_change_to_a_declared_meetings_texts_reaches_its_pages(archive_dir):
    """The check above has teeth: the same change to a meeting's own texts shows on its pages."""
    result = fresh(archive_dir)
    reached = 0
    for meeting in result.archive.meetings:
        for holder, name in dependencies.meeting_texts(meeting):
            setattr(holder, name, getattr(holder, name) + MARK)
    for refs in declared(result).values():
        reached += sum(MARK in ref.markdown() for ref in refs)
    assert reached > 10


def test_every_text_of_the_model_is_in_exactly_one_meetings_digest(archive_dir):
    result = fresh(archive_dir)
    held = dependencies.text_holders(result.archive)
    by_meeting = [id(h) for m in result.archive.meetings for h, _ in dependencies.meeting_texts(m)]
    assert len(held) > 20
    assert len(by_meeting) == len(set(by_meeting))  # no text in two meetings' digests
    assert sorted(held) == sorted(by_meeting)
    # and BODIES names every field that holds them
    for holder_id in held[:50]:
        holder = next(
            h for m in result.archive.meetings for h, _ in dependencies.meeting_texts(m) if id(h) == holder_id
        )
        assert set(dependencies.BODIES[type(holder)]) <= {f.name for f in dataclasses.fields(holder)}


def test_the_shape_changes_with_any_small_field_and_not_with_a_text(archive_dir):
    def shape(result):
        ctx = result.pages[0].view.ctx
        return dependencies.site_digest(result.archive, ctx.today, ctx.settings, "fingerprint")

    first, second = fresh(archive_dir), fresh(archive_dir)
    assert shape(first) == shape(second) is not None  # the same archive read twice: the same shape
    meeting = next(m for m in second.archive.meetings if m.minutes and m.items)
    holder, name = next(iter(dependencies.meeting_texts(meeting)))
    setattr(holder, name, getattr(holder, name) + MARK)
    assert shape(second) == shape(first)
    texts = dependencies.texts_digest(meeting)
    assert texts != dependencies.texts_digest(next(m for m in first.archive.meetings if m.id == meeting.id))
    for change in (
        lambda m: setattr(m.items[0], "title", m.items[0].title + " (revised)"),
        lambda m: setattr(m, "place", m.place + ", Room 2"),
        lambda m: m.items[0].previous_slugs.append("old-address"),
        lambda m: setattr(m.minutes, "approved", not m.minutes.approved),
    ):
        changed = fresh(archive_dir)
        change(next(m for m in changed.archive.meetings if m.id == meeting.id))
        assert shape(changed) != shape(first)
    # the day and the fingerprint are in it too
    ctx = first.pages[0].view.ctx
    assert dependencies.site_digest(first.archive, ctx.today + dt.timedelta(days=1), ctx.settings, "fingerprint") != (
        shape(first)
    )
    assert dependencies.site_digest(first.archive, ctx.today, ctx.settings, "another") != shape(first)


def test_a_value_the_digest_cannot_read_gives_no_shape():
    @dataclasses.dataclass
    class Odd:
        value: object

    day, settings = dt.date(2026, 1, 1), site_settings()
    assert dependencies.site_digest(Odd(object()), day, settings, "f") is None
    one = dependencies.site_digest(Odd({"a": [1, (2, "x")], "s": {"b", "a"}}), day, settings, "f")
    assert one is not None and one == dependencies.site_digest(
        Odd({"a": [1, (2, "x")], "s": {"a", "b"}}), day, settings, "f"
    )
    assert one != dependencies.site_digest(Odd({"a": [1, (2, "y")], "s": {"a", "b"}}), day, settings, "f")


def test_the_model_holds_nothing_but_its_declared_fields(archive_dir):
    """The shape's walk reads the dataclasses' fields: an attribute set on a model object besides them (a later
    stage's note on a meeting) would reach the pages unseen by the key. None may be there."""
    result = fresh(archive_dir)
    seen: set[int] = set()
    extra: dict[str, set[str]] = {}

    def walk(value) -> None:
        if isinstance(value, (list, tuple, set, frozenset)):
            for entry in value:
                walk(entry)
        elif isinstance(value, dict):
            for key, entry in value.items():
                walk(key)
                walk(entry)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type) and id(value) not in seen:
            seen.add(id(value))
            names = {f.name for f in dataclasses.fields(value)}
            if undeclared := set(getattr(value, "__dict__", {})) - names:
                extra.setdefault(type(value).__name__, set()).update(undeclared)
            for name in names:
                walk(getattr(value, name))

    walk(result.archive)
    assert len(seen) > 100 and extra == {}
