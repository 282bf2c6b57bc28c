# Shared helpers for the benchmark scripts: start servers, run wrk, parse its output.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

need() { command -v "$1" >/dev/null || { echo "missing $1 ($2)" >&2; exit 1; }; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

wait_http() { for _ in $(seq 1 200); do curl -s -o /dev/null "$1" && return 0; sleep 0.1; done; echo "no answer from $1" >&2; exit 1; }

build() {
  dotnet build -c Release -v q -nologo "$ROOT/src/Stratus" >/dev/null
  dotnet build -c Release -v q -nologo "$BENCH_DIR/Ceiling" >/dev/null
}

start_ceiling() { # port [bodyBytes]
  dotnet "$BENCH_DIR/Ceiling/bin/Release/net10.0/Ceiling.dll" "$@" >/dev/null 2>&1 & PIDS+=($!)
  wait_http "http://127.0.0.1:$1/"
}

start_stratus() { # port dataDir
  dotnet "$ROOT/src/Stratus/bin/Release/net10.0/stratus.dll" up --no-apps --port "$1" --data-dir "$2" >/dev/null 2>&1 & PIDS+=($!)
  wait_http "http://127.0.0.1:$1/_stratus/health"
}

start_moto() { # port
  moto_server -p "$1" >/dev/null 2>&1 & PIDS+=($!)
  wait_http "http://127.0.0.1:$1/moto-api/"
}

# run_wrk url script [args...] -> prints "rps p50ms p99ms" and leaves wrk's output in $WRK_OUT
run_wrk() {
  local url=$1 script=$2; shift 2
  WRK_OUT=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$script" "$url" -- "$@")
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$WRK_OUT")
  p50=$(awk '$1=="50%" {print $2}' <<<"$WRK_OUT")
  p99=$(awk '$1=="99%" {print $2}' <<<"$WRK_OUT")
  echo "$rps $(to_ms "$p50") $(to_ms "$p99")"
}

to_ms() { python3 -c "import sys,re; v=sys.argv[1]; m=re.match(r'([0-9.]+)(us|ms|s|m)',v); f={'us':0.001,'ms':1,'s':1000,'m':60000}[m.group(2)]; print(round(float(m.group(1))*f,3))" "$1"; }

ratio() { python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print(f'{a/b:.3g}' if b else 'n/a')" "$1" "$2"; }
pct() { python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print(f'{100*a/b:.1f}%' if b else 'n/a')" "$1" "$2"; }
