"""The study design of a cited work, with the reason, from what is stored about it.

Order of evidence, first that speaks wins: the record's metadata (BibTeX entry type, a JATS
`publication-type`, PubMed publication types / `keywords` / `note` / `type`, the journal), then cue
phrases in its title (or, when a mixed-citation tagged only its journal, which the reader then gives as
the title, in the reference as printed before that journal), then, for a work that is itself an
article of the corpus, its abstract and methods. Nothing found is `unknown` with reason '' — never a
guess shown as fact: only phrases that name a design count ("a randomized controlled trial",
"prospective cohort", "meta-analysis of").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from graph.schema import StudyDesign as D
from ingest.claims import caseless
from ingest.cues import CueScanner

# Text looked at, at most, in an article of the corpus (the abstract is at its head).
HEAD_CHARS = 4000
METHODS_CHARS = 3000
QUOTE_CHARS = 90


@dataclass(frozen=True)
class Design:
    """A design and what said so ('' for unknown)."""

    design: str
    reason: str = ""


UNKNOWN = Design(D.UNKNOWN, "")

# BibTeX / biblatex entry types that name what a work is.
ENTRY_TYPES: dict[str, str] = {
    "book": D.BOOK, "inbook": D.BOOK, "incollection": D.BOOK, "booklet": D.BOOK, "mvbook": D.BOOK,
    "collection": D.BOOK, "bookinbook": D.BOOK, "suppbook": D.BOOK,
    "online": D.WEB, "webpage": D.WEB, "electronic": D.WEB, "www": D.WEB,
    "software": D.DATASET_SOFTWARE, "dataset": D.DATASET_SOFTWARE, "data": D.DATASET_SOFTWARE,
    "phdthesis": D.BOOK, "mastersthesis": D.BOOK, "thesis": D.BOOK,
}
# JATS <element-citation publication-type="…"> values that name what a work is.
JATS_TYPES: dict[str, str] = {
    "book": D.BOOK, "web": D.WEB, "webpage": D.WEB, "website": D.WEB, "blog": D.WEB, "newspaper": D.WEB,
    "data": D.DATASET_SOFTWARE, "dataset": D.DATASET_SOFTWARE, "software": D.DATASET_SOFTWARE,
    "database": D.DATASET_SOFTWARE, "program": D.DATASET_SOFTWARE, "standard": D.GUIDELINE,
    "thesis": D.BOOK,
}

_W = r"[\w'’-]*"
# Cue phrases in order of precedence: the first design whose phrase occurs wins (study designs
# strongest first; a review or guideline about mice is a review or guideline, not an animal study).
Cues = tuple[tuple[str, re.Pattern[str]], ...]


def _compiled(table: tuple[tuple[str, str], ...]) -> Cues:
    return tuple((design, re.compile(pattern, re.IGNORECASE)) for design, pattern in table)


# Words that say what kind of review a title announces ('A short review on …', 'An evidence-based review').
_REVIEW_KINDS = (r"(?:brief|short|critical|narrative|comprehensive|historical|selective|literature|"
                 r"evidence-based|evolutionary|updated|concise|practical|integrative|conceptual|descriptive|contemporary|"
                 r"general|focused|mini-?)")

# 'two population-based', 'three independent': a count of studies the work itself pools or reports.
_COUNTED = r"\b(?:two|three|four|five|six|both|\d+) (?:[\w-]+ ){0,2}"

CUES: Cues = _compiled((
    (D.SYSTEMATIC_REVIEW, r"\b(?:systematic(?:al(?:ly)?)? (?:literature )?reviews?|meta-?analys[ie]s|"
                          r"meta-?analytic|meta-?regression|network meta|umbrella review|scoping review|"
                          r"systematic overview|"
                          r"individual (?:participant|patient)[- ]data|pooled analysis of (?:\d+ |"
                          r"randomi[sz]ed)|"
                          r"cochrane review)\b"),
    (D.RCT, r"\b(?:randomi[sz]ed,? (?:(?:double|single|triple)[- ]blind(?:ed)?,? |placebo[- ]controlled,? |"
            r"controlled,? |clinical,? |cluster,? |crossover,? |cross-over,? |pilot,? |multi-?cent(?:er|"
            r"re),? |"
            r"open[- ]label,? |phase (?:i{1,3}|[1-4]),? |non-?inferiority,? |pragmatic,? |"
            r"parallel[- ]group,? )*"
            r"(?:trial|study)(?!s)|randomi[sz]ed controlled(?! trials)|"
            r"placebo[- ]controlled (?:\w+ )?trial(?!s)|"
            r"double[- ]blind(?:ed)?,? (?:\w+ )?trial(?!s)|\bRCT\b|randomi[sz]ed to)"),
    # plural designs name the studies a work is about ('… in prospective population-based cohort studies', a
    # methods paper), unless counted: 'Results from two independent cohort studies' reports them
    (D.CASE_CONTROL, r"\bcase[- –]control(?:led)?\b(?! studies)|\bcases and (?:[\d,.]+ )?controls\b|"
                     rf"{_COUNTED}case[- –]control studies\b"),
    (D.COHORT, r"\b(?:(?:prospective|retrospective|longitudinal|birth|population[- ]based|community[- ]based|"
               r"observational|historical|matched|national|nationwide|occupational) cohorts?\b(?! studies)|"
               r"cohort study|"
               rf"{_COUNTED}cohort studies|"
               r"prospective (?:observational |population[- ]based |longitudinal )?study|"
               # 'A qualitative longitudinal study' is qualitative
               r"(?<!qualitative )longitudinal (?:population[- ]based |cohort |observational )?(?:study|"
               r"investigation)|"
               r"\d+[- ]year follow[- ]up|cohort (?:data|analysis|analyses|profile)|"
               r"prospective investigation)\b"),
    # a survey of people is cross-sectional; 'A survey of model compression …', 'Deep reinforcement
    # learning: a brief survey' (a review of a literature, fresh6) is not: read with the reviews
    (D.CROSS_SECTIONAL, r"\b(?:cross[- ]sectional|(?:national|nationwide|population[- ]based|online|"
                        r"web[- ]based|questionnaire|telephone|household|postal|mail|community[- ]based|"
                        r"school[- ]based|"
                        r"sero(?:epidemiological|logical)?|epidemiologic(?:al)?|health|omnibus) survey\b|"
                        r"prevalence (?:survey|study)|"
                        r"(?:^|: )(?:the )?prevalence (?:and [\w-]+ (?:[\w-]+ )?)?of\b|"
                        r"\ba survey (?:of|among|amongst|in) (?:[\w-]+ ){0,3}(?:adults|patients|"
                        r"people|persons|individuals|residents|households|women|men|children|adolescents|students|parents|"
                        r"physicians|doctors|nurses|clinicians|practitioners|veterinarians|pharmacists|dentists|"
                        r"workers|farmers|users|consumers|citizens|respondents|members|staff|employees|population|"
                        r"public|schools|hospitals|practices|clinics)\b)"),
    # 'a case of the tail wagging the dog?' (an idiom, not a patient)
    (D.CASE_REPORT, r"\b(?:case reports?|case series|(?:a|an|one|two|three|\d+) (?:unusual |rare |novel )?"
                    r"cases? of(?! the\b)|report of (?:a|an|one|two|three|four|\d+) (?:\w+ )?cases?|"
                    r"we (?:report|"
                    r"describe|present) "
                    r"(?:a|an|the|two|three) (?:\w+ ){0,3}(?:cases?|patients?))\b"),
    # 'rigour in qualitative research' names a field, 'a qualitative (research) study' a design
    (D.QUALITATIVE, r"\b(?:qualitative (?:research |longitudinal |descriptive |exploratory )?"
                    r"(?:study|analysis|inquiry|investigation|interview|evaluation|"
                    r"exploration|approach|content)|focus groups?|semi-?structured interviews?|"
                    r"thematic analysis|"
                    r"grounded theory|phenomenological|ethnograph(?:y|ic)|"
                    r"interpretative phenomenological)\b"),
    (D.NARRATIVE_REVIEW, rf"(?:^|: )(?:a |an )?(?:{_REVIEW_KINDS} )*(?:review|overview)\b|"
                         rf"\b(?:a|an) (?:{_REVIEW_KINDS} )*review of\b|"
                         r"\breview of the literature\b|\bliterature review\b|\bnarrative review\b|"
                         # review article types ('Bench-to-bedside review: …', BMJ 'Clinical review'),
                         # updates ('Chronic fatigue syndrome: an update', 'Update on …'), not a database's
                         # new release ('The comparative toxicogenomics database: update 2017'),
                         # 'Current concepts'
                         r"(?:^|: )(?:bench-to-bedside|clinical|invited|mini-?|the year in) review\b|"
                         # (': an update of the 2011 ACCF/AHA/SCAI guideline …' is a guideline: support13)
                         r": an update\b(?! of (?:the )?[^.:;]{0,40}?\bguidelines?\b)|^an update on\b|"
                         r"^current concepts\b|"
                         r"(?:^|: |\. )(?:a |an )?(?:(?:brief|short|comprehensive|critical|systematic) )?"
                         r"survey (?:of|on)\b|"
                         r": (?:a |an )?(?:(?:brief|short|comprehensive|critical) )?(?:tutorial and )?"
                         r"survey\b"),
    # 'Welcoming new guidelines for AI clinical research', 'Adherence to guidelines …' are about a guideline
    (D.GUIDELINE, r"(?<!ing )(?<!ing new )(?<!ing the )(?<!adherence to )(?<!compliance with )(?<!ing to )"
                  r"\b(?:guidelines?|consensus (?:statement|report|conference|recommendations?)|"
                  r"(?:joint|scientific|policy) (?:interim )?statement|position "
                  r"(?:statement|paper|stand)|practice parameters?|recommendations (?:of|from|for) the)\b"),
    (D.ANIMAL_IN_VITRO, r"\b(?:in vitro|in (?:transgenic |knockout |adult |aged |young |male |female |"
                        r"wild[- ]type )?"
                        r"(?:mice|rats|mouse|rat|zebrafish|drosophila|monkeys|macaques|primates|pigs|"
                        r"dogs|rabbits|"
                        r"hamsters|guinea pigs|ferrets|sheep)|(?:mouse|murine|rat|rodent|animal|"
                        r"zebrafish|primate) "
                        r"models?|cultured (?:\w+ )?(?:cells|neurons|cardiomyocytes|hepatocytes)|"
                        r"cell lines?|in vivo)\b"),
    (D.BOOK, r"\b(?:ph\.? ?d\.? thesis|doctoral (?:thesis|dissertation)|master'?s thesis|dissertation|"
             r"thesis)\b"),
    (D.COMMENTARY, r"^(?:comment(?:ary)?|editorial|letter|reply|in reply|(?:a )?response(?=\s*(?::|$|"
                   r"to (?:[\"“‘']|the (?:letter|comments?|editorial|article|authors?|critique|commentary)|"
                   r"comments?|letters?|dr\b|"
                   r"critics?)))|"
                   r"author'?s? reply|"
                   r"correspondence|viewpoint|perspective|opinion|erratum|correction|retraction)\b|"
                   r"\b(?:letter to the editor|commentary on|a commentary|an editorial|reply to|"
                   r"(?:communications?|matters) arising)\b|"
                   r"(?::\s*(?:a )?response to|\bresponse to\s*[\"“‘'])"),
    (D.DATASET_SOFTWARE, r"\b(?:software(?: tools?| package| suite| for)?|(?:r|python|matlab|java|perl|"
                         r"open[- ]source) "
                         r"(?:package|library|toolbox|tool)|packages?|library for|suite for|toolbox|toolkit|"
                         r"workbench|(?:a|an) (?:\w+ ){0,2}web ?server|data ?bases?(?! search)|databank|"
                         r"a language and "
                         r"environment|\(version [\d.]+\))\b|^data from:|"
                         r"^[\w.+-]+(?: [\w.+-]+){0,4} version \d+(?:\.\d+)*(?::|$)|"
                         r"\b(?:deep|machine) learning librar(?:y|ies)\b|"
                         # a deposit in a data repository ('… driving task. Figshare', 'UCI ML repository')
                         r"\b(?:figshare|zenodo|dryad|dataverse|openneuro|physionet|ml repository)\b|"
                         r"\blibrary (?:in|for) (?:tensorflow|pytorch|python|julia|matlab|java)\b|"
                         # a title naming a data set it presents ('CheXpert: A large chest radiograph dataset
                         # with uncertainty labels', 'EEG Motor Movement/Imagery Dataset'), not one it used
                         # ('… using deep learning and the ABIDE dataset', '… imbalanced datasets': fresh6)
                         r"(?<![\w-])(?<!\w )(?:(?!(?:using|on|with|from|for|in|across|by|to|and|imbalanced|"
                         r"skewed|improved|diverse|unbalanced|multiple|several|various|different|"
                         r"voluminous)\b)[\w/()-]+ ){0,8}data ?sets?\b"),
))
# Journals whose name says what they publish.
VENUES: Cues = _compiled((
    (D.SYSTEMATIC_REVIEW, r"\bcochrane database of systematic reviews\b|^cochrane database syst rev\b|"
                          r"\bsystematic reviews\b|^syst rev\b"),
    (D.CASE_REPORT, r"\bcase rep(?:orts?)?\b"),
    # a thesis typed as a journal article ('Thesis (M.A. in Integrative Biology)')
    (D.BOOK, r"^(?:(?:ph\.? ?d\.?|doctoral|master'?s) )?(?:thesis|dissertation)\b"),
    # journals of databases and data descriptors ('Database', 'Sci Data'; fresh6)
    (D.DATASET_SOFTWARE, r"^(?:database(?: \(oxford\))?|sci(?:entific)?\.? data)\.?$"),
    (D.NARRATIVE_REVIEW, r"^(?!phys(?:ical)?\.? rev)(?:.*\breviews\b(?! of scientific)|(?:crit(?:ical)?|"
                         r"immunol(?:ogical)?|nat(?:ure)?|annu(?:al)?|physiol(?:ogical)?|"
                         r"pharmacol(?:ogical)?|"
                         r"endocr(?:ine)?|microbiol(?:ogical)?|neurosci|biol|chem) rev\b|"
                         r"adv(?:ances)?\.? in (?!neural information)|"
                         r"progress in |prog |seminars in |semin |current topics in |curr top |trends\.? |"
                         r"curr(?:ent)?\.? opin)|"
                         r"^(?:annu(?:al)?\.? rev(?:iew)?\b|nat(?:ure)?\.? rev(?:iews)?\b|trends\.? |"
                         r"curr(?:ent)?\.? opin(?:ion)?\b|physiol(?:ogical)?\.? rev(?:iews)?$|"
                         r"chem(?:ical)?\.? "
                         r"rev(?:iews)?$|pharmacol(?:ogical)?\.? rev(?:iews)?$|"
                         r"(?:clin(?:ical)?\.? )?microbiol(?:ogy)?\.? "
                         r"(?:and molecular biology )?rev(?:iews)?$)|"
                         # NLM abbreviations of journals titled '… Reviews' ('Obesity Reviews' is 'Obes Rev'),
                         # not of research journals titled '… Review' ('Am Sociol Rev', 'Psychol Rev')
                         r"\b(?:obes|clin|nutr|epidemiol|med res|cancer treat|sleep med|neurosci biobehav|"
                         r"ageing res|autoimmun|blood|cytokine growth factor|drug metab|endocr|pharmacol|"
                         r"physiol) rev\b"),
))
# Metadata fields read for designs the record names (PubMed publication types, keywords, notes).
NAMED_FIELDS = ("pubtype", "publication_type_pubmed", "publicationtype", "type", "keywords", "note", "annote")
# PubMed publication types (MeSH) as they are written in a record.
PUBMED_TYPES: dict[str, str] = {
    "meta-analysis": D.SYSTEMATIC_REVIEW, "systematic review": D.SYSTEMATIC_REVIEW,
    "randomized controlled trial": D.RCT, "pragmatic clinical trial": D.RCT,
    "observational study": "", "case reports": D.CASE_REPORT, "practice guideline": D.GUIDELINE,
    "guideline": D.GUIDELINE, "consensus development conference": D.GUIDELINE, "review": D.NARRATIVE_REVIEW,
    "editorial": D.COMMENTARY, "letter": D.COMMENTARY, "comment": D.COMMENTARY, "news": D.WEB,
    "dataset": D.DATASET_SOFTWARE,
}
_METHODS_HEADING = re.compile(r"^\s*(?:\d+\.?\s*)?(?:materials and methods|methods and materials|methods|"
                              r"study design|patients and methods|subjects and methods)\s*$",
                              re.IGNORECASE | re.MULTILINE)


def _quote(text: str, match: re.Match[str]) -> str:
    """The matched phrase in its context: the whole text if it is at most QUOTE_CHARS long, else
    whole words around the match, with … where cut."""
    if len(text) <= QUOTE_CHARS and "\n" not in text:
        return text.strip()
    start = max(0, match.start() - 30)
    end = min(len(text), max(match.end() + 30, start + 40), start + QUOTE_CHARS)
    while 0 < start < match.start() and not text[start - 1].isspace():
        start += 1
    while match.end() < end < len(text) and not text[end].isspace():
        end -= 1
    piece = " ".join(text[start:end].split())
    return ("…" if start else "") + piece + ("…" if end < len(text) else "")


# One scan of a text says which cue patterns can match it at all (their literals, ingest.cues).
_CUE_SCANNER = CueScanner([pattern for _, pattern in CUES])


# A title about guidelines further back than the cue's own look-behinds reach ('… to improve health worker
# adherence to integrated management of childhood illness guidelines in Benin'), and a case in a rhetorical
# question ('… a case of running before we can walk?', '… a case of the tail wagging the dog?').
ABOUT_GUIDELINES = re.compile(r"\b(?:adherence|compliance|adherent|implementation|implementing|uptake) "
                              r"(?:to|with|of)\b", re.IGNORECASE)
A_CASE_OF = re.compile(r"cases? of\b", re.IGNORECASE)


def _vetoed(design: str, text: str, match: re.Match[str]) -> bool:
    """True when the words around a cue say it does not name this work's design."""
    if design == D.GUIDELINE:
        return bool(ABOUT_GUIDELINES.search(text, 0, match.start()))
    if design == D.CASE_REPORT and A_CASE_OF.search(match.group(0)):
        return "?" in re.split(r"[.!]\s", text[match.end():], maxsplit=1)[0]
    return False


