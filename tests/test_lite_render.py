"""claimgraph.lite: the CLI's own table/text renderer (rich's imports cost more than the query)."""

from __future__ import annotations

import io

from claimgraph.lite import Console, Table, Text


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def render(table: Table, width: int, file: io.StringIO | None = None) -> list[str]:
    out = file or io.StringIO()
    Console(file=out, width=width).print(table)
    return out.getvalue().splitlines()


def claims_table() -> Table:
    table = Table(title="Claims", caption="claims 1–2 of 2")
    table.add_column("id", no_wrap=True, overflow="ignore")
    table.add_column("document", no_wrap=True, overflow="ellipsis", max_width=8)
    table.add_column("ev", justify="right")
    table.add_column("text", ratio=1)
    table.add_row("claim:0123456789ab", "doc:a-long-document-id", "3", "word " * 40 + "[bold]markup[/bold]")
    table.add_row("claim:ba9876543210", "doc:b", "12", "short")
    return table


def test_table_fits_the_width_and_never_breaks_ids() -> None:
    lines = render(claims_table(), 60)
    body = lines[1:-1]
    assert all(len(line) == len(body[0]) <= 60 for line in body)
    assert body[0].startswith("┏") and body[-1].startswith("└")
    text = "\n".join(lines)
    assert "claim:0123456789ab" in text and "claim:ba9876543210" in text
    assert "doc:a-l…" in text and "doc:a-long" not in text
    assert "[bold]markup[/bold]" in "".join(line.strip("│ ") for line in lines)  # printed, not interpreted
    assert "\x1b[" not in text
    assert lines[0].strip() == "Claims" and lines[-1].strip() == "claims 1–2 of 2"
    assert "│ 12 │" in text and "│  3 │" in text  # right-justified counts


def test_every_character_is_kept_when_text_wraps() -> None:
    lines = render(claims_table(), 50)
    cells = [line.split("│")[4].strip() for line in lines if line.startswith("│")]
    assert all(len(line) <= 50 for line in lines)
    assert "".join(cells).replace(" ", "") == ("word" * 40 + "[bold]markup[/bold]short")


def test_styles_become_ansi_codes_only_on_a_terminal() -> None:
    text = Text("plain ")
    text.append("bold", style="bold")
    text.stylize("underline", 0, 5)
    tty = Tty()
    Console(file=tty, width=40).print(text)
    assert "\x1b[1mbold\x1b[0m" in tty.getvalue() and "\x1b[4mplain\x1b[0m" in tty.getvalue()
    piped = io.StringIO()
    Console(file=piped, width=40).print(text)
    assert piped.getvalue() == "plain bold\n"


def test_long_text_wraps_at_the_console_width() -> None:
    out = io.StringIO()
    Console(file=out, width=20).print(Text("alpha beta gamma delta epsilon zeta eta theta"))
    lines = out.getvalue().splitlines()
    assert all(len(line) <= 20 for line in lines) and " ".join(lines).split() == \
        "alpha beta gamma delta epsilon zeta eta theta".split()
