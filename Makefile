# Spoorwijzer build. `make run` and `make test` are the two entry points;
# both install missing Debian packages first (scripts/deps.sh).

CC      ?= cc
PKGS    := libmicrohttpd jansson sqlite3 libpq libsodium pangocairo fontconfig libical
SANITIZE ?= 0

CFLAGS  ?= -O2 -g
CFLAGS  += -std=c17 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
           -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Isrc -pthread
LDLIBS  += -lm -pthread

ifeq ($(SANITIZE),1)
BUILD   ?= build/asan
CFLAGS  += -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
LDFLAGS += -fsanitize=address,undefined
else
BUILD   ?= build/release
endif

# pkg-config is only consulted once the packages are there (after deps).
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)

LIB_SRC  := $(wildcard src/core/*.c src/store/*.c src/http/*.c src/api/*.c src/export/*.c)
CLI_SRC  := $(wildcard src/cli/*.c)
TEST_SRC := $(wildcard tests/*/test_*.c)
BENCH_SRC:= $(wildcard bench/*.c)

LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
LIB      := $(BUILD)/libspoorwijzer.a
BIN      := $(BUILD)/spoorwijzer
TESTS    := $(TEST_SRC:%.c=$(BUILD)/%)
BENCHES  := $(BENCH_SRC:%.c=$(BUILD)/%)

DB      ?= sqlite:var/spoorwijzer.db
LISTEN  ?= 127.0.0.1:8080
# The demo's key of the medical domain: outside the database, made once.
MEDICAL_KEY ?= var/medical.key

.PHONY: all deps run test test-build bench screenshots clean
all: $(BIN)

deps:
	@./scripts/deps.sh

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(PKG_LIBS) $(LDLIBS)

$(BUILD)/tests/%: tests/%.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -Itests $(LDFLAGS) -o $@ $< $(LIB) $(PKG_LIBS) -lcmocka -lcurl $(LDLIBS)

$(BUILD)/bench/%: bench/%.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(PKG_LIBS) $(LDLIBS)

run: deps
	@$(MAKE) --no-print-directory all web/dist/index.html
	@mkdir -p var
	$(BIN) db migrate --database $(DB)
	@test -f $(MEDICAL_KEY) || $(BIN) key generate $(MEDICAL_KEY)
	$(BIN) db seed --database $(DB) --medical-key $(MEDICAL_KEY)
	$(BIN) serve --database $(DB) --listen $(LISTEN) --web web/dist --medical-key $(MEDICAL_KEY)

# The portal (Vite + Preact + TypeScript), rebuilt when its sources change.
WEB_SRC := $(shell find web/src web/public -type f 2>/dev/null) web/index.html \
           web/package.json web/package-lock.json web/vite.config.ts web/tsconfig.json
web/dist/index.html: $(WEB_SRC)
	cd web && npm ci --no-audit --no-fund && npm run build

# Tests always run under AddressSanitizer and UndefinedBehaviorSanitizer.
test: deps
	@$(MAKE) --no-print-directory SANITIZE=1 test-build
	@BUILD=build/asan ./tests/run.sh

test-build: $(BIN) $(TESTS)

bench: deps
	@$(MAKE) --no-print-directory SANITIZE=0 $(BIN) $(BENCHES)
	@BUILD=build/release ./bench/run.sh

# PNGs of each role's main pages in docs/screenshots: the real server with
# fresh seeded demo data and Debian's chromium (tests/web/serve.sh).
screenshots: deps
	@$(MAKE) --no-print-directory all web/dist/index.html
	@rm -f docs/screenshots/*.png
	@BUILD=$(BUILD) sh tests/web/serve.sh node web/dev/screenshots.mjs $(CURDIR)/docs/screenshots

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
