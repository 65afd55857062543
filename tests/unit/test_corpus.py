"""Loading the corpus: the seeds, cleaning that keeps what it removes, and bad input."""

import datetime as dt
import os
from pathlib import Path

import pytest

from briefing import corpus
from briefing.errors import UserError
from briefing.store import Cache


@pytest.fixture(scope="module")
def seeds():
    return corpus.load_seeds()


def test_seeds_are_the_default_corpus(seeds):
    assert [a.lang for a in seeds] == ["vi", "hu", "en", "de", "en"]
    assert len({a.id for a in seeds}) == 5
    assert all(len(a.id) == 16 for a in seeds)


def test_ids_are_content_hashes_stable_across_paths(tmp_path, seed_paths):
    copy = tmp_path / "renamed.txt"
    copy.write_bytes(seed_paths[2].read_bytes())
    (article,) = corpus.load([copy]).articles
    assert article.id == corpus.load([seed_paths[2]]).articles[0].id


def test_adverts_furniture_bylines_and_datelines_are_set_aside(seeds):
    summit, visit = seeds[2], seeds[4]
    kinds = {(r.kind, r.text) for r in summit.removed}
    assert ("furniture", "56.8 F") in kinds
    assert ("furniture", "Los Angeles") in kinds
    assert ("advert", "- Advertisement -") in kinds
    assert ("byline", "BY LEE JAE-LIM [lee.jaelim@joongang.co.kr]") in kinds
    assert summit.byline == "Lee Jae-Lim"
    assert summit.date == dt.date(2025, 2, 4)
    assert summit.date_text == "Tuesday, February 4, 2025"
    assert visit.date == dt.date(2024, 1, 31)
    for article in (summit, visit):
        body = article.text
        for removed in article.removed:
            assert removed.text not in body.split("\n\n")


def test_german_byline_and_ad_markers(seeds):
    german = seeds[3]
    assert german.byline == "Park Jae-hyuk"
    assert [r.text for r in german.removed if r.kind == "advert"] == ["[ad_1]", "[ad_2]"]
    # a body sentence that starts like a byline stays in the body
    assert any(s.text.startswith("Von Altman wurde erwartet") for s in german.sentences)


def test_headlines_and_titles(seeds):
    assert seeds[2].headline and seeds[2].title.startswith("Samsung, OpenAI, and SoftBank chiefs")
    assert seeds[3].headline and seeds[3].title.startswith("Der KI-Mogul")
    assert not seeds[1].headline  # the Hungarian lead is a sentence, not a headline
    assert len(seeds[0].title) <= 101 and seeds[0].title.endswith("…")


def test_sentence_offsets_point_into_the_text(seeds):
    for article in seeds:
        text = article.text
        assert article.sentences
        for sentence in article.sentences:
            assert text[sentence.start : sentence.end] == sentence.text
            assert sentence.text in article.paragraphs[sentence.paragraph]


def test_dateline_in_the_article_language(tmp_path):
    path = tmp_path / "de.txt"
    path.write_text(
        "15. März 2024\n\nDie Bundesregierung hat am Freitag neue Regeln für die Industrie beschlossen. "
        "Die Unternehmen müssen ihre Berichte künftig früher vorlegen.\n",
        encoding="utf-8",
    )
    (article,) = corpus.load([path]).articles
    assert article.lang == "de"
    assert article.date == dt.date(2024, 3, 15)


