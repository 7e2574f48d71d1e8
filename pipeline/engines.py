"""Where batches run: in this process, in a local pool of processes, or on a Dask cluster.

The parent reads the documents and cuts the stream into batches; every engine hands back each
batch's outcomes, and they are yielded in input order whatever finishes first. GiNZA's parse of
a text does not depend on the batch it is in (checked in tests/test_engines.py), so the output
bytes never depend on the engine or on the number of workers.

Worker processes load the models once and keep them for every batch they are given. They are
started with ``spawn``: a forked child would inherit the parent's threads, and any second thread in
a process slows GiNZA's parser and NER by 25-40% (see bench/README.md).
"""

from __future__ import annotations

import functools
import multiprocessing
import resource
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

from pipeline.batch import Outcome, batched, process_batch
from pipeline.documents import InputFailure
from pipeline.errors import Code, ResourceError, error_text
from pipeline.runtime import Resources
from pipeline.schema import Document

if TYPE_CHECKING:
    from pipeline.config import Config
    from pipeline.summary import RunSummary


@dataclass
class BatchResult:
    """What a worker sends back for one batch."""

    outcomes: list[Outcome]
    cache_hits: int = 0
    cache_misses: int = 0
    peak_rss_mb: int = 0


# One Resources per worker process (and per configuration), built on the first batch.
_RESOURCES: dict[str, Resources] = {}


def work(docs: list[Document], config: Config) -> BatchResult:
    """Process one batch in this process, reusing this process's models."""
    key = repr(config)
    res = _RESOURCES.get(key)
    if res is None:
        res = _RESOURCES[key] = Resources.create(config)
    hits, misses = (res.parser.cache.hits, res.parser.cache.misses) if res.parser else (0, 0)
    outcomes = process_batch(docs, res, config)
    if res.parser is not None:
        hits, misses = res.parser.cache.hits - hits, res.parser.cache.misses - misses
    return BatchResult(outcomes, hits, misses, peak_rss_mb())


def peak_rss_mb() -> int:
    """This process's peak resident memory so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


@dataclass
class Progress:
    """Documents done, chars/s and ETA on stderr, at most once a second; silent off a terminal."""

    stream: IO[str]
    enabled: bool = True
    started: float = field(default_factory=time.perf_counter)
    _last: float = 0.0

    def __post_init__(self) -> None:
        self.enabled = self.enabled and self.stream.isatty()

    def update(self, docs: int, chars: int, fraction: float) -> None:
        """Redraw the line if a second has passed."""
        now = time.perf_counter()
        if not self.enabled or now - self._last < 1.0:
            return
        self._last = now
        elapsed = now - self.started
        rate = chars / elapsed if elapsed else 0.0
        eta = ""
        if 0.0 < fraction < 1.0:
            eta = f", ETA {elapsed * (1 - fraction) / fraction:,.0f} s"
        self.stream.write(f"\r{docs:,} documents, {rate:,.0f} chars/s, {fraction:.0%} of input{eta}   ")
        self.stream.flush()

    def close(self) -> None:
        """Clear the progress line."""
        if self.enabled and self._last:
            self.stream.write("\r" + " " * 79 + "\r")
            self.stream.flush()


# Returns a concurrent.futures or a distributed Future: anything with a blocking result().
Submit = Callable[[list[Document]], Any]


def _ordered(
    batches: Iterable[list[Document | InputFailure]], submit: Submit, window: int
) -> Iterator[tuple[list[Document | InputFailure], BatchResult]]:
    """Submit batches with at most ``window`` in flight; yield results in submission order."""
    pending: list[tuple[list[Document | InputFailure], Any]] = []
    for batch in batches:
        docs = [item for item in batch if isinstance(item, Document)]
        pending.append((batch, submit(docs)))
        while len(pending) >= window:
            batch0, future = pending.pop(0)
            yield batch0, _result(future)
    for batch0, future in pending:
        yield batch0, _result(future)


def _result(future: Any) -> BatchResult:
    result = future.result()
    assert isinstance(result, BatchResult)
    return result


def _inline(
    batches: Iterable[list[Document | InputFailure]], config: Config
) -> Iterator[tuple[list[Document | InputFailure], BatchResult]]:
    for batch in batches:
        yield batch, work([item for item in batch if isinstance(item, Document)], config)


def _pool(
    batches: Iterable[list[Document | InputFailure]], config: Config
) -> Iterator[tuple[list[Document | InputFailure], BatchResult]]:
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=config.workers, mp_context=context) as pool:
        yield from _ordered(batches, lambda docs: pool.submit(work, docs, config), 2 * config.workers)


# In a Dask worker the model runs in one spawned child process: the worker's own threads (event
# loop, comms) would otherwise slow GiNZA by a quarter or more.
_CHILD: ProcessPoolExecutor | None = None


def dask_work(docs: list[Document], config: Config) -> BatchResult:
    """The Dask task: run ``work`` in this worker's spawned child (in-process if not allowed)."""
    global _CHILD
    if multiprocessing.current_process().daemon:
        return work(docs, config)
    if _CHILD is None:
        _CHILD = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    return _CHILD.submit(work, docs, config).result()


