"""Time PDF loading with pdfplumber's own page reading (before) and ``pdf_objects`` / ``pdf_content``'s (after), and
check the two read every PDF identically (docs/decisions/pdf-loading.md).

    python bench/pdf_load_speed.py                      # the invented PDFs, tests/data, the 60-page concatenation
    python bench/pdf_load_speed.py --rounds 5 --extra /tmp/collected   # and every PDF in a folder

Checks, per PDF: every page's pdfplumber objects (chars, lines, rects, curves, images: all their attributes) are
equal, and the loaded ``Document`` (text, pages and their OCR states, tables with cell texts, spans and boxes,
pictures) serialises to the same JSON, byte for byte. PDF OCR is off (``JIXIAO_PDF_OCR=false``): OCR reads
rendered pixels, which the content parser does not touch; what it decides is which pages are scans, and the
pages' OCR states are compared. Timing: ``load_bytes`` end to end in CPU seconds (``time.process_time``, the
machine is shared), the two paths alternating, the best of ``--rounds``; pages/s over the set's pages.
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("JIXIAO_PDF_OCR", "false")
CONCAT_SOURCE = ROOT / "data" / "invented-files" / "origb09.pdf"
CONCAT_TIMES = 20  # origb09's 3 pages 20 times: a 60-page text PDF


def concatenation() -> bytes:
    import pypdfium2

    src = pypdfium2.PdfDocument(CONCAT_SOURCE.read_bytes())
    dst = pypdfium2.PdfDocument.new()
    for _ in range(CONCAT_TIMES):
        dst.import_pages(src)
    buffer = io.BytesIO()
    dst.save(buffer)
    return buffer.getvalue()


def pdfs(extra: list[Path]) -> dict[str, bytes]:
    found = {p.name: p.read_bytes() for p in sorted((ROOT / "data" / "invented-files").glob("*.pdf"))}
    found |= {p.name: p.read_bytes() for p in sorted((ROOT / "tests" / "data").glob("*.pdf"))}
    for folder in extra:
        found |= {f"{folder.name}/{p.name}": p.read_bytes() for p in sorted(folder.glob("*.pdf"))}
    found["concat60.pdf"] = concatenation()
    return found


@contextmanager
def stock():
    """Loading as before: pdfplumber's own ``page.layout`` (pdfminer's content parser)."""
    from jixiao.pipelines import load_pdf

    fast = load_pdf.pdf_objects
    load_pdf.pdf_objects = type("Stock", (), {"page_objects": staticmethod(lambda page: page.objects)})
    try:
        yield
    finally:
        load_pdf.pdf_objects = fast


def load(data: bytes, name: str) -> tuple[str, float]:
    """The loaded document as JSON (or its error) and the CPU seconds it took."""
    from jixiao.errors import JixiaoError
    from jixiao.pipelines.ingest import load_bytes

    start = time.process_time()
    try:
        out = load_bytes(data, filename=name, doc_id="bench").model_dump_json()
    except JixiaoError as exc:
        out = f"error: {type(exc).__name__}: {exc}"
    return out, time.process_time() - start


def _comparable(objects: dict) -> dict:
    """pdfplumber's page objects, an image's stream (a per-open object) by its object id and raw bytes; an inline
    image's name is its stream's ``id()``, new on each reading."""
    out = {}
    for kind, items in objects.items():
        out[kind] = [{k: ((v.objid, v.get_rawdata()) if k == "stream" else v) for k, v in item.items()
                      if not (k == "name" and kind == "image" and item["stream"].objid is None)} for item in items]
    return out


def same_objects(data: bytes) -> list[int]:
    """The pages whose pdfplumber objects differ between the two content parsers."""
    import pdfplumber

    from jixiao.pipelines.pdf_objects import page_objects

    differ: list[int] = []
    try:
        pdfplumber.open(io.BytesIO(data)).close()
    except Exception:  # not a PDF pdfminer opens: no page is read (the loaded document's error is compared)
        return differ
    with pdfplumber.open(io.BytesIO(data)) as before, pdfplumber.open(io.BytesIO(data)) as after:
        for old, new in zip(before.pages, after.pages):
            try:
                old_objects = _comparable(old.objects)
            except Exception as exc:  # a damaged page: the new path must fail the same way
                old_objects = {"error": repr(exc)}
            try:
                new_objects = _comparable(page_objects(new))
            except Exception as exc:
                new_objects = {"error": repr(exc)}
            if old_objects != new_objects:
                differ.append(old.page_number)
    return differ


def page_total(data: bytes) -> int:
    import pypdfium2

    try:
        return len(pypdfium2.PdfDocument(data))
    except Exception:  # a damaged PDF the tests hand in: it counts as one
        return 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--extra", type=Path, action="append", default=[], help="a folder of more PDFs to check")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # pdfminer's warnings on the damaged PDFs the tests make
    files = pdfs(args.extra)
    problems = 0
    best: dict[str, dict[str, float]] = {name: {"before": float("inf"), "after": float("inf")} for name in files}
    for name, data in files.items():
        differ = same_objects(data)
        with stock():
            old, _ = load(data, name)
        new, _ = load(data, name)
        if differ or old != new:
            problems += 1
            print(f"DIFFERS {name}: pages {differ}, document {'same' if old == new else 'differs'}")
    for _ in range(args.rounds):
        for name, data in files.items():
            with stock():
                best[name]["before"] = min(best[name]["before"], load(data, name)[1])
            best[name]["after"] = min(best[name]["after"], load(data, name)[1])
    print(f"{'pdf':<32}{'pages':>6}{'before p/s':>12}{'after p/s':>12}{'speed-up':>10}")
    extra = tuple(f"{folder.name}/" for folder in args.extra)
    rows = {name: [name] for name in files if not name.startswith(extra)}  # an extra folder's PDFs: in "all" only
    rows["invented (orig*)"] = [n for n in files if n.startswith("orig")]
    rows["all"] = list(files)
    for label, names in rows.items():
        pages = sum(page_total(files[n]) for n in names)
        before = sum(best[n]["before"] for n in names)
        after = sum(best[n]["after"] for n in names)
        print(f"{label:<32}{pages:>6}{pages / before:>12.1f}{pages / after:>12.1f}{before / after:>9.2f}x")
    print(f"{len(files)} PDFs, {problems} read differently")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
