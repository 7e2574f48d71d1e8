"""Rebuild raw/'s corpus samples from ../shared/corpora (run by hand; the samples are committed).

The ids are listed explicitly so the sample never changes by accident: the Diet speeches cover
1999-2023: ministers' meeting reports and policy statements (ten of them are gold fixtures)
and budget debates; the
Prime Ministers' speeches span Meiji to Heisei so that era dates of every kind occur.

    python tools/make_raw_sample.py ../shared/corpora raw
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

KOKKAI_IDS = (
    "114505261X01419990216_100",
    "116405254X02920060511_021",
    "116503968X00720061213_005",
    "115405254X01620020326_027",
    "116813950X00820071129_064",
    "118613950X00220140311_007",
    "118613950X01420140513_003",
    "118613950X01420140513_005",
    "118913950X01120150507_146",
    "119005254X00420160114_015",
    "119313950X00420170309_005",
    "119605261X02120180411_009",
    "119503968X00120171129_007",
    "119615261X01620180426_022",
    "120405254X02320210420_027",
    "120805254X00920220308_018",
    "121104127X00220230410_112",
)
PM_IDS = ("19041203.SWJ", "19481115.SWJ", "19570227.SWJ", "19950209.SWJ", "20171117.SWJ")


def sample(src: Path, ids: tuple[str, ...], dst: Path) -> None:
    """Copy the listed records, in id order, unchanged."""
    wanted = set(ids)
    found = {}
    with gzip.open(src, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in wanted:
                found[record["id"]] = record
    missing = wanted - set(found)
    if missing:
        raise SystemExit(f"{src}: ids not found: {sorted(missing)}")
    with dst.open("w", encoding="utf-8") as out:
        for doc_id in sorted(found):
            out.write(json.dumps(found[doc_id], ensure_ascii=False) + "\n")


def main() -> None:
    corpora, raw = Path(sys.argv[1]), Path(sys.argv[2])
    sample(corpora / "kokkai-defense" / "speeches.jsonl.gz", KOKKAI_IDS, raw / "kokkai-defense-sample.jsonl")
    sample(corpora / "pm-speeches" / "speeches.jsonl.gz", PM_IDS, raw / "pm-speeches-sample.jsonl")


if __name__ == "__main__":
    main()
