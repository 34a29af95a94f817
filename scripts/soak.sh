#!/usr/bin/env bash
# scripts/soak.sh — issue 7's soak: steady, bounded load for a long time; memory,
# goroutines and errors must stay flat.
#
#   ./scripts/soak.sh                                  # 10 minutes, 16 customers
#   SOAK_DURATION=3m SOAK_CUSTOMERS=8 ./scripts/soak.sh
#   SOAK_OUT=/tmp/soak ./scripts/soak.sh               # keep the samples and reports
#
# On this machine, in one run:
#   1. builds intake and loadgen;
#   2. starts throw-away MariaDB and Redis exactly as scripts/test.sh does
#      (scripts/lib-services.sh), a fake WeChat API (loadgen --fake-api) and `intake serve`
#      on them, everything on 127.0.0.1;
#   3. runs loadgen's full script with SOAK_CUSTOMERS customers (16), each pausing
#      SOAK_THINK (200ms) after every reply — a bounded load, not a closed loop at full
#      speed — for SOAK_DURATION (10m) in consecutive phases of at most SOAK_PHASE (4m):
#      loadgen prepares each phase's signed requests when it starts, and WeChat's timestamps
#      expire after five minutes;
#   4. every SOAK_INTERVAL seconds (30) samples the service: resident memory (VmRSS of
#      /proc/PID/status), Go heap in use and goroutines (/metrics), the webhook's requests
#      and failures by outcome and the failed WeChat API calls (/metrics), and Redis's
#      used memory;
#   5. prints the samples, each phase's loadgen report, and a verdict: flat when the
#      average RSS, heap and goroutines of the last third of the samples are within
#      SOAK_TOLERANCE percent (15) of the first third's, and errors do not grow (no failed
#      turns or empty replies in loadgen's reports, and the service's error counters add no
#      more in the last third than in the first).
#
# Redis's memory is expected to grow: every conversation stays for session.idle_ttl (72h).
# It is reported, not judged. The script stops what it started, by PID, whatever happens,
# and gives up after the duration plus SOAK_SLACK seconds (300).
#
# Exit status: 0 when flat, 1 when not flat or a step failed.
set -euo pipefail
# shellcheck disable=SC2154 # mariadb_client, socket, mariadb_port, redis_port: set by lib-services.sh

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib-services.sh
source scripts/lib-services.sh

# seconds converts 10m, 90s, 1h or a plain number of seconds to seconds.
seconds() {
	case "$1" in
	*h) echo $((${1%h} * 3600)) ;;
	*m) echo $((${1%m} * 60)) ;;
	*s) echo "${1%s}" ;;
	*) echo "$1" ;;
	esac
}

duration=$(seconds "${SOAK_DURATION:-10m}")
phase_max=$(seconds "${SOAK_PHASE:-4m}")
interval=${SOAK_INTERVAL:-30}
customers=${SOAK_CUSTOMERS:-16}
think=${SOAK_THINK:-200ms}
tolerance=${SOAK_TOLERANCE:-15}
((phase_max <= 270)) || die "SOAK_PHASE must be at most 4m30s (WeChat timestamps expire after 5 minutes)"

if [[ -z ${SOAK_UNDER_TIMEOUT:-} ]]; then
	SOAK_UNDER_TIMEOUT=1 exec timeout --kill-after=10 "$((duration + ${SOAK_SLACK:-300}))" "$0" "$@"
fi

# ---------------------------------------------------------------- temp dir and cleanup
start_run soak "${SOAK_OUT:-}" intake.log

# ---------------------------------------------------------------- build
started=$(now_ms)
for cmd in intake loadgen; do
	go build -o "$bin/$cmd" "./cmd/$cmd" || die "go build ./cmd/$cmd"
done
say "built intake and loadgen in $(($(now_ms) - started)) ms"

# ---------------------------------------------------------------- servers
install_services
start_mariadb
start_redis
"$mariadb_client" --no-defaults --protocol=socket --socket="$socket" -uroot -e \
	"CREATE DATABASE intake_soak CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" ||
	die "could not create the soak database"

api_port=$(free_port) || die "no free port for the fake WeChat API"
"$bin/loadgen" --fake-api "127.0.0.1:$api_port" 2>"$tmp/fake-api.log" &
pids+=($!)
wait_port "$api_port"

svc_port=$(free_port) || die "no free port for intake"
env INTAKE_HTTP_ADDR="127.0.0.1:$svc_port" \
	INTAKE_MYSQL_DSN="intake:intake@tcp(127.0.0.1:$mariadb_port)/intake_soak" \
	INTAKE_REDIS_ADDR="127.0.0.1:$redis_port" \
	INTAKE_WECHAT_TOKEN=testtoken \
	INTAKE_WECHAT_AES_KEY=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG \
	INTAKE_WECHAT_APP_ID=wx0000000000000000 \
	INTAKE_WECHAT_APP_SECRET=soaksecret \
	INTAKE_WECHAT_API_BASE="http://127.0.0.1:$api_port" \
	INTAKE_DATA_DIR="$tmp/data" \
	"$bin/intake" serve --config config.yaml >"$tmp/intake.out" 2>"$tmp/intake.log" &
intake_pid=$!
pids+=("$intake_pid")
base="http://127.0.0.1:$svc_port"
wait_http "$base/readyz"

# ---------------------------------------------------------------- sampling
# metric prints the sum of the samples of metric $1 (a name, optionally with a label
# filter such as 'outcome="error"') in the /metrics text $2.
metric() {
	awk -v name="$1" '
		BEGIN { split(name, p, "{"); n = p[1]; f = (2 in p) ? p[2] : ""; sub(/}$/, "", f) }
		/^#/ { next }
		{
			m = $1; sub(/\{.*/, "", m)
			if (m != n) next
			if (f != "" && index($1, f) == 0) next
			s += $NF
		}
		END { printf "%d", s }' <<<"$2"
}

