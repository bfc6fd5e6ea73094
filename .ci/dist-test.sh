#!/usr/bin/env bash
# The release archive, checked the way a user meets it: build it (./mvnw -B package -Pdist), unpack it into a
# temporary folder, then run bin/scimctl --version, load the bash completion in 'bash -c' and ask it for completions,
# and read a shipped man page with 'man -l'. Also: the launcher's refusal without Java or with a Java older than 17,
# and the zsh and fish scripts where those shells are installed. Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok    $1"; }
fail() { failed=$((failed + 1)); echo "FAIL  $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/      /'; return 0; }
# check NAME COMMAND...: passes when COMMAND exits 0.
check() {
  local name="$1" output
  shift
  if output="$("$@" 2>&1)"; then ok "$name"; else fail "$name" "$output"; fi
}

if ! command -v man >/dev/null 2>&1; then
  echo "== installing man-db for 'man -l'"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq man-db >/dev/null
  else
    echo "dist-test: 'man' is missing and cannot be installed here (needs root and apt-get)" >&2
    exit 1
  fi
fi

echo "== building the release archive"
start=$SECONDS
./mvnw -B -q -DskipTests package -Pdist
version="$(sed -n 's/^version=//p' target/classes/dev/scimctl/version.properties)"
archive="target/scimctl-$version.tar.gz"
echo "   $archive ($(du -k "$archive" | cut -f1) KiB) in $((SECONDS - start)) s"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
tar -xzf "$archive" -C "$tmp"
root="$tmp/scimctl-$version"
# A user of our own: no profiles, no cache, from before.
export HOME="$tmp/home" XDG_CACHE_HOME="$tmp/home/.cache" SCIMCTL_CONFIG_DIR="$tmp/home/config"
unset XDG_CONFIG_HOME JAVA_TOOL_OPTIONS SCIMCTL_OPTS SCIMCTL_PROFILE SCIMCTL_URL SCIMCTL_TOKEN 2>/dev/null || true
mkdir -p "$HOME"

echo "== layout"
for f in bin/scimctl lib/scimctl-all.jar LICENSE README completion/scimctl.bash completion/scimctl.zsh \
    completion/scimctl.fish man/man1/scimctl.1 man/man1/scimctl-completion.1 man/man1/scimctl-config-set-token.1 \
    docs/import.md examples/users.csv; do
  check "ships $f" test -s "$root/$f"
done
# The --help texts (and so the man pages) cite docs/*.md: each must be in the archive, where the text says.
for doc in $(grep -oh 'docs/[a-z-]*\.md' "$root"/man/man1/*.1 | sort -u); do
  check "ships $doc, which a --help text cites" test -s "$root/$doc"
done
check "bin/scimctl is executable" test -x "$root/bin/scimctl"
check "README names the version" grep -q "scimctl $version" "$root/README"

echo "== bin/scimctl on PATH"
version_out="$(PATH="$root/bin:$PATH" scimctl --version 2>&1 || true)"
check "scimctl --version prints $version" grep -q "^scimctl $version\$" <<<"$version_out"
check "the first run made a class-data-sharing archive in the cache folder" \
  bash -c 'ls "$1"/scimctl/scimctl-java*.jsa' _ "$XDG_CACHE_HOME"
check "works through a symlink, from another folder" \
  bash -c 'ln -s "$1/bin/scimctl" "$2/scimctl-link" && cd / && "$2/scimctl-link" --version | grep -q "^scimctl "' \
  _ "$root" "$tmp"
check "a piped config list is empty data, not an error" \
  bash -c 'out="$("$1/bin/scimctl" config list 2>/dev/null)"; [ -z "$out" ]' _ "$root"

echo "== the launcher without a usable Java"
# A PATH with the tools the launcher uses, and no java.
mkdir -p "$tmp/nojava"
for tool in bash dirname readlink cksum mkdir mv rm head; do
  ln -s "$(command -v "$tool")" "$tmp/nojava/$tool"
done
out="$(env -i HOME="$HOME" PATH="$tmp/nojava" "$root/bin/scimctl" --version 2>&1)" && rc=0 || rc=$?
check "no Java: exit 3" test "$rc" = 3
check "no Java: says so, and that 17 or newer is needed" grep -q "no Java runtime found.*Java 17 or newer" <<<"$out"
# A runtime that reports Java 11, the way a JDK does: a release file (and 'java -version' for good measure).
mkdir -p "$tmp/jdk11/bin"
printf 'JAVA_VERSION="11.0.22"\n' > "$tmp/jdk11/release"
printf '#!/bin/sh\necho '\''openjdk version "11.0.22" 2024-01-16'\'' >&2\n' > "$tmp/jdk11/bin/java"
chmod +x "$tmp/jdk11/bin/java"
out="$(JAVA_HOME="$tmp/jdk11" "$root/bin/scimctl" --version 2>&1)" && rc=0 || rc=$?
check "Java 11: exit 3" test "$rc" = 3
check "Java 11: names the version it found and the one it needs" grep -q "is Java 11, and scimctl needs Java 17" <<<"$out"
rm "$tmp/jdk11/release"
out="$(JAVA_HOME="$tmp/jdk11" "$root/bin/scimctl" --version 2>&1)" && rc=0 || rc=$?
check "Java 11 without a release file: asks 'java -version', exit 3" grep -q "is Java 11" <<<"$out"

echo "== the launcher remembers the runtime"
# A runtime reached through a link (as /usr/bin/java is): the first start follows it with readlink and remembers
# what it found; the next start, with no readlink on PATH, needs none.
mkdir -p "$tmp/linkedjdk/bin" "$tmp/tools" "$tmp/tools-noreadlink"
ln -s "$(readlink -f "$(command -v java)")" "$tmp/linkedjdk/bin/java"
for tool in bash readlink mkdir mv rm head; do ln -s "$(command -v "$tool")" "$tmp/tools/$tool"; done
for tool in bash mkdir mv rm head; do ln -s "$(command -v "$tool")" "$tmp/tools-noreadlink/$tool"; done
out="$(env -i HOME="$HOME" XDG_CACHE_HOME="$XDG_CACHE_HOME" JAVA_HOME="$tmp/linkedjdk" PATH="$tmp/tools" \
  "$root/bin/scimctl" --version 2>&1)" && rc=0 || rc=$?
check "a runtime reached through a link: starts" test "$rc" = 0
check "what it found is in the cache folder, a file per runtime" \
  bash -c '[ "$(ls "$1"/scimctl/runtime-* | wc -l)" -ge 2 ]' _ "$XDG_CACHE_HOME"
out="$(env -i HOME="$HOME" XDG_CACHE_HOME="$XDG_CACHE_HOME" JAVA_HOME="$tmp/linkedjdk" PATH="$tmp/tools-noreadlink" \
  "$root/bin/scimctl" --version 2>&1)" && rc=0 || rc=$?
check "the next start needs no readlink (it remembered the runtime)" grep -q "^scimctl $version\$" <<<"$out"

echo "== the checkout's launcher and another Java runtime"
# A copy of the checkout's launcher with its jar and archive (no pom.xml: it builds nothing); a runtime at another path
# (a script that runs the same java) must get an archive of its own, made once, and no error line from the JDK.
mkdir -p "$tmp/checkout/target" "$tmp/otherjdk/bin"
./scimctl --version >/dev/null 2>&1
cp scimctl "$tmp/checkout/"
cp target/scimctl-all.jar target/scimctl.jsa target/scimctl.jsa.java "$tmp/checkout/target/"
printf '#!/bin/sh\nexec %s "$@"\n' "$(readlink -f "$(command -v java)")" > "$tmp/otherjdk/bin/java"
chmod +x "$tmp/otherjdk/bin/java"
first="$(JAVA_HOME="$tmp/otherjdk" "$tmp/checkout/scimctl" --version 2>&1)" || true
second="$(JAVA_HOME="$tmp/otherjdk" "$tmp/checkout/scimctl" --version 2>&1)" || true
check "another runtime: the archive is made again for it" grep -q "making the start-up archive for this Java runtime" \
  <<<"$first"
check "another runtime: the next start prints the version and nothing else (no JDK error line)" \
  test "$(grep -vc "^scimctl $version\$\|^Java " <<<"$second")" = 0
check "another runtime: the archive names it" grep -q "otherjdk/bin/java" "$tmp/checkout/target/scimctl.jsa.java"

echo "== the launchers' compiler settings"
# A short command runs with the compile thresholds raised tenfold (docs/performance.md); a bulk one (validate, import,
# a list) keeps the JVM's, which it needs. The JVM prints the flags it was given with -XX:+PrintCommandLineFlags.
for launcher in "$root/bin/scimctl" "$tmp/checkout/scimctl"; do
  name="${launcher#"$tmp"/}"
  out="$(SCIMCTL_OPTS=-XX:+PrintCommandLineFlags "$launcher" --version 2>&1)" || true
  check "$name: --version runs with raised compile thresholds" grep -q 'CompileThresholdScaling=10' <<<"$out"
  out="$(SCIMCTL_OPTS=-XX:+PrintCommandLineFlags "$launcher" validate /nonexistent.csv 2>&1)" || true
  check "$name: validate keeps the JVM's thresholds" bash -c '! grep -q CompileThresholdScaling <<<"$1"' _ "$out"
  out="$(SCIMCTL_OPTS=-XX:+PrintCommandLineFlags "$launcher" users list --help 2>&1)" || true
  check "$name: a list keeps the JVM's thresholds" bash -c '! grep -q CompileThresholdScaling <<<"$1"' _ "$out"
done

echo "== a Java runtime updated in place"
# A distribution's security update replaces the runtime under the same path; the JVM then refuses the old archive
# without a word, and every start would be slow. Both launchers read the runtime's build from its release file.
mkdir -p "$tmp/updatedjdk/bin"
printf '#!/bin/sh\nexec %s "$@"\n' "$(readlink -f "$(command -v java)")" > "$tmp/updatedjdk/bin/java"
chmod +x "$tmp/updatedjdk/bin/java"
printf 'JAVA_VERSION="17.0.1"\nJAVA_RUNTIME_VERSION="17.0.1+1"\n' > "$tmp/updatedjdk/release"
JAVA_HOME="$tmp/updatedjdk" "$tmp/checkout/scimctl" --version >/dev/null 2>&1 || true
printf 'JAVA_VERSION="17.0.2"\nJAVA_RUNTIME_VERSION="17.0.2+1"\n' > "$tmp/updatedjdk/release"
out="$(JAVA_HOME="$tmp/updatedjdk" "$tmp/checkout/scimctl" --version 2>&1)" || true
check "checkout launcher: an updated runtime gets its archive made again" \
  grep -q "making the start-up archive for this Java runtime" <<<"$out"
check "checkout launcher: the archive names the runtime's build" grep -q '17.0.2+1' "$tmp/checkout/target/scimctl.jsa.java"
printf 'JAVA_VERSION="17.0.1"\nJAVA_RUNTIME_VERSION="17.0.1+1"\n' > "$tmp/updatedjdk/release"
JAVA_HOME="$tmp/updatedjdk" "$root/bin/scimctl" --version >/dev/null 2>&1 || true
before="$(ls "$XDG_CACHE_HOME"/scimctl/scimctl-java*.jsa)"
printf 'JAVA_VERSION="17.0.2"\nJAVA_RUNTIME_VERSION="17.0.2+1"\n' > "$tmp/updatedjdk/release"
out="$(JAVA_HOME="$tmp/updatedjdk" "$root/bin/scimctl" --version 2>&1)" && rc=0 || rc=$?
after="$(ls "$XDG_CACHE_HOME"/scimctl/scimctl-java*.jsa)"
check "release launcher: an updated runtime starts" test "$rc" = 0
check "release launcher: it gets an archive of its own, and the old build's is removed" \
  test "$(comm -13 <(echo "$before") <(echo "$after") | wc -l)" = 1 -a "$(comm -23 <(echo "$before") <(echo "$after") | wc -l)" = 1

echo "== the launchers from an odd place"
# A CDPATH in the environment (some people export theirs) makes 'cd' with a relative folder search it and print where
# it went on stdout: the launcher must neither print it nor go to a same-named folder there.
mkdir -p "$tmp/decoy/${root##*/}/bin" "$tmp/decoy/checkout"
out="$(cd "$tmp" && CDPATH="$tmp/decoy" "${root##*/}/bin/scimctl" --version 2>/dev/null)" || true
check "an exported CDPATH: bin/scimctl prints the version and nothing else on stdout" \
  test "$out" = "$(printf 'scimctl %s\n%s' "$version" "$(sed -n 2p <<<"$version_out")")"
out="$(cd "$tmp" && CDPATH="$tmp/decoy" checkout/scimctl --version 2>/dev/null)" || true
check "an exported CDPATH: the checkout's launcher prints the version and nothing else on stdout" \
  test "$(head -n 1 <<<"$out")" = "scimctl $version"
out="$(cd "$root/bin" && bash scimctl --version 2>&1)" || true
check "'bash scimctl' in bin/ (a launcher named without a folder) prints the version" grep -q "^scimctl $version\$" <<<"$out"
# 'sudo -u someone scimctl ...' from a folder that user may not enter (root's home, say): the launcher cannot go back
# there, and must not need to. A cache folder the user may not write to costs the archive, and nothing on stderr.
if [ "$(id -u)" = 0 ] && command -v runuser >/dev/null 2>&1; then
  chmod 755 "$tmp"
  mkdir -p "$tmp/locked" "$tmp/readonly-cache/scimctl" "$tmp/nobody"
  chmod 700 "$tmp/locked"
  chmod 555 "$tmp/readonly-cache/scimctl"
  chown nobody "$tmp/nobody"
  for launcher in "$root/bin/scimctl" "$tmp/checkout/scimctl"; do
    label="${launcher#"$tmp"/}"
    out="$(cd "$tmp/locked" && runuser -u nobody -- env HOME="$tmp/nobody" XDG_CACHE_HOME="$tmp/nobody/cache" \
      SCIMCTL_CONFIG_DIR="$tmp/nobody/config" PATH="$PATH" "$launcher" --version 2>&1)" && rc=0 || rc=$?
    check "$label, from a folder its user may not enter: starts" grep -q "^scimctl $version\$" <<<"$out"
  done
  out="$(runuser -u nobody -- env HOME="$tmp/nobody" XDG_CACHE_HOME="$tmp/readonly-cache" \
    SCIMCTL_CONFIG_DIR="$tmp/nobody/config" PATH="$PATH" "$root/bin/scimctl" --version 2>&1)" || true
  check "a cache folder it may not write to: the version and nothing else" \
    test "$(grep -vc "^scimctl $version\$\|^Java " <<<"$out")" = 0 -a -n "$out"
  chmod 700 "$tmp"
else
  echo "skip  a folder its user may not enter (needs root and runuser)"
fi

echo "== bash completion"
"$root/bin/scimctl" config set-profile prod --url https://eu.example.com/scim/v2 2>/dev/null
"$root/bin/scimctl" config set-profile staging --url https://eu.example.com/scim/v2 2>/dev/null
# complete SCRIPT WORDS...: loads SCRIPT in a fresh bash, asks for the completions of the last word, prints them.
complete_bash() {
  bash -c '
    script="$1"; shift
    source "$script"
    COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    _scimctl
    printf "%s\n" "${COMPREPLY[@]}"' _ "$@"
}
PATH="$root/bin:$PATH" scimctl completion bash > "$tmp/from-bin.bash"
for script in "$tmp/from-bin.bash" "$root/completion/scimctl.bash"; do
  label="$( [ "$script" = "$tmp/from-bin.bash" ] && echo "'scimctl completion bash'" || echo "completion/scimctl.bash")"
  check "$label: commands" grep -qx test-connection <<<"$(complete_bash "$script" scimctl te)"
  check "$label: subcommands" grep -qx set-token <<<"$(complete_bash "$script" scimctl config '')"
  check "$label: options" grep -qx -- --token-file <<<"$(complete_bash "$script" scimctl test-connection --tok)"
  check "$label: enum values" grep -qx json <<<"$(complete_bash "$script" scimctl test-connection --output '')"
  check "$label: profile names" grep -qx staging <<<"$(complete_bash "$script" scimctl test-connection -p '')"
  check "$label: file names" grep -qx "$tmp/from-bin.bash" <<<"$(complete_bash "$script" scimctl config set-token \
    --token-file "$tmp/from-")"
done
check "the sourced script registers _scimctl for scimctl" \
  bash -c 'source "$1"; complete -p scimctl | grep -q "_scimctl"' _ "$root/completion/scimctl.bash"
# A config.json laid out by hand: the script asks the real 'scimctl config list' through the launcher.
cp "$SCIMCTL_CONFIG_DIR/config.json" "$tmp/config.json.bak"
printf '{"version":1,"current":"prod","profiles":{"handmade":{"url":"https://x.example/scim/v2"}}}\n' \
  > "$SCIMCTL_CONFIG_DIR/config.json"
check "profile names from a hand-edited config, through bin/scimctl config list" \
  grep -qx handmade <<<"$(complete_bash "$root/completion/scimctl.bash" "$root/bin/scimctl" config use '')"
cp "$tmp/config.json.bak" "$SCIMCTL_CONFIG_DIR/config.json"

echo "== man pages"
page="$(MANPAGER=cat MANWIDTH=80 man -l "$root/man/man1/scimctl-test-connection.1" 2>&1 || true)"
check "man -l renders scimctl-test-connection(1)" grep -q "SYNOPSIS" <<<"$page"
check "the page has the options, examples and exit codes" \
  bash -c 'grep -q -- "--token-file" <<<"$1" && grep -q "^EXAMPLES$" <<<"$1" && grep -q "^EXIT CODES" <<<"$1"' _ "$page"
pages="$(ls "$root/man/man1" | wc -l)"
# Completion has a case for each alias too ('users ls'); an alias has no page of its own.
commands="$(sed -n '/^__scimctl_options() {/,/^}/p' "$root/completion/scimctl.bash" | grep "^    '.*') __r=" \
  | grep -vc "^    '[^']* ls')")"
