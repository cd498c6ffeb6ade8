#!/usr/bin/env bash
# Checks the OpenAPI documents the services publish, as CI does after the Maven build:
#  1. docs/openapi/<service>.json is the document the build just generated (the packaged build writes it there,
#     see quarkus.smallrye-openapi.store-schema-directory): a change to an API must come with its regenerated
#     document, so the change shows in review and in generated clients;
#  2. Spectral with spectral:oas (.spectral.yaml) reports no error and no warning on any of them.
# Spectral is installed locally from openapi/package-lock.json (npm ci), not globally.
# Usage: openapi/lint.sh            (after ./mvnw verify, or ./mvnw -pl <service> -am package)
#        openapi/lint.sh --no-diff  (lint only, e.g. on documents not built here)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
services=(student-service schedule-service session-service reporting-service)

check_diff=true
if [[ "${1:-}" == "--no-diff" ]]; then
  check_diff=false
fi

documents=()
for service in "${services[@]}"; do
  document="docs/openapi/$service.json"
  if [[ ! -f "$root/$document" ]]; then
    echo "openapi/lint.sh: $document is missing: build $service (./mvnw -pl $service -am package) and commit it" >&2
    exit 1
  fi
  documents+=("$document")
done

if $check_diff && git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  changed="$(git -C "$root" status --porcelain -- docs/openapi)"
  if [[ -n "$changed" ]]; then
    echo "openapi/lint.sh: the build generated OpenAPI documents that differ from the committed ones:" >&2
    echo "$changed" >&2
    git -C "$root" --no-pager diff --stat -- docs/openapi >&2
    echo "Review and commit docs/openapi with the change that caused it." >&2
    exit 1
  fi
fi

cd "$root/openapi"
if ! command -v npm >/dev/null; then
  echo "openapi/lint.sh: needs Node.js 18+ with npm (Spectral is an npm package)" >&2
  exit 1
fi
if [[ ! -x node_modules/.bin/spectral ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
cd "$root"
openapi/node_modules/.bin/spectral lint --ruleset .spectral.yaml --fail-severity=warn "${documents[@]}"
