"""An installed wheel, not only the editable checkout, carries the seeds and themes."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(out), str(ROOT)],
        check=True,
        timeout=300,
        capture_output=True,
    )
    (found,) = out.glob("briefing-*.whl")
    return found


def test_wheel_maps_the_card_layout_into_one_namespace(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert sum(n.startswith("briefing/seeds/") and n.endswith(".txt") for n in names) == 5
    for module in ("briefing/tui/app.py", "briefing/translate/__init__.py", "briefing/themes/__init__.py"):
        assert module in names
    data = [p for folder in ("themes", "tui") for p in (ROOT / folder).rglob("*") if p.suffix in (".toml", ".tcss")]
    for path in data:
        assert "briefing/" + path.relative_to(ROOT).as_posix() in names, f"{path} is not in the wheel"
    assert not any(n.split("/")[0] in ("tui", "translate", "themes", "seeds", "tests") for n in names)


def test_installed_wheel_finds_its_seeds(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        timeout=300,
        capture_output=True,
    )
    probe = "import briefing.corpus as c; print(c.__file__); print(len(c.load_seeds()))"
    env = dict(os.environ, PYTHONPATH=str(target), PYTHONNOUSERSITE="1")
    # -I would drop PYTHONPATH; run from an empty folder so the checkout is not on the path
    out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    module_file, count = out.stdout.split()
    assert module_file.startswith(str(target)) and count == "5"
