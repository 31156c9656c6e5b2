import pytest

from extract.exceptions import ExtractionError, NotAPdf
from extract.pdf_text import bytes_to_document, has_text_layer
from extract.records import Status
from extract.report import extract_bytes


@pytest.mark.parametrize(
    "data, status, words",
    [
        pytest.param(b"", Status.NOT_A_PDF, "empty", id="empty"),
        pytest.param(b"<!DOCTYPE html><html><body>Not found</body></html>", Status.NOT_A_PDF,
                     "a web page (HTML), not a PDF", id="html"),
        pytest.param(b"PK\x03\x04 zip archive", Status.NOT_A_PDF, "not a PDF (it does not start with %PDF-)",
                     id="zip"),
        pytest.param("Minutes of the meeting, café\n".encode() * 3, Status.NOT_A_PDF,
                     "plain text, not a PDF: it is not a report", id="text"),
        pytest.param(b"%PDF-1.7\n1 0 obj <<", Status.ERROR, "damaged or truncated", id="truncated"),
    ],
)
def test_unreadable_input_gets_a_status_and_a_sentence(data, status, words):
    report = extract_bytes(data, "bad.pdf")
    assert report.status is status
    assert report.error.startswith("bad.pdf: ") and words in report.error
    assert report.judgements == []


@pytest.mark.parametrize("data", [b"just some notes\n", b"<html>Report not found</html>", b"PK\x03\x04"])
def test_a_file_that_is_not_a_pdf_is_never_blamed_on_a_url(data):
    """A local file was never downloaded: its message says what it is, not what a URL may have done."""
    assert "URL" not in extract_bytes(data, "notes.pdf").error


def test_symbol_soup_is_not_a_text_layer():
    soup = "\t! \" ! # $\t %! % ! \" ! &% ! '! (\n" * 40
    assert not has_text_layer((soup + " Inspection report",))
    prose = "The quality of the work with children is good and the leaders of the service know it well. " * 5
    assert has_text_layer((prose,))


def test_not_a_pdf_is_raised_before_pdfium_sees_the_bytes():
    with pytest.raises(NotAPdf):
        bytes_to_document(b"hello")
    assert issubclass(NotAPdf, ExtractionError)


# Threads that each read a PDF at once: more than the workers of any runner we start, so an unguarded pdfium
# call would overlap with another.
THREADS = 4
READS = 16
# Long enough that, without the lock, every thread is inside pdfium while the others enter it.
HOLD_SECONDS = 0.02


def test_pdfium_is_never_entered_by_two_threads_of_one_process(monkeypatch):
    """A Dask worker with several threads runs extraction chunks side by side; pypdfium2 crashes (SIGSEGV) when
    two threads call it at once, so bytes_to_document must let one thread at a time into it, whoever calls it."""
    import threading
    import time
    from concurrent.futures import ThreadPoolExecutor

    from extract import pdf_text
    from tests.pdfs import text_pdf

    inside, most_inside, counting = 0, 0, threading.Lock()
    read_pages = pdf_text.read_pages

    def watched_read_pages(data: bytes):
        nonlocal inside, most_inside
        with counting:
            inside += 1
            most_inside = max(most_inside, inside)
        try:
            time.sleep(HOLD_SECONDS)
            return read_pages(data)
        finally:
            with counting:
                inside -= 1

    monkeypatch.setattr(pdf_text, "read_pages", watched_read_pages)
    data = text_pdf()
    with ThreadPoolExecutor(THREADS) as pool:
        documents = list(pool.map(lambda _: pdf_text.bytes_to_document(data), range(READS)))
    assert len({document.pages for document in documents}) == 1
    assert most_inside == 1
