#!/usr/bin/env bash
# Throughput of 1, 2 and 4 `synthdata run` processes on one PostgreSQL ledger against the simulated endpoint with a
# fixed latency and a per-worker concurrency cap, as a fraction of the ideal (samples x latency / (workers x cap)),
# plus the same run on SQLite for the ledger overhead per sample. Usage: run.sh POSTGRES_ADMIN_URI [LATENCY_MS] [SAMPLES]
# (the URI names a server where databases may be created, e.g. postgresql://postgres@127.0.0.1:5432/postgres).
set -euo pipefail
admin=${1:?postgres admin URI}; latency=${2:-500}; problems=${3:-80}; cap=4; k=4
here=$(cd "$(dirname "$0")" && pwd); repo=$(cd "$here/../.." && pwd)
cli="$repo/src/SynthData.Cli/bin/Release/net10.0/synthdata.dll"
work=$(mktemp -d); trap 'kill "$sim" 2>/dev/null || true; rm -rf "$work"' EXIT
config() { cat > "$work/$1.yaml" <<YAML
run: { output_dir: out-$1, seed: 1, ledger: "$2", lease_seconds: 30 }
model: { provider: openai, endpoint: "http://127.0.0.1:$port/v1", name: simulated, samples_per_problem: $k, concurrency: $cap }
sources: [ { generator: arithmetic, count: $problems, difficulty: 2, seed: 3 } ]
YAML
}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
config probe sqlite
CI=true dotnet "$cli" simulate-endpoint --port "$port" --latency-ms "$latency" --config "$work/probe.yaml" 2>/dev/null & sim=$!
sleep 3
samples=$((problems * k))
ideal1=$(python3 -c "print($samples * $latency / 1000 / $cap)")
run_n() { # workers ledger name
  local start end; start=$(date +%s.%N)
  for _ in $(seq "$1"); do CI=true dotnet "$cli" run --config "$work/$3.yaml" >/dev/null 2>&1 & done; wait_workers
  end=$(date +%s.%N); python3 -c "t=$end-$start; i=$ideal1/$1; print(f'$3: {$1} worker(s) {t:.1f} s, ideal {i:.1f} s, {i/t:.2f} of ideal, {$samples/t:.1f} samples/s')"
}
wait_workers() { for j in $(jobs -p); do [ "$j" = "$sim" ] || wait "$j" || true; done; }
config sqlite1 sqlite; run_n 1 sqlite sqlite1
for n in 1 2 4; do
  db="bench_$$_$n"; psql "$admin" -qc "CREATE DATABASE $db"; uri="${admin%/*}/$db"
  config "pg$n" "$uri"; run_n "$n" "$uri" "pg$n"
  psql "$admin" -qc "DROP DATABASE $db WITH (FORCE)"
done
