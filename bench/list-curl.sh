#!/usr/bin/env bash
# What an administrator writes by hand to dump every user: page through /Users with curl, one JSON line per user
# with jq. bench/list.sh times scimctl against this.
#   bench/list-curl.sh BASE_URL AUTH_HEADER_FILE PAGE_SIZE > users.ndjson
set -euo pipefail
url=$1 header=$2 count=$3
start=1
while :; do
  page=$(curl -sf -H @"$header" "$url/Users?startIndex=$start&count=$count")
  jq -c '.Resources[]?' <<<"$page"
  read -r n total < <(jq -r '[(.Resources // [] | length), .totalResults] | @tsv' <<<"$page")
  start=$((start + n))
  [ "$n" -gt 0 ] && [ "$start" -le "$total" ] || break
done
