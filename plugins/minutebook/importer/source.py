"""Reading one input file: a published PDF pack, or the text extracted from one.

A ``.pdf`` file is read with :mod:`.pdf` (pdfplumber); a PDF without a text layer is refused (it
needs OCR). Any other input must be UTF-8 text. A binary file, a file in another encoding or an
unreadable file is refused with :class:`Unreadable`, which names what is wrong and how to fix it;
the importer then carries on with the other files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024


@dataclass
class Line:
    """One line of the input, with its line number in the original file."""

    no: int
    text: str
    heading: bool = False  # printed as a Markdown heading ("## …") in the input


@dataclass
class Source:
    name: str  # the file as shown in messages
    lines: list[Line]
    # page furniture removed by cleaning, by line number: ("blank page", ""), ("agenda item", "5")
    markers: dict[int, tuple[str, str]] = field(default_factory=dict)

    def marker(self, line: Line) -> tuple[str, str] | None:
        return self.markers.get(line.no)


class Unreadable(Exception):
    def __init__(self, message: str, line: int | None, fix: str):
        super().__init__(message)
        self.message = message
        self.line = line
        self.fix = fix


def read_text(path: Path) -> str:
    """The file's text; raise :class:`Unreadable` with a reason and a fix."""
    try:
        if path.is_dir():
            raise Unreadable("is a folder, not a text file", None, "give the text files inside it")
        data = path.read_bytes()
    except OSError as exc:
        raise Unreadable(
            f"cannot be read ({exc.strerror or exc})", None, "check that the file exists and that you may read it"
        ) from None
    if path.suffix.lower() == ".pdf":
        return _pdf(path, data)
    if len(data) > MAX_BYTES:
        raise Unreadable(
            f"is {len(data) // (1024 * 1024)} MB, too large for the text of a pack",
            None,
            "split it into one file per pack",
        )
    if data.startswith(b"%PDF-"):
        raise Unreadable("is a PDF file with another name", 1, "rename it to end in .pdf and import it again")
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise Unreadable(
            "is a binary file, not text (it may be the PDF itself)",
            line,
            "extract the text of the PDF first and import the .txt file (UTF-8)",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        byte = data[exc.start]
        raise Unreadable(
            f"is not UTF-8 text (byte 0x{byte:02X} cannot be read as UTF-8)",
            line,
            "save the file as UTF-8 (for example: iconv -f latin1 -t utf-8 in.txt > out.txt)",
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


MAX_PDF_BYTES = 200 * 1024 * 1024


def _pdf(path: Path, data: bytes) -> str:
    from minutebook.importer.pdf import NoText, pdf_text

    if len(data) > MAX_PDF_BYTES:
        raise Unreadable(f"is {len(data) // (1024 * 1024)} MB, too large a PDF", None, "split the pack into parts")
    if not data.startswith(b"%PDF-"):
        raise Unreadable("ends in .pdf but is not a PDF", 1, "check the file (download it again)")
    try:
        return pdf_text(path)
    except NoText as exc:
        raise Unreadable(exc.message, None, exc.fix) from None
