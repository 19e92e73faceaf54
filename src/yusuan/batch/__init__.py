"""Batch audits: many publications read and checked on local processes or a Dask cluster, resumable,
their rows written as Parquet with a manifest and a report (docs/batch.md)."""
