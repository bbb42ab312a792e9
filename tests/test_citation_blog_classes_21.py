"""Blog-text classes left after the 20th stop (issue #10 class 8), each on pages of its own:

1. a Markdown (or plain-text) comment thread under a heading such as "### 5 comments", "## Comments
   (3)" or "## 12 Responses" becomes comment documents replying to the article, as an HTML WordPress
   thread does: "**Name** · 3 March 2024" headers, "Name says:" headers, replies quoted ("> …") or
   indented under the comment they answer;
2. the author of a work cited nearby who recommends, calls for, advises or urges ("Whitlock
   recommends …") is that work;
3. a stated view, "Epstein's argument is that …", "Dweck's view was that …", is the author's work.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.schema import RelType
from ingest.model import BOILERPLATE
from ingest.pipeline import ingest_text
from ingest.readers import read_documents
from tests.test_blog_text import BIB as BLOG_BIB
from tests.test_blog_text import _read
from tests.test_citation_blog_classes_9 import _links as links_with
from tests.test_citation_blog_classes_9 import _of

# --- 1. Markdown comment threads -------------------------------------------------------------

ARTICLE = """# Quizzing beats rereading: what a term of weekly quizzes taught me

*By Maria Lindqvist, 14 March 2024*

Most of my Year 10 students revised by rereading their notes. Rereading and highlighting were rated as \
having low utility in a large review of study techniques (Dunlosky et al., 2013). Students who took a \
practice test remembered more a week later than students who restudied the same text (Roediger & \
Karpicke, 2006).

So this term I replaced the Friday reread with a ten-minute quiz.

## References

Dunlosky, J., Rawson, K. A., Marsh, E. J., Nathan, M. J., & Willingham, D. T. (2013). Improving \
students' learning with effective learning techniques. *Psychological Science in the Public Interest, \
14*(1), 4–58.

Roediger, H. L., & Karpicke, J. D. (2006). Test-enhanced learning. *Psychological Science, 17*(3), 249–255.

---
"""

BOLD_THREAD = ARTICLE + """
### 4 comments

**Gareth Pryce** · 15 March 2024 at 07:52

We tried this in our department. In my school we moved to weekly quizzes in 2019, and failure rates \
fell by a third.

> **Maria Lindqvist** · 15 March 2024 at 09:10
>
> Thanks, Gareth. Quizzes also help the weakest students most (Roediger & Karpicke, 2006).
>
> The hard part is writing good questions.

**Anneliese Vogt** · Mar 16

Is there anything on quizzing in primary schools?

**Dr Tunde Bakare** · 2 days ago · ▲ 12

I'm not convinced. Quizzing every week is unrealistic for a teacher with six classes.
"""


def _documents(tmp_path: Path, text: str, name: str = "quizzes.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_documents(path)


def test_a_thread_under_a_count_heading_is_comments_replying_to_the_article(tmp_path):
    article, *comments = _documents(tmp_path, BOLD_THREAD)
    ids = [c.id for c in comments]
    assert ids == [f"{article.id}#comment-{n}" for n in ("1", "1.1", "2", "3")]
    assert [(c.author, c.date) for c in comments] == [
        ("Gareth Pryce", "2024-03-15"), ("Maria Lindqvist", "2024-03-15"),
        ("Anneliese Vogt", ""), ("Dr Tunde Bakare", "")]  # "Mar 16" has no year, "2 days ago" no date
    assert [c.parent_id for c in comments] == [article.id, ids[0], article.id, article.id]
    assert [c.title for c in comments][:2] == ["Comment by Gareth Pryce", "Comment by Maria Lindqvist"]
    # the quoted reply's paragraphs without their "> ", each an exact slice of the file
    reply = comments[1]
    assert [reply.text[b.start:b.end] for b in reply.blocks] == [
        "Thanks, Gareth. Quizzes also help the weakest students most (Roediger & Karpicke, 2006).",
        "The hard part is writing good questions."]
    assert not any(b.quote for b in reply.blocks)
    for comment in comments:
        assert article.text[comment.offset:comment.offset + len(comment.text)] == comment.text
        assert "**" not in comment.text and "·" not in comment.text
    # the article's blocks stop at the thread; its heading is boilerplate, no claim
    thread = article.text.index("### 4 comments")
    assert all(b.end <= thread or b.kind == BOILERPLATE for b in article.blocks)
    assert "4 comments" in [article.text[b.start:b.end] for b in article.blocks if b.kind == BOILERPLATE]


def test_the_comments_claims_evidence_and_challenges_are_their_own():
    result = ingest_text(BOLD_THREAD, "quizzes.md", BLOG_BIB)
    page = _read(BOLD_THREAD, "quizzes.md")
    documents = {d["id"].rpartition("#")[2]: d for d in page.documents}
    assert documents["comment-1.1"]["parent_id"].endswith("#comment-1")
    assert page.claims["Quizzes also help the weakest students most (Roediger & Karpicke, 2006)."].keys == {
        "roediger2006test"}
    experience = page.claims["In my school we moved to weekly quizzes in 2019, and failure rates fell by a "
                             "third."]
    assert experience.status == "anecdotal"
    # no header line is a claim any more ("**Maria Lindqvist** · 15 March 2024 at 09:10 > Thanks …")
    assert not any("**" in text or "·" in text for text in page.claims)
    challengers = {rel.start.rpartition("#")[2] for rel in result.batch.relationships
                   if rel.type == RelType.CHALLENGES}
    assert challengers == {"comment-3"}


SAYS_THREAD = ARTICLE + """
## Comments (3)