def test_a_list_of_days_is_an_archive_s_navigation_not_the_dateline(tmp_path):
    """A gallery page lists the days of its archive ("March 31, 2015", "March 30, 2015", ...)
    above an entry of November 2013: none of them is the article's date (its "November 7"
    would be read as 2014). One date alone, or a date given twice, is still the dateline."""
    body = "Super Typhoon Haiyan made its first landfall in the Philippines on November 7, the agency said.\n"
    listed = tmp_path / "gallery.txt"
    listed.write_text("Home\n\nMarch 31, 2015\n\nMarch 30, 2015\n\nMarch 29, 2015\n\n" + body, encoding="utf-8")
    single = tmp_path / "single.txt"
    single.write_text("Home\n\nNovember 16, 2013\n\n" + body, encoding="utf-8")
    twice = tmp_path / "twice.txt"
    twice.write_text("November 16, 2013\nNovember 16, 2013\nNovember 16, 2013\n\n" + body, encoding="utf-8")
    by_name = {Path(a.source).name: a for a in corpus.load([tmp_path]).articles}
    assert by_name["gallery.txt"].date is None
    assert "March 31, 2015" not in by_name["gallery.txt"].text  # set aside as furniture, not body text
    assert by_name["single.txt"].date == dt.date(2013, 11, 16)
    assert by_name["twice.txt"].date == dt.date(2013, 11, 16)


def test_missing_path_is_one_clear_error(tmp_path):
    with pytest.raises(UserError, match="no such file or folder"):
        corpus.load([tmp_path / "nope"])


