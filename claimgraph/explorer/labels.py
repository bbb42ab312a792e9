"""Readable, unique labels for documents: two replies by the same person must not merge."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

COMMENT_MARK = "#comment-"
COMMENT_TITLE_PREFIX = "Comment by "


def document_label(document: dict[str, Any]) -> str:
    """'Title' for an article; 'Comment 2.1 by NAME (2017-12-10)' for a comment (number from its id)."""
    doc_id = str(document.get("id") or "")
    title = str(document.get("title") or "").strip() or doc_id
    date = str(document.get("date") or "").strip()
    if COMMENT_MARK in doc_id:
        number = doc_id.rsplit(COMMENT_MARK, 1)[1]
        if title.startswith(COMMENT_TITLE_PREFIX):
            title = f"Comment {number} by {title[len(COMMENT_TITLE_PREFIX):]}"
        else:
            title = f"{title} (comment {number})"
    return f"{title} ({date})" if date else title


def document_labels(documents: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Document id -> label, in the given (reading) order; a label that still repeats gets its id."""
    labels = {str(d["id"]): document_label(d) for d in documents}
    seen: dict[str, int] = {}
    for label in labels.values():
        seen[label] = seen.get(label, 0) + 1
    return {doc_id: label if seen[label] == 1 else f"{label} [{doc_id}]" for doc_id, label in labels.items()}


SHORT_TITLE_CHARS = 30


def short_document_label(document: dict[str, Any]) -> str:
    """A label that fits a table column: 'Trauma and Relationships: How…'; 'Comment 2.1, Apigian'."""
    doc_id = str(document.get("id") or "")
    title = " ".join(str(document.get("title") or "").split()) or doc_id
    if COMMENT_MARK in doc_id:
        number = doc_id.rsplit(COMMENT_MARK, 1)[1]
        name = title[len(COMMENT_TITLE_PREFIX):] if title.startswith(COMMENT_TITLE_PREFIX) else ""
        family = name.split()[-1] if name.split() else ""
        return f"Comment {number}, {family}" if family else f"Comment {number}"
    return title if len(title) <= SHORT_TITLE_CHARS else title[: SHORT_TITLE_CHARS - 1].rstrip() + "…"


def short_document_labels(documents: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Document id -> short label; labels that would repeat get the end of their id."""
    labels = {str(d["id"]): short_document_label(d) for d in documents}
    seen: dict[str, int] = {}
    for label in labels.values():
        seen[label] = seen.get(label, 0) + 1
    return {doc_id: label if seen[label] == 1 else f"{label} ({doc_id.split(':', 1)[-1][-12:]})"
            for doc_id, label in labels.items()}
