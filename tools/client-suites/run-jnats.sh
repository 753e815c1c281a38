#!/bin/bash
# Runs the jnats client's own test suite (nats.java) against the reference nats-server and against Natrium, the
# same selection on both, one fork, and prints what passed on one and not on the other.
#
#   tools/client-suites/run-jnats.sh [both|nats-server|natrium] [extra Maven arguments, e.g. -Dtest=PublishTests]
#
# Environment:
#   NATS_JAVA_REPO    a git repository of nats-io/nats.java (default: the mirror /work/.mirror/nats-io+nats.java/repo)
#   NATS_JAVA_COMMIT  the commit to test (default fe6899c7: the newest one whose jnats-server-runner, 3.0.1, is on
#                     Maven Central; the next commit moves to runner 4.0.1, not published there yet)
#   REFERENCE_SERVER  the reference binary (default /usr/sbin/nats-server, Debian's 2.9.10)
#   SUITE_WORK        where the sources are extracted and the results kept (default target/client-suites)
#   SUITE_START_TRIES how many times the suite probes a started server, 50 ms apart, before it gives up (the suite's
#                     own NatsTestServer says 5: about 0.4 s, which a JVM does not meet on a busy machine; a higher
#                     number compares behaviour rather than start time, on both servers alike)
#
# jnats builds with Gradle; jnats/pom.xml compiles its src/main and src/test with Maven instead. The tests start
# the server through jnats-server-runner, which runs the program named by the `nats_server_path` variable.
# JetStream, key-value, object-store and cluster test classes are left out (Natrium has no JetStream); tests of them
# inside other classes fail on Natrium and are listed in docs/compatibility.md ("Client test suites").
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
which=${1:-both}
[ $# -gt 0 ] && shift
repo=${NATS_JAVA_REPO:-/work/.mirror/nats-io+nats.java/repo}
commit=${NATS_JAVA_COMMIT:-fe6899c7}
reference=${REFERENCE_SERVER:-/usr/sbin/nats-server}
work=${SUITE_WORK:-$root/target/client-suites}
src="$work/nats.java"

mkdir -p "$work"
if [ ! -f "$src/.commit" ] || [ "$(cat "$src/.commit")" != "$commit" ]; then
  rm -rf "$src"
  mkdir -p "$src/generated-resources/io/nats/jnats"
  git --git-dir="$repo" archive "$commit" src | tar -x -C "$src"
  # what jnats's Gradle build generates
  echo "version=2.26.3-SNAPSHOT" > "$src/generated-resources/io/nats/jnats/version.properties"
  echo "$commit" > "$src/.commit"
fi

# The start window: NatsTestServer as committed, or with SUITE_START_TRIES probes.
git --git-dir="$repo" archive "$commit" src/test/java/io/nats/client/NatsTestServer.java | tar -x -C "$src"
if [ -n "${SUITE_START_TRIES:-}" ]; then
  sed -i "s/setDefaultValidateTries([0-9]*)/setDefaultValidateTries($SUITE_START_TRIES)/" \
    "$src/src/test/java/io/nats/client/NatsTestServer.java"
fi

if [ ! -x "$work/bin/nats-server" ]; then
  "$root/natrium" install "$work/bin" 2>/dev/null
fi

run() { # name server-path
  name=$1 server=$2
  shift 2
  echo "== jnats suite against $name ($server: $("$server" --version))" >&2
  rm -rf "$here/jnats/target/surefire-reports"
  start=$(date +%s)
  # In a session of its own: jnats-server-runner leaves a server it gave up on running (it never stops a server
  # that did not answer in time), and what is left in the session afterwards is those servers.
  nats_server_path=$server setsid "$root/mvnw" -B -ntp -q -f "$here/jnats/pom.xml" -Djnats.dir="$src" \
    -Dsurefire.failIfNoSpecifiedTests=false \
    test "$@" > "$work/$name.log" 2>&1 &
  maven=$!
  wait "$maven" || true
  left=$(ps -eo pid=,sid= | awk -v sid="$maven" '$2 == sid { print $1 }')
  if [ -n "$left" ]; then
    echo "   left behind: $(echo $left | wc -w) processes (stopped now)" >&2
    kill $left 2>/dev/null || true
  fi
  echo "   $(( $(date +%s) - start )) s" >&2
  rm -rf "$work/results-$name"
  cp -r "$here/jnats/target/surefire-reports" "$work/results-$name"
  "$here/summarize.sh" "$work/results-$name" > "$work/$name.tests"
  awk '{ n[$1]++ } END { for (k in n) printf "   %s %d\n", k, n[k] }' "$work/$name.tests" >&2
}

case "$which" in
  both) run nats-server "$reference" "$@"; run natrium "$work/bin/nats-server" "$@" ;;
  nats-server) run nats-server "$reference" "$@" ;;
  natrium) run natrium "$work/bin/nats-server" "$@" ;;
  *) echo "usage: $0 [both|nats-server|natrium] [maven arguments]" >&2; exit 2 ;;
esac

if [ -f "$work/nats-server.tests" ] && [ -f "$work/natrium.tests" ]; then
  echo "== passed on nats-server, not on Natrium:" >&2
  join -1 2 -2 2 <(sort -k2 "$work/nats-server.tests") <(sort -k2 "$work/natrium.tests") 2>/dev/null \
    | awk '$2 == "passed" && $3 != "passed" { print "   " $1 " (" $3 ")" }' >&2 || true
fi
