"""Screenshots of every page of the app, light and dark, at 1280×800.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots.py [OUT]

Opens the bundled examples the way a user would (start page -> example), walks every
readiness point, the goals page, every policy wizard page (both variants) and the review
page once its preview has rendered, and saves ``OUT/<scheme>-<nn>-<page>.png``. Used to look
at the app as a person would; nothing here asserts.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QApplication

from smready.ui.app.main import apply_palette, setup_application

SIZE = (1280, 800)


def settle(ms: int = 150) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.01)


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = setup_application(sys.argv[:1])
    from smready.ui.app.main_window import READINESS, REVIEW, MainWindow
    from smready.ui.pages.start import example_files

    examples = {name: path for path, name in example_files()}
    for scheme in (Qt.ColorScheme.Light, Qt.ColorScheme.Dark):
        apply_palette(app, scheme)
        tag = scheme.name.lower()
        window = MainWindow()
        window.resize(*SIZE)
        window.show()
        settle(300)
        shots = 0

        def shot(name: str, window: MainWindow = window, tag: str = tag) -> None:
            nonlocal shots
            shots += 1
            settle()
            window.grab().save(str(out / f"{tag}-{shots:02d}-{name}.png"))

        shot("start")
        for org_name, path in examples.items():
            window.files.open_example(path)
            window._project_opened()
            short = "cafe" if "Caf" in org_name else "foodbank"
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
            deadline = time.monotonic() + 60
            settle(1200)
            while window.review_page.is_busy() and time.monotonic() < deadline:
                settle(200)
            settle(600)
            shot(f"{short}-review")
            window.controller.mark_saved(path)  # nothing to ask about on close
        window.close()
    QApplication.processEvents()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("screenshots/tmp")))
