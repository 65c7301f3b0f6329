SHELL := /bin/bash
# smsim — two commands on a fresh machine:
#   make demo   install what is missing, build release, run the main job
#   make test   install what is missing, run the test suite
SWIFT      ?= swift
RELEASE    := .build/release/smsim
APT_PKGS   := libgsl-dev pkg-config gnuplot-nox

.PHONY: demo test build release deps bench bench-baseline bench-check validate clean

deps:
	@missing=""; \
	pkg-config --exists gsl 2>/dev/null || missing="$$missing libgsl-dev pkg-config"; \
	command -v gnuplot >/dev/null 2>&1 || missing="$$missing gnuplot-nox"; \
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

release: deps
	$(SWIFT) build -c release

test: deps
	$(SWIFT) test

validate: release
	$(RELEASE) validate

demo: release
	$(RELEASE) validate

bench: deps
	cd Benchmarks && $(SWIFT) package benchmark

bench-baseline: deps
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark baseline update main

bench-check: deps
	cd Benchmarks && $(SWIFT) package benchmark baseline check main

clean:
	rm -rf .build Benchmarks/.build
