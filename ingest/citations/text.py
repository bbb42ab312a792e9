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

YEAR = r"(?:1[5-9]\d\d|20\d\d)[a-z]?(?:/(?:1[5-9]\d\d|20\d\d)[a-z]?)?|n\.d\.|in press"
PARTICLE = r"(?:(?:[Vv]an|[Vv]on|[Dd]e|der|den|[Dd]el|della|[Dd]a|[Dd]u|[Ll]e|[Ll]a|[Dd]i|St\.)\s+)"
# Latin capitals and letters beyond ASCII ("Grácio", "Hjørland", "Glänzel", "Ibekwe-Sanjuan").
UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
LETTER = "A-Za-z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isalpha())
NAME = rf"{PARTICLE}*[{UPPER}][{LETTER}'’\-]+"
NAME_LIST = rf"{NAME}(?:\s*,\s*{NAME})*(?:\s*,?\s*(?:and|&)\s+{NAME})?"
# "et al.", also in Markdown emphasis ("*et al.*"), "and colleagues", "and others".
ETAL = (r"\s+[*_]{0,2}et\s+al\.?[*_]{0,2}|\s+and\s+(?:(?:his|her|their)\s+)?"
        r"(?:colleagues|coworkers|co-workers|co-authors|coauthors|associates|team|others)")


# Verbs that report what a source says ("Harlow concluded", "She argues", "He makes the case").
REPORTING = (r"(?:argu(?:e|es|ed)|claim(?:s|ed)?|conclud(?:e|es|ed)|finds?|found|show(?:s|ed|n)?|"
             r"reports?|reported|notes?|noted|writes?|wrote|explain(?:s|ed)?|suggest(?:s|ed)?|saw|sees|"
             r"observ(?:e|es|ed)|describ(?:e|es|ed)|propos(?:e|es|ed)|demonstrat(?:e|es|ed)|"
             r"maintain(?:s|ed)?|contend(?:s|ed)?|insist(?:s|ed)?|emphasi[sz](?:e|es|ed)|"
             r"point(?:s|ed)? out|ma(?:kes|de) the case|warn(?:s|ed)?|stat(?:e|es|ed)|"
             r"believ(?:e|es|ed)|thinks|thought|identif(?:y|ies|ied)|document(?:s|ed)|establish(?:es|ed)|"
             r"(?:had |has )?(?:reach(?:es|ed)?|c(?:a|o)me to|dr(?:ew|aws)) (?:a|the) "
             r"(?:similar |same )?conclusion)")
_ADVERB = r"(?:(?:also|further|later|then|too|first|famously|rightly|\w+ly)\s+)?"


_WORK_NOUN = (r"(?:book|books|study|studies|research|work|paper|article|review|trial|survey|report|"
              r"findings|experiment|analysis|memoir|essay|monograph|chapter|theory|model|framework)")


def _split_names(names: str) -> list[str]:
    parts = re.split(r"\s*,\s*|\s+&\s+|\s+and\s+", names)
    return [re.sub(r"['’]s$", "", n.strip()) for n in parts if n.strip()]


def _is_word_char(char: str) -> bool:
    """What re's \\w matches in a str pattern (checked over every code point)."""
    return char.isalnum() or char == "_"
