"""Small real PDFs written by hand, for tests that need a file pdfium reads but no family parser knows."""

from __future__ import annotations

# Enough common English words on the page for the text-layer check (extract.pdf_text.has_text_layer).
EARLY_YEARS_LINES = (
    "Early years inspection report",
    "Little Acorns Nursery",
    "This is the report of an inspection of the nursery and the care that it gives to the children.",
    "The quality of the provision is good and the children are safe and happy in the setting.",
    "Leaders have a clear view of what the nursery does well and of what it has to improve.",
    "The staff know the children well and plan activities that are matched to their needs.",
)


def text_pdf(lines: tuple[str, ...] | list[str] = EARLY_YEARS_LINES) -> bytes:
    """A one-page PDF whose text layer is `lines`, top to bottom (Helvetica, one line each)."""
    return pages_pdf([lines])


# A page holds this many lines of 10-point text at 14 points apart, from the top margin down.
PAGE_LINES = 56


def pages_pdf(pages: list[tuple[str, ...] | list[str]]) -> bytes:
    """A PDF of as many A4 pages as `pages`, each page's text layer its lines, top to bottom (Helvetica, one line
    each); a page of more than PAGE_LINES lines runs off its foot, so callers keep pages short."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for lines in pages:
        commands = ["BT", "/F1 10 Tf", "14 TL", "50 800 Td"]
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            commands.append(f"({escaped}) Tj T*")
        commands.append("ET")
        stream = "\n".join(commands).encode("latin-1")
        page_number, contents_number = len(objects) + 1, len(objects) + 2
        kids.append(f"{page_number} 0 R")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {contents_number} 0 R "
            f"/Resources << /Font << /F1 FONT 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream")
    font_number = len(objects) + 1
    objects = [body.replace(b"FONT", str(font_number).encode()) for body in objects]
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(pages)} >>".encode()
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
