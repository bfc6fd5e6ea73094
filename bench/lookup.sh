#!/usr/bin/env bash
# Finding one user: `scimctl users get NAME` against the same look-up done by curl (one filtered request) plus
# `scimctl --version` (the start-up), over a local `scimctl sandbox` holding 2,000 users, for a hit and a miss, in
# one hyperfine run. Discovery is kept between runs (docs/client.md), so after the first run a hit is one request
# and a miss two. Prints the medians and the ratios. Aims: a hit within 1.3x of the sum, a miss within 1.5x.
#   USERS=2000 RUNS=10 bench/lookup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
need_hyperfine
for tool in curl python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is needed" >&2; exit 3; }
done

users="${USERS:-2000}"
runs="${RUNS:-10}"
out=target/bench/lookup
rm -rf "$out"
mkdir -p "$out"
token="$out/token"
header="$out/auth-header"

./scimctl --version >/dev/null # builds the jar and the CDS archive on first use

umask 077
head -c 24 /dev/urandom | base64 | tr -d '/+=\n' > "$token"
printf 'Authorization: Bearer %s\n' "$(cat "$token")" > "$header"

python3 - "$users" "$out/sandbox-data.json" <<'PY'
import json, sys, uuid
n, path = int(sys.argv[1]), sys.argv[2]
ext = "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User"
users = []
for i in range(1, n + 1):
    name = f"user{i:05d}@example.com"
    users.append({"revision": 1, "resource": {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", ext],
        "id": str(uuid.UUID(int=i)), "userName": name,
        "name": {"givenName": f"Given{i}", "familyName": f"Family{i}"},
        "emails": [{"value": name, "type": "work", "primary": True}],
        "active": True, ext: {"userType": "endUser", "organizationId": str(100 + i % 50)},
        "meta": {"resourceType": "User", "created": "2026-11-01T00:00:00Z", "lastModified": "2026-11-01T00:00:00Z"}}})
json.dump({"format": "scimctl-sandbox/1", "users": users, "groups": []}, open(path, "w"))
PY

start_sandbox "$out" "$out/sandbox-data.json" "$token"
echo "bench: sandbox at $url with $users users; load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

export SCIMCTL_URL="$url" SCIMCTL_TOKEN_FILE="$token" SCIMCTL_CONFIG_DIR="$out/config" SCIMCTL_CACHE_DIR="$out/cache"
hit="user01000@example.com"
miss="nobody@example.com"
filter() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote("userName eq \"%s\"" % sys.argv[1]))' "$1"; }

# Both must find the user (and both miss the other): a benchmark of a wrong answer is worth nothing.
./scimctl users get "$hit" -o json | grep -q "\"$hit\"" || { echo "bench: scimctl did not find $hit" >&2; exit 1; }
if ./scimctl users get "$miss" >/dev/null 2>&1; then echo "bench: scimctl found $miss" >&2; exit 1; fi
curl -sf -H @"$header" "$url/Users?filter=$(filter "$hit")" | grep -q "\"$hit\"" || { echo "bench: curl did not find $hit" >&2; exit 1; }

curl_hit="curl -sf -H @$header '$url/Users?filter=$(filter "$hit")' >/dev/null && ./scimctl --version >/dev/null"
curl_miss="curl -sf -H @$header '$url/Users?filter=$(filter "$miss")' >/dev/null && ./scimctl --version >/dev/null"
hyperfine -N --warmup 2 --runs "$runs" -i --export-json "$out/lookup.json" \
  -n "curl + --version (hit)" "bash -c \"$curl_hit\"" \
  -n "scimctl users get (hit)" "./scimctl users get $hit" \
  -n "curl + --version (miss)" "bash -c \"$curl_miss\"" \
  -n "scimctl users get (miss)" "./scimctl users get $miss" >&2

echo "load after: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
report_ratio "$out/lookup.json" "curl + --version (hit)" "scimctl users get (hit)" 1.3
report_ratio "$out/lookup.json" "curl + --version (miss)" "scimctl users get (miss)" 1.5
