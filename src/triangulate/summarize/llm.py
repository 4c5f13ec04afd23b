"""Optional abstractive mode: a language model rewrites the extractive briefing
(headline and summary sentences) into fluent prose, and only rewrites that
pass the grounding check (:mod:`.grounding`) are kept.

The model is any OpenAI-compatible chat endpoint: a llama.cpp server, Ollama,
vLLM or a hosted service. One request carries the whole briefing as a JSON
array of sentences and asks for an array of the same length back, one output
sentence per input sentence, so every rewritten sentence keeps the citations
of the sentence it rewrites.

Nothing here can break a brief. A server that cannot be reached, is too slow,
answers with an HTTP error or with something that is not the array asked for
leaves the briefing extractive, with a warning in ``event.warnings`` saying
why. A rewritten sentence that fails the grounding check is replaced by its
extractive sentence, also with a warning.

    rewrite_briefing(briefing, settings)      the pipeline's one call
      ├── ChatClient.complete(messages)       HTTP, standard library only
      ├── build_messages(sentences)           the prompt
      ├── parse_rewrites(answer, expected)    a JSON array of strings, found robustly
      └── grounding.ground(...)               per sentence: rewrite or extract
"""

from __future__ import annotations

import http.client
import json
import re
import urllib.error
import urllib.request
from dataclasses import replace
from typing import Any, Protocol

from .. import __version__
from ..errors import RewriteFailed
from ..model import Briefing, Cited
from ..settings import HEADLINE_MAX_WORDS, Settings
from .grounding import ground

#: Answers longer than this are not read (bytes). A rewritten briefing is a few KB.
MAX_ANSWER_BYTES = 4 * 1024 * 1024

#: Marks where the sentences start in the prompt.
INPUT_MARKER = "INPUT:"

SYSTEM_PROMPT = (
    "You are a careful news editor. You turn sentences taken from news articles into a fluent, "
    "neutral briefing. You never add a fact, a name, a number or a date."
)

RULES = """\
Rewrite the sentences in the JSON array below into fluent, neutral news prose that reads well in sequence.

Rules:
1. Answer with a JSON array of exactly {count} strings and nothing else. String i rewrites input sentence i. Do not merge, split, drop, reorder or add sentences.
2. Each string is one sentence.
3. Keep every name, number, date and quotation as it is written in its input sentence. Do not add any name, number, date, place or fact that its input sentence does not state, and do not turn a weekday or a date into "today", "yesterday" or "tomorrow".
4. If a sentence cannot be improved within these rules, return it unchanged.
5. Write in English. No notes, no comments, no numbering.{headline_rule}

{marker}
{sentences}
"""

HEADLINE_RULE = (
    "\n6. The first sentence is the headline: write it in the style of Wikipedia's Current events "
    "portal (present tense, one sentence, at most {words} words)."
)


class ChatModel(Protocol):
    def complete(self, messages: list[dict[str, str]]) -> str: ...


def chat_endpoint(url: str) -> str:
    """POST address of the chat API for a server URL: ``http://host:8080``,
    ``…/v1`` and ``…/v1/chat/completions`` all give ``…/v1/chat/completions``."""
    base = url.strip().rstrip("/")
    if base.endswith("/chat/completions"):
        return base
    if base.endswith("/v1"):
        return f"{base}/chat/completions"
    return f"{base}/v1/chat/completions"


