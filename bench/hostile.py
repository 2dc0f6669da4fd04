"""Time the parser on hostile inputs: long runs of the characters its readers scan (issue 21).

Each case is built at two sizes; a reader that stays linear takes about twice as long on the larger one.

    python bench/hostile.py            # a table: case, seconds at n and 2n, ratio
"""

from __future__ import annotations

import time

from jixiao.pipelines.extract import Extractor

CASES = {
    "pipes": lambda n: "|" * n,
    "spaced pipes": lambda n: "| " * n + "x",
    "spaces then a pipe": lambda n: " " * n + "|\n" + "a |\n" * 20,
    "one-cell lines": lambda n: "\n\n".join(["项目名称"] * (n // 4)),
    "spaced characters": lambda n: ("项 " * (n // 2) + "\n") * 3,
    "a title run": lambda n: "绩" * n + "绩效自评报告\n",
    "an indicator run": lambda n: "补" * n + "指标为100%实际完成值为",
    "pinyin": lambda n: "績(biāo)" * (n // 7),
    "digits after headers": lambda n: "项目名称 一级指标 " + "9" * n,
    "empty pipe runs": lambda n: ("| " * 40 + "x ") * (n // 80),
    "run-together rows": lambda n: "\n".join(["年度资金总额:" + "1" * (n // 10) + "%"] * 10),
    "run-together words": lambda n: "\n".join(["数量指标一级指标二级指标" * (n // 120)] * 10),
    "a tab run (fuzz, issue 21)": lambda n: "x" + "\t" * n,
}


def main(n: int = 8000) -> None:
    extractor = Extractor.from_settings(load_tagger=False)
    print(f"{'case':24} {'n s':>8} {'2n s':>8} {'ratio':>6}")
    for name, make in CASES.items():
        times = []
        for size in (n, 2 * n):
            t0 = time.perf_counter()
            extractor.extract_text(make(size), mode="parser")
            times.append(time.perf_counter() - t0)
        print(f"{name:24} {times[0]:8.3f} {times[1]:8.3f} {times[1] / max(times[0], 1e-9):6.1f}")


if __name__ == "__main__":
    main()
