"""The build: read every input, clean it into articles, mark duplicates, store, export.

Each document is stored with its articles in one transaction, so a build killed midway leaves
a ledger holding whole documents only; the next build skips what is stored and finishes the
rest. Exports are rewritten from the ledger at the end, so they always describe all of it.
"""

from __future__ import annotations

import os
import resource
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from tqdm import tqdm

from newsledger import budget
from newsledger.clean.articles import clean_document
from newsledger.clean.dedup import copies_of, mark_duplicates, signature
from newsledger.extract.entities import key_of, merge, resolver
from newsledger.ingest import ReadError, expand_inputs, read_input
from newsledger.ingest.readers import DEFAULT_MAX_BYTES, shown_name
from newsledger.ledger.figures import fmt_value, group_figures, group_record, is_figure
from newsledger.ledger.speakers import speakers_of
from newsledger.ledger.store import Ledger, LedgerError
from newsledger.ledger.stories import Centroids, Story, place_new, release_priors, story_record
from newsledger.ledger.timeline import event_record, mark_background, merge_events
from newsledger.model import (
    Article,
    Document,
    Entity,
    FigureGroup,
    InputReport,
    TimelineEvent,
)
from newsledger.present.brief import brief_parts
from newsledger.present.exports import (
    article_record,
    write_csv,
    write_json,
    write_jsonl,
    write_parquet_tables,
    write_text,
)
from newsledger.run.executors import Executor, InProcess, measured
from newsledger.run.shards import completed, extract_to_shard, read_shard
from newsledger.shuffle import GroupMap

T = TypeVar("T")
R = TypeVar("R")


@dataclass
class BuildResult:
    out_dir: Path
    reports: list[InputReport] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)  # heads: every article without its text (in the ledger)
    outputs: dict[str, Path] = field(default_factory=dict)
    extraction_errors: list[str] = field(default_factory=list)  # "<article id>: <reason>" met in this build
    claims: int = 0  # claims in the ledger (streamed from it, never held)
    figures: int = 0  # of which figures (a counted "one" is none: ``is_figure``)
    quotes: int = 0  # quotes in the ledger (streamed from it, never held)
    groups: list[FigureGroup] = field(default_factory=list)
    events: list[TimelineEvent] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    worker_peak_mb: dict[int, float] = field(default_factory=dict)  # process id -> peak RSS of the processes that ran stages
    driver_mb: dict[str, tuple[int, int]] = field(default_factory=dict)  # phase -> (RSS, peak RSS) after it, MB
    phase_seconds: dict[str, float] = field(default_factory=dict)  # phase -> wall seconds it took (where a build's time goes)
    clock: float = field(default_factory=time.perf_counter)  # when the last phase ended (or the build began)

    @property
    def roles(self) -> dict[str, int]:
        return dict(sorted(Counter(a.role for a in self.articles).items()))

    @property
    def readable(self) -> int:
        return sum(1 for r in self.reports if r.status != "skipped")


def _clean_safely(doc: Document) -> tuple[Document, list[Article] | str]:
    """Clean one document; a failure becomes a reason, never an exception that stops the build."""
    try:
        with budget.time_budget(budget.CLEAN_SECONDS, "cleaning"):
            return doc, clean_document(doc)
    except Exception as exc:
        return doc, f"cleaning failed ({type(exc).__name__}: {exc})"


def _warn(message: str) -> None:
    tqdm.write(f"newsledger: error: {message}", file=sys.stderr)


NO_ARTICLE = "no article found: no paragraph of prose under a headline (a headline alone, or page furniture only)"
CHUNK = 64  # documents or articles handed to an executor at a time


BATCHES_PER_WORKER = 6  # at least this many batches each, so that no worker is left with the last long one


