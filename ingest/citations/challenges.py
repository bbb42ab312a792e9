"""Comments that challenge the article, and the article claims they name."""

from __future__ import annotations

import re

from ingest.citations.detectors.quote import _QUOTE
from ingest.citations.model import Challenge
from ingest.citations.text import STOPWORDS, words_of
from ingest.claims import ClaimSpan, Unit
from ingest.model import ParsedDocument

# --- challenges ------------------------------------------------------------------------

_DISPUTE = re.compile(
    r"\b(?:I (?:strongly )?disagree|I don['’]t agree|I do not agree|(?:is|that['’]s|this is|it['’]s) "
    r"(?:not true|untrue|false|wrong|misleading|nonsense)|not true|I['’]m not convinced|"
    r"more (?:aspirational|theoretical|idealistic) than (?:practical|realistic)|"
    r"(?:unrealistic|impractical|oversimplified|over-simplified|simplistic)|"
    r"(?:no|little) evidence (?:for|that)|doesn['’]t work|does not work)\b",
    re.IGNORECASE,
)
_CONCESSION = re.compile(
    r"\b(?:great|good|nice|interesting|fine|lovely|helpful|well[- ]written) (?:article|post|piece|read|"
    r"point|idea|theory)\b[^.!?]*?,?\s+(?P<reason>but\b[^.!?]*)",
    re.IGNORECASE,
)


def find_challenge(comment: ParsedDocument, units: list[Unit], article_id: str,
                   article_claims: list[ClaimSpan]) -> Challenge | None:
    """A comment that disputes the article: explicit disagreement, or praise followed by 'but …'."""
    reasons: list[str] = []
    named: list[str] = []
    claim_words: list[tuple[str, set[str]]] = []  # each claim's words, made once, on the first dispute
    for unit in units:
        sentence = comment.text[unit.start:unit.end]
        match = _DISPUTE.search(sentence) or _CONCESSION.search(sentence)
        if not match:
            continue
        reasons.append(match.group("reason") if "reason" in match.groupdict() else _clause(sentence, match))
        if not claim_words:
            claim_words = [_claim_words(c.text) for c in article_claims]
        quoted, said = _sentence_words(sentence)
        named.extend(c.id for c, words in zip(article_claims, claim_words, strict=True)
                     if _names_words(quoted, said, *words) and c.id not in named)
    if not reasons:
        return None
    return Challenge(comment.id, article_id, " … ".join(r.strip() for r in reasons), named)


def _clause(sentence: str, match: re.Match[str]) -> str:
    """The clause of a sentence around a match (between commas/semicolons)."""
    start = max(sentence.rfind(",", 0, match.start()), sentence.rfind(";", 0, match.start())) + 1
    ends = [i for i in (sentence.find(",", match.end()), sentence.find(";", match.end())) if i != -1]
    return sentence[start:min(ends) if ends else len(sentence)].strip()


def _names_claim(sentence: str, claim: str) -> bool:
    """True when a comment sentence quotes a claim or repeats most of its content words."""
    return _names_words(*_sentence_words(sentence), *_claim_words(claim))


def _content(words: list[str]) -> set[str]:
    return {w for w in words if w not in STOPWORDS and len(w) > 3}


def _claim_words(claim: str) -> tuple[str, set[str]]:
    """A claim's words joined, and its content words."""
    words = words_of(claim)
    return " ".join(words), _content(words)


def _sentence_words(sentence: str) -> tuple[list[str], set[str]]:
    """The words of each quotation of a sentence, joined; and the sentence's content words."""
    quoted = [" ".join(words_of(quote.group(0))) for quote in _QUOTE.finditer(sentence)]
    return quoted, _content(words_of(sentence))


def _names_words(quoted: list[str], said: set[str], claim_joined: str, claim_words: set[str]) -> bool:
    """_names_claim from the words made once per sentence and once per claim."""
    for inner in quoted:
        if len(inner.split()) >= 3 and inner in claim_joined:
            return True
    return len(claim_words) >= 3 and len(claim_words & said) / len(claim_words) >= 0.75
