"""The radar chart of the six readiness points, as a small standalone SVG.

Made by our own code (no plotting library): rings at 25/50/75/100, one spoke per point,
the score polygon, and the point numbers and titles as labels. Every label is XML-escaped.
"""

from __future__ import annotations

import math
from xml.sax.saxutils import escape, quoteattr

from smready.domain import ReadinessResult
from smready.i18n import Translation, current, native_digits

_FONT = "DejaVu Sans, smready bengali, Noto Sans Bengali, Lohit Bengali, sans-serif"


def _wrap(title: str, width: int = 18, lines: int = 2) -> list[str]:
    """Split a label into at most ``lines`` lines of about ``width`` characters."""
    words = " ".join(title.split()).split(" ")
    out: list[str] = []
    current = ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    out.append(current)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1].rstrip() + "…"
    return [line[: width + 6] for line in out]


#: Languages whose words need shaping (conjuncts, vowel signs): WeasyPrint places SVG text
#: glyph by glyph, unshaped, so their documents draw the compact chart (numbers and scores on
#: the spokes; the titles are the numbered sections right after it).
SHAPED_LANGUAGES = frozenset({"bn"})


def radar_svg(result: ReadinessResult, size: int = 360, *, compact: bool = False,
              t: Translation | None = None) -> str:
    """The chart; ``compact`` labels each spoke with its number and score only (for a narrow
    panel that lists the titles in a table below), so the chart itself can be drawn larger."""
    points = result.points
    count = max(len(points), 3)
    width, height = round(size * (1.0 if compact else 1.55)), size
    cx, cy = width / 2, height / 2
    radius = size * (0.31 if compact else 0.33)
    label_r = radius + size * (0.06 if compact else 0.05)

    def at(index: int, fraction: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / count
        return cx + radius * fraction * math.cos(angle), cy + radius * fraction * math.sin(angle)

    def poly(coords: list[tuple[float, float]]) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)

    t = t or current()  # documents pass their language; the window shows the UI's

    def num(value: float) -> str:
        return native_digits(str(round(value)), t.lang)

    title = t("Readiness by point, overall {score} of 100").format(score=num(result.overall))
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label={quoteattr(title)}>',
        f"<title>{escape(title)}</title>",
    ]
    for ring in (0.25, 0.5, 0.75, 1.0):
        out.append(f'<polygon points="{poly([at(i, ring) for i in range(count)])}" '
                   f'fill="none" stroke="#c8ccd2" stroke-width="{1.2 if ring == 1 else 0.7}"/>')
    for i in range(count):
        x, y = at(i, 1.0)
        out.append(f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}" '
                   'stroke="#c8ccd2" stroke-width="0.7"/>')
    scores = [max(0.0, min(100.0, p.score)) / 100 for p in points]
    scores += [0.0] * (count - len(scores))
    shape = [at(i, max(s, 0.02)) for i, s in enumerate(scores)]
    out.append(f'<polygon points="{poly(shape)}" fill="#2a7ab0" fill-opacity="0.28" '
               'stroke="#1d5f8c" stroke-width="2"/>')
    for x, y in shape:
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#1d5f8c"/>')
    font_size = max(8.0, size / (22 if compact else 34))
    for i, point in enumerate(points):
        angle = -math.pi / 2 + 2 * math.pi * i / count
        x = cx + label_r * math.cos(angle)
        y = cy + label_r * math.sin(angle)
        anchor = "middle" if abs(math.cos(angle)) < 0.3 else (
            "start" if math.cos(angle) > 0 else "end")
        if compact:
            lines = [f"{num(point.number)}.", num(point.score)]
        else:
            # Beside the chart a title may take three lines ("Resurssit / pitkäjänteiseen /
            # työhön"); above and below it, two keep the labels inside the picture.
            rows = 2 if anchor == "middle" else 3
            lines = [*_wrap(f"{num(point.number)}. {point.title}", lines=rows),
                     num(point.score)]
        if math.sin(angle) < -0.3:
            y -= font_size * 1.2 * (len(lines) - 1)
        elif math.sin(angle) > 0.3:
            y += font_size
        else:
            y -= font_size * 0.6 * (len(lines) - 1)
        for row, line in enumerate(lines):
            last = row == len(lines) - 1
            weight = ' font-weight="bold"' if last else ""
            colour = "#1d5f8c" if last else "#222"
            out.append(
                f'<text x="{x:.1f}" y="{y + row * font_size * 1.2:.1f}" '
                f'text-anchor="{anchor}" font-family="{_FONT}" font-size="{font_size:.1f}"'
                f'{weight} fill="{colour}">{escape(line)}</text>')
    out.append("</svg>")
    return "".join(out)
