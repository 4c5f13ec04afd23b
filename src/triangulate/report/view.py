"""What the Markdown and HTML reports show, computed once for both."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Article, Briefing, Cited, Entity, Fact, Wording

#: Entity types the reports list, and how many: the ones named by most articles.
LISTED_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")
MAX_LISTED = 25

#: How many agreed and single-source facts, quotes and dated events the
#: reports show (the JSON has all of them).
MAX_FACTS_SHOWN = 8
MAX_QUOTES_SHOWN = 10
MAX_TIMELINE_SHOWN = 20


def number(value: float) -> str:
    """150000000.0 -> '150,000,000'; 2.5 -> '2.5'."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")


def _month_before(day: str) -> str:
    """'2026-03-12' -> '2026-02-12' (string order matches date order)."""
    year, month = int(day[:4]), int(day[5:7] or 1)
    year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return f"{year:04d}-{month:02d}{day[7:]}"


@dataclass(frozen=True, slots=True)
class SourceRow:
    number: int
    article: Article
    group: str


@dataclass(frozen=True, slots=True)
class ReportView:
    briefing: Briefing
    sources: tuple[SourceRow, ...]
    numbers: dict[str, int]  # article id -> citation number
    shared_words: dict[str, dict[str, int]] = field(default_factory=dict)  # article -> other article -> words

    def refs(self, cited: Cited) -> list[tuple[int, str]]:
        """(number, article id) for each citation, in citation-number order."""
        return self.cite(cited.citations)

    @property
    def bullets(self) -> list[tuple[int, Cited]]:
        """(number, sentence) of the briefing, without the one the headline
        already says (the JSON keeps it: the summary stands on its own there)."""
        headline = self.briefing.headline
        return [
            (n, c) for n, c in enumerate(self.briefing.summary, start=1)
            if not (headline and (c.article, c.start) == (headline.article, headline.start))
        ]

    def cite(self, articles) -> list[tuple[int, str]]:
        return sorted((self.numbers[a], a) for a in set(articles) if a in self.numbers)

    def facts_with(self, status: str) -> list[Fact]:
        facts = [f for f in self.briefing.facts if f.status == status]
        if status == "single-source":  # the ones about the event's main actors first
            facts = [f for f in facts if len(f.text.split()) >= 8]
        return facts[:MAX_FACTS_SHOWN]

    @property
    def framing(self) -> list[tuple[str, list[tuple[str, Wording]]]]:
        """(what the actors did, [(outlet, wording)]) for actors named differently."""
        groups: dict[str, list[tuple[str, Wording]]] = {}
        for row in self.briefing.coverage:
            for wording in row.wordings:
                groups.setdefault(wording.about, []).append((row.source, wording))
        return [(about, items) for about, items in groups.items() if len({w.text.lower() for _, w in items}) >= 2]

    def shares_with(self, article_id: str) -> list[tuple[int, str, int]]:
        """(citation number, article id, shared words) of articles sharing text with this one."""
        found = self.shared_words.get(article_id, {})
        return sorted((self.numbers[a], a, words) for a, words in found.items() if a in self.numbers)

    @property
    def main_quotes(self):
        """Quotes carried by most articles first (the JSON has all of them)."""
        quotes = [q for q in self.briefing.quotes if q.speaker]
        return sorted(quotes, key=lambda q: -len(q.articles))[:MAX_QUOTES_SHOWN]

    @property
    def agreed_numbers(self):
        """Counts two or more sources give the same value for."""
        return [g for g in self.briefing.numbers if not g.conflict and len(g.articles) >= 2][:MAX_FACTS_SHOWN]

    @property
    def main_timeline(self):
        """Dated events near the event (within a month of its first article), or
        given by two or more articles."""
        start = self.briefing.event.start or ""
        near = _month_before(start) if start else ""
        entries = [t for t in self.briefing.timeline if (near and t.date >= near) or len(t.articles) >= 2]
        return entries[:MAX_TIMELINE_SHOWN]

    @staticmethod
    def number(value: float) -> str:
        return number(value)

    def fact_label(self, index: int) -> str:
        return self.briefing.facts[index].text

    def outlet(self, article_id: str) -> str:
        row = self.sources[self.numbers[article_id] - 1]
        return row.article.source or article_id

    @property
    def main_entities(self) -> list[Entity]:
        """Listed entities: named in two or more articles (all of them for a single
        article), most widely reported first; the JSON has every entity."""
        named = [e for e in self.briefing.entities if e.type in LISTED_TYPES]
        if len(self.sources) > 1:
            named = [e for e in named if len(e.articles) >= 2]
        return named[:MAX_LISTED]

    @property
    def period(self) -> str:
        event = self.briefing.event
        if event.start and event.end and event.start != event.end:
            return f"{event.start} to {event.end}"
        return event.start or "undated"

    @property
    def overview(self) -> str:
        event = self.briefing.event
        articles = f"{event.articles} article{'s' * (event.articles != 1)}"
        sources = f"{event.sources} independent source{'s' * (event.sources != 1)}"
        aligned = "facts aligned by meaning" if event.alignment.startswith("meaning") else "facts aligned by shared words"
        return f"{articles} from {sources}, {self.period}; {aligned}"


def build_view(briefing: Briefing) -> ReportView:
    rows = tuple(
        SourceRow(number, article, briefing.groups.get(article.id, article.id))
        for number, article in enumerate(briefing.articles, start=1)
    )
    shared: dict[str, dict[str, int]] = {}
    for passage in briefing.shared:  # once, not once per article
        a, b = passage.articles
        for one, other in ((a, b), (b, a)):
            words = shared.setdefault(one, {})
            words[other] = words.get(other, 0) + passage.words
    return ReportView(briefing, rows, {row.article.id: row.number for row in rows}, shared)
