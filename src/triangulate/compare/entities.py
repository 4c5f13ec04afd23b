"""Entities across articles: the surface forms of one person, organisation or
place merged under one canonical name.

Steps, each one only ever merging (a union-find over mentions):

1. **Mentions** (:mod:`.mentions`): spaCy's names with their titles, noise
   removed; within each article a surname-only mention ("al-Rashidi", "Dr
   Saleh") is resolved to the one person with that surname named in full
   earlier (titles break ties, see :func:`.mentions.resolve_surnames`).
2. **Exact names**: mentions whose names are equal once case, accents,
   punctuation, a leading "the" and a possessive are set aside. Unresolved
   surname-only mentions join only each other here.
3. **Alias table** (:mod:`.aliases`): names listed on one line are one entity.
4. **Acronyms**: "NWA" joins "National Water Authority" when an article
   defines it ("National Water Authority (NWA)") or, failing that, when exactly
   one name of the event has those initials (three letters or more).
5. **Types** (:mod:`.entity_types`): majority label by vote, PERSON only with
   evidence.
6. **Spelling variants**: people when :func:`.names.same_person` holds for every
   pair of their full names across the two groups (complete linkage, so a chain
   of near matches cannot join two different people; "Karim al-Hashimi" and
   "Leila al-Hashimi" never match) and no third person fits one but not the
   other ("George Bush" joins neither George W. nor George H. W. Bush);
   organisations and places when
   :func:`.names.same_thing` holds and their types agree.
7. **Vowel variants** (:func:`.names.loosely_same_person`: "Khaled al-Nouri",
   "Khalid al-Nuri") join only when every pair of their full names fits, the
   two spellings never meet in one article (an article that writes both names
   two people), both are given a common office ("Sheikh", "the deputy
   governor", written before the name or in apposition), and each has no other
   such candidate.
8. **Surname-only leftovers** ("Minister al-Rashidi" in an article that never
   gives his full name) join a person when exactly one person of the event has
   that surname and no gendered title disagrees.

Wherever the evidence is ambiguous the names stay apart: two entries for one
person are a smaller error than one entry for two people. The pairwise work
in step 6 is over the event's distinct names, not its mentions.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from itertools import combinations

from ..unionfind import DisjointSets
from ..model import AnalyzedArticle, Entity, content_id
from .aliases import AliasTable, alias_key, default_aliases
from .entity_types import PLACE_LABELS, TypeVote, vote_type
from .mentions import ENTITY_TYPES, NameMention, lowercase_vocabulary, read_mentions, resolve_surnames
from .names import (
    HONORIFIC_TITLES,
    PersonName,
    acronym_of,
    is_title,
    loosely_same_person,
    looks_like_acronym,
    name_tokens,
    normalise_name,
    parse_person,
    same_person,
    same_thing,
    same_words,
    surname_match,
    title_of,
    titles_conflict,
    vowel_skeleton,
)

__all__ = ["ENTITY_TYPES", "collect_entities", "normalise_name"]

#: An acronym nobody defines joins a name by its initials only from this many
#: letters: two-letter initials are too ambiguous ("ND", "AP", "ET").
MIN_INITIALS = 3

_APPOSITION_AFTER = re.compile(r",\s+(?:the|a|an)\s+([A-Za-z -]{3,50}?)(?=[,.;]|\s+(?:said|told|who|of|for)\b)")
_APPOSITION_BEFORE = re.compile(r"\b(?:the|a|an)\s+([A-Za-z -]{3,50}?),\s+$")
_POSSESSOR = re.compile(r"^(.+?)['’]s\s+(.+)$")
_OF_PERSON = re.compile(r"^(.+?)\s+of\s+(?:[A-Z][\w.]*\s+)*?([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+)$")
_DEFINITION = re.compile(
    r"((?:[A-Z][\w’'-]*\s+|(?:of|for|and|the|on|de|du|des|la|le)\s+){2,10})\(([A-Z][A-Za-z.&]{1,9})\)"
)


def collect_entities(
    analyzed: Iterable[AnalyzedArticle], *, aliases: AliasTable | None = None
) -> tuple[Entity, ...]:
    """Entities of an event, most widely reported first.

    ``aliases`` is the alias table (default: the one shipped with the package;
    use :func:`triangulate.compare.aliases.load_aliases` to add a user file).
    """
    items = list(analyzed)
    table = default_aliases() if aliases is None else aliases
    texts = {item.id: item.article.text for item in items}
    vocabulary = lowercase_vocabulary(list(texts.values()))
    mentions: list[NameMention] = []
    resolved: dict[int, int] = {}
    for item in items:
        found = read_mentions(item, vocabulary)
        base = len(mentions)
        resolved.update({base + i: base + j for i, j in resolve_surnames(found).items()})
        mentions.extend(found)
    mentions = _refine_cores(mentions)
    merge = _Merger(mentions, resolved, texts)
    merge.exact_names()
    merge.alias_rows(table)
    merge.acronyms(_definitions(texts.values()))
    merge.spelling_variants()
    merge.loose_variants()
    merge.short_forms()
    merge.surname_leftovers()
    return merge.entities(table, [item.id for item in items])


class _Merger:
    """Union-find over the mentions of one event, with the merge steps."""

    def __init__(self, mentions: Sequence[NameMention], resolved: dict[int, int], texts: dict[str, str]) -> None:
        self.mentions = mentions
        self.resolved = resolved
        self.texts = texts
        self.sets = DisjointSets(range(len(mentions)))
        self.bare_resolved = {i for i in resolved if mentions[i].is_bare}
        for i, j in resolved.items():
            self.union(i, j)

    def find(self, i: int) -> int:
        return self.sets.find(i)

    def union(self, i: int, j: int) -> None:
        self.sets.union(i, j)

    def groups(self) -> dict[int, list[int]]:
        return self.sets.groups()

    def vote(self, members: list[int]) -> TypeVote:
        resolved = [self.mentions[i] for i in members if i in self.bare_resolved]
        return vote_type((self.mentions[i] for i in members), self.texts, resolved)

    # -- steps ---------------------------------------------------------------

    def exact_names(self) -> None:
        first: dict[str, int] = {}
        for i, m in enumerate(self.mentions):
            if i in self.bare_resolved:
                continue  # joins its person only
            key = ("bare:" if m.is_bare else "") + m.key
            if key in first:
                self.union(first[key], i)
            else:
                first[key] = i

    def alias_rows(self, table: AliasTable) -> None:
        index = table.index()
        first: dict[int, int] = {}
        for i, m in enumerate(self.mentions):
            row = index.get(alias_key(m.core), index.get(alias_key(m.surface)))
            if row is None or i in self.bare_resolved:
                continue
            if row in first:
                self.union(first[row], i)
            else:
                first[row] = i

    def acronyms(self, definitions: dict[str, set[str]]) -> None:
        groups = self.groups()
        by_key: dict[str, list[int]] = defaultdict(list)
        by_initials: dict[str, list[int]] = defaultdict(list)
        for i, m in enumerate(self.mentions):
            if m.label != "PERSON":
                by_key[m.key].append(i)
                by_initials[acronym_of(m.core)].append(i)
        for root, members in sorted(groups.items()):
            cores = {self.mentions[i].core for i in members}
            if not all(looks_like_acronym(c) for c in cores):
                continue
            for acronym in sorted({c.replace(".", "") for c in cores}):
                defined = definitions.get(acronym, set())
                targets = {self.find(i) for key in defined for i in by_key.get(key, ())}
                if not targets and len(acronym) >= MIN_INITIALS:
                    targets = {self.find(i) for i in by_initials.get(acronym, ())}
                targets.discard(self.find(root))
                if len(targets) == 1:
                    self.union(root, targets.pop())

    def spelling_variants(self) -> None:
        groups = self.groups()
        votes = {root: self.vote(members) for root, members in groups.items()}
        people: dict[int, set[PersonName]] = {}
        names: dict[int, set[str]] = {}
        for root, members in groups.items():
            if votes[root].label == "PERSON":
                full = {self.mentions[i].person for i in members if self.mentions[i].person.is_full}
                if full:
                    people[root] = {PersonName((), p.given, p.surname) for p in full}
            if votes[root].label != "PERSON" or votes[root].uncertain:
                names[root] = {self.mentions[i].core for i in members if not looks_like_acronym(self.mentions[i].core)}
        titles = {root: {t for i in members for t in self.mentions[i].titles} for root, members in groups.items()}
        ranked = sorted(groups, key=lambda r: sorted(self.mentions[i].key for i in groups[r]))
        order = {r: k for k, r in enumerate(ranked)}
        pairs = sorted(_blocked_pairs(people, names), key=lambda p: tuple(sorted((order[p[0]], order[p[1]]))))
        compatible: dict[int, set[int]] = defaultdict(set)
        for a, b in pairs:
            if a in people and b in people and any(same_person(x, y) for x in people[a] for y in people[b]):
                compatible[a].add(b)
                compatible[b].add(a)
        for a, b in pairs:
            a, b = (a, b) if order[a] < order[b] else (b, a)
            if b in compatible[a]:
                # "George Bush" fits George W. Bush and George H. W. Bush, who do
                # not fit each other: a name that fits two people joins neither.
                if any(c not in compatible[a] or c not in compatible[b] for c in (compatible[a] | compatible[b]) - {a, b}):
                    continue
                ra, rb = self.find(a), self.find(b)
                if ra == rb or titles_conflict(titles[ra], titles[rb]):
                    continue
                if all(same_person(x, y) for x in people.get(ra, ()) for y in people.get(rb, ())):
                    self.union(ra, rb)
                    root = self.find(ra)
                    people[root] = people.get(ra, set()) | people.get(rb, set())
                    titles[root] = titles[ra] | titles[rb]
            elif a in names and b in names and _families_agree(votes[a], votes[b]):
                org = votes[a].label == votes[b].label == "ORG"
                if any(same_thing(x, y) or org and same_words(x, y) for x in names[a] for y in names[b]):
                    self.union(a, b)

    def loose_variants(self) -> None:
        groups = self.groups()
        votes = {root: self.vote(members) for root, members in groups.items()}
        people = {
            root: {PersonName(self.mentions[i].titles, self.mentions[i].person.given, self.mentions[i].person.surname)
                   for i in members if self.mentions[i].person.is_full}
            for root, members in groups.items()
            if votes[root].label == "PERSON"
        }
        people = {root: full for root, full in people.items() if full}
        articles = {root: {self.mentions[i].article for i in groups[root]} for root in people}
        roles = {root: {r for i in groups[root] for r in self._roles(self.mentions[i])} for root in people}
        blocks: dict[str, set[int]] = defaultdict(set)
        for root, full in people.items():
            for person in full:
                blocks[vowel_skeleton(person.surname_key)[:1]].add(root)
                for sound in person.surname_sounds:
                    blocks[vowel_skeleton(sound)[:1]].add(root)
        candidates: dict[int, set[int]] = defaultdict(set)
        for members in blocks.values():
            for a, b in combinations(sorted(members), 2):
                if b in candidates[a] or articles[a] & articles[b] or not roles[a] & roles[b]:
                    continue
                if all(loosely_same_person(x, y) or same_person(x, y) for x in people[a] for y in people[b]):
                    candidates[a].add(b)
                    candidates[b].add(a)
        for a in sorted(candidates):
            if len(candidates[a]) == 1:
                b = next(iter(candidates[a]))
                if len(candidates[b]) == 1 and a < b:
                    self.union(a, b)

    def _roles(self, m: NameMention) -> set[str]:
        """Offices a mention is given: titles before the name, title words in
        an apposition after it ("Ali al-Hakimi, the deputy governor,") or
        before it ("the deputy governor, Ali al-Hakimi"). Honorifics are not offices."""
        text = self.texts[m.article]
        words = set(m.titles)
        after = _APPOSITION_AFTER.match(text, m.end)
        before = _APPOSITION_BEFORE.search(text, max(0, m.start - 60), m.start)
        for found in (after, before):
            if found:
                words.update(w.casefold() for w in re.findall(r"[A-Za-z]+", found.group(1)))
        return {w for w in words if is_title(w) and title_of(w) not in HONORIFIC_TITLES}

    def short_forms(self) -> None:
        """"Sovereignty Front", "the Front" → "People's Sovereignty Front";
        "Democratic Movement" → "Democratic Movement of Veland": an
        organisation's name that is the end of exactly one longer organisation
        name of the event, once the places the event names are set aside ("of
        Veland", "Calvany ..."). A one-word short form ("Front", "Courier") must
        share an article with the long one."""
        groups = self.groups()
        votes = {root: self.vote(members) for root, members in groups.items()}
        places = {
            spelling
            for root, members in groups.items()
            if votes[root].label in PLACE_LABELS
            for i in members
            for spelling in name_tokens(self.mentions[i].core)
            if len(name_tokens(self.mentions[i].core)) == 1
        }
        longs = {
            root: {_reduce(name_tokens(self.mentions[i].core), places) for i in members}
            for root, members in groups.items()
            if votes[root].label == "ORG"
        }
        ending_in: dict[str, set[int]] = defaultdict(set)  # last token -> organisations
        for root, forms in longs.items():
            for tokens, _ in forms:
                if tokens:
                    ending_in[tokens[-1]].add(root)
        forms_of = {
            root: {f for f in (_reduce(name_tokens(self.mentions[i].core), places) for i in members) if f[0]}
            for root, members in groups.items()
        }
        articles_of = {root: {self.mentions[i].article for i in members} for root, members in groups.items()}
        # Longer short forms first: "Sovereignty Front" joins its party before
        # "Front" is looked up, so "Front" then finds one party, not two names.
        order = sorted(groups, key=lambda r: (-max((len(f[0]) for f in forms_of[r]), default=0), r))
        for root in order:
            vote = votes[root]
            if not forms_of[root] or not (vote.label in ("ORG", "PRODUCT", "WORK_OF_ART") or vote.uncertain):
                continue
            one_word = all(len(f[0]) == 1 for f in forms_of[root])
            targets = set()
            near = {other for tokens, _ in forms_of[root] for other in ending_in.get(tokens[-1], ())}
            for other in sorted(near):
                if self.find(other) == self.find(root):
                    continue
                if not any(_shortens(f, g) for f in forms_of[root] for g in longs[other]):
                    continue
                if one_word and not articles_of[root] & articles_of[other]:
                    continue
                targets.add(self.find(other))
            if len(targets) == 1:
                self.union(root, targets.pop())

    def surname_leftovers(self) -> None:
        groups = self.groups()
        people = {
            root: ({self.mentions[i].person for i in members if self.mentions[i].is_full_person},
                   {t for i in members for t in self.mentions[i].titles})
            for root, members in groups.items()
        }
        people = {root: v for root, v in people.items() if v[0]}
        by_letter: dict[str, set[int]] = defaultdict(set)  # first letter of a surname key -> people
        for other, (full, _) in people.items():
            for p in full:
                by_letter[p.surname_key[:1]].add(other)
                by_letter[p.surname_sound[:1]].add(other)
        for root, members in sorted(groups.items()):
            if root in people:
                continue
            bare = [self.mentions[i] for i in members if self.mentions[i].is_bare]
            if not bare or not any(m.label == "PERSON" or m.titles for m in bare):
                continue
            titles = {t for m in bare for t in m.titles}
            name = bare[0].person
            near = by_letter.get(name.surname_key[:1], set()) | by_letter.get(name.surname_sound[:1], set())
            targets = {
                other for other in near
                if any(surname_match(name, p) for p in people[other][0]) and not titles_conflict(titles, people[other][1])
            }
            if len(targets) == 1:
                self.union(root, targets.pop())

    # -- output --------------------------------------------------------------

    def entities(self, table: AliasTable, article_order: list[str]) -> tuple[Entity, ...]:
        index = table.index()
        rank = {a: k for k, a in enumerate(article_order)}
        entities = []
        used: set[str] = set()
        for root, members in self.groups().items():
            ms = [self.mentions[i] for i in members]
            vote = self.vote(members)
            name = _canonical(ms, vote.label, table, index)
            articles = sorted({m.article for m in ms}, key=lambda a: rank.get(a, len(rank)))
            entity_id = content_id(vote.label, normalise_name(name), length=10)
            n = 1
            while entity_id in used:
                n += 1
                entity_id = content_id(vote.label, normalise_name(name), str(n), length=10)
            used.add(entity_id)
            entities.append(
                Entity(
                    id=entity_id,
                    name=name,
                    type=vote.label,
                    aliases=tuple(sorted({m.surface for m in ms} | {m.core for m in ms if not m.is_bare})),
                    articles=tuple(articles),
                    mentions=len(ms),
                )
            )
        entities.sort(key=lambda e: (-len(e.articles), -e.mentions, e.name, e.id))
        return tuple(entities)


def _blocked_pairs(people: dict[int, set[PersonName]], names: dict[int, set[str]]) -> set[tuple[int, int]]:
    """Pairs of groups worth comparing: people whose surnames start with the
    same sound, names with as many tokens starting alike or the same tokens in
    another order. Every pair the similarity tests can accept shares a block
    (up to a first-letter edit), and an event with thousands of names is not
    compared all against all."""
    blocks: dict[tuple, set[int]] = defaultdict(set)
    for root, full in people.items():
        for person in full:
            blocks[("person", person.surname_sound[:1])].add(root)
    for root, cores in names.items():
        for core in cores:
            tokens = name_tokens(core)
            if tokens:
                blocks[("thing", len(tokens), tokens[0][:1])].add(root)
                blocks[("words", tuple(sorted(tokens)))].add(root)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        pairs.update(combinations(sorted(members), 2))
    return pairs


def _reduce(tokens: list[str], places: set[str]) -> tuple[tuple[str, ...], frozenset[str]]:
    """Name tokens without the event's place names, and the places removed."""
    kept = tuple(t for t in tokens if t not in places)
    return kept, frozenset(t for t in tokens if t in places)


def _shortens(short: tuple[tuple[str, ...], frozenset[str]], long: tuple[tuple[str, ...], frozenset[str]]) -> bool:
    """``short`` is the end of ``long`` (after places are set aside), and shorter."""
    (s_tokens, s_places), (l_tokens, l_places) = short, long
    if not s_tokens or len(s_tokens) + len(s_places) >= len(l_tokens) + len(l_places):
        return False
    return s_places <= l_places and l_tokens[len(l_tokens) - len(s_tokens) :] == s_tokens


def _refine_cores(mentions: list[NameMention]) -> list[NameMention]:
    """Organisation names that spaCy ran together with a person or a place:
    "Castrelle's Supreme Court", "Darina Volkanová's Democratic Movement" →
    "Supreme Court", "Democratic Movement"; "People's Sovereignty Front of
    Miroslav Zhelevsky" → "People's Sovereignty Front". Only when the person or
    place is named on its own elsewhere in the event."""
    known = {m.key for m in mentions if m.label in ("PERSON", "GPE") and " of " not in m.core}
    people = {m.key for m in mentions if m.label == "PERSON"}
    out = []
    for m in mentions:
        core = m.core
        if m.label not in ("PERSON", "GPE"):
            owner = _POSSESSOR.match(core)
            if owner and normalise_name(owner.group(1)) in known and owner.group(2)[:1].isupper():
                core = owner.group(2)
            of_person = _OF_PERSON.match(core)
            if of_person and normalise_name(of_person.group(2)) in people:
                core = of_person.group(1)
        out.append(m if core == m.core else replace(m, core=core))
    return out


def _families_agree(a: TypeVote, b: TypeVote) -> bool:
    if a.uncertain or b.uncertain:
        return True
    family = {label: "place" for label in PLACE_LABELS}
    return family.get(a.label, a.label) == family.get(b.label, b.label)


def _canonical(ms: list[NameMention], label: str, table: AliasTable, index: dict[str, int]) -> str:
    rows = Counter(r for m in ms if (r := index.get(alias_key(m.core))) is not None)
    if rows:
        return table.canonical(min(rows, key=lambda r: (-rows[r], r)))
    counts = Counter(m.core for m in ms)
    first = {}
    for k, m in enumerate(ms):
        first.setdefault(m.core, k)

    def score(core: str) -> tuple:
        words = core.split()
        if label == "PERSON":
            return (parse_person(core).is_full, counts[core], len(words), -first[core])
        return (not looks_like_acronym(core), counts[core], core[:1].isupper(), len(words), -first[core])

    return max(counts, key=score)


def _definitions(texts: Iterable[str]) -> dict[str, set[str]]:
    """Acronyms defined in the texts: "National Water Authority (NWA)" → {"NWA": {"national water authority"}}."""
    found: dict[str, set[str]] = defaultdict(set)
    for text in texts:
        for match in _DEFINITION.finditer(text):
            acronym = match.group(2).replace(".", "")
            words = match.group(1).split()
            for k in range(len(words) - 1, -1, -1):
                candidate = " ".join(words[k:])
                if acronym_of(candidate) == acronym.upper():
                    found[acronym].add(normalise_name(candidate))
                    break
    return dict(found)
