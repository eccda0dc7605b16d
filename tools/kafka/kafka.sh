#!/usr/bin/env bash
# Single-node Apache Kafka broker (KRaft, combined broker+controller) for tests
# and CI, without Docker. Kafka is not on npm or Debian, so the jars come from
# Maven Central through the throwaway pom next to this script.
#
#   kafka.sh fetch
#   kafka.sh start [--port P] [--controller-port C] [--data-dir D]
#   kafka.sh stop  --data-dir D
#
# `start` prints exactly two lines on stdout (everything else goes to stderr):
#   KAFKA_BROKERS=127.0.0.1:P
#   KAFKA_DATA_DIR=D
# so callers can `eval "$(tools/kafka/kafka.sh start)"`.
#
# Files in the data dir: server.properties, log4j.properties, ports.env,
# cluster.id, kafka.pid, kafka.out (JVM stdout/stderr), kafka.log (log4j),
# data/ (log.dirs, including the KRaft metadata log).
#
# Environment: KAFKA_CACHE_DIR (jar cache, default
# ~/.cache/partybuild/kafka-3.9.2), KAFKA_MVN_ARGS (extra mvn flags, e.g.
# "-s settings.xml"), KAFKA_HEAP_OPTS (default -Xmx512m), KAFKA_JVM_OPTS,
# KAFKA_START_TIMEOUT (s, default 90), KAFKA_STOP_TIMEOUT (s, default 20),
# JAVA_HOME, NODE (node binary used for small helpers).
set -euo pipefail

KAFKA_VERSION=3.9.2
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE_DIR="${KAFKA_CACHE_DIR:-$HOME/.cache/partybuild/kafka-$KAFKA_VERSION}"
LIB_DIR="$CACHE_DIR/lib"
# Written only after a complete copy, so an interrupted fetch is redone.
MARKER="$LIB_DIR/.complete"
START_TIMEOUT_S="${KAFKA_START_TIMEOUT:-90}"
STOP_TIMEOUT_S="${KAFKA_STOP_TIMEOUT:-20}"
NODE="${NODE:-node}"
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi

log() { echo "kafka.sh: $*" >&2; }
die() { log "error: $*"; exit 1; }

# ---------------------------------------------------------------- fetch

# Makes sure $LIB_DIR holds the broker jars; progress goes to stderr.
ensure_jars() {
  [[ -f "$MARKER" ]] && return 0
  command -v mvn >/dev/null || die "mvn not found (needed once to download the Kafka jars)"
  mkdir -p "$CACHE_DIR"
  # Brokers started in parallel on a cold cache: let one download while the
  # others wait (flock is util-linux; without it the rename below still keeps
  # lib/ whole, the download just happens twice).
  if command -v flock >/dev/null; then
    exec 9>"$CACHE_DIR/.fetch.lock"
    flock 9
    # Closing fd 9 releases the lock; the broker JVM must not inherit it.
    [[ -f "$MARKER" ]] && { exec 9>&-; return 0; }
  fi
  # Copy into a private dir and rename at the end, so nobody ever sees (or
  # leaves behind) a half-filled lib/.
  local tmp
  tmp="$(mktemp -d "$CACHE_DIR/lib.tmp.XXXXXX")"
  log "downloading Kafka $KAFKA_VERSION jars from Maven Central ..."
  # Maven's output is only interesting when it fails (even -q -B prints
  # stray ANSI resets), so keep it in a file and show it on failure.
  # shellcheck disable=SC2086 # KAFKA_MVN_ARGS is deliberately word-split (e.g. "-s settings.xml").
  if ! mvn -B -q -f "$SCRIPT_DIR/pom.xml" ${KAFKA_MVN_ARGS:-} \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
      -DoutputDirectory="$tmp" -DincludeScope=runtime >"$tmp.mvn.log" 2>&1; then
    cat "$tmp.mvn.log" >&2
    rm -rf "$tmp" "$tmp.mvn.log"
    die "maven could not fetch the Kafka jars"
  fi
  rm -f "$tmp.mvn.log"
  touch "$tmp/.complete"
  if [[ -f "$MARKER" ]]; then
    rm -rf "$tmp" # a concurrent fetch won the race; its copy is just as good
  else
    rm -rf "$LIB_DIR" # leftovers of an interrupted fetch
    mv "$tmp" "$LIB_DIR" 2>/dev/null || rm -rf "$tmp"
  fi
  [[ -f "$MARKER" ]] || die "fetch finished but $MARKER is missing"
  exec 9>&-
}

