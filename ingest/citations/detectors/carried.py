"""Detector: the sentences that carry on the account of a work cited just before, with no marker or
pointer of their own.

"Mubanga et al. (2017) followed 3.4 million Swedes for twelve years. Dog owners had a lower risk of
death. Owners of hunting breeds had the lowest risk of all." The second and third sentences report
the same study: a reader takes them as supported by it, and so does the gold of every blog set. The
account runs from a sentence citing exactly one work through the sentences after it in the same
paragraph, and ends at the first sentence that leaves it (`leaves_account`): one with a citation or
mention of its own, the writer's own voice ("I suspect …", "In our club …", "You may have read …"),
an instruction ("Remember that …"), another voice ("At the time, many reef scientists thought …",
"Not everyone agrees"), a person named ("The idea is older than Putnam"), the writer weighing the
evidence ("An association like this does not prove …", "Whether the same holds … is a different
question", "No study has tested …"), a new date ("Since 2022, …"), the writer's own text or a span of
years ("This summary covers …", "… has grown over the last fifteen years"), a generic statement ("Many
survivors never …"), or present-tense comment after a past-tense report of the work ("Tap water has
not yet been tested …") unless the sentence says it is still the work speaking ("…, they argue, …",
"Put simply, …"). Once left, the account does not come back in that paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.schema import EvidenceKind
from ingest.citations.index import RefIndex
from ingest.citations.model import CONTINUATION, EvidenceSpan
from ingest.citations.text import REPORTING, fold
from ingest.claims import Unit
from ingest.model import HEADING, REFERENCES, TITLE, ParsedDocument


@dataclass
class Account:
    """A work being reported: the paragraph it is reported in, its one source, and whether the
    sentence that cited it reports it in the past tense."""

    block: int
    sources: list[str]
    past: bool
    other_works: bool = False  # the paragraph cited other works before the account's


# --- research papers ------------------------------------------------------------------------
# In a research paper a sentence after a citation is the authors' own argument far more often than
# more of the cited work (the publisher marks each citation where it applies), so papers carry no
# account on: a paper is a document with an "Abstract" heading or two of the IMRaD section headings.
_ABSTRACT_HEADING = re.compile(r"^(?:abstract|summary of the (?:paper|article)|resumo|resumen|r[ée]sum[ée]|"
                               r"zusammenfassung)$")
_IMRAD_HEADING = re.compile(
    r"^(?:introduction|background|methods?|methodology|materials and methods|patients and methods|results|"
    r"results and discussion|discussion|conclusions?|introdu[çc][ãa]o|introducci[óo]n|m[ée]todos?|"
    r"metodologia|metodolog[íi]a|resultados|discuss[ãa]o|discusi[óo]n|conclus[ãa]o|conclusi[óo]n|"
    r"conclusiones|considera[çc][õo]es finais)$")
# A paper reports and discusses its own methods or results; an essay or a student's literature summary
# has an Introduction and a Conclusion too, but no Methods, Results or Discussion of its own.
_OWN_STUDY_HEADING = re.compile(r"^(?:methods?|methodology|materials and methods|patients and methods|"
                                r"results|results and discussion|discussion|m[ée]todos?|metodologia|"
                                r"metodolog[íi]a|resultados|discuss[ãa]o|discusi[óo]n)$")
# A paper's printed reference list is long; a blog's, a handout's or a lecture's lists a few works.
PAPER_REFERENCE_ENTRIES = 20
# A published article prints its own DOI in its head, with the byline ("Imran Niazi · 2025-01-15 ·
# doi:10.19102/icrm.2025.16015"): an editorial or review with no IMRaD headings and a short list is a
# journal's paper all the same, whose every attribution carries a printed marker.
_OWN_DOI = re.compile(r"(?:\bdoi:?\s*|doi\.org/)10\.\d{4,9}/\S", re.IGNORECASE)
_HEAD_BLOCKS = 3  # the title, the byline and a dateline: where the article's own DOI stands
_HEAD_LINE = 300  # characters: a head line, not a paragraph citing a DOI


def is_research_paper(doc: ParsedDocument) -> bool:
    """True when the document is laid out as a research paper: an Abstract heading, two of
    Introduction / Methods / Results / Discussion / Conclusions as headings (also in Portuguese and
    Spanish) one of which is Methods, Results or Discussion, a printed reference list of
    PAPER_REFERENCE_ENTRIES entries or more, or its own DOI (front matter, or printed in its head)."""
    imrad: set[str] = set()
    if sum(1 for block in doc.blocks if block.kind == REFERENCES) >= PAPER_REFERENCE_ENTRIES:
        return True
    if doc.doi or any(block.end - block.start <= _HEAD_LINE
                      and _OWN_DOI.search(doc.text, block.start, block.end)
                      for block in doc.blocks[:_HEAD_BLOCKS] if block.kind != REFERENCES):
        return True
    for block in doc.blocks:
        if block.kind not in (HEADING, TITLE):
            continue
        words = " ".join(doc.text[block.start:block.end].lower().split())
        words = re.sub(r"^(?:\d+(?:\.\d+)*\.?|[ivx]+\.)\s+|[\s:.]+$", "", words)
        if _ABSTRACT_HEADING.match(words):
            return True
        if _IMRAD_HEADING.match(words):
            imrad.add(words)
            if len(imrad) >= 2 and any(_OWN_STUDY_HEADING.match(h) for h in imrad):
                return True
    return False


# --- the writer's own voice -------------------------------------------------------------------
# ("My daughter's physio told her …" opens with a capital)
_FIRST_SINGULAR = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)\b")
# A year after the work came out ("He won the Nobel Prize in 1937." after a 1928 paper) is not its report.
_YEAR = re.compile(r"(?<![\d\-–])(?:1[5-9]|20)\d\d(?![\d\-–])")
# "we", "our", "you" near the start are the writer and the reader ("In our club", "So we offer",
# "You may have read"); later in the sentence they are often generic ("… that our friends share").
_FIRST_PLURAL_OR_YOU = re.compile(
    r"\b(?:[Ww]e|[Oo]ur|[Oo]urs|[Uu]s|[Yy]ou|[Yy]our|[Ww]e['’](?:re|ve|d|ll))\b")
OPENING_WORDS = 5  # how far into a sentence "we/our/you" count as the writer's voice
# An instruction: the sentence opens with a verb in the imperative.
_IMPERATIVE = re.compile(
    r"^(?:Remember|Note|Notice|Consider|Try|Do|Don['’]t|Never|Always|Keep|Make|Take|Ask|Be|Avoid|Pick|"
    r"Choose|Build|Let|Let['’]s|See|Read|Look|Think|Imagine|Start|Stop|Check|Talk|Tell|Bear|Mind|"
    r"Beware|Watch|Go|Get|Give|Use|Find|Compare|Contrast|Learn|Write|Recall|Please)\b")

# --- another voice, or the writer weighing the evidence ----------------------------------------
# Verbs of opinion and repetition: with a subject that is not the work's authors ("many reef
# scientists thought", "textbooks repeated", "The opposition concluded") the sentence is somebody
# else's view of the work. "those patients reported more relief" is data of the work, so plain
# reporting verbs ("found", "reported") are not among them.
_OPINION = (r"(?:thinks?|thought|believ(?:e|es|ed)|agrees?|agreed|disagrees?|disagreed|argu(?:e|es|ed)|"
            r"claim(?:s|ed)?|conclud(?:e|es|ed)|criticis(?:e|es|ed)|criticiz(?:e|es|ed)|doubt(?:s|ed)?|"
            r"disput(?:e|es|ed)|question(?:s|ed)|challeng(?:e|es|ed)|repeat(?:s|ed)?|accept(?:s|ed)?|"
            r"reject(?:s|ed)?|dismiss(?:es|ed)?|insist(?:s|ed)?|counter(?:s|ed)?|say|says|said|call(?:s|ed)?)")
# The work's own authors as the subject of a verb: "they", "the authors", "its authors", "the team".
_OWN_VOICE = re.compile(
    r"^(?:(?:[Aa]nd|[Bb]ut|[Ss]o|as|which|who)\s+)?(?:[Tt]hey|[Hh]e|[Ss]he|[Ii]t|"
    r"[Tt]he (?:authors|researchers|investigators|team|study|review|trial|paper|report|book)|[Ii]ts authors|"
    r"[Tt]heir (?:team|authors))"
    r"(?:\s+(?:themselves|himself|herself|itself))?(?:\s+\w+ly)?(?:\s+(?:also|later|further|then|too|have|has|had))?"
    r"(?:\s+(?:could|can|did|does|would)(?:\s+not|n['’]t)?)?\s*$")
# The work's participants as the subject: what they believed or said is the work's data ("When
# participants believed they were the only listener, 85% went for help").
# ("…; when they believed four others could hear, …": "they" after a conjunction are the same people.)
_PARTICIPANTS = re.compile(r"^(?:(?:(?:when|if|once|after|because|while|and|but)\s+)?"
                           r"(?:the\s+|most\s+|many\s+|some\s+)?"
                           r"(?:participants|subjects|volunteers|respondents|patients|students|children|"
                           r"parents|mothers|women|men|players|workers|employees|mice|rats)"
                           r"|(?:when|if|once|after|because|while)\s+they)\s*$", re.I)
_OPINION_VERB = re.compile(rf"\b{_OPINION}\b")
# "That spillover finding is why the authors argued …": the work's authors as the subject right before the
# verb, after words that lead up to them.
_AUTHORS_LAST = re.compile(r"\b(?:why|how|what|where|when|that|which)\s+(?:the (?:authors|researchers|"
                           r"investigators|team)|its authors|they)(?:\s+\w+ly)?(?:\s+(?:also|later|then))?"
                           r"\s*$")
# "About 95% of the people they asked called the rounded shape …": a share of the work's own participants.
_SHARE_OF_PARTICIPANTS = re.compile(
    r"^(?:(?:about|almost|nearly|over|under|around|roughly|just)\s+)?(?:\d+(?:\.\d+)?\s?%|\d+|half|most|"
    r"many|some|few|all|a (?:third|quarter|fifth|majority|minority)|two[- ]thirds|three[- ]quarters)\s+of\s+"
    r"(?:the|their|its)\s+(?:people|participants|subjects|volunteers|respondents|patients|students|children|"
    r"adults|women|men)(?:\s+(?:they|it|the authors|the researchers)\s+[a-z]+ed)?\s*$", re.I)
# "though" as an adverb ("…, though, so …", "…, though.") in a sentence opened by a pointer: the writer's
# reservation about what was just reported ("It was not randomised, though, so keen families may …"), not
# the work's (a conjunction "though the studies were of mixed quality" opens the work's own hedge).
_WRITERS_THOUGH = r"^(?:It|That|This|These|Those)\b[^,;:.]*,\s+though\s*(?:[,;.!]|$)"
WRITERS_THOUGH = re.compile(_WRITERS_THOUGH)
# The writer weighing the evidence, or pointing beyond it.
_WEIGHING = re.compile(
    r"\b(?:do(?:es)? not|cannot|can['’]t|doesn['’]t|don['’]t|did not|didn['’]t) (?:prove|show|mean|tell|"
    r"establish|settle|overturn|outweigh|undo|disprove|refute)\b|\bnot yet\b"
    r"|\bremains? (?:unclear|unknown|to be seen|uncertain|open)\b"
    r"|\b(?:is|are|was|were) (?:unclear|unknown)\b|\b(?:a|another|different) (?:different )?question\b"
    r"|\bhard to (?:square|say|know|tell|believe)\b|\btoo (?:early|soon) to\b"
    r"|^(?:Whether|No (?:study|one|trial|research|review)|Nobody|None of (?:this|these|that)|Still,|"
    r"Of course|Either way|That said|Even so|Perhaps|Maybe|Then again|Either|But is|Critics|Others)\b"
    r"|^Not (?:everyone|all|every|everybody)\b"
    # the evidence judged ("The evidence for this is thin"), advice drawn from it ("Schools should …")
    r"|\b(?:[Tt]he|[Tt]his|[Tt]hat) evidence (?:for (?:this|that|it) |here )?(?:is|was|remains|looks)\b"
    r"|\b(?:should|ought to|must)\b"
    # the writer's comment on what was just said ("This is a big effect", "That sounds small"), also
    # applied to a case of the writer's ("For a 70 kg runner that is a lot of pasta")
    r"|^(?:For\s+(?:a|an|the|one|each|every)\s+[^,.;]{1,40}?,?\s+)?"
    r"(?:(?:This|That|It|this|that|it)(?:['’]s\b|\s+(?:is|seems|sounds|matters|means|feels|looks|comes to|"
    r"works out)\b)"
    # … also in the past with a demonstrative ("That was an observational study, so …", "That was under
    # glass"; "It was weaker in a few languages" is the work's own finding)
    r"|(?:This|That|this|that)\s+(?:was|were)\b)"
    # the writer's "though" as an adverb after a pointer ("It was not randomised, though, so …")
    rf"|{_WRITERS_THOUGH}"
    # the writer's summary of what the evidence does show ("What the research does show is …")
    r"|^What\s+[^,.;]{1,40}?\b(?:does|do|did)\s+(?:show|suggest|tell|say|support)\b"
    # a question the evidence leaves open ("The question of how often … is less settled"; not "less
    # certain": "although this estimate was less certain" is the work's own hedge)
    r"|\b(?:is|are|remains?|seems?)\s+(?:much\s+|far\s+)?(?:less|not|not yet|still not|far from)\s+"
    r"settled\b")
# What happened after the work ("England has since stopped offering this test"): a later event.
_SINCE = re.compile(r"\b(?:has|have|had)\s+(?:\w+ly\s+)?since\b|^Since then\b")
# Several studies at once ("with 10 to 12 people in each study", "both trials") after a paragraph that
# cited more than the account's one work: the writer speaks of them all.
_SEVERAL_WORKS = re.compile(r"\b(?:each|both|these|those|the two|all (?:the )?(?:two|three|of these))\s+"
                            r"(?:stud(?:y|ies)|trials?|papers?|experiments?)\b")
_ADVICE = re.compile(r"should|ought to|must")  # the advice words of _WEIGHING
# Another work or other researchers as the subject: "However, other studies found no effect".
_OTHER_WORKS = re.compile(
    r"\b(?:[Oo]ther|[Ll]ater|[Nn]ewer|[Mm]ore recent|[Ss]ubsequent|[Ll]arger|[Ss]everal|[Mm]any|[Ss]ome|"
    r"[Ff]ew)\s+(?:\w+\s+)?(?:studies|trials|reviews|papers|researchers|scientists|experts|authors|"
    r"investigators|critics|work|research)\b|\b(?:[Cc]ritics|[Ss]ceptics|[Ss]keptics)\b")
# A name the reference list does not hold, reporting, inside the sentence: "Similarly, Park showed …".
_NAME_REPORTING = re.compile(rf"(?<![\w'’\-])(?P<name>[A-ZÀ-Þ][a-zà-ÿ'’\-]+)\s+(?:\w+ly\s+|also\s+)?"
                             rf"{REPORTING}\b")
_NOT_NAMES = frozenset("they he she it this that these those the its their his her we i you one".split())
# A new date opening the sentence: another event than the work's ("Since 2022, octopuses have been
# covered by the Act"). "In 2016 the reef bleached" after a cited sentence is the writer's history.
_NEW_DATE = re.compile(r"^(?:Since|In|By|From|Until|Before|After|Around|During)\s+(?:the\s+)?"
                       r"(?:early\s+|late\s+|mid-?)?(?:1[5-9]\d\d|20\d\d)s?\b")
# The writer's own text ("This summary covers …", "In this post …") or a span of time beyond any one
# work ("Interest in it has grown over the last fifteen years", "in recent decades").
_OWN_TEXT_OR_SPAN = re.compile(
    r"\b(?:[Tt]his|[Tt]he present) (?:summary|essay|post|blog post|piece|page|handout|guide|newsletter|"
    r"leaflet|factsheet|fact sheet|FAQ)\b"
    r"|\b(?:over|in|during|within) the (?:last|past) (?:\w+ )?(?:years|decades|century)\b"
    r"|\bin recent (?:years|decades)\b")
# A generic statement about a kind of people or things ("Many survivors never receive a diagnosis"),
# not about the work's participants ("Many of the participants …").
# "Some even laid eggs …", "Many reacted as strongly to the placebo": a quantifier standing alone as
# the subject (an adverb or a verb in the past after it) is "some of them", the work's own animals or
# participants, not a kind of people or things.
_GENERIC_OPENER = re.compile(r"^(?:Many|Some|Few|Several)\s+(?!of\b)(?P<next>[a-z][\w'’\-]*)")
_QUANTIFIER_ADVERBS = frozenset("even also still only never later then soon again actually".split())


def _generic_opener(sentence: str) -> bool:
    """True when the sentence opens with "Many/Some/Few/Several" and a noun ("Many survivors never …"):
    a generic statement. Followed by an adverb or a past verb ("Some even laid eggs", "Many reacted …"),
    the quantifier stands for the people or animals just reported."""
    match = _GENERIC_OPENER.match(sentence)
    if not match:
        return False
    word = match.group("next")
    if word in _QUANTIFIER_ADVERBS:
        return False
    return not (_PAST_WORD.fullmatch(word) and word not in _NOT_PAST_ED)

# --- tense --------------------------------------------------------------------------------
_IRREGULAR_PAST = (
    "was were had did found made took gave showed rose fell lost grew ran saw went came got led kept left "
    "began became thought felt told brought bought fought sought taught caught held meant paid sent spent "
    "stood understood won wrote drew knew threw ate drank slept spoke broke chose froze woke drove rode "
    "could "
    "struck stuck hung swam sang sat lay laid built heard beat bore tore wore forgot")
_PAST_WORD = re.compile(rf"\b(?:{'|'.join(_IRREGULAR_PAST.split())})\b|\b[a-z]{{2,}}ed\b")
# "-ed" after these is a participle ("to be published", "has been shown", "is linked"), not the past.
_AUXILIARY = re.compile(
    r"\b(?:be|been|being|is|are|am|'s|has|have|having|get|gets|to)\s+(?:\w+ly\s+|not\s+)?$")
_NOT_PAST_ED = frozenset("need indeed speed seed feed bed red shed breed exceed proceed succeed "
                         "embed hundred kindred aged based related detailed limited".split())
# A guideline as the subject of its own advice ("the same guidance says", "The guidelines also
# recommend"): its "should" is the work's content, not the writer's advice drawn from it.
_GUIDANCE = (r"(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Ii]ts)\s+(?:same\s+)?"
             r"(?:guidance|guidelines?|recommendations|advice)")
_GUIDANCE_SPEAKS = (rf"\b{_GUIDANCE}\s+(?:also\s+)?(?:say|says|said|advis(?:e|es|ed)|recommend(?:s|ed)?|"
                    r"stat(?:e|es|ed)|not(?:e|es|ed)|add(?:s|ed)?|suggest(?:s|ed)?|warn(?:s|ed)?)\b")
_GUIDANCE_SUBJECT = re.compile(rf"\b{_GUIDANCE}(?:\s+also)?\s*$")
# "…, they argue, …", "they noted", "In their words", "Put simply, …": the sentence says it is still
# the work speaking, whatever its tense.
_STILL_THE_WORK = re.compile(
    rf"(?:^|,\s+|;\s+)(?:they|he|she|the authors|the researchers)\s+(?:themselves\s+)?(?:\w+ly\s+)?"
    rf"(?:{REPORTING}|add(?:s|ed)?|call(?:s|ed)?|put it|conclud(?:e|es|ed)|expect(?:s|ed)?|"
    r"predict(?:s|ed)?)\b"
    # "The authors expect the share to rise …": the sentence's own subject is the work's authors
    rf"|^(?:They|The authors|The researchers|The team)\s+(?:themselves\s+)?(?:\w+ly\s+)?(?:also\s+)?"
    rf"(?:{REPORTING}|expect(?:s|ed)?|predict(?:s|ed)?|call(?:s|ed)?)\b"
    r"|^(?:Put simply|Simply put|In other words|In short|That is|Put another way|In their words)\b"
    # a guideline cited speaks on: "The guidance also advises …", "… that the same guidance says should …"
    rf"|{_GUIDANCE_SPEAKS}")

# The rest of an aside set off by commas after its first word: a preposition, then words up to the comma.
_ASIDE_CLOSES = re.compile(r"\s+(?:to|in|on|by|for|from|at|with|as|over|under|into)\s[^,;.:]{1,80},\s")


# Irregular pasts that are also the participle: after an auxiliary they are no past ("Erythritol is found
# in many products", "is made from", "are kept in").
_PARTICIPLE_TOO = frozenset("found made kept left felt told brought bought fought sought taught caught held "
                            "meant paid sent spent stood understood built heard laid lost had hung stuck "
                            "struck won led".split())
# A compound adjective ("shorter-lived", "plant-based", "well-designed"), not a verb; a verb's prefix
# ("re-analysed", "co-authored") keeps it a verb.
_COMPOUND_BEFORE = re.compile(r"(?<![\w\-])(?!(?:re|co|pre|mis|out|over|under|up|down|cross)-)[a-z]+-$")
# A participle after a plural noun and before a preposition is a reduced relative clause, not the
# sentence's verb: "fermentable sugars found in wheat", "a few plants dotted around a tomato bed"
# (not after the work's people: "the researchers found in 2019 that …").
_NOUN_BEFORE_PARTICIPLE = re.compile(r"(?<![\w'’\-])(?!(?:researchers|authors|scientists|investigators|"
                                     r"historians|economists|others|teams|studies|trials|reviews|papers|"
                                     r"analyses|this|his|its|was|has|is|as|us|yes)\s)[a-z]{3,}s\s+$")
_PREPOSITION_AFTER = re.compile(r"\s+(?:in|on|at|around|across|among|near|inside|throughout|under|into)\b")


def is_past(sentence: str) -> bool:
    """True when the sentence has a verb in the simple past ("followed", "had", "found"); a
    participle after an auxiliary or before "by" ("to be published", "a panel convened by", "is found
    in"), in a compound adjective ("shorter-lived") or after a plural noun before a preposition
    ("sugars found in wheat") does not count."""
    for match in _PAST_WORD.finditer(sentence):
        word = match.group(0)
        if word in _NOT_PAST_ED:
            continue
        before = sentence[max(0, match.start() - 30):match.start()]
        participle = word.endswith("ed") or word in _PARTICIPLE_TOO
        if participle and (_AUXILIARY.search(before) or sentence.startswith(" by ", match.end())):
            continue  # "to be published", "is linked", "a panel convened by …": participles
        if word.endswith("ed") and _COMPOUND_BEFORE.search(before):
            continue  # "shorter-lived": an adjective
        if participle and _NOUN_BEFORE_PARTICIPLE.search(before) and _PREPOSITION_AFTER.match(sentence,
                                                                                              match.end()):
            continue  # "sugars found in wheat": a reduced relative clause
        if sentence.endswith(", ", 0, match.start()) and _ASIDE_CLOSES.match(sentence, match.end()):
            continue  # "Alaska's dividend, paid to every resident since 1982, is …": a participle aside
        return True
    return False


# An opinion word that is a noun: after a determiner ("the questions", "their claims") or inside a
# phrase opened by a preposition ("On conceptual questions, the longhand group did better").
_NOUN_BEFORE = re.compile(r"(?:^|\s)(?:[Tt]he|[Aa]n?|[Tt]hese|[Tt]hose|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er|[Oo]ur|"
                          r"[Ss]uch|[Tt]wo|[Tt]hree|[Ff]ew|[Oo]ne)\s+$")
_PREPOSITION_PHRASE = re.compile(r"^(?:On|In|At|For|With|From|About|Of|Under|Over|Across|Among|Between|"
                                 r"Beyond|Despite|Without)\s+(?:[\w'’\-]+\s+){0,3}$")


def _another_voice(sentence: str, own_names: set[str]) -> bool:
    """An opinion verb whose subject (the words before it in its clause) is not the work's authors
    (a pronoun, "the authors", or the family name of one of them). The same word used as a noun
    ("On conceptual questions", "the claims") is no verb."""
    for verb in _OPINION_VERB.finditer(sentence):
        clause = re.split(r"[,;:]\s*", sentence[:verb.start()])[-1]
        if (_NOUN_BEFORE.search(clause) or _PREPOSITION_PHRASE.match(clause) or _PARTICIPANTS.match(clause)
                or _GUIDANCE_SUBJECT.search(clause) or _AUTHORS_LAST.search(clause)
                or _SHARE_OF_PARTICIPANTS.match(clause)):
            continue
        if not _OWN_VOICE.match(clause) and fold(clause.strip()) not in own_names:
            return True
    return False


def _own_names(account: Account, index: RefIndex) -> set[str]:
    """The folded family names (last word) of the authors of the account's work."""
    return {fold(a.family.split()[-1]).strip("{}\\'\"`") for key in account.sources
            for a in index.by_key(key).authors if a.family.split()}


def _family_names(index: RefIndex) -> frozenset[str]:
    """The folded family names of every person among the references' authors (a group author such
    as "World Health Organization" is no person's name), computed once per index."""
    key = ("carried.family_names",)
    if key not in index._memo:
        names: set[str] = set()
        for ref in index.references:
            for author in ref.authors:
                words = author.family.split()
                if words and all(w[:1].islower() for w in words[:-1]) and author.given:
                    names.add(fold(words[-1]).strip("{}\\'\"`"))
        index._memo[key] = frozenset(n for n in names if n)
    return index._memo[key]  # type: ignore[return-value]


# "Granovetter called this the strength of weak ties": the work's own author naming or reporting.
_AUTHOR_SPEAKS = re.compile(rf"\s+(?:\w+ly\s+)?(?:{REPORTING}|call(?:s|ed)?|term(?:s|ed)?|dub(?:s|bed)?|"
                            r"name[sd]?|label(?:s|led|ed)?)\b")

# "… until Zimbardo himself smashed it with a sledgehammer": the work's author acting in it.
_AUTHOR_ACTS = re.compile(r"\s+(?:himself|herself|themselves)\b")


def _names_an_author(sentence: str, account: Account, index: RefIndex) -> bool:
    """True when a capitalised word of the sentence is the family name of an author in the
    reference list: the sentence is about a person ("Walker grew up in Liverpool", "The idea is
    older than Putnam") or about another work. The cited work's own author as the subject of a
    reporting or naming verb ("Granovetter called this …") is still its account."""
    names = _family_names(index)
    if _after_the_work(sentence, account, index):
        return True
    own = _own_names(account, index)
    for match in re.finditer(r"(?<![\w'’\-])[A-ZÀ-Þ][\w'’\-]+", sentence):
        name = fold(re.sub(r"['’]s$", "", match.group(0)))
        if name in names and not (name in own and (_AUTHOR_SPEAKS.match(sentence, match.end())
                                                   or _AUTHOR_ACTS.match(sentence, match.end()))):
            return True
    return False


# "… at all. --Ngozi Adeyemi-Hart (talk) 10:30, 5 October 2026 (UTC)": a talk-page or forum signature
# after the sentence is no part of it (its date is the comment's, not a later event).
_SIGNATURE = re.compile(r"\s+(?:--|—|–)\s*\S[^\n]{0,120}?(?:\(talk\)|\(UTC\))[^\n]*$")


# "Ollie read it twice and still needed the episode.": somebody reading the work is an anecdote about
# it, not more of its account.
_READS_IT = re.compile(r"\b(?:read|reads|re-?read|re-?reads|skimmed|skims)\s+(?:it|them|the (?:paper|study|"
                       r"review|book|article|report))\b")


def leaves_account(sentence: str, account: Account, index: RefIndex) -> bool:
    """True when the sentence is no longer the cited work's account (see the module docstring)."""
    sentence = _SIGNATURE.sub("", sentence)
    if sentence.rstrip().endswith("?") or _FIRST_SINGULAR.search(sentence) or _READS_IT.search(sentence):
        return True
    if _SINCE.search(sentence) or (_SEVERAL_WORKS.search(sentence) and account.other_works):
        return True
    opening = " ".join(sentence.split()[:OPENING_WORDS])
    if _FIRST_PLURAL_OR_YOU.search(opening) or _IMPERATIVE.match(sentence):
        return True
    # "…, they found, …": the sentence says it is the work speaking, whatever other verbs it has
    still_the_work = bool(_STILL_THE_WORK.search(sentence))
    guideline_speaks = bool(re.search(_GUIDANCE_SPEAKS, sentence))
    if any(not (guideline_speaks and _ADVICE.fullmatch(m.group(0))) for m in _WEIGHING.finditer(sentence)) \
            or _NEW_DATE.match(sentence) or _generic_opener(sentence) or _OWN_TEXT_OR_SPAN.search(sentence):
        return True
    own = _own_names(account, index)
    if (_another_voice(sentence, own) and not still_the_work) or _names_an_author(sentence, account, index):
        return True
    if _OTHER_WORKS.search(sentence) or any(m.start() > 0 and fold(m.group("name")) not in own | _NOT_NAMES
                                            for m in _NAME_REPORTING.finditer(sentence)):
        return True  # (a capital opening the sentence is no name: "Participants reported less pain")
    if account.past and not is_past(sentence) and not still_the_work:
        return True
    return False


def _after_the_work(sentence: str, account: Account, index: RefIndex) -> bool:
    """True when the sentence names a year later than the year of every work of the account."""
    return names_later_year(sentence, account.sources, index)


def names_later_year(sentence: str, sources: list[str], index: RefIndex) -> bool:
    """True when the sentence names a year later than every one of the works `sources` came out:
    what happened after a work ("He won the Nobel Prize in 1937." after a 1928 paper) is not its report."""
    years = [int(year[:4]) for key in sources if (year := index.by_key(key).year)[:4].isdigit()]
    return bool(years) and any(int(m.group(0)) > max(years) for m in _YEAR.finditer(sentence))


def carried_evidence(text: str, unit: Unit, account: Account, index: RefIndex) -> EvidenceSpan | None:
    """Evidence for a sentence that carries on `account` (the work cited last in its paragraph), or
    None when it leaves it. The span is the whole sentence: nothing in it points back but its place."""
    if unit.block != account.block:
        return None
    sentence = text[unit.start:unit.end]
    if leaves_account(sentence, account, index):
        return None
    return EvidenceSpan(str(EvidenceKind.CITATION), unit.start, unit.end, sentence, unit.index,
                        list(account.sources), True, priority=CONTINUATION)


def next_account(text: str, unit: Unit, found: list[EvidenceSpan], account: Account | None,
                 cited_before: set[str] | frozenset[str] = frozenset()) -> Account | None:
    """The account after `unit`: the one work its citations name (all resolved), kept when the unit
    carried it on; None when the unit cites several works, an unresolved one, or nothing.
    `cited_before` holds the works the paragraph cited before the unit."""
    cited = [e for e in found if e.kind in (EvidenceKind.CITATION, EvidenceKind.QUOTE)]
    if not cited or any(not e.resolved for e in cited):
        return None
    sources = sorted({key for e in cited for key in e.sources})
    if len(sources) != 1:
        return None
    if account is not None and account.block == unit.block and account.sources == sources:
        # a later sentence citing the work again in the past makes the account a past report ("The best
        # account is Waller's book (Waller, 2008a). Waller went back to the records … (Waller, 2008a, p. 1).
        # The death toll is much less certain."): the present after it is the writer's
        if not account.past and any(e.priority != CONTINUATION for e in cited):
            account.past = is_past(text[unit.start:unit.end])
        return account
    return Account(unit.block, sources, is_past(text[unit.start:unit.end]),
                   other_works=bool(set(cited_before) - set(sources)))
