#!/usr/bin/env bash
# Import speed (issue #18): N new users (default 1,000) imported with `scimctl import --parallel 8` into a fresh SCIMMY
# server (ci/scimmy: Node.js, single-threaded), against the server's capacity: a load generator (bench/ImportLoad.java)
# POSTing the same users over 8 keep-alive connections with nothing else to do. Aim: at most 1.5x its time.
# In the same run: `--parallel 1`, and a sequential curl loop POSTing the same users (aim: --parallel 8 at least 5x
# the curl loop). Every measurement gets a fresh, empty server.
#
#   bench/import.sh                              1,000 users into SCIMMY, 3 rounds
#   N=5000 ROUNDS=5 bench/import.sh              more users, more rounds
#   SERVER=sandbox bench/import.sh               the in-process sandbox (scimctl sandbox) instead of SCIMMY
#   CURL_N=0 P1=no bench/import.sh               only the generator and --parallel 8
#   SCIMCTL=/path/to/old/scimctl bench/import.sh another build's launcher, for an A/B of two jars
#
# scimctl is timed on the wall clock from start to exit: JVM start, reading and validating the CSV, reading the
# server, planning, the journal and the exit are all included. The generator's time is its POSTs alone (its JVM start
# is left out: it stands for the server's capacity). The generator and --parallel 8 are measured ROUNDS times,
# alternately, and their medians compared. The machine is shared: with the ratio come the CPU times (user+sys) of the
# client and of the server, which another process's load disturbs less than the wall clock, and the load average.
# The curl loop POSTs the first CURL_N users only (a process per user is slow; its rate does not depend on N).
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-1000}
CONNECTIONS=${CONNECTIONS:-8}
PARALLEL=${PARALLEL:-8}
ROUNDS=${ROUNDS:-3}
CURL_N=${CURL_N:-500}
P1=${P1:-yes}
SERVER=${SERVER:-scimmy}
SCIMCTL=${SCIMCTL:-./scimctl}
out=target/bench/import
rm -rf "$out"
mkdir -p "$out/classes"
[ "$CURL_N" -gt "$N" ] && CURL_N=$N
[ "$CURL_N" = 0 ] || command -v curl >/dev/null || { echo "bench: curl is needed (or CURL_N=0)" >&2; exit 3; }
case "$SERVER" in
  scimmy)
    command -v node >/dev/null || { echo "bench: node is needed for SCIMMY (or SERVER=sandbox)" >&2; exit 3; }
    [ -d ci/scimmy/node_modules ] || { echo "bench: run 'npm ci --prefix ci/scimmy' first (or SERVER=sandbox)" >&2; exit 3; } ;;
  sandbox) ;;
  *) echo "bench: SERVER is scimmy or sandbox, not '$SERVER'" >&2; exit 2 ;;
esac
./scimctl --version >/dev/null   # builds the jar (and the CDS archive) on first use
"$SCIMCTL" --version >/dev/null
jar=target/scimctl-all.jar
javac -d "$out/classes" bench/ImportLoad.java   # once, not in every measurement

umask 077
head -c 24 /dev/urandom | base64 | tr -d '/+=\n' > "$out/token"
printf 'Authorization: Bearer %s\n' "$(cat "$out/token")" > "$out/auth-header"

# The users as a Duo CSV, and as the SCIM bodies scimctl sends for them (for curl and the load generator).
python3 - "$N" "$out" <<'PY'
import json, sys
n, out = int(sys.argv[1]), sys.argv[2]
core, ext = "urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User"
with open(f"{out}/users.csv", "w") as csv, open(f"{out}/users.jsonl", "w") as jl:
    csv.write("email,firstname,lastname,userType,organizationId\n")
    for i in range(1, n + 1):
        email, given, family = f"user{i:05d}@bench.example", f"Given{i}", f"Family{i}"
        kind, org = ("technician", "") if i % 5 == 0 else ("endUser", "All" if i % 3 == 0 else str(100 + i % 7))
        csv.write(f"{email},{given},{family},{kind},{org}\n")
        extension = {"userType": kind}
        if org:
            extension["organizationId"] = org
        jl.write(json.dumps({"schemas": [core, ext], "userName": email,
                             "name": {"givenName": given, "familyName": family},
                             "emails": [{"value": email, "type": "work", "primary": True}],
                             "active": True, ext: extension}, separators=(",", ":")) + "\n")