def test_folder_without_articles(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    with pytest.raises(UserError, match=r"holds no articles \(\.txt, \.md, \.html, \.xml feeds\)"):
        corpus.load([tmp_path])


def test_folders_recursive_sorted_hidden_skipped_sidecars_skipped(tmp_path, seed_paths):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "2.txt").write_bytes(seed_paths[4].read_bytes())
    (tmp_path / "1.txt").write_bytes(seed_paths[2].read_bytes())
    (tmp_path / "1.en.txt").write_text("A provided translation.", encoding="utf-8")
    (tmp_path / ".hidden" / "x.txt").write_bytes(seed_paths[0].read_bytes())
    (tmp_path / ".dot.txt").write_bytes(seed_paths[1].read_bytes())
    files = corpus.discover([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in files] == ["1.txt", "b/2.txt"]


def test_bad_files_are_reported_and_the_rest_still_loads(tmp_path, seed_paths):
    good = tmp_path / "good.txt"
    good.write_bytes(seed_paths[2].read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "dupe.txt").write_bytes(seed_paths[2].read_bytes())
    result = corpus.load([tmp_path])
    assert [a.source for a in result.articles] == [str(tmp_path / "dupe.txt")]
    problems = "\n".join(result.problems)
    assert "binary.txt: looks binary" in problems
    assert "empty.txt: is empty" in problems
    assert "good.txt: same text as an article already loaded" in problems


def test_file_vanishing_between_listing_and_reading(tmp_path, seed_paths, monkeypatch):
    keep, vanish = tmp_path / "a.txt", tmp_path / "b.txt"
    keep.write_bytes(seed_paths[2].read_bytes())
    vanish.write_bytes(seed_paths[4].read_bytes())
    real_discover = corpus.discover

    def discover_then_delete(paths, problems=None):
        found = real_discover(paths, problems)
        os.remove(vanish)
        return found

    monkeypatch.setattr(corpus, "discover", discover_then_delete)
    result = corpus.load([tmp_path])
    assert len(result.articles) == 1
    assert result.problems == [f"{vanish}: disappeared before it could be read"]


def test_nothing_loadable_is_a_user_error(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(UserError, match=r"no article could be loaded: .*empty\.txt: is empty"):
        corpus.load([tmp_path])


def test_escape_sequences_and_markup_are_data(tmp_path):
    path = tmp_path / "evil.txt"
    path.write_text(
        "Headline with [bold red]markup[/]\n\nThe chairman \x1b]52;c;ZXZpbA==\x07met the press \x1b[2Jon Monday. "
        "He said [link=https://evil.example]click[/link] nothing more.\n",
        encoding="utf-8",
    )
    (article,) = corpus.load([path]).articles
    assert "\x1b" not in article.text
    assert article.title == "Headline with [bold red]markup[/]"
    assert "[link=https://evil.example]click[/link]" in article.text
    assert [r.kind for r in article.removed].count("control") == 2


def test_hard_wrapped_markdown_is_joined_into_paragraphs(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "# A market note\n\nThe central bank left its rates unchanged on Thursday and said\n"
        "inflation was slowing faster than it had expected in the spring.\n\n"
        "See [the statement](https://example.com) for details.\n",
        encoding="utf-8",
    )
    (article,) = corpus.load([path]).articles
    assert article.title == "A market note"
    assert article.paragraphs[1].startswith("The central bank left its rates unchanged on Thursday and said inflation")
    assert article.paragraphs[2] == "See the statement for details."


def test_a_caption_line_above_the_lead_is_no_wrapped_line_of_it(tmp_path):
    # as VOA pages print a photo's caption twice above the lead, in a sidecar as in the original
    caption = "US Secretary of State John Kerry (file photo)"
    lead = ("US Secretary of State John Kerry has strongly condemned the leader of North Korea, calling him"
            " reckless and ruthless in an interview broadcast on Sunday morning by the US network ABC.")
    path = tmp_path / "a.txt"
    path.write_text(f"Kerry condemns Kim\n\n{caption}\n{caption}\n{lead}\n", encoding="utf-8")
    (article,) = corpus.load([path]).articles
    assert article.paragraphs[-3:] == (caption, caption, lead)


def test_cached_articles_skip_parsing(tmp_path, seed_paths, monkeypatch):
    cache = Cache(tmp_path / "c.sqlite3")
    first = corpus.load(seed_paths, cache).articles
    monkeypatch.setattr(corpus, "parse", lambda *a, **k: pytest.fail("parsed again despite the cache"))
    again = corpus.load(seed_paths, cache).articles
    assert again == first


def test_sidecars_given_by_a_glob_go_with_their_article(tmp_path, seed_paths):
    article, sidecar = tmp_path / "a.txt", tmp_path / "a.en.txt"
    article.write_bytes(seed_paths[3].read_bytes())
    sidecar.write_text("The AI mogul also meets SK Hynix executives.", encoding="utf-8")
    assert corpus.discover([article, sidecar]) == [article]
    with pytest.raises(UserError, match="only provided translations"):
        corpus.discover([sidecar])


def test_the_title_is_the_headline_not_the_pages_skip_links(tmp_path):
    """Pages saved as text open with skip links and section names; the headline shares the story's words."""
    cases = {
        "voa.txt": ("News / Asia\n\nCaptain of Sunken Ferry Arrested by Police\n\nZlatica Hoke\n\n"
                    "Police arrested the captain of the sunken ferry on Saturday, prosecutors said. The ferry sank on Wednesday.\n",
                    "Captain of Sunken Ferry Arrested by Police"),
        "ko.txt": ("연결 가능 링크\n\n필리핀 보홀 섬에서 오늘 오전 규모 7.2의 강진이 발생해 적어도 73명이 숨졌습니다. "
                   "여진이 두 차례 일어났습니다.\n",
                   "필리핀 보홀 섬에서 오늘 오전 규모 7.2의 강진이 발생해 적어도 73명이 숨졌습니다."),
        "zh.txt": ("跳转到内容\n\n云南昭通发生6.5级地震\n\n8月3日,云南昭通市鲁甸县发生里氏6.5级地震,"
                   "震源距离地表12千米。目前地震共造成407人死亡。\n",
                   "云南昭通发生6.5级地震"),
        "plain.txt": ("Storm of the century\n\nThe rain came down for three days and the river broke its banks on Friday.\n",
                      "Storm of the century"),  # a headline sharing no word with its story is still one
    }
    for name, (text, title) in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        (article,) = corpus.load([path]).articles
        assert article.title == title, (name, article.title)


def test_words_of_chinese_and_japanese_count_each_character():
    from briefing.model import Article

    article = Article("x", "x.txt", "t", "zh", ("云南昭通发生6.5级地震", "Hello, world. 안녕 하세요", "東京タワー"), ())
    assert article.words == 10 + 2 + 2 + 5  # "6.5" is one word; Korean puts spaces between its words
