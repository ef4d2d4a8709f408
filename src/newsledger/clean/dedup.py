"""Exact and near-duplicate articles, marked (never dropped) as ``duplicate_of`` the first copy.

Exact copies are found by a hash of the normalised text; near copies (a re-syndicated story
with a changed sentence or a trimmed ending) by MinHash signatures over word 5-shingles,
indexed with LSH so the work stays linear in the corpus.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsledger.clean import lines as L
from newsledger.model import Article, content_id

NUM_PERM = 128
SHINGLE = 5
SCHEME = "affine32"  # datasketch 2 hashing scheme; signatures stored by one build must be read with it


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    toks = L.words(text.lower())
    if len(toks) <= k:
        return {" ".join(toks)} if toks else set()
    return {" ".join(toks[i : i + k]) for i in range(len(toks) - k + 1)}


def minhash(text: str) -> MinHash:
    mh = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    for sh in shingles(text):
        mh.update(sh.encode("utf-8"))
    return mh


def mark_duplicates(
    articles: Sequence[Article], threshold: float = 0.7, signatures: dict[str, bytes] | None = None
) -> dict[str, bytes]:
    """Set ``duplicate_of``/``duplicate_kind`` in place; the first article (input order) is the original.

    ``signatures`` holds MinHash signatures (as bytes) computed by earlier builds, so an
    incremental build hashes only its new articles; the signatures of this run are returned.
    """
    signatures = dict(signatures or {})
    exact: dict[str, str] = {}
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    sigs: dict[str, MinHash] = {}
    order = {a.id: i for i, a in enumerate(articles)}
    for art in articles:
        if art.duplicate_of:  # already marked by an earlier build
            continue
        key = content_id(L.normalize(art.text))
        if key in exact and exact[key] != art.id:
            art.duplicate_of, art.duplicate_kind = exact[key], "exact"
            continue
        exact.setdefault(key, art.id)
        if len(L.words(art.text)) < 2 * SHINGLE:
            continue
        if art.id in signatures:
            mh = MinHash(num_perm=NUM_PERM, seed=1, hashvalues=np.frombuffer(signatures[art.id], dtype=np.uint64), scheme=SCHEME)
        else:
            mh = minhash(art.text)
            signatures[art.id] = mh.hashvalues.astype(np.uint64).tobytes()
        near = [k for k in lsh.query(mh) if mh.jaccard(sigs[k]) >= threshold]
        if near:
            art.duplicate_of, art.duplicate_kind = min(near, key=lambda k: order.get(k, 0)), "near"
            continue
        if art.id not in sigs:
            lsh.insert(art.id, mh)
            sigs[art.id] = mh
    return signatures
