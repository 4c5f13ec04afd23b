"""Coverage and framing: which outlet reported which fact, which widely
reported facts an outlet left out, and the words each outlet chose for the
actors of the facts they share."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..unionfind import DisjointSets
from ..model import AnalyzedArticle, Article, CoverageRow, Fact, Sentence, Span, Wording

#: Determiners and pronouns are not a framing choice: "the troops" / "troops".


def coverage(
    articles: Sequence[Article], analyzed: Sequence[AnalyzedArticle], facts: Sequence[Fact]
) -> tuple[CoverageRow, ...]:
    """One row per outlet, in order of first appearance."""
    outlets: dict[str, list[str]] = {}
    for article in articles:
        outlets.setdefault(article.source or article.id, []).append(article.id)
    wordings = _framing(analyzed)
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


#: Two statements describe the same action when their cosine is at least this
#: and they share two content words besides their subjects.
SAME_ACTION_MIN = 0.15


def _framing(analyzed: Sequence[AnalyzedArticle]) -> list[Wording]:
    """Statements from different outlets that describe the same action by a
    group of people, named with different words ("a mob" / "angry residents")."""
    from ..vectors import tfidf

    items = [
        (a.id, s, actor) for a in analyzed for s in a.sentences for actor in s.actors
        if _actor_phrase(actor.text)
    ]
    if len(items) < 2:
        return []
    contexts = [tuple(w for w in s.content if w not in _words(actor.text)) for _, s, actor in items]
    vectors = tfidf(contexts)
    similarity = (vectors @ vectors.T).toarray()
    sets = DisjointSets(range(len(items)))

    shared_words: dict[int, list[str]] = {}
    for i, (article_i, _, actor_i) in enumerate(items):
        for j in range(i + 1, len(items)):
            article_j, _, actor_j = items[j]
            if article_i == article_j or similarity[i, j] < SAME_ACTION_MIN:
                continue
            if _head(actor_i.text) == _head(actor_j.text):
                continue
            shared = [w for w in contexts[i] if w in set(contexts[j])]
            if len(set(shared)) < 2:
                continue
            sets.union(i, j)
            shared_words.setdefault(i, []).extend(shared)
            shared_words.setdefault(j, []).extend(shared)
    components: dict[int, list[int]] = {}
    for i in shared_words:
        components.setdefault(sets.find(i), []).append(i)
    found: dict[tuple[str, int], Wording] = {}
    for members in components.values():
        first_per_article = {}
        for i in sorted(members):
            first_per_article.setdefault(items[i][0], i)
        if len(first_per_article) < 2:
            continue
        about = _label([items[i] for i in first_per_article.values()])
        for article, i in first_per_article.items():
            actor = items[i][2]
            found[(article, actor.start)] = Wording(about, article, actor.text)
    return list(found.values())


#: A label says what the actor did in at most this many words.
LABEL_WORDS = 8

_CLAUSE_END = re.compile(r"[,.;:!?\"“”]|\s(?:and|but|while|as|after|before|when|where|until|because)\s")


def _label(members: Sequence[tuple[str, Sentence, Span]]) -> str:
    """Who the actor is, in words a reader understands: "those who blocked the
    minister's convoy": the account of what they did (the words after the
    actor, to the end of its clause) that shares most words with the other
    outlets' accounts, the shorter among equals."""
    actions = []
    for _, sentence, actor in members:
        rest = sentence.text[actor.end - sentence.start :]
        action = _CLAUSE_END.split(rest, maxsplit=1)[0].split()
        if action:
            actions.append(action[:LABEL_WORDS])
    if not actions:
        return "the same actors"

    def shared(action: list[str]) -> int:
        words = {w.lower() for w in action}
        return sum(len(words & {w.lower() for w in other}) for other in actions if other is not action)

    return "those who " + " ".join(max(actions, key=lambda a: (shared(a), -len(a))))


def _words(phrase: str) -> set[str]:
    return {w.lower().rstrip("s") for w in phrase.split()} | {w.lower() for w in phrase.split()}


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
        and head not in _THINGS
        and (head in _GROUP_NOUNS or (head.endswith(("ers", "ors", "ists", "ents", "ans", "ops", "iers", "ees"))))
    )


#: Subject heads that name no actor ("most", "the count", "both statements").
_NOT_ACTORS = frozenset(
    "most many some others all both each count number toll figure statement statements report it this that "
    "he she they we i you who which what there one".split()
)

#: Plural nouns with the endings of people's nouns ("-ers", "-ents", "-ees")
#: that name things: "Organisers" / "helicopters" is no framing difference.
_THINGS = frozenset(
    "helicopters containers computers papers numbers letters centres centers waters towers borders orders matters "
    "trailers tractors reactors sectors factors motors generators elevators layers filters rivers corridors shelters "
    "headquarters quarters markers posters banners barriers chambers members' events documents incidents comments "
    "payments statements agreements elements segments arguments moments amendments settlements investments "
    "developments shipments instruments departments apartments governments treatments tents trees fees degrees "
    "plans loans scans tops stops drops crops".split()
)

#: Collective nouns for groups of people.
_GROUP_NOUNS = frozenset("mob crowd army police military government public militia regime opposition".split())
