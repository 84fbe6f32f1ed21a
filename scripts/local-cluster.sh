#!/usr/bin/env bash
# NVelopes as a local cluster: N silo processes that form one Orleans cluster through MongoDB (membership and
# storage), and the API as an Orleans client of them. Logs and pids live in one state directory.
#
#   export ConnectionStrings__MongoDB='mongodb://127.0.0.1:27017/nvelopes?replicaSet=rs0'
#   scripts/local-cluster.sh start --silos 3 --api-port 8000   # builds once, returns when /health/ready answers
#   scripts/local-cluster.sh status
#   scripts/local-cluster.sh kill-silo 2                        # SIGKILL silo 2, as a crash would
#   scripts/local-cluster.sh stop                               # SIGTERM everything (SIGKILL after 20 s)
#
# Silo K listens on silo port 11110+K and gateway port 29999+K (override with --silo-port/--gateway-port, the ports
# of silo 1). Each start uses a fresh cluster id, so rows of earlier runs never get in the way. Failure detection is
# shortened (probe every 2 s, dead after 2 missed probes and 2 votes) so a killed silo is noticed in seconds;
# any Orleans__Membership__* variable already set wins. State directory: $LOCAL_CLUSTER_DIR, default .local-cluster/.
set -Eeuo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
state=${LOCAL_CLUSTER_DIR:-$repo/.local-cluster}
configuration=Release
silo_dir=$repo/src/Silo/bin/$configuration/net10.0
api_dir=$repo/src/Api/bin/$configuration/net10.0

usage() {
  sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit "${1:-2}"
}

fail() {
  echo "local-cluster: $*" >&2
  exit 1
}

