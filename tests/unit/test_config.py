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
