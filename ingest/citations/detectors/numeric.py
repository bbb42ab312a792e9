"""Detector: numeric markers '[3]', '[1-3]', '[4]–[7]', '(12)', and superscripts written as text
('^1,2^', '<sup>1</sup>', '¹⁻³')."""

from __future__ import annotations

import itertools
import re

from graph.schema import EvidenceKind
from ingest.citations.index import RefIndex
from ingest.citations.model import NUMERIC, EvidenceSpan
from ingest.citations.text import UPPER
from ingest.claims import Unit

# "[3]", "[1, 2]", "[1–3]"; "[4]–[7]" (two bracketed numbers joined by a dash) is the range 4–7.
# Ukrainian and Russian journals separate the numbers with semicolons: "[7;8;9]".
# The group may end in the pointer "and references therein" ("[9–13,34,37–52 (and references therein)]",
# "[4, and refs. therein]").
_REFERENCES_THEREIN = (r"(?:\s*,?\s*\(?\s*and\s+(?:the\s+)?ref(?:erence)?s?\.?\s+(?:cited\s+)?therein"
                       r"\s*\)?\s*)?")
_BRACKET_NUMBERS = re.compile(
    rf"\[(\s*\d{{1,3}}(?:\s*[-–,;]\s*\d{{1,3}})*\s*){_REFERENCES_THEREIN}\]"
    r"(?:\s*[-–]\s*\[\s*(\d{1,3})\s*\])?")
# A group at a clause end, or before a parenthesised pointer to a figure, table or the supplement, as
# PNAS and Science print them ("… in mice (23, 24) (Fig. 1A).", "… (5) (SI Appendix, Table S2)").
_PAREN_NUMBERS = re.compile(
    r"\((\s*\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\s*)\)"
    r"(?=\s*[.,;:!?)]|\s*$|\s+\((?:Figs?\.|Figures?\b|Tables?\b|SI\b|Supplementary\b|Movies?\b|Dataset\b))")
# A parenthesised group in mid-clause, before a lower-case word, as ASM and Science print them ("…
# sand flies from Algeria (34) and Portugal", "… Aedes mosquitoes (21, 31) have also been …"): read
# in a parenthesis-numbered document when it names several numbers, or one after a content word
# (not after "to (1)", "and (2)", "from (3)", "Eq. (3)": enumerations and equation numbers), after
# "et al." ("Kapoor et al. (29) analyzed") or after an abbreviation in parentheses ("(ZASP) (9) and").
# The look-behind comes after the "(" it also checks, so re finds candidates by scanning for "(" (a pattern
# opening with a look-behind is tried at every character of the unit: 160 times slower on prose).
_PAREN_MID_CLAUSE = re.compile(r"\((?<=[^\W\d_]{3} \(|\bal\. \(|[A-Z]{2}\) \()"
                               r"(\s*\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\s*)\)(?= [a-z])")
# A parenthesised group glued to the word or the clause's punctuation before it, as Einstein (São Paulo)
# prints its citations once the superscript is set as "(n)": "… patients with COVID-19.(1,2) Meanwhile",
# "the government(3) has", "to their needs;(4) aiming", "length of stay (LOS),(7-9) as", "ARIMA(19) and".
# After a word of three letters (not a symbol's argument, "f(2)", "x(1)"), a letter's or digit's
# punctuation, or a parenthesis and its punctuation; read in a parenthesis-numbered document only.
# (The look-behinds come after the "(" for the same reason as above.)
_PAREN_GLUED = re.compile(
    r"\((?:(?<=[^\W\d_]{3}\()|(?<=[^\W_][.,;:]\()|(?<=\)[.,;:]\())(\s*\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\s*)\)"
    r"(?=[\s.,;:!?)]|$)")
# A reference named by its number in the sentence (AIP, APS, AJP): "(e.g., Ref. 6)", "Reference 14 compares",
# "Refs. 3 and 4", "refs. 2–5"
# ("the reference 3 dB point" is no citation: lower case only abbreviated, and no unit after the number)
_NAMED_REFERENCE = re.compile(
    r"(?:\bRef(?:erence)?s?\.?|\brefs?\.)\s+(\d{1,3}(?:\s*(?:[-–,]|,?\s+and)\s*\d{1,3})*)\b"
    r"(?![.,]\d|\s*(?:[=<>%°×]|(?:dB|Hz|kHz|MHz|mm|cm|nm|µm|μm|km|kg|mg|ms|min|s|h|K|V|mV|W)\b))")
