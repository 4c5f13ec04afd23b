from hypothesis import given, settings as hsettings, strategies as st

from triangulate.clean import clean_document, fit_boilerplate
from triangulate.clean.boilerplate import BoilerplateModel, classify_lines
from triangulate.model import Article, RawDocument, Rejected

DUMP = """Flood barrier fails as river rises in Port Aldous
Published: 0422 GMT March 14, 2026
By Hana Leclerc

PORT ALDOUS, Veldmark (MPA) - The main flood barrier in Port Aldous gave way on Thursday night, officials said.

ADVERTISEMENT

Water reached the old market within an hour, according to the city's emergency office.
Residents carry belongings through a flooded street on Friday. (Photo: Jan Oort/Port Aldous Gazette)
READ MORE: Council approves new river defences after years of delay

"We did everything we could," said the city's mayor, Idris Mahn.
He declined to comment further.

Share this article
Comments are closed.
© 2026 Port Aldous Gazette. All rights reserved.
"""


def _raw(text: str, id: str = "gazette") -> RawDocument:
    return RawDocument(id=id, origin=f"{id}.txt", kind="text", content=text)


def test_clean_removes_boilerplate_and_keeps_every_sentence(settings):
    article = clean_document(_raw(DUMP), settings)
    assert isinstance(article, Article)
    for sentence in (
        "The main flood barrier in Port Aldous gave way on Thursday night, officials said.",
        "Water reached the old market within an hour, according to the city's emergency office.",
        '"We did everything we could," said the city\'s mayor, Idris Mahn.',
        "He declined to comment further.",
    ):
        assert sentence in article.text
    for junk in ("ADVERTISEMENT", "READ MORE", "Share this article", "Comments are closed", "©", "(Photo:"):
        assert junk not in article.text


def test_clean_reads_header_lines_as_metadata(settings):
    article = clean_document(_raw(DUMP), settings)
    assert article.title == "Flood barrier fails as river rises in Port Aldous"
    assert article.published == "2026-03-14"
    assert article.dateline == "Port Aldous, Veldmark"
    assert article.source == "Port Aldous Gazette"
    assert article.text.startswith("The main flood barrier")


def test_clean_lists_every_removed_line_with_a_reason(settings):
    article = clean_document(_raw(DUMP), settings)
    removed = {r.text: r.reason for r in article.removed}
    assert removed["ADVERTISEMENT"] == "advertisement marker"
    assert "title" in removed["Flood barrier fails as river rises in Port Aldous"]
    assert "dateline" in removed["PORT ALDOUS, Veldmark (MPA) -"]
    assert all(r.reason for r in article.removed)


def test_clean_title_printed_twice_is_removed_both_times(settings):
    text = "Storm closes ports\nStorm closes ports\n\nThe storm closed three ports on Monday, the coastguard said.\n"
    article = clean_document(_raw(text), settings)
    assert article.title == "Storm closes ports"
    assert article.text == "The storm closed three ports on Monday, the coastguard said."
    assert [r.reason for r in article.removed].count("title repeated") == 1


def test_clean_keeps_wire_sentences_repeated_across_articles():
    wire = "Officials said 18 people had died in the flooding by Friday evening."
    docs = [f"Story {i}\n\n{wire}\n\nSubscribe to our newsletter\n\nOther text number {i} is here." for i in range(3)]
    model = BoilerplateModel().fit(docs)
    verdicts = classify_lines(docs[0], model)
    kept = [v.unit.text for v in verdicts if v.kept]
    assert wire in kept
    assert "Subscribe to our newsletter" not in kept


def test_clean_learns_site_furniture_repeated_across_articles(settings):
    footer = "Kessra Tribune Mobile Edition"
    raws = [_raw(f"Title {i}\n\nA sentence about event {i} that reads as news.\n\n{footer}", f"a{i}") for i in range(2)]
    model = fit_boilerplate(raws)
    article = clean_document(raws[0], settings, model)
    assert footer not in article.text
    assert any(r.reason.startswith("repeated across articles") for r in article.removed)


def test_clean_rejects_a_document_with_no_text_left(settings):
    result = clean_document(_raw("ADVERTISEMENT\nShare\nTweet\nComments are closed."), settings)
    assert isinstance(result, Rejected)
    assert result.stage == "clean" and "no article text" in result.reason


def test_clean_flags_non_english(settings):
    text = (
        "Le barrage de Kessra a cédé jeudi soir et l'eau a inondé trois villages en aval, "
        "selon les autorités locales qui ont ordonné l'évacuation de milliers d'habitants."
    )
    article = clean_document(_raw(text), settings)
    assert article.language == "fr"
    assert any("not 'en'" in w for w in article.warnings)


LINES = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"), max_size=80)


@hsettings(max_examples=200, deadline=None)
@given(st.lists(LINES, max_size=25))
def test_clean_loses_no_line(lines):
    """Every non-blank input line ends up in the kept text or in the removed list."""
    text = "\n".join(lines)
    verdicts = classify_lines(text)
    covered = set()
    for v in verdicts:
        covered.update(range(v.unit.first, v.unit.last + 1))
        assert v.kept or v.reason
    assert covered == {i for i, line in enumerate(text.split("\n")) if line.strip()}


def test_clean_title_skips_site_name_tagline_and_section_label(settings):
    text = (
        "THE VELDHAVEN COURIER\n"
        "Your harbour, your news\n"
        "NEWS | PORT\n\n"
        "Harbour authority closes the old quay after storm damage to the sea wall\n"
        "15.10.2026 | 08:30 | Reading time: 4 min\n\n"
        "The harbour authority closed the old quay on Wednesday after engineers found cracks in the sea wall.\n"
    )
    article = clean_document(_raw(text), settings)
    assert article.title == "Harbour authority closes the old quay after storm damage to the sea wall"
    assert article.published == "2026-10-15"
    assert article.text == "The harbour authority closed the old quay on Wednesday after engineers found cracks in the sea wall."
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["NEWS | PORT"] == "section or site label"
