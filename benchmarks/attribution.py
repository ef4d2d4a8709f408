"""Attribution (who said what) on PolNeAR dev: source, cue and content spans, exact and overlap.

The reference, measured in the same run, is a baseline any tool gets for free: every
sentence holding a speech verb, its nearest preceding PERSON/ORG entity as the source, the
verb as the cue and the rest of the sentence as the content. BBC Citron's published figures
(on PARC 3.0) are quoted in BENCHMARKS.md.

    .venv/bin/python benchmarks/attribution.py [--bench PATH] [--limit N] [--oracle-cues]

The last rows score human annotators against each other: the articles PolNeAR had marked by
several annotators (train and dev), each later annotation scored against the first as a system
would be (its first piece of a broken span) — the ceiling of the task as the corpus defines it.

``--oracle-cues`` adds a diagnostic row: the same pipeline with the cue decision taken from the
gold (a verb is a cue exactly when it lies in an annotated Cue span), the bound that a perfect
cue model would reach with today's speaker and content rules.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import bench_dir, half
from newsledger import nlp
from newsledger.extract import quotes, stage
from newsledger.extract.language import SPEECH_FORMS, pos
from newsledger.extract.stage import extract_texts

ROLES = ("Source", "Cue", "Content")


Gold = tuple[tuple[int, int], ...]  # an annotated span: its pieces (a quotation broken by "he said" has several)


def read_ann(ann: Path) -> dict[str, set[Gold]]:
    """{role: spans} of one annotator's brat file; a discontinuous span ("0 27;42 90") keeps all its pieces."""
    spans: dict[str, set[Gold]] = {r: set() for r in ROLES}
    for line in ann.read_text(encoding="utf-8").splitlines():
        m = re.match(r"T\d+\t(\w+) (\d+ \d+(?:;\d+ \d+)*)\t", line)
        if m and m.group(1) in spans:
            pieces = tuple(tuple(int(x) for x in p.split()) for p in m.group(2).split(";"))
            spans[m.group(1)].add(pieces)  # type: ignore[arg-type]
    return spans


def load_gold(path: Path, limit: int, split: str = "dev") -> list[tuple[str, str, dict[str, set[Gold]]]]:
    """(name, text, {role: spans}) of a split with the first annotator's file for each text."""
    out = []
    for txt in sorted((path / split / "text").glob("*.txt"))[: limit or None]:
        anns = sorted((path / split / "attributions").glob(txt.stem + "_*.ann"))
        if anns:
            out.append((txt.stem, txt.read_text(encoding="utf-8"), read_ann(anns[0])))
    return out


def agreement(path: Path) -> tuple[list[dict[str, set[Gold]]], list[dict[str, set[tuple[int, int]]]]]:
    """Human agreement, the ceiling of this task as PolNeAR defines it: every article (train and dev)
    that several annotators marked, each later annotator's spans scored against the first's as if
    they were a system's (gold, prediction pairs for ``table``)."""
    golds, preds = [], []
    for split in ("train", "dev"):
        for txt in sorted((path / split / "text").glob("*.txt")):
            anns = sorted((path / split / "attributions").glob(txt.stem + "_*.ann"))
            gold = read_ann(anns[0]) if len(anns) > 1 else {}  # read once for all the annotators after it
            for other in anns[1:]:
                golds.append(gold)
                preds.append({r: {g[0] for g in spans} for r, spans in read_ann(other).items()})
    return golds, preds


def prf(pred: set[tuple[int, int]], gold: set[Gold], overlap: bool) -> tuple[int, int, int, int]:
    """Predictions matching a gold span, predictions, gold spans matched, gold spans: a match is an
    overlap with any piece, or (exact) the same characters as one piece."""

    def hit(a: tuple[int, int], g: Gold) -> bool:
        return any(a[0] < e and s < a[1] for s, e in g) if overlap else a in g

    return sum(any(hit(p, g) for g in gold) for p in pred), len(pred), sum(any(hit(p, g) for p in pred) for g in gold), len(gold)


def ours(docs) -> list[dict[str, set[tuple[int, int]]]]:
    facts = extract_texts((str(i), name, text) for i, (name, text, _) in enumerate(docs))
    out: list[dict[str, set[tuple[int, int]]]] = [{r: set() for r in ROLES} for _ in docs]
    for q in facts.quotes:
        d = out[int(q.span.article_id)]
        d["Content"].add((q.span.start, q.span.end))
        if q.speaker_start is not None:
            d["Source"].add((q.speaker_start, q.speaker_end))
        if q.cue_start is not None:
            d["Cue"].add((q.cue_start, q.cue_end))
    return out


