"""Run configuration: one frozen dataclass, overridable from TOML and the CLI."""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.limits import DEFAULT_MAX_DOC_CHARS
from pipeline.schema import STAGES

DEFAULT_CACHE_ENV = "PIPELINE_CACHE_DIR"
# What a run does unless told otherwise: every stage but ``tokens``. Token rows (``OUT.tokens.jsonl``)
# are opt-in: about 68 bytes per input character (1 GB for the Diet corpus), read by no later
# stage nor by any analysts' command, and tokenizing costs more than the dates stage.
DEFAULT_STAGES: tuple[str, ...] = tuple(s for s in STAGES if s != "tokens")


def default_cache_dir() -> Path:
    """``$PIPELINE_CACHE_DIR``, else ``$XDG_CACHE_HOME/jpextract``, else ``~/.cache/jpextract``."""
    env = os.environ.get(DEFAULT_CACHE_ENV)
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "jpextract"


@dataclass(frozen=True)
class Config:
    """Everything that shapes a run.

    Attributes:
        stages: stages to run, in pipeline order; a stage's prerequisites are added
            (commitments needs dates and entities). Sentences are always split; ``tokens``
            (fugashi tokens, written to ``OUT.tokens.jsonl``) runs only when named.
        cache_dir: where GiNZA parses are cached; None disables the cache.
        batch_size: at most this many documents in a batch (the unit a worker is given).
        batch_chars: about this many characters in a batch, and in each group of texts GiNZA
            parses at once: memory grows by ~75 KB per token in a group, so this bounds it.
        workers: processes for the local engine (1 = in this process).
        engine: ``local`` (process pool) or ``dask`` (dask.distributed).
        scheduler: address of an existing Dask scheduler; None starts a local cluster.
        strict: turn record warnings into document failures.
        progress: report progress on stderr (only when it is a terminal).
        verbose: show tracebacks of document failures.
        numpy_gemm: multiply matrices with numpy/OpenBLAS instead of blis (same results, faster
            here; see bench/README.md).
        max_doc_chars: the longest document read, in characters; a longer one (a ``.txt`` file, a
            JSONL line) is skipped with E112, bounded while reading (pipeline/limits.py).
        fast_ner: decode GiNZA's NER with ``pipeline.ginza_ner`` instead of spaCy's loop (the
            same entities, about ten times faster; off only to measure the difference).
    """

    stages: tuple[str, ...] = DEFAULT_STAGES
    cache_dir: Path | None = dataclasses.field(default_factory=default_cache_dir)
    batch_size: int = 32
    batch_chars: int = 10_000
    workers: int = 1
    engine: str = "local"
    scheduler: str | None = None
    strict: bool = False
    progress: bool = True
    verbose: bool = False
    numpy_gemm: bool = True
    max_doc_chars: int = DEFAULT_MAX_DOC_CHARS
    fast_ner: bool = True

    def __post_init__(self) -> None:
        unknown = [s for s in self.stages if s not in STAGES]
        if unknown:
            raise ValueError(f"unknown stage(s) {', '.join(unknown)}; choose from {', '.join(STAGES)}")
        wanted = set(self.stages)
        if "commitments" in wanted:
            wanted |= {"dates", "entities"}
        object.__setattr__(self, "stages", tuple(s for s in STAGES if s in wanted))
        if self.engine not in ("local", "dask"):
            raise ValueError(f"unknown engine {self.engine!r}; choose local or dask")
        if not self.stages:
            raise ValueError(f"no stage to run; choose from {', '.join(STAGES)}")
        if min(self.workers, self.batch_size, self.batch_chars, self.max_doc_chars) < 1:
            raise ValueError("workers, batch_size, batch_chars and max_doc_chars must be at least 1")

    def replace(self, **changes: Any) -> Config:
        """A copy with ``changes`` applied (validated again)."""
        return dataclasses.replace(self, **changes)

    @property
    def tokens(self) -> bool:
        """Whether the run tokenizes with fugashi and writes ``OUT.tokens.jsonl``."""
        return "tokens" in self.stages

    def with_tokens(self, wanted: bool) -> Config:
        """A copy that does (or does not) run the ``tokens`` stage, the other stages unchanged."""
        others = tuple(s for s in self.stages if s != "tokens")
        return self.replace(stages=("tokens", *others) if wanted else others)

    @property
    def needs_parser(self) -> bool:
        """Whether any stage reads GiNZA's output."""
        return "entities" in self.stages or "commitments" in self.stages

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form for the manifest (the cache path is not recorded: it is machine-local)."""
        return {
            "stages": list(self.stages),
            "cache": self.cache_dir is not None,
            "batch_size": self.batch_size,
            "batch_chars": self.batch_chars,
            "workers": self.workers,
            "engine": self.engine,
            "strict": self.strict,
            "numpy_gemm": self.numpy_gemm,
            "max_doc_chars": self.max_doc_chars,
            "fast_ner": self.fast_ner,
            "scheduler": self.scheduler is not None,
        }

    @classmethod
    def from_toml(cls, path: Path) -> Config:
        """Read ``[extract]`` fields from a TOML file."""
        with path.open("rb") as handle:
            data = tomllib.load(handle).get("extract", {})
        if "stages" in data:
            data["stages"] = tuple(data["stages"])
        if "cache_dir" in data:
            data["cache_dir"] = Path(data["cache_dir"]) if data["cache_dir"] else None
        return cls(**data)


# Tests run every stage, tokens too (the snapshots hold the token rows).
TEST = Config(stages=STAGES, cache_dir=None, progress=False)
