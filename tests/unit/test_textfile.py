"""Reading article files: encodings, binary, empty, huge, vanishing files, escapes."""

import codecs

import pytest

from briefing import textfile
from briefing.errors import UserError

GERMAN = "Größere Übernahme: Müller sagt „Grüße“ – für 5 € am Montag."


@pytest.mark.parametrize(
    "data, encoding",
    [
        (codecs.BOM_UTF8 + GERMAN.encode("utf-8"), "utf-8 (BOM)"),
        (codecs.BOM_UTF16_LE + GERMAN.encode("utf-16-le"), "utf-16-le (BOM)"),
        (codecs.BOM_UTF16_BE + GERMAN.encode("utf-16-be"), "utf-16-be (BOM)"),
        (GERMAN.encode("cp1252"), "windows-1252"),
        (GERMAN.replace("„", '"').replace("“", '"').replace("–", "-").replace("€", "EUR").encode("latin-1"), "windows-1252"),
    ],
)
def test_encodings_are_decoded_right(tmp_path, data, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    result = textfile.read(path)
    assert result.encoding == encoding
    assert "Größere Übernahme: Müller" in result.text
    assert "\ufeff" not in result.text


# Real news prose in each legacy encoding: cp1252 read them as garbage with invented languages.
LEGACY = {
    "shift_jis": (
        "ja",
        "東京で開かれた会議では、サムスン電子とソフトバンクの首脳が人工知能への投資について話し合った。"
        "合意はまだない。\n関係者によると、次の会合は来月に予定されている。",
    ),
    "gb18030": (
        "zh",
        "三星电子、OpenAI和软银的负责人在首尔会面，讨论人工智能基础设施的投资。双方尚未达成协议。\n"
        "据知情人士透露，下一次会议定于下个月举行。",
    ),
    "koi8_r": (
        "ru",
        "Руководители Samsung, OpenAI и SoftBank встретились в Сеуле, чтобы обсудить инвестиции "
        "в инфраструктуру искусственного интеллекта.\nСоглашение пока не достигнуто.",
    ),
    "euc_kr": (
        "ko",
        "삼성전자와 오픈AI, 소프트뱅크 수장들이 서울에서 만나 인공지능 인프라 투자를 논의했다. 합의는 아직 없다.\n"
        "관계자에 따르면 다음 회의는 다음 달로 예정돼 있다.",
    ),
    "big5": (
        "zh",
        "三星電子、OpenAI和軟銀的負責人在首爾會面，討論人工智慧基礎設施的投資。雙方尚未達成協議。\n"
        "據知情人士透露，下一次會議定於下個月舉行。",
    ),
    "cp1251": (
        "ru",
        "Председатель Samsung Electronics Ли Чжэ Ён принял Сэма Альтмана и Масаёси Сона в Сеуле. "
        "Стороны обсудили совместный проект Stargate.\nПодробности сделки не раскрываются.",
    ),
}


@pytest.mark.parametrize("codec", sorted(LEGACY))
def test_legacy_non_latin_encodings_are_detected(codec):
    _, prose = LEGACY[codec]
    text, encoding = textfile.decode(prose.encode(codec))
    assert text == prose
    # a superset that decodes the same bytes is as good: cp932 (Shift-JIS as Windows writes it), cp949
    assert codecs.lookup(encoding).name in {codecs.lookup(codec).name, "cp932", "cp949"}


@pytest.mark.parametrize("codec", sorted(LEGACY))
def test_legacy_articles_get_their_language(tmp_path, codec):
    from briefing import corpus

    lang, prose = LEGACY[codec]
    path = tmp_path / f"{codec}.txt"
    path.write_bytes(prose.encode(codec))
    (article,) = corpus.load([path]).articles
    assert article.lang == lang
    assert article.paragraphs[0] in prose


def test_latin1_bytes_undefined_in_cp1252_fall_back_to_latin1():
    text, encoding = textfile.decode("caf\xe9 \x81".encode("latin-1"))
    assert encoding == "latin-1"
    assert text.startswith("café")


def test_crlf_line_ends_become_newlines(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Title line\r\n\r\nBody sentence one. Body two.\r\n")
    assert textfile.read(path).text == "Title line\n\nBody sentence one. Body two.\n"


def test_binary_file_is_named_as_binary(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(UserError, match="binary"):
        textfile.read(path)


@pytest.mark.parametrize("content", [b"", b"   \n\n\t \n"])
def test_empty_file_is_named_as_empty(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(UserError, match="empty"):
        textfile.read(path)


def test_huge_file_is_refused_without_being_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # a sparse 50 MB file: cheap to make
        handle.seek(50 * 1024 * 1024 - 1)
        handle.write(b"x")
    monkeypatch.setattr(textfile, "read_bounded", lambda handle: pytest.fail("a huge file was read"))
    with pytest.raises(UserError, match=r"52\.4 MB, over the 2 MB limit"):
        textfile.read(path)


def test_file_that_disappears_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="disappeared"):
        textfile.read(tmp_path / "gone.txt")


def test_terminal_escapes_are_stripped_and_reported():
    raw = "Safe \x1b]52;c;ZXZpbA==\x07text\x1b[2J here\x1b[31m red\x1b[0m \u202eevil\x07 end"
    read = textfile.from_bytes(raw.encode("utf-8"))  # the one rule, briefing.sanitize, applied on reading
    clean, stripped = read.text, read.stripped
    assert clean == "Safe text here red evil end"
    assert "\x1b" not in clean and "\u202e" not in clean
    assert len(stripped) == 6
    assert any("52;" in s for s in stripped)


def test_rich_markup_is_kept_as_data():
    read = textfile.from_bytes(b"Price [bold red]rises[/] by [link=http://x]5%[/link].")
    clean, stripped = read.text, read.stripped
    assert clean == "Price [bold red]rises[/] by [link=http://x]5%[/link]."
    assert stripped == ()
