"""Cost of Bengali in the policy PDF: the bundled Noto Sans Bengali (@font-face through our
fetcher) and ``/ActualText`` on shaped-script runs. Prints CPU seconds (``process_time``,
steadier than wall time on a busy machine) per render and ratios; asserts nothing.

* Latin: the ~10-page Café Aurora policy of bench_export.py (no Bengali at all).
* Bengali: the same with a Bengali organization name, eight Bengali spokespeople and a long
  Bengali clause, rendered with ``/ActualText`` and, as the baseline alongside, without it
  (the text layer WeasyPrint alone gives).
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

from smready.domain import Project, Spokesperson  # noqa: E402
from smready.rendering import pdf as pdf_module  # noqa: E402
from smready.rendering import render_html  # noqa: E402

RUNS = 5


def bengali_project() -> Project:
    project = ten_page_project()
    project.organization.name = "ঢাকা স্বেচ্ছাসেবক খাদ্য ব্যাংক"
    project.policy.spokespeople = [
        Spokesperson(name=f"মোহাম্মদ রফিকুল ইসলাম {i}", role="মুখপাত্র") for i in range(8)]
    project.policy.hr.extra_rules = "শ্রাবন্তী চক্রবর্তী সব পোস্ট প্রকাশের আগে অনুমোদন করেন। " * 60
    return project


def cpu(html: str) -> float:
    def once() -> float:
        start = time.process_time()
        pdf_module.html_to_pdf(html)
        return time.process_time() - start
    return statistics.median(once() for _ in range(RUNS))


def main() -> int:
    latin, bengali = render_html(ten_page_project(), "policy"), render_html(bengali_project(),
                                                                            "policy")
    pdf_module.html_to_pdf(latin)  # engine imported, fonts cached
    t_latin, t_bengali = cpu(latin), cpu(bengali)
    # Baseline: the same renders without the /ActualText wrapper.
    import weasyprint.draw as draw

    wrapped = draw.draw_text
    draw.draw_text = wrapped.smready_original
    try:
        b_latin, b_bengali = cpu(latin), cpu(bengali)
    finally:
        draw.draw_text = wrapped
    print(f"Latin policy:   {t_latin:5.2f} s CPU, without /ActualText {b_latin:5.2f} s  "
          f"ratio {t_latin / b_latin:4.2f}x")
    print(f"Bengali policy: {t_bengali:5.2f} s CPU, without /ActualText {b_bengali:5.2f} s  "
          f"ratio {t_bengali / b_bengali:4.2f}x")
    print(f"Bengali / Latin policy: {t_bengali / t_latin:4.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
