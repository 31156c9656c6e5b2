"""The DuckDB warehouse: schema from SQL files, atomic and idempotent loads, analyst views, exports.

Writers go through `warehouse.snapshot.writing` (a private copy of the file, published atomically), so readers
opening the file read-only (`warehouse.snapshot.reading`, `duckdb -readonly`) are never locked out.
Knows nothing of PDFs or HTTP: it loads the frames `transform.frames` makes.
"""
