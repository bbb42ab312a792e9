"""The stance of a citation: the cue rules of `stance.py` for contrasting, a small linear model for
supporting versus mentioning.

The rules find contrasting citations ('contrary to', 'failed to replicate', a prior hypothesis answered
by ', but') and the phrases of agreement and of mention ('consistent with', 'for a review see', 'using
the method of'); a stance they found a phrase for stands, with that phrase as its cue. Where they fall
back to a default (no cue: supporting when the citation backs a claim; in a methods section:
mentioning) in a scholarly article (a citation under an introduction / results / discussion /
methods / abstract heading: what the labelled sets are), a logistic regression decides between
supporting and mentioning, over what the
citing sentence says (word unigrams and bigrams with the markers masked, the words just before and after
this marker), where it stands (the section headings above it, a methods section), how it cites (one
marker or several, whether it backs a claim of the citing text) and what the rules found (their stance
and whether a cue or the default decided). The weights are `ingest/data/stance-model.json`, rebuilt
from the labelled sets by `python -m ingest.support.train_stance` (deterministic; scikit-learn is
needed only there); reading them needs nothing but the standard library. The cue of a model decision
names it, its probability and its strongest features: "model 0.81: methods heading, 'we used',
'kit'". Without the
model file the rules decide alone.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from graph.schema import MODEL_CUE_PREFIX, Stance
from ingest.cues import CueScanner
from ingest.support.stance import MASK, MAX_SENTENCE, CitingContext, classify_stance, clause_of

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "stance-model.json"
THIS, OTHER_MARK = "zzcite", "zzother"  # what a marker reads as: this one, another one
_TOKEN = re.compile(r"[a-z][a-z'-]*|\d+(?:\.\d+)?")
_SECTION_WORDS = {  # a heading word -> the kind of section it names
    "introduction": "introduction", "background": "introduction", "overview": "introduction",
    "results": "results", "result": "results", "findings": "results",
    "discussion": "discussion", "conclusion": "discussion", "conclusions": "discussion",
    "methods": "methods", "method": "methods", "materials": "methods", "procedures": "methods",
    "methodology": "methods", "abstract": "abstract", "summary": "abstract", "decision": "review",
    "response": "review", "reviewers": "review", "review": "review"}
# Word families that say what a sentence does with a work (a finding relied on, a proposal or a study
# named, a method or value taken), read in the marker's clause and in the whole sentence.
FAMILIES = {
    "finding": re.compile(
        r"\b(?:show(?:s|n|ed)?|demonstrat\w*|reveal\w*|found|find(?:s|ing|ings)?|observ\w*|identif\w*|"
        r"discover\w*|establish\w*|evidence|indicat\w*|report(?:s|ed)?|confirm\w*|known|required|essential|"
        r"necessary|caus\w*|lead(?:s)? to|led to|result(?:s|ed)? in|increas\w*|decreas\w*|reduc\w*|"
        r"inhibit\w*|activat\w*|bind(?:s|ing)?|binds|associated with|correlat\w*|depend\w*|regulat\w*|"
        r"mediat\w*|promot\w*|prevent\w*|induc\w*|suppress\w*|enhanc\w*|impair\w*|affect\w*)\b"),
    "proposal": re.compile(
        r"\b(?:suggest\w*|propos\w*|hypothes\w*|postulat\w*|theor(?:y|ies|etical)|speculat\w*|"
        r"thought|believed|assumed|argu\w*|predict\w*|posit\w*|model(?:s|led|ed)?|framework|view|idea|"
        r"concept\w*|notion)\b"),
    "study": re.compile(
        r"\b(?:stud(?:y|ies|ied)|investigat\w*|examin\w*|explor\w*|address\w*|research\w*|work|"
        r"literature|effort|attention|experiments?|analys[ie]s|approach\w*|focus\w*|context|field|"
        r"classical|previous(?:ly)?|earlier|prior|recent(?:ly)?|several|many|various|variety|number of)\b"),
    "method": re.compile(
        r"\b(?:us(?:e|ed|es|ing)|employ\w*|appl(?:y|ied|ying)|develop\w*|method\w*|techniques?|"
        r"protocols?|procedures?|setup|assays?|tools?|software|program\w*|package|pipeline|algorithm\w*|"
        r"database|dataset|simulat\w*|estimat\w*|calculat\w*|measur\w*|parameter\w*|values?|"
        r"according|described|adapted|modified|implemented|performed|obtained|strains?|plasmids?|"
        r"antibod\w*|kit|reagents?|read-out|readout|scores?|scales?|criteria|questionnaires?)\b"),
    "definition": re.compile(r"\b(?:referred to as|defined as|definition|called|termed|known as|"
                             r"denote[sd]?|refers? to)\b"),
    "example": re.compile(r"\b(?:such as|e\.g\.|for example|for instance|including|includes|examples?)\b"),
    "hedge": re.compile(r"\b(?:may|might|could|possibl\w*|perhaps|likely|potential\w*|putative\w*|"
                        r"appears?|seems?)\b"),
    "we": re.compile(r"\b(?:we|our|us|here|this study|present study)\b"),
    "quantity": re.compile(r"=|\d+(?:\.\d+)?\s*(?:%|nm|μm|µm|mm|cm|m|s|ms|min|h|pn|kda|mg|ml|μl|µl|"
                           r"mm|nm|°c|kg|g)\b"),
    "agreement": re.compile(r"\b(?:consistent|agreement|agree\w*|line with|accordance|similar\w*|"
                            r"likewise|also|support\w*|in keeping|corroborat\w*|replicat\w*)\b"),
    "contrast": re.compile(r"\b(?:however|but|whereas|although|though|while|unlike|contrast|contrary|"
                           r"contrarily|differ\w*|instead|rather|despite|not|no|neither|nor|fail\w*|"
                           r"against|unexpected\w*)\b"),
}
# One scan of a text says which families can match it at all (their required literals, ingest.cues);
# only those are searched.
_FAMILY_CUES = CueScanner(list(FAMILIES.values()))
# Words that say nothing by themselves: an n-gram of only these is no feature (and so never a cue).
STOPWORDS = frozenset(
    "the of a an and or in on to for with by as at from that this these those is are was were be been "
    "it its their which".split())
_NOT_CLAUSE_WORDS = STOPWORDS | {THIS, OTHER_MARK}
TOP_CUES = 3  # features named in a model decision's cue
# The rules' mentioning cues that only point at a work: over the seven labelled sets (before fresh5's
# fixes), 'cf.' was supporting in 44 of 54 records, '(see …)' in 24 of 34, 'see also' in 6 of 6, 'e.g.' in
# 37 of 64.
POINTER_CUE = re.compile(r"cf\.|see(?: also)?|e\.g\.,?")
_NEAR = 4  # words before and after the marker kept as positional features


def _marked_text(context: CitingContext) -> str:
    """The sentence with this marker as THIS and every other marker as OTHER_MARK, lower-cased."""
    sentence, marker = context.sentence, context.marker
    if len(sentence) > MAX_SENTENCE:  # as the rules do: only around the marker
        low = max(0, marker[0] - MAX_SENTENCE // 2)
        sentence = sentence[low:low + MAX_SENTENCE]
        marker = (marker[0] - low, marker[1] - low)
        others = [(a - low, b - low) for a, b in context.markers if low <= a < low + MAX_SENTENCE]
    else:
        others = list(context.markers)
    spans = sorted({(max(0, a), min(len(sentence), b)) for a, b in [*others, marker] if b > a})
    pieces, at = [], 0
    for start, end in spans:
        if start < at:
            continue
        pieces.append(sentence[at:start].lower())
        pieces.append(f" {THIS if (start, end) == marker else OTHER_MARK} ")
        at = end
    pieces.append(sentence[at:].lower())
    return "".join(pieces).replace(MASK, " ")


def _clause_span(context: CitingContext) -> tuple[int, int] | None:
    """(start, end) in the sentence of the clause that holds the marker (as the rules cut it); None for a
    sentence the rules read only around the marker, or a marker not among the sentence's markers."""
    sentence, marker, markers = context.sentence, context.marker, list(context.markers) or [context.marker]
    if len(sentence) > MAX_SENTENCE or marker not in markers:
        return None
    return clause_of(sentence, marker, markers, whole=False)


