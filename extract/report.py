"""One report file -> one Report record. Never raises: every failure becomes a status and a sentence."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from extract.classify import classify
from extract.exceptions import ExtractionError
from extract.paths import path_text
from extract.pdf_text import Document, bytes_to_document
from extract.records import Quotation, Report, Status
from extract.text.key_quotes import key_quotations, summary_sentences
from extract.text.passages import Prose, document_sentences
from extract.text.quotes import text_is_verbatim
from extract.text.tables import with_table_columns
from extract.text.unquotable import unquotable
from extract.text.verdict import verdict_quotation

# Quotations a family still chooses itself (schools, joint area reviews) are ranked in the order it gives them.
FAMILY_ORDER_REASON = "section_opening"


def extract_bytes(data: bytes, path: str = "<bytes>") -> Report:
    sha256 = hashlib.sha256(data).hexdigest()
    document = None
    try:
        document = bytes_to_document(data)
        family = classify(document)
        parsed = family.parse(document)
        # A side column printed beside the prose (a letterhead) can interleave with it in the text layer: such
        # a sentence is not what the report prints, and is left out.
        sentences = document_sentences(document, getattr(family, "PROSE", Prose()))
        sentences = with_table_columns(data, sentences, getattr(family, "TABLE_COLUMNS", ()))
        sentences = [s for s in sentences if text_is_verbatim(document, s.passage.page, s.passage.text)]
        plan = getattr(family, "QUOTE_PLAN", None)

        def is_verbatim(page: int, text: str) -> bool:
            return text_is_verbatim(document, page, text)

        # The verdict is looked for in the summary, or in every sentence where a family names no summary.
        summary = summary_sentences(sentences, plan) if plan is not None else sentences
        verdict = verdict_quotation(document.pages, parsed.judgements, summary, is_verbatim)
        if plan is not None:
            parsed.quotations = key_quotations(sentences, plan, verdict, is_verbatim)
        else:
            parsed.quotations = ranked_in_order(parsed.quotations, verdict)
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
    passages = [replace(sentence.passage, seq=seq) for seq, sentence in enumerate(sentences, start=1)]
    return Report(
        path=path, sha256=sha256, status=Status.OK, passages=passages, **known_without_parsing(document),
        **parsed.fields()
    )


def known_without_parsing(document: Document | None) -> dict:
    """What a file says without a family parser (page count, first line): kept even when no parser reads it."""
    if document is None:
        return {}
    return {"pages": document.page_count, "first_line": document.first_line}


def ranked_in_order(quotations: list[Quotation], verdict: Quotation | None = None) -> list[Quotation]:
    """A family's own quotations in the order it gives them, after the verdict where the report has one; what is
    never quoted (extract.text.unquotable: a list's stem without its items, boilerplate) left out."""
    kept = [q for q in quotations if unquotable(q.text) is None and (verdict is None or q.text != verdict.text)]
    kept = ([verdict] if verdict is not None else []) + kept
    return [
        Quotation(q.section, q.page, q.text, rank, q.reason or FAMILY_ORDER_REASON)
        for rank, q in enumerate(kept, start=1)
    ]


def extract_path(path: str | Path) -> Report:
    """The Report of one file; its `path` is the name as printable text (see extract.paths)."""
    shown = path_text(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return Report(path=shown, sha256="", status=Status.ERROR, error=f"{shown}: cannot read the file ({exc.strerror})")
    return extract_bytes(data, shown)