def oracle(docs) -> list[dict[str, set[tuple[int, int]]]]:
    """``ours`` with the gold deciding which verbs are cues (a diagnostic bound, not a system)."""
    where = {"doc": 0, "base": 0}
    real_quotes_in, real_cue = stage.quotes_in, quotes._cue

    def quotes_in(sent, *args, **kwargs):
        where["doc"], where["base"] = int(sent.article_id), sent.base
        return real_quotes_in(sent, *args, **kwargs)

    def cue(tok) -> bool:
        at = where["base"] + tok.idx
        return pos(tok) == "VERB" and any(a <= at < b for g in docs[where["doc"]][2]["Cue"] for a, b in g)

    stage.quotes_in, quotes._cue = quotes_in, cue
    try:
        return ours(docs)
    finally:
        stage.quotes_in, quotes._cue = real_quotes_in, real_cue


def baseline(docs) -> list[dict[str, set[tuple[int, int]]]]:
    out = []
    for (_, _text, _), doc in zip(docs, nlp.load_light().pipe(t for _, t, _ in docs), strict=True):
        d: dict[str, set[tuple[int, int]]] = {r: set() for r in ROLES}
        ents = [e for e in doc.ents if e.label_ in ("PERSON", "ORG")]
        for sent in doc.sents:
            cue = next((t for t in sent if t.lower_ in SPEECH_FORMS), None)
            if cue is None:
                continue
            src = [e for e in ents if e.end_char <= cue.idx and e.start_char >= sent.start_char]
            if src:
                d["Source"].add((src[-1].start_char, src[-1].end_char))
            d["Cue"].add((cue.idx, cue.idx + len(cue.text)))
            d["Content"].add((sent.start_char, sent.end_char))
        out.append(d)
    return out


def main() -> None:
    path, args = bench_dir("attribution", __doc__ or "", {"--oracle-cues": "add the gold-cue bound as a diagnostic row"})
    docs = load_gold(path, args.limit)
    print(f"{len(docs)} PolNeAR dev articles from {path}; {sum(len(g['Source']) for *_, g in docs)} gold sources")
    print(f"{'system':<22} {'role':<8} {'exact P/R/F1':>20} {'overlap P/R/F1':>22}")
    systems = [("baseline (reference)", baseline), ("newsledger", ours)]
    if args.oracle_cues:
        systems.append(("oracle cues (bound)", oracle))
    halves = [half(name) for name, *_ in docs]
    for name, fn in systems:
        t = time.perf_counter()
        preds = fn(docs)
        table(name, [g for *_, g in docs], preds)
        print(f"{'':<22} ({time.perf_counter() - t:.1f} s)")
        for part in ("tune", "check"):  # the fixed split: misses are read on tune only
            keep = [i for i, h in enumerate(halves) if h == part]
            table(f"  {part} ({len(keep)} articles)", [docs[i][2] for i in keep], [preds[i] for i in keep])
    golds, preds = agreement(path)
    table("annotators (ceiling)", golds, preds)
    print(f"{'':<22} ({len(golds)} second annotations of PolNeAR articles scored against the first)")


def table(name: str, golds: list[dict[str, set[Gold]]], preds: list[dict[str, set[tuple[int, int]]]]) -> None:
    """Print one system's rows: exact and overlap P/R/F1 for each role, summed over articles."""
    for role in ROLES:
        cells = []
        for overlap in (False, True):
            tp_p = n_p = tp_g = n_g = 0
            for gold, pred in zip(golds, preds, strict=True):
                a, b, c, d = prf(pred[role], gold[role], overlap)
                tp_p, n_p, tp_g, n_g = tp_p + a, n_p + b, tp_g + c, n_g + d
            p, r = (tp_p / n_p if n_p else 0.0), (tp_g / n_g if n_g else 0.0)
            f = 2 * p * r / (p + r) if p + r else 0.0
            cells.append(f"{p:>6.3f}{r:>7.3f}{f:>7.3f}")
        print(f"{name:<22} {role:<8} {cells[0]:>20} {cells[1]:>22}")


if __name__ == "__main__":
    main()