Priya Shah says:
March 16, 2024 at 8:02 pm

How long did the quizzes take to write each week?

Maria Lindqvist replies:

About an hour, but I reuse most questions the next year.

Tom Baker says:

Our students complained at first, then asked for more quizzes before the mock exams.

Reply
"""


def test_says_headers_their_date_line_and_a_reply_to_the_comment_before(tmp_path):
    article, *comments = _documents(tmp_path, SAYS_THREAD)
    assert [(c.author, c.date) for c in comments] == [
        ("Priya Shah", "2024-03-16"), ("Maria Lindqvist", ""), ("Tom Baker", "")]
    assert [c.parent_id for c in comments] == [article.id, comments[0].id, article.id]
    assert comments[0].text == "How long did the quizzes take to write each week?"
    assert comments[2].text == ("Our students complained at first, then asked for more quizzes before "
                                "the mock exams.")
    assert "Reply" in [article.text[b.start:b.end] for b in article.blocks if b.kind == BOILERPLATE]


LIST_THREAD = ARTICLE + """
## 12 Responses

- **sam_teaches_maths** · 3 days ago
  We use retrieval starters at the beginning of every lesson.
  - **Maria Lindqvist** · 3 days ago
    Same here, five questions from last week.
- **Joe Okafor** — 20 March 2024
  Do the quizzes count towards grades?

## Related posts

Spacing out homework gives students time to forget a little before they practise again.
"""


def test_indented_replies_and_a_section_after_the_thread(tmp_path):
    article, *comments = _documents(tmp_path, LIST_THREAD)
    assert [(c.author, c.date) for c in comments] == [
        ("sam_teaches_maths", ""), ("Maria Lindqvist", ""), ("Joe Okafor", "2024-03-20")]
    assert [c.parent_id for c in comments] == [article.id, comments[0].id, article.id]
    assert comments[1].text == "Same here, five questions from last week."
    # the section after the thread is the article's again
    kinds = {article.text[b.start:b.end]: b.kind for b in article.blocks}
    assert kinds["Related posts"] == "heading"
    assert kinds["Spacing out homework gives students time to forget a little before they practise "
                 "again."] == "paragraph"


def test_a_plain_text_thread_under_a_comments_line(tmp_path):
    text = ("Why your partner's silence feels like danger\n\nPosted by Dr. Lena Ortiz | March 3, 2021\n\n"
            "Adults who wrote about their love relationships fell into three styles (Roediger & Karpicke, "
            "2006).\n\nComments\n\nMaria K. says:\nI read the paper last year and it changed how I study.\n\n"
            "Dr. Lena Ortiz replies:\nThank you, Maria! Quizzing yourself works for most students.\n")
    article, *comments = _documents(tmp_path, text, "silence.txt")
    assert [(c.author, c.parent_id) for c in comments] == [
        ("Maria K.", article.id), ("Dr. Lena Ortiz", comments[0].id)]
    assert comments[1].text == "Thank you, Maria! Quizzing yourself works for most students."
    assert article.author == "Dr. Lena Ortiz"


def test_a_comments_section_of_the_article_is_no_thread(tmp_path):
    """'## Comments' over the writer's own remarks, and a thread heading with no comment header
    under it, stay the article's."""
    text = ("# Marking\n\nWritten feedback works when students act on it.\n\n## Comments\n\n"
            "Comments without grades are read; comments next to a grade are ignored.\n\n"
            "## What I changed\n\nI stopped writing grades on drafts.\n")
    docs = _documents(tmp_path, text, "marking.md")
    assert len(docs) == 1
    kinds = {docs[0].text[b.start:b.end]: b.kind for b in docs[0].blocks}
    assert kinds["Comments without grades are read; comments next to a grade are ignored."] == "paragraph"


def test_a_header_inside_an_article_section_named_otherwise_starts_no_thread(tmp_path):
    text = ("# Interview\n\n## What the head teacher said\n\nMrs Clarke said:\n\n"
            "> We moved to weekly quizzes in 2019.\n\nFailure rates fell (Roediger & Karpicke, 2006).\n")
    assert len(_documents(tmp_path, text, "interview.md")) == 1



