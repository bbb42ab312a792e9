"""A small terminal renderer for the CLI: styled text, boxed tables and a console, rich-compatible
for the parts `claimgraph.render` uses.

`rich` costs about 200 ms of imports (rich.table alone ~120 ms), more than the store query a
`claimgraph claims` runs; this module imports only the standard library. Styles ("bold", "dim",
"italic", "underline", "reverse", and colours) become ANSI codes on a terminal and nothing
otherwise; tables use rich's default heavy-head box, so output looks as it did.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import Any, TextIO

SGR = {"bold": "1", "dim": "2", "italic": "3", "underline": "4", "reverse": "7",
       "red": "31", "green": "32", "yellow": "33", "blue": "34", "magenta": "35", "cyan": "36"}
ELLIPSIS = "…"


def _codes(style: str) -> list[str]:
    return [SGR[word] for word in style.split() if word in SGR]


class Text:
    """A string with styled spans (`append`, `stylize`, `append_text` as in rich.text.Text)."""

    def __init__(self, text: str = "", style: str = "") -> None:
        self.plain = ""
        self.spans: list[tuple[int, int, str]] = []
        if text:
            self.append(text, style)

    def __len__(self) -> int:
        return len(self.plain)

    def append(self, text: str, style: str = "") -> Text:
        start = len(self.plain)
        self.plain += text
        if style and text:
            self.spans.append((start, len(self.plain), style))
        return self

    def append_text(self, other: Text) -> Text:
        shift = len(self.plain)
        self.plain += other.plain
        self.spans += [(s + shift, e + shift, style) for s, e, style in other.spans]
        return self

    def stylize(self, style: str, start: int = 0, end: int | None = None) -> None:
        end = len(self.plain) if end is None else min(end, len(self.plain))
        if style and start < end:
            self.spans.append((max(0, start), end, style))

    def slice(self, start: int, end: int) -> Text:
        part = Text(self.plain[start:end])
        part.spans = [(max(s, start) - start, min(e, end) - start, st) for s, e, st in self.spans
                      if s < end and e > start]
        return part

    def render(self, ansi: bool) -> str:
        """The text, with ANSI SGR codes when `ansi`."""
        if not ansi or not self.spans:
            return self.plain
        cuts = sorted({0, len(self.plain), *(p for s, e, _ in self.spans for p in (s, e))})
        out = []
        for a, b in zip(cuts, cuts[1:], strict=False):
            codes = [c for s, e, st in self.spans if s <= a and e >= b for c in _codes(st)]
            piece = self.plain[a:b]
            out.append(f"\x1b[{';'.join(codes)}m{piece}\x1b[0m" if codes else piece)
        return "".join(out)

    def wrap(self, width: int, fold_words: bool = True) -> list[Text]:
        """Lines of at most `width` characters, broken at spaces (long words folded)."""
        lines: list[Text] = []
        for start, end in _line_ranges(self.plain, max(1, width), fold_words):
            lines.append(self.slice(start, end))
        return lines or [Text()]


def _line_ranges(text: str, width: int, fold_words: bool) -> list[tuple[int, int]]:
    """(start, end) of each wrapped line of `text` (explicit newlines kept, trailing spaces dropped)."""
    ranges: list[tuple[int, int]] = []
    offset = 0
    for raw in text.split("\n"):
        start, n = 0, len(raw)
        if n == 0:
            ranges.append((offset, offset))
        while start < n:
            end = min(start + width, n)
            if end < n:
                space = raw.rfind(" ", start, end + 1)
                if space > start:
                    end = space
                elif not fold_words:
                    next_space = raw.find(" ", end)
                    end = n if next_space < 0 else next_space
            ranges.append((offset + start, offset + end))
            start = end
            while start < n and raw[start] == " ":
                start += 1
        offset += n + 1
    return ranges


@dataclass
class Column:
    header: str
    no_wrap: bool = False
    overflow: str = "fold"  # fold | ellipsis | ignore
    max_width: int | None = None
    ratio: int | None = None
    justify: str = "left"
    cells: list[Text] = field(default_factory=list)


class Table:
    """A boxed table (rich's default heavy-head box) with a title above and a caption below."""

    def __init__(self, title: str | None = None, caption: str | None = None, title_justify: str = "center",
                 **_ignored: Any) -> None:
        self.title, self.caption, self.title_justify = title, caption, title_justify
        self.columns: list[Column] = []

    def add_column(self, header: str, no_wrap: bool = False, overflow: str = "fold",
                   max_width: int | None = None, ratio: int | None = None, justify: str = "left") -> None:
        self.columns.append(Column(header, no_wrap, overflow, max_width, ratio, justify))

    def add_row(self, *cells: Text | str) -> None:
        for column, cell in zip(self.columns, cells, strict=True):
            column.cells.append(cell if isinstance(cell, Text) else Text(str(cell)))

    def _widths(self, width: int) -> list[int]:
        natural = []
        for col in self.columns:
            wanted = max([len(col.header), *(len(c) for c in col.cells)])
            natural.append(min(wanted, col.max_width) if col.max_width else wanted)
        room = width - (3 * len(self.columns) + 1)
        flexible = [i for i, col in enumerate(self.columns) if col.ratio]
        if sum(natural) <= room or not flexible:
            return natural
        fixed = sum(w for i, w in enumerate(natural) if i not in flexible)
        share = max(1, (room - fixed) // len(flexible))
        widths = list(natural)
        spare = room - fixed
        for i in sorted(flexible, key=lambda i: natural[i]):  # narrow ones keep their width
            widths[i] = max(1, min(natural[i], max(share, spare // max(1, len(flexible)))))
            spare -= widths[i]
            flexible = [j for j in flexible if j != i]
        return widths

    def _cell_lines(self, col: Column, cell: Text, width: int) -> list[Text]:
        if col.overflow == "ellipsis" and len(cell) > width:
            return [cell.slice(0, max(0, width - 1)).append(ELLIPSIS)]
        if col.no_wrap or col.overflow == "ignore":
            return [cell]
        return cell.wrap(width)

    def render(self, width: int, ansi: bool) -> list[str]:
        widths = self._widths(width)
        total = sum(widths) + 3 * len(widths) + 1
        lines = []

        def rule(left: str, mid: str, right: str, fill: str) -> str:
            return left + mid.join(fill * (w + 2) for w in widths) + right

        def row(cells: list[list[Text]], bar: str, styles: str = "") -> None:
            height = max(len(c) for c in cells)
            for k in range(height):
                parts = []
                for col, lines_of, w in zip(self.columns, cells, widths, strict=True):
                    piece = lines_of[k] if k < len(lines_of) else Text()
                    pad = " " * max(0, w - len(piece))
                    text = Text().append_text(piece)
                    if styles:
                        text.stylize(styles)
                    shown = text.render(ansi)
                    parts.append(f" {pad}{shown} " if col.justify == "right" else f" {shown}{pad} ")
                lines.append(bar + bar.join(parts) + bar)

        if self.title:
            lines.append(_placed(Text(self.title, "italic"), total, self.title_justify, ansi))
        lines.append(rule("┏", "┳", "┓", "━"))
        row([[Text(col.header)] for col in self.columns], "┃", "bold")
        lines.append(rule("┡", "╇", "┩", "━"))
        for r in range(len(self.columns[0].cells) if self.columns else 0):
            row([self._cell_lines(col, col.cells[r], w) for col, w in zip(self.columns, widths, strict=True)],
                "│")
        lines.append(rule("└", "┴", "┘", "─"))
        if self.caption:
            lines.append(_placed(Text(self.caption, "dim italic"), total, "center", ansi))
        return lines


def _placed(text: Text, width: int, justify: str, ansi: bool) -> str:
    """One line of text centred (or left) within width."""
    pad = max(0, width - len(text)) // 2 if justify == "center" else 0
    return " " * pad + text.render(ansi)


class Console:
    """Prints Text, Table and str to a file, `width` columns wide, ANSI codes only on a terminal."""

    def __init__(self, file: TextIO | None = None, width: int | None = None, **_ignored: Any) -> None:
        self.file = file or sys.stdout
        self.ansi = self.file.isatty() and not os.environ.get("NO_COLOR")
        if width is None:
            try:
                width = os.get_terminal_size(self.file.fileno()).columns
            except (OSError, ValueError, AttributeError):
                width = int(os.environ.get("COLUMNS") or 80)
        self.width = width

    def print(self, item: Text | Table | str = "", markup: bool = False) -> None:
        if isinstance(item, Table):
            lines = item.render(self.width, self.ansi)
        else:
            text = item if isinstance(item, Text) else Text(str(item))
            lines = [line.render(self.ansi) for line in text.wrap(self.width)]
        self.file.write("\n".join(lines) + "\n")
