"""Hostile and odd input on the reading side (issue 13): names, devices, FIFOs, stdin, folders, cancel."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from briefing import corpus, textfile
from briefing.errors import UserError

EVIL = "e\x1b]52;c;SGVsbG8=\x07\x1b[2J.txt"  # writes the clipboard and clears the screen if obeyed
BODY = (
    "Samsung and OpenAI met in Seoul on Tuesday to discuss chips for data centres.\n\n"
    "The talks lasted three hours and no agreement was signed, officials said.\n"
)


def _run(args: list[str], stdin: bytes | None = None, cwd: Path | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, input=stdin, capture_output=True, timeout=60, cwd=cwd, **kwargs)


def _no_escape(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text, repr(text)


# -- names ----------------------------------------------------------------------------


def test_escape_in_a_file_name_is_shown_not_obeyed(tmp_path):
    (tmp_path / EVIL).write_text(BODY, encoding="utf-8")
    (tmp_path / ("empty" + EVIL)).write_bytes(b"")
    result = corpus.load([tmp_path])
    (article,) = result.articles
    _no_escape(article.source_label)
    _no_escape(article.source_shown)
    assert article.source_label == "e\\x1b]52;c;SGVsbG8=\\x07\\x1b[2J"  # visible, so two such files differ
    assert article.source == str(tmp_path / EVIL)  # the real path is kept for reading
    (problem,) = result.problems
    _no_escape(problem)
    assert problem.endswith("emptye\\x1b]52;c;SGVsbG8=\\x07\\x1b[2J.txt: is empty")


def test_cli_error_lines_never_carry_an_escape(tmp_path):
    (tmp_path / EVIL).write_bytes(b"")  # nothing loadable: the CLI's one-line error names the file
    missing = tmp_path / ("gone" + EVIL)
    for target in (tmp_path / EVIL, missing):
        done = _run([sys.executable, "-m", "briefing.cli", "export", str(target)])
        assert done.returncode == 1, done.stderr
        err = done.stderr.decode("utf-8", "replace")
        _no_escape(err)
        assert "\\x1b]52;c;SGVsbG8=\\x07" in err


# -- devices, FIFOs, standard input -----------------------------------------------------


def test_dev_zero_is_refused_before_a_byte_is_read():
    with pytest.raises(UserError, match="is a character device, not a regular file"):
        textfile.read(Path("/dev/zero"))


def _in_thread(call) -> tuple[bool, object]:
    """Run `call` in a thread; (finished within 10 s, its result or exception)."""
    out: list[object] = []

    def target() -> None:
        try:
            out.append(call())
        except Exception as error:  # the refusal we expect
            out.append(error)

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(10)
    return not worker.is_alive(), out[0] if out else None


def test_fifo_given_as_a_path_is_refused_without_hanging(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # no writer: a plain open() would block forever
    finished, outcome = _in_thread(lambda: corpus.load([fifo]))
    assert finished, "reading a FIFO hung"
    assert isinstance(outcome, UserError)
    assert "is a FIFO (named pipe), not a regular file" in str(outcome)


def test_fifo_in_a_folder_is_reported_and_the_rest_loads(tmp_path):
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    finished, outcome = _in_thread(lambda: corpus.load([tmp_path]))
    assert finished, "a FIFO in a folder hung the load"
    assert isinstance(outcome, corpus.LoadResult)
    assert [Path(a.source).name for a in outcome.articles] == ["good.txt"]
    assert outcome.problems == [f"{tmp_path / 'pipe.txt'}: is a FIFO (named pipe), not a regular file; skipped"]


class _Endless(io.RawIOBase):
    """A stream of zeros that never ends, counting what was taken from it."""

    taken = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        buffer[:] = b"a" * len(buffer)
        self.taken += len(buffer)
        return len(buffer)


def test_reading_is_bounded_by_bytes_read_not_by_stat():
    raw = _Endless()
    with pytest.raises(UserError, match="holds more than the 2 MB limit"):
        textfile.read_bounded(io.BufferedReader(raw))
    assert raw.taken <= textfile.MAX_ARTICLE_BYTES + 2 * io.DEFAULT_BUFFER_SIZE


def test_dev_stdin_pipe_is_refused_and_dash_reads_stdin_with_the_same_bound():
    load = "import sys; from briefing import corpus; r = corpus.load(sys.argv[1:]); print(r.articles[0].source, r.articles[0].source_label)"
    piped = _run([sys.executable, "-c", load, "-"], stdin=BODY.encode("utf-8"))
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.decode().split() == ["<stdin>", "stdin"]

    big = b"word " * (textfile.MAX_ARTICLE_BYTES // 5 + 200_000)  # 3 MB: over the limit, no stat() can tell
    for target in ("-", "/dev/stdin"):
        done = _run([sys.executable, "-m", "briefing.cli", "export", target], stdin=big)
        assert done.returncode == 1, done.stderr
        err = done.stderr.decode()
        assert err.count("\n") == 1, err
        if target == "-":
            assert "standard input: holds more than the 2 MB limit" in err
        else:  # a pipe named by path: not a regular file
            assert "is a FIFO (named pipe), not a regular file" in err


def test_a_file_named_dash_is_a_file_when_written_as_a_path(tmp_path):
    (tmp_path / "-").write_text(BODY, encoding="utf-8")
    code = "from briefing import corpus; print(corpus.load(['./-']).articles[0].source)"
    done = _run([sys.executable, "-c", code], cwd=tmp_path, stdin=b"")
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().strip() == str(tmp_path / "-")


# -- folders: links, loops, what cannot be read ------------------------------------------


def test_symlinked_folder_is_followed_once_and_a_loop_is_refused(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "far.txt").write_text(BODY, encoding="utf-8")
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "near.txt").write_text(BODY.replace("Tuesday", "Monday"), encoding="utf-8")
    (root / "linked").symlink_to(outside)  # followed: it does not loop
    (root / "sub" / "back").symlink_to(root)  # a loop: refused, with a word
    (root / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    problems: list[str] = []
    files = corpus.discover([root], problems)
    assert [p.relative_to(root).as_posix() for p in files] == ["linked/far.txt", "sub/near.txt"]
    assert problems == [
        f"{root / 'broken.txt'}: cannot be read (No such file or directory); skipped",
        f"{root / 'sub' / 'back'}: a symlink to a folder already read; not followed (it would loop or repeat)",
    ]


UNREADABLE = """
import json, sys
from briefing import corpus
problems = []
files = corpus.discover([sys.argv[1]], problems)
print(json.dumps({"files": [str(p) for p in files], "problems": problems}))
"""


def test_unreadable_subfolder_is_reported(tmp_path):
    import json
    import shutil

    (tmp_path / "ok.txt").write_text(BODY, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text(BODY, encoding="utf-8")
    locked.chmod(0)
    command = [sys.executable, "-c", UNREADABLE, str(tmp_path)]
    if os.geteuid() == 0:  # root reads every folder: run the check without that capability
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv: no folder is unreadable")
        drop = "-dac_override,-dac_read_search"
        command = ["setpriv", f"--inh-caps={drop}", f"--bounding-set={drop}", *command]
    try:
        done = _run(command)
    finally:
        locked.chmod(0o755)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert found["files"] == [str(tmp_path / "ok.txt")]
    assert found["problems"] == [f"{locked}: folder cannot be read (Permission denied); skipped"]


# -- cancelling ------------------------------------------------------------------------


def test_loading_stops_when_cancelled(tmp_path):
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(BODY.replace("three", str(n + 3)), encoding="utf-8")
    cancel = threading.Event()

    def progress(stage: str, done: int, total: int) -> None:
        cancel.set()  # the user pressed q while the first article was being parsed

    result = corpus.load([tmp_path], progress=progress, cancel=cancel)
    assert result.cancelled
    assert len(result.articles) == 1

    cancel.set()
    before = corpus.load([tmp_path], cancel=cancel)  # set before anything was read: no error, nothing loaded
    assert before.cancelled and before.articles == []
