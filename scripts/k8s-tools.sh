#!/usr/bin/env bash
# Builds the binaries of the Kubernetes test control plane (etcd, kube-apiserver,
# kube-controller-manager, kube-scheduler, kwok) from their Go modules into a cache
# outside the repository. No registry ships them and GitHub releases are unreachable on
# this machine kind, so the Go module proxy is the only source (../shared/notes/kubernetes-test-cluster.md).
#
# Idempotent: a binary whose --version already matches is not rebuilt. A cold build of
# all five takes tens of minutes on 2 cores; a warm one seconds.
#
#   scripts/k8s-tools.sh           build what is missing, print the bin folder
#   scripts/k8s-tools.sh --check   exit 0 when all binaries are present, 1 otherwise (builds nothing)
set -euo pipefail

KUBE_VERSION="${VIGIL_KUBE_VERSION:-1.36.3}"
ETCD_VERSION="${VIGIL_ETCD_VERSION:-3.6.16}"
KWOK_VERSION="${VIGIL_KWOK_VERSION:-0.8.0}"
TOOLS="${VIGIL_TOOLS_DIR:-$HOME/.cache/vigil}/k8s-$KUBE_VERSION"
BIN="$TOOLS/bin"

# Versions are read into a variable first: with pipefail, `grep -q` closing the pipe early fails the producer.
version_of() { [ -x "$1" ] && "$1" --version 2>/dev/null || true; }
kube_ok() { [[ "$(version_of "$BIN/kube-apiserver")" == *"v$KUBE_VERSION" ]] && [ -x "$BIN/kube-controller-manager" ] && [ -x "$BIN/kube-scheduler" ]; }
etcd_ok() { [[ "$(version_of "$BIN/etcd")" == *"etcd Version: $ETCD_VERSION"* ]]; }
have() { kube_ok && etcd_ok && [ -x "$BIN/kwok" ]; }

if [ "${1:-}" = "--check" ]; then
  if have; then echo "$BIN"; exit 0; else exit 1; fi
fi
if have; then echo "$BIN"; exit 0; fi

if ! command -v go >/dev/null 2>&1; then
  if [ -x /usr/local/go/bin/go ]; then export PATH="/usr/local/go/bin:$PATH"; else
    echo "k8s-tools: Go is needed to build the test control plane (none found)" >&2; exit 1; fi
fi
export CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-mod=mod
mkdir -p "$BIN" "$TOOLS/src/k8s" "$TOOLS/src/etcd"
started=$(date +%s)
log() { echo "[k8s-tools +$(( $(date +%s) - started ))s] $*" >&2; }

# kube-apiserver, kube-controller-manager, kube-scheduler: k8s.io/kubernetes replaces its staging
# modules with local paths, so it only builds inside a wrapper module that points each staging
# module at its published v0.Y.Z tag. The replace block is generated from upstream's own go.mod.
if ! kube_ok; then
  cd "$TOOLS/src/k8s"
  upstream_mod="$(cd /tmp && go mod download -json "k8s.io/kubernetes@v$KUBE_VERSION" | sed -n 's/^\s*"GoMod": "\(.*\)",\?$/\1/p')"
  {
    echo "module local/k8sbins"
    echo
    grep -E '^(go|godebug) ' "$upstream_mod"
    echo
    echo "require k8s.io/kubernetes v$KUBE_VERSION"
    echo
    grep -E '^\s*k8s\.io/[a-z0-9-]+ => \./staging/' "$upstream_mod" |
      awk -v v="0.${KUBE_VERSION#1.}" '{print "replace " $1 " => " $1 " v" v}'
  } > go.mod
  cat > tools.go <<'GO'
//go:build tools

package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver/app"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager/app"
	_ "k8s.io/kubernetes/cmd/kube-scheduler/app"
)
GO
  log "resolving k8s.io/kubernetes v$KUBE_VERSION modules"
  go mod tidy
  minor="${KUBE_VERSION#1.}"; minor="${minor%%.*}"
  ldflags="-s -w"
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ldflags="$ldflags -X $p.gitVersion=v$KUBE_VERSION -X $p.gitMajor=1 -X $p.gitMinor=$minor -X $p.gitTreeState=clean -X $p.buildDate=1970-01-01T00:00:00Z"
  done
  log "building kube-apiserver, kube-controller-manager, kube-scheduler"
  go build -trimpath -ldflags "$ldflags" -o "$BIN/" \
    k8s.io/kubernetes/cmd/kube-apiserver \
    k8s.io/kubernetes/cmd/kube-controller-manager \
    k8s.io/kubernetes/cmd/kube-scheduler
  log "kubernetes binaries built"
fi

# etcd: server/ has replace directives, so it is built through a wrapper module too.
if ! etcd_ok; then
  cd "$TOOLS/src/etcd"
  printf 'module local/etcdbin\n\ngo 1.25.0\n\nrequire go.etcd.io/etcd/server/v3 v%s\n' "$ETCD_VERSION" > go.mod
  printf '//go:build tools\n\npackage tools\n\nimport _ "go.etcd.io/etcd/server/v3/etcdmain"\n' > tools.go
  log "building etcd $ETCD_VERSION"
  go mod tidy
  go build -trimpath -ldflags "-s -w" -o "$BIN/etcd" go.etcd.io/etcd/server/v3
fi

# kwok: a plain module, go install works.
if [ ! -x "$BIN/kwok" ]; then
  log "building kwok v$KWOK_VERSION"
  GOBIN="$BIN" go install -trimpath -ldflags "-s -w" "sigs.k8s.io/kwok/cmd/kwok@v$KWOK_VERSION"
fi

have || { echo "k8s-tools: build finished but a binary is missing or reports another version" >&2; exit 1; }
log "done"
echo "$BIN"
