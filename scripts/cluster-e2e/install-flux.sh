#!/usr/bin/env bash
# Installs the flux CLI of FLUX_VERSION (linux amd64) into /usr/local/bin, checked against the
# release's own checksums file.
set -euo pipefail
: "${FLUX_VERSION:?e.g. 2.7.0}"
archive="flux_${FLUX_VERSION}_linux_amd64.tar.gz"
base="https://github.com/fluxcd/flux2/releases/download/v${FLUX_VERSION}"
tmp="$(mktemp -d)"
curl -fsSL -o "$tmp/$archive" "$base/$archive"
curl -fsSL -o "$tmp/checksums.txt" "$base/flux_${FLUX_VERSION}_checksums.txt"
(cd "$tmp" && grep " $archive\$" checksums.txt | sha256sum -c -)
sudo tar -xzf "$tmp/$archive" -C /usr/local/bin flux
flux version --client