def _clause_text(context: CitingContext, span: tuple[int, int] | None) -> str:
    """The clause of the sentence that holds the marker, lower-cased (`span` from `_clause_span`)."""
    if span is None:
        return _marked_text(context)
    return context.sentence[span[0]:span[1]].lower()


def _clause_words(context: CitingContext, span: tuple[int, int] | None) -> list[str]:
    """The words of the marker's own clause, its markers read as THIS / OTHER_MARK (as `_tokens`)."""
    if span is None:
        return _tokens(_marked_text(context))
    sentence, marker, (start, end) = context.sentence, context.marker, span
    pieces, at = [], start
    for low, high in sorted(m for m in context.markers if start <= m[0] < end):
        if low < at:
            continue
        pieces += [sentence[at:low].lower(), f" {THIS if (low, high) == marker else OTHER_MARK} "]
        at = high
    pieces.append(sentence[at:max(at, end)].lower())
    return _tokens("".join(pieces).replace(MASK, " "))


def _tokens(text: str) -> list[str]:
    """Words of `text`; numbers read as '<num>', runs of markers as one."""
    tokens: list[str] = []
    for token in _TOKEN.findall(text):
        token = "<num>" if token[0].isdigit() else token
        if token in (THIS, OTHER_MARK) and tokens and tokens[-1] in (THIS, OTHER_MARK):
            if token == THIS:
                tokens[-1] = THIS
            continue
        tokens.append(token)
    return tokens


