#!/usr/bin/env bash
# Ticks per second of a one-node against a three-node Redis cluster on this machine: for each size, starts
# deploy/cluster.sh (FEEDS=Off, a fresh data folder, its own ports), drives every node with the load generator
# (publishers and subscribers dealt round-robin), stops the cluster and prints the accepted rate.
#
#   loadtest/cluster-scaling.sh                 # sizes 1 and 3, 200,000 ticks/s offered, 20 s after a 5 s warm-up
#   SIZES="1 2 3" RATE=100000 loadtest/cluster-scaling.sh
#
# Summaries go to cluster-scaling-N.json in the working directory. Needs redis-server and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
sizes=${SIZES:-1 3}
rate=${RATE:-200000}
duration=${DURATION:-20}
http_base=${HTTP_BASE:-5280}
redis_port=${REDIS_PORT:-6391}
key=scaling-key

dotnet build -c Release "$root/api" -v q -nologo >/dev/null
dotnet build -c Release "$root/loadtest" -v q -nologo >/dev/null
for n in $sizes; do
  data=$(mktemp -d)
  DATA="$data" FEEDS=Off BUILD=0 HTTP_BASE=$http_base REDIS_PORT=$redis_port SILO_BASE=11310 GATEWAY_BASE=30300 \
    INGESTION_KEY=$key OPERATOR_KEY=scaling-operator "$root/deploy/cluster.sh" "$n" >"$data/cluster.out" 2>&1 &
  cluster=$!
  urls=() pids=()
  for k in $(seq 1 "$n"); do
    until curl -fs "http://127.0.0.1:$((http_base + k))/readyz" >/dev/null 2>&1; do
      kill -0 "$cluster" 2>/dev/null || { cat "$data/cluster.out" >&2; exit 1; }
      sleep 0.5
    done
    urls+=("http://127.0.0.1:$((http_base + k))")
    pids+=("$(cat "$data/node-$k.pid")")
  done
  ALTSEASON_PUBLISH_KEY=$key dotnet "$root/loadtest/bin/Release/net10.0/AltseasonLive.LoadTest.dll" \
    --url "$(IFS=,; echo "${urls[*]}")" --server-pid "$(IFS=,; echo "${pids[*]}")" \
    --rate "$rate" --publishers 4 --batch 1000 --subscribers 10 --duration "$duration" --warmup 5 --symbols 60 \
    --plain --json "cluster-scaling-$n.json" | tail -n 25
  kill -TERM "$cluster"
  wait "$cluster" || true
  rm -rf "$data"
done
