"""The web half of extract/: site settings, page parsing, polite HTTP, the rate limit and the raw store.

All HTTP lives here; parsers of PDFs (extract/families, extract/text) never see a URL.
"""