def section_kinds(context: CitingContext) -> set[str]:
    """The kinds of scholarly section above the citation ('introduction', 'methods', …), from the words of
    its headings; empty for a text without such headings (a blog post, a handout, a news story)."""
    return set(_section_kinds(tuple(context.headings)))


@lru_cache(maxsize=64)
def _section_kinds(headings: tuple[str, ...]) -> frozenset[str]:
    """section_kinds of these headings, kept for the few heading chains just seen (the citations of a
    section share one, and each citation asks twice: the model's gate and its features)."""
    return frozenset(_SECTION_WORDS[w] for heading in headings for w in _TOKEN.findall(heading.lower())
                     if w in _SECTION_WORDS)


def scholarly_document(headings: Sequence[str]) -> bool:
    """Whether a document's headings (all of them) are those of a scholarly article: two kinds of scholarly
    section or more among them ('1 Introduction' … '6 Conclusion'), so that a citation under an analysis's own
    heading ('3 Analysis', '2.1 Two possessive paradigms') is read as one in an article is. A blog post with
    one 'Conclusion' heading is not one."""
    kinds = {_SECTION_WORDS[w] for heading in headings for w in _TOKEN.findall(heading.lower())
             if w in _SECTION_WORDS}
    return len(kinds - {"review"}) >= 2


def _pointer(cue: str) -> bool:
    """Whether a rules' mentioning cue is only a pointer ('cf.', '(see …)', 'see also', 'e.g.' before the
    marker), which the labelled sets show to be evidence as often as background: the model then decides."""
    return bool(POINTER_CUE.fullmatch(cue.strip().lower()))


def _rule_feature(stance: str, cue: str) -> str:
    if cue.startswith("section: "):
        return f"rule:{stance}:section"
    if stance == Stance.MENTIONING and _pointer(cue):
        return f"rule:{stance}:pointer"
    return f"rule:{stance}:{'cue' if cue else 'default'}"


def features(context: CitingContext, rule: tuple[str, str] | None = None) -> list[str]:
    """The features of one citation (strings, each present once); `rule` is the rules' (stance, cue)
    when already known."""
    stance, cue = rule or classify_stance(context.sentence, context.marker, list(context.markers),
                                          context.backs_claim, context.methods)
    text = _marked_text(context)
    tokens = _tokens(text)
    found = {f"w:{t}" for t in tokens if t not in STOPWORDS}
    found |= {f"b:{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)
              if a not in STOPWORDS or b not in STOPWORDS}
    if THIS in tokens:
        at = tokens.index(THIS)
        found |= {f"pre:{t}" for t in tokens[max(0, at - _NEAR):at] if t not in STOPWORDS}
        found |= {f"post:{t}" for t in tokens[at + 1:at + 1 + _NEAR] if t not in STOPWORDS}
        found.add("at:end" if at >= len(tokens) - 1 else "at:start" if at == 0 else "at:middle")
    span = _clause_span(context)
    clause = _clause_text(context, span)
    # the words of the marker's own clause: what is said of this work, not of the others the sentence cites
    found |= {f"cw:{t}" for t in _clause_words(context, span) if t not in _NOT_CLAUSE_WORDS}
    in_text, in_clause = _FAMILY_CUES.candidates(text), _FAMILY_CUES.candidates(clause)
    for family, pattern in FAMILIES.items():
        if pattern in in_text and pattern.search(text):
            found.add(f"f:{family}")
        if pattern in in_clause and pattern.search(clause):
            found.add(f"fc:{family}")
    found |= {f"sec:{kind}" for kind in section_kinds(context)} or {"sec:none"}
    if context.methods:
        found.add("sec:methods-heading")
    found.add("backs-claim" if context.backs_claim else "backs-no-claim")
    count = len(set(context.markers) | {context.marker})
    found.add(f"markers:{min(count, 4)}")
    found.add(f"words:{min(len(tokens) // 10, 5)}")
    found.add(_rule_feature(stance, cue))
    return sorted(found)


def describe(feature: str) -> str:
    """A feature as a reader would say it: "'using the'", "methods section", "rules: supporting cue"."""
    kind, _, value = feature.partition(":")
    value = value.replace(THIS, "[this citation]").replace(OTHER_MARK, "[citation]")
    if kind in ("w", "b"):
        return f"'{value}'"
    if kind == "cw":
        return f"'{value}' in its clause"
    if kind == "pre":
        return f"'{value}' before the citation"
    if kind == "post":
        return f"'{value}' after the citation"
    if kind == "sec":
        return "methods heading" if value == "methods-heading" else f"{value} section"
    if kind in ("f", "fc"):
        return f"{value} words" + (" in its clause" if kind == "fc" else "")
    if kind == "rule":
        stance, how = value.split(":")
        return f"rules: {stance} ({how})"
    if kind == "markers":
        return f"{value} markers in the sentence" if value != "1" else "one marker in the sentence"
    if kind == "at":
        return f"citation at the {value}"
    if kind == "words":
        return f"sentence of {int(value) * 10}+ words"
    return feature


