"""Colours and heading styles used across the app, in one place.

Light enough for the start page (QtGui only), which paints before the rest of the UI loads.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette

ERROR_COLOR = "#d93025"
"""A red that reads on light and dark palettes alike: field messages, failed previews."""

SUCCESS_COLOR = "#2e7d32"
"""A green for things that are done (the SMART letter badges)."""

# Heading sizes: points added to the body font (never below 9 pt).
HERO = 10.0
"""The start page's question."""
PAGE = 5.0
"""The title of the readiness and goals pages."""
TITLE = 4.0
"""A page's own heading."""
SUBTITLE = 3.0
"""A section inside a page, the organization's name above the navigation."""
SECTION = 2.0
"""A small section heading: "Recent projects", "Do first:"."""
CHOICE = 1.5
"""The big choices on the start page (not bold)."""
SCORE = 18.0
"""The readiness score beside the checklist."""
STEP_TITLE_SCALE = 1.35
"""A policy step's heading, relative to the body font."""


def heading_font(base: QFont, size_delta: float = TITLE, *, bold: bool = True) -> QFont:
    """``base`` a few points larger (and bold): every heading in the app is made this way."""
    font = QFont(base)
    font.setPointSizeF(max(font.pointSizeF(), 9.0) + size_delta)
    font.setBold(bold)
    return font


def is_dark(palette: QPalette) -> bool:
    """Whether ``palette`` draws light text on a dark window."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def card_background(palette: QPalette) -> str:
    """The background of a card (the radar chart) that follows the light or dark palette."""
    if is_dark(palette):
        return palette.color(QPalette.ColorRole.Base).name()
    return "#ffffff"


_CHART_ON_DARK = {
    # The radar chart is drawn for white paper; on a dark card its lines and labels take
    # the dark palette's colours instead.
    'stroke="#c8ccd2"': 'stroke="#5f6368"',
    'fill="#222"': 'fill="#e8eaed"',
    'fill="#1d5f8c"': 'fill="#8ab4f8"',
    'stroke="#1d5f8c"': 'stroke="#8ab4f8"',
    'fill="#2a7ab0"': 'fill="#4f8ef7"',
}


def chart_for(svg: str, palette: QPalette) -> str:
    """The chart's SVG in the colours of ``palette`` (unchanged on a light palette)."""
    if not is_dark(palette):
        return svg
    for paper, screen in _CHART_ON_DARK.items():
        svg = svg.replace(paper, screen)
    return svg


DARK = {
    "window": "#202124",
    "base": "#2e3034",
    "text": "#e8eaed",
    "button": "#35373b",
    "mid": "#6f7378",
    "alternate_base": "#34363a",
    "tooltip_base": "#303134",
    "placeholder": "#9aa0a6",
    "bright_text": "#ff8a80",
    "light": "#3c4043",
    "midlight": "#35363a",
    "dark": "#111214",
    "shadow": "#000000",
    "highlight": "#4f8ef7",
    "highlighted_text": "#ffffff",
    "link": "#8ab4f8",
    "link_visited": "#c58af9",
    "disabled": "#7c7f84",
}
"""The dark palette's colours (Fusion's own palette is light only)."""


def dark_palette() -> QPalette:
    """A calm dark palette for Fusion."""
    c = {name: QColor(value) for name, value in DARK.items()}
    p = QPalette()
    # Fields (Base) a step lighter than the window: Fusion draws check boxes and radio
    # buttons on Base with a frame darker than the window, so darker fields hid them.
    roles = {
        QPalette.ColorRole.Window: c["window"],
        QPalette.ColorRole.WindowText: c["text"],
        QPalette.ColorRole.Base: c["base"],
        QPalette.ColorRole.AlternateBase: c["alternate_base"],
        QPalette.ColorRole.ToolTipBase: c["tooltip_base"],
        QPalette.ColorRole.ToolTipText: c["text"],
        QPalette.ColorRole.Text: c["text"],
        QPalette.ColorRole.PlaceholderText: c["placeholder"],
        QPalette.ColorRole.Button: c["button"],
        QPalette.ColorRole.ButtonText: c["text"],
        QPalette.ColorRole.BrightText: c["bright_text"],
        QPalette.ColorRole.Light: c["light"],
        QPalette.ColorRole.Midlight: c["midlight"],
        QPalette.ColorRole.Mid: c["mid"],
        QPalette.ColorRole.Dark: c["dark"],
        QPalette.ColorRole.Shadow: c["shadow"],
        QPalette.ColorRole.Highlight: c["highlight"],
        QPalette.ColorRole.HighlightedText: c["highlighted_text"],
        QPalette.ColorRole.Link: c["link"],
        QPalette.ColorRole.LinkVisited: c["link_visited"],
    }
    for role, color in roles.items():
        p.setColor(role, color)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, c["disabled"])
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, c["window"])
    return p
