"""Image files as scanners and phones write them (``image_frames``, ``load_image``): formats sniffed from their
magic bytes, a TIFF's frames read as pages, EXIF orientation applied, transparency on white, 16-bit samples
scaled, limits refused from the headers. A fake stands in for the OCR engine (``load_image.run_ocr``): it records
each page image it is given and answers boxes of its own."""

from __future__ import annotations

import io
import sys

import numpy as np
import pytest
from PIL import Image, ImageDraw

from jixiao.config import Settings
from jixiao.errors import ImageTooLargeError, TooManyPagesError, UnreadableFileError, UnsupportedFormatError
from jixiao.pipelines import image_frames, load_image
from jixiao.pipelines.image_frames import image_kind, page_frames
from jixiao.pipelines.ingest import SUPPORTED, load_bytes, sniff_format
from jixiao.pipelines.ocr_layout import OcrBox


class FakeOcr:
    """The n-th call reads ``PAGE n`` as a line and a two-cell row (three boxes: too few for the turned-page check)."""

    def __init__(self):
        self.images: list[Image.Image] = []

    def __call__(self, data: bytes, options=None) -> list[OcrBox]:
        self.images.append(Image.open(io.BytesIO(data)))
        n = len(self.images)
        return [OcrBox(f"PAGE {n}", 10, 10, 110, 30), OcrBox("Funds", 10, 50, 70, 70), OcrBox(f"{n}0.5", 200, 50, 260, 70)]


@pytest.fixture
def fake_ocr(monkeypatch) -> FakeOcr:
    fake = FakeOcr()
    monkeypatch.setattr(load_image, "run_ocr", fake)
    monkeypatch.setattr(load_image, "ocr_available", lambda: True)
    return fake


def _page(size=(300, 120), mode="L") -> Image.Image:
    image = Image.new("L", size, 255)
    ImageDraw.Draw(image).rectangle([5, 5, size[0] - 6, size[1] - 6], outline=0, width=3)
    return image.convert(mode)


def _save(images: list[Image.Image], fmt: str, **kw) -> bytes:
    buffer = io.BytesIO()
    first, *rest = images
    if rest:
        kw.update(save_all=True, append_images=rest)
    first.save(buffer, fmt, **kw)
    return buffer.getvalue()


def _tiff(frames: int, size=(300, 120)) -> bytes:
    return _save([_page(size, "1") for _ in range(frames)], "TIFF", compression="group4")


def test_formats_are_sniffed_from_magic_bytes_not_names():
    assert sniff_format(_tiff(1), "scan.png") == "image" and image_kind(_tiff(1)) == "tiff"
    for fmt, kind in (("BMP", "bmp"), ("GIF", "gif"), ("WEBP", "webp"), ("JPEG", "jpeg"), ("PNG", "png")):
        assert image_kind(_save([_page(mode="RGB")], fmt)) == kind
    assert image_kind(b"\0\0\0\x18ftypheic\0\0\0\0") == "heif"
    assert sniff_format("BM: 项目支出绩效自评表".encode(), "notes.txt") == "text"  # two letters are not a BMP
    assert "TIFF" in SUPPORTED and "HEIC" in SUPPORTED


def test_a_tiff_reads_every_frame_as_a_page_in_order(fake_ocr):
    doc = load_bytes(_tiff(2), filename="scan.tif")
    assert doc.format == "image" and [(p.number, p.ocr, p.width) for p in doc.pages] == [(1, "read", 300), (2, "read", 300)]
    assert [im.size for im in fake_ocr.images] == [(300, 120), (300, 120)]
    for page, n in zip(doc.pages, (1, 2)):
        assert doc.text[page.start:page.end].startswith(f"PAGE {n}\n")
    assert [t.page for t in doc.tables] == [1, 2]
    value = doc.tables[1].cells[-1]
    assert doc.text[value.start:value.end] == "20.5" and doc.page_at(value.start) == 2


def test_exif_orientation_is_applied_before_ocr_and_the_page_is_read_once(fake_ocr):
    upright = _page((300, 120), "RGB")
    exif = Image.Exif()
    exif[0x0112] = 6  # stored a quarter turn counter-clockwise: turn clockwise to show
    data = _save([upright.transpose(Image.Transpose.ROTATE_90)], "JPEG", exif=exif.tobytes())
    doc = load_bytes(data, filename="phone.jpg")
    assert [im.size for im in fake_ocr.images] == [(300, 120)]  # upright, one OCR pass
    assert (doc.pages[0].width, doc.pages[0].height) == (300, 120)


def test_a_plain_png_is_handed_to_ocr_as_given():
    data = _save([_page(mode="RGB")], "PNG")
    (frame,) = page_frames(data, source="a.png")
    assert frame.data == data and frame.changed == ""


