"""The in-process build before and after a change, in the same run: a revision's code (checked
out into a temporary git worktree) against the working tree, on the same crawl-like corpus.

    .venv/bin/python benchmarks/inprocess.py --before REV [--bench PATH] [--limit N] [--rounds R]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from common import make_crawl, timed_build  # noqa: E402


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
                times["before"].append(timed_build(crawl, Path(tmp) / f"b{r}", src=old / "src")[0])
                times["after"].append(timed_build(crawl, Path(tmp) / f"a{r}", src=ROOT / "src")[0])
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
