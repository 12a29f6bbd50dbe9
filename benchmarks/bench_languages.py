"""A Finnish or Bengali document against the same English one: must not be much slower.

Renders the ~10-page Café Aurora policy of bench_export.py, its readiness report and its
acknowledgement sheet as PDF in English, Finnish and Bengali (``pdf_bytes(project, doc,
t=translation(lang))``: clauses, content, glossary forms, Babel formats, Bengali digits and
``/ActualText``), and prints CPU seconds (``process_time``) per render and the ratios
fi / en and bn / en. A separate line gives the one-off cost of a language in a fresh worker:
reading its catalog (compiled ``.mo``, or the ``.po`` compiled in memory) and loading the
content bank in it. Asserts nothing; the goal is a ratio of at most ~1.3x.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))

from bench_export import ten_page_project  # noqa: E402

from smready.i18n import translation  # noqa: E402
from smready.rendering.pdf import pdf_bytes  # noqa: E402

RUNS = 3
LANGS = ("en", "fi", "bn")
DOCS = ("policy", "report", "acknowledgement")


def first_use(lang: str) -> float:
    """CPU seconds for a language's catalog and content the first time a process needs
    them (what a new render worker pays once)."""
    import smready.content as content
    from smready.glossary import _glossary

    translation.cache_clear()
    _glossary.cache_clear()
    for loader in (content._load_checklist, content._load_platforms, content._load_tiers,
                   content._load_goal_types, content._load_labels, content._load_tier_prices):
        loader.cache_clear()
    start = time.process_time()
    content.load_checklist(lang=lang)
    content.load_goal_types(lang=lang)
    content.load_labels(lang=lang)
    content.load_tiers(lang=lang)
    return time.process_time() - start


def cpu(project: object, doc: str, lang: str) -> float:
    t = translation(lang)

    def once() -> float:
        start = time.process_time()
        pdf_bytes(project, doc, t=t)  # type: ignore[arg-type]
        return time.process_time() - start

    return statistics.median(once() for _ in range(RUNS))


def main() -> int:
    project = ten_page_project()
    firsts = {lang: first_use(lang) for lang in LANGS}
    for lang in LANGS:
        pdf_bytes(project, "policy", t=translation(lang))  # engine, fonts, caches warm
    totals = dict.fromkeys(LANGS, 0.0)
    for doc in DOCS:
        times = {lang: cpu(project, doc, lang) for lang in LANGS}
        for lang in LANGS:
            totals[lang] += times[lang]
        print(f"{doc:16s} en {times['en']:5.2f} s  fi {times['fi']:5.2f} s  "
              f"bn {times['bn']:5.2f} s   fi/en {times['fi'] / times['en']:4.2f}x  "
              f"bn/en {times['bn'] / times['en']:4.2f}x")
    print(f"{'all three':16s} en {totals['en']:5.2f} s  fi {totals['fi']:5.2f} s  "
          f"bn {totals['bn']:5.2f} s   fi/en {totals['fi'] / totals['en']:4.2f}x  "
          f"bn/en {totals['bn'] / totals['en']:4.2f}x")
    print("first use of a language (catalog + content bank, once per process): "
          + "  ".join(f"{lang} {firsts[lang] * 1000:4.0f} ms" for lang in LANGS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
