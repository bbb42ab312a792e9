#!/usr/bin/env python3
"""Rebuild the fetch-only evaluation sets under /work/fetched from the snapshots in /work/.mirror.

Parses the provenance tables (file | repo | path | 40-hex commit | sha256) of docs/data/<set>.md and
tests/data/support/<set>/README.md in the project, extracts each blob byte for byte with
`git --git-dir=<mirror git dir> show COMMIT:PATH`, writes it at the set's relative path under the
destination and checks its sha256 against the table (and, for corpus sets, `sha256sum -c
docs/data/<set>.sha256` inside the folder). Nothing is written into the project.

    python3 docs/data/restore_fetched.py [--repo /work/main] [--dest /work/fetched] \\
        [--mirror /work/.mirror] [SET ...]

The snapshots must have been brought by the search tool's `fetch` first (missing ones are reported).
"""
from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
from pathlib import Path

ARTICLES_OA = "MLAnalysis/Modelsaved/PipelineDatasetCreation/articlesOA/"
EUROPEPMC = "0AlphaZero0/Text-Classification-Data-Citation-EuropePMC"
EUROPEPMC_COMMIT = "d896e509bf9b3cf106b3d35306f0a80064398a3d"


def pmc_path(fname: str) -> str:
    """support15 has no path column: pmc4617716.xml -> …/articlesOA/PMC4617716-fulltxt.xml."""
    m = re.fullmatch(r"pmc(\d+)\.xml", fname, re.I)
    return f"{ARTICLES_OA}PMC{m.group(1)}-fulltxt.xml" if m else ""


def _corpus(name: str, repo: str | None = None, commit: str | None = None) -> tuple:
    """A corpus set: provenance page, destination, sha256 list, default repository and commit."""
    return (f"docs/data/{name}.md", f"tests/data/corpus/{name}", f"docs/data/{name}.sha256",
            repo, commit, None)


def _support(name: str, repo: str, commit: str | None = None, path_of=None) -> tuple:
    """A stance/design set's articles: README table, destination, no list, defaults."""
    return (f"tests/data/support/{name}/README.md", f"tests/data/support/{name}/articles", None,
            repo, commit, path_of)


# name -> (provenance page, destination relative to --dest, sha256 list or None,
#          default repository, default commit, default path from file name)
SETS = {
    **{name: _corpus(name) for name in ("fresh5", "fresh7", "fresh-pdf4", "fresh10", "fresh11", "fresh12",
                                        "fresh13", "fresh14", "fresh15")},
    "fresh-pdf3": _corpus("fresh-pdf3", "petermr/pygetpapers", "74cb48c3c5"),
    "support/fresh7": _support("fresh7", "PLOS/allofplos"),
    **{f"support/{name}": _support(name, EUROPEPMC, EUROPEPMC_COMMIT)
       for name in ("fresh9", "support12", "support13", "support14", "support16")},
    "support/support15": _support("support15", EUROPEPMC, EUROPEPMC_COMMIT, pmc_path),
}

SHA = re.compile(r"[0-9a-f]{64}")
HEX = re.compile(r"\b[0-9a-f]{7,40}\b")
REPO = re.compile(r"[A-Za-z0-9][\w.-]*/[\w.-]+")


def cells(line: str) -> list[str]:
    return [c.strip().strip("`").strip() for c in line.strip().strip("|").split("|")]


def columns(header: list[str]) -> dict[str, int]:
    """Column index of file, repo, path, commit and sha256 from a table's header row."""
    found: dict[str, int] = {}
    for i, h in enumerate(h.lower() for h in header):
        if "sha256" in h:
            found.setdefault("sha", i)
        elif h.startswith("commit"):
            found.setdefault("commit", i)
        elif "path" in h:
            found.setdefault("path", i)
        elif h in ("repo", "repository"):
            found.setdefault("repo", i)
        elif h == "file" or h.startswith("file "):
            found.setdefault("file", i)
    return found


