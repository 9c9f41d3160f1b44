#!/usr/bin/env bash
# Starts a local AltseasonLive cluster on one machine: one redis-server and N nodes (default 3), all on loopback ports.
# Each node co-hosts an Orleans silo and serves the dashboard, the hub, REST and ingestion; grains and their state are
# shared through Redis. Ctrl-C stops everything (Redis keeps its data in the data folder, so a new start resumes).
#
#   deploy/cluster.sh              # Redis on 6390, nodes on http://127.0.0.1:5081, :5082, :5083
#   deploy/cluster.sh 5            # five nodes
#   kill -9 "$(cat data-cluster/node-2.pid)"     # crash a node; the others carry on (node 1 runs the feeds)
#   deploy/cluster.sh node 2       # (another terminal) start node 2 again: it rejoins
#
# Settings (environment): DATA (data-cluster), REDIS_PORT (6390), HTTP_BASE (5080: node K serves HTTP_BASE+K),
# SILO_BASE (11110), GATEWAY_BASE (30000), FEEDS (Demo: node 1 runs the built-in demo feed, the others none; Auto or
# Live for the real feeds), INGESTION_KEY and OPERATOR_KEY (generated once into the data folder when unset).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

data=${DATA:-data-cluster}
redis_port=${REDIS_PORT:-6390}
http_base=${HTTP_BASE:-5080}
silo_base=${SILO_BASE:-11110}
gateway_base=${GATEWAY_BASE:-30000}
feeds=${FEEDS:-Demo}
mkdir -p "$data"
data=$(cd "$data" && pwd)
dll="$root/api/bin/Release/net10.0/AltseasonLive.Api.dll"

secret() { # name -> value, generated once into the data folder
  local file="$data/$1"
  [[ -s $file ]] || (umask 077; head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$file")
  cat "$file"
}
ingestion_key=${INGESTION_KEY:-$(secret ingestion-key)}
operator_key=${OPERATOR_KEY:-$(secret operator-key)}

start_node() { # K -> starts node K in the background, its pid in $data/node-K.pid, its log in $data/node-K.log
  local k=$1 mode=Off
  [[ $k == 1 ]] && mode=$feeds
  mkdir -p "$data/node-$k"
  # The membership timings declare a dead node dead within a few seconds: right for one machine, too eager for a
  # network (drop the three Clustering:* timing arguments there to keep Orleans' defaults).
  # Run from the build folder so that the api finds its appsettings.json (content root = working directory).
  (cd "$(dirname "$dll")" && exec dotnet "$dll" \
    --Urls="http://127.0.0.1:$((http_base + k))" \
    --Data:Folder="$data/node-$k" \
    --Feeds:Mode="$mode" \
    --Clustering:Provider=Redis \
    --Clustering:ConnectionString="127.0.0.1:$redis_port" \
    --Clustering:AdvertisedIPAddress=127.0.0.1 \
    --Clustering:SiloPort="$((silo_base + k))" \
    --Clustering:GatewayPort="$((gateway_base + k))" \
    --Clustering:ProbeTimeout=00:00:01 --Clustering:MissedProbes=2 --Clustering:DeathVotes=1 \
    --Ingestion:Keys:0="$ingestion_key" \
    --Operations:Keys:0="$operator_key") \
    >"$data/node-$k.log" 2>&1 &
  echo $! >"$data/node-$k.pid"
}

wait_ready() { # K -> waits until node K's /readyz answers 200
  local k=$1
  for _ in $(seq 1 240); do
    if curl -fs "http://127.0.0.1:$((http_base + k))/readyz" >/dev/null 2>&1; then
      return 0
    fi
    if ! kill -0 "$(cat "$data/node-$k.pid")" 2>/dev/null; then
      echo "node $k exited; see $data/node-$k.log" >&2
      return 1
    fi
    sleep 0.5
  done
  echo "node $k is not ready after 120 s; see $data/node-$k.log" >&2
  return 1
}

stop_pids() { # pids -> stops them (SIGTERM: nodes shut down gracefully) and waits for them
  for pid in "$@"; do kill "$pid" 2>/dev/null || true; done
  for pid in "$@"; do wait "$pid" 2>/dev/null || true; done
}

if [[ ! -f $dll || ${BUILD:-1} == 1 ]]; then
  dotnet build -c Release "$root/api" -v q -nologo >/dev/null
fi

if [[ ${1:-} == node ]]; then
  k=${2:?usage: deploy/cluster.sh node K}
  start_node "$k"
  pid=$(cat "$data/node-$k.pid")
  trap 'stop_pids "$pid"' INT TERM
  wait_ready "$k"
  echo "node $k: http://127.0.0.1:$((http_base + k))  (pid $pid, log $data/node-$k.log; Ctrl-C stops it)"
  wait "$pid"
  exit 0
fi

nodes=${1:-3}
# Redis in its own session: Ctrl-C reaches the nodes (they stop gracefully, writing their state) but not Redis, which
# the trap stops after them; a Redis gone first would leave the nodes hanging on shutdown.
setsid redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$data" --appendonly yes --appendfsync everysec --save "" \
  --daemonize no >"$data/redis.log" 2>&1 &
redis_pid=$!
pids=()
trap 'trap - EXIT; stop_pids "${pids[@]}"; stop_pids "$redis_pid"; echo "stopped"' INT TERM EXIT
for _ in $(seq 1 100); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done

for k in $(seq 1 "$nodes"); do
  start_node "$k"
  pids+=("$(cat "$data/node-$k.pid")")
done
for k in $(seq 1 "$nodes"); do wait_ready "$k"; done

echo "AltseasonLive cluster: $nodes nodes on Redis 127.0.0.1:$redis_port (data in $data)"
for k in $(seq 1 "$nodes"); do
  echo "  node $k: http://127.0.0.1:$((http_base + k))   pid $(cat "$data/node-$k.pid")"
done
echo "  publish with:        Authorization: Bearer $ingestion_key"
echo "  Orleans dashboard:   http://127.0.0.1:$((http_base + 1))/orleans?key=$operator_key"
echo "Ctrl-C stops the cluster."
wait "$redis_pid"
