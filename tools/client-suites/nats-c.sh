#!/bin/sh
# Runs the NATS C client's own test suite (nats.c v3.4.1, the libnats of Debian 12) against a server executable
# given in place of nats-server: nats-server 2.9.10 for the reference run, Natrium's `nats-server` wrapper
# (`./natrium install DIR`) for the checked one. Results and per-test output go to OUT (docs/compatibility.md,
# "Client test suites", says what the runs gave).
#
#   tools/client-suites/nats-c.sh --server /usr/sbin/nats-server --out /tmp/nats-c-ref [TEST ...]
#
# Options: --src DIR_OR_GIT_DIR (nats.c sources: a checked-out tree, or a git dir such as a mirror, from which tag
# v3.4.1 is unpacked; default: clone https://github.com/nats-io/nats.c), --work DIR (where sources and build go;
# default OUT/..), --timeout SECONDS (per test, default 300). TEST names are the suite's (test/list.txt); without
# them the selection below runs.
#
# Each test runs alone, as ctest runs them (`testsuite I I`, in a copy of the test directory), one after the other:
# the tests are timing-heavy. When run as root, each test gets its own network and PID namespace, so the fixed
# ports (4222, 4443, ...) do not meet other programs', and servers a test leaves running are counted (`LEFT n`)
# and then ended with the namespace.
set -eu

tag=v3.4.1
server=
out=
src=
work=
timeout=300
while [ $# -gt 0 ]; do
  case "$1" in
    --server) server=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --src) src=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --) shift; break ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ -n "$server" ] && [ -n "$out" ] || { echo "usage: $0 --server EXE --out DIR [--src DIR] [TEST ...]" >&2; exit 2; }
server=$(readlink -f "$server")
mkdir -p "$out"
out=$(readlink -f "$out")
work=${work:-$(dirname "$out")/nats-c-work}
mkdir -p "$work"
work=$(readlink -f "$work")

# Sources: unpacked once per work directory.
if [ ! -f "$work/nats.c/test/test.c" ]; then
  rm -rf "$work/nats.c" && mkdir -p "$work/nats.c"
  if [ -z "$src" ]; then
    git clone --quiet --depth 1 --branch "$tag" https://github.com/nats-io/nats.c "$work/nats.c"
  elif [ -f "$src/test/test.c" ]; then
    cp -r "$src/." "$work/nats.c/"
  else
    git --git-dir="$src" archive "$tag" | tar -x -C "$work/nats.c"
  fi
fi

# Build: the static library and the test program, without streaming (NATS Streaming is out of scope).
if [ ! -x "$work/build/test/testsuite" ]; then
  mkdir -p "$work/build"
  (cd "$work/build" \
    && cmake "$work/nats.c" -DCMAKE_BUILD_TYPE=Release -DNATS_BUILD_STREAMING=OFF -DNATS_BUILD_EXAMPLES=OFF \
      -DNATS_BUILD_LIB_SHARED=OFF -DNATS_BUILD_TLS_USE_OPENSSL_1_1_API=ON >cmake.log \
    && make -j"$(nproc)" testsuite >make.log)
fi
suite="$work/build/test/testsuite"

# The suite's tests in order: the test program takes indexes into this list.
list="$work/nats.c/test/list.txt"
if [ $# -eq 0 ]; then
  # Set aside: JetStream and KeyValue (JetStream is out of Natrium's scope), Stan (NATS Streaming, not built), and
  # the tests that start a cluster (-cluster/-routes; clustering is out of scope).
  set -- $(grep -v -E '^(JetStream|KeyValue|Stan)' "$list" | grep -v -x -E \
    'GetServers|GetDiscoveredServers|DiscoveredServersCb|IgnoreDiscoveredServers|ServerPoolUpdatedOnClusterUpdate|GetClientID|SSLReconnectWithAuthError')
fi

# A copy of the test directory per run: tests write a server log there and read certs/ and *.conf from it.
run="$out/testdir"
rm -rf "$run" && cp -r "$work/nats.c/test" "$run"

isolate=
if [ "$(id -u)" = 0 ] && unshare -n -p -f --mount-proc true 2>/dev/null; then
  isolate=yes
fi

results="$out/results.tsv"
: >"$results"
echo "# server: $server ($("$server" --version 2>&1 | head -1))" >>"$results"
for name in "$@"; do
  index=$(grep -n -x -F "$name" "$list" | cut -d: -f1)
  [ -n "$index" ] || { echo "no test $name" >&2; exit 2; }
  index=$((index - 1))
  log="$out/$name.log"
  start=$(date +%s)
  status=0
  if [ -n "$isolate" ]; then
    # In the namespaces: loopback up, the test, then the count of processes still there besides this shell and ps.
    unshare -n -p -f --mount-proc sh -c '
      ip link set lo up
      cd "$1" && NATS_TEST_SERVER_EXE="$2" timeout -k 10 "$3" "$4" "$5" "$5"
      status=$?
      # A server still shutting down is given 10 seconds before it counts as left behind.
      for i in 1 2 3 4 5 6 7 8 9 10; do [ "$(ps -e -o pid= | wc -l)" -le 4 ] && break; sleep 1; done
      echo "LEFT $(ps -e -o pid= | wc -l)"
      exit $status' sh "$run" "$server" "$timeout" "$suite" "$index" >"$log" 2>&1 || status=$?
  else
    (cd "$run" && NATS_TEST_SERVER_EXE="$server" timeout -k 10 "$timeout" "$suite" "$index" "$index") \
      >"$log" 2>&1 || status=$?
  fi
  seconds=$(($(date +%s) - start))
  if [ "$status" = 124 ] || [ "$status" = 137 ]; then verdict=TIMEOUT
  elif grep -q "ALL PASSED" "$log"; then verdict=PASS
  else verdict=FAIL
  fi
  # The namespace's shell, its subshell, ps and wc are always there: more is a process the test left behind.
  left=$(sed -n 's/^LEFT //p' "$log")
  if [ -n "$left" ] && [ "$left" -gt 4 ]; then verdict="$verdict+LEFT$((left - 4))"; fi
  printf '%s\t%s\t%ss\n' "$name" "$verdict" "$seconds" | tee -a "$results"
done
echo "passed $(grep -c -P '\tPASS\t' "$results") of $#; failed: $(grep -P '^[^#].*\t(FAIL|TIMEOUT|PASS\+)' "$results" | cut -f1 | tr '\n' ' ')"
