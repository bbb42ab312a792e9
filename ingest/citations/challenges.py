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
    for unit in units:
        sentence = comment.text[unit.start:unit.end]
        match = _DISPUTE.search(sentence) or _CONCESSION.search(sentence)
        if not match:
            continue
        reasons.append(match.group("reason") if "reason" in match.groupdict() else _clause(sentence, match))
        named.extend(c.id for c in article_claims if _names_claim(sentence, c.text) and c.id not in named)
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
    for quote in _QUOTE.finditer(sentence):
        inner = " ".join(words_of(quote.group(0)))
        if len(inner.split()) >= 3 and inner in " ".join(words_of(claim)):
            return True
    claim_words = {w for w in words_of(claim) if w not in STOPWORDS and len(w) > 3}
    said = {w for w in words_of(sentence) if w not in STOPWORDS and len(w) > 3}
    return len(claim_words) >= 3 and len(claim_words & said) / len(claim_words) >= 0.75
