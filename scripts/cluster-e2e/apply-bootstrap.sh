#!/usr/bin/env bash
# Step 4 (needs the cluster and the flux CLI): installs Flux as the template's README step 2b does,
# from the clone bootstrap.mjs prepared — `flux install --export` as gotk-components.yaml next to
# its gotk-sync.yaml, the folder applied with kubectl so its lockdown patches apply — then the
# Secrets it reads the repository and signs its events with.
set -euo pipefail
: "${E2E_DIR:?the folder of the steps state file}"
flux_dir="$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).fluxSystemDir' "$E2E_DIR/state.json")"
extra="$(cat "$E2E_DIR/bootstrap/components-extra")"

flux install ${extra:+--components-extra="$extra"} --export > "$flux_dir/gotk-components.yaml"
# The first apply creates the CRDs; objects of those kinds may need a second one.
kubectl apply --server-side -k "$flux_dir" || { sleep 10; kubectl apply --server-side -k "$flux_dir"; }
kubectl apply -f "$E2E_DIR/bootstrap/secrets.yaml"
kubectl -n flux-system wait gitrepository/flux-system --for=condition=Ready --timeout=5m
