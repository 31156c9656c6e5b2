import pytest

from extract.exceptions import ExtractionError, NotAPdf
from extract.pdf_text import bytes_to_document, has_text_layer
from extract.records import Status
from extract.report import extract_bytes


@pytest.mark.parametrize(
    "data, status, words",
    [
        pytest.param(b"", Status.NOT_A_PDF, "empty", id="empty"),
        pytest.param(b"<!DOCTYPE html><html><body>Not found</body></html>", Status.NOT_A_PDF, "HTML", id="html"),
        pytest.param(b"PK\x03\x04 zip archive", Status.NOT_A_PDF, "not a PDF", id="zip"),
        pytest.param(b"%PDF-1.7\n1 0 obj <<", Status.ERROR, "damaged or truncated", id="truncated"),
    ],
)
def test_unreadable_input_gets_a_status_and_a_sentence(data, status, words):
    report = extract_bytes(data, "bad.pdf")
    assert report.status is status
    assert report.error.startswith("bad.pdf: ") and words in report.error
    assert report.judgements == []


def test_symbol_soup_is_not_a_text_layer():
    soup = "\t! \" ! # $\t %! % ! \" ! &% ! '! (\n" * 40
    assert not has_text_layer((soup + " Inspection report",))
    prose = "The quality of the work with children is good and the leaders of the service know it well. " * 5
    assert has_text_layer((prose,))


def test_not_a_pdf_is_raised_before_pdfium_sees_the_bytes():
    with pytest.raises(NotAPdf):
        bytes_to_document(b"hello")
    assert issubclass(NotAPdf, ExtractionError)
