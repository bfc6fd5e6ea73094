#!/usr/bin/env bash
# Times `scimctl validate` on a generated 400,000-row Duo CSV against two floors, in one run: a plain opencsv
# CSVReader read of the same file (bench/CsvFloor.java, -Xmx64m and the serial GC like validate), and a plain Python
# `csv` script doing the same core checks (bench/validate_floor.py). Prints rows per second, both ratios and the load.
# Aims: >= 500,000 rows/s and within 2x of the opencsv floor; at least 3x faster than the Python script (issue #18).
#   ROWS=1000000 bench/validate.sh    a bigger file
#   RUNS=10 bench/validate.sh         more timed runs (default 5, after one warm-up)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/out"
rows="${ROWS:-400000}"
runs="${RUNS:-5}"
file="$out/users-$rows.csv"
jar="$root/target/scimctl-all.jar"
heap="-Xmx64m"
mkdir -p "$out/classes"

if [ ! -f "$jar" ] || [ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit)" ]; then
  echo "building $jar..." >&2
  (cd "$root" && ./mvnw -B -q -DskipTests package) >&2
fi

if [ ! -f "$file" ]; then
  echo "generating $file ($rows rows)..." >&2
  # Realistic and valid: 10% technicians, a third of the end users global, the rest in 50 organizations; a Duo
  # status, a group and a notes column that needs quotes.
  awk -v n="$rows" 'BEGIN {
    print "username,email,first name,last name,userType,organizationId,group1,status,notes"
    for (i = 1; i <= n; i++) {
      r = i % 10
      if (r == 0) { type = "technician"; org = "" }
      else if (r <= 3) { type = "endUser"; org = "All" }
      else if (r == 4) { type = ""; org = "" }
      else { type = "endUser"; org = 100 + (i % 50) }
      printf "user%d,user%d@example.com,First%d,Last%d,%s,%s,Group %d,active,\"note, %d\"\n", i, i, i, i, type, org, i % 20, i
    }
  }' > "$file.tmp" && mv "$file.tmp" "$file"
fi
size=$(wc -c < "$file")

javac -nowarn -d "$out/classes" -cp "$jar" "$root/bench/CsvFloor.java"
java_flags="$heap -XX:+UseSerialGC -Xss1m -Xlog:disable -Xlog:all=error:stderr"
floor_cmd="java $java_flags -cp $jar:$out/classes CsvFloor $file"
validate_cmd="SCIMCTL_OPTS=$heap $root/scimctl validate $file"
python_cmd="python3 $root/bench/validate_floor.py $file"

# One untimed run of each: builds the CDS archive and checks that validate passes (exit 0) on the file.
"$root/scimctl" validate "$file" > /dev/null 2>&1 || { echo "validate failed on $file" >&2; SCIMCTL_OPTS=$heap "$root/scimctl" validate "$file" | tail -5; exit 1; }
$floor_cmd > /dev/null
$python_cmd > /dev/null || { echo "the Python floor failed on $file" >&2; exit 1; }

if ! command -v hyperfine > /dev/null && [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
  apt-get install -y -qq hyperfine > /dev/null 2>&1 || true
fi

if command -v hyperfine > /dev/null; then
  hyperfine --style basic --warmup 1 --runs "$runs" --export-csv "$out/results.csv" \
    -n floor "$floor_cmd" -n validate "$validate_cmd" -n python "$python_cmd" >&2
  floor=$(awk -F, '$1 == "floor" { print $4 }' "$out/results.csv")
  validate=$(awk -F, '$1 == "validate" { print $4 }' "$out/results.csv")
  python=$(awk -F, '$1 == "python" { print $4 }' "$out/results.csv")
  # CPU seconds (user + system, mean): steadier than wall time when other work shares the machine.
  floor_cpu=$(awk -F, '$1 == "floor" { print $5 + $6 }' "$out/results.csv")
  validate_cpu=$(awk -F, '$1 == "validate" { print $5 + $6 }' "$out/results.csv")
  python_cpu=$(awk -F, '$1 == "python" { print $5 + $6 }' "$out/results.csv")
  how="hyperfine, median of $runs runs"
else
  median() { # runs a command $runs times and prints the median seconds
    local times=()
    for _ in $(seq "$runs"); do
      local t0 t1
      t0=$(date +%s%N); bash -c "$1" > /dev/null 2>&1; t1=$(date +%s%N)
      times+=("$(( t1 - t0 ))")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.6f\n", a[int((NR + 1) / 2)] / 1e9 }'
  }
  floor=$(median "$floor_cmd")
  validate=$(median "$validate_cmd")
  python=$(median "$python_cmd")
  floor_cpu=""
  validate_cpu=""
  python_cpu=""
  how="date loop, median of $runs runs"
fi

load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")
awk -v rows="$rows" -v size="$size" -v f="$floor" -v v="$validate" -v py="$python" -v fc="$floor_cpu" -v vc="$validate_cpu" \
    -v pc="$python_cpu" \
    -v how="$how" -v load="$load" -v cores="$(nproc)" 'BEGIN {
  printf "file:      %d rows, %.1f MB\n", rows, size / 1e6
  printf "floor:     %.3f s  %9.0f rows/s  (opencsv CSVReader, -Xmx64m)\n", f, rows / f
  printf "validate:  %.3f s  %9.0f rows/s  (scimctl validate, -Xmx64m)\n", v, rows / v
  printf "python:    %.3f s  %9.0f rows/s  (bench/validate_floor.py, the same core checks)\n", py, rows / py
  printf "ratio:     %.2fx the floor   (%s; aim: >= 500000 rows/s, <= 2x)\n", v / f, how
  printf "vs python: %.2fx faster     (aim: >= 3x) -> %s\n", py / v, (py / v >= 3 ? "met" : "NOT met")
  if (fc != "") {
    printf "cpu:       floor %.2f s, validate %.2f s, python %.2f s (user+sys, all threads): %.2fx the floor, %.2fx faster than python\n", fc, vc, pc, vc / fc, pc / vc
  }
  printf "load:      %s on %d cores", load, cores
  if (load + 0 > cores) printf " -- the machine is busy: wall times above are inflated, compare the cpu line"
  printf "\n"
}'
