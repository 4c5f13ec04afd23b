"""One frozen settings object, built once at the edge (CLI, web app, Spark job)
and passed down to every stage. Thresholds that were tuned say how."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

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


@dataclass(frozen=True, slots=True)
class Settings:
    max_bytes: int = DEFAULT_MAX_BYTES
    summary_sentences: int | None = None
    summary_words: int | None = None
    language: str = "en"
    spacy_model: str = "en_core_web_sm"
    seed: int = 13
    llm_url: str | None = None  # OpenAI-compatible server; None: the abstractive mode is off
    llm_model: str = DEFAULT_LLM_MODEL
    llm_timeout: float = DEFAULT_LLM_TIMEOUT
    llm_api_key: str | None = field(default=None, repr=False)  # from TRIANGULATE_LLM_API_KEY, never a CLI flag
    aliases: str | None = None  # a user TSV of entity aliases, added to the shipped table
    meaning: bool = True  # align facts and the briefing by meaning (the MiniLM sentence model); False: shared words only

    def __post_init__(self) -> None:
        if self.summary_sentences is not None and self.summary_words is not None:
            raise UsageError("Give either a sentence count or a word count for the summary, not both.")
        for name in ("max_bytes", "summary_sentences", "summary_words"):
            value = getattr(self, name)
            if value is not None and value <= 0:
                raise UsageError(f"{name.replace('_', ' ')} must be a positive number, got {value}.")
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

    def with_(self, **changes: object) -> "Settings":
        return replace(self, **changes)
