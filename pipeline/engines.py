"""Where batches run: in this process, or in a pool of worker processes.

Every engine yields outcomes in input order, so the output bytes never depend on the engine or
the number of workers.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING

from pipeline.documents import Document, InputFailure
from pipeline.extract import Outcome, Resources, batched, process_batch

if TYPE_CHECKING:
    from pipeline.config import Config
    from pipeline.extract import RunSummary


def _failure_outcome(item: InputFailure) -> Outcome:
    return Outcome(doc_id="", record=None, tokens=None, counts={}, failure=item)


def run_batches(
    stream: Iterable[Document | InputFailure],
    config: Config,
    summary: RunSummary,
    stderr: IO[str] | None = None,
) -> Iterator[Outcome]:
    """Process the stream batch by batch and yield one outcome per item, in order."""
    stderr = stderr if stderr is not None else sys.stderr
    res = Resources.create(config)
    for batch in batched(stream, config.batch_size):
        docs = [item for item in batch if isinstance(item, Document)]
        done = iter(process_batch(docs, res, config))
        for item in batch:
            yield _failure_outcome(item) if isinstance(item, InputFailure) else next(done)
    if res.parser is not None:
        summary.cache_hits += res.parser.cache.hits
        summary.cache_misses += res.parser.cache.misses
