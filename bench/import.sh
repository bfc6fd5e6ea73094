#!/usr/bin/env bash
# Import speed: 5,000 new users into a local sandbox SCIM server with `scimctl import` at --parallel 1 and 8, and in
# the same run a sequential curl loop POSTing the same users, and the server's own capacity (a Java client POSTing
# over 16 keep-alive connections with nothing else to do). Each measurement gets a fresh, empty server.
# Prints users/second and the ratios. Aims: --parallel 8 at least 5x the curl loop, and within 1.5x of capacity.
#
#   N=5000 CURL_N=500 bench/import.sh
#
# The curl loop POSTs the first CURL_N users only (one process per user is slow; its rate does not depend on N).
# scimctl is timed on the wall clock from start to exit: JVM start, reading and validating the CSV, reading the
# server, planning and the journal are all included.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

N=${N:-5000}
CURL_N=${CURL_N:-500}
out=target/bench/import
rm -rf "$out"
mkdir -p "$out"
command -v curl >/dev/null || { echo "bench: curl is needed" >&2; exit 3; }
./scimctl --version >/dev/null   # builds the jar (and the CDS archive) on first use
jar=target/scimctl-all.jar

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
  if ./scimctl sandbox --help >/dev/null 2>&1; then
    ./scimctl sandbox --port 0 --token-file "$out/token" >"$out/server.out" 2>"$out/server.log" </dev/null &
  else
    # No 'scimctl sandbox' in this checkout: the same server through a small launcher.
    java -XX:+UseSerialGC -cp "$jar" bench/ImportBenchServer.java "$out/token" >"$out/server.out" 2>"$out/server.log" </dev/null &
  fi
  server_pid=$!
  for _ in $(seq 1 200); do
    url=$(sed -n 's/^url: //p' "$out/server.out" 2>/dev/null | head -1)
    [ -n "$url" ] && return 0
    sleep 0.1
  done
  echo "bench: the sandbox did not start; see $out/server.log" >&2
  exit 1
}
stop_server() {
  [ -n "$server_pid" ] || return 0
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
trap stop_server EXIT
now() { date +%s.%N; }
rate() { python3 -c "import sys; n, a, b = map(float, sys.argv[1:]); print(f'{n / (b - a):.0f}')" "$@"; }

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

echo "bench: server capacity, $N users over 16 connections" >&2
start_server
read -r _ _ _ seconds < <(java -XX:+UseSerialGC -cp "$jar" bench/ImportLoad.java "$url" "$out/token" "$out/users.jsonl" 16)
stop_server
capacity_rate=$(rate "$N" 0 "$seconds")

import_rate() {
  local p=$1
  echo "bench: scimctl import --parallel $p, $N users" >&2
  start_server
  local t0 t1
  t0=$(now)
  ./scimctl import --yes --parallel "$p" --url "$url" --token-file "$out/token" --journal "$out/p$p.journal" \
    "$out/users.csv" >"$out/p$p.plan" 2>"$out/p$p.err"
  t1=$(now)
  stop_server
  grep -q "$N created" "$out/p$p.err" || { echo "bench: the import did not create $N users:" >&2; cat "$out/p$p.err" >&2; exit 1; }
  rate "$N" "$t0" "$t1"
}
p1_rate=$(import_rate 1)
p8_rate=$(import_rate 8)

python3 - "$curl_rate" "$capacity_rate" "$p1_rate" "$p8_rate" "$N" "$CURL_N" <<'PY'
import sys
curl, capacity, p1, p8 = map(float, sys.argv[1:5])
n, curl_n = sys.argv[5], sys.argv[6]
print(f"curl loop, sequential ({curl_n} users):         {curl:6.0f} users/s")
print(f"server capacity, 16 connections ({n} users): {capacity:6.0f} users/s")
print(f"scimctl import --parallel 1 ({n} users):     {p1:6.0f} users/s")
print(f"scimctl import --parallel 8 ({n} users):     {p8:6.0f} users/s")
print(f"--parallel 8 / curl loop: {p8 / curl:.1f}x (aim: at least 5x) -> {'met' if p8 / curl >= 5 else 'NOT met'}")
print(f"capacity / --parallel 8:  {capacity / p8:.2f}x (aim: at most 1.5x) -> {'met' if capacity / p8 <= 1.5 else 'NOT met'}")
print(f"--parallel 8 / --parallel 1: {p8 / p1:.1f}x")
PY
