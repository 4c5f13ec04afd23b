"""Direct quotes and their speakers (triangulate.analyze.quotes)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from triangulate.analyze.quotes import extract_quotes, find_quote_spans
from triangulate.analyze.speakers import name_key, strip_title, surname_key
from triangulate.model import Article


def _quotes(nlp, text: str, published: str = "2026-03-12"):
    article = Article(id="a", origin="a", text=text, published=published)
    return extract_quotes(article, nlp(text))


def _by_text(quotes):
    return {q.text: q for q in quotes}


def test_quotes_straight_and_curly_marks(nlp):
    text = '"The water has gone down," he said. Later she said: “We will rebuild.”'
    assert [q.text for q in _quotes(nlp, text)] == ["The water has gone down", "We will rebuild."]


def test_quotes_text_is_the_article_text_at_the_offsets(nlp):
    text = 'Officials met. "We are counting the people in our morgue," said Dr Amina Saleh.'
    (quote,) = _quotes(nlp, text)
    assert text[quote.start:quote.end] == quote.text == "We are counting the people in our morgue"
    assert text[quote.speaker_span.start:quote.speaker_span.end] == quote.speaker_span.text


def test_quotes_span_a_sentence_boundary(nlp):
    text = '“I warned them. The report is dated July 14,” Leila al-Hashimi wrote on social media on Friday.'
    (quote,) = _quotes(nlp, text, "2026-03-14")
    assert quote.text == "I warned them. The report is dated July 14"
    assert (quote.speaker, quote.cue, quote.date) == ("Leila al-Hashimi", "write", "2026-03-13")


def test_quotes_split_by_attribution_keep_one_speaker_and_utterance(nlp):
    text = '"I heard a sound like a lorry," said Omar Belkadi, a farmer. "Nobody called us. Nothing rang."'
    first, second = _quotes(nlp, text)
    assert first.speaker == second.speaker == "Omar Belkadi"
    assert first.utterance == second.utterance
    assert second.attribution == "continuation"


def test_quotes_speaker_after_the_quote_with_said_x(nlp):
    text = '"We are seeing families of eight sharing a classroom," said Céline Marchetti, the group\'s director.'
    (quote,) = _quotes(nlp, text)
    assert quote.speaker == "Céline Marchetti"
    assert quote.speaker_label == "PERSON"


def test_quotes_speaker_before_a_colon(nlp):
    text = 'Governor Karim al-Hashimi told reporters there: "We will not sleep until each family has shelter."'
    (quote,) = _quotes(nlp, text)
    assert (quote.speaker, quote.cue) == ("Karim al-Hashimi", "tell")
    assert quote.speaker_span.text == "Karim al-Hashimi"


def test_quotes_speaker_told_reporters_resolves_a_surname_to_the_full_name(nlp):
    text = (
        "Water Resources Minister Mohammed al-Rashidi rejected the claims. "
        '"The ministry never received any report," al-Rashidi told reporters.'
    )
    (quote,) = _quotes(nlp, text)
    assert quote.speaker == "Mohammed al-Rashidi"
    assert quote.speaker_span.text == "al-Rashidi"


def test_quotes_speaker_wrote_on_x(nlp):
    text = 'Prime Minister Idris Qassar visited. "Nobody will be forgotten," he wrote on X on Thursday.'
    (quote,) = _quotes(nlp, text)
    assert (quote.speaker, quote.cue, quote.date) == ("Idris Qassar", "write", "2026-03-12")


def test_quotes_said_in_a_statement_by_an_organisation(nlp):
    text = 'Police made arrests. "Those who exploit grief will be held accountable," the Interior Ministry said in a statement.'
    (quote,) = _quotes(nlp, text)
    assert (quote.speaker, quote.speaker_label) == ("Interior Ministry", "ORG")


def test_quotes_he_added_is_the_last_named_speaker(nlp):
    text = (
        'Governor Karim al-Hashimi spoke in Bir Halim. "We will not rest," al-Hashimi told reporters.\n\n'
        'Rescue teams were still at work.\n\n'
        '"People need clean water before anything else," he added.'
    )
    quotes = _quotes(nlp, text)
    assert [q.speaker for q in quotes] == ["Karim al-Hashimi", "Karim al-Hashimi"]
    assert quotes[1].cue == "add"


def test_quotes_title_and_name_become_the_name(nlp):
    text = '"Our troops will remain in the area," said Lieutenant General Nabil Darwazi.'
    (quote,) = _quotes(nlp, text)
    assert quote.speaker == "Nabil Darwazi"


def test_quotes_a_titled_surname_takes_the_full_name_whose_title_agrees(nlp):
    text = (
        "Leila al-Hashimi, an engineer, said she had warned the ministry. "
        "Governor Karim al-Hashimi visited the town.\n\n"
        'Dr al-Hashimi said she would hand over her copy. "I kept the delivery receipt," she said.'
    )
    (quote,) = _quotes(nlp, text)
    assert quote.speaker == "Leila al-Hashimi"


def test_quotes_a_role_becomes_the_person_with_that_title(nlp):
    text = (
        "Prime Minister Idris Qassar announced an inquiry on Thursday.\n\n"
        '"This is a national tragedy," the prime minister said.'
    )
    (quote,) = _quotes(nlp, text)
    assert quote.speaker == "Idris Qassar"
    assert quote.speaker_span.text == "the prime minister"


def test_quotes_partial_quote_inside_the_reporters_sentence(nlp):
    text = 'Hisham Toubal, an opposition MP, says the real number is "well over 30", without a source.'
    (quote,) = _quotes(nlp, text)
    assert (quote.text, quote.speaker) == ("well over 30", "Hisham Toubal")


def test_quotes_without_attribution_have_no_speaker(nlp):
    (quote,) = _quotes(nlp, 'The government has used "about 2,500" since Thursday; aid groups say more.')
    assert quote.speaker is None and quote.attribution == "none"


def test_quotes_mixed_straight_and_curly_marks_pair(nlp):
    (quote,) = _quotes(nlp, '"He is not a Republican. Absolutely not,” Fox said.')
    assert quote.text == "He is not a Republican. Absolutely not"
    assert quote.speaker == "Fox"


def test_quotes_terms_are_content_lemmas_with_offsets(nlp):
    text = '"Families need shelter," she said.'
    (quote,) = _quotes(nlp, text)
    assert [t.lemma for t in quote.terms] == ["family", "need", "shelter"]
    assert all(text[t.start:t.end].lower().startswith(t.lemma[:4]) for t in quote.terms)


@pytest.mark.parametrize(
    ("written", "name", "titles"),
    [
        ("Governor Karim al-Hashimi", "Karim al-Hashimi", ("governor",)),
        ("Water Resources Minister Mohammed al-Rashidi", "Mohammed al-Rashidi", ("water", "resources", "minister")),
        ("Ms. al-Hashimi", "al-Hashimi", ("ms",)),
        ("Civil Defence Directorate", "Civil Defence Directorate", ()),
    ],
)
def test_quotes_strip_title(written, name, titles):
    assert strip_title(written) == (name, titles)


def test_quotes_name_keys_tolerate_transliteration():
    assert surname_key("Mohamed el-Rashidy") == "rashidy"
    assert name_key("rashidy") == name_key("rashidi")
    assert name_key("Želevski") == name_key("Zhelevsky") == name_key("Zhelevskyi")
    assert name_key("Ivanoff") == name_key("Ivanov") and name_key("Dhahabi") == name_key("Zahabi")
    assert name_key("Qasim") == name_key("Kassem") and name_key("Hameed") == name_key("Hamid")
    assert name_key("Khalil") != name_key("Khalid")
    assert name_key("Mohammed") == name_key("Muhammad") == name_key("Mohamed")
    assert name_key("Leila") != name_key("Karim")


_WORDS = st.sampled_from(["water", "said", "the", "minister", "he", "we", "rest", "Governor", "Karim", ",", "."])
_MARKS = st.sampled_from(['"', "“", "”", "«", "»", "‘", "’", "\n\n", " "])


@given(st.lists(st.one_of(_WORDS, _MARKS), max_size=40))
def test_quotes_find_quote_spans_lie_inside_the_text(pieces):
    text = " ".join(pieces)
    for start, end in find_quote_spans(text):
        assert 0 <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]


_SENTENCES = st.sampled_from([
    '"We will not rest," al-Hashimi told reporters.',
    "Governor Karim al-Hashimi visited the shelter.",
    "“I warned them. The report is dated July 14,” she wrote.",
    'He said the ministry "never received any report".',
    "Rescue teams worked through the night.",
    '"Nobody called us."',
    "The minister’s convoy was attacked, witnesses said:",
])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_SENTENCES, min_size=1, max_size=6), st.sampled_from([" ", "\n\n"]))
def test_quotes_every_extracted_span_is_the_text_at_its_offsets(nlp, sentences, glue):
    text = glue.join(sentences)
    for quote in _quotes(nlp, text):
        assert 0 <= quote.start < quote.end <= len(text)
        assert text[quote.start:quote.end] == quote.text
        if quote.speaker_span is not None:
            span = quote.speaker_span
            assert text[span.start:span.end] == span.text
        for term in quote.terms:
            assert quote.start <= term.start < term.end <= quote.end
