"""Finding exercises the way lifters type them: any case or word order, name or alias, abbreviations, typos.

`normalize_name` is the one matching form of a name, shared by the library's duplicate check, the importers'
name mapping and the type-ahead search, so "Pull-Up", "pull up" and "Pull Ups" are the same everywhere.
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from gym_companion.domain.model import Exercise

# Whole words that stand for other words: gym abbreviations and common one-word spellings.
_WORD_MAP: dict[str, str] = {
    "db": "dumbbell",
    "bb": "barbell",
    "kb": "kettlebell",
    "bw": "bodyweight",
    "ohp": "overhead press",
    "rdl": "romanian deadlift",
    "sldl": "stiff leg deadlift",
    "ghr": "glute ham raise",
    "dl": "deadlift",
    "dumbell": "dumbbell",
    "pullup": "pull up",
    "pushup": "push up",
    "chinup": "chin up",
    "situp": "sit up",
    "stepup": "step up",
    "pulldown": "pull down",
    "pushdown": "push down",
    "pressdown": "press down",
    "skullcrusher": "skull crusher",
    "flye": "fly",
    "calves": "calf",
}
_APOSTROPHES = re.compile(r"['’`´]")
_SEPARATORS = re.compile(r"[\W_]+")

_EXACT, _PREFIX, _FUZZY_BASE = 3.0, 2.0, 0.9  # word match qualities: exact > prefix > typo (0.9 + ratio)
_FUZZY_MIN_RATIO = 0.8
_TOKEN_CACHE_SIZE = 256


def _singular(word: str) -> str:
    """Fold a plain English plural ("curls", "presses", "flies") to its singular; other words stay."""
    if len(word) <= 2 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    return word[:-1]


def _fold_word(word: str) -> str:
    if word in _WORD_MAP:
        return _WORD_MAP[word]
    singular = _singular(word)
    return _WORD_MAP.get(singular, singular)


def normalize_name(name: str) -> str:
    """The matching form of an exercise name: case-folded, accents and punctuation gone, words singular and
    abbreviations spelled out ("DB Curls" -> "dumbbell curl"), so spelling variants compare equal."""
    text = name.casefold()
    if not text.isascii():  # accents off: "Développé" matches "developpe"
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _APOSTROPHES.sub("", text).replace("&", " and ")
    words = _SEPARATORS.sub(" ", text).split()
    return " ".join(_fold_word(word) for word in words)


def _word_key(normalized: str) -> tuple[str, ...]:
    return tuple(sorted(normalized.split()))


@dataclass(frozen=True, slots=True)
class _Form:
    """One way of writing an exercise (its name or an alias), pre-normalised for fast matching."""

    position: int  # of the exercise in the index
    text: str
    tokens: tuple[str, ...]
    key: tuple[str, ...]
    is_name: bool


class ExerciseIndex:
    """Looks exercises up by name or alias: `exact` for importers, ranked `search` for the type-ahead box.

    Built once from the library plus custom exercises; earlier exercises win ties, so list common lifts first.
    """

    def __init__(self, exercises: Iterable[Exercise]) -> None:
        self._exercises: tuple[Exercise, ...] = tuple(exercises)
        self._forms: list[_Form] = []
        self._by_text: dict[str, int] = {}  # normalised text -> exercise position (first wins)
        self._by_key: dict[tuple[str, ...], int] = {}  # sorted words -> exercise position
        self._key_is_name: dict[tuple[str, ...], bool] = {}
        self._ambiguous_keys: set[tuple[str, ...]] = set()
        self._forms_by_text: dict[str, list[int]] = {}
        self._forms_by_key: dict[tuple[str, ...], list[int]] = {}
        self._postings: dict[str, list[int]] = {}  # word -> forms having it
        tails: list[
            tuple[str, int]
        ] = []  # the text run together from each word on: "latpulldown", "pulldown"
        self._token_cache: dict[str, dict[str, float]] = {}
        # Names are registered before aliases, so an exercise's own name beats another's alias.
        for is_name in (True, False):
            for position, exercise in enumerate(self._exercises):
                for written in (exercise.name,) if is_name else exercise.aliases:
                    form_index = self._add_form(position, written, is_name=is_name)
                    if form_index is not None:
                        tokens = self._forms[form_index].tokens
                        tails.extend(("".join(tokens[start:]), form_index) for start in range(len(tokens)))
        tails.sort()
        self._tails = tails
        self._vocabulary: tuple[tuple[str, frozenset[str]], ...] = tuple(
            (token, frozenset(token)) for token in self._postings
        )

    def _add_form(self, position: int, written: str, *, is_name: bool) -> int | None:
        text = normalize_name(written)
        if not text:
            return None
        tokens = tuple(text.split())
        form = _Form(position, text, tokens, _word_key(text), is_name)
        form_index = len(self._forms)
        self._forms.append(form)
        self._forms_by_text.setdefault(text, []).append(form_index)
        self._forms_by_key.setdefault(form.key, []).append(form_index)
        self._by_text.setdefault(text, position)
        owner = self._by_key.setdefault(form.key, position)
        if owner == position:
            self._key_is_name.setdefault(form.key, is_name)
        elif is_name or not self._key_is_name[form.key]:
            self._ambiguous_keys.add(form.key)  # same words, two exercises: word order can't decide
        for token in set(tokens):
            self._postings.setdefault(token, []).append(form_index)
        return form_index

    @property
    def exercises(self) -> tuple[Exercise, ...]:
        """The indexed exercises, in the order given."""
        return self._exercises

    def __len__(self) -> int:
        return len(self._exercises)

    def exact(self, name: str) -> Exercise | None:
        """The exercise whose name or alias equals `name` after normalisation, or has the same words in
        another order ("Squat (Barbell)" finds "Barbell Squat"); None when nothing (or several) match."""
        text = normalize_name(name)
        if not text:
            return None
        position = self._by_text.get(text)
        if position is None:
            key = _word_key(text)
            if key in self._ambiguous_keys:
                return None
            position = self._by_key.get(key)
        return None if position is None else self._exercises[position]

    def search(self, query: str, limit: int = 10) -> list[Exercise]:
        """Exercises matching a typed query, best first: exact name/alias, then every word a prefix, then the
        query run together from a word start ("latpull"), then typo-tolerant, then most words. Empty -> []."""
        text = normalize_name(query)
        if not text or limit <= 0:
            return []
        query_tokens = tuple(dict.fromkeys(text.split()))
        first_matches = self._token_matches(query_tokens[0])

        matched: dict[int, int] = {}  # form -> number of query words it matches
        exact_words: dict[int, int] = {}  # form -> number of query words it has exactly
        quality: dict[int, float] = {}  # form -> summed match quality
        weakest: dict[int, float] = {}  # form -> quality of its weakest matched word
        for token in query_tokens:
            per_form: dict[int, float] = {}
            for vocab_token, token_quality in self._token_matches(token).items():
                for form_index in self._postings[vocab_token]:
                    if token_quality > per_form.get(form_index, 0.0):
                        per_form[form_index] = token_quality
            for form_index, token_quality in per_form.items():
                matched[form_index] = matched.get(form_index, 0) + 1
                exact_words[form_index] = exact_words.get(form_index, 0) + (token_quality == _EXACT)
                quality[form_index] = quality.get(form_index, 0.0) + token_quality
                weakest[form_index] = min(weakest.get(form_index, _EXACT), token_quality)

        same_text = set(self._forms_by_text.get(text, ()))
        same_words = set(self._forms_by_key.get(_word_key(text), ()))
        run_together = self._run_together(text.replace(" ", ""))
        best: dict[int, tuple[float, ...]] = {}
        for form_index in same_text | same_words | run_together | matched.keys():
            form = self._forms[form_index]
            count = matched.get(form_index, 0)
            if form_index in same_text:
                tier = 0 if form.is_name else 1
            elif form_index in same_words:
                tier = 2
            elif count == len(query_tokens) and weakest[form_index] >= _PREFIX:
                tier = 3
            elif form_index in run_together:
                tier = 4
            elif count == len(query_tokens):
                tier = 5
            elif count * 2 >= len(query_tokens):
                tier = 6
            else:
                continue
            rank = (
                tier,
                0 if form.is_name else 1,
                0 if form.tokens[0] in first_matches else 1,
                len(form.tokens) - count,
                -exact_words.get(form_index, 0),
                -quality.get(form_index, 0.0),
                form.position,
            )
            if form.position not in best or rank < best[form.position]:
                best[form.position] = rank
        ordered = sorted(best, key=best.__getitem__)
        return [self._exercises[position] for position in ordered[:limit]]

    def _run_together(self, compact: str) -> set[int]:
        """Forms where `compact` (the query without spaces) starts at a word: "latpull" in "lat pull down"."""
        found: set[int] = set()
        tails = self._tails
        for index in range(bisect.bisect_left(tails, (compact,)), len(tails)):
            tail, form_index = tails[index]
            if not tail.startswith(compact):
                break
            found.add(form_index)
        return found

    def _token_matches(self, token: str) -> dict[str, float]:
        """Vocabulary words a query word may stand for, with a quality: exact > prefix > typo."""
        cached = self._token_cache.get(token)
        if cached is not None:
            return cached
        matches: dict[str, float] = {}
        letters = set(token)
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(token)
        for word, word_letters in self._vocabulary:
            if word == token:
                matches[word] = _EXACT
            elif word.startswith(token):
                matches[word] = _PREFIX
            elif len(token) >= 3 and abs(len(word) - len(token)) <= 2:
                overlap = len(letters & word_letters) / len(letters | word_letters)
                if overlap < 0.5:
                    continue
                matcher.set_seq1(word)
                ratio = matcher.ratio()
                if ratio >= _FUZZY_MIN_RATIO:
                    matches[word] = _FUZZY_BASE + ratio
        if len(self._token_cache) >= _TOKEN_CACHE_SIZE:
            self._token_cache.clear()
        self._token_cache[token] = matches
        return matches
