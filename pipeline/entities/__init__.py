"""Stage 4: named entities: GiNZA's NER behind a domain layer, mapped to the seven labels.

``configure_nlp`` adds the domain ruler (``ruler.py``) before GiNZA's ``ner``; ``find_entities``
reads the parse back as records and runs the rules of ANNOTATION.md (Entities) as named passes
(``passes.PASSES``). ``holder`` names the holder of a title on a date (``offices``). The flow and
the module of each rule: README.md.
"""

from __future__ import annotations

from pipeline.entities.labels import map_ene_entities
from pipeline.entities.offices import holder
from pipeline.entities.passes import find_entities
from pipeline.entities.ruler import configure_nlp, fingerprint

__all__ = ["configure_nlp", "find_entities", "fingerprint", "holder", "map_ene_entities"]
