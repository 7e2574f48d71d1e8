"""Writing the tables: Parquet with pyarrow, CSV and the DuckDB file with DuckDB.

Rows are written in chunks of documents, so memory stays flat however long the input. Parquet is
always written first (into a temporary folder when it was not asked for); CSV and DuckDB are made
from it by DuckDB. Every file is written under a temporary name and renamed when complete.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.export.rows import Row, rows_of
from pipeline.export.schema import TABLES, VIEWS, Table

FORMATS = ("parquet", "csv", "duckdb")
DATABASE = "jpextract.duckdb"
CHUNK_DOCUMENTS = 200


class ParquetSinks:
    """One open Parquet writer per table, each writing ``NAME.parquet.tmp`` until ``commit``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.counts = {t.name: 0 for t in TABLES}
        self._writers = {t.name: pq.ParquetWriter(self._tmp(t), t.schema) for t in TABLES}

    def _tmp(self, table: Table) -> Path:
        return self.folder / f"{table.name}.parquet.tmp"

    def write(self, rows: Mapping[str, list[Row]]) -> None:
        """Append one chunk of rows to every table."""
        for table in TABLES:
            chunk = rows.get(table.name) or []
            if chunk:
                self._writers[table.name].write_table(pa.Table.from_pylist(chunk, schema=table.schema))
                self.counts[table.name] += len(chunk)

    def commit(self) -> None:
        """Close every writer and rename the files into place."""
        for table in TABLES:
            self._writers[table.name].close()
            os.replace(self._tmp(table), self.folder / f"{table.name}.parquet")

    def abort(self) -> None:
        """Close and delete the partial files."""
        for table in TABLES:
            self._writers[table.name].close()
            self._tmp(table).unlink(missing_ok=True)


def _chunks(records: Iterable[Mapping[str, Any]], size: int) -> Iterator[dict[str, list[Row]]]:
    merged: dict[str, list[Row]] = {t.name: [] for t in TABLES}
    count = 0
    for record in records:
        for name, rows in rows_of(record).items():
            merged[name].extend(rows)
        count += 1
        if count == size:
            yield merged
            merged, count = {t.name: [] for t in TABLES}, 0
    if count:
        yield merged


def write_parquet(records: Iterable[Mapping[str, Any]], folder: Path, chunk: int = CHUNK_DOCUMENTS) -> dict[str, int]:
    """Write ``NAME.parquet`` for every table into ``folder``; return the row counts."""
    folder.mkdir(parents=True, exist_ok=True)
    sinks = ParquetSinks(folder)
    try:
        for rows in _chunks(records, chunk):
            sinks.write(rows)
    except BaseException:
        sinks.abort()
        raise
    sinks.commit()
    return sinks.counts


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _csv_select(table: Table, source: Path) -> str:
    """A SELECT that writes list columns as JSON arrays (["JP","US"]) for CSV readers."""
    columns = [
        f'to_json("{c.name}") AS "{c.name}"' if pa.types.is_list(c.type) else f'"{c.name}"' for c in table.columns
    ]
    return f"SELECT {', '.join(columns)} FROM read_parquet({_sql_string(str(source))})"


def write_csv(parquet: Path, folder: Path) -> None:
    """``NAME.csv`` (UTF-8, header, RFC 4180 quoting) for every table, made by DuckDB from the Parquet files."""
    folder.mkdir(parents=True, exist_ok=True)
    with contextlib.closing(duckdb.connect()) as db:
        for table in TABLES:
            target, tmp = folder / f"{table.name}.csv", folder / f"{table.name}.csv.tmp"
            select = _csv_select(table, parquet / f"{table.name}.parquet")
            db.execute(f"COPY ({select}) TO {_sql_string(str(tmp))} (FORMAT csv, HEADER true)")
            os.replace(tmp, target)


def _comment(db: duckdb.DuckDBPyConnection, table: Table) -> None:
    db.execute(f"COMMENT ON TABLE {table.name} IS {_sql_string(table.row)}")
    for column in table.columns:
        db.execute(f'COMMENT ON COLUMN {table.name}."{column.name}" IS {_sql_string(column.doc)}')


def write_duckdb(parquet: Path, target: Path) -> None:
    """One DuckDB file with every table (commented) and the views in ``schema.VIEWS``."""
    tmp = target.with_name(target.name + ".tmp")
    for stale in (tmp, tmp.with_name(tmp.name + ".wal")):
        stale.unlink(missing_ok=True)
    with contextlib.closing(duckdb.connect(str(tmp))) as db:
        for table in TABLES:
            source = _sql_string(str(parquet / f"{table.name}.parquet"))
            db.execute(f"CREATE TABLE {table.name} AS SELECT * FROM read_parquet({source})")
            _comment(db, table)
        for name, (row, sql) in VIEWS.items():
            db.execute(f"CREATE VIEW {name} AS {sql}")
            db.execute(f"COMMENT ON VIEW {name} IS {_sql_string(row)}")
        db.execute("CHECKPOINT")
    os.replace(tmp, target)


def parse_formats(value: str) -> tuple[str, ...]:
    """``parquet,duckdb`` -> ("parquet", "duckdb"); raises ValueError on an unknown format."""
    formats = tuple(dict.fromkeys(f.strip() for f in value.split(",") if f.strip()))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise ValueError(f"unknown table format {', '.join(unknown) or value!r} (choose from {', '.join(FORMATS)})")
    return formats


def export_tables(records: Iterable[Mapping[str, Any]], out_dir: Path, formats: Sequence[str]) -> dict[str, int]:
    """Write the tables of ``records`` into ``out_dir`` in each format; return the row counts per table."""
    out_dir.mkdir(parents=True, exist_ok=True)
    keep_parquet = "parquet" in formats
    parquet = out_dir if keep_parquet else Path(tempfile.mkdtemp(prefix=".parquet-", dir=out_dir))
    try:
        counts = write_parquet(records, parquet)
        if "csv" in formats:
            write_csv(parquet, out_dir)
        if "duckdb" in formats:
            write_duckdb(parquet, out_dir / DATABASE)
    finally:
        if not keep_parquet:
            shutil.rmtree(parquet, ignore_errors=True)
    return counts
