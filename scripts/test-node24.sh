#!/usr/bin/env bash
# npm run test:node24: the whole test suite on Node 24, the Node of the Docker image, inside the
# node:24-bookworm-slim stand-in that ../shared/tools/container-base builds (podman, chroot
# isolation). It tests this working tree's files (tracked and new, not ignored) with the
# node_modules already installed here (pure JavaScript, so the same on both Nodes).
# Where podman is not installed at all, it says so and exits 0: the suite still ran on this Node.
set -euo pipefail
name=test:node24
source "$(dirname "$0")/container-tools.sh"
[[ -d $repo/node_modules ]] || { echo "test:node24: run npm ci first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$tools/container-base" >/dev/null
(cd "$repo" && git ls-files -z --cached --others --exclude-standard | tar --null -T - -c) | tar -x -C "$work"
cp -a "$repo/node_modules" "$work/"
chmod -R a+rwX "$work"
echo "test:node24: the suite in node:24-bookworm-slim"
"$tools/container-run" docker.io/library/node:24-bookworm-slim -v "$work:/src" -- \
  sh -c 'cd /src && echo "node $(node --version)" && node node_modules/vitest/vitest.mjs run'
