SHELL := /bin/bash
# smsim — two commands on a fresh machine:
#   make demo   install what is missing, build release, run the main job
#   make test   install what is missing, run the test suite and the browser check of the reports
#   make install [PREFIX=/usr/local]   smsim, its manual page and shell completions; make uninstall
SWIFT      ?= swift
RELEASE    := .build/release/smsim
APT_PKGS   := libgsl-dev pkg-config gnuplot-nox chromium poppler-utils python3

.PHONY: demo test install uninstall test-cluster build release deps bench bench-baseline bench-check bench-mallocs validate clean

deps:
	@missing=""; \
	pkg-config --exists gsl 2>/dev/null || missing="$$missing libgsl-dev pkg-config"; \
	command -v gnuplot >/dev/null 2>&1 || missing="$$missing gnuplot-nox"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v pdfinfo >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	command -v python3 >/dev/null 2>&1 || missing="$$missing python3"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) >/dev/null || \
	      { echo "apt-get install failed for:$$missing" >&2; exit 1; }; \
	  else \
	    echo "missing system packages:$$missing" >&2; \
	    echo "run: sudo apt-get install -y$$missing" >&2; exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build

# On Linux the release binary carries the Swift runtime and Foundation inside it: it runs on
# machines (cluster nodes) without the Swift toolchain, starts without resolving the runtime's
# symbols, and calls the runtime directly: Documentation/Performance.md, "fourth round".
RELEASE_FLAGS := $(if $(filter Linux,$(shell uname -s)),--static-swift-stdlib)

release: deps
	$(SWIFT) build -c release $(RELEASE_FLAGS)

# The test suite, then every kind of report.html opened in headless Chromium (a few minutes),
# then make install into a temporary prefix (Tests/Install/install-test.sh).
test: deps
	$(SWIFT) test
	scripts/browser-check.sh
	Tests/Install/install-test.sh

# make install: the release binary, a manual page generated from the command definitions
# (scripts/man-page.py) and completion scripts for bash, zsh and fish, under $(DESTDIR)$(PREFIX).
PREFIX  ?= /usr/local
BINDIR  := $(DESTDIR)$(PREFIX)/bin
MANDIR  := $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR  := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
INSTALLED := $(BINDIR)/smsim $(MANDIR)/smsim.1 $(BASHDIR)/smsim $(ZSHDIR)/_smsim $(FISHDIR)/smsim.fish