check "a man page for every command ($pages pages, $commands commands)" test "$pages" = "$commands"
check "man finds the pages beside bin/ on PATH" \
  bash -c 'PATH="$1/bin:$PATH" man -w scimctl-config | grep -q "$1/man/man1/scimctl-config.1"' _ "$root"

echo "== zsh and fish (where installed)"
if command -v zsh >/dev/null 2>&1; then
  out="$(zsh -fc 'autoload -U compinit && compinit -u -d "$2/zcompdump"; source "$1"
    COMP_WORDS=(scimctl config ""); COMP_CWORD=2; _scimctl; print -l -- "${COMPREPLY[@]}"' _ \
    "$root/completion/scimctl.zsh" "$tmp" 2>&1 || true)"
  check "zsh: the script loads and completes subcommands" grep -qx set-token <<<"$out"
else
  echo "skip  zsh is not installed"
fi
if command -v fish >/dev/null 2>&1; then
  out="$(fish -c "source '$root/completion/scimctl.fish'; complete -C 'scimctl test-connection --profile '" 2>&1 || true)"
  check "fish: completes profile names" grep -q "^staging" <<<"$out"
  out="$(fish -c "source '$root/completion/scimctl.fish'; complete -C 'scimctl config '" 2>&1 || true)"
  check "fish: completes subcommands, with descriptions" grep -q "^set-token"$'\t' <<<"$out"
else
  echo "skip  fish is not installed"
fi

echo
echo "dist-test: $passed passed, $failed failed"
[ "$failed" = 0 ]
