"""The HTML trend report and charts, built from the warehouse's documented views only."""

from warehouse.report.build import build_chart, build_report

__all__ = ["build_chart", "build_report"]
