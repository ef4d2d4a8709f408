"""``newsledger serve``: the explorer (Datasette with newsledger's plugin) over ``OUT/ledger.sqlite``,
read-only, on 127.0.0.1 unless told otherwise."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def app(ledger: Path) -> Any:
    """The ASGI app serving one ledger file (opened read-only; a build into it shows on the next page load)."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    from newsledger.explore import plugin

    if not pm.is_registered(plugin) and "newsledger" not in {name for name, _ in pm.list_name_plugin()}:
        pm.register(plugin, name="newsledger")
    ds = Datasette([str(ledger)], settings={"default_page_size": 50, "sql_time_limit_ms": 3000, "allow_download": False})
    return ds.app()


def run(out_dir: Path, host: str = "127.0.0.1", port: int = 8001) -> None:
    import uvicorn

    ledger = out_dir / "ledger.sqlite"
    if not ledger.is_file():
        raise FileNotFoundError(f"{ledger}: no ledger here (build one with: newsledger build INPUTS --out {out_dir})")
    print(f"newsledger explorer: http://{host}:{port}/-/newsledger/  (the tables: http://{host}:{port}/ledger)")
    uvicorn.run(app(ledger), host=host, port=port, log_level="warning")