PY

server_pid=""
url=""
start_server() {
  : > "$out/server.out"
  if [ "$SERVER" = scimmy ]; then
    (cd ci/scimmy && TOKEN="$(cat "../../$out/token")" PORT=0 HOST=127.0.0.1 exec node server.mjs) \
      >"$out/server.out" 2>"$out/server.log" </dev/null &
  elif ./scimctl sandbox --help >/dev/null 2>&1; then
    ./scimctl sandbox --port 0 --token-file "$out/token" >"$out/server.out" 2>"$out/server.log" </dev/null &
  else
    # No 'scimctl sandbox' in this checkout: the same server through a small launcher.
    java -XX:+UseSerialGC -cp "$jar" bench/ImportBenchServer.java "$out/token" >"$out/server.out" 2>"$out/server.log" </dev/null &
  fi
  server_pid=$!
  for _ in $(seq 1 300); do
    url=$(sed -n 's/^url: //p' "$out/server.out" 2>/dev/null | head -1)
    [ -n "$url" ] && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "bench: the $SERVER server did not start; see $out/server.log" >&2
  exit 1
}
# Stops the server; sets server_cpu to the CPU seconds (user+sys) it used, or ? where /proc cannot say.
stop_server() {
  [ -n "$server_pid" ] || return 0
  local stat
  server_cpu="?"
  if stat=$(cat "/proc/$server_pid/stat" 2>/dev/null); then
    stat=${stat##*) }   # the fields after the command's name, which may hold spaces
    server_cpu=$(echo "$stat" | awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($12 + $13) / hz}')
  fi
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
trap stop_server EXIT
now() { date +%s.%N; }
rate() { python3 -c "import sys; n, a, b = map(float, sys.argv[1:]); print(f'{n / (b - a):.0f}')" "$@"; }
# Runs a command with stdout and stderr to files; sets wall and cpu (user+sys) to its seconds, by bash's own clock.
timed() {
  local stdout=$1 stderr=$2 times
  shift 2
  TIMEFORMAT='%R %U %S'
  times=$( { time "$@" >"$stdout" 2>"$stderr"; } 2>&1 ) \
    || { echo "bench: failed: $*" >&2; grep -v '^debug:' "$stderr" >&2; exit 1; }
  read -r wall cpu < <(echo "$times" | awk '{printf "%s %.2f\n", $1, $2 + $3}')
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
curl_rate=0
if [ "$CURL_N" -gt 0 ]; then
  echo "bench: sequential curl loop, $CURL_N users" >&2
  start_server
  t0=$(now)
  head -n "$CURL_N" "$out/users.jsonl" | while IFS= read -r body; do
    curl -sS --fail -o /dev/null -X POST -H @"$out/auth-header" -H 'Content-Type: application/scim+json' \
      --data-binary "$body" "$url/Users"
  done
  t1=$(now)
  stop_server
  curl_rate=$(rate "$CURL_N" "$t0" "$t1")
fi

# Sets capacity to users/s, and cpu and server_cpu to the CPU seconds of the generator and of the server.
capacity_rate() {
  echo "bench: server capacity, $N users over $CONNECTIONS connections" >&2
  start_server
  local seconds
  timed "$out/load.out" "$out/load.err" java -XX:+UseSerialGC -cp "$out/classes" ImportLoad \
    "$url" "$out/token" "$out/users.jsonl" "$CONNECTIONS"
  stop_server
  read -r _ _ _ seconds < "$out/load.out"
  capacity=$(rate "$N" 0 "$seconds")
}

# Sets whole and apply to users/s from start to exit and over the apply phase the summary reports, and cpu and
# server_cpu to the CPU seconds of scimctl and of the server.
import_rate() {
  local p=$1 run=$2 seconds
  echo "bench: scimctl import --parallel $p, $N users" >&2
  start_server
  timed "$out/p$p-$run.plan" "$out/p$p-$run.err" "$SCIMCTL" import --debug --yes --parallel "$p" \
    --url "$url" --token-file "$out/token" --journal "$out/p$p-$run.journal" "$out/users.csv"
  stop_server
  grep -q "$N created" "$out/p$p-$run.err" \
    || { echo "bench: the import did not create $N users:" >&2; grep -v '^debug:' "$out/p$p-$run.err" >&2; exit 1; }
  seconds=$(sed -n 's/^Imported in \([0-9.]*\) s.*/\1/p' "$out/p$p-$run.err")
  whole=$(rate "$N" 0 "$wall")
  apply=$(rate "$N" 0 "$seconds")
}

capacity_rates=() capacity_cpus=() capacity_server_cpus=()
p8_rates=() p8_apply_rates=() p8_cpus=() p8_server_cpus=()
for round in $(seq 1 "$ROUNDS"); do
  capacity_rate
  capacity_rates+=("$capacity") capacity_cpus+=("$cpu") capacity_server_cpus+=("$server_cpu")
  import_rate "$PARALLEL" "$round"
  p8_rates+=("$whole") p8_apply_rates+=("$apply") p8_cpus+=("$cpu") p8_server_cpus+=("$server_cpu")
done
p1_rate=0 p1_apply_rate=0
if [ "$P1" = yes ]; then
  import_rate 1 1
  p1_rate=$whole p1_apply_rate=$apply
fi
sed -n 's/^debug: import phase //p' "$out/p$PARALLEL-1.err" > "$out/phases"

load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
echo "machine: $(nproc) cores; load average $load_before before, $load_after after (other work on the machine slows every figure)"
python3 - "$SERVER" "$N" "$CONNECTIONS" "$PARALLEL" "$CURL_N" "$curl_rate" "$p1_rate" "$p1_apply_rate" \
  "${capacity_rates[*]}" "${capacity_cpus[*]}" "${capacity_server_cpus[*]}" \
  "${p8_rates[*]}" "${p8_apply_rates[*]}" "${p8_cpus[*]}" "${p8_server_cpus[*]}" "$out/phases" <<'PY'
import statistics, sys
server, n, conns, par, curl_n = sys.argv[1:6]
curl, p1, p1_apply = map(float, sys.argv[6:9])
floats = lambda a: [float(x) for x in a.split() if x != "?"]
cap, cap_cpu, cap_srv, p8, p8_apply, p8_cpu, p8_srv = (floats(a) for a in sys.argv[9:16])
med = lambda xs: statistics.median(xs) if xs else float("nan")
runs = lambda xs, f="{:.0f}": " (runs: " + ", ".join(f.format(x) for x in xs) + ")" if len(xs) > 1 else ""
phases = open(sys.argv[16]).read().split("\n")
print(f"server: {server}, {n} new users")
line = lambda label, value: print(f"{label:<44} {value}")
if curl:
    line(f"curl loop, sequential ({curl_n} users):", f"{curl:5.0f} users/s")
line(f"server capacity, {conns} connections:", f"{med(cap):5.0f} users/s{runs(cap)}")
line(f"scimctl import --parallel {par}, start to exit:", f"{med(p8):5.0f} users/s{runs(p8)}")
line("                              while applying:", f"{med(p8_apply):5.0f} users/s{runs(p8_apply)}")
if p1:
    line("scimctl import --parallel 1, start to exit:", f"{p1:5.0f} users/s ({p1_apply:.0f}/s while applying)")
print(f"CPU, user+sys (medians): generator {med(cap_cpu):.2f} s, server {med(cap_srv):.2f} s; "
      f"scimctl {med(p8_cpu):.2f} s, server {med(p8_srv):.2f} s")
print("phases of the first --parallel " + par + " run: " + "; ".join(p for p in phases if p))
if curl:
    print(f"--parallel {par} / curl loop: {med(p8) / curl:.1f}x (aim: at least 5x) -> {'met' if med(p8) / curl >= 5 else 'NOT met'}")
ratio = med(cap) / med(p8)
print(f"capacity / --parallel {par}:  {ratio:.2f}x (aim: at most 1.5x) -> {'met' if ratio <= 1.5 else 'NOT met'}"
      f"; {med(cap) / med(p8_apply):.2f}x while applying")
if p1:
    print(f"--parallel {par} / --parallel 1: {med(p8) / p1:.1f}x")
PY
