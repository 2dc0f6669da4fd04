"""Regenerate tests/data/scan_example.png: the bundled example's first project table drawn as a scanned page.

Run from the repo root: ``python tests/data/make_scan.py [FONT]`` (a CJK font; default Noto Sans CJK from
Debian's ``fonts-noto-cjk``). The image is committed so the OCR test needs no font, only the ``ocr`` extra.

Each row (``example_rows``) is drawn as boxed cells left to right, the way a table prints, with a little
blur and grey noise of a scan.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

sys.path.insert(0, str(Path(__file__).resolve().parent))
from example_rows import EXAMPLE, first_table_rows  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "scan_example.png"
FONT = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
SIZE, PAD, ROW_H = 22, 14, 40


def main() -> None:
    font = ImageFont.truetype(FONT, SIZE)
    rows = first_table_rows(EXAMPLE.read_text(encoding="utf-8"))
    widths = [[max(60, int(font.getlength(c)) + 2 * PAD) for c in row] for row in rows]
    page = Image.new("L", (max(sum(w) for w in widths) + 80, ROW_H * len(rows) + 80), 255)
    draw = ImageDraw.Draw(page)
    y = 40
    for row, row_widths in zip(rows, widths):
        x = 40
        for cell, w in zip(row, row_widths):
            draw.rectangle([x, y, x + w, y + ROW_H], outline=40, width=1)
            draw.text((x + PAD, y + (ROW_H - SIZE) // 2 - 2), cell, font=font, fill=20)
            x += w
        y += ROW_H
    rng = random.Random(0)
    pixels = page.load()
    for _ in range(page.width * page.height // 200):  # speckle
        pixels[rng.randrange(page.width), rng.randrange(page.height)] = rng.randrange(120, 230)
    page.filter(ImageFilter.GaussianBlur(0.6)).save(OUT, optimize=True)
    print(f"{OUT.relative_to(ROOT)}: {page.width}x{page.height}, {len(rows)} rows")


if __name__ == "__main__":
    main()
