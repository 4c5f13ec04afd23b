"""The briefing says each fact and each quotation once, and a quotation's
words are cited only to the articles whose own wording holds them."""

from __future__ import annotations

from itertools import combinations

from triangulate.compare.quotes import AlignedQuote, QuoteVariant
from triangulate.model import Sentence
from triangulate.settings import Settings
from triangulate.summarize.extractive import _Alignment, _Item

LONG = "We announce the end of the search and the return of all teams to their bases"
SHORT = "We announce the end of the search"


def _item(article: str, text: str) -> _Item:
    sentence = Sentence(start=0, end=len(text), text=text, index=0, paragraph=0)
    return _Item(article, sentence, 0.0, frozenset(), frozenset())


def _quote() -> AlignedQuote:
    variants = (
        QuoteVariant("e", LONG, 1, 1 + len(LONG), "Hamid al-Saadi"),
        QuoteVariant("f", SHORT, 1, 1 + len(SHORT), "Hameed al-Sa'adi"),
    )
    return AlignedQuote("Hamid al-Saadi", "PERSON", LONG, ("e", "f"), variants, None)


def test_briefing_quote_variant_added_words_are_not_cited_to_articles_that_lack_them():
    alignment = _Alignment.of((), (_quote(),))
    sentence = f'"{LONG}," Hamid al-Saadi said.'
    # f carries only the first half of the quotation; g carries no version of it.
    assert alignment.quoted_support(_item("e", sentence), ("e", "f", "g")) == ("e",)


def test_briefing_shorter_quote_variant_is_cited_to_the_fuller_wording():
    alignment = _Alignment.of((), (_quote(),))
    sentence = f'"{SHORT}," Hameed al-Sa\'adi said.'
    assert alignment.quoted_support(_item("f", sentence), ("f", "e", "g")) == ("f", "e")


def test_briefing_sentences_state_different_facts_and_quotations(root):
    """No two sentences of a long briefing belong to one fact or one quotation
    (at 15 sentences, the summarizer without this rule repeats two facts of
    this event in other words)."""
    from triangulate.pipeline import brief

    briefing = brief([str(root / "tests" / "fixtures" / "events" / "veland-election")], Settings(summary_sentences=15))
    fact_of = {(s.article, s.start): n for n, f in enumerate(briefing.facts) for s in f.statements}
    quote_spans = [
        {(v.article, v.start, v.end) for v in q.variants} for q in briefing.quotes
    ]

    def aligned(cited):
        facts = {n for (article, start), n in fact_of.items() if article == cited.article and cited.start <= start < cited.end}
        quotes = {
            n for n, spans in enumerate(quote_spans)
            if any(a == cited.article and s < cited.end and cited.start < e for a, s, e in spans)
        }
        return {("fact", n) for n in facts} | {("quote", n) for n in quotes}

    summary = briefing.summary
    assert len(summary) >= 10
    for one, other in combinations(summary, 2):
        assert not aligned(one) & aligned(other), (one.text, other.text)