# Prints the pid recorded in $1 if that process is alive.
alive_pid() {
  local file=$1 pid
  [[ -f $file ]] || return 1
  pid=$(<"$file")
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

# Waits until silo $1 has started: the host logs "Application started" once the silo is active in the cluster.
wait_for_silo() {
  local k=$1 pid deadline=$((SECONDS + 180))
  pid=$(<"$state/silo-$k.pid")
  until grep -q "Application started" "$state/silo-$k.log" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { tail -n 20 "$state/silo-$k.log" >&2; fail "silo $k exited during start-up (log: $state/silo-$k.log)"; }
    ((SECONDS < deadline)) || fail "silo $k did not start within 180 s (log: $state/silo-$k.log)"
    sleep 0.5
  done
}

wait_for_ready() {
  local url=$1 pid=$2 deadline=$((SECONDS + 120))
  until curl -fs -o /dev/null --max-time 5 "$url"; do
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$state/api.log" >&2; fail "the API exited during start-up (log: $state/api.log)"; }
    ((SECONDS < deadline)) || fail "the API was not ready within 120 s (log: $state/api.log)"
    sleep 1
  done
}

# Starts silo $1 in the background from the build output, with the shared settings of cluster.env.
start_silo() {
  local k=$1
  (
    # shellcheck source=/dev/null
    source "$state/cluster.env"
    export Storage__Provider=MongoDB Cluster__Provider=MongoDB
    export Orleans__ClusterId=$CLUSTER_ID Orleans__ServiceId=nvelopes Orleans__AdvertisedAddress=127.0.0.1
    export Orleans__SiloPort=$((SILO_PORT + k - 1)) Orleans__GatewayPort=$((GATEWAY_PORT + k - 1))
    export Orleans__Membership__ProbeTimeout=${Orleans__Membership__ProbeTimeout:-00:00:02}
    export Orleans__Membership__NumMissedProbesLimit=${Orleans__Membership__NumMissedProbesLimit:-2}
    export Orleans__Membership__NumVotesForDeathDeclaration=${Orleans__Membership__NumVotesForDeathDeclaration:-2}
    export Orleans__Membership__TableRefreshTimeout=${Orleans__Membership__TableRefreshTimeout:-00:00:05}
    export Orleans__Membership__IAmAliveTablePublishTimeout=${Orleans__Membership__IAmAliveTablePublishTimeout:-00:00:10}
    export DOTNET_ENVIRONMENT=Production
    cd "$silo_dir"
    exec nohup dotnet NVelopes.Silo.dll >"$state/silo-$k.log" 2>&1
  ) &
  echo $! >"$state/silo-$k.pid"
}

start_api() {
  (
    # shellcheck source=/dev/null
    source "$state/cluster.env"
    export Api__Orleans=Client Cluster__Provider=MongoDB
    export Orleans__ClusterId=$CLUSTER_ID Orleans__ServiceId=nvelopes
    export Orleans__Gateway__GatewayListRefreshPeriod=${Orleans__Gateway__GatewayListRefreshPeriod:-00:00:05}
    export Orleans__Messaging__ResponseTimeout=${Orleans__Messaging__ResponseTimeout:-00:00:10}
    export Jwt__SigningKey=$JWT_SIGNING_KEY
    # deposit-load.sh puts thousands of deposits a minute through one user, past the default per-user limit.
    export RateLimiting__Writes__PerUser=${RateLimiting__Writes__PerUser:-1000000}
    export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=http://127.0.0.1:$API_PORT
    cd "$api_dir"
    exec nohup dotnet NVelopes.Api.dll >"$state/api.log" 2>&1
  ) &
  echo $! >"$state/api.pid"
}

cmd_start() {
  local silos=3 api_port=8000 silo_port=11111 gateway_port=30000
  while (($#)); do
    case $1 in
      --silos) silos=$2; shift 2 ;;
      --api-port) api_port=$2; shift 2 ;;
      --silo-port) silo_port=$2; shift 2 ;;
      --gateway-port) gateway_port=$2; shift 2 ;;
      -h|--help) usage 0 ;;
      *) fail "unknown option '$1' (see --help)" ;;
    esac
  done
  [[ $silos =~ ^[1-9][0-9]*$ ]] || fail "--silos must be a positive number"
  [[ -n ${ConnectionStrings__MongoDB:-} ]] || fail "set ConnectionStrings__MongoDB (a replica set: the cluster needs transactions)"
  for file in "$state"/*.pid; do
    [[ -e $file ]] || continue
    alive_pid "$file" >/dev/null && fail "a cluster is already running from $state; run '$0 stop' first"
  done

  mkdir -p "$state"
  rm -f "$state"/*.pid "$state"/*.log "$state"/*.killed
  echo "local-cluster: building ($configuration)..."
  {
    dotnet build "$repo/src/Silo/Silo.csproj" --configuration "$configuration" --nologo &&
      dotnet build "$repo/src/Api/Api.csproj" --configuration "$configuration" --nologo
  } >"$state/build.log" 2>&1 || { tail -n 30 "$state/build.log" >&2; fail "build failed (log: $state/build.log)"; }

  local jwt_key=${Jwt__SigningKey:-$(head -c 48 /dev/urandom | base64 | tr -d '\n')}
  cat >"$state/cluster.env" <<EOF
CLUSTER_ID=local-$(date +%Y%m%d-%H%M%S)
SILOS=$silos
SILO_PORT=$silo_port
GATEWAY_PORT=$gateway_port
API_PORT=$api_port
JWT_SIGNING_KEY=$jwt_key
EOF
  chmod 600 "$state/cluster.env"

  local k
  for ((k = 1; k <= silos; k++)); do start_silo "$k"; done
  for ((k = 1; k <= silos; k++)); do
    wait_for_silo "$k"
    echo "local-cluster: silo $k up (pid $(<"$state/silo-$k.pid"), silo port $((silo_port + k - 1)), gateway port $((gateway_port + k - 1)))"
  done
  start_api
  wait_for_ready "http://127.0.0.1:$api_port/health/ready" "$(<"$state/api.pid")"
  echo "local-cluster: API ready at http://127.0.0.1:$api_port (pid $(<"$state/api.pid")); logs and pids in $state"
}

cmd_kill_silo() {
  local k=${1:-}
  [[ $k =~ ^[1-9][0-9]*$ ]] || fail "usage: $0 kill-silo K"
  local pid
  pid=$(alive_pid "$state/silo-$k.pid") || fail "silo $k is not running"
  kill -KILL "$pid"
  mv "$state/silo-$k.pid" "$state/silo-$k.killed"
  echo "local-cluster: silo $k (pid $pid) killed with SIGKILL at $(date +%T.%3N)"
}

cmd_stop() {
  local file pid stopped=0
  for file in "$state/api.pid" "$state"/silo-*.pid; do
    [[ -e $file ]] || continue
    if pid=$(alive_pid "$file"); then
      kill -TERM "$pid" 2>/dev/null || true
      stopped=$((stopped + 1))
    fi
  done
  local deadline=$((SECONDS + 20))
  for file in "$state/api.pid" "$state"/silo-*.pid; do
    [[ -e $file ]] || continue
    while pid=$(alive_pid "$file"); do
      if ((SECONDS >= deadline)); then
        kill -KILL "$pid" 2>/dev/null || true
        break
      fi
      sleep 0.5
    done
    rm -f "$file"
  done
  rm -f "$state"/*.killed
  echo "local-cluster: stopped $stopped process(es)"
}

cmd_status() {
  [[ -f $state/cluster.env ]] || fail "no cluster has been started from $state"
  # shellcheck source=/dev/null
  source "$state/cluster.env"
  echo "cluster $CLUSTER_ID, API on port $API_PORT, state in $state"
  local file name pid
  for file in "$state"/silo-*.pid "$state"/silo-*.killed "$state/api.pid"; do
    [[ -e $file ]] || continue
    name=$(basename "${file%.*}")
    if [[ $file == *.killed ]]; then
      echo "  $name: killed"
    elif pid=$(alive_pid "$file"); then
      echo "  $name: running (pid $pid)"
    else
      echo "  $name: exited (log: $state/$name.log)"
    fi
  done
}

case ${1:-} in
  start) shift; cmd_start "$@" ;;
  kill-silo) shift; cmd_kill_silo "$@" ;;
  stop) shift; cmd_stop ;;
  status) shift; cmd_status ;;
  -h|--help|help) usage 0 ;;
  *) usage ;;
esac
