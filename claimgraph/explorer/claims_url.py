"""The Claims page view as URL query parameters, so every filtered, sorted page is a permalink.

`?page=claims&status=cited&source=jordan1992problems&q=vietnam&sort=text&desc=1&p=2` names
a view (`design=trial-or-meta-analysis` and `contrasting=1` name the support-profile facets); only
values that differ from the defaults are written. Reading a URL checks every value against what the
store and the page offer and drops what does not fit, with a note.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, MutableMapping
from dataclasses import dataclass
from typing import Any

ANY = "(any)"
DEFAULT_SORT = "position"
DEFAULT_ROWS = 50


@dataclass(frozen=True)
class UrlField:
    """One query parameter, the widget key holding its value, and that widget's default."""

    param: str
    key: str
    default: Any
    noun: str
    flag: bool = False  # a checkbox: '1' in the URL when ticked


FILTER_FIELDS = (
    UrlField("status", "f_status", ANY, "support status"),
    UrlField("kind", "f_kind", ANY, "claim kind"),
    UrlField("document", "f_document", ANY, "document"),
    UrlField("section", "f_section", ANY, "section of that document"),
    UrlField("source", "f_source", ANY, "source"),
    UrlField("design", "f_design", ANY, "support design"),
)
CONTRASTING_FIELD = UrlField("contrasting", "f_contrasting", False, "contrasting flag (use 1)", flag=True)
TEXT_FIELD = UrlField("q", "f_text", "", "text")
SORT_FIELD = UrlField("sort", "claims_sort", DEFAULT_SORT, "sort column")
DESC_FIELD = UrlField("desc", "claims_desc", False, "descending flag (use 1)", flag=True)
ROWS_FIELD = UrlField("rows", "claims_limit", DEFAULT_ROWS, "rows per page")
PAGE_FIELD = UrlField("p", "claims_page", 1, "page number")
FIELDS = (*FILTER_FIELDS, CONTRASTING_FIELD, TEXT_FIELD, SORT_FIELD, DESC_FIELD, ROWS_FIELD, PAGE_FIELD)
PARAMS = frozenset(f.param for f in FIELDS)


def _as_text(field: UrlField, value: Any) -> str | None:
    """`value` as it goes in the URL, or None when it is the default (and so stays out)."""
    if field.flag:
        return "1" if value else None
    if field is TEXT_FIELD:
        text = (value or "").strip()
        return text or None
    if value in (field.default, None, "") or str(value) == str(field.default):
        return None
    return str(value)


def view_params(state: Mapping[str, Any]) -> dict[str, str]:
    """The non-default parts of the view the widget values in `state` describe, as query parameters."""
    params: dict[str, str] = {}
    for field in FIELDS:
        text = _as_text(field, state.get(field.key, field.default))
        if text is not None:
            params[field.param] = text
    return params


def _positive_int(text: str) -> int | None:
    """`text` as a whole number of at least 1, else None."""
    return int(text) if text.strip().isdigit() and int(text) >= 1 else None


def _parse(field: UrlField, text: str, choices: Mapping[str, Collection[Any]]) -> tuple[bool, Any]:
    """(ok, value) for one parameter's text; choices maps widget keys to their allowed values."""
    if field is TEXT_FIELD:
        return True, text
    if field.flag:
        flag = text.strip().lower()
        return flag in ("1", "0", "true", "false"), flag in ("1", "true")
    if field in (ROWS_FIELD, PAGE_FIELD):
        number = _positive_int(text)
        allowed = choices.get(field.key)
        return number is not None and (allowed is None or number in allowed), number
    allowed = choices.get(field.key, ())
    matches = [option for option in allowed if str(option) == text]
    return bool(matches), matches[0] if matches else None


def _suggestion(text: str, allowed: Collection[Any]) -> str | None:
    """The allowed value nearest to `text` ('trauma-and-relationships' -> 'doc:trauma-and-relationships')."""
    from claimgraph.explorer.safe_text import nearest

    return nearest(text, [str(option) for option in allowed])


def restore(params: Mapping[str, str], state: MutableMapping[str, Any],
            choices: Mapping[str, Collection[Any]]) -> list[str]:
    """Set widget values in `state` from URL `params`; returns one note per value that was dropped.

    Every field the URL does not name goes back to its default, so the link shows exactly its view.
    """
    notes: list[str] = []
    for field in FIELDS:
        state[field.key] = field.default
        if field.param not in params:
            continue
        text = str(params[field.param])
        ok, value = _parse(field, text, choices)
        if ok:
            state[field.key] = value
        else:
            hint = _suggestion(text, choices.get(field.key, ()))
            notes.append(f"{field.param}={text!r} is not a known {field.noun}"
                         + (f" (did you mean {hint!r}?)" if hint else ""))
    return notes
