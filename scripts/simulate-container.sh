#!/usr/bin/env bash
# Runs the Docker image's runtime layout without a Docker engine, as close as a
# plain Linux host allows: the deps stage's production-only install (Kuzu's
# sources and foreign binaries removed), the app directory owned by root and
# read-only, a non-root system user owning only the data directory, and the
# Dockerfile's own HEALTHCHECK command as the readiness probe. Checks that the
# user cannot write the app, that the service seeds, serves, stops cleanly on
# SIGTERM and restarts on its store; prints sizes and timings.
#
# usage (as root: it creates the user `recap-sim`): scripts/simulate-container.sh [WORK_DIR]
# Not simulated: the image's own OS packages, Docker's network, volume and
# signal plumbing (PID 1), and the compose start order — see the README.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d /tmp/recap-image.XXXXXX)}
app=$work/app
data=$work/data
user=recap-sim
if [ "$(id -u)" -ne 0 ]; then echo "run as root (creates the user $user)" >&2; exit 2; fi

echo "== build stage: dist/"
node "$root/scripts/build.mjs"

echo "== deps stage: production dependencies only, in $app"
rm -rf "$data"
if [ -d "$app/node_modules" ] && [ "${REUSE_DEPS:-}" = 1 ]; then
  echo "   REUSE_DEPS=1: keeping $app/node_modules"
  chmod -R u+w "$app" && find "$app" -mindepth 1 -maxdepth 1 ! -name node_modules -exec rm -rf {} +
  cp "$root/package.json" "$root/package-lock.json" "$app/"
else
  rm -rf "$app"
  mkdir -p "$app"
  cp "$root/package.json" "$root/package-lock.json" "$app/"
  started=$(date +%s.%N)
  (cd "$app" && npm ci --omit=dev --no-audit --no-fund --ignore-scripts --loglevel=error \
    && npm rebuild kuzu --loglevel=error >/dev/null \
    && rm -rf node_modules/kuzu/kuzu-source node_modules/kuzu/prebuilt)
  echo "   npm ci --omit=dev + kuzu binary: $(echo "$(date +%s.%N) - $started" | bc | cut -c1-5) s," \
    "node_modules $(du -sh "$app/node_modules" | cut -f1)"
fi

echo "== runtime stage: app read-only and root-owned, $user owns only $data"
cp -r "$root/dist" "$root/schema" "$root/cypher" "$root/fixtures" "$root/public" "$app/"
id -u "$user" >/dev/null 2>&1 || useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$user"
chmod 0755 "$work"
chown -R root:root "$app"
chmod -R a-w "$app"
mkdir -p "$data" && chown "$user:$user" "$data" && chmod 0750 "$data"
if runuser -u "$user" -- sh -c "touch '$app/written' 2>/dev/null || mkdir '$app/data' 2>/dev/null"; then
  echo "FAIL: $user can write into the app directory" >&2; exit 1
fi
echo "   $user cannot write into $app: ok"

port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
# The Dockerfile's HEALTHCHECK command, one argument a line (none holds a newline).
mapfile -t healthcheck < <(node -e '
  const d = require("fs").readFileSync(process.argv[1], "utf8").replace(/\\\n/g, " ");
  const m = /^HEALTHCHECK .*?CMD (\[.*\])$/m.exec(d);
  for (const arg of JSON.parse(m[1])) console.log(arg);' "$root/Dockerfile")
probe() { (cd "$app" && PORT=$port "${healthcheck[@]}" >/dev/null 2>&1); }

run_service() {
  local log=$1
  # setpriv execs node itself (runuser would stay in between and re-raise SIGTERM),
  # so the signal and the exit status are the service's own, as with Docker's PID 1.
  (cd "$app" && exec setpriv --reuid="$user" --regid="$user" --clear-groups \
    env -i PATH="$PATH" NODE_ENV=production HOST=127.0.0.1 PORT="$port" DATA_DIR="$data" MALLOC_ARENA_MAX=2 \
    node dist/src/server/main.js) >"$log" 2>&1 &
  pid=$!
  local t0; t0=$(date +%s.%N)
  for _ in $(seq 1 600); do
    if probe; then
      ready=$(echo "$(date +%s.%N) - $t0" | bc | cut -c1-5)
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "FAIL: the service exited:" >&2; cat "$log" >&2; exit 1; fi
    sleep 0.1
  done
  echo "FAIL: not ready after 60 s" >&2; cat "$log" >&2; exit 1
}

stop_service() {
  kill -TERM "$pid"
  local status=0
  wait "$pid" || status=$?
  if [ "$status" -ne 0 ]; then echo "FAIL: exit status $status after SIGTERM" >&2; exit 1; fi
}

echo "== first start as $user (empty $data: schema, indexes, seed)"
run_service "$work/first.log"
echo "   ready (HEALTHCHECK passes) after $ready s"
grep -q 'seeded empty kuzu store' "$work/first.log" || { echo "FAIL: no seed" >&2; exit 1; }
answer=$(node -e "fetch('http://127.0.0.1:$port/graphql?query=%7BeditionStats%7Btalks%7D%7D',{headers:{'apollo-require-preflight':'true'}}).then(r=>r.text()).then(console.log)")
case "$answer" in '{"data":{"editionStats":['*) ;; *) echo "FAIL: GraphQL answered $answer" >&2; exit 1 ;; esac
echo "   GraphQL: ${answer:0:80}…"
stop_service
echo "   SIGTERM: exit 0"
echo "   data directory: $(du -sh "$data" | cut -f1), owned by $(stat -c %U "$data")"

echo "== restart as $user on the existing store"
run_service "$work/second.log"
echo "   ready (HEALTHCHECK passes) after $ready s"
if grep -q 'seeded' "$work/second.log"; then echo "FAIL: reseeded on restart" >&2; exit 1; fi
stop_service
echo "== ok: logs in $work/first.log and $work/second.log"
