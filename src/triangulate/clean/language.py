"""Language identification with py3langid (the identifier trafilatura uses)."""

from __future__ import annotations

import functools

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


def identify(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability), or (None, 0.0) for too little text."""
    if len(text) < MIN_CHARS:
        return None, 0.0
    code, probability = _identifier().classify(text[:20000])
    return code, float(probability)
