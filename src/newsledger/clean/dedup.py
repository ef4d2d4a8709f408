"""Exact and near-duplicate articles, marked (never dropped) as ``duplicate_of`` the first copy.

Exact copies are found by a hash of the normalised text; near copies (a re-syndicated story
with a changed sentence or a trimmed ending) by MinHash signatures over word 5-shingles,
indexed with LSH so the work stays linear in the corpus.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from hashlib import blake2b

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsledger.clean import lines as L
from newsledger.model import Article, content_id
from newsledger.shuffle import GroupMap, group_in_memory

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
    mh.update_batch([sh.encode("utf-8") for sh in shingles(text)])  # one numpy pass: the same signature as one update each
    return mh


def signature(text: str) -> bytes | None:
    """A text's MinHash signature as bytes (what the ledger stores), None when too short to shingle."""
    if len(L.words(text)) < 2 * SHINGLE:
        return None
    return minhash(text).hashvalues.astype(np.uint64).tobytes()


@lru_cache(maxsize=8)
def _bands(threshold: float) -> tuple[int, int]:
    """(bands, rows) of datasketch's LSH for this threshold, so candidates are the ones it would find."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def band_keys(sig: bytes, threshold: float = 0.7) -> list[str]:
    """The LSH band keys of a signature: two texts are candidates when they share one. A band's
    rows are keyed by a 64-bit digest, not written out (144 hex digits a band, 14 bands an article,
    every article's at once in the shuffle); a digest collision only adds a candidate, which the
    similarity test then refuses."""
    b, r = _bands(threshold)
    width = r * 8  # bytes of one band
    return [f"{i}:{blake2b(sig[i * width : (i + 1) * width], digest_size=8).hexdigest()}" for i in range(b)]


def _similar_pairs(members: list[tuple[str, bytes]], threshold: float) -> list[tuple[str, str]]:
    """Pairs of one band bucket whose estimated Jaccard similarity reaches the threshold."""
    out = []
    for i, (a, sa) in enumerate(members):
        ha = np.frombuffer(sa, dtype=np.uint64)
        for b, sb in members[i + 1 :]:
            if a != b and float(np.mean(ha == np.frombuffer(sb, dtype=np.uint64))) >= threshold:
                out.append((a, b) if a < b else (b, a))
    return out


def near_pairs(
    signatures: dict[str, bytes], threshold: float = 0.7, group_map: GroupMap = group_in_memory
) -> set[tuple[str, str]]:
    """Near-duplicate pairs by a shuffle on LSH band keys: each bucket is compared on its own,
    so an executor can spread the buckets over workers."""
    keyed = ((key, (aid, sig)) for aid, sig in signatures.items() for key in band_keys(sig, threshold))
    return set(group_map(partial(_similar_pairs, threshold=threshold), keyed))


def exact_key(text: str) -> str:
    """Two texts are exact copies when their normalised forms hash alike."""
    return content_id(L.normalize(text))


@dataclass(slots=True)
class Copy:
    """What duplicate marking needs of an article, without its text: its id, the hash of its
    normalised text (``exact_key``) and what an earlier build marked it."""

    id: str
    key: str
    duplicate_of: str | None = None
    duplicate_kind: str | None = None


def copies_of(articles: Iterable[Article], signatures: dict[str, bytes]) -> list[Copy]:
    """Each article as a ``Copy``, in input order; an original with no signature yet (an older
    ledger) gets one in ``signatures`` (in place). Texts are read one at a time and not kept."""
    out = []
    for art in articles:
        if art.id not in signatures and not art.duplicate_of and (sig := signature(art.text)) is not None:
            signatures[art.id] = sig
        out.append(Copy(art.id, exact_key(art.text), art.duplicate_of, art.duplicate_kind))
    return out


def mark_duplicates(
    articles: Sequence[Article] | Sequence[Copy],
    threshold: float = 0.7,
    signatures: dict[str, bytes] | None = None,
    group_map: GroupMap = group_in_memory,
) -> dict[str, bytes]:
    """Set ``duplicate_of``/``duplicate_kind`` in place; the first article (input order) is the original.

    ``articles`` are articles or their ``Copy`` records (what a build passes: no texts held).
    ``signatures`` holds MinHash signatures (as bytes) computed where the articles were cleaned
    or by earlier builds; missing ones are computed here, into it (a corpus's signatures are not
    copied). The signatures are returned. Pairs come
    from ``near_pairs`` (the shuffle); the walk in input order then decides who copies whom:
    an article is a near copy of the earliest article before it that is not itself a copy.
    """
    signatures = {} if signatures is None else signatures
    items = [a if isinstance(a, Copy) else copies_of([a], signatures)[0] for a in articles]
    _walk(items, threshold, signatures, group_map)
    for art, item in zip(articles, items, strict=True):
        art.duplicate_of, art.duplicate_kind = item.duplicate_of, item.duplicate_kind  # type: ignore[assignment]
    return signatures


def _walk(articles: list[Copy], threshold: float, signatures: dict[str, bytes], group_map: GroupMap) -> None:
    live = {a.id: signatures[a.id] for a in articles if not a.duplicate_of and a.id in signatures}
    neighbours: dict[str, set[str]] = {}
    for a, b in near_pairs(live, threshold, group_map):
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    exact: dict[str, str] = {}
    indexed: set[str] = set()
    order = {a.id: i for i, a in enumerate(articles)}
    for art in articles:
        if art.duplicate_of:  # already marked by an earlier build
            continue
        key = art.key
        if key in exact and exact[key] != art.id:
            art.duplicate_of, art.duplicate_kind = exact[key], "exact"
            continue
        exact.setdefault(key, art.id)
        if art.id not in live:
            continue
        near = [k for k in neighbours.get(art.id, ()) if k in indexed]
        if near:
            art.duplicate_of, art.duplicate_kind = min(near, key=lambda k: order.get(k, 0)), "near"
            continue
        indexed.add(art.id)
