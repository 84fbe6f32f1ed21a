#!/usr/bin/env bash
# The web app's numbers as a person's browser sees them: publishes the gateway (Release: trimmed app, Brotli and gzip
# precompressed files), starts it on a free loopback port with an empty embedded store, and has headless Chromium
# visit the login page (tools/WebVisit): first-visit and repeat-visit transfer, and time to a usable login form.
#   scripts/web-numbers.sh [--runs N]
set -Eeuo pipefail
cd "$(dirname "$0")/.."
runs=5
if [ "${1:-}" = "--runs" ]; then runs=$2; fi

work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "web-numbers: publishing the gateway (Release)…"
dotnet publish src/Api -c Release -o "$work/app" -p:UseAppHost=false > "$work/publish.log" || { cat "$work/publish.log"; exit 1; }
dotnet build tools/WebVisit -c Release > "$work/build.log" || { cat "$work/build.log"; exit 1; }

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
silo=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
gateway=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
(
  cd "$work/app"
  Jwt__SigningKey=$(head -c 48 /dev/urandom | base64) Storage__DataDirectory="$work/data" \
    Orleans__SiloPort=$silo Orleans__GatewayPort=$gateway Orleans__ClusterId="web-numbers-$port" \
    exec dotnet NVelopes.Api.dll --urls "http://127.0.0.1:$port"
) > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do
  if curl -fs "http://127.0.0.1:$port/health/live" > /dev/null; then break; fi
  sleep 1
done
curl -fs "http://127.0.0.1:$port/health/live" > /dev/null || { echo "web-numbers: the gateway did not start"; cat "$work/server.log"; exit 1; }

echo "web-numbers: app files (Brotli): $(du -cb "$work"/app/wwwroot/_framework/*.br | tail -1 | cut -f1) bytes precompressed in _framework"
dotnet tools/WebVisit/bin/Release/net10.0/NVelopes.WebVisit.dll --url "http://127.0.0.1:$port/" --runs "$runs"
