"""The command line of DESIGN.md.

Exit codes: 0 success, 1 a user error (one line: what is wrong and how to mend
it), 2 an internal error (the traceback only with --debug).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from . import __version__, sanitize
from .errors import UserError

COMMANDS = ("export", "models", "translate", "fetch")

MAIN_HELP = """\
briefing: brief a decision-maker from news written in several languages.

  briefing                      open the app on the library (what fetch saved), else the sample corpus
  briefing PATH...              open the app on these articles (.txt, .md, .html, feeds) or folders
  briefing export [PATH...]     write the briefing without the app (see export --help)
  briefing models ...           list, install or remove offline translation models
  briefing translate PATH...    each article's English view, sentence by sentence, with provenance
  briefing fetch URL...         save web pages and feeds into the library (the only command that goes online)
"""


class Parser(argparse.ArgumentParser):
    """argparse, but a bad option is a user error (exit 1), not exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UserError(f"{message} (see `{self.prog} --help`)")


def _size(text: str) -> tuple[int, int]:
    try:
        cols, rows = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not COLSxROWS, e.g. 100x30") from None
    if cols < 40 or rows < 10:
        raise argparse.ArgumentTypeError(f"'{text}' is too small: at least 40x10")
    return cols, rows


def _parsers() -> dict[str, Parser]:
    main = Parser(prog="briefing", description=MAIN_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    main.add_argument("paths", nargs="*", metavar="PATH",
                      help="articles (.txt, .md, .html, feeds) or folders of them (default: the library, else the sample corpus)")
    main.add_argument("--version", action="version", version=f"briefing {__version__}")
    main.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")

    export = Parser(prog="briefing export", description="Write the briefing without the app.")
    export.add_argument("paths", nargs="*", metavar="PATH", help="articles or folders (default: the sample corpus)")
    export.add_argument("-o", "--output", type=Path, help="write to FILE (default: standard output)")
    export.add_argument("--format", choices=("md", "text"), default="md", help="md: full Markdown; text: one screen")
    export.add_argument("--size", type=_size, default=(100, 30), metavar="COLSxROWS", help="screen size for text")
    export.add_argument("--focus", help='names to centre the briefing on, e.g. "Samsung, OpenAI"')
    export.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)

    models = Parser(prog="briefing models", description="Offline translation models (Argos Translate).")
    models.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    actions = models.add_subparsers(dest="action", required=True, parser_class=Parser)
    listing = actions.add_parser("list", help="installed models, and corpus languages that lack one")
    listing.add_argument("paths", nargs="*", metavar="PATH", help="corpus to check (default: the sample corpus)")
    install = actions.add_parser("install", help="install LANG -> English from the Argos index, or a FILE.argosmodel")
    install.add_argument("targets", nargs="+", metavar="LANG|FILE")
    remove = actions.add_parser("remove", help="remove the LANG -> English model")
    remove.add_argument("targets", nargs="+", metavar="LANG")
    translate = Parser(prog="briefing translate", description="Print each article's English view with each sentence's provenance.")
    translate.add_argument("paths", nargs="*", metavar="PATH", help="articles or folders (default: the sample corpus)")
    translate.add_argument("--to", default="en", help="target language (only en)")
    translate.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    fetch = Parser(prog="briefing fetch", description="Save web pages and feeds into the library, as fetched.")
    fetch.add_argument("urls", nargs="+", metavar="URL", help="a page or a feed (RSS, Atom, JSON Feed)")
    fetch.add_argument("-d", "--dir", type=Path, help="the library folder (default: the user's data folder)")
    fetch.add_argument("--follow", action="store_true", help="also save the pages a feed's entries link to")
    fetch.add_argument("--limit", type=int, default=20, metavar="N", help="pages to follow per feed (default 20)")
    fetch.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    return {"main": main, "export": export, "models": models, "translate": translate, "fetch": fetch}


