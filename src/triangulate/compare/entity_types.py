"""The type of a merged entity, by vote across its mentions.

spaCy's small English pipeline labels the same name differently from sentence
to sentence: a town is ORG after "through", a village PERSON in a list of
villages, a surname ORG before "told reporters". Each mention votes its label;
a mention right after a strong place cue ("in", "near", "the village of",
"south of", "southern", or followed by ", a village/country ...") votes for a
place instead, unless the name reads as an organisation ("... Ministry",
"... Party"). The majority wins, with one exception: PERSON only with
evidence of a person (a title, an age "X, 52,", ", who", an apposition naming a
role "X, the deputy mayor", or a later surname-only mention resolved to it);
with such evidence a name shaped like a person's (two to four capitalised
words, no organisation word) is a PERSON whatever spaCy voted.
Without evidence the best other label wins; if spaCy gave no other label, a
place cue makes it a place, and otherwise PERSON stays, marked uncertain.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .mentions import ENTITY_TYPES, NameMention

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

#: Words that make a name an organisation whatever precedes it ("in Parliament").
ORG_WORDS = frozenset(
    """
    party ministry authority council parliament congress agency company bank group association union court
    police army forces force university hospital school fund committee commission directorate department
    office service services corporation inc ltd fm tv radio news report tribune herald times post review
    today wire press crescent cross international organisation organization institute centre center
    foundation federation league
    """.split()
)

#: Last words that make a name a law or treaty.
LAW_HEADS = frozenset("Act Law Treaty Convention Accord Accords Charter Directive Bill Code Constitution".split())

_STRONG_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|near|outside|inside|across|around)\s+"
    r"|\b(?:town|village|city|province|region|district|country|capital|valley|suburb|suburbs|outskirts|"
    r"state|county|governorate|island|port|streets|people|residents|citizens)\s+of\s+"
    r"|\b(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of\s+"
    r"|\b(?:northern|southern|eastern|western|central|neighbou?ring)\s+)$",
    re.IGNORECASE,
)
_WEAK_PLACE_BEFORE = re.compile(r"\b(?:from|to|into|towards?|through|via)\s+$", re.IGNORECASE)
_NOT_PLACE_BEFORE = re.compile(r"\baccording\s+to\s+$|\b(?:told|said|spoke|wrote|belong(?:s|ed)?)\s+to\s+$", re.IGNORECASE)
_PLACE_APPOSITION = re.compile(
    r"^,\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}?(?:village|town|city|country|capital|province|region|district|"
    r"nation|state|port|island|valley|kingdom|republic)\b",
    re.IGNORECASE,
)

ROLE_NOUNS = (
    "spokesman|spokeswoman|spokesperson|director|engineer|minister|mayor|commander|judge|farmer|member|"
    "chair|chairman|chairwoman|head|chief|official|president|leader|correspondent|reporter|resident|teacher|"
    "doctor|nurse|driver|owner|officer|analyst|expert|professor|student|lawyer|researcher|economist|manager|"
    "secretary|ambassador|governor|deputy|senator|activist|witness|survivor|mother|father|son|daughter|wife|"
    "husband|brother|sister|widow|founder|coordinator|adviser|advisor|pharmacist|shopkeeper|worker|mp"
)
_PERSON_AFTER = re.compile(
    r"^(?:,\s*\d{1,3}\s*,|,\s+who\b|\s+\(\d{1,3}\)"
    rf"|,\s+(?:a|an|the|his|her|its|their)\s+(?:[\w’'-]+\s+){{0,4}}?(?:{ROLE_NOUNS})\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class TypeVote:
    label: str
    person_evidence: bool
    uncertain: bool  # PERSON by spaCy alone, no evidence either way


def vote_type(
    mentions: Iterable[NameMention],
    texts: Mapping[str, str],
    resolved: Iterable[NameMention] = (),
) -> TypeVote:
    """The label of one merged entity from its ``mentions`` (``resolved`` are
    the surname-only mentions among them that were resolved to a person)."""
    mentions = list(mentions)
    resolved_ids = {id(m) for m in resolved}
    evidence = bool(resolved_ids) or any(
        m.titles or _PERSON_AFTER.match(texts.get(m.article, "")[m.end : m.end + 80]) for m in mentions
    )
    # A place cue turns a vote into a place vote, unless the name reads as an
    # organisation or the entity is known to be a person ("in Qassar's cabinet").
    flip = not evidence and not any(_org_name(m.core) for m in mentions)
    place_label = "LOC" if any(m.label == "LOC" for m in mentions) else "GPE"
    votes: Counter[str] = Counter()
    weak_place = strong_place = False
    for m in mentions:
        text = texts.get(m.article, "")
        before, after = text[max(0, m.start - 40) : m.start], text[m.end : m.end + 80]
        label = "PERSON" if id(m) in resolved_ids or m.titles and m.label not in PLACE_LABELS else m.label
        strong = bool(_STRONG_PLACE_BEFORE.search(before) or _PLACE_APPOSITION.match(after))
        weak = bool(_WEAK_PLACE_BEFORE.search(before)) and not _NOT_PLACE_BEFORE.search(before)
        strong_place |= strong
        weak_place |= weak
        if strong and flip and label in ("ORG", "PERSON", "FAC", "NORP"):
            label = place_label
        votes[label] += 1
    if flip:
        for _ in _place_cues_elsewhere(mentions, texts):
            votes[place_label] += 1
            strong_place = True
    label = _best(votes)
    if label in ("ORG", "PRODUCT", "WORK_OF_ART") and any(m.core.split()[-1] in LAW_HEADS for m in mentions):
        return TypeVote("LAW", False, False)  # "Communications Data Retention Act"
    if label != "PERSON" and evidence and label not in PLACE_LABELS and any(_person_shaped(m.core) for m in mentions):
        return TypeVote("PERSON", True, False)  # "Margit Ehrenholm, the head of the mission" (WORK_OF_ART)
    if label == "PERSON" and not evidence:
        others = Counter({k: v for k, v in votes.items() if k != "PERSON"})
        if others:
            return TypeVote(_best(others), False, False)
        if strong_place or weak_place:
            return TypeVote(place_label, False, False)
        return TypeVote("PERSON", False, True)
    return TypeVote(label, evidence, False)


def _best(votes: Counter[str]) -> str:
    return max(votes, key=lambda lab: (votes[lab], -ENTITY_TYPES.index(lab) if lab in ENTITY_TYPES else -99))


def _person_shaped(core: str) -> bool:
    """Two to four capitalised words, no organisation word: "Margit Ehrenholm"."""
    words = core.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not _org_name(core)


def _org_name(core: str) -> bool:
    return any(w.lower().strip(".’'") in ORG_WORDS for w in core.split())


def _place_cues_elsewhere(mentions: list[NameMention], texts: Mapping[str, str]) -> Iterable[tuple[str, int]]:
    """Occurrences of the entity's names that spaCy did not tag, right after a
    strong place cue ("in southern Tamzara")."""
    tagged = {(m.article, m.start) for m in mentions}
    seen: set[tuple[str, int]] = set()
    for article in sorted({m.article for m in mentions}):
        text = texts.get(article, "")
        for core in sorted({m.core for m in mentions if m.article == article and m.core[:1].isupper()}):
            pattern = re.compile(r"(?<!\w)" + re.escape(core) + r"(?![\w’'-])(?!\s+[A-Z])")
            for found in pattern.finditer(text):
                spot = (article, found.start())
                if spot in tagged or spot in seen:
                    continue
                if _STRONG_PLACE_BEFORE.search(text[max(0, found.start() - 40) : found.start()]) or _PLACE_APPOSITION.match(
                    text[found.end() : found.end() + 80]
                ):
                    seen.add(spot)
                    yield spot