def cue_design(text: str) -> tuple[str, re.Match[str]] | None:
    """The strongest design a cue phrase in `text` names, and the match."""
    may = _CUE_SCANNER.candidates(caseless(text))
    for design, pattern in CUES:
        if pattern not in may:
            continue
        found = next((m for m in pattern.finditer(text) if not _vetoed(design, text, m)), None)
        if found:
            return design, found
    return None


# A paper in conference proceedings, which JATS often types `book` ('Computer Vision—ECCV 2014', 'Advances in
# Neural Information Processing Systems 32', 'European Conference on Computer Vision'): not a book (fresh6).
PROCEEDINGS = re.compile(r"\b(?:conference|proceedings|proc\.|symposium|workshop|congress|advances in neural "
                         r"information processing|lecture notes in|"
                         r"(?-i:ECCV|CVPR|ICCV|NeurIPS|NIPS|ICML|ICLR|AAAI|IJCAI|MICCAI))", re.IGNORECASE)


def _from_entry(entry_type: str, jats_types: Iterable[str], venue: str = "",
                title: str = "") -> Design | None:
    for kind in jats_types:
        design = JATS_TYPES.get(kind.lower())
        if design == D.BOOK and kind.lower() == "book":
            cue = cue_design(title)
            if cue and cue[0] == D.DATASET_SOFTWARE:  # 'lme4: … R package version 1.1-7' typed book
                return Design(cue[0], f"title: '{_quote(title, cue[1])}'")
            if PROCEEDINGS.search(venue) or PROCEEDINGS.search(title):
                return None  # a conference paper: what else the record says decides
        if design:
            return Design(design, f"JATS publication-type: {kind}")
    entry = (entry_type or "").lower()
    if entry in ENTRY_TYPES and not jats_types:
        return Design(ENTRY_TYPES[entry], f"entry type: {entry}")
    return None


