"""Seconds per MB on ordinary and on pathological text, side by side (issue 21's target: at most 5x).

Ordinary text: BBC articles (../shared/bench/corpora/bbc) up to ``--size`` bytes, one file each.
Pathological text, each one file of about ``--size`` bytes: a quotation opened over and over
(`said "`), a figure sign and endless commas, prose with no full stop on one line, short numbered
paragraphs, HTML nested thousands deep. Each is built alone in a child process; a build of one
tiny article, in the same run, is subtracted as the start-up cost.

    .venv/bin/python benchmarks/hostile.py [--bench PATH] [--size 300000]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import DEFAULT_BENCH, bbc_files, timed_build


def cases(size: int) -> dict[str, str]:
    rng = random.Random(7)
    words = [
        "the",
        "port",
        "authority",
        "said",
        "more",
        "ships",
        "were",
        "waiting",
        "at",
        "the",
        "harbour",
        "on",
        "monday",
        "while",
        "officials",
        "met",
    ]
    depth = 3000
    para = "<p>The harbour reopened after a strike that halted 40 ships, the union said.</p>"
    return {
        'quotation opened again and again (said ")': "Headline\n\n" + 'said "' * (size // 6),
        "a dollar sign and endless commas": "Prices\n\nThe cost was $" + "," * size + " today.",
        "prose with no full stop, one line": " ".join(rng.choice(words) for _ in range(size // 6)),
        "short numbered paragraphs": "Harbour Log\n\n"
        + "".join(f"Pier {i} took {i % 90 + 3} boats on Monday, the harbour master said.\n" for i in range(size // 60)),
        "HTML nested 3,000 deep": "<html><body>" + "<div>" * depth + para * ((size - 11 * depth) // len(para)) + "</div>" * depth,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--size", type=int, default=300_000)
    args = ap.parse_args()
    bbc = args.bench / "corpora" / "bbc"
    if not bbc.exists():
        print(f"skipped: {bbc} not found (pass --bench)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "tiny").mkdir()
        (root / "tiny" / "a.txt").write_text("Ferry Resumes\n\nThe ferry resumed service on Monday, the operator said.\n")
        start = timed_build(root / "tiny", root / "o_tiny", check=False)[0]
        ordinary, size = root / "ordinary", 0
        ordinary.mkdir()
        for f in bbc_files(bbc):
            if size >= args.size:
                break
            data = f.read_bytes()
            (ordinary / f"{f.parent.name}_{f.name}").write_bytes(data)
            size += len(data)
        base = max(timed_build(ordinary, root / "o_ord", check=False)[0] - start, 1e-6) / (size / 1e6)
        print(f"start-up (one tiny article): {start:.1f} s, subtracted below")
        print(f"{'text':<44} {'MB':>6} {'s/MB':>8} {'x ordinary':>11}")
        print(f"{'ordinary: BBC articles (reference)':<44} {size / 1e6:>6.2f} {base:>8.1f} {1:>11.2f}")
        for name, text in cases(args.size).items():
            path = root / ("case.html" if name.startswith("HTML") else "case.txt")
            path.write_text(text, encoding="utf-8")
            secs = max(timed_build(path, root / f"o_{abs(hash(name))}", check=False)[0] - start, 0.0)
            mb = len(text.encode()) / 1e6
            print(f"{name:<44} {mb:>6.2f} {secs / mb:>8.1f} {secs / mb / base:>11.2f}")
            path.unlink()


if __name__ == "__main__":
    main()
