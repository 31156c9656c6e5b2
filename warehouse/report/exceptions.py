"""Errors the report raises; each says which warehouse or provider is at fault and what to do next."""

from __future__ import annotations

from warehouse.exceptions import WarehouseError


class ReportError(WarehouseError):
    """The report cannot be built; the message is meant for the person who asked for it."""


class WarehouseIncomplete(ReportError):
    """The warehouse lacks a view the report reads (an empty file, or one made by an older version)."""


class ProviderNotFound(ReportError):
    pass


class AmbiguousProvider(ReportError):
    pass


class UnsupportedImageFormat(ReportError):
    """The chart's file name asks for an image format we cannot write."""
