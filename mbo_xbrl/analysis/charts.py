"""The report's charts: matplotlib, drawn to SVG text that the page embeds (no files, no network)."""

from __future__ import annotations

import io
import textwrap

import matplotlib

matplotlib.use("Agg")  # no display: the report is written by a job, not shown on a screen

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from mbo_xbrl import formats  # noqa: E402

plt.rcParams.update({
    "svg.fonttype": "path",  # glyphs as paths: the page needs no font files
    "svg.hashsalt": "mbo-xbrl",  # stable element ids: the same store gives the same page
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
})
ORANGE, BLUE, GREY = "#e4761b", "#1f5fa8", "#9aa5b1"


def _wrapped(text: str, width: int = 60) -> str:
    """A row label broken between words over lines, never cut mid-word."""
    return "\n".join(textwrap.wrap(text, width, break_long_words=False)) or text


def _numbers(axis, labels: dict, *, percent: bool = False) -> None:
    """The value axis's ticks in the report's language (12,5 and 23.093 in Dutch; 12.5 and 23,093 in English)."""
    lang = labels.get("lang", "nl")
    if percent:
        axis.xaxis.set_major_formatter(FuncFormatter(lambda x, _: formats.percent(x, lang, 0)))
    else:
        axis.xaxis.set_major_formatter(FuncFormatter(
            lambda x, _: formats.integer(x, lang) if float(x).is_integer() else formats.number(round(x, 2), lang)))