_MANY_NUMBERS = re.compile(r"\d\s*[-–,]\s*\d")
_FUNCTION_WORD_BEFORE = re.compile(
    r"\b(?:to|and|or|but|are|is|was|were|be|you|we|they|should|must|will|can|may|from|into|in|of|on|by|with|using|via|see|then|that|the|its|their|our|step|"
    r"steps|stage|item|items|case|cases|condition|conditions|model|models|relation|inequality|"
    r"combining|substituting|solving|satisfies|satisfy|gives|yields|implies|where|while|when|if)\s*$",
    re.IGNORECASE)

# Superscript markers written as text: Pandoc's "^1,2^", raw HTML "<sup>1–3</sup>" left in a
# Markdown or text file, and Unicode superscript digits ("¹˒²", "¹⁻³") from a copy-paste. Offsets
# index the file's own text, so these are read where they stand instead of being rewritten.
_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPER_NUMBER = f"[{_SUPERSCRIPT_DIGITS}]{{1,3}}"
_SPEC = r"\d{1,3}(?:\s*[-–,]\s*\d{1,3})*"
SUPERSCRIPT_MARKER = (rf"\^\[?(?P<caret>{_SPEC})\]?\^"
                      rf"|<sup>\s*\[?(?P<sup>{_SPEC})\]?\s*</sup>"
                      rf"|(?P<unicode>{_SUPER_NUMBER}(?:[⁻˗‐–,˒]{_SUPER_NUMBER})*)")
_SUPERSCRIPT = re.compile(SUPERSCRIPT_MARKER)
_TO_ASCII = str.maketrans(_SUPERSCRIPT_DIGITS + "⁻˗‐˒", "0123456789---,")
# What runs right before a superscript marker (as for HTML pages, ingest.html_reader): punctuation
# or a word of three or more letters. After a digit, one letter or a unit ("10⁶", "x²", "m²",
# "x^2^") it is an exponent.
_SUPERSCRIPT_PRECEDES = re.compile(r"(?:[.,;:!?)\]”\"’']|[^\W\d_]{3,})$")


# Numbers in brackets that are no citations (error class 6 of issue #10):
# - a comparison right after the bracket: a statistic's degrees of freedom or a function's argument
#   ("F[1,12] = 8.42", "t(14) = 2.3", "H[2] < 3.1");
_COMPARISON_AFTER = re.compile(r"\s*(?:[=<>≤≥≠≈]|&[lg]t;)")
# - an equation or figure abbreviation, a confidence interval or "=" right before it ("Eq. [3]",
#   "Fig. (3)", "95% CI [1, 3]"); before a parenthesis also the full words ("equation (3)",
#   "Figure (3)", "Table (2)"), which before a bracket are a citation of their source ("the Hill
#   equation [23]": a bracket-numbered article numbers its equations in parentheses);
_NOT_CITATION_BEFORE = re.compile(r"(?:\b(?:eqs?|figs?)\.|\bCI|[∈=×])\s*$", re.IGNORECASE)
_NOT_CITATION_BEFORE_PAREN = re.compile(
    r"\b(?:eqs?|equations?|formulae?|formulas|figs?|figures?|tables?|panels?)\.?\s*$", re.IGNORECASE)
# - a range or interval word before two numbers joined by a comma: the bounds ("the interval [0, 1]",
#   "the range [1, 10]"; "within the normal range [12]" is a citation, and so is a superscript glued to the
#   word, "fragmentations of their ranges[2,8]");
_INTERVAL_BEFORE = re.compile(r"\b(?:ranges?|intervals?)\s+$", re.IGNORECASE)
_TWO_BOUNDS = re.compile(r"\s*\d{1,3}\s*,\s*\d{1,3}\s*")
# - a parenthesised number closing an equation (a display equation's number, "C = k V (3)"): no word
#   of three letters between the last '=' and the number.
_FORMULA_BEFORE = re.compile(r"=([^=]*)$")
_WORD = re.compile(r"[^\W\d_]{3,}")
# - a bracket glued to a one- or two-letter lower-case symbol, holding small numbers with no spaces:
#   an index, not a citation ("the first two principal components (t[1] and t[2])", "loadings p[1]",
#   "t[1] vs. to[1]", "χ[2]"). Citations glued to the word before are printed too, and are kept: after a
#   word of three letters or more ("guinea pigs [83] and rats[84]"), a capital ("in R[ 96 ]", "Chao
#   II[ 97 ]"), a unit ("mg/dL[12]"), with spaces inside ("developed by[ 3 ]") or a larger number.
_SYMBOL_BEFORE = re.compile(r"(?:^|[\s(\[]|\]/)([^\W\d_]{1,2})$")
_INDEX = re.compile(r"\[[1-5](?:,[1-5])*\]")


