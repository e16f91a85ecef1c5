"""'When was this paper published?': the files' date wins, then the agenda pack's; git gives no
publication date and no commit messages, only a 'last updated' date once the file has changed
(issue 14: corrections are the officers' `corrections:` list, tested in test_truths.py)."""

from __future__ import annotations

import os
import subprocess

from helpers import fixture_project, mkdocs_build

ARCHIVE = {
    "board/committee.md": "---\nname: Board\n---\n",
    "board/2020-01-09/meeting.md": '---\nstart: "10:00"\nitems:\n  - number: 1\n    title: Budget\n'
    "  - number: 2\n    title: Audit\n---\n",
    "board/2020-01-09/papers/budget.md": "---\nitem: 1\nkind: report\ntitle: Budget report\n---\nText.\n",
    "board/2020-01-09/papers/audit.md": "---\nitem: 2\nkind: report\ntitle: Audit report\npublished: 2019-12-20\n---\n"
    "Text.\n",
}


def git(root, *args, date="2020-01-02T10:00:00"):
    env = dict(
        os.environ,
        GIT_AUTHOR_DATE=date,
        GIT_COMMITTER_DATE=date,
        GIT_AUTHOR_NAME="Officer",
        GIT_AUTHOR_EMAIL="officer@example.gov.uk",
        GIT_COMMITTER_NAME="Officer",
        GIT_COMMITTER_EMAIL="officer@example.gov.uk",
    )
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def test_publication_date_and_changes_from_git(tmp_path):
    config = fixture_project(tmp_path, ARCHIVE, extra_config="repo_url: https://git.example.gov.uk/papers\n")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "Publish the agenda", date="2020-01-02T10:00:00")
    budget = tmp_path / "meetings/board/2020-01-09/papers/budget.md"
    budget.write_text(budget.read_text() + "\nCorrected figure.\n")
    git(tmp_path, "commit", "-q", "-am", "Correct the budget figure in paragraph 2", date="2020-01-06T15:30:00")
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site/board/2020-01-09/budget/budget/index.html").read_text(encoding="utf-8")
    assert "added to this site" not in page and "2 January 2020" not in page  # a commit is not a publication
    assert "Last updated on this website on 6 January 2020." in page
    assert "Correct the budget figure in paragraph 2" not in page  # a commit subject is for developers
    assert 'href="https://git.example.gov.uk/papers/commit/' not in page
    audit = (tmp_path / "site/board/2020-01-09/audit/audit/index.html").read_text(encoding="utf-8")
    assert "This paper was published on 20 December 2019." in audit  # the file's date wins over git


def test_without_git_the_files_date_is_used(tmp_path):
    config = fixture_project(tmp_path, ARCHIVE)
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    audit = (tmp_path / "site/board/2020-01-09/audit/audit/index.html").read_text(encoding="utf-8")
    assert "published on 20 December 2019" in audit
