#!/usr/bin/env bash
# Assembles a stand-in for the official node:20-bookworm-slim image where no container registry is reachable (only
# the Debian mirror): a minimal Debian bookworm from debootstrap plus this machine's Node 20 (binary, npm and the
# headers better-sqlite3 compiles against) laid out as the official image lays it out (/usr/local), and the `node`
# user with uid 1000. Imported into the local engine as node:20-bookworm-slim, so the Dockerfile builds unchanged.
#
#   sudo scripts/local-base-image.sh     # ENGINE="podman --storage-driver vfs" (default), or ENGINE=docker
#
# With registry access none of this is needed: the engine pulls node:20-bookworm-slim itself.
set -euo pipefail

engine="${ENGINE:-podman --storage-driver vfs}"
tag="${BASE_TAG:-node:20-bookworm-slim}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
work="${WORK_DIR:-$(mktemp -d /tmp/lysty-base.XXXXXX)}"
node_bin="$(command -v node)"
node_prefix="$(cd "$(dirname "$(readlink -f "$node_bin")")/.." && pwd)"

case "$(node --version)" in
  v20.*) ;;
  *) echo "needs Node 20 on this machine (found $(node --version))" >&2; exit 1 ;;
esac
for dir in "$node_prefix/lib/node_modules/npm" "$node_prefix/include/node"; do
  [ -d "$dir" ] || { echo "missing $dir: install Node 20 with npm and headers (e.g. the nodesource package)" >&2; exit 1; }
done

rootfs="$work/rootfs"
if [ ! -x "$rootfs/bin/sh" ]; then
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror"
fi
install -D -m 0755 "$node_bin" "$rootfs/usr/local/bin/node"
mkdir -p "$rootfs/usr/local/lib/node_modules" "$rootfs/usr/local/include"
rm -rf "$rootfs/usr/local/lib/node_modules/npm" "$rootfs/usr/local/include/node"
cp -a "$node_prefix/lib/node_modules/npm" "$rootfs/usr/local/lib/node_modules/npm"
cp -a "$node_prefix/include/node" "$rootfs/usr/local/include/node"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
chroot "$rootfs" /bin/sh -c 'getent passwd node >/dev/null || { groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node; }'
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb

tar -C "$rootfs" -c . | $engine import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV NODE_VERSION='"$(node --version | tr -d v)" \
  --change 'CMD ["node"]' - "$tag"
echo "imported $tag (rootfs in $work)"
