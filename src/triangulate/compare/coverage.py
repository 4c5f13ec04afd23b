"""Coverage and framing: which outlet reported which fact, which widely
reported facts an outlet left out, and the words each outlet chose for the
actors of the facts they share."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import AnalyzedArticle, Article
from .facts import Fact

#: Determiners and pronouns are not a framing choice: "the troops" / "troops".
_FUNCTION_WORDS = frozenset("the a an this that these those its their his her our some many".split())


@dataclass(frozen=True, slots=True)
class Wording:
    """The phrase one outlet used for the actor of a shared fact."""

    fact: int  # index into the briefing's facts
    article: str
    text: str


@dataclass(frozen=True, slots=True)
class CoverageRow:
    source: str
    articles: tuple[str, ...]
    reported: tuple[int, ...]  # facts this outlet reported
    missing: tuple[int, ...]  # facts two or more other sources reported, this one did not
    wordings: tuple[Wording, ...]  # its words for actors that other outlets named differently


def coverage(
    articles: Sequence[Article], analyzed: Sequence[AnalyzedArticle], facts: Sequence[Fact]
) -> tuple[CoverageRow, ...]:
    """One row per outlet, in order of first appearance."""
    outlets: dict[str, list[str]] = {}
    for article in articles:
        outlets.setdefault(article.source or article.id, []).append(article.id)
    subjects = _subjects(analyzed)
    wordings = _framing(facts, subjects)
    rows = []
    for source, ids in outlets.items():
        mine = set(ids)
        reported = tuple(n for n, f in enumerate(facts) if mine & set(f.articles))
        missing = tuple(
            n for n, f in enumerate(facts)
            if not mine & set(f.articles) and len(f.groups) >= 2
        )
        rows.append(
            CoverageRow(
                source=source,
                articles=tuple(ids),
                reported=reported,
                missing=missing,
                wordings=tuple(w for w in wordings if w.article in mine),
            )
        )
    return tuple(rows)


def _subjects(analyzed: Sequence[AnalyzedArticle]) -> Mapping[tuple[str, int], str]:
    """(article, sentence start) -> the subject phrase of that sentence's claim."""
    return {
        (a.id, s.start): s.subject.text
        for a in analyzed
        for s in a.sentences
        if s.subject is not None
    }


def _framing(facts: Sequence[Fact], subjects: Mapping[tuple[str, int], str]) -> list[Wording]:
    """For facts stated by two or more outlets: each outlet's subject phrase,
    kept when the outlets did not all use the same words."""
    found: list[Wording] = []
    for index, fact in enumerate(facts):
        if len(fact.articles) < 2:
            continue
        phrases = [
            Wording(index, s.article, subjects[(s.article, s.start)])
            for s in fact.statements
            if (s.article, s.start) in subjects
        ]
        phrases = [p for p in phrases if _actor_phrase(p.text)]
        if len({p.article for p in phrases}) >= 2 and len({_head(p.text) for p in phrases}) >= 2:
            found.extend(phrases)
    return found


#: Subject heads that name no actor ("most", "the count", "both statements").
_NOT_ACTORS = frozenset(
    "most many some others all both each count number toll figure statement statements report it this that "
    "he she they we i you who which what there one".split()
)


def _head(phrase: str) -> str:
    words = [w for w in phrase.lower().split() if w.isalpha()]
    return words[-1] if words else ""


def _actor_phrase(phrase: str) -> bool:
    """A short common-noun phrase naming a group of people ("angry residents",
    "a mob", "the troops"): where outlets' word choices differ. Names, counts
    and things are not framing."""
    words = phrase.split()
    head = _head(phrase)
    return (
        1 <= len(words) <= 4
        and not any(w[:1].isdigit() for w in words)
        and not any(w[:1].isupper() for w in words[1:])
        and head not in _NOT_ACTORS
        and (head in _GROUP_NOUNS or (head.endswith(("ers", "ors", "ists", "ents", "ans", "ops", "iers", "ees"))))
    )


#: Collective nouns for groups of people.
_GROUP_NOUNS = frozenset("mob crowd army police military government public militia regime opposition".split())
