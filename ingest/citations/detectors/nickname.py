"""Detector: a work called by a nickname the page gave it — "the West Point study", "The Dutch shower
trial", "the UK pilot", "the 2018 monitoring report", "The Hagger meta-analysis".

Blog posts and their comment threads name a work they cited earlier by the words that were around
it: the place ("… an economics course at West Point … Carter, Greenberg and Walker (2017)"), the
country ("In a Dutch trial, … (Buijze et al., 2016)"), its year, its first author, or words of its
title. A nickname is "the/that/this", one to three words, and a work noun; at least one of its words
is capitalised or a year. It names the work when its words (stopwords aside) are all among the words
the document used in the sentences citing that work, that work's title and its year — and no other
cited work's; when several fit, the one whose words also hold the noun ("meta-analysis") is named.
A nickname of two or more lower-case words names the one work whose title holds them all, else the
one work around which the document used every one of them, inflections aside ("The star-counting
study" for "Citizen scientists who counted visible stars found … (Kyba et al., 2023)").
Only works the document (or, for a comment, its article) cited before count.
"""

from __future__ import annotations

import re

from graph.schema import EvidenceKind
from ingest.citations.index import RefIndex
from ingest.citations.model import CONTINUATION, EvidenceSpan
from ingest.citations.text import STOPWORDS, words_of
from ingest.claims import Unit

_NOUN = (r"(?:follow-up\s+)?(?:study|trial|experiment|replication|meta-analysis|review|report|survey|pilot|"
         r"project|paper|cohort|programme|program|criteria|guidelines?|event|analysis|numbers|figures|"
         r"findings|results)|follow-up")
_NICKNAME = re.compile(rf"(?<![\w'’\-])(?:[Tt]he|[Tt]hat|[Tt]his)\s+(?P<words>(?:[\w'’\-]+\s+){{1,3}}?)"
                       rf"(?P<noun>{_NOUN})\b")
_NAMING_WORD = re.compile(r"^(?:[A-ZÀ-Þ]|(?:1[5-9]|20)\d\d$)")  # a capitalised word or a year
# "The Welsh study" names the work cited for pupils "in Wales": a people's adjective and its place.
_PLACE_OF = {"welsh": "wales", "scottish": "scotland", "english": "england", "british": "britain",
             "irish": "ireland", "dutch": "netherlands", "french": "france", "german": "germany",
             "swedish": "sweden", "danish": "denmark", "norwegian": "norway", "finnish": "finland",
             "spanish": "spain", "italian": "italy", "swiss": "switzerland", "australian": "australia",
             "canadian": "canada", "american": "america", "japanese": "japan", "chinese": "china",
             "indian": "india", "brazilian": "brazil", "mexican": "mexico", "kenyan": "kenya"}


class CitedWords:
    """The words a document used around each work it cited: the sentences citing it alone, its
    title and year. Shared by an article and its comments, so a comment's nickname can name a
    work the article cited."""

    def __init__(self) -> None:
        self.words: dict[str, set[str]] = {}
        self.titles: dict[str, set[str]] = {}  # each work's title words alone
        self.names: dict[str, list[list[str]]] = {}  # runs of capitalised words around each work
        self._stems: dict[str, set[str]] = {}  # each work's words' stems (`_stem`), once asked for

    def add(self, keys: set[str], sentence: str, index: RefIndex) -> None:
        """Record that `sentence` cites each of the works `keys` (each by a marker naming it alone);
        the sentence's words are read once, however many markers it holds."""
        if not keys:
            return
        words = set(words_of(sentence))
        for key in keys:
            if key not in self.words:
                ref = index.by_key(key)
                self.titles[key] = set(words_of(ref.title)) - STOPWORDS
                self.words[key] = set(self.titles[key]) | ({ref.year[:4]} if ref.year else set())
            self.words[key] |= words
            if key in self._stems:
                self._stems[key] |= {_stem(w) for w in words}
            if key not in self.names:
                self.names[key] = _capitalised_runs(index.by_key(key).title)
            self.names[key] += _capitalised_runs(sentence)

    def _stems_of(self, key: str) -> set[str]:
        """`{_stem(w) for w in self.words[key]}`, derived once and kept up to date by `add` (it used to
        be derived for every cited work at every nickname)."""
        if key not in self._stems:
            self._stems[key] = {_stem(w) for w in self.words[key]}
        return self._stems[key]

    def find(self, text: str, unit: Unit) -> EvidenceSpan | None:
        """The first nickname of the unit that names exactly one cited work, as evidence for it."""
        if not self.words:
            return None
        for match in _NICKNAME.finditer(text, unit.start, unit.end):
            written = match.group("words").split()
            wanted = {w for w in words_of(match.group("words")) if w not in STOPWORDS}
            if not wanted:
                continue
            if any(_NAMING_WORD.match(word) for word in written):
                acronyms = _acronyms(written)
                fits = [key for key, words in self.words.items()
                        if all(_used(w, words) or _initials_of(acronyms.get(w, ""), self.names[key])
                               for w in wanted)]
            elif len(wanted) >= 2:  # "the self-control gradient paper": two or more words of one title
                fits = [key for key, title in self.titles.items() if wanted <= title]
                if not fits:  # "The star-counting study" for "… who counted visible stars … (Kyba, 2023)"
                    stems = {_stem(w) for w in wanted}
                    fits = [key for key in self.words if stems <= self._stems_of(key)]
            else:
                continue
            if len(fits) > 1:  # "the Hagger meta-analysis" among Hagger's works: the one that is one
                noun = set(words_of(match.group("noun")))
                fits = [key for key in fits if noun <= self.words[key]]
            if len(fits) == 1:
                start = match.start()
                return EvidenceSpan(str(EvidenceKind.CITATION), start, match.end(), text[start:match.end()],
                                    unit.index, fits, True, priority=CONTINUATION)
        return None


