"""The bundled demo corpus: five real pages about North Korean troops fighting for Russia."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def sample_dir() -> Path:
    return Path(str(resources.files("newsledger") / "data" / "seeds"))
