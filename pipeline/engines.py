"""Where batches run: in this process, in a local pool of processes, or on a Dask cluster.

The parent reads the documents and cuts the stream into batches; every engine hands back each
batch's outcomes, and they are yielded in input order whatever finishes first. GiNZA's parse of
a text does not depend on the batch it is in (checked in tests/test_engines.py), so the output
bytes never depend on the engine or on the number of workers.

Worker processes load the models once and keep them for every batch they are given. They are
started with ``spawn``: a forked child would inherit the parent's threads, and any second thread in
a process slows GiNZA's parser by 25-40% (see bench/README.md).

No process outlives a run: on success, failure and Ctrl-C every engine stops the processes it
started (tests/test_processes.py). Stage processes ignore SIGINT (the run's own process handles
Ctrl-C and stops them) and die with the process that started them (``PR_SET_PDEATHSIG``), so a
Dask worker killed hard cannot leave its model process orphaned, holding the caller's stdout.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING

from pipeline.batch import Outcome, batched
from pipeline.documents import InputFailure
from pipeline.errors import Code, ResourceError
from pipeline.schema import Document
from pipeline.workers import BatchResult, ordered, stage_pool, stop_pool, work

if TYPE_CHECKING:
    from pipeline.config import Config
    from pipeline.summary import RunSummary


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


def _inline(
    batches: Iterable[list[Document | InputFailure]], config: Config
) -> Generator[tuple[list[Document | InputFailure], BatchResult], None, None]:
    for batch in batches:
        yield batch, work([item for item in batch if isinstance(item, Document)], config)


def _pool(
    batches: Iterable[list[Document | InputFailure]], config: Config
) -> Generator[tuple[list[Document | InputFailure], BatchResult], None, None]:
    pool = stage_pool(config.workers)
    finished = False
    try:
        yield from ordered(batches, lambda docs: pool.submit(work, docs, config), 2 * config.workers)
        finished = True
    except BrokenProcessPool as exc:
        raise ResourceError(Code.E204_ENGINE, "local process pool", f"{exc} (out of memory?)") from exc
    finally:
        stop_pool(pool, wait=finished)


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
    results: Generator[tuple[list[Document | InputFailure], BatchResult], None, None]
    if config.engine == "dask":
        from pipeline.dask_engine import run_dask

        results = run_dask(batches, config)
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
        results.close()


__all__ = ["BatchResult", "Progress", "run_batches", "work"]
