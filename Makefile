# Two commands for a newcomer: `make run` (set up and start the app) and `make test`
# (set up and run lint, types and tests). Both create .venv and install what is missing.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PO := $(wildcard resources/locale/*/LC_MESSAGES/smready.po)
MO := $(PO:.po=.mo)

.PHONY: run test setup system lint bench screenshots clean i18n bundle smoke-bundle

run: setup
	$(BIN)/smready $(ARGS)

test: setup
	$(BIN)/ruff check .
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q $(PYTEST_ARGS)

setup: system $(STAMP) $(MO)

# gettext catalogs: `make i18n` extracts every string (babel.cfg) into resources/locale/
# smready.pot and merges it into the fi and bn .po files; the .mo files are compiled at
# set-up (and by the wheel build hook) and are not committed.
resources/locale/%/LC_MESSAGES/smready.mo: resources/locale/%/LC_MESSAGES/smready.po $(STAMP)
	$(BIN)/python -m smready.catalogs compile

i18n: $(STAMP)
	$(BIN)/python -m smready.catalogs update
	$(BIN)/python -m smready.catalogs compile

system:
	@bash scripts/system-deps.sh

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	@# A venv made for PySide6 6.12 has QtPdf from PySide6-Pdf; 6.11 brings it in Addons.
	$(BIN)/python -m pip uninstall -q -y PySide6-Pdf 2>/dev/null || true
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $(STAMP)

bench: setup
	$(BIN)/python benchmarks/run.py

screenshots: setup
	xvfb-run -a -s "-screen 0 1280x800x24" $(BIN)/python scripts/screenshots.py screenshots/tmp

# The self-contained app: dist/smready/ (both executables, Python, Qt, Pango, fonts, data) and
# dist/smready-VERSION-linux-ARCH.tar.gz with install.sh. See packaging/smready.spec.
BUNDLE_STAMP := $(VENV)/.bundle-installed
VERSION = $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' smready/__init__.py)

bundle: setup $(BUNDLE_STAMP)
	@bash scripts/system-deps.sh bundle
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/smready.spec
	tar -C dist -czf dist/smready-$(VERSION)-linux-$(shell uname -m).tar.gz smready
	@echo "Built dist/smready/ and dist/smready-$(VERSION)-linux-$(shell uname -m).tar.gz"

$(BUNDLE_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install -q -e ".[dev,bundle]"
	touch $(BUNDLE_STAMP)

smoke-bundle:
	bash scripts/smoke-bundle.sh dist/smready

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
