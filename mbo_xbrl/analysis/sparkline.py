"""One indicator's years on an institution's page, as a small inline SVG written as text.

An institution's page holds a chart per indicator: about 35 per page, some 1,800 for the sector. Drawn
by matplotlib that is minutes (about 0.15 s a figure); these few lines of SVG cost microseconds each, so
`report --all-institutions` takes seconds (docs/analysis.md). What the chart shows: the sector's middle
half (Q1–Q3) of each year's realisations as a grey band, its median as a grey line, the institution's
straight path from start to 2027 target as a dashed blue line, and its realisations as dots, filled when on
track and open when behind. Text is escaped; numbers are in the page's language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

WIDTH, HEIGHT = 260, 110
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 8, 18
BLUE, ORANGE, GREY, BAND = "#1f5fa8", "#c2570c", "#7b8794", "#dde3ea"


@dataclass
class Series:
    """What one indicator's chart shows; years are calendar years, values in the indicator's unit."""

    start_year: int
    start: float
    target_year: int
    target: float
    realisations: dict[int, tuple[float, bool]] = field(default_factory=dict)  # year -> (value, on track)
    sector: dict[int, tuple[float, float, float]] = field(default_factory=dict)  # year -> (q1, median, q3)


def svg(series: Series, label: str, number: Callable[[float], str]) -> str:
    """The chart as an <svg> element; `label` is its accessible description, `number` formats an axis value."""
    values = [series.start, series.target] + [v for v, _ in series.realisations.values()] \
        + [x for band in series.sector.values() for x in (band[0], band[2])]
    low, high = min(values), max(values)
    if high - low < 1e-9:
        low, high = low - 1, high + 1
    pad = (high - low) * 0.08
    low, high = low - pad, high + pad
    first, last = series.start_year, max([series.target_year, *series.realisations, *series.sector])

    def x(year: float) -> float:
        return LEFT + (year - first) / max(last - first, 1) * (WIDTH - LEFT - RIGHT)

    def y(value: float) -> float:
        return TOP + (high - value) / (high - low) * (HEIGHT - TOP - BOTTOM)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
             f'height="{HEIGHT}" role="img" aria-label="{escape(label)}"><title>{escape(label)}</title>']
    years = sorted(series.sector)
    if len(years) > 1:
        upper = " ".join(f"{x(t):.1f},{y(series.sector[t][2]):.1f}" for t in years)
        lower = " ".join(f"{x(t):.1f},{y(series.sector[t][0]):.1f}" for t in reversed(years))
        parts.append(f'<polygon points="{upper} {lower}" fill="{BAND}"/>')
        middle = " ".join(f"{x(t):.1f},{y(series.sector[t][1]):.1f}" for t in years)
        parts.append(f'<polyline points="{middle}" fill="none" stroke="{GREY}" stroke-width="1.2"/>')
    for t in years if len(years) == 1 else []:
        q1, median, q3 = series.sector[t]
        parts.append(f'<rect x="{x(t) - 4:.1f}" y="{y(q3):.1f}" width="8" height="{max(y(q1) - y(q3), 1):.1f}" '
                     f'fill="{BAND}"/><line x1="{x(t) - 5:.1f}" x2="{x(t) + 5:.1f}" y1="{y(median):.1f}" '
                     f'y2="{y(median):.1f}" stroke="{GREY}" stroke-width="1.2"/>')
    parts.append(f'<line x1="{x(series.start_year):.1f}" y1="{y(series.start):.1f}" x2="{x(series.target_year):.1f}" '
                 f'y2="{y(series.target):.1f}" stroke="{BLUE}" stroke-width="1.4" stroke-dasharray="4 3"/>')
    parts.append(f'<circle cx="{x(series.start_year):.1f}" cy="{y(series.start):.1f}" r="2.5" fill="{BLUE}"/>')
    tx, ty = x(series.target_year), y(series.target)
    parts.append(f'<path d="M{tx:.1f},{ty - 4:.1f} L{tx + 4:.1f},{ty:.1f} L{tx:.1f},{ty + 4:.1f} '
                 f'L{tx - 4:.1f},{ty:.1f} Z" fill="{BLUE}"/>')
    done = sorted(series.realisations)
    if len(done) > 1:
        line = " ".join(f"{x(t):.1f},{y(series.realisations[t][0]):.1f}" for t in done)
        parts.append(f'<polyline points="{line}" fill="none" stroke="{ORANGE}" stroke-width="1.2"/>')
    for t in done:
        value, on_track = series.realisations[t]
        fill = ORANGE if on_track else "#ffffff"
        parts.append(f'<circle cx="{x(t):.1f}" cy="{y(value):.1f}" r="3.2" fill="{fill}" stroke="{ORANGE}" '
                     f'stroke-width="1.4"/>')
    axis = HEIGHT - BOTTOM
    parts.append(f'<line x1="{LEFT}" y1="{axis}" x2="{WIDTH - RIGHT}" y2="{axis}" stroke="#9aa5b1" stroke-width="0.8"/>')
    for t in range(first, last + 1):
        parts.append(f'<text x="{x(t):.1f}" y="{HEIGHT - 4}" font-size="9" text-anchor="middle" '
                     f'fill="#52606d">{t}</text>')
    for value in (high - pad, low + pad):
        parts.append(f'<text x="{LEFT - 4}" y="{y(value) + 3:.1f}" font-size="9" text-anchor="end" '
                     f'fill="#52606d">{escape(number(value))}</text>')
    parts.append("</svg>")
    return "".join(parts)
