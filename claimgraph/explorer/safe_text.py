"""Untrusted text made safe for Streamlit's Markdown (st.markdown, st.caption, st.warning, labels).

Streamlit renders those strings as Markdown, so `![x](http://host/beacon)` in an article,
a comment, a BibTeX field, a file name or a URL query parameter would load a remote image
and `[x](javascript:…)` would become a link. `md` escapes every Markdown special with a
backslash and HTML specials as entities, so such text shows literally and links nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Punctuation that makes links, images, emphasis, code, headings, tables, autolinks or $math$ in
# Streamlit's Markdown; & < > become entities. (. - + only make lists at a line start: harmless.)
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#!|~:$^])")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def md(text: object, limit: int = 300) -> str:
    """`text` on one line, at most `limit` characters, escaped so Markdown shows it literally.

    Colons and slashes are escaped too, so GitHub-style autolinks (`http://…`, `www.…`) stay text.
    """
    flat = " ".join(_CONTROL.sub(" ", "" if text is None else str(text)).split())
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    escaped = _MD_SPECIAL.sub(r"\\\1", flat)
    return "".join(_ENTITIES.get(ch, ch) for ch in escaped)


def md_code(text: object, limit: int = 300) -> str:
    """`text` as inline code (Markdown is not interpreted inside it); backticks become quotes."""
    flat = " ".join(str(text or "").split()).replace("`", "'")
    return f"`{flat[:limit]}`"


def nearest(value: str, options: Sequence[str], cutoff: float = 60.0) -> str | None:
    """The option most like `value` (rapidfuzz WRatio ≥ cutoff), else None.

    A value missing only a known prefix ('trauma-and-relationships' for 'doc:…') finds it.
    """
    if not options or not value:
        return None
    from rapidfuzz import fuzz, process

    lowered = value.strip().lower()
    for option in options:
        if option.lower().split(":", 1)[-1] == lowered or option.lower() == lowered:
            return option
    found = process.extractOne(lowered, list(options), scorer=fuzz.WRatio, processor=str.lower,
                               score_cutoff=cutoff)
    return str(found[0]) if found else None
