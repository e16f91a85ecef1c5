"""Topics: the same subject followed across meetings and years (per-item history).

Items of one committee are joined into a topic when

* they carry the same ``topic`` key (agenda item, minute heading or plan entry): explicit;
* one's minute cites the other's ("Further to minute 28/16"): inferred;
* their titles share their significant words ("Improvement Board Progress Report from 6th
  January, 2016" and "Improvement Board Report from 18th October, 2017"): inferred.

Title pairs that only partly agree are not joined; the build lists them as information so that an
officer can confirm them in ``meetings/topics.yml``, which also renames, merges and splits topics:

    improvement-board:
      title: Children's Services Improvement Board
      items: [education-childrens-services/2018-07-19/progress-on-childrens-services-improvement-plan]
      exclude: []          # item ids taken out of the topic
      merge: [improvement-board-report]   # other topics folded into this one
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import sys
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from minutebook.link.similarity import significant_words, strength_of, without
from minutebook.load.filecache import FileCache
from minutebook.model import Archive, Item
from minutebook.model.names import slugify
from minutebook.problems import INFO, Problem, Problems

if TYPE_CHECKING:
    from minutebook.link.planning import PlanLink
    from minutebook.link.tracker import Action
    from minutebook.load.loader import Scope

PROCEDURAL = {
    "apologies and substitutions",
    "apologies",
    "declarations of interests",
    "declarations of interest",
    "minutes",
    "matters arising",
    "any other business",
    "meeting evaluation",
    "work programme",
    "outstanding issues",
    "work programme and outstanding issues",
    "exclusion of press and public",
    "exclusion of the press and public",
    "urgent business",
    "substitutions",
    "chair's announcements",
}
COMMON_SHARE = 0.2  # a word in more than this share of a committee's items says little on its own
DATE_TAIL = re.compile(
    r"\s*(?:[-–—]\s*|\bfrom\s+|\bof\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
    r"\w*,?\s*(?:\d{2,4})?\s*$",
    re.I,
)


@dataclass(eq=False)
class Topic:
    id: str
    title: str
    committees: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)  # by meeting date
    entries: list[PlanLink] = field(default_factory=list)  # by date
    actions: list[Action] = field(default_factory=list)
    explicit: bool = False


def is_procedural(title: str) -> bool:
    return " ".join(re.sub(r"[^a-z' ]+", " ", title.lower()).split()) in PROCEDURAL


def short_title(title: str) -> str:
    """'Improvement Board Report from 18th October, 2017' -> 'Improvement Board Report'."""
    text = title
    for _ in range(2):
        text = DATE_TAIL.sub("", text).strip(" -–—,")
    return text or title


class _Union:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _out_of_scope(scope: Scope | None, ref: str) -> bool:
    """Whether a preview scope (load.loader.Scope) leaves out the meeting an item address names."""
    if scope is None or scope.everything:
        return False
    committee, _, rest = ref.partition("/")
    try:
        day = dt.date.fromisoformat(rest.partition("/")[0])
    except ValueError:
        return not scope.committee(committee)
    return not scope.meeting(committee, day)


def assign_topics(
    archive: Archive,
    config: dict[str, Any],
    problems: Problems,
    source: str = "meetings/topics.yml",
    scope: Scope | None = None,
    cache: FileCache | None = None,
) -> list[Topic]:
    """Group items into topics; set ``item.topic_ref``; return the topics, by title. Under a preview
    ``scope``, items of meetings outside it are not looked for. With ``cache`` (the parsed-file cache),
    a committee whose titles and meetings are as before takes its title comparisons from it."""
    items = [i for m in archive.meetings for i in m.items if not i.private and not is_procedural(i.title)]
    index = {id(i): n for n, i in enumerate(items)}
    ids = [i.id for i in items]  # made once: an id is worked out from the meeting's each time it is asked
    by_id = dict(zip(ids, items, strict=True))
    union = _Union()
    words = [significant_words(i.title) for i in items]
    forced: dict[str, str] = {}  # item id -> topic key from topics.yml
    excluded: set[str] = set()
    for key, spec in config.items():
        for ref in spec.get("items", []):
            if ref not in by_id and _out_of_scope(scope, ref):
                continue
            if ref not in by_id:
                problems.error(
                    source,
                    spec.line_of("items") if hasattr(spec, "line_of") else None,
                    f"topic '{key}' lists the item {ref}, which is not in the archive",
                    "write <committee>/<YYYY-MM-DD>/<item slug>, as in the item's address",
                )
                continue
            forced[ref] = key
        excluded.update(spec.get("exclude", []))
    # explicit keys
    by_key: dict[str, list[int]] = defaultdict(list)
    for n, item in enumerate(items):
        explicit_key = forced.get(ids[n]) or item.topic
        if explicit_key:
            by_key[explicit_key].append(n)
    for members in by_key.values():
        for n in members[1:]:
            union.join(members[0], n)
    # references between minutes
    for n, item in enumerate(items):
        if ids[n] in excluded or not item.minute:
            continue
        for cite in item.minute.references:
            found = archive.find_minute(item.meeting.committee, cite, item.meeting.date)
            if found and id(found[1]) in index and found[1].id not in excluded:
                union.join(n, index[id(found[1])])
    # title similarity, within a committee, through an index of words that are not too common
    by_committee: dict[str, list[int]] = defaultdict(list)
    for n, item in enumerate(items):
        if ids[n] not in excluded:
            by_committee[item.meeting.committee].append(n)
    unsure: Pairs = []
    alike = cache.part("topics") if cache is not None else None
    for committee, members in by_committee.items():
        sure, doubtful = _alike_titles(committee, members, items, words, alike)
        for a, b in sure:
            union.join(a, b)
        unsure.extend(doubtful)
    # topics.yml merges
    groups: dict[int, list[int]] = defaultdict(list)
    for n in range(len(items)):
        if ids[n] not in excluded or forced.get(ids[n]):
            groups[union.find(n)].append(n)
    by_topic_id = _make_topics(groups, items, ids, forced, config)
    _apply_merges(by_topic_id, config, problems, source)
    topics = [t for t in by_topic_id.values() if len(t.items) >= 2 or t.explicit]
    for topic in topics:
        topic.items.sort(key=lambda i: (i.meeting.date, i.number or ""))
        for item in topic.items:
            item.topic_ref = topic
        topic.committees = sorted({i.meeting.committee for i in topic.items})
    problems.later(functools.partial(_unsure_notes, problems, source, items, ids, unsure))
    return sorted(topics, key=lambda t: t.title.lower())


def _unsure_notes(
    problems: Problems, source: str, items: list[Item], ids: list[str], unsure: Pairs
) -> Iterator[Problem]:
    """A note for each pair of items whose titles may be one topic and were not joined. Made when the
    notes are asked for (Problems.later): a large archive has tens of thousands."""
    for a, b in unsure:
        one, other = items[a], items[b]
        if one.topic_ref is not None and one.topic_ref is other.topic_ref:
            continue
        yield problems.make(
            source,
            None,
            f"unsure whether '{one.title}' ({one.meeting.date.isoformat()}) and "
            f"'{other.title}' ({other.meeting.date.isoformat()}) are one topic; not joined",
            f"to join them, list both under one topic's items: {ids[a]}, {ids[b]}",
            INFO,
        )


Pairs = list[tuple[int, int]]


def _alike_titles(
    committee: str, members: list[int], items: list[Item], words: list[frozenset[str]], cache: FileCache | None
) -> tuple[Pairs, Pairs]:
    """The pairs of a committee's items (indexes into ``items``) whose titles are surely alike, and those
    that may be, compared through an index of the words that are not too common. The result depends only
    on the titles and on which items share a meeting: with ``cache``, it is kept under a digest of those."""
    key = None
    if cache is not None:
        meetings: dict[int, int] = {}
        shape = [(items[n].title, meetings.setdefault(id(items[n].meeting), len(meetings))) for n in members]
        key = cache.key(f"topics/{committee}", repr(shape).encode())
        found = cache.get(key, lambda value: _are_pairs(value, len(members)))
        if found is not None:
            return _unpacked(found[0], members), _unpacked(found[1], members)
    postings: dict[str, list[int]] = defaultdict(list)
    for n in members:
        for w in words[n]:
            postings[w].append(n)
    limit = max(3, int(len(members) * COMMON_SHARE))
    common = frozenset(w for w, ns in postings.items() if len(ns) > limit)
    rest = {n: without(words[n], common) for n in members}
    seen: set[tuple[int, int]] = set()
    sure: Pairs = []
    unsure: Pairs = []
    for ns in postings.values():
        if len(ns) > limit:
            continue
        for i, a in enumerate(ns):
            for b in ns[i + 1 :]:
                if (a, b) in seen or items[a].meeting is items[b].meeting:
                    continue
                seen.add((a, b))
                verdict = strength_of(words[a], words[b], rest[a], rest[b])
                if verdict == "sure":
                    sure.append((a, b))
                elif verdict == "unsure":
                    unsure.append((a, b))
    if cache is not None and key is not None:
        at = {n: k for k, n in enumerate(members)}
        cache.put(key, (_packed(sure, at), _packed(unsure, at)))
    return sure, unsure


def _packed(pairs: Pairs, at: dict[int, int]) -> bytes:
    """Pairs of items as their positions among the committee's, two unsigned 32-bit little-endian numbers
    a pair: a committee's thousands of pairs are stored, read and checked at the speed of bytes."""
    flat = array("I", (at[n] for pair in pairs for n in pair))
    if sys.byteorder == "big":
        flat.byteswap()
    return flat.tobytes()


