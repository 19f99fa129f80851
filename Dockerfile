# syntax=docker/dockerfile:1
# The Luster control plane image (what charts/luster installs and .github/workflows/release.yml
# pushes to ghcr.io/luster/control-plane). Build:  docker build -t luster/control-plane .
#
# The runtime stage holds only the paths listed in test/image/runtime-paths.json and their
# production dependencies; the production-install test (test/image/production-install.test.ts)
# installs the same paths the same way and runs the server from them, and
# test/image/dockerfile.test.ts fails when this file and that list disagree.
# ---- build: every dependency, then the workspaces' build (contract, synth, control plane, admin)
FROM node:20-bookworm-slim AS build
WORKDIR /src
# The manifests first, so the npm ci layer is reused while only sources change.
COPY package.json package-lock.json ./
COPY contract/package.json contract/
COPY synth/package.json synth/
COPY control-plane/package.json control-plane/
COPY admin-vue/package.json admin-vue/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# ---- runtime: production dependencies, git, the built workspaces and the built admin
FROM node:20-bookworm-slim AS runtime
ARG VERSION=0.1.0
ARG REVISION=unknown
ARG CREATED=unknown
LABEL org.opencontainers.image.title="Luster control plane" \
      org.opencontainers.image.description="GitOps control plane of a multi-tenant CMS platform: REST, GraphQL, webhooks, git smart HTTP, admin" \
      org.opencontainers.image.source="https://github.com/luster/luster" \
      org.opencontainers.image.url="https://luster.example.com" \
      org.opencontainers.image.documentation="https://github.com/luster/luster/blob/main/docs/operations.md" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.vendor="Luster" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}"
# git serves /git/gitops.git (git http-backend) and packs the repository; ca-certificates for
# HTTPS remotes, S3, SMTP and GitHub.
RUN apt-get update \
 && apt-get install -y --no-install-recommends git ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /src/package.json /src/package-lock.json ./
COPY --from=build /src/contract/package.json contract/
COPY --from=build /src/synth/package.json synth/
COPY --from=build /src/control-plane/package.json control-plane/
COPY --from=build /src/admin-vue/package.json admin-vue/
RUN npm ci --omit=dev --workspace control-plane --no-audit --no-fund && npm cache clean --force
COPY --from=build /src/contract/dist contract/dist
COPY --from=build /src/synth/dist synth/dist
COPY --from=build /src/synth/generated synth/generated
COPY --from=build /src/control-plane/dist control-plane/dist
COPY --from=build /src/control-plane/bin control-plane/bin
COPY --from=build /src/admin-vue/dist admin-vue/dist
COPY --from=build /src/gitops-repo-template gitops-repo-template
# Everything the process writes lives under LUSTER_DATA_DIR (embedded PostgreSQL, the GitOps
# repository, keys, the mail outbox, the embedded S3) and /tmp: with a volume on the first and a
# tmpfs on the second the root filesystem can be read-only (the chart mounts both). HOME points
# into /tmp so git finds a writable home without one in the image.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    LUSTER_DATA_DIR=/var/lib/luster \
    HOME=/tmp
RUN mkdir -p /var/lib/luster && chown 10001:10001 /var/lib/luster
# A numeric user (the chart's runAsUser), so runAsNonRoot can verify it without /etc/passwd.
USER 10001:10001
VOLUME ["/var/lib/luster"]
EXPOSE 8080
# node, not curl: the slim image has no curl, and node is already there.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "control-plane/dist/main.js"]
