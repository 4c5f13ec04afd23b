"""Entities across articles: mentions grouped under one canonical name.

Mentions merge when their normalised names are equal (case, punctuation, a
leading "the", a possessive "'s" and spacing do not count). Merging across
spelling variants and partial names is deliberately not done here: a wrong merge
is worse than two entries for one entity.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

from ..model import AnalyzedArticle, Entity, content_id

#: Types that go into the entity list, with the order used to break ties when
#: spaCy labels the same name differently in different sentences.
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART")


def normalise_name(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"['’]s\b", "", text)
    text = re.sub(r"^the\s+", "", text.strip())
    return " ".join(re.findall(r"\w+", text))


def collect_entities(analyzed: Iterable[AnalyzedArticle]) -> tuple[Entity, ...]:
    """Entities of an event, most mentioned first."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    articles: dict[str, list[str]] = defaultdict(list)
    for item in analyzed:
        for mention in item.mentions:
            if mention.label not in ENTITY_TYPES:
                continue
            surface = _surface(mention.text)
            key = normalise_name(surface)
            if not key or not any(c.isalpha() for c in key):
                continue
            forms[key][surface] += 1
            labels[key][mention.label] += 1
            if item.id not in articles[key]:
                articles[key].append(item.id)
    entities = []
    for key, seen in forms.items():
        label = max(labels[key], key=lambda lab: (labels[key][lab], -ENTITY_TYPES.index(lab)))
        name = max(seen, key=lambda form: (seen[form], form[:1].isupper(), len(form)))
        entities.append(
            Entity(
                id=content_id(label, key, length=10),
                name=name,
                type=label,
                aliases=tuple(sorted(seen)),
                articles=tuple(articles[key]),
                mentions=sum(seen.values()),
            )
        )
    entities.sort(key=lambda e: (-len(e.articles), -e.mentions, e.name))
    return tuple(entities)


def _surface(text: str) -> str:
    text = re.sub(r"\s+", " ", text.strip())
    text = re.sub(r"^(?:the|The)\s+(?=[A-Z])", "", text)
    return re.sub(r"['’]s$", "", text)
