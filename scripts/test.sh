#!/usr/bin/env bash
# scripts/test.sh — the project's test command.
#
#   ./scripts/test.sh                    vet + all tests + fuzz smoke run
#   ./scripts/test.sh ./triage/...       vet + tests of those packages only
#   ./scripts/test.sh -run TestClaim -v ./triage/triagedb
#
# It starts throw-away MariaDB and Redis servers on free loopback ports in a
# temporary directory, points the tests at them (INTAKE_TEST_MYSQL_DSN,
# INTAKE_TEST_REDIS_ADDR), runs `go vet` and `go test -count=1`, then stops the
# servers it started and removes the directory, whatever happened.
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
# Each runs for $INTAKE_FUZZTIME (default 10s) after the tests pass.
FUZZ_TARGETS=(
	./handlers:FuzzWebhookMessage
	./handlers:FuzzWebhookEnvelope
)

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"
module=$(go list -m)

say() { printf '==> %s\n' "$*"; }
die() {
	printf '==> FAILED: %s\n' "$*" >&2
	exit 1
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# first_bin prints the path of the first of its arguments found on PATH.
first_bin() {
	local b
	for b in "$@"; do
		if command -v "$b" >/dev/null 2>&1; then
			command -v "$b"
			return 0
		fi
	done
	return 1
}

# port_in_use succeeds when something accepts connections on 127.0.0.1:$1.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# free_port prints a port nobody listens on, searching from a random base.
free_port() {
	local p=$((20000 + RANDOM % 30000)) i
	for ((i = 0; i < 500; i++, p++)); do
		if ! port_in_use "$p"; then
			echo "$p"
			return 0
		fi
	done
	return 1
}

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

# shellcheck disable=SC2317 # called through trap
cleanup() {
	local rc=$?
	set +e
	trap - EXIT INT TERM
	if [[ -x $tmp/restart-mariadb.sh ]]; then
		"$tmp/restart-mariadb.sh" stop >/dev/null
	fi
	if [[ -n $redis_pid ]] && kill -0 "$redis_pid" 2>/dev/null; then
		kill "$redis_pid" 2>/dev/null
		wait "$redis_pid" 2>/dev/null
	fi
	rm -rf "$tmp"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- packages
need=()
{ first_bin mariadbd mysqld && first_bin mariadb-install-db mysql_install_db &&
	first_bin mariadb-admin mysqladmin && first_bin mariadb mysql; } >/dev/null || need+=(mariadb-server)
{ first_bin redis-server && first_bin redis-cli; } >/dev/null || need+=(redis-server)
if ((${#need[@]})); then
	say "installing ${need[*]}"
	started=$(now_ms)
	sudo=()
	if ((EUID != 0)); then
		command -v sudo >/dev/null || die "installing ${need[*]} needs root or sudo"
		sudo=(sudo)
	fi
	apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=600)
	if ! { "${apt[@]}" update && "${apt[@]}" install --no-install-recommends "${need[@]}"; } >"$tmp/apt.log" 2>&1; then
		tail -n 40 "$tmp/apt.log" >&2
		die "apt-get could not install ${need[*]}"
	fi
	say "installed ${need[*]} in $(($(now_ms) - started)) ms"
fi
mariadbd=$(first_bin mariadbd mysqld)
install_db=$(first_bin mariadb-install-db mysql_install_db)
mariadb_admin=$(first_bin mariadb-admin mysqladmin)
mariadb_client=$(first_bin mariadb mysql)

# ---------------------------------------------------------------- MariaDB
started=$(now_ms)
datadir="$tmp/mariadb"
socket="$tmp/mysql.sock"
mariadb_port=$(free_port) || die "no free port for MariaDB"
user_args=()
((EUID != 0)) || user_args=(--user=root) # mariadbd refuses root unless told explicitly

if ! "$install_db" --no-defaults "${user_args[@]}" --datadir="$datadir" \
	--auth-root-authentication-method=normal --skip-test-db --skip-name-resolve \
	>"$tmp/mariadb-install.log" 2>&1; then
	tail -n 40 "$tmp/mariadb-install.log" >&2
	die "mariadb-install-db failed"
fi
initialised=$(now_ms)

# The control script starts and stops this server; tests may call it too.
cat >"$tmp/restart-mariadb.sh" <<EOF
#!/usr/bin/env bash
# Stops, starts or restarts the MariaDB server of one scripts/test.sh run.
set -euo pipefail
args=(--no-defaults ${user_args[*]} --datadir='$datadir' --socket='$socket'
	--port=$mariadb_port --bind-address=127.0.0.1 --skip-networking=0 --skip-name-resolve
	--pid-file='$tmp/mariadb.pid' --log-error='$tmp/mariadb.err'
	--character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci
	--max-connections=500 --innodb-buffer-pool-size=128M
	--innodb-flush-log-at-trx-commit=2 --innodb-doublewrite=0
	--innodb-buffer-pool-dump-at-shutdown=0 --innodb-buffer-pool-load-at-startup=0)
launched='$tmp/mariadb.launched'

# our_pid prints the pid of the running server started from this script.
our_pid() {
	local pid cmd
	[[ -s \$launched ]] || return 1
	pid=\$(<"\$launched")
	cmd=\$(tr '\0' ' ' <"/proc/\$pid/cmdline" 2>/dev/null) || return 1
	[[ \$cmd == *"--datadir=$datadir "* ]] || return 1 # not ours, or a zombie
	echo "\$pid"
}

# alive succeeds while process \$1 exists and is not a zombie.
alive() {
	local stat
	stat=\$(<"/proc/\$1/stat") 2>/dev/null || return 1
	stat=\${stat##*) }
	[[ \${stat%% *} != Z ]]
}

start() {
	if our_pid >/dev/null; then return 0; fi
	'$mariadbd' "\${args[@]}" </dev/null >>'$tmp/mariadb.out' 2>&1 &
	echo \$! >"\$launched"
	local pid=\$! i
	for ((i = 0; i < 600; i++)); do
		if '$mariadb_admin' --no-defaults --protocol=socket --socket='$socket' -uroot ping >/dev/null 2>&1; then
			return 0
		fi
		if ! alive "\$pid"; then
			tail -n 30 '$tmp/mariadb.err' >&2
			echo "mariadbd exited during start-up" >&2
			return 1
		fi
		sleep 0.1
	done
	echo "mariadbd did not answer within 60 s" >&2
	return 1
}

stop() {
	local pid i
	pid=\$(our_pid) || return 0
	kill "\$pid"
	for ((i = 0; i < 600; i++)); do
		our_pid >/dev/null || break
		sleep 0.1
	done
	((i < 600)) || kill -KILL "\$pid" 2>/dev/null || true
	# Wait briefly for init to reap it, so no zombie outlives this script.
	for ((i = 0; i < 30; i++)); do
		[[ -e /proc/\$pid ]] || return 0
		sleep 0.1
	done
}

case "\${1:-}" in
start) start ;;
stop) stop ;;
restart) stop && start ;;
*) echo "usage: \$0 start|stop|restart" >&2; exit 2 ;;
esac
EOF
chmod +x "$tmp/restart-mariadb.sh"

"$tmp/restart-mariadb.sh" start || die "MariaDB did not start (log: $tmp/mariadb.err)"
"$mariadb_client" --no-defaults --protocol=socket --socket="$socket" -uroot -e "
	CREATE USER 'intake'@'127.0.0.1' IDENTIFIED BY 'intake';
	GRANT ALL PRIVILEGES ON *.* TO 'intake'@'127.0.0.1' WITH GRANT OPTION;" ||
	die "could not create the MariaDB test user"
say "mariadb on 127.0.0.1:$mariadb_port (data dir $((initialised - started)) ms, start-up $(($(now_ms) - initialised)) ms)"

# ---------------------------------------------------------------- Redis
started=$(now_ms)
redis_port=$(free_port) || die "no free port for Redis"
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no \
	--dir "$tmp" --logfile "$tmp/redis.log" --daemonize no </dev/null >/dev/null 2>&1 &
redis_pid=$!
for ((i = 0; ; i++)); do
	if [[ $(redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null) == PONG ]]; then
		break
	fi
	if ! kill -0 "$redis_pid" 2>/dev/null || ((i >= 300)); then
		tail -n 20 "$tmp/redis.log" >&2
		die "redis-server did not start"
	fi
	sleep 0.1
done
say "redis on 127.0.0.1:$redis_port ($(($(now_ms) - started)) ms)"

export INTAKE_TEST_MYSQL_DSN="intake:intake@tcp(127.0.0.1:$mariadb_port)/"
export INTAKE_TEST_REDIS_ADDR="127.0.0.1:$redis_port"
export INTAKE_TEST_MARIADB_PIDFILE="$tmp/mariadb.pid"
export INTAKE_TEST_MARIADB_RESTART="$tmp/restart-mariadb.sh"

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
		{ ((EUID == 0)) && env DEBIAN_FRONTEND=noninteractive apt-get -q -y install --no-install-recommends nodejs npm; } \
			>"$tmp/apt-node.log" 2>&1 || true
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

if ((full_run && status == 0)); then
	for target in "${FUZZ_TARGETS[@]}"; do
		pkg=${target%%:*}
		name=${target#*:}
		say "fuzz $name in $pkg for ${INTAKE_FUZZTIME:-10s}"
		go test -run='^$' -fuzz="^$name\$" -fuzztime="${INTAKE_FUZZTIME:-10s}" "$pkg" || status=$?
	done
fi

if ((status == 0)); then
	say "all passed"
else
	say "FAILED (status $status)"
fi
exit "$status"
