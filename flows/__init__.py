"""Prefect flows (nightly, refresh, backfill, ingest) and the `ofsted` command line."""
