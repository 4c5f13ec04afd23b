"""Language identification with py3langid (the identifier trafilatura uses)."""

from __future__ import annotations

import functools
import re

#: Below this probability the identifier's answer is not trusted and the
#: article is assumed to be in the expected language. Short, name-heavy texts
#: score 0.5-0.8 on English; real foreign-language articles score above 0.95.
MIN_CONFIDENCE = 0.9

#: Texts shorter than this (characters) are not identified at all.
MIN_CHARS = 80


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


#: English function words. In English news prose they are 30-45% of the words;
#: in other languages written in Latin script, under 8%.
ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on was with as by at from it his her he she they said were has "
    "have had be been are this which not but an or who will would their its after".split()
)

#: Share of function words above which a text is English without asking the
#: identifier (whose model takes 0.6 s to load). Calibrated on the SemEval-2022
#: Task 8 articles (10 languages): English texts' 5th percentile is 0.25, the
#: highest text in any other language 0.16. Texts below it go to py3langid.
ENGLISH_SHARE = 0.25


def identify(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability), or (None, 0.0) for too little text."""
    if len(text) < MIN_CHARS:
        return None, 0.0
    words = re.findall(r"[^\W\d_]+", text[:20000].lower())
    if words and sum(w in ENGLISH_FUNCTION_WORDS for w in words) / len(words) >= ENGLISH_SHARE:
        return "en", 1.0
    code, probability = _identifier().classify(text[:20000])
    return code, float(probability)
