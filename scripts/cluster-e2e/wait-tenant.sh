#!/usr/bin/env bash
# Step 5 (needs the cluster): waits for each of the tenant's Flux Kustomizations to be Ready and
# each of its Deployments (the theme) to be Available, named by tenant-objects.mjs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
timeout="${E2E_TENANT_TIMEOUT:-15m}"

node "$here/tenant-objects.mjs" | while read -r kind ref; do
  namespace="${ref%%/*}" name="${ref#*/}"
  # Objects appear as Flux applies them: wait for each to exist before waiting on its condition.
  for _ in $(seq 1 180); do
    kubectl -n "$namespace" get "$kind/$name" >/dev/null 2>&1 && break
    sleep 5
  done
  case "$kind" in
    kustomization) condition=Ready ;;
    deployment) condition=Available ;;
  esac
  echo "waiting for $kind $namespace/$name to be $condition"
  kubectl -n "$namespace" wait "$kind/$name" --for="condition=$condition" --timeout="$timeout"
done
