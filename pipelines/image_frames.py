"""Image files as pages: the bytes a scanner or a phone writes, as upright 8-bit page images OCR can read.

The format is sniffed from the magic bytes, never the file name (a phone's ``.jpg`` is often a HEIC). Each kind:

- PNG, JPEG: one page. A JPEG's EXIF Orientation (a phone stores the pixels as the sensor lay and tags how to
  show them) is applied first with ``ImageOps.exif_transpose``: exact quarter turns and mirrors, no resampling,
  so the turned-page search (``ocr_upright``) finds an upright page and OCRs it once.
- TIFF: every frame is a page, in order (an office scanner's multi-page file; CCITT G3/G4 bilevel, LZW, JPEG).
- GIF, WebP: the first frame only (an animation's later frames are not pages of a document).
- BMP: one page. HEIC / HEIF (iPhones): one page, through ``pillow-heif`` (the ``ocr`` extra).

Every page is flattened to grey or RGB: transparency onto WHITE (an exporter's transparent background often
holds black pixels, which ``convert("L")`` would keep: a black page), 16-bit samples scaled (not clipped) to 8
bits, palette, bilevel and CMYK converted. A page that needs none of this is handed on as the bytes given, so a
plain PNG or JPEG reads exactly as before.

Limits are checked on the headers before any pixel is decoded (``check_frames``): ``max_image_frames`` frames
(counted by walking the frame headers, stopping one past the limit) and ``max_image_pixels`` per frame.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from jixiao.config import Settings
from jixiao.errors import ImageTooLargeError, TooManyPagesError, UnsupportedFormatError, unreadable

HEIF_HINT = "pip install 'jixiao[ocr]' (HEIC/HEIF images are decoded by pillow-heif)"
# ISO-BMFF brands of HEIF still images (iPhones write heic; mif1 / msf1 are the generic image and sequence brands)
_HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1")
# magic bytes -> kind; WebP and HEIF are recognised by their container below
_MAGIC = ((b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpeg"), (b"II*\x00", "tiff"), (b"MM\x00*", "tiff"),
          (b"II+\x00", "tiff"), (b"MM\x00+", "tiff"), (b"GIF87a", "gif"), (b"GIF89a", "gif"), (b"BM", "bmp"))
# kinds whose every frame is a page; the others give their first frame
_PAGED = ("tiff",)
# an image handed on untouched: OCR and the layout read these as they are
_PLAIN_KINDS = ("png", "jpeg")
_PLAIN_MODES = ("L", "RGB")
_EXIF_ORIENTATION = 0x0112
WHITE = (255, 255, 255)


def image_kind(data: bytes) -> str | None:
    """``png``, ``jpeg``, ``tiff``, ``gif``, ``bmp``, ``webp`` or ``heif`` from the magic bytes, else None."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            # "BM" alone is two common letters: a BMP also declares its file size right after them
            if kind == "bmp" and not _bmp_header(data):
                continue
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        return "heif"
    return None


def _bmp_header(data: bytes) -> bool:
    # BITMAPFILEHEADER: size (4 bytes), two reserved words, pixel offset; then a DIB header of 12 to 124 bytes
    if len(data) < 26:
        return False
    dib = int.from_bytes(data[14:18], "little")
    return dib in (12, 16, 40, 52, 56, 64, 108, 124)


def _open(data: bytes, kind: str, source: str | None):
    """``PIL.Image.open`` with HEIF registered where it is needed; a missing decoder is a typed error."""
    from PIL import Image

    if kind == "heif":
        try:
            import pillow_heif
        except ImportError as exc:
            raise UnsupportedFormatError(f"a HEIC/HEIF image needs pillow-heif, which is not installed: {HEIF_HINT}",
                                         source=source) from exc
        pillow_heif.register_heif_opener()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        return Image.open(io.BytesIO(data))


