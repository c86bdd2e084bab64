"""The installed package carries the termbase: a wheel answers without the repository."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import REPO


@pytest.fixture(scope="module")
def unpacked_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO)], check=True, timeout=300)
    (wheel,) = out.glob("migterm-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "migterm/py.typed" in names
    assert "migterm/glossary/sources/index.toml" in names
    for path in (REPO / "glossary").rglob("*"):
        if path.is_file() and path.suffix in {".toml", ".txt"}:
            assert f"migterm/glossary/{path.relative_to(REPO / 'glossary').as_posix()}" in names
    site = out / "site"
    zipfile.ZipFile(wheel).extractall(site)
    return site


def test_the_wheel_answers_a_lookup_without_the_repository(unpacked_wheel, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(unpacked_wheel), "MIGTERM_CACHE_DIR": str(tmp_path / "cache")}
    probe = "import migterm, sys; print(migterm.__file__); print(migterm.default_glossary_dir())"
    where = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=tmp_path, check=True).stdout
    assert where.startswith(str(unpacked_wheel)) and str(REPO) not in where
    result = subprocess.run([sys.executable, "-m", "migterm", "lookup", "terugkeer"], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("terugkeer → return")


def test_the_package_type_checks(tmp_path):
    """The type hints are ones mypy accepts (its settings are in pyproject.toml)."""
    pytest.importorskip("mypy", reason="mypy is one of the test extras")
    process = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache")], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert process.returncode == 0, process.stdout[-3000:]
