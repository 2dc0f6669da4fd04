"""The seed documents' folder: ../shared/seeds beside the checkout by default, JIXIAO_SEEDS_DIR overriding it,
and no machine path written into the code or the tests."""

import re
from pathlib import Path

import pytest

from jixiao.config import REPO_ROOT, SHARED_DIR, SHARED_SEEDS_DIR, Settings

# the folders whose Python files may not name a machine path
CODE_DIRS = ("jixiao", "pipelines", "models", "eval", "service", "tests", "bench")
MACHINE_PATH = re.compile(r"""["']/work/""")


@pytest.fixture
def no_seeds_env(monkeypatch):
    monkeypatch.delenv("JIXIAO_SEEDS_DIR", raising=False)


def test_the_default_is_derived_from_the_checkout(no_seeds_env):
    assert SHARED_DIR == REPO_ROOT.parent / "shared"
    assert SHARED_SEEDS_DIR == REPO_ROOT.parent / "shared" / "seeds"
    assert Settings().seeds_root == SHARED_SEEDS_DIR


def test_jixiao_seeds_dir_overrides_the_default(tmp_path, monkeypatch):
    monkeypatch.setenv("JIXIAO_SEEDS_DIR", str(tmp_path))
    assert Settings().seeds_root == tmp_path
    assert Settings(seeds_dir=tmp_path / "other").seeds_root == tmp_path / "other"


def test_bench_and_training_read_the_seeds_where_the_setting_says(tmp_path, monkeypatch):
    from jixiao.models.train import DataConfig, _seeds_root
    from jixiao.pipelines.bench import default_files

    (tmp_path / "900_x.txt").write_text("项目名称\t测试", encoding="utf-8")
    monkeypatch.setenv("JIXIAO_SEEDS_DIR", str(tmp_path))
    assert default_files(Settings().seeds_root) == [tmp_path / "900_x.txt"]
    assert _seeds_root(DataConfig()) == tmp_path
    assert _seeds_root(DataConfig(seeds_dir=str(REPO_ROOT / "examples"))) == REPO_ROOT / "examples"
    # an empty seeds folder: the bench falls back to the repository's examples
    empty = tmp_path / "empty"
    empty.mkdir()
    assert default_files(empty) == sorted((REPO_ROOT / "examples").glob("*.txt"))


def test_no_machine_path_in_code_or_tests():
    offenders = []
    for folder in CODE_DIRS:
        for path in sorted((REPO_ROOT / folder).rglob("*.py")):
            if path == Path(__file__).resolve():
                continue
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if MACHINE_PATH.search(line):
                    offenders.append(f"{path.relative_to(REPO_ROOT)}:{n}: {line.strip()}")
    assert not offenders, "derive the path from REPO_ROOT or a setting:\n" + "\n".join(offenders)
