# Sourced by scripts/test-container.sh and scripts/test-node24.sh, with $name set to the script's
# label: finds podman and ../shared/tools (or $LAYANI_CONTAINER_TOOLS), and sets $repo and $tools.
# Where podman is not installed at all, it says so and exits 0: the unit tests still ran.
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools=${LAYANI_CONTAINER_TOOLS:-}
for candidate in "$repo/../shared/tools" /work/shared/tools; do
  [[ -z $tools && -x $candidate/container-run ]] && tools=$(cd "$candidate" && pwd)
done
if ! command -v podman >/dev/null; then
  echo "$name: SKIPPED, podman is not installed on this machine"
  exit 0
fi
[[ -n $tools ]] || { echo "$name: ../shared/tools/container-run not found (set LAYANI_CONTAINER_TOOLS)" >&2; exit 1; }
