"""One report file -> one Report record. Never raises: every failure becomes a status and a sentence."""

from __future__ import annotations

import hashlib
from pathlib import Path

from extract.classify import classify
from extract.exceptions import ExtractionError
from extract.paths import path_text
from extract.pdf_text import Document, bytes_to_document
from extract.records import Report, Status


def extract_bytes(data: bytes, path: str = "<bytes>") -> Report:
    sha256 = hashlib.sha256(data).hexdigest()
    document = None
    try:
        document = bytes_to_document(data)
        family = classify(document)
        parsed = family.parse(document)
    except ExtractionError as exc:
        return Report(
            path=path, sha256=sha256, status=exc.status, error=f"{path}: {exc}", **known_without_parsing(document)
        )
    except Exception as exc:  # noqa: BLE001 - one bad file must never stop a folder
        return Report(
            path=path,
            sha256=sha256,
            status=Status.ERROR,
            error=f"{path}: the parser failed unexpectedly ({type(exc).__name__}: {exc}); "
            "please open an issue with this file attached",
            **known_without_parsing(document),
        )
    return Report(path=path, sha256=sha256, status=Status.OK, **known_without_parsing(document), **parsed.fields())


def known_without_parsing(document: Document | None) -> dict:
    """What a file says without a family parser (page count, first line): kept even when no parser reads it."""
    if document is None:
        return {}
    return {"pages": document.page_count, "first_line": document.first_line}


def extract_path(path: str | Path) -> Report:
    """The Report of one file; its `path` is the name as printable text (see extract.paths)."""
    shown = path_text(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return Report(path=shown, sha256="", status=Status.ERROR, error=f"{shown}: cannot read the file ({exc.strerror})")
    return extract_bytes(data, shown)
