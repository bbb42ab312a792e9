#!/usr/bin/env python3
"""Recreate /work/fetched from the project's own git history and check it.

Rerunnable: every file is rewritten from the git blob (byte for byte, no checkout filters), then each
corpus set is checked with `sha256sum -c docs/data/<set>.sha256` from inside its folder.

Only sets that were once committed to /work/main are restored here (the commit that removed them,
`^`). Sets that were never committed (corpus fresh5, fresh7, fresh-pdf3, fresh-pdf4; support
fresh7/articles, fresh9/articles) exist only as data files brought by the search tool's `fetch`; its
notes say such data files are kept only under the steering repository's shared/, so this script does not
copy them out of /work/.mirror. It reports them as missing, and, with --check-mirrors, checks the
blobs named in docs/data/<set>.md against the .sha256 lists inside the mirrors without writing them
anywhere.

    python3 docs/data/restore.py [--repo /work/main] [--dest /work/fetched] [--check-mirrors]
"""
from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
from pathlib import Path

# (name, commit that removed the files, repository path, sha256 list under docs/data or None)
FROM_HISTORY = [
    ("fresh", "d46c4b4", "tests/data/corpus/fresh", "fresh.sha256"),
    ("fresh-pdf", "d46c4b4", "tests/data/corpus/fresh-pdf", "fresh-pdf.sha256"),
    ("fresh-pdf2", "d46c4b4", "tests/data/corpus/fresh-pdf2", "fresh-pdf2.sha256"),
    ("fresh4", "d46c4b4", "tests/data/corpus/fresh4", "fresh4.sha256"),
    ("tei", "30bacd3", "tests/data/tei", "tei.sha256"),
    ("support/fresh", "bda8e36", "tests/data/support/fresh", None),
    ("support/fresh2", "bda8e36", "tests/data/support/fresh2", None),
    ("support/fresh3", "bda8e36", "tests/data/support/fresh3", None),
    ("support/fresh4", "bda8e36", "tests/data/support/fresh4", None),
]

# Never committed: only obtainable through `fetch` (not restored, see the docstring).
FETCH_ONLY = [
    ("fresh5", "tests/data/corpus/fresh5", "fresh5.sha256"),
    ("fresh7", "tests/data/corpus/fresh7", "fresh7.sha256"),
    ("fresh-pdf3", "tests/data/corpus/fresh-pdf3", "fresh-pdf3.sha256"),
    ("fresh-pdf4", "tests/data/corpus/fresh-pdf4", "fresh-pdf4.sha256"),
    ("support/fresh7", "tests/data/support/fresh7/articles", None),
    ("support/fresh9", "tests/data/support/fresh9/articles", None),
]


def git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True).stdout


def removed_files(repo: Path, commit: str, path: str) -> list[str]:
    """Files under `path` that `commit` deleted (so only the fetched ones, not READMEs left in place)."""
    out = git(repo, "diff", "--name-only", "--no-renames", "--diff-filter=D",
              f"{commit}^", commit, "--", path)
    return [line for line in out.decode().splitlines() if line]


def sha256_check(folder: Path, listing: Path) -> tuple[bool, str]:
    run = subprocess.run(["sha256sum", "-c", str(listing)], cwd=folder, capture_output=True, text=True,
                         check=False)
    bad = [line for line in run.stdout.splitlines() if not line.endswith(": OK")]
    return run.returncode == 0, "; ".join(bad + run.stderr.splitlines())


def restore(repo: Path, dest: Path) -> bool:
    ok_all = True
    for name, commit, path, listing in FROM_HISTORY:
        files = removed_files(repo, commit, path)
        for rel in files:
            target = dest / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(git(repo, "cat-file", "blob", f"{commit}^:{rel}"))
        status = "no sha256 list (bytes are the git blobs)"
        if listing:
            ok, detail = sha256_check(dest / path, repo / "docs/data" / listing)
            listed = len((repo / "docs/data" / listing).read_text().split("\n")) - 1
            status = f"sha256sum -c {listing}: {'OK' if ok else 'FAILED ' + detail} ({listed} listed)"
            ok_all &= ok
        print(f"{name:16} {len(files):3} files from {commit}^:{path}  {status}")
    return ok_all


# fetch-only set -> (provenance page in /work/main, default repository, default commit)
PROVENANCE = {
    "fresh5": ("docs/data/fresh5.md", None, None),
    "fresh7": ("docs/data/fresh7.md", None, None),
    "fresh-pdf3": ("docs/data/fresh-pdf3.md", "petermr/pygetpapers", "74cb48c3c5"),
    "fresh-pdf4": ("docs/data/fresh-pdf4.md", None, None),
    "support/fresh7": ("tests/data/support/fresh7/README.md", "PLOS/allofplos", None),
    "support/fresh9": ("tests/data/support/fresh9/README.md",
                       "0AlphaZero0/Text-Classification-Data-Citation-EuropePMC",
                       "d896e509bf9b3cf106b3d35306f0a80064398a3d"),
}


def provenance_rows(page: str, repo: str | None, commit: str | None):
    """(file, repository, path, commit, sha256) from each table row of a provenance page."""
    for line in page.splitlines():
        if not line.startswith("|"):
            continue
        cells = [c.strip().strip("`") for c in line.strip("|").split("|")]
        sha = next((c for c in cells if re.fullmatch(r"[0-9a-f]{64}", c)), None)
        if not sha or not cells[0].endswith((".xml", ".pdf")):
            continue
        owner = next((c for c in cells[1:] if re.fullmatch(r"[A-Za-z][\w.-]*/[\w.-]+", c)
                      and not c.endswith((".xml", ".pdf"))), repo)
        path = next((c for c in cells[1:] if "/" in c and c != owner and "." in c.rsplit("/", 1)[-1]
                     and not c.startswith(("http", "10."))), None)
        hexes = [m.group(0) for c in cells[1:] for m in [re.match(r"[0-9a-f]{7,40}\b", c)] if m and c != sha]
        yield cells[0], owner, path, hexes[0] if hexes else commit, sha


def check_mirrors(repo: Path) -> None:
    """For each fetch-only set: hash, inside /work/.mirror, the blobs its provenance page names."""
    for name, (page, default_repo, default_commit) in PROVENANCE.items():
        rows = list(provenance_rows((repo / page).read_text(), default_repo, default_commit))
        good, bad = 0, []
        for fname, owner, path, commit, sha in rows:
            gitdir = Path("/work/.mirror") / owner.replace("/", "+") / "repo"
            show = subprocess.run(["git", "-C", str(gitdir), "cat-file", "blob", f"{commit}:{path}"],
                                  capture_output=True, check=False)
            if show.returncode == 0 and hashlib.sha256(show.stdout).hexdigest() == sha:
                good += 1
            else:
                bad.append(f"{fname} ({owner} {commit}:{path})")
        print(f"{name:16} mirror check: {good}/{len(rows)} blobs match the recorded sha256"
              + (f"; not matched: {', '.join(bad)}" if bad else ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repo", type=Path, default=Path("/work/main"))
    parser.add_argument("--dest", type=Path, default=Path("/work/fetched"))
    parser.add_argument("--check-mirrors", action="store_true")
    args = parser.parse_args()
    ok = restore(args.repo, args.dest)
    for name, path, _listing in FETCH_ONLY:
        print(f"{name:16} not here: never committed; docs/data/restore_fetched.py rebuilds it ({path})")
    if args.check_mirrors:
        check_mirrors(args.repo)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
