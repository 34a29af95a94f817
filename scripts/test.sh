#!/usr/bin/env bash
# scripts/test.sh — the project's test command.
#
#   ./scripts/test.sh                    vet + all tests + fuzz smoke run
#   ./scripts/test.sh ./triage/...       vet + tests of those packages only
#   ./scripts/test.sh -run TestClaim -v ./triage/triagedb
#
# It starts throw-away MariaDB and Redis servers and a three-master Redis Cluster
# on free loopback ports in a temporary directory, points the tests at them
# (INTAKE_TEST_MYSQL_DSN, INTAKE_TEST_REDIS_ADDR, INTAKE_TEST_REDIS_CLUSTER_ADDRS),
# runs `go vet` and `go test -count=1`, then stops the servers it started and
# removes the directory, whatever happened.
#
# Arguments: words starting with "./", "../" or the module path, or ".", are
# package patterns (default ./...); everything else is passed to `go test`
# as flags (write flag values attached: -run=TestX). The fuzz smoke run
# (FUZZ_TARGETS below) only happens when no argument is given.
#
# Missing servers are installed with apt-get (Debian/Ubuntu, as root or with
# sudo). Neither systemd nor the distribution's own services are used.
#
# For tests that must take the database away and bring it back, the script
# exports INTAKE_TEST_MARIADB_RESTART, a script taking "stop", "start" or
# "restart", and INTAKE_TEST_MARIADB_PIDFILE. The server is shared by every
# package under test, so such a test disturbs tests running in parallel in
# other packages; keep it in a package run on its own or accept the risk.
#
# Exit status: non-zero if vet, the tests or a fuzz target failed.
set -euo pipefail

# Fuzz smoke run: each entry is "package:FuzzName", e.g. "./bot:FuzzStep".
# Each runs for $INTAKE_FUZZTIME after the tests pass: a count of inputs (default
# 20000x), not a duration, because a duration-based -fuzztime on Go 1.26 can fail with a
# spurious "context deadline exceeded" at its end on a loaded machine (golang/go#75804,
# fixed in Go 1.27).
FUZZ_TARGETS=(
	./handlers:FuzzWebhookMessage
	./handlers:FuzzWebhookEnvelope
	./bot:FuzzStep
	./bot:FuzzExtract
	./knowledge:FuzzMatch
)

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib-services.sh
source scripts/lib-services.sh
module=$(go list -m)