def glued_to_symbol(text: str, start: int) -> bool:
    """True when the bracket at text[start] is an index glued to a lower-case symbol ("t[1]", "(p[2]",
    "t[1]/t[2]"), not a citation ("TNF-α[5]", "rats[84]", "R[ 96 ]", "by[ 3 ]")."""
    symbol = _SYMBOL_BEFORE.search(text, max(0, start - 4), start)
    return bool(symbol) and symbol.group(1).islower() and bool(_INDEX.match(text, start))


# - locants of a chemical name: a bracket glued to the word after it or next to a ring-fusion locant
#   ("benzo[b]pyrido[3,2-f][1,4]oxazepine", "pyrido [2,3-b] [1,5] benzoxazepines").
_FUSION_LOCANT = r"\[(?:\d+(?:,\d+)*-)?[a-z](?:,[a-z])*\]"
_LOCANT_BEFORE = re.compile(rf"{_FUSION_LOCANT}\s?$")
_LOCANT_AFTER = re.compile(rf"\s?{_FUSION_LOCANT}|[^\W\d_]")
# A citation the typesetting glued to the next word is no locant: a space inside the bracket ("[ 8]is",
# chemical locants have none) or a function word after it ("[57]or", "[12]and"; a ring is never "or").
_GLUED_FUNCTION_WORD = re.compile(
    r"(?:a|an|and|are|as|at|but|by|for|from|has|have|in|is|it|of|on|or|that|the|to|was|were|which|with)\b")


def glued_to_next_word(segment: str, match: re.Match[str]) -> bool:
    """True when a bracket is glued to the letters after it as a chemical locant is ("[1,4]oxazepine"),
    not a citation that lost its space ("[57]or", "[ 8]is")."""
    if not _LOCANT_AFTER.match(segment, match.end()):
        return False
    if segment[match.end()].isalpha() and (match.group(0)[1].isspace()
                                           or _GLUED_FUNCTION_WORD.match(segment, match.end())):
        return False
    return True


def is_not_citation(segment: str, match: re.Match[str]) -> bool:
    """True when a bracketed or parenthesised number group in `segment` is a statistic, an interval,
    an equation, figure or table number, an index ("t[1]") or a chemical locant, not a citation."""
    if _COMPARISON_AFTER.match(segment, match.end()):
        return True
    if match.re is _BRACKET_NUMBERS and (glued_to_symbol(segment, match.start())
                                         or glued_to_next_word(segment, match)
                                         or _LOCANT_BEFORE.search(segment, 0, match.start())):
        return True
    before = segment[max(0, match.start() - 40):match.start()]
    paren = match.re in (_PAREN_NUMBERS, _PAREN_MID_CLAUSE, _PAREN_GLUED)
    if _NOT_CITATION_BEFORE.search(before) or paren and _NOT_CITATION_BEFORE_PAREN.search(before):
        return True
    if _INTERVAL_BEFORE.search(before) and _TWO_BOUNDS.fullmatch(_spec(match)):
        return True
    if 0 in _expand_numbers(_spec(match)):
        return True  # "[0, 1]": no reference is numbered 0
    if match.re is _BRACKET_NUMBERS and _residue_range(_spec(match)):
        return True
    formula = _FORMULA_BEFORE.search(before) if paren else None
    return bool(formula) and not _WORD.search(formula.group(1))


# - a bracketed span too long to be a run of references ("eEF2K[1–402]", "the fragment [76–356]"): residues
#   or positions; a run of references spans at most 50 (`_expand_numbers`), and these ends lie past the list.
_RANGE = re.compile(r"\s*(\d+)\s*[-–—]\s*(\d+)\s*")


def _residue_range(spec: str) -> bool:
    """True when `spec` is one range "a–b" longer than any run of references, its end past 300."""
    bounds = _RANGE.fullmatch(spec)
    return bool(bounds) and int(bounds.group(2)) - int(bounds.group(1)) > 50 and int(bounds.group(2)) > 300


def _mid_clause_citation(segment: str, match: re.Match[str]) -> bool:
    """True when a parenthesised group before a lower-case word is a citation: several numbers,
    or one after a content word; never a statistic, an equation, figure or table number."""
    if is_not_citation(segment, match):
        return False
    if _MANY_NUMBERS.search(match.group(1)):
        return True
    number = int(match.group(1))
    # "(1) confirm … (2) check …": an enumeration counts from (1); "myotilin (8) and ZASP (9) and",
    # "… with HF (30). Stein et al. (31) studied" are citations in the list's order, the run not from (1)
    if number == 1 and segment.find("(2)", match.end()) >= 0:
        return False
    if number > 1 and all(segment.find(f"({n})", 0, match.start()) >= 0 for n in range(1, number)):
        return False
    return not _FUNCTION_WORD_BEFORE.search(segment, max(0, match.start() - 200), match.start())


