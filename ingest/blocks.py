"""Blocks of plain-text and Markdown documents: find units, then tell their kinds.

A unit is a run of lines that forms one block: a heading, a paragraph, one list
item, a fenced code block. Its span excludes Markdown/list markers and surrounding
whitespace. `classify` then gives each unit a block kind (title, byline, heading,
paragraph, list item, signoff, references, boilerplate) from its wording and place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.dates import parse_date
from ingest.model import (
    BOILERPLATE,
    BYLINE,
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    REFERENCES,
    SIGNOFF,
    TITLE,
    Block,
)
from ingest.reflist import SECTION_NAMES
from ingest.segment import SUPERSCRIPT_MARKER_TEXT, WRAP_WIDTH, Line, is_hard_wrapped, line_groups, trim_span

LIST_MARKER = re.compile(r"^\s*(?:[•\-*+‣◦▪·–]|\d{1,3}[.)]|[a-z][.)])\s+(?=\S)")
MD_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(?P<text>.*?)(?:\s+#+)?\s*$")
MD_FENCE = re.compile(r"^ {0,3}(```|~~~)")
MD_RULE = re.compile(r"^ {0,3}(?:[-*_]\s*){3,}$")
# A wiki section heading, "== Original study ==", "=== Talk heading ===": as many "=" on each side.
WIKI_HEADING = re.compile(r"^ {0,3}(={1,6})[ \t]*(?P<text>[^=\s](?:[^\n]*?[^=\s])?)[ \t]*\1[ \t]*$")
# A plain-text rule: a line of five or more of one of - = _ * ("-----", "=====", "_____"), set off as
# a Markdown thematic break is (a unit of its own; it closes a reference list and separates forum posts).
TEXT_RULE = re.compile(r"^[ \t]*([-=_*])\1{4,}[ \t]*$")
# A numbered paragraph of a consultation response or a report: "3.3 That meta-analysis also found …",
# "2.1 We strongly support …" (a section number with a point, then a capitalised word: not "1.5 million").
NUMBERED_PARAGRAPH = re.compile(r"^[ \t]*\d{1,2}(?:\.\d{1,2})+[ \t]+(?=[A-ZÀ-Þ\"“‘(])")
MD_QUOTE = re.compile(r"^\s*(?:>\s?)+")
METADATA_LINE = re.compile(r"^(?:url|link|source|canonical(?: url)?|date|published|author)\s*:\s*\S", re.I)
BYLINE_LINE = re.compile(r"^(?:by\b|posted\b|written by\b|published\b|updated\b|last updated\b)", re.I)
BOILERPLATE_LINE = re.compile(
    r"^(?:leave (?:a|your) (?:comment|reply)|reply|share(?: this| on \w+)?:?|tweet|pin it|like this:?"
    r"|\d+ (?:comments?|responses?|replies)|comments?:?|responses?:?|related(?: posts| articles)?:?"
    r"|(?:previous|next|older|newer) (?:post|article|entry)\b.*|read more\b.*|click here\b.*"
    r"|subscribe\b.*|sign up\b.*|back to top|skip to (?:main )?content|table of contents"
    r"|copyright\b.*|©.*|all rights reserved\.?|tags?:.*|categories:.*|filed under\b.*)$",
    re.I,
)
# The heading of a list of works: everything under it is a reference entry. A reading list is one too
# ("READING LIST", "Links and further reading", "Recommended reading"), but not a bare "Reading".
REFERENCE_HEADING = re.compile(
    # the printed-list headings the reference-list reader knows, in every language it reads ("Referências",
    # "Bibliografía", "Literaturverzeichnis", "Literature cited"), and a blog's own words for its list
    rf"^(?:{SECTION_NAMES}|"
    r"(?:references|bibliography|sources|works cited|citations|further reading"
    r"|(?:(?:the|a|your|our|course|module|weekly|week \d{1,2})\s+)?reading lists?"
    r"|(?:(?:recommended|suggested|required|essential|core|key|additional|further|background|optional)\s+)"
    r"(?:readings?|resources|sources|literature|links)"
    r"|readings"
    r"|(?:links|sources|notes|references|resources)\s+(?:and|&)\s+(?:further\s+)?(?:readings?|links|sources"
    r"|references|resources))"
    # what the writer says of the list: "REFERENCES MENTIONED", "Sources I used", "Works consulted"
    r"(?:\s+(?:mentioned|cited|used|consulted|quoted|discussed|referred\s+to|(?:I|we)\s+(?:used|cited|read)))?"
    # whose list: "My sources", "Our references"
    r"|(?:my|our|the)\s+(?:sources|references))"
    r"\s*:?$", re.I)
# "Further reading: Hughes et al. (2017) is short and readable.", "**Reading for next week:** Putnam
# 2000, chapters 1 and 22.": a line that opens with a reading-list label lists works to read; the
# works it names are no evidence for anything, and the line is no claim.
READING_LABEL = re.compile(
    r"^[*_]{0,2}(?:(?:further|recommended|suggested|required|essential|additional|background|optional)\s+"
    r"(?:reading|readings|reading list)|reading list|readings"
    r"|reading\s+for\s+(?:next\s+|this\s+|the\s+)?(?:week|seminar|class|lecture|session|tutorial|exam)"
    r"[\w ]{0,20}?"
    # a club's or a class's next book: "Next month: *The Dawn of Everything* by Graeber and Wengrow (2021)."
    r"|(?:our\s+)?next\s+(?:month|week|time|meeting|session|book|read)(?:['’]s\s+(?:book|read|reading))?"
    # a blog's or a podcast's next review: "Next up on the blog: *Peak* by Ericsson and Pool (2016)."
    r"|(?:coming\s+)?next\s+up(?:\s+on\s+(?:the|this|my|our)\s+(?:blog|podcast|show|channel|list|site))?)"
    r"\s*(?::[*_]{0,2}|[*_]{1,2}:)\s", re.I)
# "[1] Beecher HK. The powerful placebo. JAMA. 1955;159(17):1602-1606.": a "[n]" Vancouver entry
# standing on its own line (a handout's list without a "References" heading above it). Its sentence
# splitter would make claims of "[1] Beecher HK." and "The powerful placebo.".
NUMBERED_VANCOUVER_LINE = re.compile(
    r"^(?:\[\d{1,3}\]|\d{1,3}[.)]|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})?\s*"
    r"[A-ZÀ-Þ][\w'’\-]+(?: [a-z]{1,3})?(?: [A-ZÀ-Þ][\w'’\-]+)? [A-Z]{1,3}"
    r"(?:,\s+[A-ZÀ-Þ][\w'’\-]+(?: [A-ZÀ-Þ][\w'’\-]+)? [A-Z]{1,3})*(?:,?\s+et al)?\.\s"
    r".{3,500}?\b(?:1[5-9]|20)\d\d[a-z]?\s*(?:;|:|\(|\.\s*\S|\.$)")
# "[3] Levine JD …" and a footnote list in superscripts, "¹ Schoenfeld BJ, Aragon AA, Krieger JW. …"
_ENTRY_LABEL_OPENERS = frozenset("[⁰¹²³⁴⁵⁶⁷⁸⁹")
# Wikipedia's back-links before a reference: "^ a b c Rauscher, Frances H.; … (1993). …", "^ Sack, Kevin".
WIKI_BACKLINKS = r"(?:\^[ \t]*(?:[a-z]{1,2}[ \t]+)*)?"
# The date of a work in parentheses: "(1992)", "(2001a)", "(n.d.)", "(2019, January 29)", "(15 January 1998)".
_PRINTED_DATE = (r"\(\s*(?:\d{4}[a-z]?(?:,\s*[A-Z][a-z]+\.?(?:\s+\d{1,2})?)?|\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}"
                 r"|[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}|n\.\s?d\.)\s*\)")
# "Herman, Judith (1992). …", "Jordan, B. K., Marmar, C. R., … (1992). …", "Hickel, J. (2019, January 29). …"
REFERENCE_LINE = re.compile(
    rf"^{WIKI_BACKLINKS}[A-ZÀ-Þ][\w'’\-]+(?: [A-ZÀ-Þ][\w'’\-]+)?,\s+(?:[A-ZÀ-Þ]\.|[A-ZÀ-Þ][a-zà-ÿ]+)"
    r".{0,600}?" + _PRINTED_DATE
)
# A group author's entry, APA: "Institute of Medicine (2015). Beyond …", "World Bank. (2018). Poverty …",
# "UN IGME (United Nations Inter-agency Group …). (2020). Levels …": capitalised words (and "of",
# "for", "and", "&", …) alone before the date, an optional spelled-out name in parentheses, then
# ". " and the title. Prose never opens with a name, its date and a full stop.
GROUP_REFERENCE_LINE = re.compile(
    rf"^{WIKI_BACKLINKS}(?!(?:See|Read|As|In|On|At|By|From|Also|And|But|Then|So|Thus|According|Like"
    r"|Unlike|After|Before|Since|When|While|For|With)\b)"
    r"[A-ZÀ-Þ][\w'’&\-]*(?:\s+(?:[A-ZÀ-Þ][\w'’&\-]*|of|for|and|on|the|in|&|de|du|für|und)){0,12}"
    r"\.?(?:\s+\([^()\n]{2,150}\)\.?)?\s+" + _PRINTED_DATE + r"\.\s+[\"“'‘A-ZÀ-Þ\d]"
)
# A Markdown footnote definition, "[^1]: Semmelweis, I. (1983). The etiology …": its label, then the note.
FOOTNOTE_DEFINITION = re.compile(r"^\[\^(?P<label>[\w\-]{1,30})\]:[ \t]*")
VALEDICTION = re.compile(
    r"(?:~\s*$|^(?:best|kind|warm|warmest)?\s*(?:regards|wishes)\b|^(?:sincerely|cheers|yours|warmly|love"
    r"|blessings|with love|with gratitude|thanks|thank you|respectfully|until next time|take care)\b)",
    re.I,
)
POSTSCRIPT = re.compile(r"^P\.\s?S\.", re.I)
HONORIFIC = r"(?:Dr|Mr|Mrs|Ms|Mx|Prof|Rev|Sr|Jr)\.?"
NAME_ALONE = re.compile(rf"^(?:{HONORIFIC}\s+)?[A-ZÀ-Þ][\w'’\-]*\.?(?:\s+[A-ZÀ-Þ][\w'’\-]*\.?){{0,3}}$")
DATE_WORDS = re.compile(r"\b(?:\d{4}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)
NUMBERED = re.compile(r"^\d{1,3}[.)]$")
END_PUNCTUATION = tuple(".,;:!?…\"”’'")
# A numeric reference marker closing a line ("… vulnerable.[4]", "… vulnerable.⁴"): not part of
# the words a heading test looks at.
TRAILING_MARKER = re.compile(r"(?:\[\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\]|" + SUPERSCRIPT_MARKER_TEXT + r")+\s*$")


# "*Dr. Leila Haddad, child psychiatrist - posted 14 January 2024*": an emphasised line with a
# posting date is a byline wherever "posted" stands in it.
EMPHASISED_POSTED = re.compile(
    r"^[*_]{1,2}[^*_]{3,200}\b(?:posted|published|updated|written)\b[^*_]*[*_]{1,2}$", re.I)


NAME_PARTICLES = frozenset("van von de der den del della di da du la le ten ter bin ibn al el dos das y"
                            .split())
_CREDENTIALS = frozenset("phd md rn ma msc bsc ba bs ms dphil edd psyd mph mba frcp mrcp lcsw lpc np pa jr "
                         "sr ii iii".split())
# Words of a job title after a name ("Tom Reyes, Health Correspondent", "Carla Mendes, Science Desk").
_ROLE_WORDS = frozenset("""desk correspondent editor reporter writer staff columnist contributor team
    editorial news journalist producer intern fellow professor lecturer teacher nurse therapist psychologist
    psychiatrist counsellor counselor coach officer director manager lead head consultant specialist
    practitioner clinician researcher scientist student trainee instructor dean chair founder
    physician doctor gp surgeon dietitian nutritionist physiotherapist midwife pharmacist""".split())
_LIST_END = re.compile(r"^(?:…|\.\.\.|et al\.?|and others|and colleagues)$", re.I)


def _person_name(part: str) -> bool:
    """'Eelco van Anken', 'Dr. Ana Sánchez', 'J. R. Tolkien': one to five words, each capitalised or a
    particle ('van', 'de'), the first capitalised; no credential ('PhD') and no digit."""
    words = part.split()
    if not 1 <= len(words) <= 5 or any(c.isdigit() for c in part):
        return False
    if words[0].rstrip(".").lower() in ("dr", "prof", "mr", "mrs", "ms", "mx"):
        words = words[1:] or ["?"]
    for i, word in enumerate(words):
        if word.lower() in NAME_PARTICLES and 0 < i < len(words) - 1:
            continue
        if not (word[:1].isalpha() and word[:1].isupper()) or word.strip(".").lower() in _CREDENTIALS:
            return False
        if not all(c.isalpha() or c in "'’.-" for c in word):
            return False
    return True


# What ends the names of a byline: a separator before a date or a section ("| March 3", "· 3 May 2022").
_BYLINE_REST = re.compile(r"\s*(?:[|·•]|\s[-–—]\s|,?\s+(?:on|in|at|for)\s).*$|,\s*(?=[^,]*\d).*$")


def byline_names(line: str) -> list[str]:
    """The people a byline names ('By Eelco van Anken, David Pincus, Peter Walter and Ron Kopito',
    '*By Maria Lindqvist, 14 March 2024*', '**By Ana Sánchez and Jürgen Müller** · 3 May 2022'),
    in order; [] when the line is no list of names ('By Monday and Tuesday, the class …'). A trailing
    '…' / 'et al.' and credentials ('PhD', 'RN') are dropped."""
    line = re.sub(r"[*_]{1,2}", " ", line).strip()
    match = re.match(r"^(?:author\s*:|(?:written |posted )?by\b:?)\s*", line, re.I)
    if not match:
        return []
    rest = _BYLINE_REST.sub("", line[match.end():]).strip().rstrip(".,;")
    names: list[str] = []
    for part in re.split(r",\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+", rest):
        part = part.strip()
        if not part or _LIST_END.match(part):
            break
        if part.replace(".", "").lower() in _CREDENTIALS or _ROLE_WORDS & set(part.lower().split()):
            continue  # "PhD", "Health Correspondent"
        if not _person_name(part):
            return []
        names.append(part)
    return names


# "Source: Middlemiss, W., Granger, D. A. … (2012). Asynchrony …": a forum reply's one-line list of one.
_SOURCE_LABEL = re.compile(r"^sources?\s*:\s+", re.I)
# "Source: Hattie, 2009", "Source: IPCC (2006c) [9]" under an equation: a line crediting a work (a year
# or a reference number and no web address) is a bare citation, not the page's source metadata.
_CREDITS_A_WORK = re.compile(r"^source\s*:(?![^\n]*(?:https?://|www\.|\w\.(?:com|org|net)\b))"
                             r"(?=[^\n]*(?:\b(?:1[5-9]|20)\d\d[a-z]?\b|\[\s*\d{1,3}\s*\]))", re.I)


# "*Farida Haddad-Møller · Notes from the Replication Crisis · 28 February 2025*", "*Thursday Readers,
# Harrogate Library · review by Margaret Oyelaran-Holt · 3 October 2024*": an emphasised line of parts
# set off by "·" or "|", one a date and one a person (after "by" or alone).
_PART_SEPARATOR = re.compile(r"\s+[·|]\s+")
_BY_IN_PART = re.compile(r"^(?:[\w ]{0,30}?\b)?by\s+", re.I)


def separated_byline_person(line: str) -> str:
    """The person an emphasised '·'-separated byline names ('Dr Bartholomew Asante-Kovács'), or ''."""
    emphasised = re.match(r"^[*_]{1,2}(?=\S)(.*?)(?<=\S)[*_]{1,2}$", line)
    if not emphasised or len(line) > 250:
        return ""
    parts = _PART_SEPARATOR.split(emphasised.group(1))
    if len(parts) < 2 or not any(parse_date(part) for part in parts):
        return ""
    for part in parts:
        person = re.sub(rf"^{HONORIFIC}\s+", "", _BY_IN_PART.sub("", part.strip()))
        if len(person.split()) >= 2 and _person_name(person) and not parse_date(part):
            return _BY_IN_PART.sub("", part.strip())
    return ""
# Literals one of which byline_names' and BYLINE_LINE's matches hold, lower-cased ('po' and 'pub', not
# 'posted' and 'published': re.IGNORECASE lets 'ſ' stand for 's', which lower() keeps as it is).
_BYLINE_WORDS = ("by", "author", "po", "pub", "updated")


def is_byline(line: str) -> bool:
    """A metadata line ('URL: …', 'Date: …') or a byline ('By …', 'Posted by … | March 3rd, 2019',
    Markdown '*By Jane Doe*')."""
    if METADATA_LINE.match(line) and not _CREDITS_A_WORK.match(line):
        return True
    if EMPHASISED_POSTED.match(line) and DATE_WORDS.search(line):
        return True
    if separated_byline_person(line):
        return True
    lower = line.lower()  # what the byline tests below need: 'by', 'author', 'posted', 'published', 'updated'
    if not any(word in lower for word in _BYLINE_WORDS):
        return False
    line = re.sub(r"^[*_]{1,2}(?=\S)(.*?)(?<=\S)[*_]{1,2}$", r"\1", line)
    if len(line) < 300 and len(byline_names(line)) >= 2:  # "By Eelco van Anken, David Pincus, …"
        return True
    return bool(BYLINE_LINE.match(line)) and len(line) < 200 and (
        bool(DATE_WORDS.search(line)) or "|" in line or len(line.split()) <= 6)


@dataclass
class Unit:
    """A run of lines forming one block; `hint` is what its markup says it is."""

    start: int
    end: int
    hint: str  # "text", "item", "heading", "code", "rule" (a Markdown thematic break, a plain-text rule)
    single_line: bool
    alone: bool  # the only unit of its blank-line-separated group
    level: int = 0  # Markdown heading level
    heading_line: bool = False  # a short line set off from the paragraph below by one line break
    quote: bool = False  # a block quotation: Markdown "> …", an HTML <blockquote>
    annotation: bool = False  # the note under a reference entry that describes the work (reading lists)


# The tail of a reference entry, not a note about the work: a journal's volume and issue ("3(1)"),
# pages ("pp. 33–50", "224–238."), an address, a publisher or a retrieval note.
_ENTRY_TAIL = re.compile(r"\d+\s*\(\d+\)|\bpp?\.\s*\d|\d+\s*[-–]\s*\d+\.?\s*$|\bdoi\b|https?://|www\."
                         r"|\b(?:Press|Publishers?|Publishing|Journal|Proceedings|Retrieved|Eds?\.)\b", re.I)
# A reference entry ends with its last field: a full stop, a bracket, or a library mark ("… Press. *").
_ENTRY_END = re.compile(r"[.)\]]\s*(?:[*†‡]\s*)*$")
ANNOTATION_MIN_WORDS = 8  # a note of fewer words ("Skim only.") is advice, no description of the work


def _whole_entry(entry: str) -> bool:
    """A complete reference entry: authors, date and at least a title after it, ended as an entry ends."""
    if not _ENTRY_END.search(entry):
        return False
    dated = REFERENCE_LINE.match(entry) or GROUP_REFERENCE_LINE.match(entry)
    if dated:
        return len(re.findall(r"[^\W\d_]{2,}", entry[dated.end():])) >= 2
    return bool(NUMBERED_VANCOUVER_LINE.match(entry))


def _reads_as_note(note: str) -> bool:
    """Prose about a work, not the rest of its entry: it opens a sentence, its first line holds no
    entry field, and most of its words are lower-case, as running text is."""
    first_line = note.split("\n", 1)[0]
    if not note[:1].isupper() and note[:1] not in "\"“‘'" or _ENTRY_TAIL.search(first_line):
        return False
    words = re.findall(r"[^\W\d_][\w'’\-]*", note)
    lower = sum(1 for word in words if word[0].islower())
    return len(words) >= ANNOTATION_MIN_WORDS and 2 * lower >= len(words)


def annotation_start(text: str, start: int, end: int) -> int | None:
    """Where the note under a reference entry begins, for an entry block spanning `start:end`: the
    first line (after the first) below a complete entry that reads as prose; None when there is none."""
    line_start = text.find("\n", start, end)
    while 0 <= line_start < end:
        line_start += 1
        if _whole_entry(text[start:line_start].strip()) and _reads_as_note(text[line_start:end].strip()):
            return line_start
        line_start = text.find("\n", line_start, end)
    return None


# Words a line cannot end with and still be a heading: it runs on into the next line.
_RUNS_ON = frozenset("a an the of to in on at by for with from and or but that as is are was were "
                     "be its their his her our your this these".split())


def find_units(text: str, lines: list[Line], markdown: bool, split_headings: bool = False) -> list[Unit]:
    """Cut lines into units: headings, list items, paragraphs, fenced code. With `split_headings`
    (plain-text articles), a heading line right above its paragraph becomes a unit of its own."""
    units: list[Unit] = []
    for group in _groups_outside_fences(lines, markdown, units):
        heads = _heading_lines(group) if split_headings and not markdown else 0
        units.extend(_unit(text, [line], "text", heading_line=True) for line in group[:heads])
        if group[heads:]:
            units.extend(_group_units(text, group[heads:], markdown))
    units.sort(key=lambda unit: unit.start)
    return units


def _groups_outside_fences(lines: list[Line], markdown: bool, units: list[Unit]) -> list[list[Line]]:
    """Blank-line groups of the lines, with Markdown code fences cut out as `code` units and rule
    lines (a Markdown thematic break; in plain text a `TEXT_RULE` line) as `rule` units."""
    if not markdown:
        return line_groups(_without_rules(lines, TEXT_RULE, units))
    return line_groups(_without_rules(_outside_fences(lines, units), MD_RULE, units))


def _outside_fences(lines: list[Line], units: list[Unit]) -> list[Line]:
    """The lines outside Markdown code fences, each fence kept as a `code` unit of its own."""
    kept: list[Line] = []
    fence_start: Line | None = None
    for line in lines:
        if MD_FENCE.match(line.text):
            if fence_start is not None:
                units.append(Unit(fence_start.start, line.end, "code", False, True))
            fence_start = line if fence_start is None else None
        elif fence_start is None:
            kept.append(line)
    return kept


def _without_rules(lines: list[Line], rule: re.Pattern[str], units: list[Unit]) -> list[Line]:
    """The lines with each rule line made blank, the rule kept as a `rule` unit of its own (a
    thematic break closes a reference list)."""
    kept: list[Line] = []
    for line in lines:
        if rule.match(line.text):
            units.append(Unit(line.start, line.end, "rule", True, True))
            kept.append(Line(line.number, line.start, line.start, ""))
        else:
            kept.append(line)
    return kept


def _heading_like(line: Line) -> bool:
    """A short capitalised line without end punctuation that does not run on into the next."""
    words = line.stripped
    return (0 < len(words) <= 80 and len(words.split()) <= 12 and (words[0].isupper() or words[0].isdigit())
            and not words.endswith(END_PUNCTUATION) and words.split()[-1].lower() not in _RUNS_ON
            and not LIST_MARKER.match(line.text) and not is_byline(words))


def _heading_lines(group: list[Line]) -> int:
    """How many lines at the top of a group are headings set directly above their paragraph:
    "Screens at night" above a long paragraph line, "STUDY SMARTER" above anything, or a title
    line above a subtitle line ending the group. Never a line whose next line starts lower-case.
    A reference heading ("My sources:", "References") on top of its entries is one too."""
    if len(group) > 1 and REFERENCE_HEADING.match(group[0].stripped):  # "My sources:" on its first entry
        return 1
    count = 0
    while count < len(group) - 1 and _heading_like(group[count]):
        following = group[count + 1].stripped
        if not (following[0].isupper() or following[0].isdigit() or following[0] in "\"“'‘(["):
            break
        shouting = any(c.isalpha() for c in group[count].stripped) and group[count].stripped.isupper()
        subtitle_last = count + 1 == len(group) - 1 and _heading_like(group[count + 1])
        if not (shouting or len(following) > WRAP_WIDTH or subtitle_last):
            break
        count += 1
    if count and count == len(group) - 1 and _heading_like(group[count]):
        count += 1
    return count


def _group_units(text: str, group: list[Line], markdown: bool) -> list[Unit]:
    """Units of one blank-line-separated group of lines."""
    units: list[Unit] = []
    current: list[Line] = []
    current_hint = "text"
    wrapped = is_hard_wrapped(group)

    def flush() -> None:
        if current:
            units.append(_unit(text, current, current_hint))
            current.clear()

    for line in group:
        heading = (MD_HEADING.match(line.text) if markdown else None) or WIKI_HEADING.match(line.text)
        if heading:
            flush()
            units.append(_unit(text, [line], "heading"))
            continue
        if is_byline(line.stripped):
            flush()
            current_hint = "text"
            units.append(_unit(text, [line], "text"))
            continue
        if LIST_MARKER.match(line.text):
            flush()
            current_hint = "item"
            current.append(line)
            continue
        continues_item = current_hint == "item" and current and line.indent > current[0].indent
        # "3.5 In Scotland, … (O'Donnell et al., 2019).\n3.6 The fall was …": numbered paragraphs set
        # line under line are the points of one paragraph, however long each line is
        numbered_run = (current_hint == "text" and current and bool(NUMBERED_PARAGRAPH.match(line.text))
                        and all(NUMBERED_PARAGRAPH.match(previous.text) for previous in current))
        if current and (continues_item or numbered_run or (wrapped and current_hint == "text")):
            current.append(line)
            continue
        flush()
        current_hint = "text"
        current.append(line)
    flush()
    alone = len(units) == 1
    for unit in units:
        unit.alone = alone
    return units


def _unit(text: str, lines: list[Line], hint: str, heading_line: bool = False) -> Unit:
    """A unit spanning `lines`, its span trimmed of markers and whitespace."""
    start, end = lines[0].start, lines[-1].end
    first = lines[0].text
    level = 0
    quoted = False
    if hint == "heading":
        match = MD_HEADING.match(first) or WIKI_HEADING.match(first)
        assert match is not None
        level = len(match.group(1))
        start, end = lines[0].start + match.start("text"), lines[0].start + match.end("text")
    elif hint == "item":
        start += LIST_MARKER.match(first).end()  # type: ignore[union-attr]
    else:
        quote = MD_QUOTE.match(first)
        if quote and quote.end() > 0 and ">" in quote.group(0):
            start += quote.end()
            quoted = True
    start, end = trim_span(text, start, end)
    return Unit(start, end, hint, len(lines) == 1, True, level, heading_line, quoted)


@dataclass
class Classifier:
    """Gives units block kinds; `markdown` turns off the plain-text heading guess."""

    text: str
    markdown: bool
    known_title: str = ""  # a title from elsewhere (front matter): only a line repeating it is the title
    may_have_title: bool = True  # False for comments: their first line is never a title

    def classify(self, units: list[Unit]) -> list[Block]:
        """Blocks for the units, with kinds, sections and list lead-ins."""
        kinds = [self._kind(i, unit) for i, unit in enumerate(units)]
        self._mark_numbered_headings(units, kinds)
        self._mark_reference_section(units, kinds)
        self._mark_signoff(units, kinds)
        units, kinds = self._split_annotations(units, kinds)
        return self._with_sections(units, kinds)

    def _split_annotations(self, units: list[Unit], kinds: list[str]) -> tuple[list[Unit], list[str]]:
        """An annotated reading list: a reference entry with a note on the lines under it that
        describes the work ("1. Jones, S. R. G. (1992). Was there a Hawthorne effect? … / Jones
        re-analysed the relay assembly test room data …") is two blocks, the entry (references) and
        its note (a paragraph marked `annotation`, whose sentences are claims about that work)."""
        split_units: list[Unit] = []
        split_kinds: list[str] = []
        for unit, kind in zip(units, kinds, strict=True):
            at = annotation_start(self.text, unit.start, unit.end) if kind == REFERENCES else None
            if at is None:
                split_units.append(unit)
                split_kinds.append(kind)
                continue
            entry_start, entry_end = trim_span(self.text, unit.start, at)
            note_start, note_end = trim_span(self.text, at, unit.end)
            split_units += [Unit(entry_start, entry_end, unit.hint, True, unit.alone),
                            Unit(note_start, note_end, "text", False, unit.alone, annotation=True)]
            split_kinds += [REFERENCES, PARAGRAPH]
        return split_units, split_kinds

    def _words(self, unit: Unit) -> str:
        return self.text[unit.start:unit.end]

    def _kind(self, index: int, unit: Unit) -> str:
        words = self._words(unit)
        if unit.hint in ("code", "rule"):
            return BOILERPLATE
        title_here = not self.known_title or " ".join(words.split()) == " ".join(self.known_title.split())
        if index == 0 and self.may_have_title and title_here and self._looks_like_title(unit):
            return TITLE
        if unit.hint == "heading":
            return HEADING
        if unit.single_line and len(words) < 200:
            single = self._single_line_kind(words)
            if single:
                return single
        group_entry = unit.single_line and bool(GROUP_REFERENCE_LINE.match(words))  # one line: one entry
        if unit.single_line and (labelled := _SOURCE_LABEL.match(words)):
            words = words[labelled.end():]  # "Source: Middlemiss, W., … (2012). Asynchrony …": one entry
        if (REFERENCE_LINE.match(words) or group_entry or READING_LABEL.match(words)
                or self._footnote_entry(words)):
            return REFERENCES
        if self._numbered_entries(unit, words):
            return REFERENCES
        if unit.hint == "item":
            return LIST_ITEM
        if not self.markdown and self._looks_like_heading(unit):
            return HEADING
        return PARAGRAPH

    @staticmethod
    def _footnote_entry(words: str) -> bool:
        """A Markdown footnote whose note is a reference entry ("[^2]: Loudon, I. (2013). Ignaz
        Phillip Semmelweis' studies …"): part of the notes list, not of the text. A note in prose
        ("[^3]: I worked on that ward in 2010.") stays a paragraph."""
        definition = FOOTNOTE_DEFINITION.match(words)
        if not definition:
            return False
        note = words[definition.end():]
        return bool(REFERENCE_LINE.match(note) or NUMBERED_VANCOUVER_LINE.match(note))

    def _numbered_entries(self, unit: Unit, words: str) -> bool:
        """Lines of a "[n]"- (or "¹"-) numbered Vancouver-style reference list: "[3] Levine JD, Gordon NC,
        Fields HL. The mechanism of placebo analgesia. Lancet. 1978;2(8091):654-657.", one line or several
        short ones run together into a unit, each an entry. (A "3." item is a list item: its whole
        text is one unit, which the claims and evidence steps already know for a reference line.)"""
        if unit.hint == "item":
            return False
        lines = [line.strip() for line in words.splitlines() if line.strip()]
        return bool(lines) and all(line[0] in _ENTRY_LABEL_OPENERS and len(line) <= 700
                                   and NUMBERED_VANCOUVER_LINE.match(line) for line in lines)

    def _looks_like_title(self, unit: Unit) -> bool:
        words = self._words(unit)
        if unit.hint == "heading":
            return unit.level == 1
        return unit.single_line and unit.hint == "text" and len(words) <= 200 and not words.endswith(".")

    def _single_line_kind(self, words: str) -> str | None:
        """Kinds a short line reveals by its wording alone."""
        if is_byline(words):
            return BYLINE
        if BOILERPLATE_LINE.match(words):
            return BOILERPLATE
        if POSTSCRIPT.match(words):
            return SIGNOFF
        if VALEDICTION.search(words) and len(words.split()) <= 8 and not re.search(r"[.!?]", words):
            return SIGNOFF
        return None

    def _looks_like_heading(self, unit: Unit) -> bool:
        """A short line standing alone, capitalised, without end punctuation."""
        words = self._words(unit)
        return (
            unit.single_line and (unit.alone or unit.heading_line) and unit.hint == "text"
            and len(words) <= 100
            and len(words.split()) <= 15 and not TRAILING_MARKER.sub("", words).endswith(END_PUNCTUATION)
            and (words[0].isupper() or words[0].isdigit())
        )

    def _marker(self, unit: Unit) -> str:
        """The list marker in front of an item unit ('3.', '•'), '' for other units."""
        line_start = self.text.rfind("\n", 0, unit.start) + 1
        return self.text[line_start:unit.start].strip() if unit.hint == "item" else ""

    def _mark_numbered_headings(self, units: list[Unit], kinds: list[str]) -> None:
        """'3. When to move on' standing alone between blank lines is a numbered heading, not an
        item, when the list before it uses another marker, or when it is short, unpunctuated,
        follows no numbered item and no list item follows it."""
        for i, unit in enumerate(units):
            marker = self._marker(unit)
            if kinds[i] != LIST_ITEM or not unit.alone or not unit.single_line or not NUMBERED.match(marker):
                continue
            previous = self._marker(units[i - 1]) if i > 0 and kinds[i - 1] == LIST_ITEM else ""
            following_item = i + 1 < len(units) and kinds[i + 1] == LIST_ITEM
            words = self._words(unit)
            other_marker_before = bool(previous) and not NUMBERED.match(previous)
            short_title = (len(words.split()) <= 10 and not words.endswith(END_PUNCTUATION)
                           and words[:1].isupper() and not previous and not following_item)
            if other_marker_before or short_title:
                kinds[i] = HEADING

    def _mark_signoff(self, units: list[Unit], kinds: list[str]) -> None:
        """Short name-like lines after a valediction, or with only closing matter after them."""
        closing = {SIGNOFF, REFERENCES, BOILERPLATE}
        only_closing_after = True  # walking backwards: nothing but closing matter follows unit i
        for i in range(len(units) - 1, -1, -1):
            words = self._words(units[i])
            name_line = (kinds[i] in (HEADING, PARAGRAPH) and units[i].single_line
                         and bool(NAME_ALONE.match(words)) and not REFERENCE_HEADING.match(words))
            if name_line and (only_closing_after or (i > 0 and kinds[i - 1] == SIGNOFF)):
                kinds[i] = SIGNOFF
            only_closing_after = only_closing_after and kinds[i] in closing

    def _mark_reference_section(self, units: list[Unit], kinds: list[str]) -> None:
        """Everything under a References/Bibliography heading is a reference entry, up to the next
        heading or a rule (a Markdown thematic break, '---' before a comment thread; a plain-text rule
        line, '-----', or a line of three dashes alone, as forum threads put between replies)."""
        inside = False
        for i, unit in enumerate(units):
            if unit.hint == "rule" or (inside and unit.single_line and MD_RULE.match(self._words(unit))):
                inside = False  # a plain-text thread's "---" between replies closes the list too
                continue
            # "References" may sit right on top of its first entry, with no blank line between.
            if kinds[i] == HEADING or (kinds[i] == PARAGRAPH and unit.single_line
                                       and REFERENCE_HEADING.match(self._words(unit))):
                inside = bool(REFERENCE_HEADING.match(self._words(unit)))
                if inside:
                    kinds[i] = HEADING
                continue
            if inside and kinds[i] in (PARAGRAPH, LIST_ITEM):
                kinds[i] = REFERENCES

    def _with_sections(self, units: list[Unit], kinds: list[str]) -> list[Block]:
        """Blocks carrying their section heading and, for list items, the lead-in paragraph."""
        blocks: list[Block] = []
        section = ""
        lead_in: int | None = None
        for unit, kind in zip(units, kinds, strict=True):
            if kind == HEADING:
                section = self._words(unit)
            if kind == LIST_ITEM:
                if not blocks or blocks[-1].kind != LIST_ITEM:
                    lead_in = len(blocks) - 1 if blocks and blocks[-1].kind == PARAGRAPH else None
            blocks.append(Block(kind, unit.start, unit.end, section, lead_in if kind == LIST_ITEM else None,
                                unit.quote, unit.annotation))
        return blocks