install: release
	install -d $(BINDIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 755 $(RELEASE) $(BINDIR)/smsim
	$(RELEASE) --experimental-dump-help | python3 scripts/man-page.py > $(MANDIR)/smsim.1.tmp && mv $(MANDIR)/smsim.1.tmp $(MANDIR)/smsim.1
	$(RELEASE) --generate-completion-script bash > $(BASHDIR)/smsim
	$(RELEASE) --generate-completion-script zsh > $(ZSHDIR)/_smsim
	$(RELEASE) --generate-completion-script fish > $(FISHDIR)/smsim.fish
	@echo "installed: $(INSTALLED)"

uninstall:
	rm -f $(INSTALLED)

# The sharded sweep on a one-node Slurm cluster started on this machine (installs slurm-wlm,
# munge and parallel if missing; root only): examples/slurm/sweep.sbatch as a job array, a
# cancelled and resubmitted task, and the README's GNU parallel line must each give the
# unsharded sweep.csv byte for byte. A few minutes; see Tests/Cluster/cluster-test.sh.
test-cluster: release
	SMSIM=$(RELEASE) Tests/Cluster/cluster-test.sh

validate: release
	$(RELEASE) validate

# The main job: prove the engine, run a working day at 40 and at 50 consoles per server,
# draw the plots, and end with the paired 40-vs-50 comparison.
demo: release
	$(RELEASE) validate
	$(RELEASE) run Scenarios/weekday-40.yaml
	$(RELEASE) run Scenarios/weekday-50.yaml
	gnuplot plots.gnuplot
	$(RELEASE) compare Scenarios/weekday-40.yaml --ratios 40,50
	gnuplot -e "compare='results/weekday-40-compare'" plots.gnuplot
	@echo "plots:"; ls results/weekday-40/*.png results/weekday-50/*.png results/compare-40-50.png results/weekday-40-compare/*.png
	$(RELEASE) report results/weekday-40-compare
	@echo "comparison report: $(CURDIR)/results/weekday-40-compare/report.html"

# Benchmarks: a separate package in Benchmarks/ with its own .build (ordo-one/benchmark).
#   make bench            run all benchmarks, print the tables
#   make bench-baseline   run them and store the results as baseline $(BENCH_BASELINE)
#   make bench-check      run them once (stored as baseline 'current'), then fail if
#                         - a malloc count breaks the static limits in Benchmarks/Thresholds/
#                         - any metric got worse than its tolerance from $(BENCH_BASELINE)
#                         A check that finds only improvements passes, with a hint.
#                         Time gates: best iteration at most 2x (100 %) slower;
#                         SMSIM_BENCH_TIME_TOLERANCE=25 (quiet machine) or =none.
#   make bench-mallocs    CI's gate: run the benchmarks that have a malloc limit in
#                         Benchmarks/Thresholds/, measuring mallocs only, and fail if a count
#                         breaks its limit. Malloc counts do not depend on the machine's
#                         speed or load, so this gate is safe on a shared CI machine; timing
#                         gates stay local (bench-check).
BENCH_BASELINE ?= main
BENCH := cd Benchmarks && $(SWIFT) package

# $(call bench_gate,ARGS): `swift package benchmark ARGS`, failing only on regressions
# (the plugin exits 1 for "BETTER" as well as for "WORSE").
define bench_gate
	@echo "cd Benchmarks && $(SWIFT) package benchmark $(1)"
	@cd Benchmarks && mkdir -p .build && log=.build/bench-gate.log; \
	$(SWIFT) package benchmark $(1) >$$log 2>&1; rc=$$?; grep -v '^\[' $$log; \
	if [ $$rc -ne 0 ] && grep -q 'is BETTER than' $$log && ! grep -q 'is WORSE than' $$log; then \
	  echo "only improvements beyond tolerance: record them with 'make bench-baseline'" \
	       "(and lower the static limits in Benchmarks/Thresholds/ if mallocs dropped)"; rc=0; \
	fi; exit $$rc
endef

bench: deps
	$(BENCH) benchmark

bench-baseline: deps
	$(BENCH) --allow-writing-to-package-directory benchmark baseline update $(BENCH_BASELINE)

bench-check: deps
	@test -d Benchmarks/.benchmarkBaselines/KernelBenchmarks/$(BENCH_BASELINE) || \
	  { echo "no baseline '$(BENCH_BASELINE)' yet: run 'make bench-baseline' first" >&2; exit 1; }
	$(BENCH) --allow-writing-to-package-directory benchmark baseline update current
	$(call bench_gate,thresholds check current)
	$(call bench_gate,baseline check $(BENCH_BASELINE) current)

# Fuzzing (libFuzzer, with AddressSanitizer): a separate package in Fuzz/ with its own .build.
#   make fuzz FUZZ_SECONDS=N   build the scenario-loader target, then fuzz it for N seconds
#                              from the seeds in Scenarios/ and Fuzz/Corpus/scenario/, and
#                              from every input that ever crashed (Fuzz/Regressions/scenario/).
# Fails on a crash, a leak, a timeout (FUZZ_TIMEOUT s on one input) or more than 1 GB; the
# input is saved as Fuzz/.build/crash-… — copy it to Fuzz/Regressions/scenario/, where a unit
# test (HostileScenarioTests) keeps loading it.
FUZZ_SECONDS ?= 60
FUZZ_TIMEOUT ?= 5
FUZZ_FLAGS := -Xswiftc -sanitize=fuzzer,address

fuzz: deps
	cd Fuzz && $(SWIFT) build --product ScenarioFuzz $(FUZZ_FLAGS)
	@mkdir -p Fuzz/.build/corpus/scenario
	cp Scenarios/*.yaml Fuzz/Corpus/scenario/* Fuzz/.build/corpus/scenario/
	@cp Fuzz/Regressions/scenario/* Fuzz/.build/corpus/scenario/ 2>/dev/null || true
	cd Fuzz && ./.build/debug/ScenarioFuzz .build/corpus/scenario -max_total_time=$(FUZZ_SECONDS) \
	  -timeout=$(FUZZ_TIMEOUT) -rss_limit_mb=1024 -max_len=16384 -detect_leaks=1 -print_final_stats=1 \
	  -artifact_prefix=.build/ 2>&1 | grep -v '^#[0-9]*.*\(NEW\|REDUCE\|pulse\)' ; exit $${PIPESTATUS[0]}
# make fuzz-pdh FUZZ_SECONDS=N: the same for smsim calibrate's readers (PDH-CSV logs, joining
# them on time, work-items exports), from the seeds in Fuzz/Corpus/pdh/.
fuzz-pdh: deps
	cd Fuzz && $(SWIFT) build --product PDHCSVFuzz $(FUZZ_FLAGS)
	@mkdir -p Fuzz/.build/corpus/pdh
	cp Fuzz/Corpus/pdh/* Fuzz/.build/corpus/pdh/
	cd Fuzz && ./.build/debug/PDHCSVFuzz .build/corpus/pdh -max_total_time=$(FUZZ_SECONDS) \
	  -timeout=$(FUZZ_TIMEOUT) -rss_limit_mb=1024 -max_len=16384 -detect_leaks=1 -print_final_stats=1 \
	  -artifact_prefix=.build/ 2>&1 | grep -v '^#[0-9]*.*\(NEW\|REDUCE\|pulse\)' ; exit $${PIPESTATUS[0]}
# Only the targets with static limits are built and run (the Thresholds/ files name them);
# the model-versus-kernel ratio has no malloc limit and is skipped.
BENCH_MALLOC_TARGETS := $(shell ls Benchmarks/Thresholds 2>/dev/null | sed 's/\..*//' | sort -u | paste -sd'|')
bench-mallocs: deps
	$(call bench_gate,thresholds check --target '^($(BENCH_MALLOC_TARGETS))$$' --skip 'Weekday50-vs-MM1' --metric mallocCountTotal --no-progress)

clean:
	rm -rf .build Benchmarks/.build Fuzz/.build
