#!/usr/bin/env bash
# Regenerates the committed OpenAPI description (docs/openapi.json) from the service, then the Kiota client in
# src/Client/Generated from that description. Run it after changing a route or a body, and commit both.
set -Eeuo pipefail
cd "$(dirname "$0")/.."
export KIOTA_OFFLINE_ENABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1

NVELOPES_UPDATE_OPENAPI=1 dotnet test tests/Api.Tests --filter "FullyQualifiedName~OpenApiDescriptionTests.CommittedDescription_IsTheOneTheServiceServes" >/dev/null
dotnet tool restore >/dev/null
dotnet kiota generate --language CSharp --openapi docs/openapi.json --output src/Client/Generated \
  --namespace-name NVelopes.Client --class-name NVelopesClient --exclude-backward-compatible --clean-output --log-level Warning
echo "docs/openapi.json and src/Client/Generated are up to date."