def rows(text: str, default_repo, default_commit, default_path):
    """(file, repo, path, commit, sha256) for each row of every table that has file and sha256 columns."""
    header: dict[str, int] | None = None
    previous = ""
    for line in text.splitlines():
        if not line.lstrip().startswith("|"):
            header, previous = None, ""
            continue
        row = cells(line)
        if all(set(c) <= set("-: ") for c in row):  # separator: the previous line was the header
            header = columns(cells(previous)) if previous else None
            continue
        previous = line
        if not header or "file" not in header or "sha" not in header or len(row) <= header["sha"]:
            continue
        sha = row[header["sha"]]
        fname = row[header["file"]]
        if not SHA.fullmatch(sha) or not fname.endswith((".xml", ".pdf", ".nxml")):
            continue
        repo = row[header["repo"]] if "repo" in header else default_repo
        if repo and not REPO.fullmatch(repo):
            repo = default_repo
        path = row[header["path"]] if "path" in header else (default_path(fname) if default_path else "")
        path = path.replace("…/articlesOA/", ARTICLES_OA).replace(".../articlesOA/", ARTICLES_OA)
        commit = default_commit
        if "commit" in header:
            m = HEX.search(row[header["commit"]])
            if m:
                commit = m.group(0)
        yield fname, repo, path, commit, sha


def git_dir(mirror: Path, repo: str) -> Path | None:
    base = mirror / repo.replace("/", "+")
    for candidate in (base / "repo" / ".git", base / "repo", base / ".git", base):
        if candidate.is_dir() and subprocess.run(
                ["git", "--git-dir", str(candidate), "rev-parse", "--git-dir"],
                capture_output=True, check=False).returncode == 0:
            return candidate
    return None


def restore_set(name: str, args) -> bool:
    page, rel, listing, repo0, commit0, path0 = SETS[name]
    table = list(rows((args.repo / page).read_text(), repo0, commit0, path0))
    target_dir = args.dest / rel
    target_dir.mkdir(parents=True, exist_ok=True)
    good, bad = 0, []
    for fname, repo, path, commit, sha in table:
        if not (repo and path and commit):
            bad.append(f"{fname}: incomplete row (repo={repo} path={path} commit={commit})")
            continue
        gd = git_dir(args.mirror, repo)
        if gd is None:
            bad.append(f"{fname}: no snapshot of {repo} under {args.mirror} (fetch it first)")
            continue
        show = subprocess.run(["git", "--git-dir", str(gd), "show", f"{commit}:{path}"],
                              capture_output=True, check=False)
        if show.returncode != 0:
            bad.append(f"{fname}: git show {commit}:{path} in {repo} failed: {show.stderr.decode().strip()}")
            continue
        digest = hashlib.sha256(show.stdout).hexdigest()
        if digest != sha:
            bad.append(f"{fname}: sha256 {digest} != recorded {sha} (not written)")
            continue
        (target_dir / fname).write_bytes(show.stdout)
        good += 1
    status = ""
    if listing:
        run = subprocess.run(["sha256sum", "-c", str(args.repo / listing)], cwd=target_dir,
                             capture_output=True, text=True, check=False)
        n = sum(1 for line in (args.repo / listing).read_text().splitlines() if line.strip())
        failed = [line for line in run.stdout.splitlines() if not line.endswith(": OK")]
        status = f"; sha256sum -c {Path(listing).name}: " + (
            f"OK ({n} listed)" if run.returncode == 0
            else f"FAILED ({'; '.join(failed + run.stderr.splitlines())})")
    ok = not bad and good == len(table) and good > 0 and "FAILED" not in status
    print(f"{name:18} {good:3}/{len(table):<3} restored and sha256-verified -> {target_dir}{status}"
          + ("" if ok else "  PROBLEM"))
    for line in bad:
        print(f"{'':18}   {line}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repo", type=Path, default=Path("/work/main"))
    parser.add_argument("--dest", type=Path, default=Path("/work/fetched"))
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("sets", nargs="*", default=list(SETS), help=f"default: {' '.join(SETS)}")
    args = parser.parse_args()
    unknown = [s for s in args.sets if s not in SETS]
    if unknown:
        parser.error(f"unknown set(s): {', '.join(unknown)}")
    results = [restore_set(name, args) for name in args.sets]
    print("ALL OK" if all(results) else f"{results.count(False)} set(s) with problems")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
