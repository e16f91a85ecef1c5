"""Site-wide settings the domain needs (names, addresses, licence), independent of MkDocs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from minutebook.model import Contact

OGL = ("Open Government Licence v3.0",
       "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")


@dataclass
class SiteSettings:
    site_name: str = "Committee papers"
    site_url: str = ""  # absolute base URL ending in "/", or "" when unknown
    licence_name: str = OGL[0]
    licence_url: str = OGL[1]
    repo_url: str = ""  # e.g. https://github.com/council/papers: links each change to its commit
    council: str = ""
    # the folder of the page templates: the theme's custom_dir/minutebook (overrides/minutebook here)
    templates: Path | None = None
    # whom the public tells about a mistake on a page no committee contact covers (plugin options)
    contact: Contact | None = None

    def absolute(self, url: str) -> str:
        """A site URL (relative to the root) as an absolute one when the site's address is known."""
        if not self.site_url:
            return url
        return self.site_url.rstrip("/") + "/" + url

    def commit_url(self, commit: str) -> str:
        return f"{self.repo_url.rstrip('/')}/commit/{commit}" if self.repo_url else ""