def bracket_citations(segment: str) -> list[re.Match[str]]:
    """The bracketed number groups of `segment` that may be citations ('[3]', '[4]–[7]'), statistics
    and intervals left out."""
    if "[" not in segment:
        return []
    return [m for m in _BRACKET_NUMBERS.finditer(segment) if not is_not_citation(segment, m)]


def _expand_numbers(spec: str) -> list[int]:
    numbers: list[int] = []
    for piece in spec.replace(";", ",").split(","):
        bounds = [int(n) for n in re.findall(r"\d+", piece)]
        if len(bounds) == 2 and bounds[0] <= bounds[1] <= bounds[0] + 50:
            numbers.extend(range(bounds[0], bounds[1] + 1))
        else:
            numbers.extend(bounds)
    return numbers


def _spec(match: re.Match[str]) -> str:
    """The numbers a marker match names, as '1,2' / '4–7' in ASCII digits."""
    if match.re is _SUPERSCRIPT:
        return (match.group("caret") or match.group("sup") or match.group("unicode")).translate(_TO_ASCII)
    if match.re is _BRACKET_NUMBERS and match.group(2):
        return f"{match.group(1)}–{match.group(2)}"
    if match.re is _NAMED_REFERENCE:
        return re.sub(r",?\s+and\s+", ",", match.group(1))
    return match.group(1)


def marker_numbers(marker: str) -> list[int] | None:
    """The reference numbers a whole numeric marker names ('[4]–[7]' -> 4, 5, 6, 7; '^1,2^' -> 1,
    2), or None when `marker` is no numeric marker."""
    marker = marker.strip()
    for pattern in (_BRACKET_NUMBERS, _PAREN_NUMBERS, _SUPERSCRIPT):
        match = pattern.fullmatch(marker)
        if match:
            return _expand_numbers(_spec(match))
    return None


def _superscripts(segment: str) -> list[re.Match[str]]:
    """The superscript markers of a unit's text that follow punctuation or a word (no exponents)."""
    return [m for m in _SUPERSCRIPT.finditer(segment) if _SUPERSCRIPT_PRECEDES.search(segment, 0, m.start())]


# How a document numbers its citations (`numbering_style`): in brackets ("[3]": parenthesised
# numbers are then equations or counts), in parentheses or superscripts as text ("(3)", "^3^"), or
# as superscripts that lost their markup and read as plain numbers ("… anal sex. 2 In Brazil …").
# A fourth style, TRAILING: plain numbers after the last word of a clause, before its punctuation
# ("… every 40 seconds 3.", "… population) 1, 2. The …"; `trailing_markers`).
BRACKETS, PARENS, BARE, TRAILING = "brackets", "parens", "bare", "trailing"

# Superscript numbers printed as plain text, as SciELO's JATS or a copied web page gives them:
# right after a clause's punctuation, before the next sentence, a parenthesis or a paragraph end
# ("… population. 10 The promotion …", "… used. 18 , 19 Moreover …", "… Bock & Aitkin, 5 and …"),
# or between a name and a parenthesised year ("Almeida et al 1 (2009) reported …").
_BARE_SPEC = r"\d{1,3}(?: ?[,–-] ?\d{1,3}){0,12}"
_BARE_AFTER_PUNCT = re.compile(
    rf"(?<=[^\W\d_][.,;:!?]|[)%][.,;:]|[^\W\d_]\)) (?P<bare>{_BARE_SPEC})"
    rf"(?=[ \t]+(?:[{UPPER}(]|and\b)|[ \t]*\n)")
# after a number's full stop only at a paragraph's end ("… criterion used was 0.0001. 18")
_BARE_AFTER_NUMBER = re.compile(rf"(?<=[\d%]\.) (?P<bare>{_BARE_SPEC})(?=[ \t]*\n)")
_BARE_AFTER_NAME = re.compile(rf"(?<=[^\W\d_]) (?P<bare>{_BARE_SPEC}) (?=\((?:1[5-9]|20)\d\d[a-z]?\))")
# The document-level cue: a number right after a sentence's full stop and before the next sentence.
_BARE_AFTER_STOP = re.compile(rf"(?<=[^\W\d_]\.|\)\.) (?P<bare>{_BARE_SPEC})(?=[ \t]+[{UPPER}]|[ \t]*\n)")
# Superscripts glued to the text when their markup was lost ("… public health worldwide.1 Indeed, …",
# "… in the ecosystem,3 Central Africa …", "… human population3,4 and …"): after a lower-case word's
# punctuation (not "Fig.2", "p.3"; "(YF).44 YF") or "et al." ("Yadav et al.23 reported"), or after a
# word ending in four lower-case letters
# before "and", "or", "with", a parenthesis, a comma or a full stop ("in Gabon28 (Table 1)");
# counted as the document-level cue after a full stop only.
# Libertas Academica glues them after "et al" with a comma or nothing ("by Lin et al,12 while",
# "Rismani-Yazdi et al14 to") and after any word's comma ("TargetP,24 ChloroP25", "of Cao,85 who").
_GLUED_AFTER_PUNCT = re.compile(
    rf"(?:(?<=[a-z]{{3}}[.,;:!?])|(?<=[^\W\d_]{{3}}[,;])|(?<=[^\W\d_]\)[.,;:])"
    rf"|(?<=\bet al[.,])|(?<=\bet al))(?P<bare>{_BARE_SPEC})"
    rf"(?=[ \t]+[{UPPER}a-z(]|[ \t]*\n)")
