# Shared helpers for the bench/ scripts.

need_hyperfine() {
  if ! command -v hyperfine >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "bench: installing hyperfine from Debian's packages..." >&2
      (apt-get install -y -qq hyperfine >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq hyperfine >/dev/null; })
    fi
  fi
  command -v hyperfine >/dev/null 2>&1 || { echo "bench: hyperfine is needed (apt-get install hyperfine)" >&2; exit 3; }
}

# report_ratio JSON BASELINE_NAME SUBJECT_NAME AIM: prints the medians and SUBJECT/BASELINE.
report_ratio() {
  python3 - "$@" <<'PY'
import json, sys
path, base, subject, aim = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
results = {r["command"]: r for r in json.load(open(path))["results"]}
b, s = results[base]["median"], results[subject]["median"]
ratio = s / b
print(f"{base}: median {b*1000:.1f} ms")
print(f"{subject}: median {s*1000:.1f} ms")
print(f"ratio: {ratio:.2f}x (aim: at most {aim:g}x) -> {'met' if ratio <= aim else 'NOT met'}")
PY
}

# Starts `scimctl sandbox` on a free port with the data file $2 and token file $3 (more sandbox options after them),
# logs in $1, stops it when the script exits, and sets $url and $sandbox once it answers.
start_sandbox() {
  local dir="$1" data="$2" token="$3"
  shift 3
  ./scimctl sandbox --port 0 --data "$data" --token-file "$token" "$@" > "$dir/sandbox.out" 2> "$dir/sandbox.log" &
  sandbox=$!
  trap 'kill "$sandbox" 2>/dev/null || true' EXIT
  for _ in $(seq 300); do
    grep -q '^url: ' "$dir/sandbox.out" && break
    kill -0 "$sandbox" 2>/dev/null || { cat "$dir/sandbox.log" >&2; echo "bench: the sandbox did not start" >&2; exit 1; }
    sleep 0.1
  done
  url="$(sed -n 's/^url: //p' "$dir/sandbox.out")"
  [ -n "$url" ] || { echo "bench: the sandbox gave no URL" >&2; exit 1; }
}
