"""The site's settings, one object for the MkDocs plugin and ``minutebook check``.

Every plugin option is declared once, in :data:`OPTIONS`: its name, its parser (which validates it),
its default and its help. ``plugin.py`` builds MkDocs' config scheme from the declarations (so
``mkdocs build`` refuses a bad value with MkDocs' own message), and ``minutebook check`` reads the
same options from ``mkdocs.yml`` through the same parsers. The ``MINUTEBOOK_*`` environment
variables override the options; :func:`from_environment` reads them strictly: booleans are
``true``/``false`` or ``1``/``0``, dates are ISO (``2017-04-19`` or ``"2017-04-19 09:00"``), and
anything else is refused with the variable's name (docs/guide/deploying.md lists them).

Imports nothing from MkDocs.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import yaml

from minutebook.load.schema import parse_datetime, parse_iso_date
from minutebook.model import Contact

OGL = ("Open Government Licence v3.0", "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")
HOLIDAY_REGIONS = ("ENG", "WLS", "SCT", "NIR")


class SettingError(ValueError):
    """A setting with a value we cannot use; the message names it and says what to write."""


@dataclass
class SiteSettings:
    """Site-wide facts the pages and exports need (names, addresses, licence)."""

    site_name: str = "Committee papers"
    site_url: str = ""  # absolute base URL ending in "/", or "" when unknown
    licence_name: str = OGL[0]
    licence_url: str = OGL[1]
    repo_url: str = ""  # e.g. https://github.com/council/papers: links each change to its commit
    # the top-level folders and pages of docs/ (the guides): no committee folder may take their address
    doc_paths: frozenset[str] = frozenset()
    # the folder of the page templates: the theme's custom_dir/minutebook (overrides/minutebook here)
    templates: Path | None = None
    # whom the public tells about a mistake on a page no committee contact covers (contact_* options)
    contact: Contact | None = None

    def absolute(self, url: str) -> str:
        """A site URL (relative to the root) as an absolute one when the site's address is known."""
        if not self.site_url:
            return url
        return self.site_url.rstrip("/") + "/" + url

    def commit_url(self, commit: str) -> str:
        return f"{self.repo_url.rstrip('/')}/commit/{commit}" if self.repo_url else ""


# -- parsers: each takes the value as MkDocs' YAML gives it (or an environment string) -------------


def parse_bool(value: object, name: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "1"):
        return True
    if isinstance(value, str) and value.strip().lower() in ("false", "0"):
        return False
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise SettingError(f"{name} is {value!r}: write true or false (or 1 or 0)")


