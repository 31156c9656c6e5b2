"""PDF bytes -> the text of each page, with pypdfium2 (the fastest text layer we have).

This is the only module that opens a PDF for text; geometry (pdfplumber) is used by the few parsers that need
it, and only on the pages they name.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

import pypdfium2 as pdfium

from extract.exceptions import ExtractionError, NotAPdf, NoTextLayer

PDF_MAGIC = b"%PDF-"
# The magic may follow a little junk (some servers prepend a BOM or whitespace); PDF readers look this far.
MAGIC_SEARCH_WINDOW = 1024
# English prose has about 5-7 of these common words per 100 printed characters (the corpus's lowest real
# report: 5.3); fonts without a Unicode map give symbol soup with a few words of header (0.3).
MIN_COMMON_WORDS_PER_100_CHARS = 2.0
MIN_TEXT_CHARS = 200
COMMON_WORDS = frozenset(
    "the and of to in a is for that are on with by as be this at has have was were it from their not "
    "school pupils children inspection good".split()
)
WORD = re.compile(r"[A-Za-z]+")
# Enough to name a report (its title line); a page with no line breaks would otherwise give the whole page.
FIRST_LINE_MAX_CHARS = 200
# pypdfium2 is not thread-safe: two threads in one process reading PDFs at once can crash it (SIGSEGV). Our
# runners extract in processes, one thread each; this lock keeps a process safe wherever it is called from
# threads anyway (a Dask worker started with several threads). Uncontended, it costs nothing measurable.
PDFIUM_LOCK = threading.Lock()


@dataclass(frozen=True)
class Document:
    pages: tuple[str, ...]  # text of each page, 1-based page n is pages[n - 1]

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def text(self) -> str:
        return "\n".join(self.pages)

    @property
    def first_line(self) -> str | None:
        """The first line of text on page 1 (what a report we cannot read says it is)."""
        line = next((line for line in map(str.strip, self.pages[0].splitlines()) if line and not line.isdigit()), None)
        return line[:FIRST_LINE_MAX_CHARS] if line else None


def bytes_to_document(data: bytes) -> Document:
    """Read every page's text; raise an ExtractionError subclass with a clear sentence when we cannot."""
    if not data:
        raise NotAPdf("the file is empty (0 bytes); download it again")
    if PDF_MAGIC not in data[:MAGIC_SEARCH_WINDOW]:
        raise NotAPdf(not_a_pdf_sentence(data[:MAGIC_SEARCH_WINDOW]))
    with PDFIUM_LOCK:
        pages = read_pages(data)
    if not pages:
        raise ExtractionError("the PDF has no pages; download it again")
    if not has_text_layer(pages):
        raise NoTextLayer(
            f"none of the {len(pages)} pages has a usable text layer (scanned, or fonts without a Unicode map); "
            "the report needs OCR before it can be read"
        )
    return Document(pages)


def not_a_pdf_sentence(head: bytes) -> str:
    """What a file without the PDF header is, said plainly from its first bytes, and what to do about it."""
    if b"<html" in head.lower() or b"<!doctype html" in head.lower():
        return ("the file is a web page (HTML), not a PDF: it is not a report; a web page saved under a .pdf name "
                "is usually the error page a site sent instead of the report, so download the report again")
    if is_text(head):
        return "the file is plain text, not a PDF: it is not a report, so nothing was read from it"
    return "the file is not a PDF (it does not start with %PDF-): it is not a report, so nothing was read from it"


def is_text(head: bytes) -> bool:
    """Whether bytes are text a person could read: UTF-8 without control characters other than white space."""
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 3:  # not merely a character cut at the end of the window
            return False
        text = head[: exc.start].decode("utf-8")
    return all(ch.isprintable() or ch in "\t\n\r\f" for ch in text)


def read_pages(data: bytes) -> tuple[str, ...]:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ExtractionError("the PDF is encrypted with a password; ask Ofsted for an open copy") from exc
        raise ExtractionError(f"the PDF is damaged or truncated ({exc}); download it again") from exc
    try:
        return tuple(_page_text(page) for page in pdf)
    except pdfium.PdfiumError as exc:
        raise ExtractionError(f"a page of the PDF cannot be read ({exc}); download it again") from exc
    finally:
        pdf.close()


def _page_text(page: pdfium.PdfPage) -> str:
    textpage = page.get_textpage()
    try:
        return normalise_page_text(textpage.get_text_range())
    finally:
        textpage.close()
        page.close()


def normalise_page_text(text: str) -> str:
    """Unify line ends and the odd characters pdfium emits, keeping every printed word."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # pdfium marks a hyphen at a line break with U+FFFE and gives NBSP/soft hyphens as printed.
    return text.replace("\ufffe", "-").replace("\u00a0", " ").replace("\u00ad", "-").replace("\x02", "-")


def has_text_layer(pages: tuple[str, ...]) -> bool:
    text = "\n".join(pages)
    printed_chars = len(text) - sum(text.count(space) for space in " \n\t")
    if printed_chars < MIN_TEXT_CHARS:
        return False
    common = sum(1 for word in WORD.findall(text) if word.lower() in COMMON_WORDS)
    return common * 100 / printed_chars >= MIN_COMMON_WORDS_PER_100_CHARS
