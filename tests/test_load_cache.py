"""The parsed-file cache in <cache_dir>/model: where it lives (the build and check share it) and what it
may and may not change (nothing a cold read would not give)."""

from __future__ import annotations

from pathlib import Path

from minutebook.settings import cache_folder, from_environment, from_options


def test_the_cache_folder_is_beside_mkdocs_yml_whatever_the_working_folder(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    settings = from_options({})
    assert cache_folder(settings, site / "mkdocs.yml", "model") == (site / ".cache/minutebook/model").resolve()
    assert cache_folder(settings, None, "model") == (tmp_path / "elsewhere/.cache/minutebook/model").resolve()


def test_the_cache_folder_follows_the_option_and_the_environment(tmp_path):
    config = tmp_path / "mkdocs.yml"
    assert cache_folder(from_options({"cache_dir": "build-cache"}), config, "pages") == tmp_path / "build-cache/pages"
    moved = from_environment(from_options({}), {"MINUTEBOOK_CACHE_DIR": str(tmp_path / "ci")})
    assert cache_folder(moved, config, "model") == tmp_path / "ci/model"


def test_no_cache_when_switched_off_or_in_a_preview(tmp_path):
    config = Path(tmp_path / "mkdocs.yml")
    assert cache_folder(from_options({"cache_dir": ""}), config, "model") is None
    assert cache_folder(from_options({"preview": True}), config, "model") is None
