"""`briefing translate PATH...`: the English view on stdout with each sentence's provenance."""

from __future__ import annotations

import os
import subprocess
import sys

from argos_fixture import copy_model, package_dir  # noqa: F401

GERMAN = "Sam Altman besuchte am Freitag eine Fabrik in Pyeongtaek. Die Gespräche dauerten drei Stunden."
VIETNAMESE = "Sam Altman đã gặp Lee Jae-yong tại Seoul. Cuộc họp kéo dài ba giờ."
ENGLISH = "OpenAI and SoftBank met in Seoul on Tuesday. The talks lasted three hours."


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    code = "import sys; from briefing.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120)


def test_translate_prints_each_sentence_with_its_provenance(tmp_path, copy_model):  # noqa: F811
    packages = tmp_path / "packages"
    package_dir(copy_model, packages, "de")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "de.txt").write_text(GERMAN, encoding="utf-8")
    (corpus / "vi.txt").write_text(VIETNAMESE, encoding="utf-8")
    (corpus / "vi2.txt").write_text(VIETNAMESE.replace("ba giờ", "bốn giờ"), encoding="utf-8")
    (corpus / "vi2.en.txt").write_text("Sam Altman met Lee Jae-yong in Seoul. The meeting lasted four hours.", encoding="utf-8")
    (corpus / "en.txt").write_text(ENGLISH, encoding="utf-8")
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(packages), "BRIEFING_CACHE_DIR": str(tmp_path / "cache")}
    first = run(["translate", str(corpus)], env)
    assert first.returncode == 0, first.stderr
    by_name: dict[str, list[str]] = {}
    for line in first.stdout.splitlines():
        if line.startswith("# ") and " → en: " in line:  # an article's header
            current = by_name.setdefault(line.split(" (")[0].rsplit("/", 1)[1], [])
        else:
            current.append(line.removeprefix("# "))
    assert by_name["de.txt"] == [  # the copy model's "English" is its input
        "machine\tSam Altman besuchte am Freitag eine Fabrik in Pyeongtaek.",
        "machine\tDie Gespräche dauerten drei Stunden.",
    ]
    assert by_name["en.txt"] == ["original\tOpenAI and SoftBank met in Seoul on Tuesday.", "original\tThe talks lasted three hours."]
    assert by_name["vi2.txt"][0] == "provided\tSam Altman met Lee Jae-yong in Seoul."
    assert by_name["vi.txt"][0].startswith("No Argos package exists for Vietnamese (vi)")  # the notice line
    assert by_name["vi.txt"][1:] == ["untranslated\tSam Altman đã gặp Lee Jae-yong tại Seoul.", "untranslated\tCuộc họp kéo dài ba giờ."]
    assert "(de → en: machine, translate-de_en 1.0)" in first.stdout

    again = run(["translate", str(corpus / "de.txt")], env)  # the same sentences: from the cache
    assert again.stdout.splitlines()[1:] == [
        "cached\tSam Altman besuchte am Freitag eine Fabrik in Pyeongtaek.",
        "cached\tDie Gespräche dauerten drei Stunden.",
    ]


def test_translate_to_another_language_is_a_user_error(tmp_path):
    result = run(["translate", "--to", "fr"], {**os.environ, "BRIEFING_CACHE_DIR": str(tmp_path / "cache")})
    assert result.returncode == 1
    assert result.stderr.strip() == "briefing: translation goes to English only: use `--to en` (not 'fr')"
