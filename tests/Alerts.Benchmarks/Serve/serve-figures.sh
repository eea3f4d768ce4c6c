#!/usr/bin/env bash
# The figures issue 10 asks for, timed as a user meets them: `dotnet run --project src/Alerts.Cli -- serve` from
# start to `ready` (RUNS starts; the first one after a fresh Azurite install when FRESH=1), from `ready` to the first
# captured mail, then wrk on GET /api/alerts against the anonymous liveness route as the baseline, same run.
# Usage: tests/Alerts.Benchmarks/Serve/serve-figures.sh [RUNS=5] [FRESH=0] [CONNECTIONS=16] [SECONDS=20]
set -euo pipefail
cd "$(dirname "$0")/../../.."
runs=${RUNS:-5} connections=${CONNECTIONS:-16} seconds=${SECONDS_PER_LOAD:-20}
command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install wrk)" >&2; exit 1; }
dotnet build src/Alerts.Cli -nologo -v:q >/dev/null
[ "${FRESH:-0}" = 1 ] && rm -rf dev/Alerts.DevStack/azurite/node_modules
echo "uptime: $(uptime)"

now() { date +%s.%N; }
for i in $(seq 1 "$runs"); do
  work=$(mktemp -d); out="$work/out"
  start=$(now)
  dotnet run --project src/Alerts.Cli --no-build -- serve --port 0 --capture-dir "$work/capture" >"$out" 2>"$work/err" &
  pid=$!
  until grep -qx ready "$out" 2>/dev/null; do kill -0 $pid 2>/dev/null || { cat "$work/err" >&2; exit 1; }; sleep 0.05; done
  ready=$(now)
  until [ -n "$(find "$work/capture" -name "*.eml" 2>/dev/null | head -n 1)" ]; do sleep 0.05; done
  mail=$(now)
  printf 'run %d: start->ready %.1f s, ready->first mail %.1f s\n' "$i" "$(echo "$ready - $start" | bc)" "$(echo "$mail - $ready" | bc)"
  if [ "$i" = "$runs" ]; then
    api=$(sed -n 's/^Api__BaseUrl=//p' "$out"); key=$(sed -n 's/^Api__FunctionKey=//p' "$out")
    me=$(printf '{"auth_typ":"aad","role_typ":"roles","claims":[]}' | base64 -w0)
    for c in 1 "$connections"; do
      echo "--- wrk -c$c baseline: GET ${api}health/live"
      wrk -t1 -c"$c" -d"${seconds}s" --latency "${api}health/live" | grep -E 'Requests/sec|50%|99%'
      echo "--- wrk -c$c GET ${api}alerts (function key + principal headers)"
      wrk -t1 -c"$c" -d"${seconds}s" --latency -H "x-functions-key: $key" -H "X-MS-CLIENT-PRINCIPAL: $me" \
        -H "X-MS-CLIENT-PRINCIPAL-IDP: aad" -H "X-MS-CLIENT-PRINCIPAL-ID: bench" "${api}alerts" | grep -E 'Requests/sec|50%|99%|Non-2xx'
    done
  fi
  kill -TERM $pid; wait $pid || true
  rm -rf "$work"
done
