# The two commands of the README, and the steps behind them.
VENV  := .venv
BIN   := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test export readme docs clean-runs

$(STAMP): tools/install.sh tools/requirements.txt settings.ini setup.py
	bash tools/install.sh
	touch $(STAMP)

install: $(STAMP)          ## set up ./.venv from the pinned files

demo: $(STAMP)             ## the main job: FLARE's demo profile on the embedded atlas
	$(BIN)/flare demo

test: $(STAMP)             ## every notebook test + pytest (what .ci/run calls)
	bash tools/install-system.sh
	bash tools/test.sh

export: $(STAMP)           ## notebooks -> package, clean notebooks, README from index.ipynb
	$(BIN)/nbdev_export && $(BIN)/nbdev_clean && $(BIN)/python tools/make_readme.py

readme: $(STAMP)
	$(BIN)/python tools/make_readme.py

docs: $(STAMP)             ## the documentation site, built offline into _site/ (open _site/index.html)
	$(BIN)/python tools/build_docs.py
