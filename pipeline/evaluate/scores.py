"""The counters of one document (or a corpus, by merging): PRFs and accuracies under flat names."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline.evaluate.matching import PRF, Accuracy


@dataclass
class DocScores:
    """Raw counts for one document (summed for a genre or the corpus)."""

    prf: dict[str, PRF] = field(default_factory=dict)
    acc: dict[str, Accuracy] = field(default_factory=dict)

    def add_prf(self, name: str, value: PRF) -> None:
        """Accumulate a PRF under ``name`` (``stage:label`` for per-type scores)."""
        self.prf.setdefault(name, PRF())
        self.prf[name] += value

    def add_acc(self, name: str, ok: bool) -> None:
        """Accumulate one accuracy observation."""
        self.acc.setdefault(name, Accuracy()).add(ok)

    def merge(self, other: DocScores) -> None:
        """Add another document's counts."""
        for name, value in other.prf.items():
            self.add_prf(name, value)
        for name, acc in other.acc.items():
            mine = self.acc.setdefault(name, Accuracy())
            mine.correct += acc.correct
            mine.total += acc.total

    def to_dict(self) -> dict[str, Any]:
        """Flat keys: ``ents_p``/``_r``/``_f``, ``ents_per_type``, ``dates_value_acc`` ..."""
        out: dict[str, Any] = {}
        per_type: dict[str, dict[str, Any]] = {}
        for name, value in sorted(self.prf.items()):
            if ":" in name:
                stage, label = name.split(":", 1)
                per_type.setdefault(f"{stage}_per_type", {})[label] = value.to_dict()
                continue
            for k, v in value.to_dict().items():
                out[f"{name}_{k}"] = v
        out.update(per_type)
        for name, acc in sorted(self.acc.items()):
            out[f"{name}_acc"] = acc.value
            out[f"{name}_n"] = acc.total
        return out
