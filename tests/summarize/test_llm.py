"""Abstractive mode, against a small fake OpenAI-compatible server the tests
start on 127.0.0.1 (the client itself is not mocked)."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jsonschema
import pytest

from triangulate.errors import UsageError
from triangulate.report.json import briefing_to_dict, schema
from triangulate.settings import Settings
from triangulate.summarize.llm import INPUT_MARKER, RewriteFailed, chat_endpoint, parse_rewrites, rewrite_briefing

#: A number no example article contains.
INVENTED = "4417"


def polish(sentence: str) -> str:
    """What a good model does: other words, the same facts."""
    text = re.sub(r"\bsaid\b", "stated", sentence)
    text = re.sub(r"\bannounced\b", "declared", text)
    if text == sentence:
        first, _, rest = text.partition(" ")
        text = f"Meanwhile, {first.lower() if first in ('The', 'A', 'An') else first} {rest}"
    return text


class FakeChatServer:
    """An OpenAI-compatible ``/v1/chat/completions`` endpoint in a thread.

    ``answer(sentences)`` makes the model's text from the sentences it was sent;
    ``status``, ``delay`` and ``body`` (raw bytes instead of a chat completion)
    make it misbehave. Every request is kept in ``requests``.
    """

    def __init__(self) -> None:
        self.answer: Callable[[list[str]], str] = lambda sentences: json.dumps([polish(s) for s in sentences])
        self.status = 200
        self.delay = 0.0
        self.body: bytes | None = None
        self.requests: list[dict] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> "FakeChatServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.requests.append({"path": self.path, "headers": dict(self.headers), "json": request})
                time.sleep(fake.delay)
                if fake.body is not None:
                    payload = fake.body
                elif fake.status != 200:
                    payload = json.dumps({"error": {"message": "the model crashed"}}).encode()
                else:
                    user = request["messages"][-1]["content"]
                    sentences = json.loads(user.split(INPUT_MARKER, 1)[1])
                    payload = json.dumps({
                        "id": "chatcmpl-test", "object": "chat.completion", "model": request["model"],
                        "choices": [{"index": 0, "finish_reason": "stop",
                                     "message": {"role": "assistant", "content": fake.answer(sentences)}}],
                    }).encode()
                try:
                    self.send_response(fake.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except OSError:  # the client gave up waiting
                    pass

            def log_message(self, *args) -> None:
                pass

        return Handler


@pytest.fixture
def server():
    with FakeChatServer() as fake:
        yield fake


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def items(briefing):
    return [briefing.headline, *briefing.summary]


def assert_extractive_with_warning(result, original, *words: str) -> None:
    assert items(result) == items(original)
    assert all(c.extract is None for c in items(result))
    assert len(result.event.warnings) == 1
    warning = result.event.warnings[0]
    assert "extractive" in warning
    for word in words:
        assert word in warning, warning


# -- the rewrite --------------------------------------------------------------------------


def test_llm_good_rewrite_replaces_every_sentence_and_keeps_citations(server, example_briefing, settings):
    result = rewrite_briefing(example_briefing, settings.with_(llm_url=server.url))
    for before, after in zip(items(example_briefing), items(result)):
        assert after.text == polish(before.text)
        assert after.extract == before.text
        assert (after.citations, after.article, after.start, after.end) == (
            before.citations, before.article, before.start, before.end
        )
    assert result.event.warnings == ()
    assert len(result.headline.text.split()) <= 40


def test_llm_request_is_an_openai_chat_completion(server, example_briefing, settings):
    rewrite_briefing(example_briefing, settings.with_(llm_url=server.url + "/v1", llm_model="tiny", llm_api_key="k-123"))
    (request,) = server.requests
    assert request["path"] == "/v1/chat/completions"
    assert request["headers"]["Authorization"] == "Bearer k-123"
    body = request["json"]
    assert body["model"] == "tiny" and body["temperature"] == 0
    assert [m["role"] for m in body["messages"]] == ["system", "user"]
    sent = json.loads(body["messages"][-1]["content"].split(INPUT_MARKER, 1)[1])
    assert sent == [c.text for c in items(example_briefing)]
    assert f"exactly {len(sent)} strings" in body["messages"][-1]["content"]


def test_llm_no_authorization_header_without_a_key(server, example_briefing, settings):
    rewrite_briefing(example_briefing, settings.with_(llm_url=server.url + "/v1/chat/completions"))
    assert "Authorization" not in server.requests[0]["headers"]


def test_llm_invented_number_falls_back_to_the_extractive_sentence(server, example_briefing, settings):
    originals = items(example_briefing)
    target = next(i for i, c in enumerate(originals) if re.search(r"\d", c.text))

    def answer(sentences):
        rewrites = [polish(s) for s in sentences]
        rewrites[target] = re.sub(r"\d+", INVENTED, rewrites[target], count=1)
        return json.dumps(rewrites)

    server.answer = answer
    result = rewrite_briefing(example_briefing, settings.with_(llm_url=server.url))
    kept = items(result)
    assert kept[target] == originals[target]  # the extractive sentence, its citations and span
    assert kept[target].extract is None
    assert all(c.extract == o.text for i, (c, o) in enumerate(zip(kept, originals)) if i != target)
    assert all(c.citations == o.citations for c, o in zip(kept, originals))
    (warning,) = result.event.warnings
    assert INVENTED in warning and "kept the extractive" in warning


def test_llm_headline_over_forty_words_falls_back(server, example_briefing, settings):
    def answer(sentences):
        rewrites = [polish(s) for s in sentences]
        rewrites[0] = rewrites[0][:-1] + ", and so on" * 15 + "."
        return json.dumps(rewrites)

    server.answer = answer
    result = rewrite_briefing(example_briefing, settings.with_(llm_url=server.url))
    assert result.headline == example_briefing.headline
    assert result.summary[0].extract is not None
    assert "headline" in result.event.warnings[0] and "more than 40" in result.event.warnings[0]


def test_llm_server_error_leaves_the_briefing_extractive(server, example_briefing, settings):
    server.status = 500
    result = rewrite_briefing(example_briefing, settings.with_(llm_url=server.url))
    assert_extractive_with_warning(result, example_briefing, "HTTP 500", "the model crashed")


def test_llm_timeout_leaves_the_briefing_extractive(server, example_briefing, settings):
    server.delay = 2.0
    result = rewrite_briefing(example_briefing, settings.with_(llm_url=server.url, llm_timeout=0.3))
    assert_extractive_with_warning(result, example_briefing, "within 0.3 s", "--llm-timeout")


def test_llm_connection_refused_leaves_the_briefing_extractive(example_briefing, settings):
    result = rewrite_briefing(example_briefing, settings.with_(llm_url=f"http://127.0.0.1:{closed_port()}"))
    assert_extractive_with_warning(result, example_briefing, "could not connect", "refused")


@pytest.mark.parametrize(
    "answer, words",
    [
        (lambda s: "Sure! Here is a more fluent version of your briefing.", ("no JSON array",)),
        (lambda s: json.dumps([polish(x) for x in s][:-1]), ("sentences for",)),
        (lambda s: json.dumps([polish(x) for x in s] + ["An extra sentence."]), ("sentences for",)),
        (lambda s: json.dumps([{"text": x} for x in s]), ("no JSON array",)),
        (lambda s: '["unterminated", "array"', ("no JSON array",)),
    ],
    ids=["prose", "too-short", "too-long", "objects", "truncated"],
)
def test_llm_malformed_answer_leaves_the_briefing_extractive(server, example_briefing, settings, answer, words):
    server.answer = answer
    result = rewrite_briefing(example_briefing, settings.with_(llm_url=server.url))
    assert_extractive_with_warning(result, example_briefing, *words)


@pytest.mark.parametrize("body", [b"<html>502 Bad Gateway</html>", b'{"choices": []}', b'{"choices": [{"message": {}}]}'])
def test_llm_answer_that_is_not_a_chat_completion_leaves_the_briefing_extractive(server, example_briefing, settings, body):
    server.body = body
    result = rewrite_briefing(example_briefing, settings.with_(llm_url=server.url))
    assert_extractive_with_warning(result, example_briefing, "not an OpenAI-style chat completion")


def test_llm_answer_in_a_code_fence_with_chatter_is_read(server, example_briefing, settings):
    server.answer = lambda s: (
        "<think>The user wants fluent prose.</think>Here is the rewrite:\n```json\n"
        + json.dumps([polish(x) for x in s], indent=2) + "\n```\nLet me know if you need more."
    )
    result = rewrite_briefing(example_briefing, settings.with_(llm_url=server.url))
    assert result.event.warnings == ()
    assert all(c.extract is not None for c in items(result))


def test_llm_rewritten_briefing_validates_against_the_schema(server, example_briefing, settings, root):
    result = rewrite_briefing(example_briefing, settings.with_(llm_url=server.url))
    data = briefing_to_dict(result)
    jsonschema.validate(data, schema())
    assert all(item["extract"] and item["citations"] for item in data["summary"])
    assert data["event"]["warnings"] == []


# -- pieces -------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["http://h:8080", "http://h:8080/", "http://h:8080/v1", "http://h:8080/v1/chat/completions"])
def test_llm_endpoint_accepts_base_v1_and_full_urls(url):
    assert chat_endpoint(url) == "http://h:8080/v1/chat/completions"


def test_llm_parse_takes_the_array_of_the_right_length():
    answer = 'Input was ["a"]. Output:\n{"sentences": ["One.", "Two."]}'
    assert parse_rewrites(answer, 2) == ("One.", "Two.")
    with pytest.raises(RewriteFailed, match="returned 2 sentences for 3"):
        parse_rewrites(answer, 3)


def test_llm_settings_reject_a_url_without_scheme_and_a_bad_timeout():
    with pytest.raises(UsageError, match="http://"):
        Settings(llm_url="127.0.0.1:8080")
    with pytest.raises(UsageError, match="timeout"):
        Settings(llm_url="http://127.0.0.1:8080", llm_timeout=0)


def test_llm_settings_never_show_the_key():
    assert "secret" not in repr(Settings(llm_url="http://x", llm_api_key="secret"))


# -- the command line, end to end ---------------------------------------------------------


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "triangulate", *args], capture_output=True, timeout=300,
        env={**os.environ, **(env or {})},
    )


def test_cli_brief_with_llm_writes_rewritten_cited_json(server, example_dir, root):
    result = run_cli(
        "brief", str(example_dir), "--llm", server.url, "--llm-model", "fake-7b", "--format", "json", "--quiet",
        env={"TRIANGULATE_LLM_API_KEY": "sk-test-secret"},
    )
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    jsonschema.validate(data, schema())
    cited = [data["headline"], *data["summary"]]
    assert all(item["citations"] for item in cited)
    rewritten = [item for item in cited if "extract" in item]
    assert rewritten and all(item["text"] == polish(item["extract"]) for item in rewritten)
    texts = {a["id"]: a["text"] for a in data["articles"]}
    for item in cited:  # the span still locates the extractive sentence
        span = item["span"]
        assert texts[span["article"]][span["start"] : span["end"]] == item.get("extract", item["text"])
    assert server.requests[0]["headers"]["Authorization"] == "Bearer sk-test-secret"
    assert server.requests[0]["json"]["model"] == "fake-7b"
    assert b"sk-test-secret" not in result.stdout + result.stderr


def test_cli_brief_with_unreachable_llm_warns_and_exits_zero(example_dir):
    result = run_cli("brief", str(example_dir), "--llm", f"http://127.0.0.1:{closed_port()}", "--format", "json", "--quiet")
    assert result.returncode == 0, result.stderr.decode()
    stderr = result.stderr.decode()
    assert "warning" in stderr and "connection refused" in stderr
    data = json.loads(result.stdout)
    assert data["event"]["warnings"] and "extractive" in data["event"]["warnings"][0]
    assert all("extract" not in item for item in [data["headline"], *data["summary"]])