_GLUED_TO_WORD = re.compile(
    rf"(?<=[a-z]{{4}})(?P<bare>{_BARE_SPEC})"
    rf"(?=[.,;:]?[ \t]+(?:and|or|with)\b|[.,;:][ \t]|[ \t]+\()")
# - glued to a software or project name written in camel case ("ChloroP25 and", "BioEdit35 (v 7.1.3)",
#   "ClustalX36 has"): a capital and two lower-case letters or more, then a capital inside the word (a
#   formula's element symbols have one lower-case letter at most: "NbCl5", "NbOPO4" are no names);
_GLUED_TO_CAMEL_CASE = re.compile(
    rf"(?<![\w-])[{UPPER}][a-z]{{2,}}(?:[{UPPER}][a-z]*)+(?P<bare>{_BARE_SPEC})"
    rf"(?=[ \t]+[a-z(]|[.,;:][ \t]|[ \t]*\n)")
# - after a table's or figure's number and its full stop ("… is presented in Table 1.41–74 Approximately").
_GLUED_AFTER_TABLE = re.compile(
    rf"\b(?:Tables?|Figures?|Figs?\.)[ \t]S?\d{{1,2}}[a-z]?\.(?P<bare>{_BARE_SPEC})"
    rf"(?=[ \t]+[{UPPER}]|[ \t]*\n)")
_WORD_OPENED = (_GLUED_TO_CAMEL_CASE, _GLUED_AFTER_TABLE)  # their match opens at the word, not the number
_GLUED_AFTER_STOP = re.compile(rf"(?<=[a-z]{{3}}\.)(?P<bare>{_BARE_SPEC})(?=[ \t]+[{UPPER}]|[ \t]*\n)")
# Glued in the ways left above, as AJTMH, Gut and Liver and EHTJ print them once the markup is gone:
# - after an acronym's punctuation ("… in a recent Korean GWAS.24 ATG16L1 …", "… by WHO,6 this …",
#   "… among all EIDs.3, 13"; not "Fig.2", "p.3", "(L.)");
_GLUED_AFTER_ACRONYM = re.compile(
    rf"(?:(?<=[A-Z]{{2}}[.,;:])|(?<=[A-Z]{{2}}s[.,;:]))(?P<bare>{_BARE_SPEC})"
    rf"(?=[ \t]+[{UPPER}a-z(]|[ \t]*\n)")
# - glued to a closing parenthesis, with or without the clause's punctuation ("… dengue virus (DENV)16
#   and …", "… (Supplementary Table 2).10,11 The …", "the kinetic resolution (KR)4 of"); the parenthesis
#   must read as words, an acronym (two capitals will do after a space)
#   or a year, not a formula's group ("Ca(OH)2 and", "(CH3)2 groups"): see _glued_paren_marker;
_GLUED_AFTER_PAREN = re.compile(rf"(?<=\))[.,;:]?(?P<bare>{_BARE_SPEC})(?=[ \t]+[{UPPER}a-z(]|[ \t]*\n)")
_PAREN_WORDS = re.compile(r"(?:^|\s)\((?:[^()\s]{4,}|[A-Z]{2,3}s?|[^()]*\s[^()]*)\)$")
# - after a year's full stop before the next sentence, or its comma before a function word ("… reported in
#   temperate Italy in 2007.3 Entomological …", "… in the 1990's.3 Average …", "… in Nigeria in 1964–1968,38
#   then …"; a decimal "1850.3 mm", "2007,33 por" is followed by neither), after a unit of two letters and
#   its full stop ("… less than 180 mm.12 The …") or a gene or protein name ending in a digit ("… alongside
#   ATG5.31 In addition"; not a section number, "in 3.2 The", whose number has no letters);
_GLUED_AFTER_YEAR = re.compile(
    rf"(?:(?<=\b(?:1[5-9]|2[01])\d\d\.)|(?<=\b(?:1[5-9]|2[01])\d\d's\.)|(?<=\d [a-zµ]{{2}}\.)"
    rf"|(?<=[A-Z]{{2}}\d\.))(?P<bare>{_BARE_SPEC})(?=[ \t]+[{UPPER}]|[ \t]*\n)")
