"""Everything that reads the outside world.

`extract.web` fetches: site settings, page parsing, polite HTTP, the rate limit and the raw store.
The rest reads PDFs: `pdf_text` -> `classify` -> one module per report family in `families/`, sharing the
primitives in `text/`; `report.extract_bytes` turns bytes into a Report record and never raises.
"""