@dataclass(frozen=True)
class StanceModel:
    """A linear model: per class a bias and a weight per feature (absent features weigh 0)."""

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def scores(self, found: list[str]) -> list[float]:
        """Per class, the bias plus the weights of `found`, added in the order of `found`."""
        return self._totals([self.weights.get(feature) for feature in found])

    def _totals(self, rows: list[tuple[float, ...] | None]) -> list[float]:
        """`scores` from the weights of each feature (None: not in the model), in the same order."""
        if len(self.bias) == 2:  # two classes (the shipped model): the same additions, unrolled
            first, second = self.bias
            for weight in rows:
                if weight:
                    first += weight[0]
                    second += weight[1]
            return [first, second]
        totals = list(self.bias)
        for weight in rows:
            for i, value in enumerate(weight or ()):
                totals[i] += value
        return totals

    def predict(self, found: list[str]) -> tuple[str, float, list[str]]:
        """(class, its probability, the features that pushed most toward it over the runner-up)."""
        rows = [self.weights.get(feature) for feature in found]  # looked up once: totals and margins
        totals = self._totals(rows)
        order = sorted(range(len(totals)), key=lambda i: (-totals[i], i))
        best, second = order[0], order[1] if len(order) > 1 else order[0]
        peak = max(totals)
        probability = math.exp(totals[best] - peak) / sum(math.exp(t - peak) for t in totals)

        margins = {}  # each feature's push toward the best class over the runner-up, if it pushes
        for feature, weight in zip(found, rows, strict=True):
            if weight and weight[best] - weight[second] > 0:
                margins[feature] = weight[best] - weight[second]
        pushing = sorted((f for f in found if f in margins), key=lambda f: (-margins[f], f))
        return self.classes[best], probability, pushing[:TOP_CUES]

    def to_json(self) -> dict[str, object]:
        return {"classes": list(self.classes), "bias": list(self.bias),
                "weights": {f: list(w) for f, w in sorted(self.weights.items())}}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> StanceModel:
        weights = data["weights"]
        assert isinstance(weights, dict)
        return cls(tuple(data["classes"]), tuple(float(b) for b in data["bias"]),  # type: ignore[arg-type]
                   {str(f): tuple(float(x) for x in w) for f, w in weights.items()})


@cache
def load_model(path: Path = MODEL_PATH) -> StanceModel | None:
    """The shipped model, or None when its file is missing (the rules then decide alone)."""
    if not path.is_file():
        return None
    return StanceModel.from_json(json.loads(path.read_text(encoding="utf-8")))


def model_stance(context: CitingContext, model: StanceModel, rule: tuple[str, str]) -> tuple[str, str]:
    """A stance the rules found a phrase for stands (every contrasting one, 'consistent with', 'for a
    review see', 'using the method of' …); where they fell back to a default (no cue, or the methods
    section) or found only a pointer ('cf.', '(see …)', 'see also', 'e.g.': `POINTER_CUE`), the model's
    class, with its strongest features as cue — in a scholarly article only (a citation under an
    introduction, results, discussion, methods or abstract heading, or in a document whose headings are a
    scholarly article's: `CitingContext.scholarly`): the labelled sets it learnt from are research
    articles, and in a blog post or a handout the default stands."""
    pointer = rule[0] == Stance.MENTIONING and _pointer(rule[1])
    if rule[0] == Stance.CONTRASTING or (rule[1] and not rule[1].startswith("section: ") and not pointer):
        return rule
    if not section_kinds(context) and not context.methods and not context.scholarly:
        return rule  # not a scholarly article: the rules' default
    stance, probability, pushing = model.predict(features(context, rule))
    if stance == Stance.CONTRASTING:  # a model trained with a contrasting class never overrules the rules
        stance = str(rule[0])
    return stance, f"{MODEL_CUE_PREFIX}{probability:.2f}: " + ", ".join(describe(f) for f in pushing)


def stance_of(context: CitingContext, model: StanceModel | None = None) -> tuple[str, str]:
    """(stance, cue) of one citation: the rules' contrasting, else the model (`model`, or the shipped
    one), else the rules."""
    rule = classify_stance(context.sentence, context.marker, list(context.markers), context.backs_claim,
                           context.methods)
    model = model or load_model()
    if model is None:
        return rule
    return model_stance(context, model, rule)