def _svg(figure: plt.Figure) -> str:
    buffer = io.StringIO()
    # no metadata: no date (the same store gives the same page) and no RDF links to outside
    figure.savefig(buffer, format="svg", bbox_inches="tight",
                   metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    plt.close(figure)
    text = buffer.getvalue()
    return text[text.index("<svg"):]  # drop the XML declaration and DOCTYPE: the SVG sits inside HTML


def ambition(table: pd.DataFrame, label: str, labels: dict[str, str]) -> str:
    """Mean ambition per indicator with the Q1-Q3 band (percentage indicators: one scale)."""
    rows = table[table["unit"] == "percentage"].sort_values("mean_ambition")
    names = [_wrapped(f"{r.indicator} {getattr(r, label)}") for r in rows.itertuples()]
    figure, axis = plt.subplots(figsize=(8, _height(_lines(names))))
    y = list(range(len(rows)))
    mean, q1, q3 = (rows[c].to_numpy(dtype=float) for c in ("mean_ambition", "ambition_q1", "ambition_q3"))
    axis.barh(y, mean, color=BLUE, label=labels["mean_ambition"])
    # the band from Q1 to Q3 (the mean may fall outside it: the band is drawn from Q1 and Q3 as they are)
    axis.errorbar((q1 + q3) / 2, y, xerr=(q3 - q1) / 2,
                  fmt="none", ecolor="black", elinewidth=0.8, capsize=2, label=labels["q1_q3"])
    axis.set_yticks(list(y), names)
    axis.axvline(0, color="black", linewidth=0.6)
    axis.set_xlabel(labels["ambition_axis"])
    _numbers(axis, labels)
    axis.legend(loc="lower right", frameon=False)
    return _svg(figure)


def budget_sector(table: pd.DataFrame, label: str, labels: dict[str, str]) -> str:
    rows = table.iloc[::-1]
    names = [_wrapped(f"{r.objective} {getattr(r, label)}") for r in rows.itertuples()]
    figure, axis = plt.subplots(figsize=(8, _height(_lines(names))))
    axis.barh(range(len(rows)), rows["share"].astype(float).fillna(0.0) * 100, color=BLUE)
    axis.set_yticks(range(len(rows)), names)
    axis.set_xlabel(labels["share_axis"])
    _numbers(axis, labels, percent=True)
    return _svg(figure)


def budget_institutions(table: pd.DataFrame, objectives: list[str], labels: dict[str, str]) -> str:
    """One 100% bar per institution, a colour per objective; an incomplete budget is a white bar.

    One call per objective draws every institution's part (not one per institution and objective):
    at ten times the sector that is twelve calls, not six thousand."""
    institutions = sorted(table["institution"].unique(), reverse=True)
    shares = (table.pivot_table(index="institution", columns="objective", values="share", aggfunc="first")
              .reindex(index=institutions, columns=objectives).astype(float).fillna(0.0) * 100)
    complete = table.groupby("institution")["complete"].first().reindex(institutions).fillna(False).astype(bool)
    shares[~complete.to_numpy()] = 0.0
    figure, axis = plt.subplots(figsize=(8, _height(len(institutions))))
    colours = plt.get_cmap("tab20").colors
    if len(institutions) > MANY_ROWS:
        _stacked_image(axis, shares, complete, colours)
    else:
        y = list(range(len(institutions)))
        left = [0.0] * len(institutions)
        for k, objective in enumerate(objectives):
            widths = shares[objective].tolist()
            axis.barh(y, widths, left=left, color=colours[k % len(colours)], linewidth=0)
            left = [a + b for a, b in zip(left, widths)]
        incomplete = [i for i, ok in enumerate(complete) if not ok]
        if incomplete:
            axis.barh(incomplete, [100] * len(incomplete), color="white", edgecolor=GREY, hatch="//")
    _row_labels(axis, institutions)
    axis.set_xlabel(labels["share_axis"])
    axis.set_xlim(0, 100)
    _numbers(axis, labels, percent=True)
    handles = [plt.Rectangle((0, 0), 1, 1, color=colours[k % len(colours)]) for k in range(len(objectives))]
    handles.append(plt.Rectangle((0, 0), 1, 1, facecolor="white", edgecolor=GREY, hatch="//"))
    axis.legend(handles, objectives + [labels["incomplete"]], loc="upper left", bbox_to_anchor=(1.0, 1.0),
                frameon=False)
    return _svg(figure)


def _stacked_image(axis, shares: pd.DataFrame, complete: pd.Series, colours) -> None:
    """Many 100% bars as one image (a pixel per half percent): one artist instead of thousands of
    rectangles. An incomplete budget is a light grey row."""
    import numpy as np

    rows = len(shares)
    image = np.ones((rows, 200, 3))
    palette = np.array([colours[k % len(colours)] for k in range(shares.shape[1])])
    bounds = np.rint(shares.to_numpy().cumsum(axis=1) * 2).astype(int).clip(0, 200)
    for i in range(rows):
        if not complete.iloc[i]:
            image[i, :] = 0.85
            continue
        start = 0
        for k, end in enumerate(bounds[i]):
            image[i, start:end] = palette[k]
            start = max(start, end)
    axis.imshow(image, aspect="auto", interpolation="nearest", extent=(0, 100, rows - 0.5, -0.5))


# Above this many rows a chart names no row: the table beside it does (a label per row would be
# unreadable, and drawing them is most of the report's time at ten times the sector).
MANY_ROWS = 80


def _lines(names: list[str]) -> int:
    """Rows' worth of height for labels that may take two lines: a wrapped label needs room to stand apart."""
    return sum(1 + 0.8 * name.count("\n") for name in names).__ceil__()


def _height(rows: int) -> float:
    return max(2.0, 0.28 * min(rows, MANY_ROWS) + 1.0 + (0.02 * (rows - MANY_ROWS) if rows > MANY_ROWS else 0))


def _row_labels(axis, names: list[str]) -> None:
    if len(names) <= MANY_ROWS:
        axis.set_yticks(range(len(names)), names)
    else:
        axis.set_yticks([])
        axis.set_ylabel(f"{len(names)}")
        axis.set_ylim(-0.5, len(names) - 0.5)


def typology(table: pd.DataFrame, labels: dict[str, str], names: dict[str, str] | None = None) -> str:
    """Seed 002 fig. 3.1: per institution, how often it is in the lowest and the highest start quartile."""
    rows = table.iloc[::-1]
    figure, axis = plt.subplots(figsize=(8, _height(len(rows))))
    y = list(range(len(rows)))
    axis.barh([v + 0.2 for v in y], rows["low_start"], height=0.4, color=ORANGE, label=labels["times_lowest"])
    axis.barh([v - 0.2 for v in y], rows["high_start"], height=0.4, color=BLUE, label=labels["times_highest"])
    _row_labels(axis, [_named(r.institution, names) + f" (type {r.type})" for r in rows.itertuples()])
    axis.set_xlabel(labels["indicators_axis"])
    axis.xaxis.get_major_locator().set_params(integer=True)
    _numbers(axis, labels)
    axis.legend(loc="lower right", frameon=False)
    return _svg(figure)


def convergence(table: pd.DataFrame, labels: dict[str, str]) -> str:
    rows = table.iloc[::-1]
    figure, axis = plt.subplots(figsize=(8, _height(len(rows))))
    y = range(len(rows))
    for i, r in zip(y, rows.itertuples()):
        axis.plot([r.iqr_start, r.iqr_target], [i, i], color=BLUE if r.converges else ORANGE, linewidth=1.2)
    axis.scatter(rows["iqr_start"], list(y), color=GREY, label=labels["chart_iqr_start"], zorder=3)
    axis.scatter(rows["iqr_target"], list(y), color=BLUE, label=labels["chart_iqr_target"], zorder=3)
    axis.set_yticks(list(y), rows["indicator"])
    axis.set_xscale("symlog", linthresh=1)
    axis.set_xlim(left=0)  # a spread is never negative: no ticks below zero
    axis.set_xlabel(labels["iqr_axis"])
    _numbers(axis, labels)
    axis.legend(loc="lower right", frameon=False)
    return _svg(figure)


def completeness(table: pd.DataFrame, families: list[str], labels: dict[str, str],
                 names: dict[str, str] | None = None) -> str:
    rows = table.sort_values("institution", ascending=False)
    figure, axis = plt.subplots(figsize=(6, _height(len(rows))))
    data = rows[families].to_numpy(dtype=float)
    axis.imshow(data, aspect="auto", cmap="Oranges", vmin=0, vmax=max(1.0, float(data.max()) if data.size else 1))
    if len(rows) <= MANY_ROWS:  # the counts in the cells, where a cell is large enough to read them
        for (i, j), value in pd.DataFrame(data).stack().items():
            if value:
                axis.text(j, i, int(value), ha="center", va="center", fontsize=7)
    axis.set_xticks(range(len(families)), [labels[f"family_{f}"] for f in families])
    _row_labels(axis, [_named(r.institution, names) + f" ({labels['status_' + r.status]})" for r in rows.itertuples()])
    return _svg(figure)


def _named(code: object, names: dict[str, str] | None) -> str:
    name = (names or {}).get(str(code))
    return f"{code} {textwrap.shorten(name, 40, placeholder='…')}" if name else str(code)


def early_leavers(table: pd.DataFrame, labels: dict[str, str]) -> str:
    row = {k: float(v) for k, v in table.iloc[0].items()}
    figure, axis = plt.subplots(figsize=(6, 2.4))
    axis.barh([1, 0], [row["sum_start"], row["sum_target"]], color=[GREY, BLUE])
    axis.axvline(row["national_aim"], color=ORANGE, linewidth=1.5, label=labels["chart_national_aim"])
    axis.set_yticks([1, 0], [labels["chart_sum_start"], labels["chart_sum_target"]])
    axis.set_xlabel(labels["early_leavers_axis"])
    _numbers(axis, labels)
    axis.legend(loc="lower right", frameon=False)
    return _svg(figure)


def practorates(table: pd.DataFrame, labels: dict[str, str]) -> str:
    rows = table.iloc[::-1]
    figure, axis = plt.subplots(figsize=(6, _height(len(rows))))
    axis.barh(range(len(rows)), rows["share"] * 100, color=[GREY if k == "start" else ORANGE if k == "target" else BLUE
                                                             for k in rows["value_kind"]])
    axis.set_yticks(range(len(rows)), [f"{labels.get(f'kind_{r.value_kind}', r.value_kind)} {r.year}"
                                       for r in rows.itertuples()])
    axis.set_xlim(0, 100)
    axis.set_xlabel(labels["practorates_axis"])
    _numbers(axis, labels, percent=True)
    return _svg(figure)


def realisation(table: pd.DataFrame, labels: dict[str, str]) -> str:
    """A heat map: indicators down, years across, each cell the share of institutions on track (the number
    written in it), so that four years of some 35 indicators stay one readable figure."""
    import numpy as np

    lang = labels.get("lang", "nl")
    grid = table.pivot(index="indicator", columns="year", values="share_on_track").sort_index()
    figure, axis = plt.subplots(figsize=(2.2 + 1.0 * len(grid.columns), _height(len(grid))))
    values = grid.to_numpy(dtype=float)
    image = axis.imshow(np.ma.masked_invalid(values), cmap="RdYlBu", vmin=0, vmax=1, aspect="auto")
    axis.set_xticks(range(len(grid.columns)), [str(int(y)) for y in grid.columns])
    axis.set_yticks(range(len(grid)), list(grid.index))
    axis.xaxis.tick_top()
    for (row, column), value in np.ndenumerate(values):
        if not np.isnan(value):
            axis.text(column, row, formats.percent(value, lang, 0, fraction=True), ha="center", va="center",
                      fontsize=7, color="black" if 0.25 < value < 0.8 else "white")
    bar = figure.colorbar(image, ax=axis, fraction=0.05)
    bar.set_label(labels["on_track_axis"])
    bar.ax.yaxis.set_major_formatter(FuncFormatter(lambda x, _: formats.percent(x, lang, 0, fraction=True)))
    for side in ("top", "right", "bottom", "left"):
        axis.spines[side].set_visible(False)
    return _svg(figure)