# A name printed in capitals, "the HELP trial", "The CARDIA analysis": the initials of a run of
# capitalised words the document or the title used for the work ("Hospital Elder Life Program",
# "Coronary Artery Risk Development in Young Adults"), in order, from its first word to its last.
_ACRONYM = re.compile(r"^[A-Z]{3,8}$")
_RUN_JOINERS = frozenset("of in for and on the".split())


def _acronyms(written: list[str]) -> dict[str, str]:
    """The nickname's words printed in capitals ("HELP", "CARDIA's"), by their folded form."""
    found: dict[str, str] = {}
    for word in written:
        word = re.sub(r"['’]s$", "", word)
        if _ACRONYM.match(word):
            found[word.lower()] = word
    return found


def _capitalised_runs(text: str) -> list[list[str]]:
    """The runs of two or more capitalised words of `text` (small joiners such as "of" and "in"
    kept inside a run), each as its words."""
    runs: list[list[str]] = []
    run: list[str] = []
    for word in re.findall(r"[\w\-]+", text):
        if word[:1].isupper() and not word.isupper():
            run.append(word)
        elif run and word in _RUN_JOINERS:
            run.append(word)
        else:
            if len(run) >= 2:
                runs.append(run)
            run = []
    if len(run) >= 2:
        runs.append(run)
    return [r[:len(r) - next(i for i, w in enumerate(reversed(r)) if w not in _RUN_JOINERS)] for r in runs]


def _initials_of(word: str, runs: list[list[str]]) -> bool:
    """True when `word`, in capitals, is the initials of a stretch of one of `runs`: its first and last
    letters those of the stretch's first and last words, the rest in order, skipping at most one word."""
    if not _ACRONYM.match(word):
        return False
    for run in runs:
        for first in range(len(run)):
            if run[first] in _RUN_JOINERS or run[first][0] != word[0]:
                continue
            for last in range(first + 1, min(len(run), first + len(word) + 1)):
                stretch = [w[0].upper() for w in run[first:last + 1]]
                if stretch[-1] != word[-1] or run[last] in _RUN_JOINERS or len(stretch) > len(word) + 1:
                    continue
                if _subsequence(word, stretch):
                    return True
    return False


def _subsequence(word: str, initials: list[str]) -> bool:
    """True when the letters of `word` are `initials` in order, first to first, last to last."""
    letters = iter(initials)
    return all(any(letter == i for i in letters) for letter in word)


def _stem(word: str) -> str:
    """'counting', 'counted', 'counts' -> 'count'; 'stars' -> 'star': a word without its inflection."""
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[:-len(ending)]
    return word


def _used(word: str, words: set[str]) -> bool:
    """True when the document used `word` around a work, or the place a people's adjective names."""
    return word in words or _PLACE_OF.get(word, "") in words
