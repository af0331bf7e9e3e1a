"""Checking and cleaning uploaded photographs and documents (security.md FU-1, FU-2, T9).

Photographs: JPEG or PNG only, recognised from their content (never the name or the declared
type), at most 10 MB and 40 megapixels, fully decoded by Pillow, turned upright (EXIF
orientation) and re-encoded from the pixels alone — so no EXIF, GPS, XMP, ICC or text chunk
survives — with a thumbnail. Documents: PDF only (magic bytes and an end-of-file marker), at most
10 MB, stored as given and only ever served as a sandboxed download.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from typing import IO

from PIL import Image, ImageOps, UnidentifiedImageError

from ncos.access.errors import RuleViolation

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
THUMB_SIZE = (320, 320)
JPEG_MAGIC = b"\xff\xd8\xff"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
PDF_MAGIC = b"%PDF-"


@dataclass(frozen=True)
class CleanImage:
    data: bytes
    thumbnail: bytes
    content_type: str
    extension: str
    width: int
    height: int
    sha256: str


@dataclass(frozen=True)
class CleanDocument:
    data: bytes
    content_type: str
    sha256: str


def _read(upload: IO[bytes], field: str) -> bytes:
    data = upload.read(MAX_BYTES + 1)
    if not data:
        raise RuleViolation("The file is empty.", field)
    if len(data) > MAX_BYTES:
        raise RuleViolation("The file is larger than 10 MB.", field)
    return data


def clean_photo(upload: IO[bytes], field: str = "image") -> CleanImage:
    data = _read(upload, field)
    if data.startswith(JPEG_MAGIC):
        kind = "JPEG"
    elif data.startswith(PNG_MAGIC):
        kind = "PNG"
    else:
        raise RuleViolation("Only JPEG or PNG photographs are accepted.", field)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format != kind:
                    raise RuleViolation("Only JPEG or PNG photographs are accepted.", field)
                width, height = probe.size
                if width * height > MAX_PIXELS:
                    raise RuleViolation("The photograph is larger than 40 megapixels.", field)
                probe.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.load()  # full decode: a truncated or corrupt file fails here
                upright = ImageOps.exif_transpose(image)
    except RuleViolation:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise RuleViolation("The photograph is larger than 40 megapixels.", field) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise RuleViolation(
            "The photograph is damaged or not a real JPEG or PNG image.", field
        ) from None
    pixels = _pixels_only(upright, kind)
    out = io.BytesIO()
    if kind == "JPEG":
        pixels.save(out, "JPEG", quality=90, optimize=True)
        content_type, extension = "image/jpeg", "jpg"
    else:
        pixels.save(out, "PNG", optimize=True)
        content_type, extension = "image/png", "png"
    thumb = pixels.convert("RGB")
    thumb.thumbnail(THUMB_SIZE)
    thumb_out = io.BytesIO()
    thumb.save(thumb_out, "JPEG", quality=80)
    body = out.getvalue()
    return CleanImage(
        body,
        thumb_out.getvalue(),
        content_type,
        extension,
        pixels.width,
        pixels.height,
        hashlib.sha256(body).hexdigest(),
    )


def _pixels_only(image: Image.Image, kind: str) -> Image.Image:
    """A new image holding nothing but the pixels (no info dict, no EXIF, no ICC, no text)."""
    if kind == "JPEG":
        mode = "L" if image.mode in ("L", "1") else "RGB"
    else:
        mode = image.mode if image.mode in ("RGB", "RGBA", "L", "LA") else "RGBA"
    converted = image.convert(mode)
    return Image.frombytes(mode, converted.size, converted.tobytes())


def clean_document(upload: IO[bytes], field: str = "file") -> CleanDocument:
    data = _read(upload, field)
    if not data.startswith(PDF_MAGIC):
        raise RuleViolation("Only PDF documents are accepted.", field)
    if b"%%EOF" not in data[-2048:]:
        raise RuleViolation("The PDF is incomplete or damaged.", field)
    return CleanDocument(data, "application/pdf", hashlib.sha256(data).hexdigest())
