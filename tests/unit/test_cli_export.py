"""`briefing export` end to end, in process, with sockets blocked."""

import pytest
from markdown_it import MarkdownIt

from briefing import cli


@pytest.fixture
def run(isolated_dirs, no_network, capsys):
    def run(*args):
        code = cli.main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_markdown_to_a_file(run, tmp_path, no_network):
    target = tmp_path / "brief.md"
    code, out, err = run("export", "-o", str(target))
    assert code == 0 and out == "" and f"wrote {target}" in err
    tokens = MarkdownIt("commonmark").parse(target.read_text(encoding="utf-8"))
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert "Bottom line" in " ".join(headings) and "Key facts" in " ".join(headings)
    assert no_network == []  # nothing even tried to connect


def test_text_fits_the_size(run):
    code, out, _ = run("export", "--format", "text", "--size", "80x24")
    lines = out.rstrip("\n").split("\n")
    assert code == 0 and len(lines) <= 24 and max(len(line) for line in lines) <= 80


def test_focus_is_honoured(run):
    code, out, _ = run("export", "--format", "text", "--focus", "SK Group, Chey Tae-won")
    assert code == 0 and "focus: SK Group" in out.split("\n")[0]


def test_unwritable_output_is_a_user_error(run, tmp_path):
    code, _, err = run("export", "-o", str(tmp_path / "missing-folder" / "x.md"))
    assert code == 1 and err.startswith("briefing: cannot write")


def test_export_of_a_missing_path(run, tmp_path):
    code, _, err = run("export", str(tmp_path / "nope"))
    assert code == 1 and "no such file or folder" in err


def test_a_one_article_corpus_with_little_in_it(run, tmp_path):
    (tmp_path / "a.txt").write_text("Short note\n\nThe weather was fine today.\n", encoding="utf-8")
    code, out, _ = run("export", "--format", "text", str(tmp_path))
    assert code == 0 and "· 1 source (en)" in out and "The weather was fine today. [1]" in out
    code, out, _ = run("export", str(tmp_path))
    assert code == 0 and "Nothing found in the sources." in out and "1 source in 1 language (en)" in out


def test_a_bad_spacy_model_in_the_config_falls_back_with_one_warning(run, isolated_dirs):
    _, config = isolated_dirs
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text('spacy_model = "en_core_web_typo"\n', encoding="utf-8")
    code, out, err = run("export", "--format", "text")
    assert code == 0 and "BOTTOM LINE" in out
    warnings = [line for line in err.splitlines() if "en_core_web_typo" in line]
    assert len(warnings) == 1 and "not installed" in warnings[0] and "instead" in warnings[0]
