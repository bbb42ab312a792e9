"""Blog-text classes of eval-blind-10's first run (the 22nd stop), each on texts of its own:

1. a plain-text rule line ("-----", "=====", five or more of one of - = _ *) is a unit of its own,
   as a Markdown thematic break is: no claim holds it, and it closes a reference list;
2. a plain-text forum thread whose posts are set off by rule lines, each opening with a header
   ("Name · Tue 04-Mar-25 20:41"), is the first post's article plus one comment document per later
   post, replying to it.
"""

from __future__ import annotations

from pathlib import Path

from ingest.evaluate import predicted_links
from ingest.model import BOILERPLATE, REFERENCES
from ingest.readers import read_documents

BIB = """
@article{hallam2014sleep, author = {Hallam, Ruth and Okoro, Daniel and Finch, Mary}, year = {2014},
  title = {Afternoon naps and word learning in toddlers}, journal = {Child Development}}
@article{varga2019screen, author = {Varga, Lili and Moss, Peter}, year = {2019},
  title = {Screen time before bed and sleep onset in four-year-olds}, journal = {Sleep Health}}
@article{brennan2020bath, author = {Brennan, Aoife}, year = {2020},
  title = {Bath, book, bed: a routine trial in Irish families}, journal = {Journal of Family Studies}}
"""


def _write(tmp_path: Path, text: str, name: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (tmp_path / "references.bib").write_text(BIB, encoding="utf-8")
    return path


def _claim_links(path: Path) -> dict[str, list[str]]:
    links, _ = predicted_links(path)
    return {text: sorted(keys) for text, keys in links.items()}


def _of(links: dict[str, list[str]], opening: str) -> list[str]:
    found = [keys for text, keys in links.items() if text.startswith(opening)]
    assert len(found) == 1, (opening, list(links))
    return found[0]


# --- 1. plain-text rule lines ----------------------------------------------------------------

RULED = """Why toddlers need their naps

Toddlers who napped after a lesson remembered more new words the next day (Hallam et al., 2014).

Sources
Hallam, R., Okoro, D., & Finch, M. (2014). Afternoon naps and word learning in toddlers. Child Dev, 85, 12-22.
==========================================
Screens in the hour before bed pushed sleep onset later by about twenty minutes (Varga & Moss, 2019).
__________
A fixed routine of bath, book and bed helped families most (Brennan, 2020).
"""


def test_a_rule_line_is_a_unit_of_its_own_and_closes_the_reference_list(tmp_path):
    path = _write(tmp_path, RULED, "naps.txt")
    article = read_documents(path)[0]
    kinds = {article.text[b.start:b.end]: b.kind for b in article.blocks}
    assert kinds["=========================================="] == BOILERPLATE
    assert kinds["__________"] == BOILERPLATE
    assert kinds[RULED.splitlines()[5]] == REFERENCES
    # the lines after the rule are the article's text again, not entries of the list
    assert kinds["Screens in the hour before bed pushed sleep onset later by about twenty minutes "
                 "(Varga & Moss, 2019)."] != REFERENCES
    links = _claim_links(path)
    assert _of(links, "Screens in the hour before bed") == ["varga2019screen"]
    assert _of(links, "A fixed routine of bath") == ["brennan2020bath"]
    assert not any("===" in text or "___" in text for text in links)


def test_a_rule_line_between_paragraphs_is_in_no_claim(tmp_path):
    text = ("Naps and words\n\nToddlers who napped after a lesson remembered more new words the next day "
            "(Hallam et al., 2014).\n-----\nScreens in the hour before bed pushed sleep onset later "
            "(Varga & Moss, 2019).\n*****\nNobody in our group regretted the earlier bedtime.\n")
    links = _claim_links(_write(tmp_path, text, "words.txt"))
    assert _of(links, "Toddlers who napped") == ["hallam2014sleep"]
    assert _of(links, "Screens in the hour") == ["varga2019screen"]
    assert not any("---" in claim or "***" in claim for claim in links)


def test_a_short_dash_line_is_no_rule(tmp_path):
    """Four dashes, or a line mixing characters, stay text as before (the rule needs five of one)."""
    from ingest.blocks import TEXT_RULE

    assert TEXT_RULE.match("-----") and TEXT_RULE.match("  =======  ") and TEXT_RULE.match("_____")
    assert not TEXT_RULE.match("----") and not TEXT_RULE.match("-=-=-=-=") and not TEXT_RULE.match("--- x")


# --- 2. plain-text forum threads set off by rule lines -----------------------------------------

RULE = "-" * 40
FORUM = f"""NapTalk Forum › Toddlers › Do naps still matter at two?

{RULE}
SleepySam · Mon 03-Feb-25 19:05
{RULE}
My son fights his nap every day now. Should we drop it?

{RULE}
OwlMum · Mon 03-Feb-25 20:11
{RULE}
Keep it if you can. Toddlers who napped after a lesson remembered more new words the next day \
(Hallam et al., 2014).

Sources:
Hallam, R., Okoro, D., & Finch, M. (2014). Afternoon naps and word learning in toddlers. Child Dev, 85.

{RULE}
DadOfTwins · Tue 04-Feb-25 08:30
{RULE}
We moved to bath, book and bed at seven and it stuck.
"""


def test_posts_set_off_by_rule_lines_are_comments_replying_to_the_first(tmp_path):
    article, *comments = read_documents(_write(tmp_path, FORUM, "naps-forum.txt"))
    assert article.author == "SleepySam"
    assert [(c.author, c.parent_id) for c in comments] == [("OwlMum", article.id), ("DadOfTwins", article.id)]
    assert comments[1].text == "We moved to bath, book and bed at seven and it stuck."
    for comment in comments:
        assert article.text[comment.offset:comment.offset + len(comment.text)] == comment.text
        assert RULE not in comment.text and "·" not in comment.text
    prose = [article.text[b.start:b.end] for b in article.blocks if b.kind != BOILERPLATE]
    assert "My son fights his nap every day now. Should we drop it?" in prose
    assert not any("OwlMum" in words or "SleepySam" in words for words in prose)
    links = _claim_links(_write(tmp_path, FORUM, "naps-forum.txt"))
    assert _of(links, "Toddlers who napped") == ["hallam2014sleep"]


def test_one_header_between_rules_is_no_thread(tmp_path):
    text = f"Naps\n\n{RULE}\nOwlMum · Mon 03-Feb-25 20:11\n{RULE}\nKeep the nap while you can.\n"
    documents = read_documents(_write(tmp_path, text, "one-post.txt"))
    assert len(documents) == 1

