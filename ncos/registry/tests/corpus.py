"""The upload corpus (security.md T9): files built in memory, each with what must happen."""

from __future__ import annotations

import io
import zipfile

from PIL import Image


def image_bytes(
    fmt: str, size: tuple[int, int] = (64, 48), mode: str = "RGB", **save: object
) -> bytes:
    out = io.BytesIO()
    colour: object = (200, 30, 30) if mode in ("RGB", "RGBA") else 128
    if mode == "CMYK":
        colour = (0, 200, 200, 0)
    image = Image.new(mode, size, colour)  # type: ignore[arg-type]
    image.save(out, fmt, **save)
    return out.getvalue()


def exif_jpeg(orientation: int = 6, gps: bool = True, size: tuple[int, int] = (40, 20)) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "CanonCam"
    if gps:
        exif[0x8825] = {1: "S", 2: (35.0, 17.0, 1.5), 3: "E", 4: (149.0, 7.0, 0.0)}
    return image_bytes("JPEG", size, exif=exif.tobytes())


def png_with_text() -> bytes:
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Comment", "secret-location")
    return image_bytes("PNG", pnginfo=info)


def bomb_png() -> bytes:
    """48 megapixels of one bit each: a few kilobytes on disk."""
    return image_bytes("PNG", (8000, 6000), mode="1")


def zip_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("a.jpg", image_bytes("JPEG"))
    return out.getvalue()


HTML = b"<!doctype html><html><script>alert(1)</script></html>"
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b"<script>alert(2)</script></svg>"
)
PHP = b"<?php system($_GET['c']); ?>"
PYTHON = b"import os\nos.system('id')\n"

VALID = {
    "small.jpg": lambda: image_bytes("JPEG"),
    "large.jpg": lambda: image_bytes("JPEG", (3000, 2000)),
    "progressive.jpg": lambda: image_bytes("JPEG", progressive=True),
    "cmyk.jpg": lambda: image_bytes("JPEG", mode="CMYK"),
    "greyscale.jpg": lambda: image_bytes("JPEG", mode="L"),
    "exif-rotated.jpg": lambda: exif_jpeg(6, gps=False),
    "gps.jpg": lambda: exif_jpeg(1, gps=True),
    "small.png": lambda: image_bytes("PNG"),
    "alpha.png": lambda: image_bytes("PNG", mode="RGBA"),
    "text-chunk.png": png_with_text,
    "polyglot.jpg": lambda: image_bytes("JPEG") + HTML,
    "../../etc/passwd.jpg": lambda: image_bytes("JPEG"),
    "nul\x00byte.png": lambda: image_bytes("PNG"),
    "rtlo\u202egpj.png": lambda: image_bytes("PNG"),
    "double.php.jpg": lambda: image_bytes("JPEG"),
}

NOT_IMAGE = "Only JPEG or PNG photographs are accepted."
DAMAGED = "The photograph is damaged or not a real JPEG or PNG image."
INVALID = {
    "html-renamed.jpg": (lambda: HTML, NOT_IMAGE),
    "script.svg": (lambda: SVG, NOT_IMAGE),
    "anim.gif": (lambda: image_bytes("GIF"), NOT_IMAGE),
    "photo.webp": (lambda: image_bytes("WEBP"), NOT_IMAGE),
    "scan.tiff": (lambda: image_bytes("TIFF"), NOT_IMAGE),
    "shell.php.jpg": (lambda: PHP, NOT_IMAGE),
    "script.py.png": (lambda: PYTHON, NOT_IMAGE),
    "archive.zip.jpg": (zip_bytes, NOT_IMAGE),
    "empty.jpg": (lambda: b"", "The file is empty."),
    "truncated.jpg": (lambda: image_bytes("JPEG", (400, 300))[:600], DAMAGED),
    "truncated.png": (lambda: image_bytes("PNG", (400, 300))[:200], DAMAGED),
    "magic-only.jpg": (lambda: b"\xff\xd8\xff\xe0" + b"\x00" * 100, DAMAGED),
    "bomb.png": (bomb_png, "The photograph is larger than 40 megapixels."),
    "oversize.jpg": (
        lambda: image_bytes("JPEG") + b"\x00" * (10 * 1024 * 1024),
        "The file is larger than 10 MB.",
    ),
}
