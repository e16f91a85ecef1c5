"""Test PDFs of the text packs, written with ReportLab the way councils' systems print them.

A4, a running header (the pack's own, taken from its text) and a footer "Page N" on every page,
a new page where the text pack shows a page break or an "Agenda Item N" sheet starts, ruled tables
for the tab-separated rows (and for the columns a text pack prints with spaces, found as the importer
finds them, by clean.space_columns: the PDF has its table where the text copy shows one in spaces),
paragraphs that wrap and flow over pages. Headings are printed in bold. The page furniture of the text
(its "Page N" lines and running header) is not printed as text: the PDF prints its own.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

from minutebook.importer.columns import space_columns

# "Page 3", "Page 3 of 48", bilingual "Tudalen / Page 3", a bare centred "- 3 -"
PAGE_LINE = re.compile(r"^\W*(?:\w+\s*/\s*)?Page\s+\d+(?:\s+of\s+\d+)?\W*$|^\s*-\s*\d+\s*-\s*$")
# headings are printed in bold: minute headings, numbered section headings in capitals, "Appendix A – …"
BOLD = re.compile(
    r"^(?:(?:Min\. No\. )?[A-Z]{0,4}[./]?\d[\d/.]*\s+[A-Z][A-Z0-9 ,:'’–&()/-]+$|\d{1,2}\.\s+[A-Z][A-Z ,:'’–&-]+$|"
    r"Appendix [A-Z0-9] – .+|AGENDA)$"
)


def _blocks(text: str, furniture: list[str]) -> list[tuple[str, object]]:
    """("para", text, space_after) / ("table", rows) / ("break", None), in order."""
    lines = space_columns(text.split("\n"))
    repeated = {t.strip() for t in lines if t.strip() and sum(1 for m in lines if m.strip() == t.strip()) >= 2}
    skip = set()

    def key(text: str) -> str:  # "… | Page 2" is the footer "… | Page 1" (or "… - Page 1 of 36") of another page
        return re.sub(r"\s*[-–|]?\s*\bPage \d+(?: of \d+)?\s*$", "", text.strip())

    keys = {key(f) for f in furniture} - {""}  # a bare "Page 1 of 48" is a page line, not a key every blank line has
    for i, line in enumerate(lines):
        if PAGE_LINE.match(line) or (line.strip() and key(line) in keys):
            skip.add(i)
    for i in sorted(skip):  # lines printed right beside the running header belong to it
        for j in (i - 1, i + 1):
            if 0 <= j < len(lines) and j not in skip and lines[j].strip() in repeated and lines[j].strip():
                skip.add(j)
    out: list[tuple[str, object]] = []
    i = 0
    pending_break = False
    while i < len(lines):
        line = lines[i]
        if i in skip:
            pending_break = pending_break or bool(PAGE_LINE.match(line))
            i += 1
            continue
        if not line.strip():
            i += 1
            continue
        if pending_break or re.match(r"^Agenda Item \d+$", line.strip()):
            if out:
                out.append(("break", None))
            pending_break = False
        if "\t" in line:
            rows = []
            while i < len(lines) and "\t" in lines[i]:
                rows.append(lines[i].split("\t"))
                i += 1
            out.append(("table", rows))
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        out.append(("para", (line.strip(), 0 if following.strip() and i + 1 not in skip else 8)))
        i += 1
    return out


def write_pdf(text_path: Path, pdf_path: Path, furniture: list[str]) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    header = furniture[0] if furniture else text_path.stem

    def page(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(2 * cm, A4[1] - 1.2 * cm, header)
        canvas.drawCentredString(A4[0] / 2, 1.0 * cm, f"Page {doc.page}")
        canvas.restoreState()

    story = []
    cell = ParagraphStyle("cell", fontName="Helvetica", fontSize=8.5, leading=10.5)
    for kind, value in _blocks(text_path.read_text(encoding="utf-8"), furniture):
        if kind == "break":
            story.append(PageBreak())
        elif kind == "table":
            width = max(len(r) for r in value)
            rows = [[Paragraph(escape(c.strip()), cell) for c in r] + [""] * (width - len(r)) for r in value]
            table = Table(rows, colWidths=[17 * cm / width] * width, repeatRows=0)
            table.setStyle(
                TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")])
            )
            story.extend([table, Spacer(1, 8)])
        else:
            text, after = value
            font = "Helvetica-Bold" if BOLD.match(text) else "Helvetica"
            style = ParagraphStyle("body", fontName=font, fontSize=10, leading=13, spaceAfter=after)
            story.append(Paragraph(escape(text), style))
    doc = SimpleDocTemplate(
        str(pdf_path),
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=text_path.stem,
    )
    doc.build(story, onFirstPage=page, onLaterPages=page)
    return pdf_path


def write_image_only_pdf(pdf_path: Path) -> Path:
    """A scanned page: a picture and no text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(pdf_path), pagesize=A4)
    for y in range(100, 700, 20):
        c.rect(80, y, 400, 8, fill=1, stroke=0)  # lines of "text" as a scanner sees them
    c.showPage()
    c.save()
    return pdf_path
