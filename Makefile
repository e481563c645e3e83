# Case Review Studio: two commands do everything on a fresh machine.
#   make serve  - install what is missing, build the release app, serve it on 127.0.0.1:8080
#   make test   - install what is missing, run every test layer, print a summary
#   make dist   - release build into dist/ (with dist/case-review-studio.html, the single file)
# Every install step checks first and skips what is already there.

SHELL := /bin/bash
.DEFAULT_GOAL := help

TRUNK_VERSION := 0.21.14
BINARYEN_BIN := $(CURDIR)/tests/e2e/node_modules/.bin
# The wasm-bindgen CLI must match the crate version locked in Cargo.lock exactly.
WASM_BINDGEN_VERSION = $(shell awk '/^name = "wasm-bindgen"$$/{getline; gsub(/"/,"",$$3); print $$3; exit}' Cargo.lock)
export PATH := $(BINARYEN_BIN):$(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080

.PHONY: help tools browser office node-packages rust-tools dist serve test test-native test-wasm test-e2e bench clean

help:
	@echo "make serve   install what is missing, build, serve at http://127.0.0.1:$(PORT)"
	@echo "make test    install what is missing, run native, browser (wasm) and end-to-end tests"
	@echo "make dist    release build into dist/, including the single file dist/case-review-studio.html"

## Installs ---------------------------------------------------------------

rust-tools:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || { echo "==> adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
	@trunk --version 2>/dev/null | grep -q "$(TRUNK_VERSION)" \
	  || { echo "==> installing trunk $(TRUNK_VERSION) (about 10-15 minutes, once)"; \
	       cargo install trunk --version $(TRUNK_VERSION) --locked; }
	@wasm-bindgen --version 2>/dev/null | grep -q " $(WASM_BINDGEN_VERSION)" \
	  || { echo "==> installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION)"; \
	       cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --force; }
	@cargo fetch --locked --quiet

# npm packages: Playwright and axe for the end-to-end tests, binaryen for wasm-opt.
node-packages: tests/e2e/node_modules/.installed

tests/e2e/node_modules/.installed: tests/e2e/package.json tests/e2e/package-lock.json
	@echo "==> installing npm packages (tests/e2e)"
	cd tests/e2e && npm ci --no-audit --no-fund
	@touch $@

tools: rust-tools node-packages

# Debian's Chromium and ChromeDriver (Playwright never downloads a browser here).
browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
	  echo "==> installing Debian chromium and chromium-driver"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium chromium-driver; \
	fi

# LibreOffice Writer (headless) and poppler-utils: the end-to-end tests convert exported
# .docx files to PDF and the PDF pages to PNG, to check the documents open and to look at them.
office:
	@if ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null; then \
	  echo "==> installing Debian libreoffice-writer-nogui, poppler-utils and fonts-liberation"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-liberation; \
	fi

## Build and serve --------------------------------------------------------

dist: tools
	trunk build --release
	@echo "==> release build in dist/ (single-file edition: dist/case-review-studio.html)"

serve: dist
	@echo "==> Case Review Studio is at http://127.0.0.1:$(PORT)  (Ctrl+C to stop)"
	node tests/e2e/serve.mjs dist $(PORT)

## Tests ------------------------------------------------------------------

test: tools browser office
	@bash .ci/test-all.sh

test-native:
	cargo test --locked

test-wasm: rust-tools browser
	CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_WEBDRIVER_JSON=$(CURDIR)/.cargo/webdriver.json \
	  cargo test --locked --target wasm32-unknown-unknown --test browser_storage --test browser_journal

test-e2e: dist browser office node-packages
	cd tests/e2e && npx playwright test

## Benchmark --------------------------------------------------------------

# The release build against a hand-written vanilla-JS baseline, in headless Chromium,
# normally and with the CPU slowed 4x. Writes bench/RESULTS.md and bench/results.json.
bench: dist browser node-packages
	node bench/run.mjs --dist dist

clean:
	rm -rf dist target tests/e2e/node_modules tests/e2e/test-results