# ---------------------------------------------------------------- arguments
pkgs=()
flags=()
for a in "$@"; do
	case "$a" in
	. | ./* | ../* | "$module" | "$module"/*) pkgs+=("$a") ;;
	*) flags+=("$a") ;;
	esac
done
full_run=$((${#pkgs[@]} == 0 && ${#flags[@]} == 0))
((${#pkgs[@]})) || pkgs=(./...)

# ---------------------------------------------------------------- temp dir and cleanup
tmp=$(mktemp -d "${TMPDIR:-/tmp}/intake-test.XXXXXX")
say "servers and logs in $tmp"
redis_pid=""
redis_cluster_pids=()

# shellcheck disable=SC2317 # called through trap
cleanup() {
	local rc=$?
	set +e
	trap - EXIT INT TERM
	stop_services
	rm -rf "$tmp"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- servers
install_services
start_mariadb
start_redis
start_redis_cluster # for the tests that prove the service on Redis Cluster (internal/clustertest)

export INTAKE_TEST_MYSQL_DSN="intake:intake@tcp(127.0.0.1:$mariadb_port)/"
export INTAKE_TEST_REDIS_ADDR="127.0.0.1:$redis_port"
export INTAKE_TEST_REDIS_CLUSTER_ADDRS="$redis_cluster_addrs"
export INTAKE_TEST_MARIADB_PIDFILE="$tmp/mariadb.pid"
export INTAKE_TEST_MARIADB_RESTART="$tmp/restart-mariadb.sh"

# apt_get runs apt-get (through sudo when not root), refreshing the package lists once
# first: a fresh machine may have none.
apt_updated=""
apt_get() {
	local sudo=()
	((EUID == 0)) || sudo=(sudo)
	if [[ -z $apt_updated ]]; then
		"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=600 update || return
		apt_updated=1
	fi
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=600 "$@"
}

# ---------------------------------------------------------------- chromium
# Headless Chromium for the console's browser test (handlers/console_browser_test.go), with a
# Chinese font so its screenshots are legible.
if ! command -v chromium >/dev/null || ! fc-list :lang=zh 2>/dev/null | grep -q .; then
	say "installing chromium and a Chinese font (for the browser test)"
	apt_get install --no-install-recommends chromium fonts-wqy-zenhei >"$tmp/apt-chromium.log" 2>&1 || true
fi
if command -v chromium >/dev/null; then
	INTAKE_TEST_CHROMIUM=$(command -v chromium)
	export INTAKE_TEST_CHROMIUM
else
	say "chromium not installed; the browser test will fail under CI"
fi

# ---------------------------------------------------------------- tesseract
# Tesseract with its Simplified Chinese data reads the text of the photos customers send
# (internal/photoread), and an outline Chinese font draws the test photos (phototest: the
# browser tests' wqy-zenhei carries bitmap strikes x/image cannot parse). Under CI a
# missing tesseract fails the photo tests.
if ! command -v tesseract >/dev/null || ! tesseract --list-langs 2>/dev/null | grep -qx chi_sim ||
	! [[ -e /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ]]; then
	say "installing tesseract-ocr, its Chinese data and a font (for the photo tests)"
	apt_get install --no-install-recommends tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng fonts-droid-fallback \
		>"$tmp/apt-tesseract.log" 2>&1 || true
fi
command -v tesseract >/dev/null || say "tesseract not installed; the photo tests will fail under CI"

# ---------------------------------------------------------------- nginx
# nginx for the proxy drill (internal/loadgen TestDrillNginx): it runs the shipped
# deploy/nginx site on loopback as this user, never the distribution's service.
if ! command -v nginx >/dev/null; then
	say "installing nginx-light (for the proxy drill)"
	apt_get install --no-install-recommends nginx-light >"$tmp/apt-nginx.log" 2>&1 || true
	# The package starts its own service on port 80; only the binary is wanted here.
	if command -v nginx >/dev/null && [[ -s /run/nginx.pid ]]; then
		nginx -s quit 2>/dev/null || true
	fi
fi
command -v nginx >/dev/null || say "nginx not installed; the proxy drill will fail under CI"
# systemd-analyze, for deploy/'s `systemd-analyze verify` of the shipped unit (no systemd runs).
if ! command -v systemd-analyze >/dev/null; then
	say "installing systemd (for systemd-analyze verify)"
	apt_get install --no-install-recommends systemd >"$tmp/apt-systemd.log" 2>&1 || true
fi

# ---------------------------------------------------------------- wxsim
# The independent WeChat simulator (Node, node-webot's wechat-crypto) beside the
# repository, for the interop test. It is copied, never vendored: its one
# dependency comes from the npm registry.
wxsim_src=""
for d in ../shared/tools/wxsim ../../shared/tools/wxsim; do
	if [[ -f $d/wxsim.js ]]; then
		wxsim_src=$d
		break
	fi
done
if [[ -n $wxsim_src ]]; then
	if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
		say "installing nodejs npm (for wxsim)"
		apt_get install --no-install-recommends nodejs npm >"$tmp/apt-node.log" 2>&1 || true
	fi
	mkdir -p "$tmp/wxsim"
	cp "$wxsim_src"/wxsim.js "$wxsim_src"/package.json "$tmp/wxsim/"
	if (cd "$tmp/wxsim" && npm install --silent --no-audit --no-fund >"$tmp/npm.log" 2>&1); then
		export INTAKE_TEST_WXSIM="$tmp/wxsim/wxsim.js"
		say "wxsim ready ($wxsim_src)"
	else
		tail -n 20 "$tmp/npm.log" >&2
		say "wxsim: npm install failed; the interop test will fail under CI"
	fi
else
	say "wxsim not found beside the repository; the interop test will fail under CI"
fi

# ---------------------------------------------------------------- Go
status=0
say "go vet ${pkgs[*]}"
go vet "${pkgs[@]}" || status=$?

test_cmd=(go test -count=1 "${flags[@]}" "${pkgs[@]}")
say "${test_cmd[*]}"
"${test_cmd[@]}" || status=$?

# Drills take shared servers away (e.g. stop MariaDB), so they run alone, after the
# other tests, one package at a time (-p 1): go test -tags drill.
if ((full_run && status == 0)); then
	say "drills: go test -p 1 -tags drill -run Drill ./internal/... ./handlers/..."
	go test -count=1 -p 1 -tags drill -run Drill ./internal/... ./handlers/... || status=$?
fi

if ((full_run && status == 0)); then
	for target in "${FUZZ_TARGETS[@]}"; do
		pkg=${target%%:*}
		name=${target#*:}
		say "fuzz $name in $pkg for ${INTAKE_FUZZTIME:-20000x}"
		go test -run='^$' -fuzz="^$name\$" -fuzztime="${INTAKE_FUZZTIME:-20000x}" "$pkg" || status=$?
	done
fi

if ((status == 0)); then
	say "all passed"
else
	say "FAILED (status $status)"
fi
exit "$status"
