"""Peak memory and time of every bomb of issue 21, each loaded in a fresh process (CLI path: ``load_bytes``).

Two groups: the probe's bombs (refused by a limit before parsing) and files just under the limits, which a
loader parses in full (the worst memory a limit still lets through; the ratio limit is lifted for them, as an
attacker would use text that compresses less).

    python bench/bombs.py            # a table: case, size, outcome, peak RSS (MB), seconds
    python bench/bombs.py --json out.json
    python bench/bombs.py --api      # each uploaded to jixiao serve on 127.0.0.1: status, server and worker peak RSS
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "data"))

import bomb_files as bombs  # noqa: E402

# name -> (builder, settings overrides as JIXIAO_* environment)
CASES = {
    # the probe's bombs
    "docx 1M paragraphs": (lambda: bombs.docx_paragraphs(1_000_000), {}),
    "docx 60M-char text node": (lambda: bombs.docx_text_node(20_000_000), {}),
    "docx 3000 members": (lambda: bombs.docx_members(3000), {}),
    "xlsx 1M rows": (lambda: bombs.xlsx_rows(1_000_000), {}),
    "xlsx cells at A1 and XFD1048576": (bombs.xlsx_corners, {}),
    "xlsx merge A1:XFD1048576": (bombs.xlsx_merge, {}),
    "png 13000x13000": (lambda: bombs.png_header(13000, 13000), {}),
    "pdf 500 pages": (lambda: bombs.pdf_pages(500), {}),
    "pdf encrypted": (bombs.pdf_encrypted, {}),
    # just under the limits, ratio limit lifted
    "docx at the XML limit (paragraphs)": (lambda: bombs.docx_paragraphs(290_000), {"JIXIAO_MAX_ZIP_RATIO": "1e9"}),
    "docx at the XML limit (short paragraphs)": (lambda: bombs.docx_paragraphs(440_000, "项"), {"JIXIAO_MAX_ZIP_RATIO": "1e9"}),
    "docx at the XML limit (one text node)": (lambda: bombs.docx_text_node(5_400_000), {"JIXIAO_MAX_ZIP_RATIO": "1e9"}),
    "xlsx at the cell limit (rows)": (lambda: bombs.xlsx_rows(50_000), {"JIXIAO_MAX_ZIP_RATIO": "1e9"}),
    "pdf at the page limit (300 pages)": (lambda: bombs.pdf_pages(300), {}),
}

_CHILD = """
import json, resource, sys, time
from jixiao.errors import JixiaoError
from jixiao.pipelines.ingest import load_bytes
data = open(sys.argv[1], "rb").read()
begin = time.perf_counter()
try:
    doc = load_bytes(data, filename=sys.argv[2])
    outcome = f"ok ({len(doc.text)} chars)"
except JixiaoError as exc:
    outcome = exc.code
print(json.dumps({"outcome": outcome, "seconds": time.perf_counter() - begin,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run_case(name: str, build, env: dict, tmp: Path) -> dict:
    data = build()
    suffix = ".pdf" if data.startswith(b"%PDF") else ".png" if data.startswith(b"\x89PNG") else ".zip"
    path = tmp / f"bomb{suffix}"
    path.write_bytes(data)
    del data
    # a hard cap, so that a regression fails here instead of taking the machine down
    limit = 4 * 1024**3

    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    proc = subprocess.run([sys.executable, "-c", _CHILD, str(path), path.name], capture_output=True, text=True,
                          env={**os.environ, **env}, preexec_fn=cap, timeout=600)
    if proc.returncode:
        return {"case": name, "bytes": path.stat().st_size, "outcome": f"died rc={proc.returncode}: {proc.stderr[-200:]}",
                "seconds": None, "peak_rss_mb": None}
    return {"case": name, "bytes": path.stat().st_size, **json.loads(proc.stdout.strip().splitlines()[-1])}


def _hwm_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def run_api(names: list[str]) -> list[dict]:
    """Each bomb uploaded to ``jixiao serve`` on 127.0.0.1 (one worker process, fresh server per case): the
    answer, and the peak RSS (VmHWM) of the server process and of its worker."""
    import socket

    import httpx
    import psutil

    rows = []
    for name, (build, env) in CASES.items():
        if names and not any(c in name for c in names):
            continue
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server_env = {**os.environ, **env, "JIXIAO_USE_TAGGER": "false", "JIXIAO_LOG_LEVEL": "error", "JIXIAO_WORKERS_THREADS": "1"}
        server = subprocess.Popen([sys.executable, "-c", "from jixiao.cli import app; app()", "serve", "--port", str(port)],
                                  env=server_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            with httpx.Client(timeout=120) as c:
                for _ in range(600):
                    try:
                        if c.get(url + "/readyz").status_code == 200:
                            break
                    except httpx.HTTPError:
                        time.sleep(0.1)
                data = build()
                suffix = ".pdf" if data.startswith(b"%PDF") else ".png" if data.startswith(b"\x89PNG") else ".docx"
                begin = time.perf_counter()
                r = c.post(url + "/v1/extract", files={"file": (f"bomb{suffix}", data)}, data={"mode": "parser"})
                seconds = time.perf_counter() - begin
                code = r.json().get("code", "ok") if r.status_code != 200 else "ok"
                proc = psutil.Process(server.pid)
                workers = [p.pid for p in proc.children(recursive=True)]
                row = {"case": name, "bytes": len(data), "status": r.status_code, "outcome": code, "seconds": round(seconds, 2),
                       "server_peak_rss_mb": _hwm_mb(server.pid),
                       "worker_peak_rss_mb": max((m for m in map(_hwm_mb, workers) if m), default=None)}
        finally:
            server.terminate()
            server.wait(30)
        rows.append(row)
        print(f"{name:40} {row['status']} {row['outcome']:24} server {row['server_peak_rss_mb']:.0f} MB, worker "
              f"{row['worker_peak_rss_mb'] or 0:.0f} MB, {row['seconds']} s", flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path)
    parser.add_argument("--api", action="store_true", help="upload each bomb to a jixiao serve on 127.0.0.1 instead")
    parser.add_argument("cases", nargs="*", help="substrings of case names (default: all)")
    args = parser.parse_args()
    if args.api:
        rows = run_api(args.cases)
        if args.json:
            args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")
        return
    import tempfile

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, (build, env) in CASES.items():
            if args.cases and not any(c in name for c in args.cases):
                continue
            begin = time.perf_counter()
            row = run_case(name, build, env, Path(tmp))
            rows.append(row)
            rss = f"{row['peak_rss_mb']:.0f}" if row["peak_rss_mb"] else "-"
            secs = f"{row['seconds']:.2f}" if row["seconds"] is not None else "-"
            print(f"{name:40} {row['bytes']:>10} {row['outcome']:28} {rss:>6} MB {secs:>7} s  ({time.perf_counter() - begin:.1f} s)", flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