_GLUED_AFTER_YEAR_COMMA = re.compile(
    rf"(?<=\b(?:1[5-9]|2[01])\d\d,)(?P<bare>{_BARE_SPEC})"
    rf"(?=[ \t]+(?:and|or|then|but|while|with|in|the|which|where|when|as)\b)")
# - glued to a lower-case word before the next lower-case word ("… sensitive to genetic changes7,8 than
#   nongenetic regions", "… Bellini and others35 detected …"), unless the word counts or names what
#   the number is ("type2 diabetes", "phase3 trial", "day7 after", "alpha1 antitrypsin").
_GLUED_BEFORE_WORD = re.compile(rf"(?<=[a-z]{{4}})(?P<bare>{_BARE_SPEC})(?=[ \t]+[a-z])")
_WORD_BEFORE = re.compile(r"[a-z]+$")
_NUMBERED_WORDS = frozenset(
    "type types phase phases grade grades stage stages level levels class classes group groups step steps "
    "wave waves round rounds cycle cycles visit visits dose doses days weeks months years hours minutes "
    "alpha beta gamma delta kappa sigma omega theta lambda epsilon zeta iota chapter section figure table "
    "panel lane site sites zone area model version release item items question questions patient case "
    "subject participant sample study experiment line point arm".split())
BARE_MIN = 3  # that many of them, every number a reference's, make a document's numbering bare
# A number after an abbreviation that names what it numbers is that figure, equation or page, not a
# superscript read as plain text ("(Fig. 3 B and C)", "(Figs. 4 C and D)", "Eq. 2 The …").
_NUMBERING_ABBREVIATION = re.compile(
    r"(?<![^\W\d_])(?:[Ff]igs?|FIGS?|[Ee]qs?|[Nn]os?|[Ss]ecs?|[Tt]ab|[Cc]haps?|[Vv]ols?|[Ss]uppl|"
    r"[Ee]xt|[Aa]pp|pp?|[Pp]ts?|[Ee]x)\.[ \t]?$")
_BARE_REACH = 48  # characters after a unit where its trailing marker (the next unit's start) may lie


def _inside_parenthesis(segment: str, position: int) -> bool:
    """True when `position` lies inside a parenthesis opened earlier in `segment`."""
    before = segment[:position]
    return before.count("(") > before.count(")")


def _paren_citations(text: str, units: list[Unit], index: RefIndex) -> int:
    """How many parenthesised number groups of the document may be citations: no statistic, equation
    or figure number, and every number a reference's."""
    count = 0
    for unit in units:
        segment = text[unit.start:unit.end]
        for match in _PAREN_NUMBERS.finditer(segment):
            if not is_not_citation(segment, match) and all(
                    n in index.numbers for n in _expand_numbers(match.group(1))):
                count += 1
    return count


def numbering_style(text: str, units: list[Unit], index: RefIndex) -> str:
    """BRACKETS when a unit has a bracketed citation outside parentheses, or bracketed citations only
    inside parentheses and no more parenthesised ones (ASM and APA print "(… relatives [49])" in
    a parenthesis-numbered article); BARE when at least BARE_MIN plain numbers stand after full
    stops and name references; TRAILING when plain numbers before the clauses' punctuation follow the
    order of first citation (`trailing_markers`) and no parenthesis or superscript cites; else
    PARENS (one linear scan each)."""
    nested = 0  # bracketed citations inside a parenthesis ("(i.e., CFAV, and relatives [49])")
    for unit in units:
        segment = text[unit.start:unit.end]
        for match in bracket_citations(segment):
            if not _inside_parenthesis(segment, match.start()):
                return BRACKETS
            nested += 1
    if nested and _paren_citations(text, units, index) <= nested:
        return BRACKETS
    if index.numbers:
        named = 0
        for match in itertools.chain(_BARE_AFTER_STOP.finditer(text), _GLUED_AFTER_STOP.finditer(text)):
            if not _after_numbering_abbreviation(text, match) and all(
                    n in index.numbers for n in _expand_numbers(match.group("bare"))):
                named += 1
                if named >= BARE_MIN:
                    return BARE
        spans = trailing_markers(text, units, frozenset(index.numbers))
        if spans and not _cites_by_other_numbers(text, units, index):
            style = TrailingNumbering(TRAILING)
            style.spans = spans
            return style
    return PARENS


