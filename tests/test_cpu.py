"""A build's processes never load GPU libraries (``newsledger.cpu``): checked in a child process
with a stand-in ``torch`` package that leaves a mark when imported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

CHILD = """
import sys
from newsledger.cpu import cpu_only
blocked = cpu_only() if sys.argv[1] == "cpu_only" else False
import thinc.compat
print(blocked, thinc.compat.has_torch)
"""


def _stand_in_torch(root: Path) -> Path:
    pkg = root / "torch"
    (pkg / "utils").mkdir(parents=True)
    (pkg / "__init__.py").write_text(
        "import os\nopen(os.environ['TORCH_MARK'], 'w').write('imported')\n__version__ = '2.0.0'\n"
        "class cuda:\n    @staticmethod\n    def device_count():\n        return 0\n"
        "    class amp:\n        class common:\n            @staticmethod\n"
        "            def amp_definitely_not_available():\n                return True\n"
        "class backends:\n    pass\n"
    )
    (pkg / "utils" / "__init__.py").write_text("")
    (pkg / "utils" / "dlpack.py").write_text("")
    return root


@pytest.mark.parametrize("mode", ["cpu_only", "as_installed"])
def test_spacys_backend_skips_an_installed_torch_once_the_process_is_cpu_only(tmp_path, mode):
    mark = tmp_path / "mark"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(_stand_in_torch(tmp_path / "site")), *sys.path]),
        "TORCH_MARK": str(mark),
    }
    env.pop("NEWSLEDGER_GPU_LIBRARIES", None)
    out = subprocess.run([sys.executable, "-c", CHILD, mode], env=env, capture_output=True, text=True, check=True).stdout.split()
    if mode == "cpu_only":
        assert out == ["True", "False"] and not mark.exists()
    else:  # the stand-in is what thinc finds where nothing marks it absent: the check above can fail
        assert out == ["False", "True"] and mark.read_text() == "imported"


def test_asking_for_the_gpu_libraries_leaves_them_importable(tmp_path):
    env = {**os.environ, "NEWSLEDGER_GPU_LIBRARIES": "1", "PYTHONPATH": os.pathsep.join(sys.path)}
    code = "import sys\nfrom newsledger.cpu import cpu_only\nprint(cpu_only(), 'torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]
