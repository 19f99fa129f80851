#!/usr/bin/env bash
# Renders every entry point of this GitOps repo the way Flux will, one output file per entry
# point, so that a pull request is reviewed against what the cluster would receive.
#
#   .github/scripts/kustomize-build-all.sh OUT_DIR
#
# 1. Every folder with a kustomization.yaml (clusters/*/flux-system, infrastructure/*, argocd/*,
#    each tenant folder, its platform/ and its app/) is built with `kubectl kustomize`.
# 2. clusters/<cluster> and tenants/<cluster> have no kustomization.yaml: Flux generates one.
#    Like kustomize-controller, this walks the folder, adds each sub-folder that has a
#    kustomization.yaml without descending into it, and adds the other .yaml/.yml files; then it
#    builds the whole. That also catches two tenants declaring the same object.
#
# Prints one line per entry point (ok / FAILED with kubectl's message), a GitHub annotation per
# failure, and exits 1 if any build failed. Needs bash, find, xargs and kubectl (kustomize 5).
set -uo pipefail

out=${1:?usage: kustomize-build-all.sh OUT_DIR}
repo=$(pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)
jobs=$(nproc 2>/dev/null || echo 2)

# Builds one folder (relative to $2, default the repo) into $out/<folder with / → __>.yaml.
build_one() {
  local dir=$1 root=${2:-$repo} file err
  file="$out/$(printf '%s' "$dir" | sed 's#/#__#g').yaml"
  if err=$(kubectl kustomize "$root/$dir" 2>&1 >"$file"); then
    printf 'ok      %s\n' "$dir"
  else
    rm -f "$file"
    printf 'FAILED  %s\n%s\n' "$dir" "$(printf '%s\n' "$err" | sed 's/^/        /')"
    if [ -n "${GITHUB_ACTIONS:-}" ]; then
      printf '::error file=%s/kustomization.yaml,title=kustomize build failed::%s\n' \
        "$dir" "$(printf '%s' "$err" | tr '\n' ' ' | cut -c1-2000)"
    fi
    return 1
  fi
}
export -f build_one
export out repo

status=0

# 1. Folders with their own kustomization.yaml.
find clusters infrastructure argocd tenants -name kustomization.yaml -printf '%h\n' 2>/dev/null \
  | sort | xargs -r -P "$jobs" -I{} bash -c 'build_one "$1"' _ {} || status=1

# 2. Folders Flux assembles itself, built from a scratch copy so the checkout stays untouched.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for root in clusters/* tenants/*; do
  [ -d "$root" ] || continue
  [ -e "$root/kustomization.yaml" ] && continue
  mkdir -p "$scratch/$root"
  cp -R "$root/." "$scratch/$root/"
  resources=$(cd "$root" && find . -mindepth 1 \
      \( -type d -exec test -e '{}/kustomization.yaml' \; -print -prune \) \
      -o \( -type f \( -name '*.yaml' -o -name '*.yml' \) -print \) \
    | sed 's#^\./##' | LC_ALL=C sort)
  {
    printf 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n'
    if [ -z "$resources" ]; then
      # Builds to nothing, as Flux does for a cluster without tenants yet.
      printf 'resources: []\n'
    else
      printf 'resources:\n'
      printf '%s\n' "$resources" | sed 's/^/  - /'
    fi
  } >"$scratch/$root/kustomization.yaml"
  build_one "$root" "$scratch" || status=1
done

if [ "$status" -ne 0 ]; then
  printf '\nSome entry points do not build; see FAILED above.\n'
fi
exit "$status"
