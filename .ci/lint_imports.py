"""Run import-linter (the contracts in pyproject.toml) on the package laid out as it installs.

`jixiao.pipelines`, `jixiao.models`, `jixiao.service` and `jixiao.eval` live in top-level folders mapped by
setuptools' package-dir; import-linter finds a package by its folder and cannot follow that mapping from an
editable install. So the package's modules are copied to a temporary `jixiao/` tree, laid out by the same
mapping, and `lint-imports` runs there. Usage: `python .ci/lint_imports.py [lint-imports options]`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def lay_out(dest: Path) -> None:
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    for package in setuptools["packages"]:
        # a subpackage without its own mapping (jixiao.pipelines.vocab) lies under its parent's folder
        parts = package.split(".")
        mapped = next(".".join(parts[:k]) for k in range(len(parts), 0, -1) if ".".join(parts[:k]) in setuptools["package-dir"])
        src = ROOT.joinpath(setuptools["package-dir"][mapped], *parts[len(mapped.split(".")):])
        target = dest.joinpath(*package.split("."))
        target.mkdir(parents=True, exist_ok=True)
        for module in src.glob("*.py"):
            shutil.copy2(module, target / module.name)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="jixiao-lint-imports-") as tmp:
        lay_out(Path(tmp))
        env = dict(os.environ, PYTHONPATH=tmp)
        cmd = [shutil.which("lint-imports") or "lint-imports", str(ROOT / "pyproject.toml"),
               "--no-cache", *sys.argv[1:]]
        return subprocess.call(cmd, cwd=tmp, env=env)


if __name__ == "__main__":
    sys.exit(main())
