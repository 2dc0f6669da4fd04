"""Time the OCR engine's settings on drawn scans, in alternating rounds (A B C ... A B C ...), and check each
setting reads what the default reads (docs/decisions/scanned-pdfs.md, "Speed").

    python bench/ocr_speed.py                       # every setting, 3 rounds, the three scans
    python bench/ocr_speed.py --rounds 5 --only base t1

Scans: the example's table scan (tests/data/scan_example.png), the same tiled down an A4-proportioned page
(~40 ruled rows), and the scan turned 90 degrees. A setting is a set of keyword arguments to ``RapidOCR``.
Each run times ``load_bytes`` end to end (OCR, the upright check, the layout) with the engine swapped in,
and keeps the OCR text and the parser-mode record, compared with the first setting's.
"""

from __future__ import annotations

import argparse
import difflib
import io
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SCAN = ROOT / "tests" / "data" / "scan_example.png"

SETTINGS: dict[str, dict] = {
    "base": {},
    "t1": {"intra_op_num_threads": 1, "inter_op_num_threads": 1},
    "nocls": {"use_cls": False},
    "b16": {"rec_batch_num": 16},
    # rapidocr 1.4.4's detector ignores limit_side_len under "max": it takes 960, 1500 or 2000 by the image's longer
    # side, so a scan of up to 2000 px is detected at its own size (the default "min" 736 only scales small ones up)
    "det_max": {"det_limit_type": "max"},
}


def scans() -> dict[str, bytes]:
    from PIL import Image

    def png(image) -> bytes:
        buffer = io.BytesIO()
        image.save(buffer, "PNG")
        return buffer.getvalue()

    scan = Image.open(SCAN).convert("L")
    # A4 at the scan's width (1399 px): 1979 px tall, the table tiled down it cut at a row boundary
    a4 = Image.new("L", (scan.width, round(scan.width * 297 / 210)), 255)
    for y in range(0, a4.height, scan.height - 40):
        a4.paste(scan.crop((0, 0, scan.width, min(scan.height, a4.height - y))), (0, y))
    # smaller print: the scan at 0.8 (its 22-px text at ~18 px, 8.5 pt at 150 dpi), resampled as a scanner would
    small = scan.resize((round(scan.width * 0.8), round(scan.height * 0.8)), Image.Resampling.BILINEAR)
    return {"example": png(scan), "a4": png(a4), "turned90": png(scan.rotate(90, expand=True, fillcolor=255)),
            "small": png(small)}


class Timed:
    """The engine, adding up its own stage timings (detection, classifier, recognition) over its calls."""

    def __init__(self, engine):
        self.engine, self.text_cls, self.stages = engine, engine.text_cls, [0.0, 0.0, 0.0]

    def __call__(self, *args, **kwargs):
        result, elapse = self.engine(*args, **kwargs)
        for i, t in enumerate(elapse or []):
            self.stages[i] += t
        return result, elapse


def _pool_worker(name: str, data: bytes, pages: int, start, out) -> None:
    from rapidocr_onnxruntime import RapidOCR

    engine = RapidOCR(**SETTINGS[name])
    engine(data)  # set-up, not timed
    start.wait()
    began = time.perf_counter()
    for _ in range(pages):
        engine(data, return_word_box=True)
    out.put(time.perf_counter() - began)


def pool(names: list[str], rounds: int, processes: int, pages: int) -> None:
    """``processes`` engines OCR the example at once (a worker pool on the shared cores): seconds a page."""
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    data = scans()["example"]
    times: dict[str, list[float]] = {n: [] for n in names}
    loads = []
    for _ in range(rounds):
        for name in names:
            start, out = ctx.Event(), ctx.Queue()
            procs = [ctx.Process(target=_pool_worker, args=(name, data, pages, start, out)) for _ in range(processes)]
            for p in procs:
                p.start()
            time.sleep(8)  # the engines load
            loads.append(os.getloadavg()[0])
            start.set()
            spent = [out.get() for _ in procs]
            for p in procs:
                p.join()
            times[name].append(max(spent) / pages)
    print(f"pool of {processes}: load average median {statistics.median(loads):.2f} ({min(loads):.2f}-{max(loads):.2f})")
    for name in names:
        print(f"| {name} | {statistics.median(times[name]):.2f} s a page per process | {' '.join(f'{t:.1f}' for t in times[name])} |")


