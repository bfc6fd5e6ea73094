#!/usr/bin/env bash
# Start-up: `./scimctl --version` against a hello-world `java` run with the same JVM flags, in one hyperfine run.
# Prints both medians, the ratio and the load average. Aim (issue #18): at most 2.0x the hello-world floor.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
need_hyperfine

out=target/bench
mkdir -p "$out"
cat > "$out/Hello.java" <<'JAVA'
public class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
JAVA
javac -d "$out" "$out/Hello.java"
./scimctl --version >/dev/null   # builds the jar and the CDS archive on first use

flags="-XX:+UseSerialGC -Xss1m -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 -Xlog:disable -Xlog:all=error:stderr"
hyperfine --warmup 5 --runs "${RUNS:-30}" -N --export-json "$out/startup.json" \
  -n "hello-world java" "java $flags -cp $out Hello" \
  -n "scimctl --version" "./scimctl --version" >&2

report_ratio "$out/startup.json" "hello-world java" "scimctl --version" 2.0
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
