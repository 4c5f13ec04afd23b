"""Event clustering: the pure online core, and the hard case of two events of
the same kind."""

from __future__ import annotations

from triangulate.cluster import OnlineClusterer, features_of
from triangulate.cluster.split import split_events
from triangulate.model import Article


def _article(id_: str, title: str, text: str, published: str | None) -> Article:
    return Article(id=id_, origin=id_, text=text, title=title, published=published)


# Invented articles: two earthquakes, two strikes by one union a year apart, two
# celebrities in court in the same month. Each pair is the same kind of event,
# in different places, times or with different people: they must stay apart.
HARD_CASES = [
    _article("quake-a1", "Earthquake of magnitude 6.1 hits Varnholm",
             "A magnitude 6.1 earthquake struck near the town of Varnholm in northern Eskeland on Monday, "
             "killing at least nine people and damaging the old bridge over the Lissa river. Rescuers from "
             "Eskeland Civil Protection searched collapsed houses in Varnholm through the night.", "2026-02-02"),
    _article("quake-a2", "Varnholm counts its dead after quake",
             "Rescuers in Varnholm said on Tuesday the death toll from Monday's earthquake had risen to twelve. "
             "Eskeland Civil Protection said the Lissa bridge would stay closed while engineers inspect it.",
             "2026-02-03"),
    _article("quake-b1", "Strong earthquake shakes Port Amsel",
             "A strong earthquake of magnitude 6.4 shook the coastal city of Port Amsel in Durovia on Saturday, "
             "killing four people. The Durovian Red Crescent opened shelters at the Amsel football ground and "
             "the harbour was closed to ships.", "2026-02-21"),
    _article("quake-b2", "Port Amsel harbour reopens after earthquake",
             "The harbour of Port Amsel reopened on Sunday, a day after the earthquake, Durovian officials said. "
             "The Red Crescent said 300 families were sleeping at the Amsel football ground.", "2026-02-22"),
    _article("strike-a1", "Rail workers' union walks out over pay",
             "The Federated Rail Workers Union began a 48-hour strike on Wednesday over pay, halting trains "
             "between Calder and Merrow. Union leader Ada Voss said the offer of 3 percent was an insult.",
             "2025-05-14"),
    _article("strike-b1", "Rail workers strike again, this time over safety",
             "A year after their pay dispute, members of the Federated Rail Workers Union struck on Thursday over "
             "the closure of signal boxes on the Calder line. Union leader Ada Voss said staff cuts put lives at risk.",
             "2026-05-21"),
    _article("court-a1", "Singer Mira Dane in court over unpaid taxes",
             "Pop singer Mira Dane appeared before the Lenholt district court on Monday accused of failing to "
             "declare 2 million crowns of concert income. Her lawyer said she would pay what she owed.",
             "2026-03-09"),
    _article("court-b1", "Actor Jonas Brekke denies assault charge",
             "Film actor Jonas Brekke pleaded not guilty at the Aldmoor crown court on Wednesday to assaulting a "
             "photographer outside a nightclub in December. The trial was set for June.", "2026-03-11"),
]


def test_cluster_keeps_same_kind_different_events_apart():
    events = split_events(HARD_CASES)
    groups = sorted(sorted(a.id for a in members) for members in events)
    assert groups == [
        ["court-a1"], ["court-b1"], ["quake-a1", "quake-a2"], ["quake-b1", "quake-b2"], ["strike-a1"], ["strike-b1"],
    ]


def test_cluster_splits_the_bundled_examples_into_their_events(root):
    from triangulate.pipeline import read_and_clean
    from triangulate.settings import Settings

    articles, _ = read_and_clean([str(root / "examples" / "kessra-dam"), str(root / "examples" / "tamzara-cup-final")],
                                 Settings())
    events = split_events(articles)
    assert len(events) == 2
    assert {a.id for a in events[0]} >= {"mpa-wire", "kessra-tribune", "tamzari-review"}
    assert {a.id for a in events[1]} == {"qasr-daily", "almar-herald-sport", "tamzara-today-sport-0315", "mpa-sport-wire"}


def test_cluster_undated_article_is_placed_by_content():
    clusterer = OnlineClusterer().fit(  # other events first, so that term weights mean something
        (a.id, features_of(a.title, a.text, a.published)) for a in HARD_CASES[2:]
    )
    first = clusterer.partial_fit("a", features_of(HARD_CASES[0].title, HARD_CASES[0].text, "2026-02-02"))
    undated = clusterer.partial_fit("b", features_of(HARD_CASES[1].title, HARD_CASES[1].text, None))
    assert undated.event == first.event and not undated.created


def test_cluster_merged_event_id_redirects():
    clusterer = OnlineClusterer(threshold=0.2, merge_threshold=0.0)
    a = clusterer.add("a", features_of("Flood in Ostra", "The river Ostra flooded the town of Belin.", "2026-01-01"))
    b = clusterer.add("b", features_of("Belin flood", "Flood waters in Belin rose on Monday along the Ostra.", "2026-01-01"))
    assert a != b
    bridge = clusterer.partial_fit("c", features_of("Ostra flood in Belin", "The Ostra flood in Belin rose.", "2026-01-01"))
    assert bridge.merged and clusterer.resolve(b) == clusterer.resolve(a) == a == bridge.event


def test_cluster_is_deterministic_for_a_seed():
    items = [(a.id, features_of(a.title, a.text, a.published)) for a in HARD_CASES]
    one = OnlineClusterer(seed=3).fit(items).labels_
    two = OnlineClusterer(seed=3).fit(items).labels_
    assert one == two
