"""The ``newsledger`` command line."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import click

from newsledger import __version__
from newsledger.clean.articles import clean_document
from newsledger.cpu import cpu_only
from newsledger.ingest import ReadError, read_input
from newsledger.ingest.readers import DEFAULT_MAX_BYTES
from newsledger.ledger.figures import fmt_value
from newsledger.ledger.store import LedgerError
from newsledger.present.exports import article_record
from newsledger.run.build import build as run_build
from newsledger.run.executors import LOCAL_SHUFFLE_BELOW, make_executor
from newsledger.samples import sample_dir


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsledger")
def main() -> None:
    """Turn a pile of news pages into an evidence-linked ledger."""


@main.command()
@click.argument("inputs", nargs=-1)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Output folder (created; an existing ledger there is extended).",
)
@click.option("--sample", is_flag=True, help="Add the bundled demo corpus to the inputs.")
@click.option(
    "--engine",
    type=click.Choice(["local", "processes", "ray"]),
    default="local",
    show_default=True,
    help="Executor for the per-document stages (ray needs: pip install 'newsledger[ray]').",
)
@click.option(
    "--address", default=None, help="Ray cluster address (ray://host:port) for --engine ray; without it a local Ray starts."
)
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=0,
    help="Worker processes for --engine processes or ray (default: all cores).",
)
@click.option(
    "--cluster-shuffle-from",
    type=int,
    default=LOCAL_SHUFFLE_BELOW,
    show_default=True,
    help="With --engine ray, cross-article steps with at least this many keyed rows shuffle on the cluster; "
    "smaller ones are grouped in this process, where the rows already are (0: always on the cluster).",
)
@click.option(
    "--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True, help="Largest input file read."
)
@click.option("--glob", "glob_", default=None, help="Only files matching this name pattern in folders (e.g. '*.warc.gz').")
@click.option("--limit", type=click.IntRange(min=0), default=0, help="Stop after this many documents (0: no limit).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def build(
    inputs: tuple[str, ...],
    out_dir: Path,
    sample: bool,
    engine: str,
    address: str | None,
    workers: int,
    cluster_shuffle_from: int,
    max_bytes: int,
    glob_: str | None,
    limit: int,
    quiet: bool,
) -> None:
    """Build the ledger from INPUTS: files, folders (recursive), JSON Lines, WARC, http(s) URLs."""
    names = list(inputs) + ([str(sample_dir())] if sample else [])
    if not names:
        raise click.UsageError("give at least one input (or --sample for the bundled demo corpus)")
    cpu_only()  # before spaCy is imported here or in a worker forked from here
    executor = make_executor(engine, workers, address, cluster_shuffle_from)
    try:
        result = run_build(
            names, out_dir, executor=executor, max_bytes=max_bytes, progress=False if quiet else None, glob=glob_, limit=limit
        )
    except LedgerError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        executor.close()
    skipped = [r for r in result.reports if r.status == "skipped"]
    dups = sum(1 for a in result.articles if a.duplicate_of)
    click.echo(
        f"{len(result.reports)} input(s): {result.readable} read, {len(skipped)} skipped. "
        f"{len(result.articles)} article(s) ({', '.join(f'{n} {r}' for r, n in result.roles.items())}), {dups} marked duplicate, "
        f"in {len(result.stories)} stor{'y' if len(result.stories) == 1 else 'ies'}."
    )
    click.echo(
        f"{result.figures} figure(s) in {len(result.groups)} group(s), {sum(1 for e in result.events if e.event_date)} dated event(s), "
        f"{result.quotes} quote(s), {len(result.entities)} entities."
    )
    shown = [g for g in result.groups if len(g.claims) > 1][:8]
    if shown:
        click.echo("Figures reported more than once:")
    for g in shown:
        kinds = Counter(r["kind"] for r in g.relations)
        flags = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
        values = "; ".join(fmt_value(c) for c in g.claims[:5])
        click.echo(f"  {g.label}: {values}  [{len(g.claims)} claims, {g.sources} article(s){', ' + flags if flags else ''}]")
    click.echo("Outputs:")
    for label, path in result.outputs.items():
        click.echo(f"  {label:<9} {path}")
    if result.readable == 0:
        sys.exit(1)


@main.command()
@click.argument("input_name", metavar="INPUT")
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True, help="Largest input file read.")
def clean(input_name: str, max_bytes: int) -> None:
    """Print the articles found in one INPUT as a JSON list (no ledger is written)."""
    out: list[dict] = []
    failed = False
    for item in read_input(input_name, max_bytes=max_bytes):
        if isinstance(item, ReadError):
            click.echo(f"newsledger: error: {item}", err=True)
            failed = True
            continue
        out.extend(article_record(a) for a in clean_document(item))
    json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    if failed and not out:
        sys.exit(1)


@main.command()
@click.argument("input_file", metavar="INPUT", type=click.File("rb"), default="-")
def extract(input_file) -> None:
    """Extract facts from INPUT (JSON Lines {"id", "text", "published"?}, or plain text; - for stdin).

    Writes one JSON line per input: {"id", "entities", "times", "quantities", "quotes"}.
    """
    from newsledger.extract.stage import extract_texts
    from newsledger.ledger.store import fact_row

    raw = input_file.read().decode("utf-8", errors="replace")  # bytes that are not UTF-8 become U+FFFD, not a crash
    items: list[tuple[str, str, str | None]] = []
    lines = [ln for ln in raw.splitlines() if ln.strip()]
    if lines and all(ln.lstrip().startswith("{") for ln in lines):
        for n, ln in enumerate(lines, start=1):
            try:
                obj = json.loads(ln)
                published = obj.get("published")
                if published is not None and not isinstance(published, str):
                    click.echo(f"newsledger: error: line {n}: 'published' is not a date string; read as unknown", err=True)
                    published = None
                items.append((str(obj.get("id", n)), str(obj["text"]), published))
            except (json.JSONDecodeError, KeyError, TypeError, AttributeError, RecursionError) as exc:
                click.echo(f"newsledger: error: line {n}: malformed input ({type(exc).__name__}: {exc})", err=True)
    else:
        items.append(("1", raw, None))
    for aid, text, published in items:
        try:
            facts = extract_texts([(aid, "input", text, published)])
        except Exception as exc:  # one bad record costs only that record
            click.echo(f"newsledger: error: {aid}: extraction failed ({type(exc).__name__}: {str(exc)[:200]})", err=True)
            continue
        rec = {
            "id": aid,
            "entities": [{"text": m.text, "label": m.label, "start": m.start, "end": m.end} for m in facts.mentions],
            "times": [fact_row(t) for t in facts.times],
            "quantities": [fact_row(c) for c in facts.claims],
            "quotes": [fact_row(q) for q in facts.quotes],
        }
        click.echo(json.dumps(rec, ensure_ascii=False))


@main.command()
@click.argument("out_dir", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (127.0.0.1: this machine only).")
@click.option("--port", type=click.IntRange(1, 65535), default=8001, show_default=True)
def serve(out_dir: Path, host: str, port: int) -> None:
    """Browse and search the ledger in OUT_DIR in the browser (read-only; Datasette with newsledger's pages)."""
    from newsledger.explore.serve import run

    try:
        run(out_dir, host, port)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc


if __name__ == "__main__":
    main()
