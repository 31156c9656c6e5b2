"""Report records -> tidy pandas frames for the warehouse.

`transform.frames.reports_to_frames` is the entry point; the other modules are its pure steps:
provider matching (`providers`), grade scores (`grades`), canonical areas (`areas`), validation
(`validate`) and quality flags (`flags`). Spelling variants live as data (`*.csv` beside this file).
"""
