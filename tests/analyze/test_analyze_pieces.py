"""Long articles are analysed in bounded pieces, with offsets into the whole
text, and only up to a cap, with a warning."""

from __future__ import annotations

from hypothesis import given, settings as hsettings
from hypothesis import strategies as st

import triangulate.analyze as analyze
from triangulate.analyze import analyze_articles, pieces
from triangulate.model import Article

PARAGRAPHS = [
    'Mayor Lina Marsh closed the Ilm bridge on Monday. "We will not take risks with people\'s lives," Marsh said.',
    "Engineers found 14 cracks in the pillars, the city council said on Tuesday.",
    'The council said repairs would cost 3 million dinars. "It is the oldest bridge we have," said Omar Tell.',
    "Buses now cross the northern bridge, adding 20 minutes to the trip for about 4,000 commuters.",
]


@hsettings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=400), st.integers(5, 60), st.integers(0, 500))
def test_analyze_pieces_cover_the_analysed_prefix_in_bounded_runs(text, size, limit):
    found = pieces(text, size, limit)
    covered = min(len(text), limit)
    assert found[0][0] == 0 and found[-1][1] == covered
    assert all(a_end == b_start for (_, a_end), (b_start, _) in zip(found, found[1:], strict=False))
    assert all(0 < end - start <= size for start, end in found) or covered == 0


def test_analyze_pieces_are_cut_at_paragraph_breaks():
    text = "\n\n".join(["word " * 30] * 10)
    for _, end in pieces(text, 400, 10_000)[:-1]:
        assert text[end - 2 : end] == "\n\n"


def test_analyze_long_article_in_pieces_keeps_offsets_into_the_whole_text(nlp, monkeypatch):
    text = "\n\n".join(PARAGRAPHS * 6)
    article = Article(id="long", origin="long.txt", text=text, published="2031-03-14")
    (whole,) = analyze_articles([article], nlp)
    monkeypatch.setattr(analyze, "PIECE_CHARS", 300)
    assert len(pieces(text, analyze.PIECE_CHARS, analyze.MAX_ANALYZED_CHARS)) > 5
    (cut,) = analyze_articles([article], nlp)
    assert cut.article is article
    assert [s.index for s in cut.sentences] == list(range(len(cut.sentences)))
    for sentence in cut.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.paragraph == text.count("\n\n", 0, sentence.start)
    for mention in cut.mentions:
        assert text[mention.start : mention.end] == mention.text
    for quote in cut.quotes:
        assert text[quote.start : quote.end] == quote.text
        if quote.speaker_span:
            assert text[quote.speaker_span.start : quote.speaker_span.end] == quote.speaker_span.text
    for quantity in cut.quantities:
        assert text[quantity.start : quantity.end] == quantity.text
        assert text[quantity.number.start : quantity.number.end] == quantity.number.text
    for dated in cut.dated:
        assert text[dated.start : dated.end] == dated.text
    # paragraphs never straddle a piece here, so the pieces find what the whole pass finds
    assert [(s.start, s.end) for s in cut.sentences] == [(s.start, s.end) for s in whole.sentences]
    assert {(q.start, q.speaker) for q in cut.quotes} == {(q.start, q.speaker) for q in whole.quotes}
    assert len({q.utterance for q in cut.quotes}) == len({q.utterance for q in whole.quotes})


def test_analyze_article_over_a_million_characters_is_briefed_with_a_warning(tmp_path, settings, monkeypatch):
    """spaCy refuses texts over 1,000,000 characters (E088): the article used to
    crash the whole run. It is analysed up to the cap, in pieces, and kept whole."""
    from triangulate.pipeline import brief

    monkeypatch.setattr(analyze, "MAX_ANALYZED_CHARS", 6_000)
    monkeypatch.setattr(analyze, "PIECE_CHARS", 2_000)
    body = "\n\n".join(PARAGRAPHS * 2700)
    assert len(body) > 1_000_000
    (tmp_path / "huge.txt").write_text("Bridge closes after cracks\n\n" + body)
    (tmp_path / "short.txt").write_text("Bridge closed\n\n" + "\n\n".join(PARAGRAPHS))
    briefing = brief([str(tmp_path)], settings)
    huge = next(a for a in briefing.articles if a.id == "huge")
    assert len(huge.text) > 1_000_000
    assert any("only the first 6,000 of its" in w for w in huge.warnings)
    assert any(w.startswith("article huge: only the first 6,000") for w in briefing.event.warnings)
    assert briefing.rejected == ()
    assert briefing.summary
    for cited in briefing.summary:
        source = next(a for a in briefing.articles if a.id == cited.article)
        assert cited.start < cited.end <= (6_000 if source.id == "huge" else len(source.text))
