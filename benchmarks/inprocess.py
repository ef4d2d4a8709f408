"""The in-process build before and after a change, in the same run: a revision's code (checked
out into a temporary git worktree) against the working tree, on the same crawl-like corpus.

    .venv/bin/python benchmarks/inprocess.py --before REV [--bench PATH] [--limit N] [--rounds R]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from common import make_crawl  # noqa: E402


def build_seconds(src: Path, crawl: Path, out: Path) -> float:
    """Seconds for one in-process `newsledger build` with the code under ``src``, in a fresh process."""
    code = "import sys;from newsledger.cli import main;sys.argv=['newsledger','build',sys.argv[1],'--out',sys.argv[2],'--quiet'];main()"
    env = {**os.environ, "PYTHONPATH": str(src)}
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code, str(crawl), str(out)], env=env, capture_output=True, text=True)
    if proc.returncode not in (0, None):
        raise SystemExit(f"build with {src} failed:\n{proc.stderr[-2000:]}")
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--before", required=True, help="git revision to compare with (e.g. a commit before the change)")
    ap.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench")
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    if not (args.bench / "corpora" / "bbc").exists():
        print(f"skipped: {args.bench / 'corpora' / 'bbc'} not found")
        return
    with tempfile.TemporaryDirectory() as tmp:
        old = Path(tmp) / "before"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(old), args.before], check=True, capture_output=True
        )
        try:
            crawl = make_crawl(args.bench, Path(tmp), args.limit)
            times: dict[str, list[float]] = {"before": [], "after": []}
            for r in range(args.rounds):  # alternate, so drift on the machine hits both alike
                times["before"].append(build_seconds(old / "src", crawl, Path(tmp) / f"b{r}"))
                times["after"].append(build_seconds(ROOT / "src", crawl, Path(tmp) / f"a{r}"))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)], check=False)
    best = {k: min(v) for k, v in times.items()}
    print(f"in-process build, best of {args.rounds}, {args.limit} articles")
    print(f"{'code':<34} {'seconds':>8}")
    print(f"{'before: ' + args.before:<34} {best['before']:>8.1f}")
    print(f"{'after: working tree':<34} {best['after']:>8.1f}")
    print(f"after / before: {best['after'] / best['before']:.2f}")


if __name__ == "__main__":
    main()
