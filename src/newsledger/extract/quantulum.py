"""quantulum3, imported once for the figure grammar (``claims``) and the unit tables (``units``).

Two things happen at its import that a build need not pay for in every process: it warns that its
optional scikit-learn classifier is absent (we choose units ourselves, ``unit_choice``), and its
pluraliser, inflect, wraps each of its methods in typeguard's run-time type checks, which re-parses
and recompiles inflect's source: about 1.5 s in each process of a build. inflect is imported here
with that decorator as the identity (the checks only validate inflect's own arguments, which
quantulum3 passes as strings).
"""

from __future__ import annotations

import re
import sys
import warnings
from functools import lru_cache
from itertools import pairwise
from typing import Any


def _unchecked(target: Any = None, **_options: Any) -> Any:
    return target if target is not None else (lambda f: f)


def _import_inflect_unchecked() -> None:
    if "inflect" in sys.modules:
        return
    try:
        import typeguard
    except ImportError:  # pragma: no cover - inflect without typeguard checks nothing
        return
    real = typeguard.typechecked
    typeguard.typechecked = _unchecked  # type: ignore[assignment]
    try:
        import inflect  # noqa: F401
    finally:
        typeguard.typechecked = real


_import_inflect_unchecked()
with warnings.catch_warnings():  # quantulum3 warns that its optional sklearn classifier is absent
    warnings.simplefilter("ignore", UserWarning)
    from quantulum3 import load as qload
    from quantulum3 import parser as qparser

__all__ = ["might_name_unit", "qload", "qparser"]

_TOKENS = re.compile(r"[\s/-]+")


@lru_cache(maxsize=1)
def _written_forms() -> frozenset[str]:
    units = qload.units("en_US")
    return frozenset(k.lower() for k in (*units.surfaces_all, *units.symbols_all))


def might_name_unit(words: str) -> bool:
    """Whether quantulum3 could read a unit in ``words``: one of its words (split at spaces,
    slashes and hyphens), or two together ("astronomical units"), is a name or symbol quantulum3 knows. Its parser runs one large regular
    expression (about 2 ms a call); most words after a number ("people", "years ago") are no unit,
    and this lookup answers those without it."""
    forms, tokens = _written_forms(), _TOKENS.split(words.lower())
    return any(t in forms for t in tokens) or any(f"{a} {b}" in forms for a, b in pairwise(tokens))