def check_frames(data: bytes, settings: Settings, source: str | None) -> None:
    """Refuse an image with more than ``max_image_frames`` frames or a frame over ``max_image_pixels``, from the
    headers alone. A damaged header is left to the loader, which reports it."""
    from PIL import Image

    kind = image_kind(data)
    if kind is None:
        return
    try:
        image = _open(data, kind, source)
    except Image.DecompressionBombError as exc:
        raise ImageTooLargeError(f"image too large to open ({exc})", limit="max_image_pixels", source=source) from exc
    except UnsupportedFormatError:
        return  # the loader says which extra is missing, after the OCR engine's own check
    except Exception:  # noqa: BLE001 - a damaged header: the loader reports it
        return
    with image:
        frames = settings.max_image_frames + 1 if kind in _PAGED else 1
        for index in range(frames):
            try:
                if index:
                    image.seek(index)  # reads the frame's header (a TIFF IFD), not its pixels
            except EOFError:
                return
            except Exception:  # noqa: BLE001 - a damaged frame header: the loader reports it
                return
            if index == settings.max_image_frames:
                raise TooManyPagesError(f"the image has more than {settings.max_image_frames} frames",
                                        limit="max_image_frames", source=source)
            width, height = image.size
            if width * height > settings.max_image_pixels:
                where = f"frame {index + 1} of the image" if index else "the image"
                raise ImageTooLargeError(f"{where} is {width}x{height} = {width * height} pixels, over the limit of "
                                         f"{settings.max_image_pixels}", limit="max_image_pixels", source=source)


@dataclass
class Frame:
    """One page of an image file: ``data`` is an image OCR reads (the input itself when it needed no change,
    else a PNG of the flattened, upright page)."""

    data: bytes
    number: int  # 1-based frame index in the file
    size: tuple[int, int]  # width and height of ``data``, in pixels
    changed: str = ""  # what was done to make it readable ("", "EXIF orientation 6", "transparency on white" ...)


def page_frames(data: bytes, *, source: str | None) -> list[Frame]:
    """The pages of an image file, each upright and flattened (see the module docstring). A decoder's failure on a
    damaged file is ``input.unreadable``; a HEIC without pillow-heif is ``input.unsupported_format``."""
    kind = image_kind(data)
    if kind is None:
        raise UnsupportedFormatError("not an image format that is read (PNG, JPEG, TIFF, GIF, BMP, WebP, HEIC)",
                                     source=source)
    try:
        with _open(data, kind, source) as image:
            count = getattr(image, "n_frames", 1) if kind in _PAGED else 1
            frames = []
            for index in range(count):
                if index:
                    image.seek(index)
                frames.append(_frame(image, data if count == 1 and kind in _PLAIN_KINDS else None, index + 1))
            return frames
    except UnsupportedFormatError:
        raise
    except MemoryError:
        raise
    except Exception as exc:  # decoder errors of a damaged or truncated file
        raise unreadable(exc, f"cannot decode the {kind.upper()} image", source=source) from exc


def _frame(image, original: bytes | None, number: int) -> Frame:
    """One frame flattened and turned upright; ``original``: the file's bytes, handed on when nothing changed."""
    from PIL import ImageOps

    orientation = image.getexif().get(_EXIF_ORIENTATION, 1) if number == 1 else 1
    changes = []
    if orientation not in (None, 1):
        image = ImageOps.exif_transpose(image)
        changes.append(f"EXIF orientation {orientation}")
    if original is not None and not changes and image.mode in _PLAIN_MODES:
        return Frame(original, number, image.size)
    image, flattened = flatten(image)
    if flattened:
        changes.append(flattened)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=1)  # fast: it is read once, by OCR, and never stored
    return Frame(buffer.getvalue(), number, image.size, ", ".join(changes))


def flatten(image):
    """``image`` as 8-bit grey or RGB, and what was done (\"\" when nothing): transparency composited onto white,
    16-bit and float samples scaled to 8 bits, palette / bilevel / CMYK / YCbCr converted."""
    import numpy as np
    from PIL import Image

    mode = image.mode
    if mode in _PLAIN_MODES:
        return image, ""
    if mode in ("RGBA", "LA", "PA", "RGBa", "La") or (mode == "P" and "transparency" in image.info) or \
            (mode in ("L", "RGB") and "transparency" in image.info):
        rgba = image.convert("RGBA")
        page = Image.new("RGB", rgba.size, WHITE)
        page.paste(rgba, mask=rgba.getchannel("A"))
        return page, "transparency on white"
    if mode.startswith("I") or mode == "F":
        # 16-bit grey (I;16, I;16B) or 32-bit: convert("L") clips every value above 255 to white; scale instead
        # float32 and in place: a 36 Mpixel frame (an 85 kB PNG) took 965 MB as float64 with two temporaries
        samples = np.asarray(image, dtype=np.float32)
        top = 65535.0 if mode.startswith("I;16") or samples.max(initial=0) > 255 else 255.0
        samples *= np.float32(255.0 / top)
        grey = np.clip(samples, 0, 255, out=samples).astype(np.uint8)
        return Image.fromarray(grey, "L"), f"{mode} samples scaled to 8 bits"
    if mode == "1":
        return image.convert("L"), "bilevel to grey"
    return image.convert("RGB"), f"{mode} to RGB"
