"""Forgiving lookups for the CLI: ids by unique prefix, and why a filter matched nothing.

`resolve_id` accepts `claim:18ef395d6af5`, `claim:18ef`, `18ef395d6af5` and upper case, and
raises LookupFailed (one line, with candidates) when an id is ambiguous or unknown.
`check_named_things` refuses a filter naming a work or document the store lacks, with the
nearest valid value (`--source herman` → herman1992trauma; `--document x` → doc:x);
`explain_no_claims` tells, for a valid filter that matched nothing, which part is to blame.
Only the Store contract is used, so both backends give the same answers.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from graph.model import ClaimFilter
from graph.schema import Label, claim_id

CLAIM_PREFIX = claim_id("", "").split(":", 1)[0] + ":"  # "claim:", spelled by graph.schema
SHOWN = 5  # candidates named in one error line
MIN_PREFIX = 4  # characters after the label prefix a shortened suggestion keeps at least


class LookupFailed(Exception):
    """An id that names no node, or more than one; the message is the whole line."""


def _variants(given: str, label: Label | None) -> list[str]:
    """What the user may have meant: as typed, lower case, and with `claim:` added to a bare hash."""
    text = given.strip()
    forms = [text, text.lower()]
    if label == Label.CLAIM and ":" not in text:
        forms += [CLAIM_PREFIX + text, CLAIM_PREFIX + text.lower()]
    if label == Label.CLAIM and text.lower().startswith(CLAIM_PREFIX) and not text.startswith(CLAIM_PREFIX):
        forms.append(CLAIM_PREFIX + text[len(CLAIM_PREFIX):].lower())
    return list(dict.fromkeys(f for f in forms if f))


def _listed(ids: list[str], more: bool) -> str:
    return ", ".join(ids[:SHOWN]) + (", …" if more else "")


def resolve_id(store: Any, given: str, label: Label | None, what: str, listing: str) -> str:
    """The one id of `label` (any label if None) that `given` names exactly or as a unique prefix.

    `what` names the kind in messages ("claim"), `listing` the command that lists ids.
    """
    variants = _variants(given, label)
    for variant in variants:
        node = store.node(variant)
        if node is not None and (label is None or node.label == label):
            return variant
    found: list[str] = []
    for variant in variants:
        found += store.ids_with_prefix(variant, label, limit=SHOWN + 1)
    found = sorted(set(found))
    if len(found) == 1:
        return found[0]
    if found:
        raise LookupFailed(f"{what} {given!r} is ambiguous: it begins {_listed(found, len(found) > SHOWN)}; "
                           "give more characters")
    near = _nearby_ids(store, variants[-1], label)
    if not near and label == Label.SOURCE:
        near = nearest(given, store.source_keys())
    hint = f"; did you mean {_listed(near, False)}?" if near else ""
    raise LookupFailed(f"no {what} {given!r} in the store{hint} (`{listing}` lists them)")


def _nearby_ids(store: Any, typed: str, label: Label | None) -> list[str]:
    """Ids sharing the longest beginning with `typed` (a mistyped last characters), if any is close."""
    head = typed.find(":") + 1
    for end in range(len(typed) - 1, head + MIN_PREFIX - 1, -1):
        found = store.ids_with_prefix(typed[:end], label, limit=SHOWN)
        if found:
            return found
    return []


def nearest(value: str, choices: Iterable[str], limit: int = 3) -> list[str]:
    """The choices closest to `value`: those that start with or contain it (any case) first, else
    the best fuzzy matches (rapidfuzz) that are close enough to be worth suggesting."""
    options = list(dict.fromkeys(choices))
    folded = value.strip().casefold()
    if not folded or not options:
        return []
    starts = [c for c in options if c.casefold().startswith(folded)]
    contains = [c for c in options if folded in c.casefold() and c not in starts]
    if starts or contains:
        return (starts + contains)[:limit]
    from rapidfuzz import fuzz, process, utils

    matches = process.extract(value, options, scorer=fuzz.WRatio, processor=utils.default_process,
                              limit=limit, score_cutoff=60)
    return [match[0] for match in matches]


def _did_you_mean(options: list[str]) -> str:
    return f"did you mean {' or '.join(repr(o) for o in options)}?" if options else ""


def _suggest(options: list[str]) -> str:
    """': did you mean a or b?' for an error line, or ''."""
    return f": did you mean {' or '.join(options)}?" if options else ""


def check_named_things(store: Any, flt: ClaimFilter) -> None:
    """LookupFailed when a filter names a cited work or a document the store does not hold:
    that is an unknown id (exit 2), with the nearest valid value; a valid filter matching
    nothing is not an error (see explain_no_claims)."""
    if flt.source_id and not store.resolve_source(flt.source_id):
        near = nearest(flt.source_id, store.source_keys())
        raise LookupFailed(f"no cited work {flt.source_id!r} in the store (a work id, DOI or citing key)"
                           f"{_suggest(near)} (`claimgraph sources` lists them)")
    if flt.document_id and store.node(flt.document_id) is None:
        raise LookupFailed(_unknown_document(store, flt.document_id))


def _unknown_document(store: Any, value: str) -> str:
    documents = [d["id"] for d in store.documents()]
    option = f"--document {value!r}"
    prefixed = [d for d in documents if d in (f"doc:{value}", f"doc:{value.lower()}")]
    if prefixed:
        return f"{option} is not a document id (ids start with doc:): did you mean {prefixed[0]}?"
    near = nearest(value, documents) or nearest(value.removeprefix("doc:"), documents)
    return f"{option} is no document{_suggest(near)} (`claimgraph documents` lists them)"


def explain_no_claims(store: Any, flt: ClaimFilter) -> str:
    """Why `flt` matched no claim, naming the filter to blame and the nearest valid value."""
    given = {name: value for name, value in vars(flt).items() if value}
    if not given:
        return "the store holds no claims yet: run `claimgraph ingest` or `claimgraph demo`"
    reasons = [reason for name, value in given.items() if (reason := _explain_one(store, name, value))]
    if reasons:
        return "; ".join(reasons)
    together = ", ".join(f"--{OPTION_NAMES[name]} {value!r}" for name, value in given.items())
    return f"each of {together} matches claims, but no claim matches all of them: leave one out"


OPTION_NAMES = {"status": "status", "document_id": "document", "section": "section", "source_id": "source",
                "kind": "kind", "text": "search", "design": "design", "only_design": "only-design",
                "stance": "stance"}


def _explain_one(store: Any, name: str, value: str) -> str:
    """Why this one filter alone matches nothing ('' if it matches claims by itself)."""
    if store.claims(ClaimFilter(**{name: value}), limit=0).total:
        return ""
    option = f"--{OPTION_NAMES[name]} {value!r}"
    if name == "document_id":
        if store.node(value) is not None:
            return f"{option}: that document has no claims"
        return _unknown_document(store, value)
    if name == "source_id":
        if store.resolve_source(value):
            return f"{option}: no claim rests on that work"
        return f"{option} names no cited work{_suggest(nearest(value, store.source_keys()))}"
    if name == "section":
        near = nearest(value, store.sections())
        return f"{option} is no section heading; {_did_you_mean(near) or 'sections are exact headings'}"
    if name == "text":
        return f"{option}: no claim contains that text"
    if name == "design":
        return f"{option}: no claim's strongest supporting work has that design"
    if name == "only_design":
        return f"{option}: no claim rests only on works of those designs"
    if name == "stance":
        return f"{option}: no claim has a citation of that stance"
    return f"{option}: no claim has that {name}"
