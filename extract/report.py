"""One report file -> one Report record. Never raises: every failure becomes a status and a sentence."""

from __future__ import annotations

import hashlib
from pathlib import Path

from extract.classify import classify
from extract.exceptions import ExtractionError
from extract.paths import path_text
from extract.pdf_text import bytes_to_document
from extract.records import Report, Status


def extract_bytes(data: bytes, path: str = "<bytes>") -> Report:
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        document = bytes_to_document(data)
        family = classify(document)
        parsed = family.parse(document)
    except ExtractionError as exc:
        return Report(path=path, sha256=sha256, status=exc.status, error=f"{path}: {exc}")
    except Exception as exc:  # noqa: BLE001 - one bad file must never stop a folder
        return Report(
            path=path,
            sha256=sha256,
            status=Status.ERROR,
            error=f"{path}: the parser failed unexpectedly ({type(exc).__name__}: {exc}); "
            "please open an issue with this file attached",
        )
    return Report(path=path, sha256=sha256, status=Status.OK, pages=document.page_count, **parsed.fields())


def extract_path(path: str | Path) -> Report:
    """The Report of one file; its `path` is the name as printable text (see extract.paths)."""
    shown = path_text(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return Report(path=shown, sha256="", status=Status.ERROR, error=f"{shown}: cannot read the file ({exc.strerror})")
    return extract_bytes(data, shown)
