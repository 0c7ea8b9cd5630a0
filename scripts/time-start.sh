#!/usr/bin/env bash
# Times `npm start` until /readyz answers 200, then stops it; run it twice to
# time a first start (empty store: schema, indexes, seed) and a restart.
# usage: scripts/time-start.sh [PORT]   (DATA_DIR etc. from the environment)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-4000}
log=$(mktemp)
t0=$(date +%s%N)
PORT=$port npm start >"$log" 2>&1 &
pid=$!
ready() { node -e "fetch('http://127.0.0.1:$port/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" 2>/dev/null; }
until ready; do
  kill -0 "$pid" 2>/dev/null || { echo "npm start exited:" >&2; cat "$log" >&2; exit 1; }
  sleep 0.05
done
echo "ready after $(( ($(date +%s%N) - t0) / 1000000 )) ms$(grep -q seeded "$log" && echo ' (seeded an empty store)')"
kill -TERM "$pid"
wait "$pid" || true
# A server still answering would make the next run's timing meaningless.
if ready; then echo "the server is still up after npm start exited" >&2; exit 1; fi
rm -f "$log"
