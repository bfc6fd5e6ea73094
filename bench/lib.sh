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
