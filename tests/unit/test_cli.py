"""The command line contract: exit codes and one-line messages, run as a real process."""

import subprocess
import sys

import pytest

from briefing import __version__, cli


def run(*args, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "briefing.cli", *args], capture_output=True, text=True, timeout=120, **kwargs
    )


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"briefing {__version__}"


def test_help_lists_the_commands():
    result = run("--help")
    assert result.returncode == 0
    for word in ("export", "models", "PATH"):
        assert word in result.stdout


@pytest.mark.parametrize("command", [["export", "--help"], ["models", "--help"], ["models", "install", "--help"]])
def test_sub_command_help(command):
    assert run(*command).returncode == 0


def test_missing_path_is_exit_1_with_one_line(tmp_path):
    result = run(str(tmp_path / "nope.txt"))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "no such file or folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_option_is_exit_1(tmp_path):
    result = run("export", "--size", "huge")
    assert result.returncode == 1 and "COLSxROWS" in result.stderr and result.stderr.count("\n") == 1


def test_unknown_models_action_is_exit_1():
    result = run("models", "frobnicate")
    assert result.returncode == 1 and "invalid choice" in result.stderr


def test_internal_error_is_exit_2_and_traceback_only_with_debug(monkeypatch, capsys):
    def boom(args):
        raise RuntimeError("kaput")

    monkeypatch.setattr(cli, "_export", boom)
    assert cli.main(["export"]) == 2
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: kaput" in err and "--debug" in err and "Traceback" not in err
    with pytest.raises(RuntimeError):
        cli.main(["export", "--debug"])


def test_the_app_refuses_standard_input_with_one_line_before_opening():
    result = run("-", input="An article piped in.")
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "briefing export -" in result.stderr
