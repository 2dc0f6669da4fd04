"""Seeded mutation fuzzing of the extraction (issue 21): every input is a crash, a typed error or a record, in time.

Inputs are mutations of the seed documents and the real layouts (texts in ../shared/seeds and
../shared/real-layouts): character flips, splices from another document, deletions, duplicated ranges, long
runs of the characters the readers scan (digits, pipes, spaced characters, headers), tabs and newlines
collapsed, lines shuffled; a fifth go in as bytes (UTF-8, GB18030 or UTF-16, with flipped bytes) through the
ingest's decoding. Input ``i`` of seed ``s`` is a pure function of (s, i, the corpus), so a finding is
reproduced from its index alone.

A crash is any exception that is not a ``JixiaoError``; a slow input is one over ``--slow`` seconds; a hang
(over ``--hard``) kills its worker process, which is replaced.

    python bench/fuzz.py --count 100000 --workers 2          # the long run; findings in bench/results/fuzz/
    python bench/fuzz.py --repro 4711                        # one input again, in this process
    python bench/fuzz.py --retime bench/results/fuzz/fuzz-21-0-100000.json   # its slow inputs again, alone
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS_DIRS = (SHARED / "seeds", SHARED / "real-layouts")
MAX_BYTES = 100_000

# what the readers scan: header words, labels, separators, numbers
TOKENS = ["项目名称", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", "年度资金总额", "其中",
          "全年预算数", "全年执行数", "执行率", "主管部门", "实施单位", "产出指标", "效益指标", "满意度指标", "数量指标",
          "项", "目", "|", "\t", "\n", " ", "　", "：", ":", "（", "）", "(", ")", "%", "≥", "≤", "=", "万元", "元", "分",
          "100", "99.5", "1,068", "９", "0", "-", "—", "/", "、", "，", "。", "\r", "\x0c", "\u2028", "´", "̀"]
RUNS = ["9", "1", "项 ", "| ", "|", " ", "\t", "\n", "\n\n", "项目名称 ", "一级指标 ", "绩", "补", "績(biāo)", "0.", "%",
        "项目名称\t", "\t\t\t\n", "-", "(", "（"]


def load_corpus(dirs=CORPUS_DIRS) -> list[str]:
    texts = []
    for folder in dirs:
        for path in sorted(Path(folder).glob("*.txt")):
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    if not texts:
        raise SystemExit(f"no corpus texts under {', '.join(map(str, dirs))}")
    return texts


def _span(rng: random.Random, text: str, most: int = 2000) -> tuple[int, int]:
    if not text:
        return 0, 0
    a = rng.randrange(len(text))
    return a, min(len(text), a + rng.randint(1, most))


def mutate(text: str, rng: random.Random, corpus: list[str], ops: int) -> str:
    for _ in range(ops):
        op = rng.randrange(9)
        a, b = _span(rng, text)
        if op == 0:  # flip characters
            chars = list(text)
            for _ in range(rng.randint(1, 20)):
                if chars:
                    chars[rng.randrange(len(chars))] = rng.choice(TOKENS)
            text = "".join(chars)
        elif op == 1:  # splice a piece of another document
            other = rng.choice(corpus)
            c, d = _span(rng, other, 5000)
            text = text[:a] + other[c:d] + text[a:]
        elif op == 2:  # delete
            text = text[:a] + text[b:]
        elif op == 3:  # duplicate a range
            text = text[:b] + text[a:b] * rng.randint(2, 20) + text[b:]
        elif op == 4:  # a long run of what a reader scans
            text = text[:a] + rng.choice(RUNS) * rng.choice([100, 1000, 4000, 16000, 40000]) + text[a:]
        elif op == 5:  # collapse tabs and newlines (a PDF copy-paste)
            text = text[:a] + text[a:b].replace("\t", " ").replace("\n", " ") + text[b:]
        elif op == 6:  # shuffle lines
            lines = text.split("\n")
            rng.shuffle(lines)
            text = "\n".join(lines)
        elif op == 7:  # a huge number
            text = text[:a] + rng.choice(["9", "1", "0"]) * rng.randint(20, 800) + rng.choice(["", "%", "万元", ".5"]) + text[a:]
        else:  # tokens sprinkled
            text = text[:a] + "".join(rng.choice(TOKENS) for _ in range(rng.randint(1, 200))) + text[a:]
    return text


def make_input(seed: int, index: int, corpus: list[str], max_bytes: int = MAX_BYTES) -> str | bytes:
    """Input ``index`` of run ``seed``: text, or bytes for the ingest (a fifth of them)."""
    rng = random.Random(f"{seed}:{index}")
    text = mutate(rng.choice(corpus), rng, corpus, rng.randint(1, 6))
    while len(text.encode("utf-8")) > max_bytes:
        cut = rng.randrange(max(1, len(text) // 2))
        text = text[cut:cut + max(1, len(text) // 2)]
    if rng.random() >= 0.2:
        return text
    data = bytearray(text.encode(rng.choice(["utf-8", "gb18030", "utf-16", "utf-8-sig"]), errors="replace"))
    for _ in range(rng.randint(0, 16)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data[:max_bytes])


def run_one(extractor, item: str | bytes, mode: str = "parser") -> str:
    """'ok', a JixiaoError code, or raises (a crash)."""
    from jixiao.errors import JixiaoError
    from jixiao.pipelines.document import Document
    from jixiao.pipelines.ingest import load_bytes

    try:
        if isinstance(item, bytes):
            doc = load_bytes(item, filename="fuzz.txt")
        else:
            if not item.strip():
                return "input.empty"
            doc = Document(doc_id="fuzz", text=item)
        record = extractor.extract(doc, mode=mode)
        record.model_dump_json()
    except JixiaoError as exc:
        return exc.code
    return "ok"


def _worker(conn, seed: int, mode: str) -> None:
    from jixiao.pipelines.extract import Extractor

    extractor = Extractor.from_settings(load_tagger=(mode != "parser"))
    corpus = load_corpus()
    run_one(extractor, "项目名称老字号", mode)  # jieba's dictionary loads on first use: a start-up cost, not an input's
    while True:
        index = conn.recv()
        if index is None:
            return
        item = make_input(seed, index, corpus)
        begin = time.perf_counter()
        try:
            outcome, error = run_one(extractor, item, mode), None
        except Exception as exc:
            outcome, error = "crash", f"{type(exc).__name__}: {exc}\n{traceback.format_exc()[-2000:]}"
        conn.send((index, time.perf_counter() - begin, len(item), outcome, error))


def fuzz(count: int, seed: int, workers: int, mode: str, slow: float, hard: float, out: Path | None, start: int = 0) -> dict:
    ctx = mp.get_context("spawn")
    pool = []

    def spawn():
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_worker, args=(child, seed, mode), daemon=True)
        proc.start()
        return {"proc": proc, "conn": parent, "index": None, "since": 0.0}

    pool = [spawn() for _ in range(max(1, workers))]
    outcomes: dict[str, int] = {}
    crashes, slows, hangs = [], [], []
    times = []
    nxt, done, reported = start, 0, 0
    begin = time.perf_counter()
    while done < count:
        for w in pool:
            if w["index"] is None and nxt < start + count:
                w["conn"].send(nxt)
                w["index"], w["since"] = nxt, time.perf_counter()
                nxt += 1
        ready = mp.connection.wait([w["conn"] for w in pool if w["index"] is not None], timeout=0.5)
        for w in pool:
            if w["conn"] in ready:
                index, seconds, size, outcome, error = w["conn"].recv()
                w["index"] = None
                done += 1
                times.append(seconds)
                outcomes[outcome] = outcomes.get(outcome, 0) + 1
                if error:
                    crashes.append({"index": index, "size": size, "error": error})
                if seconds > slow:
                    slows.append({"index": index, "size": size, "seconds": round(seconds, 2)})
            elif w["index"] is not None and time.perf_counter() - w["since"] > hard:
                hangs.append({"index": w["index"], "seconds": hard})
                outcomes["hang"] = outcomes.get("hang", 0) + 1
                w["proc"].kill()
                w["proc"].join()
                pool[pool.index(w)] = spawn()
                done += 1
        if done and done % 1000 == 0 and done != reported:
            reported = done
            print(f"{done}/{count} inputs, {len(crashes)} crashes, {len(slows)} slow, {len(hangs)} hangs, "
                  f"{time.perf_counter() - begin:.0f} s", file=sys.stderr, flush=True)
            # the report so far, so that a run stopped early keeps what it found
            _write(out, seed, start, count, mode, begin, done, outcomes, crashes, slows, hangs, times)
    for w in pool:
        w["conn"].send(None)
        w["proc"].join(10)
    return _write(out, seed, start, count, mode, begin, done, outcomes, crashes, slows, hangs, times)


def _write(out, seed, start, count, mode, begin, done, outcomes, crashes, slows, hangs, times) -> dict:
    """The run's report (``done`` of ``count`` inputs so far), written to ``out`` when given."""
    times = sorted(times)
    report = {
        "seed": seed, "start": start, "count": count, "done": done, "mode": mode,
        "seconds": round(time.perf_counter() - begin, 1),
        "outcomes": dict(outcomes), "crashes": crashes, "slow": slows, "hangs": hangs,
        "p50_s": round(times[len(times) // 2], 4) if times else None,
        "p99_s": round(times[int(len(times) * 0.99)], 4) if times else None,
        "max_s": round(times[-1], 3) if times else None,
    }
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / f"fuzz-{seed}-{start}-{count}.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return report


def retime(path: Path, slow: float) -> None:
    """The slow inputs of a report timed again in this process alone (the run's workers shared the cores with
    other work): each slow row gains ``alone_s``, and the report ``slow_alone`` (those still over ``slow``)."""
    from jixiao.pipelines.extract import Extractor

    report = json.loads(path.read_text(encoding="utf-8"))
    extractor = Extractor.from_settings(load_tagger=(report["mode"] != "parser"))
    run_one(extractor, "项目名称老字号", report["mode"])  # jieba's dictionary, as in the workers
    corpus = load_corpus()
    for row in report["slow"]:
        item = make_input(report["seed"], row["index"], corpus)
        begin = time.perf_counter()
        run_one(extractor, item, report["mode"])
        row["alone_s"] = round(time.perf_counter() - begin, 2)
        print(f"input {row['index']}: {row['size']} long, {row['seconds']} s in the run, {row['alone_s']} s alone")
    report["slow_alone"] = [r["index"] for r in report["slow"] if r["alone_s"] > slow]
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--start", type=int, default=0, help="first input index (to split a run)")
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--mode", default="parser", choices=["parser", "tagger", "combined"])
    parser.add_argument("--slow", type=float, default=2.0, help="seconds over which an input is reported slow")
    parser.add_argument("--hard", type=float, default=60.0, help="seconds after which a worker is killed (a hang)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "fuzz")
    parser.add_argument("--repro", type=int, help="run input REPRO of --seed in this process and print it")
    parser.add_argument("--retime", type=Path, help="time a report's slow inputs again, one at a time, into the report")
    args = parser.parse_args()
    if args.retime is not None:
        retime(args.retime, args.slow)
        return
    if args.repro is not None:
        from jixiao.pipelines.extract import Extractor

        item = make_input(args.seed, args.repro, load_corpus())
        begin = time.perf_counter()
        outcome = run_one(Extractor.from_settings(load_tagger=(args.mode != "parser")), item, args.mode)
        print(f"input {args.repro}: {len(item)} {'bytes' if isinstance(item, bytes) else 'chars'}, {outcome}, "
              f"{time.perf_counter() - begin:.2f} s")
        return
    report = fuzz(args.count, args.seed, args.workers, args.mode, args.slow, args.hard, args.out, args.start)
    summary = {k: report[k] for k in ("count", "seconds", "outcomes", "p50_s", "p99_s", "max_s")}
    print(json.dumps(summary, ensure_ascii=False))
    print(f"{len(report['crashes'])} crashes, {len(report['slow'])} slow (> {args.slow} s), {len(report['hangs'])} hangs")
    for row in report["crashes"][:5]:
        print(f"crash at input {row['index']}: {row['error'].splitlines()[0]}")
    for row in sorted(report["slow"], key=lambda r: -r["seconds"])[:10]:
        print(f"slow input {row['index']}: {row['size']} long, {row['seconds']} s")


if __name__ == "__main__":
    main()