# Reference numbers printed as plain numbers after the clause's last word and before its punctuation,
# as some Ukrainian journals' JATS gives them (no brackets, no superscript): "… every 40 seconds 3.",
# "… population) 1, 2. The …", "… etc.) 9,10,11,12.", "… a headache 5, as well as …". One such number
# alone is ambiguous ("in group 3."), so the document decides (`trailing_markers`).
_TRAILING = re.compile(
    rf"(?:(?<=[^\W\d_]{{3}})|(?<=[^\W\d_]\.)|(?<=[)%])) (?P<bare>{_BARE_SPEC})(?=[.,;:](?:\s|$))")
TRAILING_GAP = 5  # a new number may skip this many less one: entries cited only in tables and figures
TRAILING_MIN = 3  # distinct reference numbers the order must introduce, and a third of the list


def _names_what_it_numbers(text: str, match: re.Match[str]) -> bool:
    """True when the word before a trailing number names what the number is ("in group 3.",
    "type 2,", "Table 1.", "Fig. 2.", "stages 3–4."): a numbering, not a citation. A plural before
    one number names none ("prostaglandin levels 7.")."""
    if _after_numbering_abbreviation(text, match):
        return True
    found = re.search(r"([^\W\d_]+)\W*$", text[max(0, match.start() - 40):match.start()])
    word = found.group(1).lower() if found else ""
    if word not in _NUMBERED_WORDS:
        return False
    plural = word.endswith("s") and (word[:-1] in _NUMBERED_WORDS or word[:-2] in _NUMBERED_WORDS)
    return not plural or len(_expand_numbers(match.group("bare"))) > 1


def _in_citation_order(numbers: list[int], seen: set[int], top: int, cited_later: set[int]) -> bool:
    """True when the numbers a marker names not seen before each come after the highest seen so far
    (Vancouver order: a list numbered by first citation), the first of all being 1; a number may skip
    fewer than TRAILING_GAP numbers, none of them `cited_later`."""
    for number in numbers:
        if number in seen:
            continue
        if not top < number <= top + (TRAILING_GAP if top else 1) or cited_later.intersection(
                range(top + 1, number)):
            return False
        top = number
    return True


class TrailingNumbering(str):
    """The TRAILING style, with the spans of the document's trailing markers (`trailing_markers`)."""

    spans: tuple[tuple[int, int], ...] = ()


def trailing_markers(text: str, units: list[Unit], listed: frozenset[int]) -> tuple[tuple[int, int], ...]:
    """The spans of the plain trailing numbers of the units that cite the numbered list `listed`:
    taken in text order, those whose new numbers continue the order of first citation (1, 2, 3, …),
    every number listed; none unless they introduce 1 to TRAILING_MIN and a third of the list.
    Ordinary sentence-final numbers ("in group 3.", "aged 70.") follow no such order, nor do the
    reference list's own lines (no units)."""
    candidates = [m for unit in units for m in _TRAILING.finditer(text, max(0, unit.start - 1), unit.end)
                  if all(n in listed for n in _expand_numbers(m.group("bare")))
                  and not _names_what_it_numbers(text, m)]
    named = [_expand_numbers(m.group("bare")) for m in candidates]
    last_at = {n: at for at, numbers in enumerate(named) for n in numbers}
    seen: set[int] = set()
    top = 0
    spans: list[tuple[int, int]] = []
    for at, (match, numbers) in enumerate(zip(candidates, named, strict=True)):
        cited_later = {n for n, last in last_at.items() if last > at} if top else set()
        if not numbers or not _in_citation_order(numbers, seen, top, cited_later):
            continue
        seen.update(numbers)
        top = max(top, *numbers)
        spans.append(match.span("bare"))
    if not seen.issuperset(range(1, TRAILING_MIN + 1)) or len(seen) < len(listed) / 3:
        return ()
    return tuple(spans)


def _cites_by_other_numbers(text: str, units: list[Unit], index: RefIndex) -> bool:
    """True when a unit has a parenthesised or superscript citation: the document numbers its
    citations that way, and plain trailing numbers are counts."""
    if _paren_citations(text, units, index):
        return True
    return any(_superscripts(text[unit.start:unit.end]) for unit in units)


def _bare_markers(text: str, unit: Unit) -> list[re.Match[str]]:
    """The plain-number superscripts a unit owns: those inside it and the one right after its
    last full stop, which the segmenter may have put at the start of the next unit."""
    stop = min(len(text), unit.end + _BARE_REACH)
    patterns = (_BARE_AFTER_PUNCT, _BARE_AFTER_NUMBER, _GLUED_AFTER_PUNCT, _GLUED_TO_WORD,
                _GLUED_AFTER_ACRONYM, _GLUED_AFTER_PAREN, _GLUED_BEFORE_WORD, _GLUED_TO_CAMEL_CASE,
                _GLUED_AFTER_TABLE, _GLUED_AFTER_YEAR, _GLUED_AFTER_YEAR_COMMA)
    owned = [m for pattern in patterns for m in pattern.finditer(text, unit.start, stop)
             if unit.start <= m.start() - (m.re not in _WORD_OPENED) < unit.end and m.end() < stop - 1
             and _glued_reads_as_marker(text, m)]
    inside = [m for m in _BARE_AFTER_NAME.finditer(text, unit.start, unit.end)]
    unique = {m.span("bare"): m for m in reversed(owned + inside)}  # two patterns may read one marker
    return sorted(unique.values(), key=lambda m: m.start())


