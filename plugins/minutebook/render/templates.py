"""The page templates: one autoescaped Jinja template per page kind, in the site's theme folder.

The templates live in ``overrides/minutebook/`` (the theme's ``custom_dir``, beside the site's
other template overrides), so a council adjusts a page's wording where it adjusts the theme. The
plugin passes that folder in through :class:`~minutebook.settings.SiteSettings` (``templates``);
the domain never guesses where a checkout is.

Every value a template prints is HTML-escaped (quotes included) unless it is :class:`Markup`.
Officers' text is Markdown: :func:`officer` runs it through the one sanitiser
(:func:`minutebook.publish.sanitize.clean_markdown`) and is the only place that marks text as
Markup. Templates write Markdown with HTML blocks (``markdown="1"``), which MkDocs turns into the
page, checking every link.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from minutebook.link import approval
from minutebook.load.minutes_text import MARKER_PATTERN
from minutebook.model import ATTENDANCE_LABELS, municipal_year_label, urls
from minutebook.model.vocabularies import PaperKind
from minutebook.publish.sanitize import clean_markdown

KIND_LABELS = PaperKind.labels()


RESOLVED = re.compile(r"^RESOLVED\b")


class TemplatesMissing(Exception):
    """The site has no Minutebook page templates where its settings say."""


def officer(text: str | None) -> Markup:
    """Officer-written Markdown, sanitised, as Markup: the one place text is trusted as markup."""
    return _officer(text or "")


@lru_cache(maxsize=1024)
def _officer(text: str) -> Markup:
    # the sanitiser is a function of the text alone; the same minute or resolution is printed on its
    # item's page, its meeting's, the print pack, topic and person pages, one after another
    return Markup(clean_markdown(text))


def inline(text: str | None) -> str:
    """Text placed on one Markdown line (a table cell, a heading, a link label): one line, no pipes."""
    return " ".join((text or "").split()).replace("|", "\\|")


@lru_cache(maxsize=8192)
def long_date(day: dt.date | None) -> str:
    if day is None:
        return ""
    return f"{day.strftime('%A')} {day.day} {day.strftime('%B %Y')}"


@lru_cache(maxsize=8192)
def short_date(day: dt.date | None) -> str:
    if day is None:
        return ""
    return f"{day.day} {day.strftime('%B %Y')}"


def clock(value: str | None) -> str:
    """'14:00' -> '2.00 pm' as councils print it."""
    if not value:
        return ""
    hour, minute = (int(x) for x in value.split(":"))
    suffix = "am" if hour < 12 else "pm"
    if hour == 12 and minute == 0:
        return "12 noon"
    return f"{(hour - 1) % 12 + 1}.{minute:02d} {suffix}"


def bold_resolved(text: str) -> str:
    return RESOLVED.sub("**RESOLVED**", text or "")


@dataclass
class Marked:
    """A minute's text split where its RESOLVED list goes (the first marker; later ones are dropped)."""

    marked: bool
    before: str
    after: str


def split_at_marker(body: str) -> Marked:
    match = MARKER_PATTERN.search(body or "")
    if not match:
        return Marked(False, body or "", "")
    return Marked(True, body[: match.start()], MARKER_PATTERN.sub("", body[match.end() :]))


VOTE_WAYS = {"for": "For", "against": "Against", "abstain": "Abstained"}
PLANNING_WORDS = {
    "granted": "Granted",
    "refused": "Refused",
    "deferred": "Deferred to a later meeting",
    "": "Not decided yet",
}


def vote_result(vote) -> str:
    """ "Carried", "Lost", "Carried on the chair's casting vote"."""
    return vote.result.capitalize() + (" on the chair's casting vote" if vote.casting_vote else "")


def vote_figures(vote) -> str:
    """ "7 for, 3 against, 1 abstention" (the ways with no figure left out)."""
    parts = []
    for way, word in (("for", "for"), ("against", "against")):
        count = vote.count(way)
        if count is not None:
            parts.append(f"{count} {word}")
    abstained = vote.count("abstain")
    if abstained:
        parts.append(f"{abstained} abstention{'s' if abstained != 1 else ''}")
    return ", ".join(parts) or "figures not recorded"


def first_line(text: str | None) -> str:
    return (text or "").split("\n")[0]


@jinja2.pass_context
def rel(context, to: str) -> str:
    """A site URL relative to the page being rendered (``here``), percent-encoded: it goes into a
    Markdown link, where only a URL's own escaping keeps quotes, spaces and brackets harmless."""
    return quote(urls.relative(context["here"], to), safe="/#")


def officers_by_directorate(minutes) -> dict[str, list]:
    """The officers present, grouped by directorate in the order the minutes list them."""
    groups: dict[str, list] = {}
    for a in minutes.attendance.get("officers", []) if minutes else []:
        groups.setdefault(a.directorate or "Directorate not recorded", []).append(a)
    return groups


def reload() -> None:
    """Read the templates afresh at the next page (each build calls this once: ``mkdocs serve`` sees
    an edited template, while within a build no page checks the template files again)."""
    environment.cache_clear()


@lru_cache(maxsize=8)
def environment(folder: Path) -> jinja2.Environment:
    if not (folder / "_macros.md").is_file():
        raise TemplatesMissing(
            f"{folder}: Minutebook's page templates are not there (no _macros.md). They belong in the "
            "theme's custom_dir, in a folder minutebook/: copy overrides/minutebook from Minutebook."
        )
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do"],
        auto_reload=False,  # a build reads each template once (reload() starts the next build afresh)
        cache_size=-1,
    )
    env.filters.update(
        officer=officer,
        inline=inline,
        long_date=long_date,
        short_date=short_date,
        clock=clock,
        rel=rel,
        year_label=municipal_year_label,
        bold_resolved=bold_resolved,
        split_at_marker=split_at_marker,
        first_line=first_line,
    )
    env.globals.update(
        urls=urls,
        ATTENDANCE_LABELS=ATTENDANCE_LABELS,
        KIND_LABELS=KIND_LABELS,
        approval=approval,
        officers_by_directorate=officers_by_directorate,
        VOTE_WAYS=VOTE_WAYS,
        PLANNING_WORDS=PLANNING_WORDS,
        vote_result=vote_result,
        vote_figures=vote_figures,
    )
    return env


def render(folder: Path | None, template: str, **values) -> str:
    if folder is None:
        raise TemplatesMissing(
            "SiteSettings.templates is not set: give it the folder of Minutebook's page "
            "templates (the theme's custom_dir/minutebook, overrides/minutebook in the sample)."
        )
    return environment(Path(folder)).get_template(template).render(**values)
