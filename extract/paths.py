"""File names as the operating system gives them, which need not be valid UTF-8 (a copy from an old share, a
zip from another system), made safe to print, to put in JSON and to store in the warehouse.

Python hands such a name over as a str holding lone surrogates (PEP 383): it opens the file fine, but printing
it, encoding it as JSON text or inserting it into DuckDB fails. `path_text` is the name to show and record:
every byte that is not UTF-8 written as a visible `\\xNN` escape. `path_bytes`/`bytes_path` carry the exact
name across a boundary that only takes JSON (Prefect's record of a flow's parameters) and back.
"""

from __future__ import annotations

import os

FILESYSTEM_ENCODING = "utf-8"


def path_text(path: str | os.PathLike | bytes) -> str:
    """The path as valid text: unchanged when it is UTF-8, else with `\\xNN` for each byte that is not."""
    return os.fsencode(path).decode(FILESYSTEM_ENCODING, errors="backslashreplace")


def path_bytes(path: str | os.PathLike) -> bytes:
    return os.fsencode(path)


def bytes_path(data: bytes) -> str:
    """The str Python would use for this file name (the inverse of path_bytes)."""
    return os.fsdecode(data)
