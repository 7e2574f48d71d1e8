"""What a stage process does with a batch, and the pools of such processes.

A stage process (a worker of the local pool, or a Dask worker's model process) builds its
``Resources`` on the first batch and keeps them. It ignores SIGINT (the run's own process handles
Ctrl-C and stops it) and dies with the process that started it (``PR_SET_PDEATHSIG``), so even a
parent killed hard cannot leave it orphaned, holding the caller's stdout and stderr.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import resource
import signal
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pipeline.batch import Outcome, process_batch
from pipeline.documents import InputFailure
from pipeline.runtime import Resources
from pipeline.schema import Document

if TYPE_CHECKING:
    from pipeline.config import Config


@dataclass
class BatchResult:
    """What a worker sends back for one batch."""

    outcomes: list[Outcome]
    cache_hits: int = 0
    cache_misses: int = 0
    peak_rss_mb: int = 0


# One Resources per stage process (and per configuration), built on the first batch.
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


PR_SET_PDEATHSIG = 1


def stage_process_init(parent: int) -> None:
    """In a stage process: leave Ctrl-C to the parent, and die with the parent.

    The death signal is tied to the parent thread that started this process (Linux); if the
    parent is already gone, exit now.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


def stage_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of spawned stage processes (see ``stage_process_init``)."""
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=stage_process_init, initargs=(os.getpid(),)
    )


def stop_pool(pool: ProcessPoolExecutor, *, wait: bool) -> None:
    """Shut a pool down: let it finish (``wait``), or cancel what is queued and stop its processes now."""
    if wait:
        pool.shutdown(wait=True)
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in processes:
        with contextlib.suppress(OSError, ValueError):
            proc.terminate()
    for proc in processes:
        with contextlib.suppress(OSError, ValueError, AssertionError):
            proc.join(10)
            if proc.is_alive():
                proc.kill()
                proc.join(5)


# Returns a concurrent.futures or a distributed Future: anything with a blocking result().
Submit = Callable[[list[Document]], Any]


def ordered(
    batches: Iterable[list[Document | InputFailure]], submit: Submit, window: int
) -> Generator[tuple[list[Document | InputFailure], BatchResult], None, None]:
    """Submit batches with at most ``window`` in flight; yield results in submission order."""
    pending: list[tuple[list[Document | InputFailure], Any]] = []
    for batch in batches:
        docs = [item for item in batch if isinstance(item, Document)]
        pending.append((batch, submit(docs)))
        while len(pending) >= window:
            batch0, future = pending.pop(0)
            yield batch0, result_of(future)
    for batch0, future in pending:
        yield batch0, result_of(future)


def result_of(future: Any) -> BatchResult:
    result = future.result()
    assert isinstance(result, BatchResult)
    return result


__all__ = ["BatchResult", "Submit", "ordered", "peak_rss_mb", "stage_pool", "stage_process_init", "stop_pool", "work"]
