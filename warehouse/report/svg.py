"""Make a standalone SVG document fit to sit inside an HTML page beside other SVGs.

matplotlib writes each SVG as its own document: an XML prolog, and ids (clip paths, glyphs) that are unique
within that file only. Inline, every id shares the page's one namespace, so a second chart's `url(#p1)` could
clip against the first chart's rectangle. Prefixing each chart's ids with its own name keeps them apart.
"""

from __future__ import annotations

import html
import re

ID_ATTRIBUTE = re.compile(r'\bid="([^"]+)"')
ID_REFERENCE = re.compile(r'(url\(#|href="#)([^)"]+)')
SVG_ROOT = re.compile(r"<svg\b([^>]*)>")
FIXED_SIZE = re.compile(r'\s(width|height)="[^"]*"')


def inline_svg(svg: str, chart_id: str, title: str) -> str:
    """The <svg> element alone, its ids prefixed with `chart_id`, labelled with `title` for screen readers."""
    start = svg.find("<svg")
    if start < 0:
        raise ValueError(f"chart {chart_id}: the renderer returned no <svg> element")
    body = svg[start:]
    body = ID_ATTRIBUTE.sub(lambda m: f'id="{chart_id}-{m.group(1)}"', body)
    body = ID_REFERENCE.sub(lambda m: f"{m.group(1)}{chart_id}-{m.group(2)}", body)
    root = SVG_ROOT.match(body)
    # The viewBox keeps the aspect ratio; dropping the fixed size lets CSS fit the chart to the page width.
    attributes = FIXED_SIZE.sub("", root.group(1))
    title_id = f"{chart_id}-title"
    opening = (
        f'<svg{attributes} id="{chart_id}" class="chart" role="img" aria-labelledby="{title_id}">'
        f'<title id="{title_id}">{html.escape(title)}</title>'
    )
    return opening + body[root.end():]
