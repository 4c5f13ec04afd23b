"""One utterance across outlets (triangulate.compare.quotes)."""

from __future__ import annotations

from triangulate.analyze.quotes import extract_quotes
from triangulate.compare.quotes import align_quotes, default_same_speaker
from triangulate.model import Article

WIRE = (
    "Governor Karim al-Hashimi visited a shelter. "
    '"We will not rest until every family has a roof over its head," al-Hashimi told reporters.\n\n'
    '"The water has gone down, but the mud is everywhere," he added.'
)
TRANSLATION = (
    "Governor Karim al-Hashimi told reporters there: \"We will not sleep until each family has shelter, "
    "and every house that was lost will be rebuilt at the state's expense.\""
)
OTHER = 'Leila al-Hashimi, an engineer, spoke out. "We will not rest until the report is public," she said.'


def _quotes(nlp, *texts: tuple[str, str, str]):
    found = []
    for article_id, published, text in texts:
        article = Article(id=article_id, origin=article_id, text=text, published=published)
        found.extend(extract_quotes(article, nlp(text)))
    return found


def test_quotes_same_utterance_in_two_wordings_is_one_quote(nlp):
    quotes = _quotes(nlp, ("wire", "2026-03-12", WIRE), ("today", "2026-03-13", TRANSLATION))
    aligned = align_quotes(quotes)
    first = aligned[0]
    assert first.speaker == "Karim al-Hashimi"
    assert first.articles == ("wire", "today")
    assert [v.article for v in first.variants] == ["wire", "today"]
    assert first.text.startswith("We will not rest")
    assert len(aligned) == 2  # the wire's second quote stays on its own


def test_quotes_variant_offsets_point_into_their_article(nlp):
    quotes = _quotes(nlp, ("wire", "2026-03-12", WIRE), ("today", "2026-03-13", TRANSLATION))
    texts = {"wire": WIRE, "today": TRANSLATION}
    for aligned in align_quotes(quotes):
        for v in aligned.variants:
            assert texts[v.article][v.start:v.end] == v.text


def test_quotes_note_says_which_variant_carries_a_claim_the_others_lack(nlp):
    quotes = _quotes(nlp, ("wire", "2026-03-12", WIRE), ("today", "2026-03-13", TRANSLATION))
    note = align_quotes(quotes)[0].note
    assert note == "only today has: “every house that was lost will be rebuilt at the state's expense”"


def test_quotes_identical_wordings_have_no_note(nlp):
    quotes = _quotes(nlp, ("wire", "2026-03-12", WIRE), ("reprint", "2026-03-12", WIRE))
    assert all(q.note is None for q in align_quotes(quotes))
    assert [len(q.articles) for q in align_quotes(quotes)] == [2, 2]


def test_quotes_different_speakers_with_one_surname_stay_apart(nlp):
    quotes = _quotes(nlp, ("wire", "2026-03-12", WIRE), ("tribune", "2026-03-13", OTHER))
    assert all(len(q.articles) == 1 for q in align_quotes(quotes))


def test_quotes_default_same_speaker_compares_normalised_surnames():
    assert default_same_speaker("Mohammed al-Rashidi", "Mohamed el-Rashidy")
    assert default_same_speaker("Muhammad Rashidi", "Mohammed al-Rashidi")
    assert default_same_speaker("Miroslav Želevski", "Myroslav Zhelevskyi")
    assert default_same_speaker("Rashidi", "Mohammed al-Rashidi")
    assert not default_same_speaker("Leila al-Hashimi", "Karim al-Hashimi")
    assert not default_same_speaker("Idris Qassar", "Karim al-Hashimi")


def test_quotes_same_speaker_callable_is_used(nlp):
    quotes = _quotes(nlp, ("wire", "2026-03-12", WIRE), ("today", "2026-03-13", TRANSLATION))
    never = align_quotes(quotes, same_speaker=lambda a, b: False)
    assert all(len(q.articles) == 1 for q in never)


def test_quotes_different_days_are_different_utterances(nlp):
    thursday = 'Minister Mohammed al-Rashidi spoke. "No report reached the ministry," al-Rashidi said on Thursday.'
    friday = 'Minister Mohammed al-Rashidi spoke. "No report reached the ministry," al-Rashidi said on Friday.'
    quotes = _quotes(nlp, ("a", "2026-03-14", thursday), ("b", "2026-03-14", friday))
    assert [q.date for q in quotes] == ["2026-03-12", "2026-03-13"]
    assert all(len(q.articles) == 1 for q in align_quotes(quotes))


def test_quotes_unattributed_quotes_are_left_out_unless_asked(nlp):
    quotes = _quotes(nlp, ("a", "2026-03-12", 'The government has used "about 2,500" since Thursday.'))
    assert align_quotes(quotes) == ()
    assert len(align_quotes(quotes, attributed_only=False)) == 1
