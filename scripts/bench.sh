#!/usr/bin/env bash
# scripts/bench.sh — issue 7's turn-throughput benchmark, the figures of BENCHMARKS.md.
#
#   ./scripts/bench.sh
#   BENCH_CUSTOMERS=64 BENCH_DURATION=30s BENCH_OUT=/tmp/bench ./scripts/bench.sh
#
# On this machine, in one run:
#   1. builds intake, barewx and loadgen;
#   2. starts throw-away MariaDB and Redis exactly as scripts/test.sh does
#      (scripts/lib-services.sh) and a fake WeChat API (loadgen --fake-api);
#   3. runs barewx (Echo + the SDK: verify, decrypt, echo) and measures the echo script;
#   4. runs `intake serve` on MariaDB + Redis in safe mode and measures the full script
#      (greeting → symptom → self-service → details → confirm → ticket);
#   5. measures the full script again while collecting a CPU profile from the service's
#      pprof listener (debug.pprof_addr);
#   6. prints both runs with the throughput ratio against the goal, `go tool pprof -top`
#      and where the service's goroutines wait (goroutine snapshots during the profile).
#
# Every measurement: BENCH_CUSTOMERS customers at once (32), BENCH_WARMUP conversations each
# first (2), then BENCH_DURATION on the clock (20s); the profile covers BENCH_PROFILE_SECONDS
# (20). Everything listens on 127.0.0.1 only. The whole script is stopped after
# BENCH_TIMEOUT seconds (290). It stops what it started, by PID, whatever happens.
# BENCH_OUT, when set, keeps the reports, the profile and the intake binary there.
# BENCH_THINK (e.g. 40ms) makes every customer pause after each reply: latency at a
# bounded load instead of throughput at saturation.
#
# Exit status: non-zero if a step failed. Missing the goal is reported, not a failure.
set -euo pipefail

if [[ -z ${BENCH_UNDER_TIMEOUT:-} ]]; then
	BENCH_UNDER_TIMEOUT=1 exec timeout --kill-after=10 "${BENCH_TIMEOUT:-290}" "$0" "$@"
fi

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib-services.sh
source scripts/lib-services.sh

customers=${BENCH_CUSTOMERS:-32}
duration=${BENCH_DURATION:-20s}
warmup=${BENCH_WARMUP:-2}
profile_seconds=${BENCH_PROFILE_SECONDS:-20}

bench_started=$(now_ms)

# ---------------------------------------------------------------- temp dir and cleanup
start_run bench "${BENCH_OUT:-}" bin/intake

# goroutine_summary reads goroutine profiles (debug=1) and prints, per place, the average
# number of goroutines there: the frame they wait in and the innermost frame of this
# module on their stack. This is the off-CPU view the CPU profile cannot give.
goroutine_summary() {
	awk -v snapshots="$#" '
		/^[0-9]+ @/ { n = $1; top = ""; ours = ""; next }
		/^#\t0x/ {
			f = $3; sub(/\+0x[0-9a-f]+$/, "", f)
			if (top == "") top = f
			if (ours == "" && f ~ /^github\.com\/wxintake\//) ours = f
			next
		}
		/^$/ { if (n) count[top "  " ours] += n; n = 0 }
		END {
			if (n) count[top "  " ours] += n
			for (k in count) printf "%7.1f  %s\n", count[k] / snapshots, k
		}' "$@" | sort -rn | awk 'NR <= 15' # reads all: no SIGPIPE under pipefail
}

# cpu_ms prints the CPU time (user + system) process $1 has used so far, in ms.
clk_tck=$(getconf CLK_TCK)
cpu_ms() {
	local stat
	stat=$(<"/proc/$1/stat")
	read -r -a stat <<<"${stat##*) }" # fields from the state on: utime is 12th, stime 13th
	echo $(((stat[11] + stat[12]) * 1000 / clk_tck))
}

# requests_in prints the requests a loadgen report counts, warm-up included.
requests_in() { grep -o '"requests": [0-9]*' "$1" | awk '{ n += $2 } END { print n }'; }

