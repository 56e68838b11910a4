# Two commands on a fresh machine with only python3 and make:
#   make run    set up .venv and run the main job on seeds/
#   make test   set up .venv with the dev extras and run the whole suite
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: run test serve bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,e2e]'
	rm -f $(VENV)/.installed-* && touch $@

run: $(STAMP)
	$(BIN)/reconcile batch seeds/ --out data/out

test: $(STAMP)
	$(BIN)/python -m pytest; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; exit 0; fi; exit $$rc

serve: $(STAMP)
	$(BIN)/reconcile serve --host 127.0.0.1 --port 8000

bench: $(STAMP)
	$(BIN)/python bench/extract_speed.py
	$(BIN)/python bench/reconcile_scale.py 100000

clean:
	rm -rf $(VENV) data/out .pytest_cache
