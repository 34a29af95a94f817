# shellcheck shell=bash
# shellcheck disable=SC2154 # tmp is set by the script that sources this file
# scripts/lib-services.sh — throw-away MariaDB and Redis servers on loopback, for
# scripts/test.sh and scripts/bench.sh. Source it from the repository root:
#
#   source scripts/lib-services.sh
#   tmp=$(mktemp -d …)      # where the servers keep their data, sockets and logs
#   redis_pid=""; redis_cluster_pids=()
#   trap 'stop_services; rm -rf "$tmp"' EXIT
#   install_services        # apt-get the servers when missing
#   start_mariadb           # sets mariadb_port, socket, datadir; writes $tmp/restart-mariadb.sh
#   start_redis             # sets redis_port, redis_pid
#   start_redis_cluster     # three masters; sets redis_cluster_addrs, redis_cluster_pids
#   stop_pid PID; wait_http URL; wait_port PORT   # for the processes a script starts
#   start_run NAME [KEEP_DIR [KEEP_FILE]]          # bench.sh, soak.sh: $tmp, $bin, $out, $pids, traps
#
# MariaDB has a user intake/intake@127.0.0.1 with every privilege. Neither systemd nor the
# distribution's own services are used; stop_services stops only what these functions
# started (by pid). Every function exits the script through die when it fails.

export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

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

# install_services installs the servers that are missing, with apt-get (as root or sudo).
install_services() {
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
}

# start_mariadb initialises a data directory in $tmp and starts a server on a free port.
start_mariadb() {
	started=$(now_ms)
	datadir="$tmp/mariadb"
	socket="$tmp/mysql.sock"
	user_args=()
	((EUID != 0)) || user_args=(--user=root) # mariadbd refuses root unless told explicitly

	if ! "$install_db" --no-defaults "${user_args[@]}" --datadir="$datadir" \
		--auth-root-authentication-method=normal --skip-test-db --skip-name-resolve \
		>"$tmp/mariadb-install.log" 2>&1; then
		tail -n 40 "$tmp/mariadb-install.log" >&2
		die "mariadb-install-db failed"
	fi
	initialised=$(now_ms)

	# The control script starts and stops this server; tests may call it too. The port
	# is free when chosen but may be taken before mariadbd binds it (other jobs on the
	# machine): a failed start is tried again on another port, up to three times.
	local attempt
	for attempt in 1 2 3; do
		mariadb_port=$(free_port) || die "no free port for MariaDB"
		write_mariadb_control
		if "$tmp/restart-mariadb.sh" start; then
			break
		fi
		((attempt < 3)) || die "MariaDB did not start (log: $tmp/mariadb.err)"
		say "MariaDB did not start on port $mariadb_port; trying another port"
	done
	"$mariadb_client" --no-defaults --protocol=socket --socket="$socket" -uroot -e "
		CREATE USER 'intake'@'127.0.0.1' IDENTIFIED BY 'intake';
		GRANT ALL PRIVILEGES ON *.* TO 'intake'@'127.0.0.1' WITH GRANT OPTION;" ||
		die "could not create the MariaDB test user"
	say "mariadb on 127.0.0.1:$mariadb_port (data dir $((initialised - started)) ms, start-up $(($(now_ms) - initialised)) ms)"
}

# write_mariadb_control writes $tmp/restart-mariadb.sh for the server of start_mariadb.
write_mariadb_control() {
	cat >"$tmp/restart-mariadb.sh" <<EOF
#!/usr/bin/env bash
# Stops, starts or restarts the MariaDB server of one scripts/test.sh or bench.sh run.
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
	cmd=\$(tr '\0' ' ' 2>/dev/null <"/proc/\$pid/cmdline") || return 1
	[[ \$cmd == *"--datadir=$datadir "* ]] || return 1 # not ours, or a zombie
	echo "\$pid"
}

# alive succeeds while process \$1 exists and is not a zombie.
alive() {
	local stat
	stat=\$(cat "/proc/\$1/stat" 2>/dev/null) || return 1
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
}

