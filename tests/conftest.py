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


@pytest.fixture
def project(tmp_path):
    return tmp_path