cmd_fetch() {
  [[ $# -eq 0 ]] || die "fetch takes no arguments"
  ensure_jars
  echo "Kafka $KAFKA_VERSION jars cached in $LIB_DIR"
}

# ---------------------------------------------------------------- helpers

# Prints two distinct free TCP ports on 127.0.0.1. Both sockets are held open
# at the same time so the kernel cannot hand out the same port twice.
free_ports() {
  "$NODE" -e '
    const net = require("net");
    const a = net.createServer(), b = net.createServer();
    a.listen(0, "127.0.0.1", () => b.listen(0, "127.0.0.1", () => {
      console.log(a.address().port + " " + b.address().port);
      a.close(); b.close();
    }));'
}

# Kafka cluster ids are 16 random bytes, base64url without padding (what
# `StorageTool random-uuid` prints). Generating it here saves a JVM start.
# Like Kafka, avoid a leading "-" so the id never looks like a CLI flag.
random_cluster_id() {
  "$NODE" -e '
    const c = require("crypto"); let id;
    do { id = c.randomBytes(16).toString("base64url"); } while (id.startsWith("-"));
    console.log(id);'
}

# Exit 0 once the broker answers a Metadata request listing itself. A bare TCP
# connect is not enough: KRaft binds the listener early but only serves
# requests after catching up with the metadata log, and only lists itself in
# Metadata once the controller has unfenced it - which is what clients need.
probe_ready() { # port
  "$NODE" -e '
    const net = require("net");
    const port = Number(process.argv[1]);
    const clientId = Buffer.from("kafka.sh-probe");
    // Metadata v1 request: header (api_key=3, api_version=1, correlation_id,
    // client_id) + topics array of length 0 (= no topics, just brokers).
    const body = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length + 4);
    let o = 0;
    o = body.writeInt16BE(3, o); o = body.writeInt16BE(1, o); o = body.writeInt32BE(7, o);
    o = body.writeInt16BE(clientId.length, o); o += clientId.copy(body, o); body.writeInt32BE(0, o);
    const size = Buffer.alloc(4); size.writeInt32BE(body.length);
    const sock = net.connect(port, "127.0.0.1", () => sock.write(Buffer.concat([size, body])));
    let buf = Buffer.alloc(0);
    const fail = () => { sock.destroy(); process.exit(1); };
    sock.setTimeout(1500, fail);
    sock.on("error", fail);
    sock.on("data", (d) => {
      buf = Buffer.concat([buf, d]);
      // response: size, correlation_id, brokers array length, ...
      if (buf.length < 12) return;
      sock.destroy();
      process.exit(buf.readInt32BE(4) === 7 && buf.readInt32BE(8) > 0 ? 0 : 1);
    });' "$1"
}

# True if pid is a live (non-zombie) kafka.Kafka process for this data dir.
# Guards against stale pid files whose pid was reused by something else.
is_our_broker() { # pid data_dir
  local pid="$1" dir="$2"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if [[ -r "/proc/$pid/stat" ]]; then
    # A zombie (not yet reaped by its new parent) still answers kill -0.
    [[ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ]] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$dir/server.properties" || return 1
  fi
  return 0
}

abs_dir() { mkdir -p "$1" && (cd "$1" && pwd -P); }

# ---------------------------------------------------------------- start

cmd_start() {
  local port="" cport="" dir=""
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --port) port="${2:?--port needs a value}"; shift 2 ;;
      --controller-port) cport="${2:?--controller-port needs a value}"; shift 2 ;;
      --data-dir) dir="${2:?--data-dir needs a value}"; shift 2 ;;
      *) die "start: unknown argument $1" ;;
    esac
  done
  local t0=$SECONDS

  ensure_jars

  if [[ -z "$dir" ]]; then
    dir="$(mktemp -d "${TMPDIR:-/tmp}/kafka.XXXXXX")"
  fi
  dir="$(abs_dir "$dir")"

  if [[ -f "$dir/kafka.pid" ]]; then
    local old
    old="$(cat "$dir/kafka.pid")"
    is_our_broker "$old" "$dir" && die "a broker (pid $old) is already running on $dir"
    rm -f "$dir/kafka.pid"
  fi

  # A restart on the same data dir keeps its ports unless told otherwise:
  # clients (and the KRaft voter set) expect the broker where it was.
  if [[ -f "$dir/ports.env" ]]; then
    local KAFKA_PORT="" KAFKA_CONTROLLER_PORT=""
    # shellcheck disable=SC1091
    source "$dir/ports.env"
    port="${port:-$KAFKA_PORT}"
    cport="${cport:-$KAFKA_CONTROLLER_PORT}"
  fi
  if [[ -z "$port" || -z "$cport" ]]; then
    local p1 p2
    read -r p1 p2 < <(free_ports)
    # Never hand out a port equal to the one the caller fixed.
    if [[ -z "$port" ]]; then
      if [[ "$p1" != "$cport" ]]; then port="$p1"; else port="$p2"; fi
    fi
    if [[ -z "$cport" ]]; then
      if [[ "$p2" != "$port" ]]; then cport="$p2"; else cport="$p1"; fi
    fi
  fi
  [[ "$port" != "$cport" ]] || die "--port and --controller-port must differ"
  printf 'KAFKA_PORT=%s\nKAFKA_CONTROLLER_PORT=%s\n' "$port" "$cport" >"$dir/ports.env"

  mkdir -p "$dir/data"
  cat >"$dir/server.properties" <<EOF