def test_a_transparent_background_is_flattened_onto_white():
    rgba = Image.new("RGBA", (40, 20), (0, 0, 0, 0))  # transparent black, as many exporters write it
    ImageDraw.Draw(rgba).line([0, 10, 39, 10], fill=(0, 0, 0, 255), width=2)
    (frame,) = page_frames(_save([rgba], "PNG"), source="a.png")
    page = np.asarray(Image.open(io.BytesIO(frame.data)).convert("L"))
    assert page[2, 2] == 255 and page[10, 20] == 0 and "white" in frame.changed


def test_sixteen_bit_samples_are_scaled_not_clipped():
    grey = Image.fromarray((np.arange(256, dtype=np.uint16).reshape(16, 16) * 257).astype(np.uint16))
    (frame,) = page_frames(_save([grey], "PNG"), source="a.png")
    page = np.asarray(Image.open(io.BytesIO(frame.data)))
    assert page[0, 0] == 0 and page[15, 15] == 255 and 120 <= page[8, 0] <= 135  # mid grey, not white


def test_cmyk_palette_and_animated_gif_first_frame():
    (cmyk,) = page_frames(_save([_page(mode="CMYK")], "JPEG"), source="a.jpg")
    assert Image.open(io.BytesIO(cmyk.data)).mode == "RGB"
    blank = Image.new("L", (300, 120), 0).convert("P")
    frames = page_frames(_save([_page(mode="P"), blank], "GIF"), source="a.gif")
    assert len(frames) == 1 and np.asarray(Image.open(io.BytesIO(frames[0].data)).convert("L"))[60, 150] == 255


def test_heic_without_pillow_heif_names_the_extra(monkeypatch, fake_ocr):
    monkeypatch.setitem(sys.modules, "pillow_heif", None)  # as on an install without it
    heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + b"\0" * 64
    with pytest.raises(UnsupportedFormatError) as info:
        load_bytes(heic, filename="IMG_0001.HEIC")
    assert "jixiao[ocr]" in info.value.message and info.value.code == "input.unsupported_format"


def test_a_heic_reads_as_one_page_where_pillow_heif_is_installed():
    pillow_heif = pytest.importorskip("pillow_heif")  # the ocr extra brings it; the dev environment need not
    pillow_heif.register_heif_opener()
    (frame,) = page_frames(_save([_page((64, 64), "RGB")], "HEIF"), source="IMG_0001.HEIC")
    assert frame.size == (64, 64) and Image.open(io.BytesIO(frame.data)).mode in ("L", "RGB")


def test_too_many_frames_or_pixels_are_refused_before_decoding(monkeypatch, fake_ocr):
    def never(*args, **kwargs):
        raise AssertionError("decoded")

    monkeypatch.setattr(load_image, "page_frames", never)
    with pytest.raises(TooManyPagesError) as info:
        load_bytes(_tiff(3), filename="scan.tif", settings=Settings(max_image_frames=2))
    assert info.value.limit == "max_image_frames" and info.value.code == "input.too_many_pages"
    big = _save([_page((300, 120), "1"), _page((600, 400), "1")], "TIFF", compression="group4")
    with pytest.raises(ImageTooLargeError, match="frame 2") as info:
        load_bytes(big, filename="scan.tif", settings=Settings(max_image_pixels=100_000))
    assert info.value.limit == "max_image_pixels" and not fake_ocr.images


def test_a_damaged_tiff_is_unreadable(fake_ocr):
    data = _tiff(2)
    with pytest.raises(UnreadableFileError) as info:
        load_bytes(data[:60], filename="scan.tif")
    assert info.value.code == "input.unreadable" and "TIFF" in info.value.message


def test_frame_limit_is_a_setting():
    assert Settings().max_image_frames == Settings().max_pdf_pages and image_frames.WHITE == (255, 255, 255)


def test_sixteen_bit_samples_are_scaled_in_one_float32_buffer():
    # float64 with two temporaries took 965 MB for a 36 Mpixel frame of an 85 kB PNG (bug bash s15)
    import tracemalloc

    import numpy as np
    from PIL import Image

    from jixiao.pipelines.image_frames import flatten

    samples = np.full((1000, 1000), 40000, np.uint16)
    image = Image.fromarray(samples)
    tracemalloc.start()
    try:
        grey, changed = flatten(image)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert changed.endswith("scaled to 8 bits") and grey.getpixel((0, 0)) == 40000 * 255 // 65535
    assert peak < 8 * samples.size  # float32 buffer, the decoded samples, the 8-bit result (was float64 x 3: 24+)
