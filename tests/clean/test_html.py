"""Main text and metadata from HTML pages (triangulate.clean.html)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from triangulate.clean.html import (
    BOILERPLATE_MAX_LINES,
    HtmlExtract,
    extract_html,
    visible_lines,
)
from triangulate.errors import InputError

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "html"

HERALD_PARAGRAPHS = [
    "Ferry service to Marlow Island suspended after storm damages pier",
    "The only ferry link between the mainland and Marlow Island has been suspended after "
    "Storm Ilse tore away part of the pier at Kelby Harbour on Monday night, leaving about "
    "1,200 residents without a scheduled crossing.",
    "Westwater Ferries said no sailings would run until at least Friday, when engineers expect "
    "to finish an inspection of the pier's timber supports. \"We will not put passengers or crew "
    "at risk while the structure is unsafe,\" operations director Daniel Mercer said.",
    "Islanders who need urgent medical care will be taken across by the coastguard lifeboat, the "
    "regional health board confirmed. A temporary supply run for the island's shop is planned for "
    "Wednesday, weather permitting.",
    "Second closure this winter",
    "It is the second time since December that the pier has been closed. Councillor Amira Haddad "
    "said the island had been promised a new pier in 2019 and that residents were \"running out of "
    "patience with temporary repairs\".",
    "The regional council said funding for a replacement would be discussed at its budget meeting "
    "on 14 March.",
]


def page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def herald() -> HtmlExtract:
    return extract_html(page("coastal-herald-ferry.html"))


@pytest.fixture(scope="module")
def courrier() -> HtmlExtract:
    return extract_html(
        page("courrier-du-lac-barrage.html"), url="https://courrierdulac.example/region/barrage"
    )


def test_html_main_text_kept_paragraph_by_paragraph(herald: HtmlExtract) -> None:
    assert herald.method == "trafilatura"
    assert herald.text.split("\n\n") == HERALD_PARAGRAPHS


def test_html_line_break_stays_inside_its_paragraph() -> None:
    body = "".join(
        f"<p>Paragraph {n} of the harbour report has enough words to be read as article text.</p>"
        for n in range(1, 4)
    )
    html = (
        "<html><body><article>"
        f"{body}<p>Harbour office<br>Quay Street 4<br>Kelby</p>"
        "</article></body></html>"
    )
    blocks = extract_html(html).text.split("\n\n")
    assert blocks[-1] == "Harbour office\nQuay Street 4\nKelby"
    assert len(blocks) == 4


def test_html_navigation_footer_and_sidebar_go_to_boilerplate(herald: HtmlExtract) -> None:
    furniture = [
        "News",
        "Sport",
        "Most read",
        "Lifeboat crew honoured for midnight rescue",
        "Sign up to our morning newsletter",
        "About us | Contact | Privacy policy",
        "© 2024 The Coastal Herald. All rights reserved.",
    ]
    for line in furniture:
        assert line in herald.boilerplate
        assert line not in herald.text.split("\n")
    assert "Lifeboat crew honoured" not in herald.text
    assert "All rights reserved" not in herald.text


def test_html_cookie_banner_not_in_text(herald: HtmlExtract) -> None:
    assert "cookies" not in herald.text
    banner = "We use cookies to improve your experience and to show you relevant advertising."
    assert banner in herald.boilerplate


def test_html_nothing_visible_is_lost(herald: HtmlExtract, courrier: HtmlExtract) -> None:
    for name, result in (("coastal-herald-ferry.html", herald), ("courrier-du-lac-barrage.html", courrier)):
        kept = set(result.text.split("\n"))
        for line in visible_lines(page(name)):
            assert line in kept or line in result.boilerplate or line in result.text, line


def test_html_scripts_styles_and_head_are_not_boilerplate(herald: HtmlExtract) -> None:
    joined = "\n".join(herald.boilerplate)
    assert "dataLayer" not in joined
    assert "position: fixed" not in joined
    assert "NewsArticle" not in joined


def test_html_metadata_read_from_og_tags_and_json_ld(herald: HtmlExtract) -> None:
    assert herald.title == "Ferry service to Marlow Island suspended after storm damages pier"
    assert herald.published == "2024-03-05"
    assert herald.sitename == "The Coastal Herald"
    assert herald.url == "https://www.coastalherald.example/news/2024/03/05/marlow-ferry-suspended"
    assert herald.author == "Ruth Okafor"
    assert herald.language == "en"


def test_html_sitename_from_json_ld_publisher_without_og(courrier: HtmlExtract) -> None:
    assert courrier.sitename == "Le Courrier du Lac"
    assert courrier.published == "2024-02-19"
    assert courrier.language == "fr"
    assert courrier.author == "Élodie Brunner"


def test_html_url_passed_in_is_kept_when_page_has_no_canonical(courrier: HtmlExtract) -> None:
    assert courrier.url == "https://courrierdulac.example/region/barrage"


def test_html_no_sitename_without_og_or_publisher() -> None:
    html = (
        "<html><head><title>Harbour notes | example.org</title></head><body><article>"
        "<p>The harbour master published the spring tide tables for the coming month today.</p>"
        "<p>Boat owners are asked to check their moorings before the equinox tides arrive.</p>"
        "</article></body></html>"
    )
    assert extract_html(html, url="https://example.org/notes").sitename is None


def test_html_non_ascii_preserved(courrier: HtmlExtract) -> None:
    assert "« Le chantier s'est déroulé sans incident et dans les délais »" in courrier.text
    assert "Zoë Núñez-Öztürk" in courrier.text
    assert "2,3 millions d'euros" in courrier.text
    assert courrier.title == "Le barrage de Vérenne rouvre après trois semaines de travaux"
    assert "Économie" in courrier.boilerplate


def test_html_max_date_bounds_the_publication_date() -> None:
    extract = extract_html(page("coastal-herald-ferry.html"), max_date="2024-01-31")
    assert extract.published != "2024-03-05"
    assert extract.text.split("\n\n") == HERALD_PARAGRAPHS


def test_html_fallback_body_when_trafilatura_finds_no_article() -> None:
    extract = extract_html(page("script-shell-with-comments.html"))
    assert extract.method == "fallback-body"
    assert extract.text.split("\n\n") == [
        "harbourwatcher",
        "Third closure I can remember. The pier needed replacing ten years ago.",
        "m_islander",
        "The lifeboat crew have been brilliant, as always.",
    ]
    assert extract.boilerplate == ()
    assert extract.title == "Marlow Island ferry: your reactions"


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   \n",
        "<html><head><title>Loading</title></head><body></body></html>",
        "<html><body><script>renderArticle()</script><style>p {}</style></body></html>",
        '<html><body><div hidden><p>Not shown to readers.</p></div></body></html>',
    ],
    ids=["empty", "blank", "empty-body", "scripts-only", "hidden-only"],
)
def test_html_page_without_text_raises_input_error(html: str) -> None:
    with pytest.raises(InputError) as caught:
        extract_html(html, origin="feeds/herald/page.html")
    assert caught.value.origin == "feeds/herald/page.html"
    assert caught.value.reason.startswith("no text found in the HTML page")


def test_html_boilerplate_is_deduplicated_and_capped() -> None:
    links = "".join(f"<li><a href='/t/{n}'>Topic {n}</a></li>" for n in range(BOILERPLATE_MAX_LINES + 50))
    html = (
        "<html><body><nav><a href='/'>Home</a></nav>"
        f"<aside><ul>{links}</ul></aside>"
        "<article><p>The harbour master published the spring tide tables for the coming month today.</p>"
        "<p>Boat owners are asked to check their moorings before the equinox tides arrive.</p></article>"
        "<footer><a href='/'>Home</a></footer></body></html>"
    )
    extract = extract_html(html)
    assert extract.boilerplate.count("Home") == 1
    assert len(extract.boilerplate) == BOILERPLATE_MAX_LINES


def test_html_extract_is_frozen(herald: HtmlExtract) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        herald.text = "changed"  # type: ignore[misc]


def test_html_same_input_same_output() -> None:
    html = page("coastal-herald-ferry.html")
    assert extract_html(html) == extract_html(html)
