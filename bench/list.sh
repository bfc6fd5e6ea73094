#!/usr/bin/env bash
# Listing: `scimctl users list -o ndjson --page-size 100` against a shell loop of curl + jq paging through the same
# server with the same page size (bench/list-curl.sh), in one hyperfine run, over 20,000 users in a local
# `scimctl sandbox`. Prints both medians, the ratio (aim: scimctl faster, ratio below 1), and scimctl's memory with
# -Xmx64m (heap after each GC, and peak RSS): it must hold flat, one page or a few in memory whatever the user count.
#   USERS=5000 bench/list.sh     fewer users
#   RUNS=5 bench/list.sh         more timed runs (default 3; the correctness runs before them warm up)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
need_hyperfine
for tool in curl jq python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is needed" >&2; exit 3; }
done

users="${USERS:-20000}"
runs="${RUNS:-3}"
page=100
out=target/bench/list
mkdir -p "$out"
data="$out/users-$users.json"
token="$out/token"
header="$out/auth-header"

./scimctl --version >/dev/null # builds the jar and the CDS archive on first use

# The token lives in files only (never on a command line that ps shows): one for scimctl, one as curl's header.
head -c 24 /dev/urandom | base64 | tr -d '/+=\n' > "$token"
chmod 600 "$token"
printf 'Authorization: Bearer %s\n' "$(cat "$token")" > "$header"
chmod 600 "$header"

# The sandbox's data file (docs/sandbox.md), written directly: seeding 20,000 users over HTTP would take minutes.
if [ ! -f "$data" ]; then
  echo "bench: writing $users users to $data" >&2
  python3 - "$users" "$data.tmp" <<'PY'
import json, sys, uuid
n, path = int(sys.argv[1]), sys.argv[2]
ext = "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User"
users = []
for i in range(1, n + 1):
    name = f"user{i:05d}@example.com"
    extension = {"userType": "technician"} if i % 10 == 1 else {"userType": "endUser", "organizationId": str(100 + i % 50)}
    users.append({"revision": 1, "resource": {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", ext],
        "id": str(uuid.UUID(int=i)), "userName": name,
        "name": {"givenName": f"Given{i}", "familyName": f"Family{i}"},
        "emails": [{"value": name, "type": "work", "primary": True}],
        "active": i % 25 != 0, ext: extension,
        "meta": {"resourceType": "User", "created": "2026-11-01T00:00:00Z", "lastModified": "2026-11-01T00:00:00Z"}}})
json.dump({"format": "scimctl-sandbox/1", "users": users, "groups": []}, open(path, "w"))
PY
  mv "$data.tmp" "$data"
fi
cp "$data" "$out/sandbox-data.json" # the sandbox writes its file back at exit; keep the generated one pristine

start_sandbox "$out" "$out/sandbox-data.json" "$token" --max-page-size "$page"
echo "bench: sandbox at $url with $users users" >&2

export SCIMCTL_URL="$url" SCIMCTL_TOKEN_FILE="$token" SCIMCTL_CONFIG_DIR="$out/config"
scimctl_cmd="./scimctl users list -o ndjson --page-size $page"
curl_cmd="bench/list-curl.sh $url $header $page"

# Both must list every user, once: a benchmark of a wrong answer is worth nothing.
lines=$(SCIMCTL_OPTS=-Xmx64m $scimctl_cmd | jq -r .id | sort -u | wc -l)
[ "$lines" -eq "$users" ] || { echo "bench: scimctl listed $lines distinct users, not $users" >&2; exit 1; }
lines=$($curl_cmd | jq -r .id | sort -u | wc -l)
[ "$lines" -eq "$users" ] || { echo "bench: the curl loop listed $lines distinct users, not $users" >&2; exit 1; }

# The validation runs above were the warm-up (the sandbox's JIT, the page cache, scimctl's CDS archive).
hyperfine --runs "$runs" --export-json "$out/list.json" \
  -n "curl + jq loop" "$curl_cmd" \
  -n "scimctl users list" "SCIMCTL_OPTS=-Xmx64m $scimctl_cmd" \
  -n "scimctl users list --concurrency 1" "SCIMCTL_OPTS=-Xmx64m $scimctl_cmd --concurrency 1" >&2

report_ratio "$out/list.json" "curl + jq loop" "scimctl users list" 1.0
echo "one page at a time, for comparison:"
report_ratio "$out/list.json" "curl + jq loop" "scimctl users list --concurrency 1" 1.0 | tail -2
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# Memory: one more run with GC logging; the heap after each collection must not grow with the users read.
SCIMCTL_OPTS="-Xmx64m -Xlog:gc:file=$out/gc.log" /usr/bin/time -f '%M' -o "$out/rss" $scimctl_cmd > /dev/null
python3 - "$out/gc.log" "$(cat "$out/rss")" <<'PY'
import re, sys
after = [int(m.group(2)) for m in re.finditer(r"(\d+)M->(\d+)M\(\d+M\)", open(sys.argv[1]).read())]
rss_mb = int(sys.argv[2]) / 1024
if not after:
    print(f"memory: no GC needed; peak RSS {rss_mb:.0f} MB (-Xmx64m)")
else:
    third = max(1, len(after) // 3)
    early, late = max(after[:third]), max(after[-third:])
    flat = late <= early + 4
    print(f"memory: {len(after)} GCs, heap after GC at most {max(after)} MB (first third {early} MB, last third "
          f"{late} MB: {'flat' if flat else 'GROWING'}); peak RSS {rss_mb:.0f} MB (-Xmx64m)")
PY