def _after_numbering_abbreviation(text: str, match: re.Match[str]) -> bool:
    """True when the plain number follows "Fig.", "Eq.", "Ref.", "p." and the like: it numbers
    that figure or page ("(Fig. 3 B and C)"), it is no lost superscript."""
    start = match.start("bare")
    return bool(_NUMBERING_ABBREVIATION.search(text, max(0, start - 12), start))


def _glued_reads_as_marker(text: str, match: re.Match[str]) -> bool:
    """The checks a look-behind cannot make: a parenthesis glued to the number reads as words, an
    acronym or a year (not "Ca(OH)2"); a word glued to it does not count what the number is; no
    abbreviation before it names it a figure, equation or page ("Fig. 3 B")."""
    if _after_numbering_abbreviation(text, match):
        return False
    if match.re is _GLUED_AFTER_PAREN:
        close = match.start()
        return bool(_PAREN_WORDS.search(text, max(0, close - 200), close))
    if match.re is _GLUED_BEFORE_WORD:
        word = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
        return bool(word) and word.group(0) not in _NUMBERED_WORDS
    return True


def find_numeric(text: str, unit: Unit, index: RefIndex, numbering: str) -> list[EvidenceSpan]:
    """'[3]', '[1, 2]', '[1–3]', superscripts, 'Ref. 6' / 'Refs. 3 and 4' and, in documents without
    brackets, '(2)' at a clause end; in a BARE document plain numbers after punctuation instead of '(2)'."""
    found: list[EvidenceSpan] = []
    segment = text[unit.start:unit.end]
    matches = bracket_citations(segment)
    if numbering == PARENS:
        matches += [m for m in _PAREN_NUMBERS.finditer(segment) if not is_not_citation(segment, m)]
        matches += [m for m in _PAREN_MID_CLAUSE.finditer(segment) if _mid_clause_citation(segment, m)]
        spans = {(m.start(), m.end()) for m in matches}
        glued = [m for m in _PAREN_GLUED.finditer(text, unit.start, unit.end)
                 if (m.start() - unit.start, m.end() - unit.start) not in spans
                 and not is_not_citation(text, m)]
    else:
        glued = []
    if "^" in segment or "<sup>" in segment or any(c in segment for c in _SUPERSCRIPT_DIGITS):
        matches += _superscripts(segment)
    if "ef" in segment:
        matches += _NAMED_REFERENCE.finditer(segment)
    for match, offset in [(m, unit.start) for m in matches] + [(m, 0) for m in glued]:
        numbers = _expand_numbers(_spec(match))
        loose = (match.re in (_PAREN_NUMBERS, _PAREN_MID_CLAUSE, _PAREN_GLUED, _NAMED_REFERENCE)
                 or match.re is _SUPERSCRIPT and match.group("unicode"))
        if loose and any(n not in index.numbers for n in numbers):
            continue  # "(2)" or "²" that no reference answers is an enumeration or a footnote
        keys = [index.numbers.get(n) for n in numbers]
        start, end = offset + match.start(), offset + match.end()
        found.append(EvidenceSpan(str(EvidenceKind.CITATION), start, end, text[start:end], unit.index,
                                  sorted({k for k in keys if k}), all(keys), priority=NUMERIC))
    if isinstance(numbering, TrailingNumbering):
        for start, end in numbering.spans:
            if unit.start <= start < unit.end:
                keys = sorted({index.numbers[n] for n in _expand_numbers(text[start:end])})
                found.append(EvidenceSpan(str(EvidenceKind.CITATION), start, end, text[start:end], unit.index,
                                          keys, True, priority=NUMERIC))
    if numbering == BARE:
        for match in _bare_markers(text, unit):
            numbers = _expand_numbers(match.group("bare"))
            if any(n not in index.numbers for n in numbers):
                continue  # a count or a quantity, not a reference number
            start, end = match.span("bare")
            keys = sorted({index.numbers[n] for n in numbers})
            found.append(EvidenceSpan(str(EvidenceKind.CITATION), start, end, text[start:end], unit.index,
                                      keys, True, priority=NUMERIC))
    return found