def scanned_pdf(pages: int) -> bytes:
    """``pages`` copies of the A4 scan, each a PDF page at 150 dpi (stored losslessly)."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.open(io.BytesIO(scans()["a4"]))
    size = (image.width * 72 / 150, image.height * 72 / 150)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=size, invariant=1)
    for _ in range(pages):
        pdf.drawImage(ImageReader(image), 0, 0, width=size[0], height=size[1])
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def pdf_pages(rounds: int, pages: int) -> None:
    """Seconds a page of a scanned PDF read end to end (``load_bytes``) in this one process: the engine on
    onnxruntime's default threads, and on one (a pool worker's share on two cores), alternating."""
    from jixiao.config import Settings
    from jixiao.pipelines.ingest import load_bytes

    data = scanned_pdf(pages)
    settings = {"onnxruntime's threads": Settings(workers_threads=0), "one thread": Settings(workers_threads=1)}
    runs: dict[str, list[float]] = {name: [] for name in settings}
    texts: dict[str, str] = {}
    loads = []
    for setting in settings.values():  # engine set-up, not timed
        load_bytes(scanned_pdf(1), filename="warm.pdf", settings=setting)
    for _ in range(rounds):
        for name, setting in settings.items():
            loads.append(os.getloadavg()[0])
            start = time.perf_counter()
            texts[name] = load_bytes(data, filename="scan.pdf", settings=setting).text
            runs[name].append((time.perf_counter() - start) / pages)
    print(f"{pages}-page scanned PDF: load average median {statistics.median(loads):.2f} ({min(loads):.2f}-{max(loads):.2f}); "
          f"texts equal: {len(set(texts.values())) == 1}")
    for name, times in runs.items():
        print(f"| {name} | {statistics.median(times):.2f} s a page | {' '.join(f'{t:.1f}' for t in times)} |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", nargs="*")
    parser.add_argument("--scans", nargs="*")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--pool", type=int, help="time this many engines at once instead (a worker pool)")
    parser.add_argument("--pages", type=int, default=2, help="pages each pool engine reads")
    parser.add_argument("--pdf", type=int, help="time a scanned PDF of this many pages instead")
    args = parser.parse_args()
    if args.pdf:
        return pdf_pages(args.rounds, args.pdf)
    if args.pool:
        return pool(args.only or list(SETTINGS), args.rounds, args.pool, args.pages)
    from rapidocr_onnxruntime import RapidOCR

    from jixiao.pipelines import ocr_layout
    from jixiao.pipelines.extract import Extractor
    from jixiao.pipelines.ingest import load_bytes

    names = args.only or list(SETTINGS)
    engines = {n: RapidOCR(**SETTINGS[n]) for n in names}
    images = {k: v for k, v in scans().items() if not args.scans or k in args.scans}
    extractor = Extractor.from_settings(load_tagger=False)
    times: dict = {(n, s): [] for n in names for s in images}
    cpu: dict = {(n, s): [] for n in names for s in images}
    stages: dict = {(n, s): [] for n in names for s in images}
    texts, records, loads = {}, {}, []
    for engine in engines.values():  # the first call of a session pays its set-up: not timed
        engine(images[next(iter(images))])
    for _ in range(args.rounds):
        for scan, data in images.items():
            for name in names:
                timed = Timed(engines[name])
                ocr_layout._engine = lambda *a, timed=timed, **k: timed  # noqa: SLF001 (swap the engine)
                loads.append(os.getloadavg()[0])
                start, start_cpu = time.perf_counter(), time.process_time()
                doc = load_bytes(data, filename=f"{scan}.png", doc_id=scan)
                times[(name, scan)].append(time.perf_counter() - start)
                cpu[(name, scan)].append(time.process_time() - start_cpu)
                stages[(name, scan)].append(timed.stages)
                texts[(name, scan)] = doc.text
                record = extractor.extract(doc, mode="parser").model_dump(mode="json")
                projects = [{k: v for k, v in p.items() if k != "provenance"} for p in record["projects"]]
                records[(name, scan)] = json.dumps(projects, ensure_ascii=False, sort_keys=True)
    base = names[0]
    print(f"load average over the runs: median {statistics.median(loads):.2f} (min {min(loads):.2f}, max {max(loads):.2f})")
    print("| setting | scan | median s | runs | median CPU s | median det / cls / rec s | text chars differing from "
          + base + " | record same |")
    print("|---|---|---|---|---|---|---|---|")
    out = []
    for scan in images:
        for name in names:
            a, b = texts[(base, scan)], texts[(name, scan)]
            diff = sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op != "equal")
            same = records[(base, scan)] == records[(name, scan)]
            runs = times[(name, scan)]
            stage = " / ".join(f"{statistics.median(s[i] for s in stages[(name, scan)]):.2f}" for i in range(3))
            print(f"| {name} | {scan} | {statistics.median(runs):.2f} | {' '.join(f'{t:.1f}' for t in runs)} | "
                  f"{statistics.median(cpu[(name, scan)]):.2f} | {stage} | {diff} | {same} |")
            out.append({"setting": name, "scan": scan, "runs": runs, "cpu": cpu[(name, scan)],
                        "stages": stages[(name, scan)], "chars_diff": diff, "record_same": same})
    if args.json:
        args.json.write_text(json.dumps({"loads": loads, "rows": out}, indent=1))


if __name__ == "__main__":
    main()