@contextmanager
def _progress() -> Iterator:
    """A Rich progress bar on stderr when it is a terminal; silence otherwise."""
    if sys.stderr is None or not sys.stderr.isatty():
        yield lambda stage, done, total: None
        return
    from rich.console import Console
    from rich.progress import Progress, TaskID

    with Progress(console=Console(stderr=True), transient=True) as bar:
        tasks: dict[str, TaskID] = {}

        def report(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield report


def _say(message: object) -> None:
    """One sanitised line on stderr; nothing if stderr is closed or fails (the exit code still tells)."""
    if sys.stderr is None:
        return
    try:
        sys.stderr.write(f"briefing: {sanitize.line(message)}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _warn(message: str) -> None:
    _say(f"warning: {message}")


def _shown(path: object, limit: int = 160) -> str:
    """A path for a message: sanitised, and shortened in the middle when very long."""
    text = sanitize.path(str(path))
    return text if len(text) <= limit else f"{text[: limit // 2]}…{text[-limit // 3 :]}"


def _stdout() -> TextIO:
    """sys.stdout, or a user error when it was closed before we started (`>&-`)."""
    if sys.stdout is None:
        raise UserError("standard output is closed: redirect it to a file, or use -o FILE")
    return sys.stdout


def _write_stdout(text: str) -> None:
    stream = _stdout()
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        _discard_stdout()
        raise
    except OSError as error:
        _discard_stdout()
        raise UserError(f"cannot write to standard output: {error.strerror or error}; use -o FILE") from None


def _discard_stdout() -> None:
    """Point fd 1 at /dev/null, so the interpreter's last flush of what is buffered cannot fail again."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass


def _guard_standard_fds() -> None:
    """Put /dev/null on a closed fd 0, 1 or 2, so no file opened later takes that number.

    Else the cache file opened as fd 2 would receive our error messages.
    """
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            opened = os.open(os.devnull, os.O_RDWR)  # takes the lowest free number: fd
            if opened != fd:
                os.close(opened)


def _export(args: argparse.Namespace) -> int:
    from . import config as config_module
    from . import corpus, export, pipeline
    from .brief import build, fit_text
    from .entities.pipeline import model_problem
    from .store import Cache

    to_stdout = args.output is None or str(args.output) == "-"
    if to_stdout:
        _stdout()  # closed: say so before the work, not after
    inputs = _inputs(args.paths)
    if not to_stdout:
        try:
            export.check_target(args.output, inputs)  # refused before the work, not after
        except OSError as error:
            raise UserError(f"cannot write {_shown(args.output)}: {error.strerror or error}") from None
    config, problems = config_module.load()
    for problem in [*problems, model_problem(config.spacy_model)]:
        if problem:
            _warn(problem)
    focus = [p.strip() for p in args.focus.split(",") if p.strip()] if args.focus else list(config.focus) or None
    with Cache(warn=_warn) as cache, _progress() as progress:
        loaded = corpus.load(args.paths or corpus.default_paths()[0], cache, progress)
        for problem in loaded.problems:
            _warn(problem)
        analysis = pipeline.analyse(loaded.articles, cache, progress, config=config)
        for problem in analysis.problems:
            _warn(problem)
        briefing = build(analysis, focus=focus, size=args.size)
    text = fit_text(briefing, args.size) if args.format == "text" else export.markdown(briefing, analysis)
    text = text if text.endswith("\n") else text + "\n"
    if to_stdout:
        _write_stdout(text)
        return 0
    try:
        export.write(args.output, text, protect=inputs)
    except OSError as error:
        raise UserError(f"cannot write {_shown(args.output)}: {error.strerror or error}") from None
    _say(f"wrote {_shown(args.output)}")
    return 0


def _inputs(paths: list[str]) -> list[Path]:
    """The article files and their provided translations: an output must never overwrite them."""
    from . import corpus

    default = corpus.default_paths()[0]
    files = corpus.discover(paths or default or []) if paths or default else corpus.seed_paths()
    found = list(files)
    for path in files:
        stem = path.name[: -len(path.suffix)] if path.suffix else path.name
        found += [path.with_name(f"{stem}.en{suffix}") for suffix in corpus.SUFFIXES]
    return found


def _fetch(args: argparse.Namespace) -> int:
    from .paths import library_dir
    from .web import fetch

    if args.limit < 0:
        raise UserError("--limit takes a number of pages, 0 or more")
    folder = args.dir or library_dir()
    with _progress() as progress:
        result = fetch.fetch(args.urls, folder, follow=args.follow, limit=args.limit, report=progress)
    for failure in result.failures:
        _say(failure)
    _say(f"{len(result.saved)} saved, {len(result.unchanged)} unchanged, {len(result.failures)} failed, in {_shown(folder)}")
    return 1 if result.failures and not (result.saved or result.unchanged) else 0


def _translate(args: argparse.Namespace) -> int:
    from .translate import english

    with _progress() as progress:
        return english.run(args.paths, args.to, _stdout(), _warn, progress)


def _models(args: argparse.Namespace) -> int:
    from .translate import commands

    targets = getattr(args, "targets", [])
    with contextlib.ExitStack() as stack:  # a closed stderr: progress goes nowhere
        err = sys.stderr if sys.stderr is not None else stack.enter_context(open(os.devnull, "w"))
        return commands.run(args.action, targets, getattr(args, "paths", []), _stdout(), err)


def _open_app(args: argparse.Namespace) -> int:
    from . import corpus

    if "-" in args.paths:
        raise UserError("the app reads the terminal, so it cannot read an article from standard input; "
                        "save it to a file, or use `briefing export -`")
    if args.paths:
        corpus.discover(args.paths)  # a bad path is a one-line error before the screen opens
    library, name = corpus.default_paths()
    paths = [str(p) for p in args.paths or library or []]
    from .tui.app import BriefingApp

    return run_app(BriefingApp(paths=paths, corpus_name="" if args.paths else name), debug=args.debug)


def run_app(app: Any, *, debug: bool = False, headless: bool = False) -> int:
    """Run a Textual app: a crash inside it is an internal error, its traceback only with --debug.

    Textual catches the exception, prints its traceback to `app.error_console` on exit
    and keeps the exception in `_exception` (its test harness re-raises it from there).
    """
    if not debug:
        from rich.console import Console

        app.error_console = Console(file=io.StringIO())
    app.run(headless=headless)
    error = getattr(app, "_exception", None)
    if error is not None:
        if debug:
            return 2  # Textual has shown the traceback
        raise error
    return app.return_code or 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    _guard_standard_fds()
    try:
        parsers = _parsers()
        if argv and argv[0] in COMMANDS:
            args = parsers[argv[0]].parse_args(argv[1:])
            return {"export": _export, "models": _models, "translate": _translate, "fetch": _fetch}[argv[0]](args)
        return _open_app(parsers["main"].parse_args(argv))
    except UserError as error:
        _say(error)
        return 1
    except KeyboardInterrupt:
        _say("interrupted")
        return 130
    except BrokenPipeError:  # the reader went away (`| head`): not an error
        _discard_stdout()
        return 0
    except OSError as error:  # the system refused (permissions, a full disk): the user can mend it
        if debug:
            raise
        where = f" ({_shown(error.filename)})" if error.filename else ""
        _say(f"{error.strerror or error}{where}")
        return 1
    except Exception as error:  # an internal error: say so, and how to see more
        if debug:
            raise
        _say(f"internal error: {type(error).__name__}: {error} (run again with --debug for details)")
        return 2


if __name__ == "__main__":
    sys.exit(main())
