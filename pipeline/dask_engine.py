"""The Dask engine: batches on a dask.distributed cluster, local or at ``--scheduler``.

Imported only when that engine runs (and, by reference, on the workers, which run ``dask_work``).
At the end of a run, on success, failure or Ctrl-C, every worker's model process is stopped
(``stop_child`` on each worker, and the ``ChildReaper`` plugin when a worker closes), then the
client and the local cluster are closed: no process outlives the run.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import multiprocessing
from collections.abc import Generator, Iterable
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING, Any

from distributed.diagnostics.plugin import WorkerPlugin

from pipeline.documents import InputFailure
from pipeline.errors import Code, ResourceError, error_text
from pipeline.schema import Document
from pipeline.workers import BatchResult, ordered, stage_pool, stop_pool, work

if TYPE_CHECKING:
    from pipeline.config import Config


# In a Dask worker the model runs in one spawned child process: the worker's own threads (event
# loop, comms) would otherwise slow GiNZA by a quarter or more.
_CHILD: ProcessPoolExecutor | None = None


def dask_work(docs: list[Document], config: Config) -> BatchResult:
    """The Dask task: run ``work`` in this worker's spawned child (in-process if not allowed)."""
    global _CHILD
    if multiprocessing.current_process().daemon:
        return work(docs, config)
    if _CHILD is None:
        _CHILD = stage_pool(1)
    return _CHILD.submit(work, docs, config).result()


def stop_child() -> bool:
    """Stop this Dask worker's model process, if it has one (run on every worker at the end of a run)."""
    global _CHILD
    child, _CHILD = _CHILD, None
    if child is None:
        return False
    stop_pool(child, wait=False)
    return True


class ChildReaper(WorkerPlugin):
    """A worker's model process stops when the worker closes."""

    name = "jpextract-child-reaper"

    def teardown(self, worker: Any) -> None:
        """Stop the model process."""
        stop_child()


def _stop_children(client: Any) -> None:
    """Stop every worker's model process (best effort: a broken cluster has none to stop)."""
    with contextlib.suppress(Exception):
        client.run(stop_child, wait=True)


def _engine_error(config: Config, exc: BaseException) -> ResourceError:
    where = config.scheduler or "local Dask cluster"
    hint = "jpextract and requirements.lock must be importable on the scheduler and every worker"
    return ResourceError(Code.E204_ENGINE, where, f"{hint}; {error_text(exc)}")


def _connect(config: Config, client_type: Any, cluster_type: Any) -> tuple[Any, Any]:
    """A client of the scheduler at ``config.scheduler``, else of a new local cluster (E204 if neither starts).

    A worker that dies while the local cluster starts fails the start: that is the engine's
    failure (E204), not a bug, and the cluster's processes are stopped before it is reported.
    """
    cluster = None
    try:
        if config.scheduler:
            return client_type(config.scheduler), None
        cluster = cluster_type(
            n_workers=config.workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.WARNING,
            env={"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"},
        )
        return client_type(cluster), cluster
    except (KeyboardInterrupt, GeneratorExit):
        raise
    except Exception as exc:
        if cluster is not None:
            with contextlib.suppress(Exception):
                cluster.close()
        raise _engine_error(config, exc) from exc


def run_dask(
    batches: Iterable[list[Document | InputFailure]], config: Config
) -> Generator[tuple[list[Document | InputFailure], BatchResult], None, None]:
    """Run the batches on the cluster at ``config.scheduler``, else on a local one of ``config.workers``."""
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise RuntimeError("--engine dask needs dask[distributed] (in requirements.lock)") from exc
    # Non-daemonic workers may start the child process that runs the model.
    with dask.config.set({"distributed.worker.daemon": False, "distributed.admin.tick.limit": "1h"}):
        client, cluster = _connect(config, Client, LocalCluster)
        try:
            client.register_plugin(ChildReaper())
            workers = max(1, len(client.scheduler_info().get("workers", {})))
            submit = functools.partial(client.submit, dask_work, config=config, pure=False)
            yield from ordered(batches, lambda docs: submit(docs), 2 * workers)
        except (GeneratorExit, KeyboardInterrupt):
            raise
        except Exception as exc:
            # Documents fail inside process_batch; what reaches here is the cluster itself.
            raise _engine_error(config, exc) from exc
        finally:
            _stop_children(client)
            client.close()
            if cluster is not None:
                cluster.close()


__all__ = ["ChildReaper", "dask_work", "run_dask", "stop_child"]
