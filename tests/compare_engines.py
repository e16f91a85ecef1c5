"""Build a site strictly with MkDocs and with ProperDocs and compare the output, file by file.

    python3 tests/compare_engines.py [--config-file mkdocs.yml] [--keep DIR]

ProperDocs is the maintained fork of MkDocs 1.6; Minutebook supports both. The two builds must
write the same files with the same bytes, apart from the generator meta tag (which names the
engine). Exits 0 when they agree, 1 with the differing files listed otherwise (or when a build
fails). CI runs it on the sample site (.ci/run).
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ENGINES = ("mkdocs", "properdocs")
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def build(engine: str, config: Path, site: Path) -> None:
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO / "plugins"), os.environ.get("PYTHONPATH")])),
    }
    result = subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "-q", "-f", str(config), "-d", str(site)],
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.exit(f"{engine} build --strict failed:\n{result.stdout}{result.stderr}")


def files(site: Path) -> dict[str, bytes]:
    out = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".html":
                data = GENERATOR.sub(b'<meta name="generator">', data)
            out[path.relative_to(site).as_posix()] = data
    return out


def compare(a: dict[str, bytes], b: dict[str, bytes], names: tuple[str, str]) -> list[str]:
    problems = [f"only in the {names[0]} build: {p}" for p in sorted(set(a) - set(b))]
    problems += [f"only in the {names[1]} build: {p}" for p in sorted(set(b) - set(a))]
    for path in sorted(set(a) & set(b)):
        if a[path] != b[path]:
            diff = difflib.unified_diff(
                a[path].decode("utf-8", "replace").splitlines(),
                b[path].decode("utf-8", "replace").splitlines(),
                names[0],
                names[1],
                lineterm="",
                n=0,
            )
            problems.append(f"differs: {path}\n    " + "\n    ".join(list(diff)[2:8]))
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-f", "--config-file", type=Path, default=REPO / "mkdocs.yml")
    parser.add_argument("--keep", type=Path, help="build into DIR/mkdocs and DIR/properdocs and keep them")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="minutebook-engines-") as tmp:
        root = args.keep or Path(tmp)
        sites = {engine: root / engine for engine in ENGINES}
        for engine, site in sites.items():
            build(engine, args.config_file.resolve(), site)
        built = {engine: files(site) for engine, site in sites.items()}
    problems = compare(built["mkdocs"], built["properdocs"], ENGINES)
    count = len(built["mkdocs"])
    if problems:
        print("\n".join(problems))
        print(f"mkdocs and properdocs: {len(problems)} of {count} files differ")
        return 1
    print(f"mkdocs and properdocs: {count} files, identical apart from the generator tag")
    return 0


if __name__ == "__main__":
    sys.exit(main())
