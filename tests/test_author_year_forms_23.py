"""Author–year forms of fresh10's Professions & Professionalism articles (23rd stop): a narrative
citation whose parenthesis opens with a pointer, "Abbott (e.g. 1988) and Freidson (e.g., 1970, 2001)",
"Smith (see 2004)", "Jones (cf. 1999)" — and not a parenthesis of words ("(e.g. nurses)")."""

from __future__ import annotations

from pathlib import Path

from ingest.evaluate import predicted_links

TEXT = """# Professions

Professions have received attention, and Abbott (e.g. 1988) and Freidson (e.g., 1970, 2001) have been \
among the most influential.

Management reforms changed hospitals, as Smith (see 2004) and Jones (cf. 1999) describe.

Freidson (e.g. nurses and doctors) wrote about autonomy at length.

## References

Abbott, A. (1988). The system of professions. Chicago: University of Chicago Press.

Freidson, E. (1970). Profession of medicine. New York: Dodd, Mead.

Freidson, E. (2001). Professionalism: the third logic. Cambridge: Polity.

Jones, B. (1999). Hospital management in Norway. Oslo: Universitetsforlaget.

Smith, C. (2004). Managers and doctors. London: Routledge.
"""


def test_a_pointer_inside_a_narrative_citations_parenthesis(tmp_path: Path) -> None:
    path = tmp_path / "professions.md"
    path.write_text(TEXT, encoding="utf-8")
    links, _ = predicted_links(path)
    assert {text.split()[0]: sorted(keys) for text, keys in links.items()} == {
        "Professions": ["abbott1988", "freidson1970", "freidson2001"],
        "Management": ["jones1999", "smith2004"],
        "Freidson": [],
    }
