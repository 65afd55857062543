"""Installing and removing never destroys another package, never hangs, and says what it did.

Index tests run a real loopback HTTP server whose routes the test chooses."""

from __future__ import annotations

import http.server
import io
import json
import os
import subprocess
import sys
import threading
import time
from typing import ClassVar

import pytest

from argos_fixture import argosmodel, copy_model  # noqa: F401
from briefing.errors import UserError
from briefing.translate import commands, index, installed_packages
from briefing.translate import packages as pk

# -- installing from a file ------------------------------------------------


def test_a_top_folder_named_like_another_installed_package_is_refused(tmp_path, argos_dirs, copy_model):  # noqa: F811
    hungarian = pk.install_file(argosmodel(copy_model, tmp_path / "a", "hu"), argos_dirs)
    before = sorted(p.name for p in hungarian.path.rglob("*"))
    impostor = argosmodel(copy_model, tmp_path / "b", "de", top=hungarian.path.name)
    with pytest.raises(UserError, match=r"is taken by installed package translate-hu_en 1\.0; remove that first"):
        pk.install_file(impostor, argos_dirs)
    assert [p.label for p in installed_packages(argos_dirs)] == ["translate-hu_en 1.0"]
    assert sorted(p.name for p in hungarian.path.rglob("*")) == before


def test_the_same_pair_under_a_new_folder_name_replaces_the_old_one(tmp_path, argos_dirs, copy_model):  # noqa: F811
    pk.install_file(argosmodel(copy_model, tmp_path / "a", "de"), argos_dirs)
    pk.install_file(argosmodel(copy_model, tmp_path / "b", "de", version="1.1", top="de_en"), argos_dirs)
    assert [(p.label, p.path.name) for p in installed_packages(argos_dirs)] == [("translate-de_en 1.1", "de_en")]


def test_folders_left_by_killed_installs_are_cleaned(tmp_path, argos_dirs, copy_model):  # noqa: F811
    # a real process that dies by SIGKILL in the middle of an install, leaving its staging folder
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    orphan = argos_dirs.parent / f"{pk.STAGING_PREFIX}{child.pid}-abcd"
    (orphan / "translate-de_en-1_0").mkdir(parents=True)
    (orphan / "translate-de_en-1_0" / "model.bin").write_bytes(b"x" * 1000)
    alive = argos_dirs.parent / f"{pk.STAGING_PREFIX}{os.getppid()}-efgh"  # a living process's: kept
    alive.mkdir()
    old = argos_dirs.parent / f"{pk.STAGING_PREFIX}oldstyle"
    reused = argos_dirs.parent / f"{pk.STAGING_PREFIX}{os.getppid()}-ijkl"  # its id since given to another process
    for folder in (old, reused):
        folder.mkdir()
        os.utime(folder, (time.time() - 2 * pk.STALE_AFTER,) * 2)
    child.kill()
    child.wait()
    pk.install_file(argosmodel(copy_model, tmp_path / "a", "de"), argos_dirs)
    assert not orphan.exists() and not old.exists() and not reused.exists() and alive.exists()
    assert sorted(p.name for p in argos_dirs.parent.iterdir()) == sorted(["packages", alive.name])


# -- removing --------------------------------------------------------------------


def test_remove_a_symlinked_package_removes_the_link_only(tmp_path, argos_dirs, copy_model):  # noqa: F811
    elsewhere = tmp_path / "shared-models"
    real = pk.install_file(argosmodel(copy_model, tmp_path / "a", "de"), elsewhere)
    (argos_dirs / "de_en").symlink_to(real.path, target_is_directory=True)
    assert [p.from_code for p in installed_packages(argos_dirs)] == ["de"]
    out = io.StringIO()
    assert commands.run("remove", ["de"], [], out, io.StringIO()) == 0
    assert out.getvalue() == "removed translate-de_en 1.0\n"
    assert not (argos_dirs / "de_en").exists() and (real.path / "model" / "model.bin").is_file()


