# Everything installs into a private virtualenv; `make run` and `make test` are the two entry points.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck unit bench bench-library clean
.PHONY: package smoke icons install-desktop uninstall-desktop

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/archive-reader gui

lint: $(STAMP)
	$(BIN)/ruff check index desktop bench tests
	$(BIN)/ruff format --check index desktop bench tests

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

test: lint typecheck unit

bench: $(STAMP)
	$(BIN)/python bench/repair_quality.py
	$(BIN)/python bench/repair_speed.py

# Library import (with an incremental import), search and GUI at 10k articles; writes the
# figures into docs/performance.md. Takes about ten minutes. For 100k: make_archive.py 100000
# (or part of it, then bench/fill_archive.py 100000) and the same commands.
BENCH_DIR := build/bench
bench-library: $(STAMP)
	$(BIN)/python bench/make_archive.py 10000 $(BENCH_DIR)/archive-10k
	$(BIN)/python bench/make_archive.py 1000 $(BENCH_DIR)/archive-1k-new --seed 77
	$(BIN)/python bench/bench_import.py --archive $(BENCH_DIR)/archive-10k \
		--incremental $(BENCH_DIR)/archive-1k-new --keep $(BENCH_DIR)/library-10k --write-docs
	$(BIN)/python bench/bench_search.py $(BENCH_DIR)/library-10k \
		--archive $(BENCH_DIR)/archive-10k --runs 3 --write-docs
	rm -rf $(BENCH_DIR)/library-10k-gui && cp -r $(BENCH_DIR)/library-10k $(BENCH_DIR)/library-10k-gui
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/bench_gui.py $(BENCH_DIR)/library-10k-gui --runs 5

# A long fuzz of read, split, repair and import (CI runs the same tests with 30 examples each).
FUZZ_EXAMPLES ?= 2000
fuzz: $(STAMP)
	ARCHIVE_READER_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) QT_QPA_PLATFORM=offscreen \
		$(BIN)/python -m pytest -q tests/reliability/test_fuzz_import.py

# Packaging (docs/packaging.md): the one-folder bundle, its smoke test, desktop integration.
PKG_STAMP := $(VENV)/.installed-packaging
BUNDLE := dist/archive-reader
APP_ID := io.github.archivereader.ArchiveReader
ICON_SIZES := 16 22 24 32 48 64 128 256 512
PREFIX ?= $(HOME)/.local
APP_DIR := $(PREFIX)/lib/archive-reader
DATA_DIR := $(PREFIX)/share

$(PKG_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,packaging]'
	touch $(PKG_STAMP)

package: $(PKG_STAMP)
	start=$$(date +%s) && $(BIN)/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/archive-reader.spec && \
		echo "built $(BUNDLE) in $$(( $$(date +%s) - start )) s, $$(du -sh $(BUNDLE) | cut -f1)"

smoke: package
	$(BIN)/python -m pytest -v tests/packaging

icons:
	for size in $(ICON_SIZES); do \
		mkdir -p resources/icons/hicolor/$${size}x$${size}/apps && \
		rsvg-convert -w $$size -h $$size resources/icons/$(APP_ID).svg \
			-o resources/icons/hicolor/$${size}x$${size}/apps/$(APP_ID).png || exit 1; \
	done

install-desktop:
	test -x $(BUNDLE)/archive-reader || $(MAKE) package
	rm -rf '$(APP_DIR)'
	mkdir -p '$(APP_DIR)' '$(PREFIX)/bin' '$(DATA_DIR)/applications' '$(DATA_DIR)/metainfo'
	cp -a $(BUNDLE)/. '$(APP_DIR)/'
	ln -sf '$(APP_DIR)/archive-reader' '$(PREFIX)/bin/archive-reader'
	sed -e 's|^Exec=archive-reader|Exec="$(APP_DIR)/archive-reader"|' \
		-e 's|^TryExec=archive-reader|TryExec=$(APP_DIR)/archive-reader|' \
		packaging/$(APP_ID).desktop > '$(DATA_DIR)/applications/$(APP_ID).desktop'
	for size in $(ICON_SIZES); do \
		install -D -m 644 resources/icons/hicolor/$${size}x$${size}/apps/$(APP_ID).png \
			'$(DATA_DIR)/icons/hicolor/'$${size}x$${size}/apps/$(APP_ID).png || exit 1; \
	done
	install -D -m 644 resources/icons/$(APP_ID).svg '$(DATA_DIR)/icons/hicolor/scalable/apps/$(APP_ID).svg'
	install -m 644 packaging/$(APP_ID).metainfo.xml '$(DATA_DIR)/metainfo/$(APP_ID).metainfo.xml'
	if command -v update-desktop-database >/dev/null; then update-desktop-database -q '$(DATA_DIR)/applications'; fi
	if command -v gtk-update-icon-cache >/dev/null; then gtk-update-icon-cache -q -t '$(DATA_DIR)/icons/hicolor'; fi
	@echo "Installed Archive Reader $(APP_DIR); menu entry $(DATA_DIR)/applications/$(APP_ID).desktop"

uninstall-desktop:
	rm -rf '$(APP_DIR)'
	if [ "$$(readlink '$(PREFIX)/bin/archive-reader')" = '$(APP_DIR)/archive-reader' ]; then rm -f '$(PREFIX)/bin/archive-reader'; fi
	rm -f '$(DATA_DIR)/applications/$(APP_ID).desktop' '$(DATA_DIR)/metainfo/$(APP_ID).metainfo.xml'
	rm -f '$(DATA_DIR)/icons/hicolor/scalable/apps/$(APP_ID).svg'
	for size in $(ICON_SIZES); do rm -f '$(DATA_DIR)/icons/hicolor/'$${size}x$${size}/apps/$(APP_ID).png; done
	if command -v update-desktop-database >/dev/null; then update-desktop-database -q '$(DATA_DIR)/applications'; fi
	if command -v gtk-update-icon-cache >/dev/null; then gtk-update-icon-cache -q -t '$(DATA_DIR)/icons/hicolor'; fi

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .pytest_cache .ruff_cache
