# ebbnode — the two commands a newcomer needs:
#   make demo   builds examples/hello.js into an image and boots it in QEMU
#   make test   runs every test (what CI runs)
#   make demo-http  boots examples/http.js with -p 8080:8080 and curls it
# Both install what they need first (scripts/ensure-deps).

GO      ?= go
VERSION ?= $(shell git describe --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)
BIN     := bin/ebbnode
RUNTIME := bin/ebbnode-native.elf

.PHONY: all build demo demo-hosted demo-http test vet deps bench clean

all: build

# The CLI and, beside it, the prebuilt native runtime that `ebbnode build`
# attaches app bundles to (so building an app needs no Go compiler).
build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/ebbnode
	$(GO) run ./cmd/ebbnode-native/link -o $(RUNTIME)

deps:
	scripts/ensure-deps

demo: deps build
	$(BIN) build examples/hello.js -o bin/hello.img
	$(BIN) run bin/hello.img

# examples/http.js in an image, booted with -p 8080:8080 and asked with
# curl 127.0.0.1:8080, then stopped (scripts/demo-http; PORT=... to move
# it). Needs the image's network and http module.
demo-http: deps build
	scripts/demo-http

demo-hosted: build
	$(BIN) exec examples/hello.js

vet:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

test: deps vet
	$(GO) test -timeout 60m ./...

bench: deps build
	$(BIN) bench --out benchmarks/results $(BENCHFLAGS)

clean:
	rm -rf bin