# Generated by tools/kafka/kafka.sh - single-node KRaft broker for tests.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/data
# One node: every replication factor / min ISR has to be 1.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
# Fewer internal partitions than the defaults (50) make the first consumer
# group / transaction noticeably faster to set up.
offsets.topic.num.partitions=5
transaction.state.log.num.partitions=5
# Tests want consumers to join immediately, not after the default 3 s.
group.initial.rebalance.delay.ms=0
num.partitions=3
# Topics are created by the platform with its own settings (kept forever), never by a client's first use.
auto.create.topics.enable=false
# After a SIGKILL the restarted broker is refused (DUPLICATE_BROKER_REGISTRATION)
# until the old registration's session expires: 9 s by default. 4 s still
# leaves 8 missed heartbeats of slack before a loaded CI box fences the broker.
broker.heartbeat.interval.ms=500
broker.session.timeout.ms=4000
# Keep the footprint small; parallel CI jobs may run several brokers.
num.network.threads=2
num.io.threads=4
EOF

  # WARN keeps the log small; KafkaRaftServer at INFO adds only the few
  # lines saying when the server started/stopped, handy when debugging.
  cat >"$dir/log4j.properties" <<EOF
log4j.rootLogger=WARN, file
log4j.logger.kafka.server.KafkaRaftServer=INFO
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=$dir/kafka.log
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
EOF

  local log4j_opt="-Dlog4j.configuration=file:$dir/log4j.properties"
  # KRaft refuses to start on unformatted storage. A restart skips this step
  # (saves a ~0.6 s JVM); the cluster id file is reused so that formatting
  # again after a partial failure matches what is already on disk.
  if [[ ! -f "$dir/data/meta.properties" ]]; then
    if [[ ! -s "$dir/cluster.id" ]]; then
      random_cluster_id >"$dir/cluster.id"
    fi
    # Short-lived JVM: C1-only JIT and serial GC start a little faster.
    "$JAVA" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData "$log4j_opt" -cp "$LIB_DIR/*" \
      kafka.tools.StorageTool format -t "$(cat "$dir/cluster.id")" \
      -c "$dir/server.properties" --ignore-formatted >>"$dir/kafka.out" 2>&1 \
      || { tail -n 30 "$dir/kafka.out" >&2; die "formatting storage in $dir failed"; }
  fi

  log "starting broker on 127.0.0.1:$port (controller $cport), data in $dir"
  # stdin/stdout/stderr are all redirected so the JVM holds none of our pipes:
  # callers reading our stdout (e.g. the TS harness) see EOF when we exit.
  # -XX:-UsePerfData: no hsperfdata files in /tmp; headless: no AWT probing.
  # shellcheck disable=SC2086 # KAFKA_HEAP_OPTS / KAFKA_JVM_OPTS may hold several flags.
  "$JAVA" ${KAFKA_HEAP_OPTS:--Xmx512m} -XX:-UsePerfData -Djava.awt.headless=true \
    "$log4j_opt" ${KAFKA_JVM_OPTS:-} -cp "$LIB_DIR/*" \
    kafka.Kafka "$dir/server.properties" </dev/null >>"$dir/kafka.out" 2>&1 &
  local pid=$!
  echo "$pid" >"$dir/kafka.pid"

  local deadline=$((SECONDS + START_TIMEOUT_S))
  until probe_ready "$port"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "broker exited during startup; last lines of $dir/kafka.out and kafka.log:"
      tail -n 30 "$dir/kafka.out" "$dir/kafka.log" >&2 2>/dev/null || true
      rm -f "$dir/kafka.pid"
      exit 1
    fi
    if ((SECONDS >= deadline)); then
      log "broker not ready after ${START_TIMEOUT_S}s; last lines of $dir/kafka.out and kafka.log:"
      tail -n 30 "$dir/kafka.out" "$dir/kafka.log" >&2 2>/dev/null || true
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$dir/kafka.pid"
      exit 1
    fi
    sleep 0.2
  done
  log "broker ready (pid $pid) after $((SECONDS - t0))s"

  echo "KAFKA_BROKERS=127.0.0.1:$port"
  echo "KAFKA_DATA_DIR=$dir"
}