def _dask(
    batches: Iterable[list[Document | InputFailure]], config: Config
) -> Iterator[tuple[list[Document | InputFailure], BatchResult]]:
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise RuntimeError("--engine dask needs dask[distributed] (in requirements.lock)") from exc
    # Non-daemonic workers may start the child process that runs the model.
    with dask.config.set({"distributed.worker.daemon": False, "distributed.admin.tick.limit": "1h"}):
        if config.scheduler:
            client = Client(config.scheduler)  # type: ignore[no-untyped-call]
            cluster = None
        else:
            cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=config.workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                env={"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"},
            )
            client = Client(cluster)  # type: ignore[no-untyped-call]
        try:
            workers = max(1, len(client.scheduler_info().get("workers", {})))
            submit = functools.partial(client.submit, dask_work, config=config, pure=False)
            yield from _ordered(batches, lambda docs: submit(docs), 2 * workers)
        except (GeneratorExit, KeyboardInterrupt):
            raise
        except Exception as exc:
            # Documents fail inside process_batch; what reaches here is the cluster itself.
            where = config.scheduler or "local Dask cluster"
            hint = "jpextract and requirements.lock must be importable on the scheduler and every worker"
            raise ResourceError(Code.E204_ENGINE, where, f"{hint}; {error_text(exc)}") from exc
        finally:
            client.close()  # type: ignore[no-untyped-call]
            if cluster is not None:
                cluster.close()


def run_batches(
    stream: Iterable[Document | InputFailure],
    config: Config,
    summary: RunSummary,
    stderr: IO[str] | None = None,
    progress: Callable[[], float] | None = None,
) -> Iterator[Outcome]:
    """Process the stream and yield one outcome per item (failures included), in input order.

    ``progress`` returns the fraction of the input read so far (for the ETA on a terminal).
    """
    stderr = stderr if stderr is not None else sys.stderr
    batches = batched(stream, config.batch_size, config.batch_chars)
    if config.engine == "dask":
        results = _dask(batches, config)
    elif config.workers > 1:
        results = _pool(batches, config)
    else:
        results = _inline(batches, config)
    meter = Progress(stderr, enabled=config.progress)
    docs = chars = 0
    try:
        for batch, result in results:
            summary.cache_hits += result.cache_hits
            summary.cache_misses += result.cache_misses
            summary.peak_rss_mb_workers = max(summary.peak_rss_mb_workers, result.peak_rss_mb)
            done = iter(result.outcomes)
            for item in batch:
                if isinstance(item, InputFailure):
                    yield Outcome(doc_id="", record=None, tokens=None, counts={}, failure=item)
                    continue
                outcome = next(done)
                docs += 1
                chars += outcome.counts.get("chars", 0)
                yield outcome
            meter.update(docs, chars, progress() if progress else 0.0)
    finally:
        meter.close()


__all__ = ["BatchResult", "Progress", "dask_work", "run_batches", "work"]
