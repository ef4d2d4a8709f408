"""A build's processes run spaCy on the CPU and never load GPU libraries.

spaCy's thinc imports torch and cupy wherever they are installed and asks each for GPUs at
import: seconds and hundreds of MB in every process (the build and each worker) for a model,
``en_core_web_sm``, that runs on numpy alone. ``cpu_only`` marks both absent in the process that
calls it, before thinc is first imported (thinc then runs on numpy, as on a machine without
them); worker processes forked afterwards inherit it, and pool initializers call it for those
started afresh. ``NEWSLEDGER_GPU_LIBRARIES=1`` leaves them importable. Only the command line and
its workers call it: a program that imports newsledger as a library keeps its own imports.
"""

from __future__ import annotations

import os
import sys

GPU_LIBRARIES = ("torch", "cupy", "cupyx")


def cpu_only() -> bool:
    """Mark the GPU libraries absent in this process (``import torch`` then raises ImportError);
    False, changing nothing, where asked not to or where thinc or one of them is already imported."""
    if os.environ.get("NEWSLEDGER_GPU_LIBRARIES") == "1" or "thinc" in sys.modules:
        return False
    if any(name in sys.modules for name in GPU_LIBRARIES):
        return False
    for name in GPU_LIBRARIES:
        sys.modules[name] = None  # type: ignore[assignment]  # the import system's "not importable here"
    return True