# ---------------------------------------------------------------- stop

cmd_stop() {
  local dir=""
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --data-dir) dir="${2:?--data-dir needs a value}"; shift 2 ;;
      *) die "stop: unknown argument $1" ;;
    esac
  done
  [[ -n "$dir" ]] || die "stop: --data-dir is required"
  [[ -d "$dir" ]] || die "stop: no such directory $dir"
  dir="$(abs_dir "$dir")"

  if [[ ! -f "$dir/kafka.pid" ]]; then
    log "no broker running for $dir"
    return 0
  fi
  local pid
  pid="$(cat "$dir/kafka.pid")"
  if ! is_our_broker "$pid" "$dir"; then
    log "broker for $dir is not running (stale pid $pid)"
    rm -f "$dir/kafka.pid"
    return 0
  fi

  # SIGTERM lets Kafka close its logs cleanly, so the next start skips log
  # recovery; SIGKILL only if it hangs.
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + STOP_TIMEOUT_S))
  while is_our_broker "$pid" "$dir"; do
    if ((SECONDS >= deadline)); then
      log "broker (pid $pid) ignored SIGTERM for ${STOP_TIMEOUT_S}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.1
  done
  rm -f "$dir/kafka.pid"
  log "broker (pid $pid) stopped"
}

# ---------------------------------------------------------------- main

usage() {
  # The header comment of this file is the help text.
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}" >&2
  exit 2
}

case "${1:-}" in
  fetch) shift; cmd_fetch "$@" ;;
  start) shift; cmd_start "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  *) usage ;;
esac
