"""Blog-text classes of the 26th stop (branch blogfix18), from the error classes of every blog set
(docs/extraction.md, "26th stop"), each on texts of its own with a positive case and a look-alike negative.
"""

from __future__ import annotations

from pathlib import Path

import link_helpers

BIB = """
@misc{rhgndroses, author = {{Royal Hedgerow Guild}}, year = {n.d.},
  title = {Growing roses by a hedge}, howpublished = {RHG advice}}
@misc{rhgndwalls, author = {{Rural Heritage Group}}, year = {n.d.},
  title = {Dry stone walls}, howpublished = {RHG leaflets}}
"""


def _links(tmp_path: Path, text: str, name: str = "post.md", bib: str = BIB) -> dict[str, list[str]]:
    return link_helpers.links_in(tmp_path, bib, text, name)


def test_group_author_with_its_abbreviation_and_no_year(tmp_path: Path) -> None:
    text = ("# Hedges\n\n"
            "Roses grown along a hedge need more water in summer (Royal Hedgerow Guild [RHG], n.d.).\n\n"
            "A wall of dry stone shelters the roots too (Rural Heritage Group, n.d.).\n\n"
            "Mulch keeps the soil cool (Royal Hedgerow Guild [RHG], 2019).\n")
    links = _links(tmp_path, text)
    assert link_helpers.linked(links, "Roses grown along") == ["rhgndroses"]
    assert link_helpers.linked(links, "A wall of dry stone") == ["rhgndwalls"]
    # the look-alike: the same group with a year the .bib does not give cites no undated entry
    assert link_helpers.linked(links, "Mulch keeps") == []