def _from_named_fields(fields: dict[str, Any]) -> Design | None:
    for name in NAMED_FIELDS:
        value = fields.get(name)
        if not isinstance(value, str) or not value.strip():
            continue
        for part in re.split(r"\s*[;,|]\s*", value):
            design = PUBMED_TYPES.get(part.strip().lower())
            if design:
                return Design(design, f"{name}: '{part.strip()}'")
        found = cue_design(value)
        if found and found[0] not in (D.ANIMAL_IN_VITRO,):
            return Design(found[0], f"{name}: '{_quote(value, found[1])}'")
    return None


def _from_venue(venue: str, title: str = "") -> Design | None:
    """The design the journal's name says; a review journal's systematic review is told by its title
    ('… : a systematic review and meta-analysis' in Obes Rev)."""
    for design, pattern in VENUES:
        if venue and pattern.search(venue.strip()):
            if design == D.NARRATIVE_REVIEW:
                found = _from_title(title)
                if found and found.design == D.SYSTEMATIC_REVIEW:
                    return found
            return Design(design, f"journal: '{venue.strip()}'")
    return None


def _from_title(title: str) -> Design | None:
    found = cue_design(title or "")
    if found:
        return Design(found[0], f"title: '{_quote(title, found[1])}'")
    return None


# Publication types of an article in a journal, whose <source> is the journal, not the work's title.
ARTICLE_TYPES = frozenset({"journal", "other", ""})


