"""Server-rendered SVG charts: no chart library, no JavaScript, readable without colour
(every bar carries its number as text, every chart a title and a description).

An SVG scales with its card, and so does its text: the dashboard draws each chart twice, at its
desktop width and at a phone's (NARROW), and CSS shows the one that fits, so labels stay at least
11 px at 390 px (the narrow drawing uses a 13-unit font in a viewBox about as wide as the card)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

NARROW = 340
TEXT = "#1d232a"  # chart text on white: 16:1


def _font(size: int) -> str:
    return f'font-family="system-ui, sans-serif" font-size="{size}" fill="{TEXT}"'


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    colour: str = "#2f6690"
    text: str = ""  # shown next to the bar; defaults to the value


@dataclass(frozen=True)
class Series:
    label: str
    colour: str


def _open(width: int, height: int, title: str, desc: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
        f'role="img" aria-label="{escape(title)}" class="chart" preserveAspectRatio="xMinYMin meet">',
        f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>",
    ]


def hbar_chart(bars: Sequence[Bar], *, title: str, desc: str, width: int = 560, label_width: int = 150,
               font_size: int = 12) -> SafeString:
    """Horizontal bars, one per row, each labelled with its name and its number."""
    font = _font(font_size)
    chars = _chars(label_width, font_size)
    row = 26 if font_size <= 12 else 30
    height = max(row * len(bars) + 10, 40)
    top = max((b.value for b in bars), default=0) or 1
    room = width - label_width - 70
    out = _open(width, height, title, desc)
    for i, bar in enumerate(bars):
        y = 5 + i * row
        length = max(bar.value / top * room, 1 if bar.value else 0)
        out.append(
            _label(label_width - 8, y + 16, bar.label, chars, font) +
            f'<rect x="{label_width}" y="{y + 3}" width="{length:.1f}" height="18" fill="{escape(bar.colour)}" rx="2">'
            f"<title>{escape(bar.label)}: {escape(bar.text or _num(bar.value))}</title></rect>"
            f'<text x="{label_width + length + 6:.1f}" y="{y + 16}" {font}>{escape(bar.text or _num(bar.value))}</text>'
        )
    if not bars:
        out.append(f'<text x="10" y="25" {font}>—</text>')
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every interpolated string is escaped above


def stacked_columns(
    columns: Sequence[tuple[str, Sequence[float]]],
    series: Sequence[Series],
    *,
    title: str,
    desc: str,
    width: int = 1200,
    height: int = 230,
    font_size: int = 12,
) -> SafeString:
    """Stacked columns over time (one column per period, one segment per series) with a legend."""
    font = _font(font_size)
    per_row = max(1, min(4, (width - 36) // 165))
    legend_h = 22 * ((len(series) + per_row - 1) // per_row)
    plot_h = height - 40
    left = 36
    # An even top keeps the middle grid line on a whole number.
    top_value = max((sum(values) for _, values in columns), default=0)
    top_value = max(2, top_value + top_value % 2)
    slot = (width - left - 10) / max(len(columns), 1)
    out = _open(width, height + legend_h + 12, title, desc)
    for tick in (0, 0.5, 1):
        y = 10 + plot_h - tick * plot_h
        out.append(
            f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d0d5da"/>'
            f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" {font}>{_num(top_value * tick)}</text>'
        )
    # Date labels never overlap: one every few columns, as many as fit the width.
    room = max(1, int((width - left) / (font_size * 4)))
    label_every = max(1, -(-len(columns) // room))
    for i, (label, values) in enumerate(columns):
        x = left + i * slot + slot * 0.15
        y = 10 + plot_h
        for value, s in zip(values, series, strict=True):
            h = value / top_value * plot_h
            if h <= 0:
                continue
            y -= h
            out.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.7:.1f}" height="{h:.1f}" fill="{escape(s.colour)}">'
                f"<title>{escape(label)} · {escape(s.label)}: {_num(value)}</title></rect>"
            )
        if i % label_every == 0:
            out.append(f'<text x="{x:.1f}" y="{height - 14}" {font}>{escape(label)}</text>')
    for i, s in enumerate(series):
        lx = left + (i % per_row) * ((width - left) // per_row)
        ly = height + 14 + 22 * (i // per_row)
        out.append(
            f'<rect x="{lx}" y="{ly - 10}" width="12" height="12" fill="{escape(s.colour)}"/>'
            f'<text x="{lx + 18}" y="{ly}" {font}>{escape(s.label)}</text>'
        )
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every interpolated string is escaped above


def share_bars(rows: Sequence[tuple[str, int, int]], *, title: str, desc: str, ok_label: str,
               failed_label: str, width: int = 560, label_width: int = 150, font_size: int = 12) -> SafeString:
    """One 100% bar per row (e.g. a provider): the succeeded share, the failed share, and the rate as text."""
    font = _font(font_size)
    chars = _chars(label_width, font_size)
    row = 28 if font_size <= 12 else 32
    room = width - label_width - 80
    out = _open(width, max(row * len(rows) + 10, 40), title, desc)
    for i, (label, ok, failed) in enumerate(rows):
        total = ok + failed
        y = 5 + i * row
        ok_w = room * ok / total if total else 0
        rate = f"{100 * ok / total:.0f} %" if total else "—"
        out.append(
            _label(label_width - 8, y + 16, label, chars, font) +
            f'<rect x="{label_width}" y="{y + 3}" width="{ok_w:.1f}" height="18" fill="#1e7b3a">'
            f"<title>{escape(ok_label)}: {ok}</title></rect>"
            f'<rect x="{label_width + ok_w:.1f}" y="{y + 3}" width="{room - ok_w:.1f}" height="18" fill="#b3261e" '
            f'fill-opacity="{0.85 if total else 0.1}"><title>{escape(failed_label)}: {failed}</title></rect>'
            f'<text x="{label_width + room + 6}" y="{y + 16}" {font}>{rate}</text>'
        )
    if not rows:
        out.append(f'<text x="10" y="25" {font}>—</text>')
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every interpolated string is escaped above


def _chars(label_width: int, font_size: int) -> int:
    return max(6, int((label_width - 10) / (font_size * 0.56)))


def _label(x: float, y: float, label: str, chars: int, font: str) -> str:
    """A row's name, right-aligned before its bar; a name cut to fit keeps the whole as a tooltip."""
    shown = _cut(label, chars)
    tip = f"<title>{escape(label)}</title>" if shown != label else ""
    return f'<text x="{x}" y="{y}" text-anchor="end" {font}>{tip}{escape(shown)}</text>'


def _cut(label: str, chars: int) -> str:
    """A label that fits its room, cut at a word when it can be (the full name is in the bar's title)."""
    if len(label) <= chars:
        return label
    head = label[: chars - 1]
    if " " in head[chars // 2 :]:
        head = head[: head.rindex(" ")]
    return head.rstrip() + "…"


def _num(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() or value >= 10 else f"{value:.1f}"
