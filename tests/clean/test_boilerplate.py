import pytest
from hypothesis import given, settings as hsettings, strategies as st

from triangulate.clean import clean_document, fit_boilerplate
from triangulate.clean.boilerplate import BoilerplateModel, classify_lines
from triangulate.clean.metadata import outlet_evidence
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


COMMENT_BLOCK_DUMP = """Ferry service resumes after winter storms

The ferry between Oskar Island and the mainland ran again on Wednesday for the first time in three weeks.

Islanders said shops had run short of bread and fuel during the closure.

Reader comments
The Island Lantern moderates every comment before it is published.
We are glad to host robust debate and sharp criticism, including of this newspaper.
Comments containing personal attacks, hate speech or advertising will be rejected.
Comments are never edited: each one is published as written or not at all.
"""


def test_clean_comment_policy_block_is_boilerplate_and_names_the_outlet(settings):
    article = clean_document(_raw(COMMENT_BLOCK_DUMP, id="dump-17"), settings)
    assert article.text.splitlines()[-1] == "Islanders said shops had run short of bread and fuel during the closure."
    policy = [r.text for r in article.removed if r.reason == "comment policy"]
    assert policy == [
        "The Island Lantern moderates every comment before it is published.",
        "We are glad to host robust debate and sharp criticism, including of this newspaper.",
        "Comments containing personal attacks, hate speech or advertising will be rejected.",
        "Comments are never edited: each one is published as written or not at all.",
    ]
    assert article.source == "The Island Lantern"
    assert article.source_evidence == "comment policy: The Island Lantern moderates every comment before it is published."


def test_clean_prose_about_comments_in_the_article_stays():
    text = ("The minister said the comments were taken out of context.\n"
            "Critics said she had deleted posts and blocked journalists who asked about the contract.\n")
    assert all(v.kept for v in classify_lines(text))


@pytest.mark.parametrize(("line", "outlet", "kind"), [
    ("File photo: Omar Said/The Delta Mirror", "The Delta Mirror", "photo credit"),
    ("A farmer checks her crop. Credit...Ines Moretti for The Lantern", "The Lantern", "photo credit"),
    ("A trader at work, May 4, 2026. KESTRELWIRE/Ana Ruiz/File Photo", "Kestrelwire", "photo credit"),
    ("Copyright 2026 Fenwick Courier Media Group. All rights reserved.", "Fenwick Courier", "copyright line"),
    ("Dana Holt, Orchard Gazette Staff", "Orchard Gazette", "staff byline"),
    ("Download the Tidewater Post app for alerts.", "Tidewater Post", "app or newsletter prompt"),
    ("Comments on Marsh Weekly are pre-moderated.", "Marsh Weekly", "comment policy"),
    ("OSLEN, Jan 3 (Northline) -", "Northline", "dateline agency"),
])
def test_metadata_outlet_named_by_its_own_lines(line, outlet, kind):
    found = outlet_evidence(["Share this article", line])
    assert (found.name, found.kind, found.line) == (outlet, kind, line)


def test_metadata_outlet_evidence_prefers_a_copyright_line_to_a_dateline_agency():
    found = outlet_evidence(["OSLEN, Jan 3 (Northline) -", "© 2026 The Oslen Star"])
    assert (found.name, found.kind) == ("The Oslen Star", "copyright line")
    assert outlet_evidence(["Photo: AFP/Getty Images", "(Reuters)"]) is None
    assert outlet_evidence(["Download the free app for alerts.", "By Jane Doe, our correspondent, in the city",
                            "Reporting by our correspondent, in the capital"]) is None


def test_clean_outlet_fixture_dumps_name_themselves(root, settings):
    from triangulate.evaluate.boilerplate import read_gold_dir

    dumps = read_gold_dir(root / "tests" / "fixtures" / "outlets")
    assert len(dumps) >= 8
    for dump in dumps:
        article = clean_document(_raw(dump.text, id=dump.name), settings)
        assert article.source == dump.meta["source"], (dump.name, article.source_evidence)
        assert not article.source_evidence.startswith("file name")


def test_clean_outlet_from_the_file_name_says_so(settings):
    article = clean_document(_raw("The council met on Monday and approved the budget.\n", id="river-news"), settings)
    assert (article.source, article.source_evidence) == (
        "River News", "file name (the text does not name its outlet)")