samples="$out/samples.tsv"
printf 't_s\trss_kb\theap_kb\tgoroutines\trequests\tfailed\tasync\tapi_errors\tredis_kb\n' >"$samples"

# sample appends one line to the samples: seconds since the load started and the figures.
sample() {
	local m rss redis_mem failed
	m=$(curl -fsS --max-time 5 "$base/metrics") || {
		echo "warning: /metrics did not answer at $(($(date +%s) - load_started)) s" >&2
		return 0
	}
	rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$intake_pid/status")
	redis_mem=$(redis-cli -h 127.0.0.1 -p "$redis_port" info memory | awk -F: '/^used_memory:/ { printf "%d", $2 / 1024 }')
	failed=$(($(metric 'intake_webhook_requests_total{outcome="error"' "$m") +
		$(metric 'intake_webhook_requests_total{outcome="malformed"' "$m") +
		$(metric 'intake_webhook_requests_total{outcome="replay"' "$m") +
		$(metric 'intake_webhook_requests_total{outcome="bad_signature"' "$m")))
	printf '%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\n' "$(($(date +%s) - load_started))" "$rss" \
		"$(($(metric go_memstats_heap_inuse_bytes "$m") / 1024))" "$(metric go_goroutines "$m")" \
		"$(metric intake_webhook_requests_total "$m")" "$failed" \
		"$(metric 'intake_webhook_requests_total{outcome="async"' "$m")" \
		"$(metric intake_wechat_api_errors_total "$m")" "$redis_mem" >>"$samples"
}

load_started=$(date +%s)
(
	trap 'kill "$nap" 2>/dev/null; exit 0' TERM
	while :; do
		sleep "$interval" &
		nap=$!
		wait "$nap"
		sample
	done
) &
sampler_pid=$!
pids+=("$sampler_pid")

# ---------------------------------------------------------------- load
say "soak: $customers customers, think $think, ${duration}s in phases of at most ${phase_max}s, a sample every ${interval}s"
phase=0
load_failed=0
while :; do
	left=$((duration - ($(date +%s) - load_started)))
	((left >= 15)) || break
	phase=$((phase + 1))
	d=$((left < phase_max ? left : phase_max))
	say "phase $phase: ${d}s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
	if ! "$bin/loadgen" --url "$base/wechat" --script full --customers "$customers" --think "$think" \
		--warmup 1 --duration "${d}s" --fail-on-error --out "$out/phase-$phase.json" >"$out/phase-$phase.txt" 2>&1; then
		load_failed=1
	fi
	sed 's/^/    /' "$out/phase-$phase.txt"
done
sleep 2
sample # after the load: what is left once it stops
stop_pid "$sampler_pid"

# ---------------------------------------------------------------- verdict
say "samples (t: seconds since the load started; the last one 2 s after it stopped)"
column -t "$samples"

verdict=$(awk -F'\t' -v tol="$tolerance" '
	NR == 1 { next }
	{ n++; t[n] = $1; rss[n] = $2; heap[n] = $3; gr[n] = $4; failed[n] = $6 }
	END {
		if (n < 6) { print "NOT JUDGED: fewer than 6 samples"; exit }
		k = int((n - 1) / 3) # the last sample is after the load: left out of the thirds
		for (i = 1; i <= k; i++) { r1 += rss[i]; h1 += heap[i]; g1 += gr[i] }
		for (i = n - k; i <= n - 1; i++) { r3 += rss[i]; h3 += heap[i]; g3 += gr[i] }
		e1 = failed[k] - 0; e3 = failed[n - 1] - failed[n - k - 1]
		ok = 1
		printf "first third (%d samples) vs last third (%d samples):\n", k, k
		split("RSS heap goroutines", names, " ")
		a[1] = r1 / k; b[1] = r3 / k; a[2] = h1 / k; b[2] = h3 / k; a[3] = g1 / k; b[3] = g3 / k
		for (j = 1; j <= 3; j++) {
			ch = (a[j] > 0) ? (b[j] - a[j]) * 100 / a[j] : 0
			flat = (ch <= tol && ch >= -tol)
			if (!flat) ok = 0
			printf "  %-10s %12.1f -> %12.1f  (%+.1f %%) %s\n", names[j], a[j], b[j], ch, flat ? "flat" : "NOT FLAT"
		}
		printf "  failed turns counted by the service: %d in the first third, %d in the last third, %d in all\n", e1, e3, failed[n]
		if (e3 > e1) ok = 0
		print ok ? "VERDICT_FLAT" : "VERDICT_NOT_FLAT"
	}' "$samples")
echo "$verdict" | grep -v '^VERDICT_'

say "loadgen over all phases"
for f in "$out"/phase-*.json; do
	grep -E '"(requests|errors|empty_replies|tickets|completed)":' "$f" | head -5 | tr -d ' ,"' | paste -sd' ' | sed "s|^|  $(basename "$f" .json): |"
done

rc=0
if [[ $verdict == *VERDICT_NOT_FLAT* ]] || ((load_failed)); then
	rc=1
	say "NOT FLAT or failing: see above (loadgen reported failures: $load_failed)"
elif [[ $verdict == *NOT\ JUDGED* ]]; then
	rc=1
	say "not judged: too few samples"
else
	say "FLAT: memory and goroutines within ${tolerance} %, no error growth, no failed turns"
fi
exit "$rc"
