"""Issue 13, the output side: `-o` never replaces a node it should write into, output
errors are one-line user errors, and an app crash is an internal error.

Nothing here writes to a system node but /dev/null, which is checked, not replaced.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from briefing import cli
from briefing.errors import UserError
from briefing.export import write

ARTICLE = "Samsung and OpenAI met in Seoul\n\nSamsung Electronics met OpenAI in Seoul on Tuesday to discuss chips.\n"


def run_cli(*args: str, env: dict[str, str] | None = None, shell_redirect: str = "", timeout: int = 120):
    """`python -m briefing.cli ARGS`, optionally with a shell redirection such as `>&-`."""
    command = " ".join(["exec", '"$0"', "-m", "briefing.cli", *(f"'{a}'" for a in args), shell_redirect])
    return subprocess.run(
        ["sh", "-c", command, sys.executable], capture_output=True, timeout=timeout, env=env or os.environ.copy()
    )


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


# -- writing into nodes ----------------------------------------------------------------------


def test_a_fifo_is_written_into_not_replaced(tmp_path):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    write(fifo, "# briefing\n")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # (the bug renamed a file over it: the reader waits on, a daemon)
    reader.join(timeout=10)
    assert received == [b"# briefing\n"]


def test_a_symlink_stays_a_link_and_its_target_is_written(tmp_path):
    target = tmp_path / "real.md"
    target.write_text("old")
    target.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(target.name)
    write(link, "new\n")
    assert link.is_symlink() and os.readlink(link) == "real.md"
    assert target.read_text() == "new\n" and stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.md", "real.md"]  # no temp file left


def test_a_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "link.md"
    link.symlink_to("made.md")
    write(link, "x\n")
    assert link.is_symlink() and (tmp_path / "made.md").read_text() == "x\n"


@pytest.mark.skipif(os.geteuid() != 0, reason="creating a device node needs root")
def test_a_character_device_is_written_into_not_replaced(tmp_path):
    device = tmp_path / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a null device of our own
    write(device, "# briefing\n")
    info = os.lstat(device)
    assert stat.S_ISCHR(info.st_mode) and info.st_rdev == os.makedev(1, 3)


@pytest.mark.skipif(os.geteuid() != 0, reason="creating a device node needs root")
def test_a_block_device_is_refused(tmp_path):
    disk = tmp_path / "disk"
    os.mknod(disk, 0o600 | stat.S_IFBLK, os.makedev(7, 250))  # a loop device number nobody uses
    with pytest.raises(UserError, match="block device"):
        write(disk, "# briefing\n")
    assert stat.S_ISBLK(os.lstat(disk).st_mode)


def test_dev_null_is_left_as_it_is():
    before = os.lstat("/dev/null")
    write("/dev/null", "# briefing\n")  # harmless to write; the bug was replacing it
    after = os.lstat("/dev/null")
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev, after.st_mode) == (before.st_ino, before.st_rdev, before.st_mode)


def test_dash_o_proc_self_stdout_writes_to_standard_output(tmp_path, isolated_dirs):
    # /dev/stdout links here; the old rename failed on it (and, as root, replaced /dev/stdout)
    result = run_cli("export", "-o", "/proc/self/fd/1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"# Executive briefing")


def test_a_long_output_name_does_not_fail_on_its_temporary_name(tmp_path):
    name = "b" * 250 + ".md"  # 253 bytes: the old temporary name was over 255
    write(tmp_path / name, "x\n")
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_write_refuses_a_folder_and_a_protected_file(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("keep me")
    with pytest.raises(UserError, match="is a folder"):
        write(tmp_path, "x")
    with pytest.raises(UserError, match="one of the articles"):
        write(article, "x", protect=[article])
    alias = tmp_path / "alias.txt"
    alias.symlink_to(article)
    with pytest.raises(UserError, match="one of the articles"):
        write(alias, "x", protect=[article])
    assert article.read_text() == "keep me"


# -- the export command ----------------------------------------------------------------------


@pytest.fixture
def run(isolated_dirs, no_network, capsys):
    def run(*args: str):
        code = cli.main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_export_refuses_to_overwrite_an_input_article(run, corpus_dir):
    article = corpus_dir / "a.txt"
    code, _, err = run("export", str(corpus_dir), "-o", str(article))
    assert code == 1 and err.count("\n") == 1 and "one of the articles" in err
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_export_refuses_to_overwrite_a_provided_translation(run, corpus_dir):
    sidecar = corpus_dir / "a.en.txt"
    sidecar.write_text(ARTICLE, encoding="utf-8")
    code, _, err = run("export", str(corpus_dir / "a.txt"), "-o", str(sidecar))
    assert code == 1 and "one of the articles" in err
    assert sidecar.read_text(encoding="utf-8") == ARTICLE


def test_export_to_a_folder_is_a_user_error(run, tmp_path):
    code, _, err = run("export", "-o", str(tmp_path))
    assert code == 1 and "is a folder" in err and err.count("\n") == 1


def test_a_path_beyond_path_max_is_one_short_line(run, tmp_path):
    code, _, err = run("export", "-o", str(tmp_path / (("a" * 250 + "/") * 20) / "x.md"))
    assert code == 1 and err.startswith("briefing: cannot write") and err.count("\n") == 1
    assert len(err) < 300


def test_a_non_utf8_output_name_is_written_and_shown_escaped(run, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    code, _, err = run("export", "-o", str(out / os.fsdecode(b"caf\xe9.md")))
    assert code == 0 and "caf\\xe9.md" in err
    assert os.listdir(os.fsencode(out)) == [b"caf\xe9.md"]


def test_closed_stdout_is_a_user_error(isolated_dirs):
    result = run_cli("export", shell_redirect=">&-")
    assert result.returncode == 1 and result.stderr.count(b"\n") == 1
    assert b"standard output is closed" in result.stderr


def test_full_stdout_is_a_user_error(isolated_dirs):
    result = run_cli("export", shell_redirect=">/dev/full")
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [
        "briefing: cannot write to standard output: No space left on device; use -o FILE"
    ]


def test_closed_stderr_keeps_errors_out_of_stdout(isolated_dirs, tmp_path):
    result = run_cli("export", str(tmp_path / "missing.txt"), shell_redirect="2>&-")
    assert result.returncode == 1 and result.stdout == b""


def test_closed_stderr_does_not_leak_into_an_opened_file(isolated_dirs, tmp_path):
    # with fd 2 closed, the next file opened (the cache) would take its number
    result = run_cli("export", str(tmp_path / "missing.txt"), shell_redirect="2>&-")
    assert result.returncode == 1
    for path in Path(isolated_dirs[0]).glob("*"):
        assert b"briefing:" not in path.read_bytes()


def _home_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "ARGOS_", "BRIEFING_"))}
    env["HOME"] = str(home)
    return env


def test_export_creates_nothing_for_argos_under_home(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    result = run_cli("export", "--format", "text", env=_home_env(home))
    assert result.returncode == 0, result.stderr
    made = sorted(str(p.relative_to(home)) for p in home.rglob("*"))
    assert not [p for p in made if "argos" in p], made


def test_export_with_an_unusable_home_still_succeeds(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where HOME should be")
    result = run_cli("export", "--format", "text", env=_home_env(blocker))
    assert result.returncode == 0, result.stderr
    assert b"BOTTOM LINE" in result.stdout


@pytest.fixture
def read_only_home(tmpfs_mount):
    return tmpfs_mount("rohome", "ro,size=64k")


def test_export_with_a_read_only_home_still_succeeds(read_only_home):
    result = run_cli("export", "--format", "text", env=_home_env(read_only_home))
    assert result.returncode == 0, result.stderr
    assert b"BOTTOM LINE" in result.stdout


# -- messages --------------------------------------------------------------------------------


def test_messages_are_sanitised(run, tmp_path):
    code, _, err = run("export", str(tmp_path / "e\x1b]52;c;SGVsbG8=\x07\x1b[2J.txt"))
    assert code == 1 and "no such file" in err
    assert "\x1b" not in err and "\x07" not in err and err.count("\n") == 1


def test_library_errors_are_sanitised(monkeypatch, capsys):
    def boom(args):
        raise RuntimeError("bad \x1b[2J\x1b]0;title\x07 news")

    monkeypatch.setattr(cli, "_export", boom)
    assert cli.main(["export"]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "bad news" in err.replace("  ", " ")


def test_an_os_error_is_a_user_error(monkeypatch, capsys):
    def boom(args):
        raise PermissionError(13, "Permission denied", "/some/where")

    monkeypatch.setattr(cli, "_export", boom)
    assert cli.main(["export"]) == 1
    assert capsys.readouterr().err == "briefing: Permission denied (/some/where)\n"


# -- the app ---------------------------------------------------------------------------------


def _crashing_app():
    from briefing.tui.app import BriefingApp

    class Crashing(BriefingApp):
        def on_ready(self) -> None:  # after the first paint, as a key handler would
            raise RuntimeError("kaput in the app")

    return Crashing(analyse=False)


def test_an_app_crash_is_an_internal_error_without_a_traceback(monkeypatch, capsys):
    monkeypatch.setattr(cli, "_open_app", lambda args: cli.run_app(_crashing_app(), debug=args.debug, headless=True))
    assert cli.main([]) == 2
    captured = capsys.readouterr()
    assert captured.err == (
        "briefing: internal error: RuntimeError: kaput in the app (run again with --debug for details)\n"
    )
    assert "Traceback" not in captured.out


def test_an_app_crash_shows_the_traceback_with_debug(monkeypatch, capsys):
    monkeypatch.setattr(cli, "_open_app", lambda args: cli.run_app(_crashing_app(), debug=args.debug, headless=True))
    assert cli.main(["--debug"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" in err and "kaput in the app" in err


def test_a_clean_app_exit_is_zero():
    from textual.app import App

    class Quits(App):
        def on_mount(self) -> None:
            self.exit()

    assert cli.run_app(Quits(), headless=True) == 0


def test_dash_o_dash_is_standard_output(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("export", "--format", "text", "-o", "-")
    assert code == 0 and "BOTTOM LINE" in out and not (tmp_path / "-").exists()


def test_models_list_with_stdout_closed_is_a_user_error(isolated_dirs):
    result = run_cli("models", "list", shell_redirect=">&-")
    assert result.returncode == 1 and b"standard output is closed" in result.stderr


@pytest.fixture
def small_disk(tmpfs_mount):
    return tmpfs_mount("disk", "size=64k")


def test_a_full_disk_keeps_the_old_output_whole(run, small_disk):
    target = small_disk / "brief.md"
    target.write_text("the old briefing\n")
    free = os.statvfs(small_disk)
    (small_disk / "pad").write_bytes(b"\0" * (free.f_bavail * free.f_frsize - 1024))  # 1 KB left
    code, _, err = run("export", "-o", str(target))
    assert code == 1 and err.count("\n") == 1 and "No space left on device" in err
    assert target.read_text() == "the old briefing\n"
    assert sorted(p.name for p in small_disk.iterdir()) == ["brief.md", "pad"]  # no temporary file left


def test_export_with_the_cache_on_a_full_disk_warns_once(run, small_disk, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(small_disk / "cache"))
    free = os.statvfs(small_disk)
    (small_disk / "pad").write_bytes(b"\0" * (free.f_bavail * free.f_frsize - 40 * 1024))  # room to open, not to fill
    code, out, err = run("export", "--format", "text")
    assert code == 0 and "BOTTOM LINE" in out
    cache_lines = [line for line in err.splitlines() if "cache" in line]
    assert len(cache_lines) == 1 and "full" in cache_lines[0] and "rollback" not in err, err