# start_redis starts a server without persistence on a free port.
start_redis() {
	started=$(now_ms)
	local attempt i
	# As for MariaDB, the free port may be taken before redis-server binds it: then it exits
	# (or another server answers the ping), and the start is tried on another port.
	for attempt in 1 2 3; do
		redis_port=$(free_port) || die "no free port for Redis"
		redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no \
			--dir "$tmp" --logfile "$tmp/redis.log" --daemonize no </dev/null >/dev/null 2>&1 &
		redis_pid=$!
		for ((i = 0; i < 300; i++)); do
			if [[ $(redis-cli -h 127.0.0.1 -p "$redis_port" info server 2>/dev/null) == *"process_id:$redis_pid"* ]]; then
				say "redis on 127.0.0.1:$redis_port ($(($(now_ms) - started)) ms)"
				return 0
			fi
			kill -0 "$redis_pid" 2>/dev/null || break
			sleep 0.1
		done
		kill "$redis_pid" 2>/dev/null && wait "$redis_pid" 2>/dev/null
		tail -n 5 "$tmp/redis.log" >&2
		say "redis-server did not start on port $redis_port (attempt $attempt)"
	done
	redis_pid=""
	die "redis-server did not start"
}

# free_cluster_base prints a port P such that P, P+1 and P+2 are free and so are their
# cluster bus ports (P+10000…P+10002), searching from a random base.
free_cluster_base() {
	local p=$((20000 + RANDOM % 20000)) i j ok
	for ((i = 0; i < 200; i++, p += 3)); do
		ok=1
		for ((j = 0; j < 3; j++)); do
			if port_in_use $((p + j)) || port_in_use $((p + j + 10000)); then
				ok=""
				break
			fi
		done
		if [[ -n $ok ]]; then
			echo "$p"
			return 0
		fi
	done
	return 1
}

# start_redis_cluster starts three Redis Cluster masters without persistence on loopback
# (ports P…P+2, cluster bus ports P+10000…), joins them with `redis-cli --cluster create`
# (every slot assigned, no replicas) and waits until every node reports cluster_state:ok.
# It sets redis_cluster_addrs ("127.0.0.1:P,127.0.0.1:P+1,127.0.0.1:P+2") and
# redis_cluster_pids.
start_redis_cluster() {
	started=$(now_ms)
	local attempt i p up base ports=()
	redis_cluster_pids=()
	# As for start_redis: a port free when chosen may be taken before the server binds it.
	for attempt in 1 2 3; do
		base=$(free_cluster_base) || die "no free ports for the Redis cluster"
		ports=("$base" $((base + 1)) $((base + 2)))
		redis_cluster_pids=()
		for p in "${ports[@]}"; do
			mkdir -p "$tmp/redis-cluster-$p"
			redis-server --port "$p" --bind 127.0.0.1 --cluster-enabled yes \
				--cluster-config-file "$tmp/redis-cluster-$p/nodes-$p.conf" --cluster-node-timeout 5000 \
				--save '' --appendonly no --dir "$tmp/redis-cluster-$p" --logfile "$tmp/redis-cluster-$p.log" \
				--daemonize no </dev/null >/dev/null 2>&1 &
			redis_cluster_pids+=($!)
		done
		up=0
		for ((i = 0; i < 300 && up < 3; i++)); do
			up=0
			for p in 0 1 2; do
				[[ $(redis-cli -h 127.0.0.1 -p "${ports[p]}" info server 2>/dev/null) == *"process_id:${redis_cluster_pids[p]}"* ]] &&
					up=$((up + 1))
			done
			((up == 3)) || sleep 0.1
		done
		((up == 3)) && break
		stop_redis_cluster
		say "the Redis cluster did not start on ports ${ports[*]} (attempt $attempt)"
		((attempt < 3)) || die "the Redis cluster did not start (logs: $tmp/redis-cluster-*.log)"
	done
	if ! redis-cli --cluster create "${ports[@]/#/127.0.0.1:}" --cluster-replicas 0 --cluster-yes \
		</dev/null >"$tmp/redis-cluster-create.log" 2>&1; then
		tail -n 20 "$tmp/redis-cluster-create.log" >&2
		die "redis-cli --cluster create failed"
	fi
	for ((i = 0; i < 300; i++)); do
		up=0
		for p in "${ports[@]}"; do
			[[ $(redis-cli -h 127.0.0.1 -p "$p" cluster info 2>/dev/null) == *"cluster_state:ok"* ]] && up=$((up + 1))
		done
		((up == 3)) && break
		sleep 0.1
	done
	((up == 3)) || die "the Redis cluster did not reach cluster_state:ok within 30 s"
	redis_cluster_addrs=$(printf '127.0.0.1:%s,' "${ports[@]}")
	redis_cluster_addrs=${redis_cluster_addrs%,}
	say "redis cluster on $redis_cluster_addrs ($(($(now_ms) - started)) ms)"
}

