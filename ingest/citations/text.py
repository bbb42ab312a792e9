"""Text helpers and the name, year and reporting-verb patterns several detectors share."""

from __future__ import annotations

import re
import unicodedata

# --- text helpers ----------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower-case ASCII form used to compare names and titles."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return ascii_text.lower().replace("{", "").replace("}", "")


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text))


STOPWORDS = frozenset("""
    a an the and or of in on at to for from with by as is are was were be this that these those
    its their his her our your my we they it them without also very have has been will would could
    should than then there what when which who about into more most study studies survey trial project
    experiment cohort team program programme consortium same each one first another earlier later
    recent new whole entire second large small
    long term longterm national research analysis report data
""".split())

_ONE_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
# Words printed where a work has no year yet, or none at all ("(Miller, in press)", "(Patel, n.d.)"), also
# in Portuguese, Spanish, French and German ("(Pletsch, no prelo)", "(Ruiz, en prensa)").
NO_YEAR = (r"n\.\s?d\.|s\.\s?d\.|in press|forthcoming|in review|submitted"
           r"|no prelo|en prensa|sous presse|im Druck")
# "1992", "2001a", "1895/1955" and "1885/1887/1889" (one work, its editions), a run glued together by a
# copy-paste ("193019311933/1949"), or a word for no year.
# The edition's year may carry the original's in square brackets, as ABNT prints translated classics:
# "(BAKHTIN, 1988 [1975], 2011 [1954-1961])".
ORIGINAL_YEARS = rf"\s?\[{_ONE_YEAR}(?:\s?[-–]\s?{_ONE_YEAR})?\]"
YEAR = (rf"{_ONE_YEAR}+[a-z]?(?:/{_ONE_YEAR}[a-z]?)*(?:/\d\d(?![\d/]))?(?:{ORIGINAL_YEARS})?"  # and "1975/76"
        rf"|{NO_YEAR}")
# A list of one author's works: "2012, 2013", "2004a, b", "2004a,b" (a bare letter repeats the year before).
YEAR_LIST = rf"(?:{YEAR})(?:\s*,\s*(?:{YEAR}|[a-z](?![\w.])))*"


def split_years(years: str) -> list[str]:
    """The years of a YEAR_LIST (or ';'-joined years), each a year the resolver can look up:
    '2004a, b' -> ['2004a', '2004b'], '1996a; 1996b' -> ['1996a', '1996b']."""
    found: list[str] = []
    for part in (p.strip() for p in re.split(r"[,;]", years)):
        base = re.match(r"\d{4}", found[-1]) if found and re.fullmatch(r"[a-z]", part) else None
        if base:
            part = base.group(0) + part
        if part:
            found.append(part)
    return found
PARTICLE = (r"(?:(?:[Vv]an|[Vv]on|[Dd]e|der|den|[Dd]el|[Dd]ella|[Dd]alla|[Dd]a|[Dd]os|[Dd]u|[Ll]e|[Ll]a|[Dd]i"
            r"|ten|ter|St\.?)\s+)")
# Latin capitals and letters beyond ASCII ("Grácio", "Hjørland", "Glänzel", "Ibekwe-Sanjuan").
UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
LETTER = "A-Za-z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isalpha())
# A family name, with particles before it ("van der Kolk", "St Johnston") or inside it ("Nunes da
# Fonseca", "Gerhardsson de Verdier", "Barbier de Reuille").
# A particle run into the name it opens ("deWeber", "vanDijk", "diCaprio").
GLUED_PARTICLE = r"(?:de|di|da|du|van|von|del|ten|ter)"
# A particle may also open a family name of two words ("del Pozo Cruz et al., 2022a", "de la Fuente
# Marín and …"): the second word only right before what follows a name in a citation.
_PARTICLE_TWO_WORDS = (rf"{PARTICLE}+[{UPPER}][{LETTER}'’\-]+\s+[{UPPER}][{LETTER}'’\-]+"
                       r"(?=\s*(?:,|&|\(|\bet\s+al\b|\b(?:and|y|e|und)\s|\s(?:1[5-9]|20)\d\d))")
NAME = (rf"(?:{_PARTICLE_TWO_WORDS}|{PARTICLE}*(?:{GLUED_PARTICLE}(?=[{UPPER}]))?[{UPPER}][{LETTER}'’\-]+"
        rf"(?:\s+(?:da|de|do|dos|das|del|della|di|du|van|von|der|den)\s+[{UPPER}][{LETTER}'’\-]+)?)")
# "and" is also Spanish "y", Portuguese "e", German "und" ("García y López", "Silva e Costa").
# (\b: "The WHO" is not "Th" and "WHO")
AND = r"(?:\b(?:and|y|e|und)\b|&)"
NAME_LIST = rf"{NAME}(?:\s*,\s*{NAME})*(?:\s*,?\s*{AND}\s+{NAME})?"
# "et al.", also in Markdown emphasis ("*et al.*"), "and colleagues", "and others".
ETAL = (r",?\s+[*_]{0,2}et\s+al\.?(?:\s+al\.)?[*_]{0,2}|\s+and\s+(?:(?:his|her|their)\s+)?"
        r"(?:colleagues|coworkers|co-workers|co-authors|coauthors|associates|team|others)")


# Verbs that report what a source says ("Harlow concluded", "She argues", "He makes the case").
REPORTING = (r"(?:argu(?:e|es|ed)|claim(?:s|ed)?|conclud(?:e|es|ed)|finds?|found|show(?:s|ed|n)?|"
             r"reports?|reported|notes?|noted|writes?|wrote|explain(?:s|ed)?|suggest(?:s|ed)?|saw|sees|"
             r"observ(?:e|es|ed)|describ(?:e|es|ed)|propos(?:e|es|ed)|demonstrat(?:e|es|ed)|"
             r"maintain(?:s|ed)?|contend(?:s|ed)?|insist(?:s|ed)?|emphasi[sz](?:e|es|ed)|"
             r"point(?:s|ed)? out|ma(?:kes|de) the case|warn(?:s|ed)?|stat(?:e|es|ed)|"
             r"believ(?:e|es|ed)|thinks|thought|identif(?:y|ies|ied)|document(?:s|ed)|establish(?:es|ed)|"
             r"attribut(?:e|es|ed)|blam(?:e|es|ed)|remind(?:s|ed)?(?: us| readers)?|"
             r"estimat(?:e|es|ed)|detect(?:s|ed)?|measur(?:e|es|ed)|"
             r"(?:had |has )?(?:reach(?:es|ed)?|c(?:a|o)me to|dr(?:ew|aws)) (?:a|the) "
             r"(?:similar |same )?conclusion)")
_ADVERB = r"(?:(?:also|further|later|then|too|first|famously|rightly|\w+ly)\s+)?"


_WORK_NOUN = (r"(?:book|books|study|studies|research|work|paper|article|review|trial|survey|report|"
              r"findings|experiment|analysis|memoir|essay|monograph|chapter|theory|model|framework)")


def _split_names(names: str) -> list[str]:
    parts = re.split(r"\s*,\s*|\s+&\s+|\s+(?:and|y|e|und)\s+", names)
    return [re.sub(r"['’]s$", "", n.strip()) for n in parts if n.strip()]


def _is_word_char(char: str) -> bool:
    """What re's \\w matches in a str pattern (checked over every code point)."""
    return char.isalnum() or char == "_"
