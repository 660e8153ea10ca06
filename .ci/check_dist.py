"""Check the sdist and the wheel in a folder: every file of the package that is not Python code
(templates, static files, locales .po and .mo) and every migration is inside, and nothing from
outside the package (tests, example site, docs) is in the wheel. Prints a count per kind."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KINDS = {"templates": "/templates/", "static": "/static/", "locale": "/locale/",
         "migrations": "/migrations/"}


def kind(path: str) -> str | None:
    return next((name for name, marker in KINDS.items() if marker in f"/{path}"), None)


def expected_files() -> set[str]:
    """The package's files of each kind in the working tree (tracked or not, but not ignored),
    plus the .mo that each .po needs in the distributions."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "numerique_ouvert"],
        cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    files = {path for path in listed if kind(path) and (ROOT / path).is_file()}
    files |= {path[:-3] + ".mo" for path in files if path.endswith(".po")}
    return files


def main(dist: Path) -> int:
    wheels, sdists = sorted(dist.glob("*.whl")), sorted(dist.glob("*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        print(f"expected one wheel and one sdist in {dist}, found {wheels + sdists}")
        return 1
    wheel = set(zipfile.ZipFile(wheels[0]).namelist())
    with tarfile.open(sdists[0]) as tar:
        # "numerique_ouvert-0.1.0/numerique_ouvert/core/..." -> "numerique_ouvert/core/..."
        sdist = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}

    expected = expected_files()
    problems = [f"missing from the wheel: {path}" for path in sorted(expected - wheel)]
    problems += [f"missing from the sdist: {path}" for path in sorted(expected - sdist)]
    problems += [] if "CHANGELOG.md" in sdist else ["missing from the sdist: CHANGELOG.md"]
    problems += [f"not part of the package, in the wheel: {name}" for name in sorted(wheel)
                 if name.split("/")[0] in {"tests", "example_site", "docs", "benchmarks"}]
    for problem in problems:
        print(problem)
    counts = Counter(kind(name) for name in wheel if kind(name))
    print(f"{wheels[0].name}: {len(wheel)} files, "
          + ", ".join(f"{name} {counts.get(name, 0)}" for name in KINDS)
          + f" (.po {sum(n.endswith('.po') for n in wheel)}, .mo {sum(n.endswith('.mo') for n in wheel)})")
    print(f"{sdists[0].name}: {len(sdist)} files")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
