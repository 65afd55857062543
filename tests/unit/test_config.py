import os
from dataclasses import replace

import pytest

from briefing import config


def test_defaults_when_missing(tmp_path):
    assert config.load(tmp_path / "none.toml") == (config.Config(), [])


def test_valid_values(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = "briefing-light"\nfocus = "Samsung, OpenAI"\nkeymap = { "app.quit" = "ctrl+q" }\n')
    cfg, problems = config.load(path)
    assert problems == []
    assert cfg.theme == "briefing-light" and cfg.focus == ("Samsung", "OpenAI") and cfg.keymap == {"app.quit": "ctrl+q"}


def test_bad_values_name_the_key_and_keep_the_default(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = 3\nhighlight = "yes"\ncolour = "red"\nspacy_model = "en_core_web_md"\n')
    cfg, problems = config.load(path)
    assert cfg.theme == config.Config().theme and cfg.highlight is True
    assert cfg.spacy_model == "en_core_web_md"
    assert len(problems) == 3
    assert any("'theme' should be a non-empty string" in p for p in problems)
    assert any("'highlight' should be true or false" in p for p in problems)
    assert any("unknown key 'colour'" in p for p in problems)
    assert all("\n" not in p for p in problems)


def test_broken_toml_is_one_line(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("theme = [unclosed\n")
    cfg, problems = config.load(path)
    assert cfg == config.Config() and len(problems) == 1 and "not valid TOML" in problems[0]


def test_save_round_trip(tmp_path):
    path = tmp_path / "sub" / "config.toml"
    cfg = config.Config(theme="briefing-high-contrast", keymap={"app.quit": "ctrl+q"}, focus=("A", 'B "quoted"'))
    config.save(cfg, path)
    assert config.load(path) == (cfg, [])


USER_FILE = """\
# my settings, written by hand
theme = "briefing-light"   # easier on paper
colour = "red"  # a misspelt key: reported, kept
focus = 3       # a value to correct: reported, kept
highlight = true

[keymap]
# vim-ish
"app.quit" = "ctrl+q"
"""


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    pairs = list(zip(before.splitlines(), after.splitlines(), strict=False))
    return [(a, b) for a, b in pairs if a != b]


def test_save_changes_only_the_key_that_changed(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(USER_FILE, encoding="utf-8")
    cfg, problems = config.load(path)
    assert len(problems) == 2
    config.save(replace(cfg, theme="briefing-high-contrast"), path)
    after = path.read_text(encoding="utf-8")
    assert changed_lines(USER_FILE, after) == [
        ('theme = "briefing-light"   # easier on paper', 'theme = "briefing-high-contrast"   # easier on paper'),
    ]
    assert len(after.splitlines()) == len(USER_FILE.splitlines())
    cfg2, problems2 = config.load(path)
    assert cfg2 == replace(cfg, theme="briefing-high-contrast")
    assert problems2 == problems  # the misspelt key and the bad value are still reported


def test_save_adds_a_new_key_among_the_top_level_ones(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(USER_FILE, encoding="utf-8")
    cfg, _ = config.load(path)
    config.save(replace(cfg, highlight=False, export_dir="~/briefs"), path)
    after = path.read_text(encoding="utf-8")
    assert 'highlight = false' in after and 'export_dir = "~/briefs"' in after
    assert after.index("export_dir") < after.index("[keymap]")  # not swallowed by the table
    for line in USER_FILE.splitlines():
        assert line in after.splitlines() or line.startswith("highlight")
    assert config.load(path)[0] == replace(cfg, highlight=False, export_dir="~/briefs")


def test_save_edits_one_entry_of_a_table(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(USER_FILE, encoding="utf-8")
    cfg, _ = config.load(path)
    config.save(replace(cfg, keymap={"app.quit": "ctrl+q", "app.help": "f2"}), path)
    after = path.read_text(encoding="utf-8")
    assert after.startswith(USER_FILE)  # comments in the table kept, the entry appended
    assert config.load(path)[0].keymap == {"app.quit": "ctrl+q", "app.help": "f2"}
    config.save(replace(cfg, keymap={"app.help": "f2"}), path)
    assert "app.quit" not in path.read_text(encoding="utf-8") and "# vim-ish" in path.read_text(encoding="utf-8")


def test_save_keeps_what_was_edited_by_hand_meanwhile(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = "briefing-light"\n', encoding="utf-8")
    cfg, _ = config.load(path)
    path.write_text('theme = "briefing-light"\nspacy_model = "en_core_web_md"  # edited while the app ran\n', encoding="utf-8")
    config.save(replace(cfg, highlight=False), path)
    assert config.load(path) == (config.Config(theme="briefing-light", highlight=False, spacy_model="en_core_web_md"), [])
    assert "# edited while the app ran" in path.read_text(encoding="utf-8")


def test_save_leaves_a_broken_file_alone(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("theme = [unclosed\n# notes\n", encoding="utf-8")
    with pytest.raises(OSError, match="not valid TOML"):  # OSError: what the app reports as 'could not save'
        config.save(config.Config(highlight=False), path)
    assert path.read_text(encoding="utf-8") == "theme = [unclosed\n# notes\n"


def test_save_without_a_change_does_not_write(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(USER_FILE, encoding="utf-8")
    os.utime(path, (1_000_000, 1_000_000))
    config.save(config.load(path)[0], path)
    assert path.stat().st_mtime == 1_000_000 and path.read_text(encoding="utf-8") == USER_FILE


@pytest.mark.anyio
async def test_the_app_saves_theme_and_colours_in_place(tmp_path, monkeypatch):
    """ctrl+t and `c` in the real app: the user's file keeps its comments and its mistakes."""
    from briefing.store import Cache
    from briefing.tui.app import BriefingApp

    monkeypatch.setenv("BRIEFING_CONFIG_DIR", str(tmp_path / "config"))
    path = tmp_path / "config" / "config.toml"
    path.parent.mkdir()
    path.write_text(USER_FILE, encoding="utf-8")
    app = BriefingApp(cache=Cache(tmp_path / "cache.sqlite3"), analyse=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        theme = app.theme
    assert theme != "briefing-light"
    after = path.read_text(encoding="utf-8")
    assert changed_lines(USER_FILE, after) == [
        ('theme = "briefing-light"   # easier on paper', f'theme = "{theme}"   # easier on paper'),
        ("highlight = true", "highlight = false"),
    ]
    assert len(config.load(path)[1]) == 2
