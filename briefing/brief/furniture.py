"""Captions and photo credits: page furniture that reads like a sentence but reports nothing.

Two signs, each common to news outlets in many languages:

- a credit: "(AP Photo/Jae C. Hong)", "Photo: Reuters", "REUTERS/Kim Hong-Ji", "Getty Images",
  "Picture courtesy of ...", "File photo", "Foto:", "Fotó:", "Ảnh:", "写真", "图片";
- the caption style of the agencies: a present-tense description that ends with the place and
  the full date after a comma ("Residents walk on a damaged highway in Loboc, Oct. 16, 2013."),
  or says what the picture shows ("is seen", "are pictured", "in this photo").

Only a short paragraph can be a caption: reporting that happens to name a photo agency is longer.
"""

from __future__ import annotations

import re

from . import text as tx

CAPTION_WORDS = 45  # captions are a line or two; a paragraph longer than this is reporting

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# "(Reuters)" alone opens a wire story's lead: only "(AP Photo/...)" or "(.../AFP)" is a credit.
_AGENCY = r"(?:AP|AFP|EPA|Reuters|REUTERS|Getty(?: Images)?|Xinhua|Yonhap|Kyodo|Anadolu|dpa|ANSA|EFE)\b"
_CREDIT = re.compile(
    rf"\((?:[^()]{{0,40}}/\s*{_AGENCY}|{_AGENCY}\s*(?:Photos?|Images?|/))[^()]{{0,60}}\)|"
    rf"\b{_AGENCY}\s*(?:Photos?|Images?|/\s*[A-Z])|"
    r"\b(?:photo|photograph|picture|image|video|footage)s?\s*(?:by|:|courtesy|credit)|\bcourtesy of\b|"
    r"\bcredits?\s*:|\bgetty images\b|\bshutterstock\b|\bfile (?:photo|picture|image)\b|^\s*FILE\s*[-–—:]|"
    r"\b(?:foto|fotó|bild|imagen|immagine|ảnh|фото)\s*:|写真|圖片|图片|摄影|攝影|資料照|资料图",
    re.I,
)
_DATELINE_END = re.compile(
    rf",\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|"
    rf"\d{{4}}-\d\d-\d\d)\s*\.?\s*(?:\([^()]*\))?\s*$",
    re.I,
)
_SHOWS = re.compile(
    r"\b(?:is|are) (?:seen|pictured|shown|depicted)\b(?!\s+(?:as|to)\b)|\bin this (?:photo|picture|image|handout|file)\b|"
    r"\bposes? for (?:a )?(?:photo|picture)s?\b|\b(?:this|the) (?:photo|picture|image) (?:shows|taken)\b",
    re.I,
)


# A broadcast sign-off kept in the text: "This is Baik Sung-won, VOA News." "I'm Ana Cruz, VOA News, Manila."
_SIGN_OFF = re.compile(
    r"^(?i:this is|i'm|i am)\s+[A-Z][\w.'’-]*(?:[\s-]+[A-Z][\w.'’-]*){0,3},"  # the reporter
    r"\s+[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?\.?$"  # the outlet, the place
)

# Wiki source left in a page: "[[File:x.jpg|thumb|...]]" is an image with its caption.
_WIKI_FILE = re.compile(r"^\s*\[\[(?:File|Image|Datei|Fichier|Archivo|파일|ファイル|文件|Tập tin):", re.I)
# A list item kept from the page: a gallery, a "related stories" list, a "7/23 [Topic] ..." link.
_BULLET = re.compile(r"^\s*[•·▪■◦]\s")
_LINK_STAMP = re.compile(r"^\s*[•·▪■◦]\s*\d{1,2}[/.]\d{1,2}\b")
_ENDS = re.compile(r"[.!?。！？…”\"'’)]\s*$")


def is_caption(paragraph: str) -> bool:
    """A photo caption or credit line, a reporter's sign-off, or a page's list of links, in the
    outlets' usual forms."""
    text = " ".join(paragraph.split())
    if not text:
        return False
    if _WIKI_FILE.search(text) or _LINK_STAMP.search(text) or (_BULLET.search(text) and not _ENDS.search(text)):
        return True
    if len(text.split()) > CAPTION_WORDS:
        return False
    low = tx.folded(text)
    return bool(
        (low.startswith(("this is ", "i'm ", "i am ")) and _SIGN_OFF.search(text))
        or (any(w in low for w in _CREDIT_NEEDS) and _CREDIT.search(text))
        or ("," in text and _DATELINE_END.search(text))
        or (any(w in low for w in _SHOWS_NEEDS) and _SHOWS.search(text))
    )


# The patterns are tried at every position, under re.I: first a word each of their forms
# needs, in tx.folded(text). The credits' forms in order: "(", "/" or "photo"/"image" after an agency, ...
_CREDIT_NEEDS = ("(", "/", "photo", "image", "picture", "video", "footage", "courtesy", "credit", "shutterstock", "file",
                 ":", "写真", "圖片", "图片", "摄影", "攝影", "資料照", "资料图")  # fmt: skip
_SHOWS_NEEDS = ("seen", "pictured", "shown", "depicted", "in this", "pose", "photo", "picture", "image")


REPEATED_WORDS = 6  # a repeated line shorter than this may be a real refrain ("No one was hurt.")


def captions(paragraphs: list[str]) -> set[int]:
    """Indices of the paragraphs that are furniture: captions in the outlets' forms
    (is_caption); a paragraph printed twice in a row, as an image's alternative text and
    its caption are; and the second copy of one printed again further on (a page that
    repeats its summary or its body keeps the first copy: "the death toll has risen to
    144" is news, not a caption)."""
    seen: dict[str, int] = {}
    out = {i for i, p in enumerate(paragraphs) if is_caption(p)}
    for i, p in enumerate(paragraphs):
        text = " ".join(p.split())
        if len(text.split()) < REPEATED_WORDS:
            continue
        if text in seen:
            out |= {seen[text], i} if i - seen[text] == 1 else {i}
        seen.setdefault(text, i)
    return out
