"""Screenshots of every page of the app in English, Finnish, Bengali and the pseudo-language
(light; English also dark), at 1280×800 unless told otherwise.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots.py [OUT]
        [--lang en,fi,bn,en_XA] [--size 960x720]

Opens two bundled examples (a café and a food bank) the way a user would (start page ->
example), walks every readiness point, the goals page, every policy wizard page (both
variants) and the review page once its preview has rendered, and saves
``OUT/<lang>-<scheme>-<nn>-<page>.png``. In Finnish and Bengali the example's documents are
switched to that language too, so the preview shows what such a user prints. Used to look
at the app as a person would; nothing here asserts.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QApplication

from smready.ui.app.main import apply_palette, setup_application
from smready.ui.app.qt_translations import apply_ui_language

LANGUAGES = ("en", "fi", "bn", "en_XA")
EXAMPLES = (("cafe", "cafe-aurora"), ("foodbank", "harbour-food-bank"))


def settle(ms: int = 150) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.01)


def take(out: Path, app: QApplication, lang: str, scheme: Qt.ColorScheme,
         size: tuple[int, int]) -> int:
    """Every page in one language and colour scheme; returns the number of screenshots."""
    from smready.ui.app.main_window import READINESS, REVIEW, MainWindow
    from smready.ui.pages.start import example_files

    apply_ui_language(lang)
    apply_palette(app, scheme)
    tag = f"{lang}-{scheme.name.lower()}"
    window = MainWindow()
    window.resize(*size)
    window.show()
    settle(300)
    shots = 0

    def shot(name: str) -> None:
        nonlocal shots
        shots += 1
        settle()
        window.grab().save(str(out / f"{tag}-{shots:02d}-{name}.png"))

    shot("start")
    paths = {path.stem: path for path, _name in example_files()}
    for short, stem in EXAMPLES:
        path = paths[stem]
        window.files.open_example(path)
        window._project_opened()
        if lang in ("fi", "bn"):
            # What a Finnish or Bengali user prints: the documents in their language.
            window.controller.set("language", lang, "language", merge=False)
        window.show_page(READINESS)
        for step in range(window.readiness_page.step_count()):
            window.readiness_page.go_to(step)
            shot(f"{short}-readiness-{step + 1}")
            if short == "foodbank":
                break
        window.show_page(1)
        shot(f"{short}-goals")
        window.show_page(2)
        wizard = window.policy_page
        for page in wizard.visible_pages():
            wizard.go_to(page)
            shot(f"{short}-policy-{page.page_id}")
        window.show_page(REVIEW)
        deadline = time.monotonic() + 90
        settle(1200)
        while window.review_page.is_busy() and time.monotonic() < deadline:
            settle(200)
        settle(600)
        shot(f"{short}-review")
        window.controller.mark_saved(path)  # nothing to ask about on close
    window.close()
    QApplication.processEvents()
    return shots


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("out", nargs="?", type=Path, default=Path("screenshots/tmp"))
    parser.add_argument("--lang", default=",".join(LANGUAGES),
                        help="comma-separated: en, fi, bn, en_XA (default: all four)")
    parser.add_argument("--size", default="1280x800", help="window size, e.g. 960x720")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x", 1))
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    app = setup_application(sys.argv[:1])
    total = 0
    for lang in args.lang.split(","):
        schemes = [Qt.ColorScheme.Light]
        if lang == "en":
            schemes.append(Qt.ColorScheme.Dark)
        for scheme in schemes:
            total += take(out, app, lang, scheme, (width, height))
    apply_ui_language("en")
    print(f"{total} screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