# stop_redis_cluster stops the nodes start_redis_cluster started, if running.
stop_redis_cluster() {
	local pid
	for pid in ${redis_cluster_pids[@]+"${redis_cluster_pids[@]}"}; do
		kill "$pid" 2>/dev/null
	done
	for pid in ${redis_cluster_pids[@]+"${redis_cluster_pids[@]}"}; do
		wait "$pid" 2>/dev/null
	done
	redis_cluster_pids=()
}

# stop_services stops the servers started by start_mariadb, start_redis and
# start_redis_cluster, if running.
stop_services() {
	if [[ -x $tmp/restart-mariadb.sh ]]; then
		"$tmp/restart-mariadb.sh" stop >/dev/null
	fi
	if [[ -n ${redis_pid:-} ]] && kill -0 "$redis_pid" 2>/dev/null; then
		kill "$redis_pid" 2>/dev/null
		wait "$redis_pid" 2>/dev/null
	fi
	stop_redis_cluster
}

# ---------------------------------------------------------------- processes (bench.sh, soak.sh)

# stop_pid stops process $1 (TERM, then KILL after 10 s) and reaps it.
stop_pid() {
	local pid=$1 i
	kill -0 "$pid" 2>/dev/null || return 0
	kill "$pid" 2>/dev/null
	for ((i = 0; i < 100; i++)); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	kill -KILL "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
}

# wait_http waits until $1 answers 200, for up to 30 s.
wait_http() {
	local i
	for ((i = 0; i < 300; i++)); do
		if curl -fsS -o /dev/null --max-time 1 "$1" 2>/dev/null; then
			return 0
		fi
		sleep 0.1
	done
	die "$1 did not answer within 30 s"
}

# wait_port waits until something listens on 127.0.0.1:$1, for up to 30 s.
wait_port() {
	local i
	for ((i = 0; i < 300; i++)); do
		port_in_use "$1" && return 0
		sleep 0.1
	done
	die "nothing listens on 127.0.0.1:$1 after 30 s"
}

# start_run makes the run's temporary directory $tmp (with $bin and $out), says what and
# where, and sets the traps that stop everything in $pids and the servers at exit. $1 names
# the run ("bench"); when $2 is set, $out and the file $3 (relative to $tmp) are copied
# there first.
start_run() {
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/intake-$1.XXXXXX")
	bin="$tmp/bin"
	out="$tmp/out"
	mkdir -p "$bin" "$out"
	run_keep=${2:-}
	run_keep_file=${3:-}
	say "servers, logs and reports in $tmp"
	say "tree: $(git describe --always --dirty 2>/dev/null || echo unknown)"
	say "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (anything else running skews the figures)"
	redis_pid=""
	redis_cluster_pids=()
	pids=() # everything started here besides the databases
	trap end_run EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
}

# end_run is start_run's exit trap.
# shellcheck disable=SC2317 # called through trap
end_run() {
	local rc=$? pid
	set +e
	trap - EXIT INT TERM
	for pid in "${pids[@]}"; do
		stop_pid "$pid"
	done
	stop_services
	if [[ -n $run_keep ]]; then
		mkdir -p "$run_keep" && cp -r "$out/." "$run_keep/" &&
			{ [[ -z $run_keep_file ]] || cp "$tmp/$run_keep_file" "$run_keep/"; } &&
			say "reports kept in $run_keep"
	fi
	rm -rf "$tmp"
	exit "$rc"
}
