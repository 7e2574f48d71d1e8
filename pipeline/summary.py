"""What a run did: counts, failures, cache use, memory; filled by the run, read by the manifest."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.documents import InputFailure


@dataclass
class RunSummary:
    """What a run did: counts, failures, where it wrote."""

    documents: int = 0
    chars: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    failures: list[InputFailure] = field(default_factory=list)
    seconds: float = 0.0
    cache_hits: int = 0
    cache_misses: int = 0
    peak_rss_mb_workers: int = 0

    @property
    def exit_status(self) -> int:
        """0 when every document was processed, 1 otherwise."""
        return 1 if self.failures else 0