def _positions(data: bytes) -> array[int]:
    flat = array("I")
    flat.frombytes(data)
    if sys.byteorder == "big":
        flat.byteswap()
    return flat


def _unpacked(data: bytes, members: list[int]) -> Pairs:
    flat = _positions(data)
    return [(members[flat[k]], members[flat[k + 1]]) for k in range(0, len(flat), 2)]


def _are_pairs(value: object, size: int) -> bool:
    """Whether a cached value is what :func:`_alike_titles` stores: two packed lists of pairs of positions
    among ``size`` items."""
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and all(isinstance(data, bytes) and len(data) % 8 == 0 for data in value)
        and all(not data or max(_positions(data)) < size for data in value)
    )


def _make_topics(
    groups: dict[int, list[int]],
    items: list[Item],
    ids: list[str],
    forced: dict[str, str],
    config: dict[str, Any],
) -> dict[str, Topic]:
    topics: dict[str, Topic] = {}
    for _root, members in sorted(groups.items()):
        group = [items[n] for n in members]
        keys = Counter(k for k in (forced.get(ids[n]) or items[n].topic for n in members) if k)
        if keys:  # the key most of the group carry (the first in order of those that tie)
            key, explicit = min(keys, key=lambda k: (-keys[k], k)), True
        else:
            key, explicit = slugify(common_title(group)), False
        if key in topics and (explicit or key in config):
            topics[key].items.extend(group)  # a topics.yml entry and the inferred topic of the same id
            continue
        base, n = key, 2
        while key in topics:
            key = f"{base}-{n}"
            n += 1
        title = config.get(key, {}).get("title") or common_title(group)
        topics[key] = Topic(id=key, title=title, items=group, explicit=explicit or key in config)
    return topics


def common_title(group: list[Item]) -> str:
    """The words every title of the group shares, as the earliest title writes them."""
    ordered = sorted(group, key=lambda i: i.meeting.date)
    common = frozenset.intersection(*(significant_words(i.title) for i in ordered))
    if not common:
        return min((short_title(i.title) for i in ordered), key=len)
    kept = [
        word
        for word in re.split(r"\s+", short_title(ordered[0].title))
        if significant_words(word) and significant_words(word) <= common
    ]
    return " ".join(kept) or min((short_title(i.title) for i in ordered), key=len)


def _apply_merges(topics: dict[str, Topic], config: dict[str, Any], problems: Problems, source: str) -> None:
    for key, spec in config.items():
        for other in spec.get("merge", []):
            if other not in topics:
                problems.warning(
                    source,
                    None,
                    f"topic '{key}' merges '{other}', which is not a topic",
                    "check the topic id on the topic's page address (topics/<id>/)",
                )
                continue
            if key not in topics:
                topics[key] = Topic(id=key, title=spec.get("title") or topics[other].title, explicit=True)
            topics[key].items.extend(i for i in topics.pop(other).items if i not in topics[key].items)
        if key in topics and spec.get("title"):
            topics[key].title = spec["title"]