def test_remove_of_a_package_that_cannot_be_deleted_is_one_clear_line(tmp_path, argos_dirs, copy_model):  # noqa: F811
    package = pk.install_file(argosmodel(copy_model, tmp_path / "a", "de"), argos_dirs)
    model = package.path / "model"
    os.chmod(model, 0o555)
    try:
        if os.access(model, os.W_OK):
            pytest.skip("running as root: permissions do not stop us (a read-only mount would)")
        with pytest.raises(UserError, match=r"could not remove translate-de_en 1\.0 .*permission denied"):
            commands.run("remove", ["de"], [], io.StringIO(), io.StringIO())
        assert (model / "model.bin").is_file()  # refused before anything went
    finally:
        os.chmod(model, 0o755)


def test_remove_on_a_read_only_file_system(tmp_path, argos_dirs, copy_model):  # noqa: F811
    # As root, only a read-only mount stops a delete: make one if this machine lets us.
    package = pk.install_file(argosmodel(copy_model, tmp_path / "a", "de"), argos_dirs)
    code = (
        "import io, sys; from pathlib import Path; "
        "from briefing.translate import packages; from briefing.errors import UserError\n"
        "try:\n    packages.remove('de', Path(sys.argv[1]))\nexcept UserError as e:\n    print(e)\n"
    )
    script = f"mount --bind {argos_dirs} {argos_dirs} && mount -o remount,bind,ro {argos_dirs} && {sys.executable} -c \"$0\" {argos_dirs}"
    try:
        run = subprocess.run(["unshare", "-m", "sh", "-c", script, code], capture_output=True, text=True, timeout=60)
    except (FileNotFoundError, subprocess.TimeoutExpired):
        pytest.skip("no unshare here")
    if run.returncode != 0 and "mount" in run.stderr:
        pytest.skip(f"cannot make a read-only mount here: {run.stderr.strip()[:80]}")
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("could not remove translate-de_en 1.0 (Read-only file system: "), run.stdout
    assert "Traceback" not in run.stderr
    assert (package.path / "model" / "model.bin").is_file()


# -- an unwritable Argos data folder or home -----------------------------------------


def test_an_unwritable_home_does_not_stop_translation_or_listing(tmp_path, copy_model):  # noqa: F811
    # a fresh process, as argostranslate reads (and creates) its folders when first imported
    home = tmp_path / "home"
    home.mkdir()
    corpus = tmp_path / "a.txt"
    corpus.write_text("OpenAI and SoftBank met in Seoul on Tuesday to talk about chips and data centres.", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "ARGOS_"))}
    env.update(HOME=str(home), BRIEFING_CACHE_DIR=str(tmp_path / "cache"), BRIEFING_CONFIG_DIR=str(tmp_path / "config"))
    code = (
        "import os, sys\n"
        "real = os.makedirs\n"
        "def refuse(path, *a, **k):\n"
        "    if 'argos-translate' in str(path): raise PermissionError(13, 'Permission denied', str(path))\n"
        "    return real(path, *a, **k)\n"
        "os.makedirs = refuse  # as root a chmod does not stop us: refuse what argostranslate creates\n"
        "from briefing.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    for args in (["models", "list", str(corpus)], ["translate", str(corpus)], ["export", str(corpus)]):
        run = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120)
        assert run.returncode == 0, (args, run.stderr)
        assert "Traceback" not in run.stderr
    assert "No translation models installed" in subprocess.run(
        [sys.executable, "-c", code, "models", "list", str(corpus)], capture_output=True, text=True, env=env
    ).stdout


# -- from the index, over a real loopback HTTP server --------------------------------


