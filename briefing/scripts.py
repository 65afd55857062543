"""Character classes, for regular expressions, of the scripts that need their own rules."""

# Kana and CJK ideographs (with their extensions): written without spaces between words.
HAN_KANA = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Hangul syllables and jamo: Korean puts spaces between its words, but shares the ideographs' typography.
HANGUL = "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
CJK = HAN_KANA + HANGUL
