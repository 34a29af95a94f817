#!/usr/bin/env bash
# scripts/bench-rate.sh — latency at fixed arrival rates (issue 16), the open-loop figures of
# BENCHMARKS.md.
#
#   ./scripts/bench-rate.sh                                   # 300 and 1000 req/s, MariaDB + Redis
#   BENCH_RATES="300 600 900 1200" ./scripts/bench-rate.sh    # a ladder, to find saturation
#   BENCH_MODE=embedded BENCH_RATES=300 ./scripts/bench-rate.sh
#
# On this machine, in one run:
#   1. builds intake and loadgen;
#   2. with BENCH_MODE=mariadb (the default), starts throw-away MariaDB and Redis exactly as
#      scripts/test.sh does (scripts/lib-services.sh); with BENCH_MODE=embedded, none: the
#      service runs on `go run ./cmd/intake`'s defaults, a SQLite file and an in-process Redis;
#   3. starts a fake WeChat API (loadgen --fake-api) and `intake serve` in safe mode with the
#      shipped config.yaml;
#   4. for each rate of BENCH_RATES, in order, against the same service: a closed-loop
#      warm-up (BENCH_CUSTOMERS customers × BENCH_WARMUP conversations), then the full script
#      as an open loop, `loadgen --rate R` for BENCH_DURATION (20s), and the CPU each process
#      used per request.
#
# Everything listens on 127.0.0.1 only. The whole script is stopped after BENCH_TIMEOUT
# seconds (600). It stops what it started, by PID, whatever happens. BENCH_OUT, when set,
# keeps the reports there. Errors and late starts are reported, not a failure: past
# saturation they are the point.
set -euo pipefail

if [[ -z ${BENCH_UNDER_TIMEOUT:-} ]]; then
	BENCH_UNDER_TIMEOUT=1 exec timeout --kill-after=10 "${BENCH_TIMEOUT:-600}" "$0" "$@"
fi

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib-services.sh
source scripts/lib-services.sh

read -r -a rates <<<"${BENCH_RATES:-300 1000}"
duration=${BENCH_DURATION:-20s}
warmup=${BENCH_WARMUP:-2}
customers=${BENCH_CUSTOMERS:-32}
mode=${BENCH_MODE:-mariadb}
[[ $mode == mariadb || $mode == embedded ]] || die "BENCH_MODE must be mariadb or embedded"

bench_started=$(now_ms)
start_run rate "${BENCH_OUT:-}"

# cpu_ms prints the CPU time (user + system) process $1 has used so far, in ms.
clk_tck=$(getconf CLK_TCK)
cpu_ms() {
	local stat
	stat=$(<"/proc/$1/stat")
	read -r -a stat <<<"${stat##*) }" # fields from the state on: utime is 12th, stime 13th
	echo $(((stat[11] + stat[12]) * 1000 / clk_tck))
}

# ---------------------------------------------------------------- build
started=$(now_ms)
for cmd in intake loadgen; do
	go build -o "$bin/$cmd" "./cmd/$cmd" || die "go build ./cmd/$cmd"
done
say "built intake and loadgen in $(($(now_ms) - started)) ms"

# ---------------------------------------------------------------- servers
env_db=()
if [[ $mode == mariadb ]]; then
	install_services
	start_mariadb
	start_redis
	"$mariadb_client" --no-defaults --protocol=socket --socket="$socket" -uroot -e \
		"CREATE DATABASE intake_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" ||
		die "could not create the benchmark database"
	env_db=(INTAKE_MYSQL_DSN="intake:intake@tcp(127.0.0.1:$mariadb_port)/intake_bench"
		INTAKE_REDIS_ADDR="127.0.0.1:$redis_port")
fi

api_port=$(free_port) || die "no free port for the fake WeChat API"
"$bin/loadgen" --fake-api "127.0.0.1:$api_port" 2>"$tmp/fake-api.log" &
pids+=($!)
wait_port "$api_port"

svc_port=$(free_port) || die "no free port for intake"
env "${env_db[@]}" \
	INTAKE_HTTP_ADDR="127.0.0.1:$svc_port" \
	INTAKE_WECHAT_TOKEN=testtoken \
	INTAKE_WECHAT_AES_KEY=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG \
	INTAKE_WECHAT_APP_ID=wx0000000000000000 \
	INTAKE_WECHAT_APP_SECRET=benchsecret \
	INTAKE_WECHAT_API_BASE="http://127.0.0.1:$api_port" \
	INTAKE_DATA_DIR="$tmp/data" \
	"$bin/intake" serve --config config.yaml >"$tmp/intake.out" 2>"$tmp/intake.log" &
intake_pid=$!
pids+=("$intake_pid")
wait_http "http://127.0.0.1:$svc_port/readyz"
procs=("intake $intake_pid")
if [[ $mode == mariadb ]]; then
	procs+=("mariadbd $(<"$tmp/mariadb.launched")" "redis $redis_pid")
fi

# ---------------------------------------------------------------- rates
for rate in "${rates[@]}"; do
	say "$mode: full script at $rate req/s for $duration (load average $(cut -d' ' -f1-3 /proc/loadavg))"
	before=()
	for p in "${procs[@]}"; do
		before+=("$(cpu_ms "${p#* }")")
	done
	TIMEFORMAT='%3U %3S'
	{ time "$bin/loadgen" --url "http://127.0.0.1:$svc_port/wechat" --script full --rate "$rate" \
		--duration "$duration" --warmup "$warmup" --customers "$customers" \
		--out "$out/rate-$rate.json" >"$out/rate-$rate.txt" 2>"$out/rate-$rate.err"; } 2>"$out/rate-$rate.time" ||
		say "loadgen exited with an error: $(cat "$out/rate-$rate.err")"
	cat "$out/rate-$rate.txt"
	n=$(grep -o '"requests": [0-9]*' "$out/rate-$rate.json" | awk '{ n += $2 } END { print n }')
	echo "  CPU per request, warm-up included ($n requests):"
	i=0
	for p in "${procs[@]}"; do
		used=$(($(cpu_ms "${p#* }") - before[i]))
		printf '    %-8s %6d ms = %4d µs per request\n' "${p% *}" "$used" $((used * 1000 / n))
		i=$((i + 1))
	done
	read -r u st <"$out/rate-$rate.time"
	awk -v u="$u" -v s="$st" -v n="$n" 'BEGIN { printf "    %-8s %6d ms = %4d µs per request (with its off-clock preparation)\n", "loadgen", (u + s) * 1000, (u + s) * 1e6 / n }'
done
say "done in $(($(now_ms) - bench_started)) ms"
