"""The command line of DESIGN.md.

Exit codes: 0 success, 1 a user error (one line: what is wrong and how to mend
it), 2 an internal error (the traceback only with --debug).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from . import __version__
from .errors import UserError

COMMANDS = ("export", "models", "translate")

MAIN_HELP = """\
briefing: brief a decision-maker from news written in several languages.

  briefing                      open the app on the bundled sample corpus
  briefing PATH...              open the app on these .txt/.md files or folders
  briefing export [PATH...]     write the briefing without the app (see export --help)
  briefing models ...           list, install or remove offline translation models
  briefing translate PATH...    each article's English view, sentence by sentence, with provenance
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
    main.add_argument("paths", nargs="*", metavar="PATH", help="articles (.txt, .md) or folders of them")
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
    return {"main": main, "export": export, "models": models, "translate": translate}


@contextmanager
def _progress() -> Iterator:
    """A Rich progress bar on stderr when it is a terminal; silence otherwise."""
    if not sys.stderr.isatty():
        yield lambda stage, done, total: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        tasks: dict[str, int] = {}

        def report(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield report


def _warn(message: str) -> None:
    print(f"briefing: warning: {message}", file=sys.stderr)


def _export(args: argparse.Namespace) -> int:
    from . import config as config_module
    from . import corpus, export, pipeline
    from .brief import build, fit_text
    from .store import Cache

    config, problems = config_module.load()
    for problem in problems:
        _warn(problem)
    focus = [p.strip() for p in args.focus.split(",") if p.strip()] if args.focus else list(config.focus) or None
    with Cache(warn=_warn) as cache, _progress() as progress:
        loaded = corpus.load(args.paths or None, cache, progress)
        for problem in loaded.problems:
            _warn(problem)
        analysis = pipeline.analyse(loaded.articles, cache, progress, config=config)
        briefing = build(analysis, focus=focus, size=args.size)
    text = fit_text(briefing, args.size) if args.format == "text" else export.markdown(briefing, analysis)
    if args.output:
        try:
            export.write_atomic(args.output, text)
        except OSError as error:
            raise UserError(f"cannot write {args.output}: {error.strerror or error}") from None
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def _translate(args: argparse.Namespace) -> int:
    from .translate import english

    with _progress() as progress:
        return english.run(args.paths, args.to, sys.stdout, _warn, progress)


def _models(args: argparse.Namespace) -> int:
    from .translate import commands

    targets = getattr(args, "targets", [])
    return commands.run(args.action, targets, getattr(args, "paths", []), sys.stdout, sys.stderr)


def _open_app(args: argparse.Namespace) -> int:
    from . import corpus

    if args.paths:
        corpus.discover(args.paths)  # a bad path is a one-line error before the screen opens
    from .tui.app import BriefingApp

    BriefingApp(paths=args.paths).run()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    try:
        parsers = _parsers()
        if argv and argv[0] in COMMANDS:
            args = parsers[argv[0]].parse_args(argv[1:])
            return {"export": _export, "models": _models, "translate": _translate}[argv[0]](args)
        return _open_app(parsers["main"].parse_args(argv))
    except UserError as error:
        print(f"briefing: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # an internal error: say so, and how to see more
        if debug:
            raise
        print(f"briefing: internal error: {type(error).__name__}: {error} (run again with --debug for details)", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
