"""Errors raised while turning a report file into a Report record.

Each carries the `Status` it maps to, so `extract.report.extract_bytes` turns any of them into a record with
a clear sentence instead of letting an exception reach the caller.
"""

from extract.records import Status


class ExtractionError(Exception):
    """A report file could not be read as a report. The message is shown to users as-is."""

    status: Status = Status.ERROR


class NotAPdf(ExtractionError):
    status = Status.NOT_A_PDF


class NoTextLayer(ExtractionError):
    status = Status.NO_TEXT_LAYER


class Unrecognised(ExtractionError):
    status = Status.UNRECOGNISED


class JudgementConflict(ExtractionError):
    """The judgement table and the report body disagree on a grade: we report both, never choose."""


class UnmappedLabel(ExtractionError):
    """A judgement label that no family table knows: the table needs a new variant."""