def title_before_source(fields: dict[str, Any], title: str) -> str:
    """The printed reference up to its journal when the record's title is that journal: a mixed-citation
    that tags only the <source> ("Zurovac D, … in Zambia: cross sectional study. <source>BMJ</source>")
    leaves the article's title untagged and the journal as the title. '' otherwise."""
    printed = str(fields.get("printed", ""))
    kind = str(fields.get("publication_type", "")).lower()
    if not printed or not title or fields.get("journal") or kind not in ARTICLE_TYPES:
        return ""
    at = printed.find(title, 1)
    return printed[:at].strip() if at > 0 else ""


def _from_printed_title(fields: dict[str, Any], title: str) -> Design | None:
    text = title_before_source(fields, title)
    found = cue_design(text) if text else None
    if found:
        return Design(found[0], f"reference as printed: '{_quote(text, found[1])}'")
    return None


def corpus_passages(text: str) -> list[tuple[str, str]]:
    """(where, text) of an article of the corpus worth reading for its design: its head (title and
    abstract) and the start of its methods section, each bounded."""
    passages = [("abstract", text[:HEAD_CHARS])]
    heading = _METHODS_HEADING.search(text, HEAD_CHARS // 4)
    if heading:
        passages.append(("methods", text[heading.end():heading.end() + METHODS_CHARS]))
    return passages


# An article's own text names software, databases, reviews and theses it used; only its title says it
# is one of those.
CORPUS_IGNORES = (D.COMMENTARY, D.NARRATIVE_REVIEW, D.BOOK, D.DATASET_SOFTWARE, D.GUIDELINE, D.WEB)


def _from_corpus(text: str) -> Design | None:
    for where, passage in corpus_passages(text):
        found = cue_design(passage)
        if found and found[0] not in CORPUS_IGNORES:
            return Design(found[0], f"{where}: '{_quote(passage, found[1])}'")
    return None


def _records(props: dict[str, Any]) -> list[dict[str, Any]]:
    try:
        records = json.loads(props.get("records_json") or "[]")
    except json.JSONDecodeError:
        return []
    return [r for r in records if isinstance(r, dict)] if isinstance(records, list) else []


def _fields(props: dict[str, Any]) -> dict[str, Any]:
    try:
        fields = json.loads(props.get("fields_json") or "{}")
    except json.JSONDecodeError:
        return {}
    return fields if isinstance(fields, dict) else {}


def _record_design(props: dict[str, Any], records: list[dict[str, Any]] | None = None) -> Design | None:
    """The design the record alone says (entry type, named fields, venue, title: the first that
    speaks), or None. `records`: those `records_json` holds, when the caller has them (not parsed)."""
    fields = _fields(props)
    records = _records(props) if records is None else [r for r in records if isinstance(r, dict)]
    jats_types = [str(t) for t in dict.fromkeys(
        [fields.get("publication_type", "")] + [(r.get("fields") or {}).get("publication_type", "")
                                                for r in records if isinstance(r.get("fields"), dict)]) if t]
    venue, title = str(props.get("venue", "") or fields.get("journal", "")), str(props.get("title", ""))
    for source in (lambda: _from_entry(str(props.get("entry_type", "")), jats_types, venue, title),
                   lambda: _from_named_fields(fields),
                   lambda: _from_venue(venue, title),
                   lambda: _from_title(title),
                   lambda: _from_printed_title(fields, title)):  # first that speaks wins
        found = source()
        if found:
            return found
    return None


@lru_cache(maxsize=2048)  # the keys are the Source's own strings (no copies); a document's sources fit
def _from_record(entry_type: str | None, fields_json: str | None, records_json: str | None,
                 venue: str | None, title: str | None) -> Design | None:
    """_record_design of the properties it reads, kept: a Source is classified when its node is built
    and again when the corpus is annotated, each time decoding its JSON fields and records."""
    props = {"entry_type": entry_type, "fields_json": fields_json, "records_json": records_json,
             "venue": venue, "title": title}
    return _record_design(props)


def classify(props: dict[str, Any], corpus_text: str = "", from_record: Design | None = None,
             records: list[dict[str, Any]] | None = None) -> Design:
    """The design of a Source from its stored properties (graph.schema) and, when the work is an
    article of the corpus, that article's text. `from_record`: what `classify(props)` gave for the
    same properties (not computed again); `records`: the records `records_json` holds, when the
    caller has them (not parsed again)."""
    if from_record is not None:
        found = None if from_record is UNKNOWN else from_record
    elif records is not None:
        found = _record_design(props, records)
    else:
        key = (props.get("entry_type", ""), props.get("fields_json"), props.get("records_json"),
               props.get("venue", ""), props.get("title", ""))
        found = (_from_record(*key) if all(v is None or type(v) is str for v in key)  # noqa: E721
                 else _record_design(props))
    if found:
        return found
    if corpus_text:
        found = _from_corpus(corpus_text)
        if found:
            return found
    return UNKNOWN