def test_a_header_set_as_a_deeper_heading(tmp_path):
    text = ARTICLE + ("\n## 2 Comments\n\n#### **Jane Doe** · 3 April 2024\n\nWe quiz on Mondays instead.\n\n"
                      "#### Ravi Patel · 4 April 2024\n\nMondays work for us too.\n")
    article, *comments = _documents(tmp_path, text)
    assert [(c.author, c.date, c.text) for c in comments] == [
        ("Jane Doe", "2024-04-03", "We quiz on Mondays instead."),
        ("Ravi Patel", "2024-04-04", "Mondays work for us too.")]


@pytest.mark.timeout(180)
def test_long_threads_and_many_thread_headings_are_read_in_one_pass(tmp_path):
    """20,000 comments with quoted replies, and 20,000 thread headings with no comment under them:
    each line is looked at once (bounds far above the few seconds they take)."""
    replies = "".join(f"**Name {i % 7}** · 3 March 2024\n\nA comment {i}.\n\n> **Reply** · 4 March 2024\n>\n"
                      f"> Reply {i}.\n\n" for i in range(10_000))
    assert len(_documents(tmp_path, "# T\n\nBody.\n\n## Comments\n\n" + replies)) == 20_001
    headings = "## Comments\n\nNot a comment header.\n\n" * 20_000
    assert len(_documents(tmp_path, "# T\n\nBody.\n\n" + headings)) == 1


# --- 2. an author of a work cited nearby who recommends, calls for, advises, urges ------------------

BIB = r"""
@article{whitlock2019reading, author = {Whitlock, Mara and Osei, Kofi}, year = {2019},
  title = {Reading aloud at home and vocabulary at school entry}, journal = {Child Development}}
@book{dweck2006mindset, author = {Dweck, Carol S.}, year = {2006},
  title = {Mindset: The New Psychology of Success}, publisher = {Random House}}
@book{epstein2019range, author = {Epstein, David}, year = {2019},
  title = {Range: Why Generalists Triumph in a Specialized World}, publisher = {Riverhead}}
@article{nelson2015fixed, author = {Nelson, Ruth}, year = {2015},
  title = {Fixed and growth beliefs in secondary pupils}, journal = {Educational Psychology}}
"""


def _links(tmp_path: Path, text: str) -> dict[str, list[str]]:
    return links_with(tmp_path, text, "post.md", bib=BIB)


def test_an_author_cited_nearby_recommends_calls_for_advises_urges(tmp_path):
    links = _links(tmp_path, "# Reading at bedtime\n\nChildren whose parents read to them every night knew "
                             "more words at school entry (Whitlock & Osei, 2019). Whitlock recommends that "
                             "parents read aloud for at least fifteen minutes a day. Whitlock and Osei also "
                             "call for libraries to lend picture books to every family.\n\n"
                             "Whitlock urges teachers to ask parents about reading at home. "
                             "Osei advised schools to send books home in the holidays.\n")
    assert _of(links, "Whitlock recommends") == ["whitlock2019reading"]
    assert _of(links, "Whitlock and Osei also call for") == ["whitlock2019reading"]
    assert _of(links, "Whitlock urges") == ["whitlock2019reading"]


def test_advice_of_an_author_not_cited_nearby_is_no_evidence(tmp_path):
    """Unlike "Mara Whitlock argued …", a full name that recommends at its first mention is a person
    quoted more often than her work."""
    links = _links(tmp_path, "# Reading at bedtime\n\nMara Whitlock recommends fifteen minutes of "
                             "reading aloud a day. Whitlock urges parents to start early.\n")
    assert _of(links, "Mara Whitlock recommends") == []
    assert _of(links, "Whitlock urges") == []


# --- 3. a stated view of the author's work ------------------------------------------------------


def test_a_stated_view_is_the_authors_work(tmp_path):
    links = _links(tmp_path, "# Two books\n\nIn *Mindset*, Carol Dweck (2006) describes two ways of thinking "
                             "about ability. Dweck's claim is that pupils who see ability as something that "
                             "grows work harder after a failure.\n\nEpstein (2019) reviews the research on "
                             "early specialisation. Epstein's argument is that people who sample widely "
                             "before they specialise do better. Dweck's view was that praise for effort "
                             "matters more than praise for talent. Epstein's central argument is that most "
                             "of modern life is a wicked learning environment.\n")
    assert _of(links, "Dweck's claim is that") == ["dweck2006mindset"]
    assert _of(links, "Epstein's argument is that") == ["epstein2019range"]
    assert _of(links, "Dweck's view was that") == ["dweck2006mindset"]
    assert _of(links, "Epstein's central argument") == ["epstein2019range"]


def test_an_argument_the_writer_discusses_is_no_stated_view(tmp_path):
    links = _links(tmp_path, "# Beliefs\n\nPupils' beliefs about ability predicted their effort (Nelson, "
                             "2015).\n\nGrowth beliefs are easy to teach badly.\n\n"
                             "Nelson's argument fails for pupils who already do well.\n")
    assert _of(links, "Nelson's argument fails") == []
