"""jpextract: dates, entities and commitments from Japanese government and defense text.

The pipeline runs in stages (documents -> tokens -> dates -> entities -> commitments -> output);
every extracted span carries character offsets into its record's own ``text``.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
