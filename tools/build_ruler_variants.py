"""Rebuild ``pipeline/data/entities/ruler_variants.json`` (run after editing a gazetteer).

    python tools/build_ruler_variants.py

The file stores, for each gazetteer name, the token sequences Sudachi gives it in context (see
``variant_contexts`` in ``lexicon.json``), so that a process start need not tokenize every name a
dozen times. It carries a key of the gazetteer names and Sudachi's versions; a stale file is ignored (the
variants are then computed at start-up) and ``tests/test_entities_ginza.py`` fails until it is
rebuilt.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.entities.variants import VARIANTS_FILE, compute_variants, variants_key  # noqa: E402
from pipeline.resources import load_nlp  # noqa: E402


def main() -> None:
    nlp = load_nlp()
    data = {"key": variants_key(), "variants": compute_variants(nlp)}
    path = ROOT / "pipeline" / "data" / "entities" / VARIANTS_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    tmp.replace(path)
    print(f"{path}: {sum(map(len, data['variants'].values()))} variants of {len(data['variants'])} names")


if __name__ == "__main__":
    main()