class Routes(http.server.BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, bytes | int]] = {}  # path -> body, or an HTTP status
    slow: ClassVar[set[str]] = set()
    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        Routes.seen.append(self.path)
        body = Routes.routes.get(self.path, 404)
        if isinstance(body, int):
            self.send_error(body)
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.path in Routes.slow:  # a trickle: some data, often, never finishing quickly
            try:
                for i in range(0, len(body), 1000):
                    self.wfile.write(body[i : i + 1000])
                    self.wfile.flush()
                    time.sleep(0.05)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up, as it should
            return
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server(monkeypatch):
    Routes.routes, Routes.slow, Routes.seen = {}, set(), []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Routes)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    from argostranslate import settings

    monkeypatch.setattr(settings, "remote_package_index", base + "/index.json")
    yield base
    httpd.shutdown()
    httpd.server_close()


def entry(from_code: str, to_code: str, links: list[str], version: str = "1.0") -> dict:
    return {"from_code": from_code, "to_code": to_code, "package_version": version, "links": links}


def test_every_link_is_tried_ipfs_skipped_with_a_note(server, tmp_path, argos_dirs, copy_model):  # noqa: F811
    good = argosmodel(copy_model, tmp_path / "dl", "de").read_bytes()
    Routes.routes["/good.argosmodel"] = good
    links = ["ipfs://QmSomething", f"{server}/missing.argosmodel", f"{server}/good.argosmodel"]
    Routes.routes["/index.json"] = json.dumps([entry("de", "en", links)]).encode()
    err = io.StringIO()
    out = io.StringIO()
    assert commands.run("install", ["de"], [], out, err) == 0
    assert out.getvalue() == "installed translate-de_en 1.0\n"
    assert Routes.seen == ["/index.json", "/missing.argosmodel", "/good.argosmodel"]
    assert "download translate-de_en 1.0" in err.getvalue()  # the progress bar names the package


def test_a_failed_download_names_the_package_and_every_link(server, argos_dirs):
    links = ["ipfs://QmSomething", f"{server}/gone.argosmodel"]
    Routes.routes["/index.json"] = json.dumps([entry("de", "en", links)]).encode()
    with pytest.raises(UserError) as failed:
        commands.run("install", ["de"], [], io.StringIO(), io.StringIO())
    message = str(failed.value)
    assert message.startswith("could not download translate-de_en 1.0 (ipfs://QmSomething skipped (not an HTTP link); ")
    assert "/gone.argosmodel: Not Found" in message and "\n" not in message


def test_a_package_of_another_pair_is_refused(server, tmp_path, argos_dirs, copy_model):  # noqa: F811
    Routes.routes["/ja.argosmodel"] = argosmodel(copy_model, tmp_path / "dl", "ko").read_bytes()  # says ja, is ko
    Routes.routes["/index.json"] = json.dumps([entry("ja", "en", [f"{server}/ja.argosmodel"])]).encode()
    with pytest.raises(UserError) as refused:
        commands.run("install", ["ja"], [], io.StringIO(), io.StringIO())
    message = str(refused.value)
    assert message == (
        "the download of translate-ja_en 1.0 is not a usable Argos package: it translates ko→en, not ja→en "
        "as the index said; nothing was installed"
    )
    assert installed_packages(argos_dirs) == []


def test_good_then_bad_says_what_was_installed(server, tmp_path, argos_dirs, copy_model):  # noqa: F811
    Routes.routes["/de.argosmodel"] = argosmodel(copy_model, tmp_path / "dl", "de").read_bytes()
    Routes.routes["/index.json"] = json.dumps([entry("de", "en", [f"{server}/de.argosmodel"])]).encode()
    out = io.StringIO()
    with pytest.raises(UserError) as failed:
        commands.run("install", ["de", "sw"], [], out, io.StringIO())
    assert out.getvalue() == "installed translate-de_en 1.0\n"  # printed as soon as it was in place
    message = str(failed.value)
    assert "no Argos package exists for Swahili (sw)" in message
    assert message.endswith("(installed all the same: translate-de_en 1.0)")
    assert "nothing was installed" not in message
    assert [p.from_code for p in installed_packages(argos_dirs)] == ["de"]