def _share(n: int, workers: int) -> int:
    """Articles per extraction batch: ``CHUNK``, or fewer where ``n`` articles would otherwise make
    too few batches to keep ``workers`` busy to the end (300 articles in batches of 64 leave one of
    two workers three batches, the other two); never under 8 (each batch writes a shard)."""
    if workers <= 1:
        return CHUNK
    return max(8, min(CHUNK, -(-n // (BATCHES_PER_WORKER * workers))))


def _chunks(items: list[T], size: int = CHUNK) -> Iterator[list[T]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _clean_chunk(docs: list[Document]) -> list[tuple[Document, list[Article] | str, dict[str, bytes]]]:
    """Clean a batch of documents, with each article's MinHash signature (hashed here, in the
    worker, so duplicate marking only compares)."""
    out = []
    for doc in docs:
        doc, cleaned = _clean_safely(doc)
        sigs = {} if isinstance(cleaned, str) else {a.id: sig for a in cleaned if (sig := signature(a.text)) is not None}
        out.append((doc, cleaned, sigs))
    return out


def _run(executor: Executor, fn: Callable[[T], R], batches: Iterable[T], peaks: dict[int, float]) -> Iterator[R]:
    """Map a stage over batches with the executor, noting each worker's peak memory."""
    for out, pid, peak in executor.map(partial(measured, fn), batches):
        peaks[pid] = max(peaks.get(pid, 0.0), peak)
        yield out


def _load_finished_shards(ledger: Ledger, shard_dir: Path) -> list[str]:
    """Load shards whose articles the ledger does not yet count as extracted (their worker
    finished, the driver did not); return the errors they record."""
    done = ledger.extracted_ids()
    errors: list[str] = []
    for info in completed(shard_dir):
        if not set(info.article_ids) <= done:
            try:
                tables = read_shard(shard_dir, info.key)
            except Exception as exc:  # a damaged shard is set aside; its articles are extracted again
                _warn(f"{shard_dir / info.key}: unreadable shard set aside ({type(exc).__name__}: {exc})")
                aside = shard_dir / f".{info.key}.damaged"
                shutil.rmtree(aside, ignore_errors=True)
                (shard_dir / info.key).rename(aside)
                continue
            ledger.add_facts(tables, info.article_ids)
            errors.extend(info.errors)
    return errors


@contextmanager
def build_lock(out_dir: Path) -> Iterator[None]:
    """One build at a time into a folder: a second one refuses at once, naming the first."""
    import fcntl
    import os

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        fh = open(out_dir / ".build.lock", "a+")  # noqa: SIM115 - held for the whole build
    except OSError as exc:
        raise LedgerError(f"{out_dir}: cannot write to the output folder ({exc.strerror})") from exc
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        fh.seek(0)
        other = fh.read().strip() or "another process"
        fh.close()
        raise LedgerError(
            f"{out_dir}: another build is writing here (pid {other}); wait for it to end, or use another --out"
        ) from exc
    fh.seek(0)
    fh.truncate()
    fh.write(str(os.getpid()))
    fh.flush()
    try:
        yield
    finally:
        fcntl.flock(fh, fcntl.LOCK_UN)
        fh.close()


def _named_inputs(inputs: list[str], glob: str | None) -> Iterator[tuple[str | ReadError, str]]:
    """Every input file or URL with the name it is recorded under (``shown_name``)."""
    for spec in inputs:
        for item in expand_inputs([spec], glob):
            if isinstance(item, ReadError):
                shown = shown_name(item.source, spec)
                yield ReadError(shown, item.reason), shown
            else:
                yield item, shown_name(item, spec)


def build(
    inputs: list[str],
    out_dir: Path,
    *,
    executor: Executor | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: bool | None = None,
    glob: str | None = None,
    limit: int = 0,
) -> BuildResult:
    """Build or extend the ledger in ``out_dir``. Documents are read as a stream and cleaned in
    chunks by the executor; each document is stored with its articles in one transaction."""
    executor = executor or InProcess()
    result = BuildResult(out_dir=out_dir)
    names = list(_named_inputs(inputs, glob))
    with build_lock(out_dir), Ledger(out_dir) as ledger:
        reports = _read_inputs(names, ledger, executor, result, max_bytes=max_bytes, progress=progress, limit=limit)
        _settle_reports(reports, ledger, result)
        _measure(result, "read")
        _extract(ledger, executor, result, out_dir / "shards")
        _measure(result, "extract")
        _cross_article(ledger, executor.group_map, result)
        _measure(result, "cross_article")
        result.outputs["ledger"] = ledger.path
        result.outputs["entities"] = out_dir / "entities.jsonl"
        write_jsonl(result.outputs["entities"], ledger.mention_rows())  # streamed: no list of every mention
        pairs = ledger.cooccurrences(15)
        rules = ledger.rule_counts()
        _export(result, out_dir, pairs, ledger)
        _measure(result, "export")
    _write_run(result, out_dir, rules)
    return result


def _measure(result: BuildResult, phase: str) -> None:
    """The driver's memory after a phase, now and at its peak so far (where a ledger's growth goes),
    and the phase's wall time (the phases after ``extract`` run in the driver alone: the serial part)."""
    ended = time.perf_counter()
    result.phase_seconds[phase], result.clock = round(ended - result.clock, 2), ended
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    try:
        now = int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:  # no /proc (not Linux): the peak alone
        now = peak
    result.driver_mb[phase] = (round(now), round(peak))


def _clean_and_store(
    pending: list[Document], doc_input: dict[str, str], reports: dict[str, InputReport], ledger: Ledger, executor: Executor,
    result: BuildResult,
) -> None:  # fmt: skip
    """Clean new documents in chunks on the executor and store each with its articles (and their
    near-duplicate signatures); a document that fails or gives no article is reported on its input."""
    for cleaned_chunk in _run(executor, _clean_chunk, list(_chunks(pending)), result.worker_peak_mb):
        for doc, cleaned, sigs in cleaned_chunk:
            rep = reports[doc_input[doc.source]]
            if isinstance(cleaned, str):
                _warn(f"{doc.source}: {cleaned}")
                rep.errors.append(f"{doc.source}: {cleaned}")
                continue
            ledger.add(doc, cleaned)
            ledger.set_signatures(sigs)
            rep.articles += len(cleaned)
            if not cleaned:
                _warn(f"{doc.source}: {NO_ARTICLE}")
                rep.warnings.append(f"{doc.source}: {NO_ARTICLE}")


def _read_inputs(
    names: list[tuple[str | ReadError, str]], ledger: Ledger, executor: Executor, result: BuildResult,
    *, max_bytes: int, progress: bool | None, limit: int,
) -> dict[str, InputReport]:  # fmt: skip
    """Read every input as a stream of documents, clean new ones in chunks on the executor and
    store each with its articles; an input's report counts what it gave and what went wrong."""
    reports: dict[str, InputReport] = {}
    seen_docs = 0
    pending: list[Document] = []
    doc_input: dict[str, str] = {}

    def flush() -> None:
        _clean_and_store(pending, doc_input, reports, ledger, executor, result)
        pending.clear()

    bar = tqdm(names, desc="reading", unit="input", disable=None if progress is None else not progress, file=sys.stderr)
    for name, shown in bar:
        if limit and seen_docs >= limit:
            reports[shown] = InputReport(source=shown, status="skipped", reason=f"--limit {limit} reached")
            continue
        if isinstance(name, ReadError):
            _warn(str(name))
            reports[shown] = InputReport(source=shown, status="skipped", reason=name.reason)
            continue
        rep = reports[shown] = InputReport(source=shown, status="read")
        for item in read_input(name, max_bytes=max_bytes, name=shown):
            if limit and seen_docs >= limit:
                break
            if isinstance(item, ReadError):
                _warn(str(item))
                rep.errors.append(str(item))
                continue
            rep.documents += 1
            seen_docs += 1
            rep.warnings.extend(f"{item.source}: {w}" for w in item.warnings)
            if ledger.has_document(item):
                found = ledger.articles_of(item)
                rep.articles += found
                if not found:
                    rep.warnings.append(f"{item.source}: {NO_ARTICLE}")
            else:
                doc_input[item.source] = shown
                pending.append(item)
                if len(pending) >= getattr(executor, "flush_every", CHUNK * 8):
                    flush()
    flush()
    return reports


def _settle_reports(reports: dict[str, InputReport], ledger: Ledger, result: BuildResult) -> None:
    """Each input's final status (read, partial or skipped, with the reason), recorded in the ledger."""
    for rep in reports.values():
        if rep.status != "skipped" and rep.documents == 0:
            rep.status = "skipped"
            rep.reason = rep.errors[0].split(": ", 1)[-1] if rep.errors else "no documents in input"
        elif rep.status != "skipped" and rep.errors:
            rep.status = "partial"
            rep.reason = f"{len(rep.errors)} problem(s) inside the input; the rest was read"
        elif rep.status != "skipped" and rep.articles == 0:
            rep.status = "skipped"
            rep.reason = NO_ARTICLE
        result.reports.append(rep)
        ledger.record_input(rep)


def _extract(ledger: Ledger, executor: Executor, result: BuildResult, shard_dir: Path) -> None:
    """Mark duplicates over the whole ledger, then extract the facts of every original article
    not yet extracted: workers write each batch's facts as a Parquet shard, the driver loads it."""
    signatures = ledger.signatures()
    copies = copies_of(ledger.articles(), signatures)  # no text is held: each is read, keyed and let go
    ledger.set_signatures(mark_duplicates(copies, signatures=signatures, group_map=executor.group_map))
    ledger.set_duplicates(copies)
    del signatures
    result.articles = list(ledger.articles(texts=False))
    recovered = _load_finished_shards(ledger, shard_dir)  # written by workers of a build killed midway
    result.extraction_errors.extend(recovered)
    done = ledger.extracted_ids()
    todo = [c.id for c in copies if not c.duplicate_of and c.id not in done]
    size = _share(len(todo), getattr(executor, "workers", 1))
    batches = (list(ledger.articles(ids)) for ids in _chunks(todo, size))  # read from the ledger as workers take them
    for info in _run(executor, partial(extract_to_shard, shard_dir), batches, result.worker_peak_mb):
        ledger.add_facts(read_shard(shard_dir, info.key), info.article_ids)
        for error in info.errors:
            _warn(error)
        result.extraction_errors.extend(info.errors)


def _cross_article(ledger: Ledger, group_map: GroupMap, result: BuildResult) -> None:
    """The steps that read across articles, each a keyed shuffle: stories, entities, figure
    groups (inside a story), speakers, the timeline; their tables written in one transaction."""
    articles = result.articles
    stories = ledger.stories()
    centroids = Centroids()  # at most ``CENTROIDS_KEPT`` in memory while placing
    placed, df_added, n_docs = place_new(
        ledger.story_inputs(), stories, *ledger.term_df(), fetch=ledger.story_input, centroids=centroids
    )
    ledger.set_stories(stories, placed, df_added, n_docs, centroid=lambda st: centroids[st.id])
    centroids.close()
    release_priors(stories)  # the centroids are in the ledger; nothing after this step reads them
    story_of = ledger.story_of()
    for a in articles:
        a.story_id = story_of.get(a.id)
    result.stories = stories
    _measure(result, "stories")
    mentions = ledger.mentions()
    entities = merge(mentions, group_map, story_of=story_of.get)
    ledger.set_entities(entities, mentions)
    del mentions  # the speakers step reads each article's mentions back from the ledger
    result.entities = entities
    _measure(result, "entities")
    result.claims, result.quotes = ledger.count("claims"), ledger.count("quotes")
    places = {key_of(e.name, "GPE") for e in entities if e.label in ("GPE", "LOC")}
    result.groups = group_figures(ledger.claim_rows(records=True), places, group_map)  # holds only the claims it can group
    _measure(result, "figure_groups")
    resolve = resolver(entities)
    event_rows = list(ledger.event_rows())  # with their articles' story, publication and outlet
    for row in event_rows:  # actors by their entity's name: "Kim" is "Kim Jong Un"
        for key in ("actor1", "actor2"):
            if row[key]:
                row[key] = " and ".join(dict.fromkeys(resolve(n.strip()) or n for n in row[key].split(" and ")))
    result.events = merge_events(event_rows, group_map)
    mark_background(result.events, {st.id: st.first_published for st in stories})
    _measure(result, "timeline")
    ledger.set_views(speakers_of(ledger.quote_rows(), ledger.mention_spans, entities, resolve), result.groups, result.events)


def _export(result: BuildResult, out_dir: Path, pairs: list[tuple[str, str, int]], ledger: Ledger) -> None:
    """The exports (JSON Lines, CSV, Parquet), the report and the brief, each written whole under a
    temporary name and renamed into place; quotes streamed from the ledger."""
    result.outputs["articles"] = out_dir / "articles.jsonl"
    write_jsonl(result.outputs["articles"], (article_record(a) for a in ledger.articles()))  # texts streamed from the ledger
    result.outputs["claims"] = out_dir / "claims.jsonl"
    write_jsonl(result.outputs["claims"], ledger.claim_rows())
    result.outputs["quotes"] = out_dir / "quotes.jsonl"
    write_jsonl(result.outputs["quotes"], ledger.quote_rows(with_speakers=True))
    group_of = {c["id"]: g.id for g in result.groups for c in g.claims}
    result.outputs["figures"] = out_dir / "figures.csv"
    write_csv(
        result.outputs["figures"],
        ({**c, "group": group_of.get(c["id"]), "figure": fmt_value(c)} for c in _counted_figures(ledger.claim_rows(), result)),
        FIGURE_COLUMNS,
    )
    result.outputs["figure_groups"] = out_dir / "figure_groups.jsonl"
    write_jsonl(result.outputs["figure_groups"], (group_record(g) for g in result.groups))
    result.outputs["stories"] = out_dir / "stories.jsonl"
    write_jsonl(result.outputs["stories"], (story_record(st) for st in result.stories))
    result.outputs["events"] = out_dir / "events.jsonl"
    write_jsonl(result.outputs["events"], (event_record(e) for e in result.events))
    write_csv(out_dir / "events.csv", (event_record(e) for e in result.events), EVENT_COLUMNS)
    result.outputs["parquet"] = out_dir / "parquet"
    write_parquet_tables(result.outputs["ledger"], result.outputs["parquet"])
    if (out_dir / "shards").is_dir():
        result.outputs["shards"] = out_dir / "shards"  # each extraction batch's facts, as its worker wrote them
    result.outputs["report"] = out_dir / "report.json"
    report = report_json(result)
    write_json(result.outputs["report"], report)
    result.outputs["brief"] = out_dir / "brief.html"
    parts = brief_parts(
        result.articles,
        result.groups,
        result.events,
        ledger.quote_rows(with_speakers=True),
        result.entities,
        pairs,
        report,
        result.stories,
        in_full=ledger.articles,
    )
    write_text(result.outputs["brief"], parts)  # written a section at a time


def _counted_figures(claims: Iterator[dict[str, Any]], result: BuildResult) -> Iterator[dict[str, Any]]:
    """The figures among streamed claims, counted into ``result.figures`` as they pass."""
    result.figures = 0
    for c in claims:
        if is_figure(c):
            result.figures += 1
            yield c


def _write_run(result: BuildResult, out_dir: Path, rules: dict[str, dict[str, int]]) -> None:
    """How this run went (not part of the ledger: it differs from run to run and engine to engine)."""
    result.outputs["run"] = out_dir / "run.json"
    peaks = sorted(result.worker_peak_mb.values(), reverse=True)
    driver = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    write_json(
        result.outputs["run"],
        {
            "stage_processes": len(peaks),
            "peak_rss_mb_per_process": [round(p) for p in peaks],
            "driver_peak_rss_mb": round(driver),
            "driver_rss_mb_after": {phase: {"now": now, "peak": peak} for phase, (now, peak) in result.driver_mb.items()},
            "phase_seconds": result.phase_seconds,
            "rules": rules,  # facts per named rule, per fact table: which rules carry the ledger
        },
    )


FIGURE_COLUMNS = [
    "story_id",
    "group",
    "id",
    "article_id",
    "source",
    "figure",
    "text",
    "value",
    "low",
    "high",
    "approximate",
    "change",
    "unit",
    "measure",
    "actor",
    "attribution",
    "time",
    "time_value",
    "part_of",
    "from_value",
    "subject",
    "canonical_unit",
    "to_canonical",
    "rule",
    "published",
    "sentence",
    "start",
    "end",
]
EVENT_COLUMNS = [
    "event_id",
    "story_id",
    "event_date",
    "time_precision",
    "actor1",
    "actor2",
    "action",
    "action_lemma",
    "event_type",
    "location",
    "fatalities",
    "date_evidence",
    "background",
    "article_id",
    "source",
    "sentence",
]


def report_json(result: BuildResult) -> dict:
    by_status: dict[str, int] = {}
    for r in result.reports:
        by_status[r.status] = by_status.get(r.status, 0) + 1
    return {
        "inputs": len(result.reports),
        "inputs_by_status": by_status,
        "articles": len(result.articles),
        "articles_by_role": result.roles,
        "duplicates": sum(1 for a in result.articles if a.duplicate_of),
        "stories": len(result.stories),
        "claims": result.claims,
        "figure_groups": len(result.groups),
        "events": len(result.events),
        "quotes": result.quotes,
        "entities": len(result.entities),
        "extraction_errors": result.extraction_errors,
        "input_reports": [r.to_dict() for r in result.reports],
    }
