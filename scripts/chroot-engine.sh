#!/usr/bin/env bash
# A stand-in container engine for scripts/image-smoke.sh on machines where an OCI runtime cannot start containers
# (ours: crun and runc both fail on setrlimit inside the sandbox the machine runs in). It runs the image's unpacked
# root filesystem with chroot as the image's user (uid 1000), the image's environment and working directory, and
# understands the few engine commands the smoke test uses: run [-d] [--rm] [-i] [--name N] [-e K=V] [-v SRC:DST]
# [--entrypoint E] IMAGE [CMD…], logs, exec, stop -t S, inspect --format {{.State.ExitCode}}, image inspect, rm -f.
# No isolation: host network, host PID space, no init and no HEALTHCHECK scheduling; node is not PID 1.
#
#   podman image mount lysty:smoke → copy that tree to ROOTFS (writes must not touch the image), then
#   ROOTFS=/tmp/rootfs IMAGE_ENV="NODE_ENV=production DATABASE_URL=sqlite:var/lysty.sqlite BOT_MODE=polling PORT=8080" \
#     ENGINE=scripts/chroot-engine.sh SKIP_BUILD=1 scripts/image-smoke.sh
set -uo pipefail
rootfs="${ROOTFS:?set ROOTFS to the unpacked root filesystem of the image}"
state="${CHROOT_ENGINE_STATE:-/tmp/chroot-engine}"
mkdir -p "$state"
read -r -a image_env <<<"${IMAGE_ENV:-}"
base_env=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/home/node "${image_env[@]}")

in_image() { # env… -- command…
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  env -i "${envs[@]}" chroot --userspec=1000:1000 "$rootfs" /bin/sh -c 'cd /app && exec "$@"' sh "$@"
}

cmd="$1"; shift
case "$cmd" in
  run)
    name="" detach="" envs=("${base_env[@]}") volumes=() entrypoint=""
    while [ $# -gt 0 ]; do
      case "$1" in
        --name) name="$2"; shift 2 ;;
        -d) detach=1; shift ;;
        -e) envs+=("$2"); shift 2 ;;
        -v) volumes+=("$2"); shift 2 ;;
        --entrypoint) entrypoint="$2"; shift 2 ;;
        --network|--ulimit) shift 2 ;;
        -*) shift ;;
        *) break ;;
      esac
    done
    shift # the image
    command=("$@")
    if [ -n "$entrypoint" ]; then command=("$entrypoint" "${command[@]}"); fi
    if [ ${#command[@]} -eq 0 ]; then command=(node dist/src/main.js); fi
    for volume in "${volumes[@]}"; do mount --bind "${volume%%:*}" "$rootfs${volume#*:}"; done
    name="${name:-run-$$}"
    dir="$state/$name"; rm -rf "$dir"; mkdir -p "$dir"
    printf '%s\n' "${envs[@]}" > "$dir/env"
    printf '%s\n' "${volumes[@]}" > "$dir/volumes"
    unmount() { while read -r volume; do [ -n "$volume" ] && umount "$rootfs${volume#*:}"; done < "$dir/volumes"; }
    if [ -z "$detach" ]; then
      in_image "${envs[@]}" -- "${command[@]}"; code=$?
      unmount; rm -rf "$dir"; exit "$code"
    fi
    ( setsid bash -c 'echo $$ > "$0/pid"; exec "${@}"' "$dir" env -i "${envs[@]}" chroot --userspec=1000:1000 "$rootfs" \
        /bin/sh -c 'cd /app && exec "$@"' sh "${command[@]}" > "$dir/log" 2>&1 < /dev/null
      echo $? > "$dir/exit"; unmount ) > /dev/null 2>&1 < /dev/null &
    # (The subshell lets go of our stdout: a caller reading it to the end would otherwise wait for the container.)
    echo "$name" ;;
  logs) cat "$state/$1/log" ;;
  exec)
    name="$1"; shift
    mapfile -t envs < "$state/$name/env"
    in_image "${envs[@]}" -- "$@" ;;
  stop)
    grace=10
    if [ "$1" = "-t" ]; then grace="$2"; shift 2; fi
    dir="$state/$1"
    kill -TERM "$(cat "$dir/pid")" 2>/dev/null
    for _ in $(seq 1 $((grace * 10))); do [ -s "$dir/exit" ] && break; sleep 0.1; done
    if [ ! -s "$dir/exit" ]; then kill -KILL "$(cat "$dir/pid")" 2>/dev/null; sleep 0.5; fi ;;
  inspect) last="${!#}"; cat "$state/$last/exit" ;;
  image)
    if [ "$1" = "inspect" ] && [ "$2" = "--format" ]; then du -sb "$rootfs" | cut -f1
    else printf '{"Config":{"Healthcheck":{"Test":["CMD","node","dist/src/cli/healthcheck.js"]}},"note":"chroot stand-in: the real HEALTHCHECK is checked with the engine"}\n'; fi ;;
  rm)
    [ "$1" = "-f" ] && shift
    dir="$state/$1"
    [ -f "$dir/pid" ] && kill -KILL "$(cat "$dir/pid")" 2>/dev/null
    rm -rf "$dir" ;;
  *) echo "chroot-engine: $cmd is not supported" >&2; exit 2 ;;
esac
