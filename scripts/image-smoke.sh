#!/usr/bin/env bash
# Builds the production image and runs it against the fake Bot API on this machine (test/production/
# image-smoke.test.ts): the files in the image, polling mode with SQLite in a volume (/start, /print's PDF, the health
# check, a clean stop, the CLIs), webhook mode (401 without the secret, /healthz, /readyz, /metrics, an update) and a
# stop while Telegram is unreachable. Prints the image size and how long each stop took.
#
#   scripts/image-smoke.sh                                  # Docker
#   ENGINE="podman --storage-driver vfs" BUILD_FLAGS="--isolation chroot" \
#     RUN_FLAGS="--ulimit host" scripts/image-smoke.sh     # Debian's podman as root (what worked on our machines)
#
# Needs `npm ci` done on the host (the fake Bot API and the test run there) and the base image node:20-bookworm-slim:
# the engine pulls it, or, with no registry reachable, scripts/local-base-image.sh assembles it from debootstrap and
# this machine's Node 20. Behind a registry mirror or a TLS-intercepting proxy, NPMRC=path/to/.npmrc and
# NPM_CA=path/to/ca.pem become build secrets (docs/production.md). SKIP_BUILD=1 reuses an image built before.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${ENGINE:-}" ]; then
  if docker info >/dev/null 2>&1; then ENGINE=docker; else ENGINE="podman --storage-driver vfs"; fi
fi
image="${IMAGE:-lysty:smoke}"
read -r -a engine <<<"$ENGINE"
read -r -a build_flags <<<"${BUILD_FLAGS:-}"

secrets=()
if [ -n "${NPMRC:-}" ]; then secrets+=(--secret "id=npmrc,src=$NPMRC"); fi
if [ -n "${NPM_CA:-}" ]; then secrets+=(--secret "id=npm_ca,src=$NPM_CA"); fi
format=()
# Podman and buildah build OCI images by default, which have no HEALTHCHECK.
if [[ "${engine[0]}" == *podman* || "${engine[0]}" == *buildah* ]]; then format=(--format docker); fi

if [ -z "${SKIP_BUILD:-}" ]; then
  began=$(date +%s)
  "${engine[@]}" build "${format[@]}" "${build_flags[@]}" "${secrets[@]}" -t "$image" .
  echo "built $image in $(( $(date +%s) - began )) s"
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
LYSTY_IMAGE="$image" ENGINE="$ENGINE" RUN_FLAGS="${RUN_FLAGS:-}" \
  npx vitest run test/production/image-smoke.test.ts --reporter verbose --silent=false
