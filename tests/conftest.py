import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from helpers import REPO, mkdocs_build


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory):
    """The repository's own site, built once with `mkdocs build --strict`."""
    site = tmp_path_factory.mktemp("sample") / "site"
    result = mkdocs_build(REPO / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site, result


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium for one test module (skipped where it is not installed)."""
    from browser import chromium

    with chromium() as opened:
        yield opened


@pytest.fixture(scope="module")
def site_base(sample_site):
    """The sample site served over HTTP for one test module: its base address."""
    from browser import serve

    site, _ = sample_site
    with serve(site) as base:
        yield base


@pytest.fixture
def project(tmp_path):
    return tmp_path