class ChatClient:
    """A minimal client of an OpenAI-compatible chat completions endpoint
    (standard library only). ``timeout`` bounds the connection and each wait
    for data, in seconds; the API key, when given, is sent as a bearer token
    and appears in no message."""

    def __init__(self, url: str, model: str, *, api_key: str | None = None, timeout: float = 60.0) -> None:
        self.endpoint = chat_endpoint(url)
        self.model = model
        self.timeout = timeout
        self._api_key = api_key

    def complete(self, messages: list[dict[str, str]]) -> str:
        """The text of the model's answer; :class:`RewriteFailed` when there is none."""
        body = json.dumps({"model": self.model, "messages": messages, "temperature": 0}).encode("utf-8")
        headers = {
            "Content-Type": "application/json",
            "Accept": "application/json",
            "User-Agent": f"triangulate/{__version__}",
        }
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        request = urllib.request.Request(self.endpoint, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                raw = response.read(MAX_ANSWER_BYTES + 1)
        except urllib.error.HTTPError as error:
            raise RewriteFailed(
                f"the language model server at {self.endpoint} answered HTTP {error.code} {error.reason}"
                f"{_detail(error)}. Check the URL, the model name (--llm-model {self.model!r}) and, for a "
                "hosted service, the key in TRIANGULATE_LLM_API_KEY."
            ) from error
        except urllib.error.URLError as error:
            raise self._unreachable(error.reason) from error
        except (TimeoutError, OSError, http.client.HTTPException) as error:
            raise self._unreachable(error) from error
        if len(raw) > MAX_ANSWER_BYTES:
            raise RewriteFailed(f"the answer from {self.endpoint} is larger than {MAX_ANSWER_BYTES} bytes.")
        return _answer_text(raw, self.endpoint)

    def _unreachable(self, reason: object) -> RewriteFailed:
        if isinstance(reason, TimeoutError):
            return RewriteFailed(
                f"no answer from {self.endpoint} within {self.timeout:g} s. Give it longer with "
                "--llm-timeout, or use a smaller or faster model."
            )
        if isinstance(reason, ConnectionRefusedError):
            return RewriteFailed(
                f"could not connect to {self.endpoint}: connection refused. Check that the server is "
                "running and that the host and port in --llm are right."
            )
        text = getattr(reason, "strerror", None) or str(reason) or type(reason).__name__
        return RewriteFailed(
            f"could not reach {self.endpoint}: {text}. Check the URL given to --llm and that the server is running."
        )


def build_messages(sentences: list[str], *, headline: bool) -> list[dict[str, str]]:
    """The chat messages asking for one rewritten sentence per input sentence."""
    user = RULES.format(
        count=len(sentences),
        headline_rule=HEADLINE_RULE.format(words=HEADLINE_MAX_WORDS) if headline else "",
        marker=INPUT_MARKER,
        sentences=json.dumps(sentences, ensure_ascii=False, indent=0),
    )
    return [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": user}]


def parse_rewrites(answer: str, expected: int) -> tuple[str, ...]:
    """The JSON array of ``expected`` strings in a model's answer. Code fences,
    text around the array, a ``<think>`` block or an object wrapping the array
    are tolerated; anything else raises :class:`RewriteFailed`."""
    text = re.sub(r"<think>.*?</think>", "", answer, flags=re.DOTALL | re.IGNORECASE)
    fenced = re.findall(r"```[\w-]*\s*\n?(.*?)```", text, flags=re.DOTALL)
    arrays = [found for candidate in (text, *fenced) for found in _arrays(candidate)]
    if not arrays:
        preview = " ".join(answer.split())[:80]
        raise RewriteFailed(
            f"the model's answer holds no JSON array of strings (it begins {preview!r}). "
            "A model that follows instructions better may help."
        )
    right = [a for a in arrays if len(a) == expected]
    if not right:
        raise RewriteFailed(
            f"the model returned {len(arrays[-1])} sentences for {expected}; sentences and citations "
            "would no longer match."
        )
    return tuple(right[-1])  # the last: a model may echo its input before answering


def rewrite_briefing(
    briefing: Briefing,
    settings: Settings,
    *,
    client: ChatModel | None = None,
    nlp=None,
) -> Briefing:
    """The briefing with its headline and summary rewritten where the rewrite is
    grounded; on any failure the briefing as it was, with a warning.

    ``client`` defaults to a :class:`ChatClient` for ``settings.llm_url``;
    ``nlp`` (a spaCy pipeline), when given, finds the names the grounding check
    looks up.
    """
    items = ([briefing.headline] if briefing.headline else []) + list(briefing.summary)
    if not items:
        return briefing
    if client is None:
        if not settings.llm_url:
            return briefing
        client = ChatClient(
            settings.llm_url, settings.llm_model, api_key=settings.llm_api_key, timeout=settings.llm_timeout
        )
    has_headline = briefing.headline is not None
    try:
        messages = build_messages([c.text for c in items], headline=has_headline)
        rewrites = parse_rewrites(client.complete(messages), len(items))
    except RewriteFailed as error:
        return _warn(briefing, [f"Abstractive mode failed: {error} The briefing is extractive."])

    texts = {a.id: a.text for a in briefing.articles}
    kept: list[Cited] = []
    warnings = []
    for position, (original, rewrite) in enumerate(zip(items, rewrites)):
        is_headline = has_headline and position == 0
        cited, reasons = ground(
            original, rewrite, texts, max_words=HEADLINE_MAX_WORDS if is_headline else None, nlp=nlp
        )
        kept.append(cited)
        if reasons:
            label = "headline" if is_headline else f"summary sentence {position + (0 if has_headline else 1)}"
            warnings.append(
                f"Abstractive mode: kept the extractive {label}, because its rewrite {'; '.join(reasons)}."
            )
    headline = kept.pop(0) if has_headline else None
    return _warn(replace(briefing, headline=headline, summary=tuple(kept)), warnings)


def _warn(briefing: Briefing, warnings: list[str]) -> Briefing:
    if not warnings:
        return briefing
    return replace(briefing, event=replace(briefing.event, warnings=(*briefing.event.warnings, *warnings)))


def _arrays(text: str) -> list[list[str]]:
    """Every JSON array of strings that starts at a '[' in ``text`` (or is the
    single list value of a JSON object there), outermost first."""
    decoder = json.JSONDecoder()
    found = []
    stripped = text.strip()
    after = 0  # inside an array already found, nothing new starts
    for start in [i for i, ch in enumerate(stripped) if ch in "[{"]:
        if start < after:
            continue
        try:
            value, end = decoder.raw_decode(stripped, start)
        except ValueError:
            continue
        if isinstance(value, dict):
            lists = [v for v in value.values() if isinstance(v, list)]
            value = lists[0] if len(lists) == 1 else None
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            found.append(value)
            after = end
    return found


def _answer_text(raw: bytes, endpoint: str) -> str:
    try:
        data: Any = json.loads(raw.decode("utf-8", errors="replace"))
        content = data["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError) as error:
        preview = " ".join(raw.decode("utf-8", errors="replace").split())[:80]
        raise RewriteFailed(
            f"the answer from {endpoint} is not an OpenAI-style chat completion (no "
            f"choices[0].message.content; it begins {preview!r}). Check that --llm points to an "
            "OpenAI-compatible server."
        ) from error
    if not isinstance(content, str) or not content.strip():
        raise RewriteFailed(f"the answer from {endpoint} has no text in choices[0].message.content.")
    return content


def _detail(error: urllib.error.HTTPError) -> str:
    try:
        body = error.read(2000).decode("utf-8", errors="replace")
    except Exception:  # noqa: BLE001 - the status alone is still a useful message
        return ""
    body = " ".join(body.split())[:200]
    return f" ({body})" if body else ""


__all__ = ["ChatClient", "RewriteFailed", "build_messages", "chat_endpoint", "parse_rewrites", "rewrite_briefing"]