def test_downloads_are_bounded_in_size(server, tmp_path, argos_dirs):
    Routes.routes["/big.argosmodel"] = bytes(300_000)
    e = index.IndexEntry("de", "en", "1.0", (f"{server}/big.argosmodel",))
    into = tmp_path / "scratch"
    into.mkdir()
    with pytest.raises(UserError, match=r"could not download translate-de_en 1\.0 .*over the 0 MB bound"):
        index.download(e, into, max_bytes=100_000)
    assert list(into.iterdir()) == []  # nothing left behind


def test_downloads_are_bounded_in_time(server, tmp_path, argos_dirs):
    Routes.routes["/slow.argosmodel"] = bytes(100_000)
    Routes.slow.add("/slow.argosmodel")  # 100 chunks, 50 ms apart: 5 s, never idle for TIMEOUT
    e = index.IndexEntry("de", "en", "1.0", (f"{server}/slow.argosmodel",))
    into = tmp_path / "scratch"
    into.mkdir()
    start = time.monotonic()
    with pytest.raises(UserError, match="not finished within the time allowed"):
        index.download(e, into, deadline=0.5)
    assert time.monotonic() - start < 3
    assert list(into.iterdir()) == []


def test_download_folders_of_killed_runs_are_cleaned(server, tmp_path, argos_dirs, copy_model, monkeypatch):  # noqa: F811
    import tempfile

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    orphan = scratch / f"{commands.DOWNLOAD_PREFIX}{child.pid}-xyz"
    orphan.mkdir()
    (orphan / "translate-de_en-abc.argosmodel").write_bytes(bytes(10_000))
    Routes.routes["/de.argosmodel"] = argosmodel(copy_model, tmp_path / "dl", "de").read_bytes()
    Routes.routes["/index.json"] = json.dumps([entry("de", "en", [f"{server}/de.argosmodel"])]).encode()
    commands.run("install", ["de"], [], io.StringIO(), io.StringIO())
    assert list(scratch.iterdir()) == []


@pytest.mark.parametrize("signal_name", ["SIGKILL", "SIGTERM"])
def test_a_download_killed_midway_is_cleaned_by_the_next_install(
    signal_name, server, tmp_path, argos_dirs, copy_model, monkeypatch  # noqa: F811
):
    import signal
    import tempfile

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    good = argosmodel(copy_model, tmp_path / "dl", "de").read_bytes()
    Routes.routes["/slow.argosmodel"] = good + bytes(200_000)  # long enough to be caught midway
    Routes.slow.add("/slow.argosmodel")
    Routes.routes["/index.json"] = json.dumps([entry("de", "en", [f"{server}/slow.argosmodel"])]).encode()
    code = (
        "import sys; from pathlib import Path; from argostranslate import settings\n"
        f"settings.remote_package_index = {server + '/index.json'!r}\n"
        "from briefing.translate import commands\n"
        "commands.install(['de'], folder=Path(sys.argv[1]))\n"
    )
    env = {**os.environ, "TMPDIR": str(scratch)}
    child = subprocess.Popen([sys.executable, "-c", code, str(argos_dirs)], env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not any(p.name.startswith(commands.DOWNLOAD_PREFIX) and any(p.iterdir()) for p in scratch.iterdir()):
        assert time.monotonic() < deadline and child.poll() is None, "the download never started"
        time.sleep(0.05)
    child.send_signal(getattr(signal, signal_name))
    child.wait(timeout=30)
    left = [p for p in scratch.iterdir() if p.name.startswith(commands.DOWNLOAD_PREFIX)]
    assert left and installed_packages(argos_dirs) == []  # what the killed run left behind
    Routes.routes["/slow.argosmodel"] = good
    Routes.slow.clear()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    commands.run("install", ["de"], [], io.StringIO(), io.StringIO())
    assert list(scratch.iterdir()) == [] and [p.from_code for p in installed_packages(argos_dirs)] == ["de"]
