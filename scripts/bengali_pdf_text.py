"""Measure how Bengali text reads back from our policy PDF (copy, search, screen readers).

Puts each name below into a copy of the Café Aurora example (organization name, a
spokesperson, the extra HR rules the user typed), exports the policy PDF through our
pipeline and prints, for each, whether ``pdftotext`` gives back exactly what was typed::

    .venv/bin/python scripts/bengali_pdf_text.py            # our pipeline
    .venv/bin/python scripts/bengali_pdf_text.py --raw      # the same HTML, plain WeasyPrint

``--raw`` renders the same HTML and bundled fonts with WeasyPrint alone (its per-glyph
ToUnicode map, no ``/ActualText``), which is what our PDFs gave before. Exit status 1 if
any name reads back wrong.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from smready.domain import Spokesperson  # noqa: E402
from smready.rendering import render_html  # noqa: E402
from smready.rendering.pdf import font_face_css, html_to_pdf, safe_url_fetcher, templates_dir  # noqa: E402
from smready.storage import load_project  # noqa: E402

NAMES = [
    "মোহাম্মদ রফিকুল ইসলাম",
    "সুমাইয়া আক্তার",
    "শ্রাবন্তী চক্রবর্তী",
    "জ্যোতির্ময় বন্দ্যোপাধ্যায়",
    "কৃষ্ণ কর্মকার",
    "ক্ষুদ্র ব্যবসা উন্নয়ন সমিতি",
    "স্বেচ্ছাসেবক সংগঠন",
    "রক্তদান কেন্দ্র",
    "ঢাকা খাদ্য ব্যাংক",
    "আরিফ হোসেন",
]


def pdf_text(pdf: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as tmp:
        tmp.write(pdf)
        tmp.flush()
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", tmp.name, "-"],
                             check=True, capture_output=True, text=True).stdout
    return unicodedata.normalize("NFC", out)


def render(html: str, raw: bool) -> bytes:
    if not raw:
        return html_to_pdf(html)
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    fetcher, fonts = safe_url_fetcher(), FontConfiguration()
    css = weasyprint.CSS(string=font_face_css(), url_fetcher=fetcher, font_config=fonts)
    data: bytes = weasyprint.HTML(
        string=html, base_url=templates_dir().as_uri() + "/", url_fetcher=fetcher,
    ).write_pdf(stylesheets=[css], font_config=fonts, pdf_variant="pdf/ua-1")
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw", action="store_true", help="plain WeasyPrint, no /ActualText")
    args = parser.parse_args(argv)
    wrong = 0
    for name in NAMES:
        project = load_project(ROOT / "examples" / "cafe-aurora.smready")
        project.organization.name = name
        project.policy.spokespeople = [Spokesperson(name=name, role="মুখপাত্র")]
        project.policy.hr.extra_rules = f"{name} পোস্ট অনুমোদন করেন।"
        text = pdf_text(render(render_html(project, "policy"), args.raw))
        lines = [line.strip() for line in text.splitlines()]
        found = sum(1 for line in lines if name in line)
        # The closest line to show when the name is not found whole.
        near = next((line for line in lines if line and line[0] == name[0]), "")
        status = "ok " if found else "BAD"
        wrong += not found
        print(f"{status} {name:<28} found {found}x" + ("" if found else f"   got: {near[:40]}"))
    print(f"{len(NAMES) - wrong}/{len(NAMES)} names read back as typed")
    return 1 if wrong else 0


if __name__ == "__main__":
    raise SystemExit(main())
