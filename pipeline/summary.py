"""What a run did: counts, failures, cache use, memory; filled by the run, read by the manifest."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline.documents import InputFailure, InputWarning


@dataclass
class RunSummary:
    """What a run did: counts, failures, where it wrote."""

    documents: int = 0
    chars: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    failures: list[InputFailure] = field(default_factory=list)
    input_warnings: list[InputWarning] = field(default_factory=list)
    seconds: float = 0.0
    cache_hits: int = 0
    cache_misses: int = 0
    peak_rss_mb_workers: int = 0
    written: list[Path] = field(default_factory=list)

    @property
    def exit_status(self) -> int:
        """0 when every document was processed, 1 when any failed or there was none."""
        return 1 if self.failures or not self.documents else 0
