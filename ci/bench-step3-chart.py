#!/usr/bin/env python3
"""Draws the step-3 lesson from ci/bench-step3.sh's CSV: the median cost of one create
against the number of stored articles, for step 2 (one JSON file) and step 3 (SQLite).

Usage: bench-step3-chart.py INPUT.csv OUTPUT.svg. Plain SVG, no plotting library: both axes
logarithmic, one labelled point per measurement.
"""
import csv
import math
import sys

WIDTH, HEIGHT = 680, 400
LEFT, RIGHT, TOP, BOTTOM = 70, 170, 40, 50
SERIES = [
    ("step2_ms", "step 2: one JSON file", "#d62728"),
    ("step3_ms", "step 3: SQLite", "#1f77b4"),
    ("raw_ms", "raw rusqlite loop", "#7f7f7f"),
]


def main(source, target):
    with open(source, newline="") as f:
        rows = [{k: float(v) for k, v in row.items()} for row in csv.DictReader(f)]
    if not rows:
        sys.exit(f"{source} has no rows")
    xs = [row["articles"] for row in rows]
    ys = [row[key] for row in rows for key, _, _ in SERIES]
    x_lo, x_hi = math.log10(min(xs)), math.log10(max(xs))
    y_lo = math.floor(math.log10(min(ys)))
    y_hi = math.ceil(math.log10(max(ys)))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def px(x):
        return LEFT + (math.log10(x) - x_lo) / max(x_hi - x_lo, 1e-9) * plot_w

    def py(y):
        return TOP + plot_h - (math.log10(y) - y_lo) / max(y_hi - y_lo, 1e-9) * plot_h

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'font-family="sans-serif" font-size="12">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>',
        f'<text x="{LEFT}" y="22" font-size="14" font-weight="bold">'
        "Cost of one create (median) against stored articles</text>",
    ]
    for exponent in range(y_lo, y_hi + 1):
        y = py(10**exponent)
        out.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{LEFT + plot_w}" y2="{y:.1f}" '
                   'stroke="#ddd"/>')
        out.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">'
                   f"{10**exponent:g} ms</text>")
    for x in xs:
        out.append(f'<line x1="{px(x):.1f}" y1="{TOP}" x2="{px(x):.1f}" '
                   f'y2="{TOP + plot_h}" stroke="#eee"/>')
        out.append(f'<text x="{px(x):.1f}" y="{TOP + plot_h + 18}" text-anchor="middle">'
                   f"{int(x):,}</text>")
    out.append(f'<text x="{LEFT + plot_w / 2}" y="{HEIGHT - 10}" text-anchor="middle">'
               "articles stored (log scale)</text>")
    for index, (key, label, colour) in enumerate(SERIES):
        points = [(px(row["articles"]), py(row[key]), row[key]) for row in rows]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in points)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" '
                   'stroke-width="2.5"/>')
        for number, (x, y, value) in enumerate(points):
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"/>')
            # The last point's label goes to its left, clear of the legend.
            last = number == len(points) - 1
            anchor, dx = ("end", -6) if last else ("start", 6)
            out.append(f'<text x="{x + dx:.1f}" y="{y - 6:.1f}" fill="{colour}" '
                       f'text-anchor="{anchor}">{value:.2f} ms</text>')
        legend_y = TOP + 20 + index * 20
        out.append(f'<line x1="{LEFT + plot_w + 20}" y1="{legend_y}" '
                   f'x2="{LEFT + plot_w + 38}" y2="{legend_y}" stroke="{colour}" '
                   'stroke-width="2.5"/>')
        out.append(f'<text x="{LEFT + plot_w + 42}" y="{legend_y + 4}">{label}</text>')
    out.append("</svg>")
    with open(target, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: bench-step3-chart.py INPUT.csv OUTPUT.svg")
    main(sys.argv[1], sys.argv[2])