def parse_text(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise SettingError(f"{name} is {value!r}: write it as text")
    return value


def _whole_number(value: object, name: str, least: int, what: str) -> int:
    """A whole number of at least ``least`` (digits in a string too: environment variables)."""
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or value < least:
        raise SettingError(f"{name} is {value!r}: write {what}")
    return value


def parse_count(value: object, name: str) -> int:
    return _whole_number(value, name, 0, "a whole number of days, like 5")


def parse_jobs(value: object, name: str) -> int:
    return _whole_number(value, name, 1, "how many processes render pages, 1 or more (like 2)")


def parse_moment(value: object, name: str) -> dt.datetime | None:
    """ISO date or date and time, UK time; None for no value (the build uses the clock)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    moment = parse_datetime(value) if isinstance(value, str) else None
    if moment is None:
        raise SettingError(f'{name} is {value!r}: write a date YYYY-MM-DD or "YYYY-MM-DD HH:MM" (UK time)')
    return moment


def parse_optional_count(value: object, name: str) -> int | None:
    """A whole number of days, or nothing: the law of the council's nation decides (council.yml)."""
    return None if value is None else parse_count(value, name)


def parse_optional_region(value: object, name: str) -> str | None:
    return None if value is None else parse_region(value, name)


def parse_region(value: object, name: str) -> str:
    if value not in HOLIDAY_REGIONS:
        raise SettingError(f"{name} is {value!r}: write one of {', '.join(HOLIDAY_REGIONS)}")
    return str(value)


def _list_of(item: Callable[[object, str], Any]) -> Callable[[object, str], list[Any]]:
    def parse(value: object, name: str) -> list[Any]:
        if isinstance(value, str):  # an environment variable: comma-separated
            value = [part.strip() for part in value.split(",") if part.strip()]
        if not isinstance(value, list):
            raise SettingError(f"{name} is {value!r}: write a list")
        return [item(x, f"{name}[{n}]") for n, x in enumerate(value)]

    return parse


def parse_day(value: object, name: str) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    day = parse_iso_date(value) if isinstance(value, str) else None
    if day is None:
        raise SettingError(f"{name} is {value!r}: write a date YYYY-MM-DD")
    return day


@dataclass(frozen=True)
class Option:
    name: str
    parse: Callable[[object, str], Any]
    default: Any
    help: str
    env: tuple[str, ...] = ()  # MINUTEBOOK_* variables that override it, first one set wins


OPTIONS: tuple[Option, ...] = (
    Option("meetings_dir", parse_text, "meetings", "The folder of meeting files, relative to mkdocs.yml."),
    Option(
        "now",
        parse_moment,
        None,
        'The moment the build treats as now ("YYYY-MM-DD" or "YYYY-MM-DD HH:MM", UK time): decides embargoes '
        "and what is upcoming. Scheduled rebuilds leave it unset.",
        ("MINUTEBOOK_NOW", "MINUTEBOOK_TODAY"),
    ),
    Option(
        "preview",
        parse_bool,
        False,
        "Officers' preview: show drafts and embargoed papers with a banner. Only with `mkdocs serve`.",
        ("MINUTEBOOK_PREVIEW",),
    ),
    Option("intro", parse_text, "", "Text shown at the top of the home page."),
    Option(
        "notice_days",
        parse_optional_count,
        None,
        "Clear working days between publishing an agenda and the meeting. Unset: the law of the council's "
        "nation (council.yml): England 5, Wales 3, Scotland 3, Northern Ireland 5.",
    ),
    Option(
        "holidays_region",
        parse_optional_region,
        None,
        "Whose bank holidays are not working days (ENG, WLS, SCT, NIR). Unset: the council's nation (council.yml).",
    ),
    Option("extra_holidays", _list_of(parse_day), [], "Other days the council is closed (YYYY-MM-DD)."),
    Option("licence_name", parse_text, OGL[0], "The licence of the open data, feeds and calendars."),
    Option("licence_url", parse_text, OGL[1], "The address of that licence."),
    Option(
        "only",
        _list_of(parse_text),
        [],
        'Preview only: read just these committees or years ("<committee>" or "<committee>/<YYYY-YY>"). '
        "Refused for `mkdocs build`.",
        ("MINUTEBOOK_ONLY",),
    ),
    Option("history", parse_bool, True, "Read publication dates and changes from git (the files' own dates win)."),
    Option(
        "contact_name",
        parse_text,
        "",
        "Whom the public tells about a mistake on a page no committee's contact covers (home, people, topics, "
        "calendar, guides, and committees whose contact has no e-mail or telephone).",
    ),
    Option("contact_email", parse_text, "", "That contact's e-mail address."),
    Option("contact_phone", parse_text, "", "That contact's telephone number."),
    Option(
        "jobs",
        parse_jobs,
        os.cpu_count() or 1,
        "Processes that render the generated pages (default: one per CPU core; 1 renders in the build's own "
        "process). The site is the same whatever the number.",
        ("MINUTEBOOK_JOBS",),
    ),
    Option(
        "cache_dir",
        parse_text,
        ".cache/minutebook",
        "The build cache, relative to mkdocs.yml (keep it out of git; CI may keep it between runs). "
        "Pages whose inputs are unchanged are copied from its pages/ folder, meeting files read before from its model/ "
        'folder (minutebook check uses it too). "" for none.',
        ("MINUTEBOOK_CACHE_DIR",),
    ),
)
ENVIRONMENT = tuple(name for option in OPTIONS for name in option.env)


@dataclass
class Settings:
    """The plugin options, parsed: what a build (or ``minutebook check``) is asked to do."""

    meetings_dir: str = "meetings"
    now: dt.datetime | None = None
    preview: bool = False
    intro: str = ""
    notice_days: int | None = None  # None: the law of the council's nation
    holidays_region: str | None = None  # None: the council's nation's bank holidays
    extra_holidays: list[dt.date] = field(default_factory=list)
    licence_name: str = OGL[0]
    licence_url: str = OGL[1]
    only: list[str] = field(default_factory=list)
    history: bool = True
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    cache_dir: str = ".cache/minutebook"


def cache_folder(settings: Settings, config_file: Path | None, part: str) -> Path | None:
    """``<cache_dir>/<part>`` (pages, model), resolved against mkdocs.yml's folder (the working folder
    when there is none), or None when the cache is off (``cache_dir: ""``) or a preview's drafts would
    go to disk. The build and ``minutebook check`` both ask here, so they share one cache."""
    if not settings.cache_dir.strip() or settings.preview:
        return None
    base = config_file.resolve().parent if config_file is not None else Path.cwd()
    return (base / settings.cache_dir / part).resolve()


def parse_option(name: str, value: object) -> Any:
    """One option's value, parsed and validated by its declaration."""
    option = next((o for o in OPTIONS if o.name == name), None)
    if option is None:
        known = ", ".join(o.name for o in OPTIONS)
        raise SettingError(f"minutebook has no option '{name}': the options are {known}")
    return option.parse(value, name)


def from_options(options: Mapping[str, object]) -> Settings:
    """Settings from the plugin's options in mkdocs.yml (missing ones take their defaults)."""
    values = {o.name: o.parse(options[o.name], o.name) if o.name in options else o.default for o in OPTIONS}
    unknown = sorted(set(options) - set(values))
    if unknown:
        parse_option(unknown[0], None)  # raises, naming the option and the known ones
    names = {f.name for f in fields(Settings)}
    parsed: dict[str, Any] = {k: list(v) if isinstance(v, list) else v for k, v in values.items() if k in names}
    return Settings(**parsed)


def from_environment(settings: Settings, env: Mapping[str, str]) -> Settings:
    """The settings with the MINUTEBOOK_* variables set in ``env`` applied (an empty one counts as unset)."""
    changes: dict[str, Any] = {}
    for option in OPTIONS:
        for variable in option.env:
            text = env.get(variable, "")
            if text.strip():
                changes[option.name] = option.parse(text, variable)
                break
    return replace(settings, **changes)


def site_settings(mkdocs: Mapping[str, Any], settings: Settings, docs_dir: Path | None) -> SiteSettings:
    """The site-wide facts from mkdocs.yml's own keys, the plugin's options and the docs/ folder."""
    names = [p.name for p in docs_dir.iterdir()] if docs_dir is not None and docs_dir.is_dir() else []
    contact = Contact(name=settings.contact_name, email=settings.contact_email, phone=settings.contact_phone)
    return SiteSettings(
        site_name=str(mkdocs.get("site_name") or SiteSettings.site_name),
        site_url=str(mkdocs.get("site_url") or ""),
        licence_name=settings.licence_name,
        licence_url=settings.licence_url,
        repo_url=str(mkdocs.get("repo_url") or ""),
        doc_paths=top_level_names(names),
        templates=templates_folder(mkdocs, docs_dir),
        contact=contact if contact.email or contact.phone else None,
    )


def templates_folder(mkdocs: Mapping[str, Any], docs_dir: Path | None) -> Path | None:
    """minutebook/ in the theme's custom_dir: the page templates (overrides/minutebook in the sample).
    MkDocs gives custom_dir absolute; mkdocs.yml read by `check` has it relative to the file."""
    theme = mkdocs.get("theme")
    custom = getattr(theme, "custom_dir", None) or (theme.get("custom_dir") if isinstance(theme, Mapping) else None)
    if not custom:
        return None
    folder = Path(str(custom))
    if not folder.is_absolute() and docs_dir is not None:
        folder = docs_dir.parent / folder
    return folder / "minutebook"


def top_level_names(names: Iterable[str]) -> frozenset[str]:
    """The top-level addresses of docs/ entries ("guide" for guide/, "open-data" for open-data.md)."""
    out = set()
    for name in names:
        if name.startswith((".", "_")):
            continue
        out.add(name[:-3] if name.endswith(".md") else name)
    return frozenset(out)


# -- mkdocs.yml, read by `minutebook check` (the plugin gets the same options from MkDocs) ----------

CONFIG_FILES = ("mkdocs.yml", "mkdocs.yaml", "properdocs.yml", "properdocs.yaml")


class _SiteConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it (YAML 1.1), with ``!ENV`` resolved and other tags
    (``!!python/name:`` of Markdown extensions, ``!relative``) read as nothing."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    names: list[Any]
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    elif isinstance(node, yaml.SequenceNode):
        *names, default = loader.construct_sequence(node, deep=True)
    else:
        raise SettingError("!ENV takes a variable name or a list of names and a default")
    for name in names:
        if isinstance(name, str) and name in os.environ:
            return yaml.load(os.environ[name], Loader=yaml.SafeLoader)  # typed as MkDocs types it
    return default


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_SiteConfigLoader.add_constructor("!ENV", _env_tag)
_SiteConfigLoader.add_multi_constructor("!", _any_tag)
_SiteConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


def find_config_file(*folders: Path) -> Path | None:
    """The site's config file in the first of ``folders`` that has one."""
    for folder in folders:
        for name in CONFIG_FILES:
            if (folder / name).is_file():
                return folder / name
    return None


@dataclass
class SiteConfig:
    """What ``minutebook check`` needs of mkdocs.yml."""

    path: Path
    mkdocs: dict[str, Any]
    options: dict[str, Any]  # the minutebook plugin's options, as written
    enabled: bool  # the minutebook plugin is listed

    @property
    def docs_dir(self) -> Path:
        return self.path.parent / str(self.mkdocs.get("docs_dir") or "docs")


def read_site_config(path: Path) -> SiteConfig:
    """Read mkdocs.yml; a :class:`SettingError` names the file when it cannot be used."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SiteConfigLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise SettingError(f"{path}: cannot be read as YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise SettingError(f"{path}: is not a mapping of settings")
    plugins = data.get("plugins") or []
    if isinstance(plugins, dict):
        plugins = [{k: v} for k, v in plugins.items()]
    for entry in plugins:
        if entry == "minutebook":
            return SiteConfig(path, data, {}, True)
        if isinstance(entry, dict) and "minutebook" in entry:
            options = entry["minutebook"] or {}
            if not isinstance(options, dict):
                raise SettingError(f"{path}: the options of the minutebook plugin must be a mapping")
            return SiteConfig(path, data, options, True)
    return SiteConfig(path, data, {}, False)