# cpu_report prints CPU per request for "name pid before" triples, after run report $1.
cpu_report() {
	local report=$1 n name pid before used
	n=$(requests_in "$report")
	shift
	while (($# >= 3)); do
		name=$1 pid=$2 before=$3
		shift 3
		used=$(($(cpu_ms "$pid") - before))
		printf '    %-8s %6d ms CPU for %6d requests = %4d µs per request\n' "$name" "$used" "$n" $((used * 1000 / n))
	done | tee -a "$out/cpu.txt"
}

# measure runs loadgen with the common flags and "$@", prints its report and the CPU it
# used per request (it shares the machine with the servers).
measure() {
	local name=$1 TIMEFORMAT='%3U %3S' u st n
	shift
	{ time "${load[@]}" --out "$out/$name.json" "$@" >"$out/$name.txt" 2>"$out/$name.err"; } 2>"$out/$name.time" ||
		die "the $name run had errors: $(cat "$out/$name.txt" "$out/$name.err")"
	cat "$out/$name.txt"
	read -r u st <"$out/$name.time"
	n=$(requests_in "$out/$name.json")
	echo "  client and server CPU, warm-up included:" | tee -a "$out/cpu.txt"
	printf '    %-8s %6d ms CPU for %6d requests = %4d µs per request\n' loadgen "$(awk -v u="$u" -v s="$st" 'BEGIN { print int((u + s) * 1000) }')" "$n" \
		"$(awk -v u="$u" -v s="$st" -v n="$n" 'BEGIN { print int((u + s) * 1e6 / n) }')" | tee -a "$out/cpu.txt"
}

# ---------------------------------------------------------------- build
started=$(now_ms)
for cmd in intake barewx loadgen; do
	go build -o "$bin/$cmd" "./cmd/$cmd" || die "go build ./cmd/$cmd"
done
say "built intake, barewx and loadgen in $(($(now_ms) - started)) ms"

# ---------------------------------------------------------------- servers
install_services
start_mariadb
start_redis
"$mariadb_client" --no-defaults --protocol=socket --socket="$socket" -uroot -e \
	"CREATE DATABASE intake_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" ||
	die "could not create the benchmark database"

api_port=$(free_port) || die "no free port for the fake WeChat API"
"$bin/loadgen" --fake-api "127.0.0.1:$api_port" 2>"$tmp/fake-api.log" &
pids+=($!)
wait_port "$api_port"

load=("$bin/loadgen" --customers "$customers" --duration "$duration" --warmup "$warmup" --fail-on-error)
if [[ -n ${BENCH_THINK:-} ]]; then # a pause after every reply: a bounded load, not a closed loop
	load+=(--think "$BENCH_THINK")
fi

# ---------------------------------------------------------------- bare handler
bare_port=$(free_port) || die "no free port for barewx"
"$bin/barewx" --addr "127.0.0.1:$bare_port" >"$tmp/barewx.log" 2>&1 &
bare_pid=$!
pids+=("$bare_pid")
wait_port "$bare_port"
say "bare handler (barewx): echo script, $customers customers, $duration"
bare_cpu=$(cpu_ms "$bare_pid")
measure bare --url "http://127.0.0.1:$bare_port/wechat" --script echo
cpu_report "$out/bare.json" barewx "$bare_pid" "$bare_cpu"
stop_pid "$bare_pid"

# ---------------------------------------------------------------- full service
svc_port=$(free_port) || die "no free port for intake"
pprof_port=$(free_port) || die "no free port for pprof"
while [[ $pprof_port == "$svc_port" ]]; do pprof_port=$(free_port); done
env INTAKE_HTTP_ADDR="127.0.0.1:$svc_port" \
	INTAKE_MYSQL_DSN="intake:intake@tcp(127.0.0.1:$mariadb_port)/intake_bench" \
	INTAKE_REDIS_ADDR="127.0.0.1:$redis_port" \
	INTAKE_WECHAT_TOKEN=testtoken \
	INTAKE_WECHAT_AES_KEY=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG \
	INTAKE_WECHAT_APP_ID=wx0000000000000000 \
	INTAKE_WECHAT_APP_SECRET=benchsecret \
	INTAKE_WECHAT_API_BASE="http://127.0.0.1:$api_port" \
	INTAKE_DEBUG_PPROF_ADDR="127.0.0.1:$pprof_port" \
	INTAKE_DATA_DIR="$tmp/data" \
	"$bin/intake" serve --config config.yaml >"$tmp/intake.out" 2>"$tmp/intake.log" &
intake_pid=$!
pids+=("$intake_pid")
wait_http "http://127.0.0.1:$svc_port/readyz"
say "full service (intake serve, MariaDB + Redis): full script, $customers customers, $duration"
mariadb_pid=$(<"$tmp/mariadb.launched")
before=("$(cpu_ms "$intake_pid")" "$(cpu_ms "$mariadb_pid")" "$(cpu_ms "$redis_pid")")
measure full --url "http://127.0.0.1:$svc_port/wechat" --script full
cpu_report "$out/full.json" intake "$intake_pid" "${before[0]}" mariadbd "$mariadb_pid" "${before[1]}" \
	redis "$redis_pid" "${before[2]}"

# ---------------------------------------------------------------- profile
say "full service again, with a ${profile_seconds}s CPU profile"
"${load[@]}" --url "http://127.0.0.1:$svc_port/wechat" --script full --warmup 1 \
	--duration "$((profile_seconds + 4))s" --out "$out/profiled.json" >"$out/profiled.txt" &
load_pid=$!
pids+=("$load_pid")
sleep 2 # past the warm-up
curl -fsS --max-time "$((profile_seconds + 30))" -o "$out/cpu.pprof" \
	"http://127.0.0.1:$pprof_port/debug/pprof/profile?seconds=$profile_seconds" &
curl_pid=$!
pids+=("$curl_pid")
for i in 1 2 3 4 5; do # goroutine snapshots while the CPU profile runs
	sleep 2
	curl -fsS --max-time 5 -o "$out/goroutines-$i.txt" \
		"http://127.0.0.1:$pprof_port/debug/pprof/goroutine?debug=1" || die "could not read the goroutines"
done
wait "$curl_pid" || die "could not collect the CPU profile"
wait "$load_pid" || die "the profiled run had errors: $(cat "$out/profiled.txt")"
cat "$out/profiled.txt"
stop_pid "$intake_pid"

# ---------------------------------------------------------------- results
say "bare handler vs full service (load average now $(cut -d' ' -f1-3 /proc/loadavg))"
"$bin/loadgen" --compare "$out/bare.json,$out/full.json" | tee "$out/compare.md"
say "where the time goes: go tool pprof -top (flat)"
go tool pprof -top -nodecount=35 "$bin/intake" "$out/cpu.pprof" 2>/dev/null | tee "$out/pprof-top.txt"
say "where the time goes: go tool pprof -top -cum"
go tool pprof -top -cum -nodecount=45 "$bin/intake" "$out/cpu.pprof" 2>/dev/null | tee "$out/pprof-cum.txt"
say "where the turns wait: goroutines (average of 5 snapshots), waiting in / innermost intake frame"
goroutine_summary "$out"/goroutines-*.txt | tee "$out/goroutines.txt"
say "done in $(($(now_ms) - bench_started)) ms"
