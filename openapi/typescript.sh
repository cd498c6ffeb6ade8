#!/usr/bin/env bash
# TypeScript types for front-end teams, generated from the exported OpenAPI documents (docs/openapi) with
# openapi-typescript, then compiled with tsc (strict) together with example/, a small front end written
# against them. CI runs this after openapi/lint.sh: a document change that breaks the example's compile fails.
# Usage: openapi/typescript.sh   (types land in openapi/typescript/generated/<service>.ts, not committed)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
services=(student-service schedule-service session-service reporting-service)

cd "$root/openapi"
if ! command -v npm >/dev/null; then
  echo "openapi/typescript.sh: needs Node.js 18+ with npm" >&2
  exit 1
fi
if [[ ! -x node_modules/.bin/openapi-typescript ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
rm -rf typescript/generated
mkdir -p typescript/generated
for service in "${services[@]}"; do
  node_modules/.bin/openapi-typescript "$root/docs/openapi/$service.json" \
    -o "typescript/generated/$service.ts" >/dev/null
done
node_modules/.bin/tsc -p typescript/tsconfig.json
echo "openapi/typescript.sh: types for ${#services[@]} services generated and compiled with the example front end"
