#!/usr/bin/env bash
# Renders every kustomization under deploy/kubernetes (each overlay, each folder, each component on
# top of the base, everything together) and validates the output offline, plus docker-compose.yml.
# Needs only node (18 or newer) and npm: the tools are pinned in deploy/package.json and
# package-lock.json and installed into deploy/node_modules (kubectl with its kustomize is unpacked
# into deploy/.tools). No cluster, no Docker, no network beyond the npm registry on the first run.
#
#   deploy/validate.sh              exit status 0 when everything is valid, 1 when not
#   deploy/validate.sh --verbose    also list every rendered object
#
# Rendered output is kept in deploy/.out/rendered/ for inspection. See deploy/README.md.
set -euo pipefail

deploy_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$deploy_dir"

fail() {
  echo "validate.sh: $*" >&2
  exit 1
}

command -v node > /dev/null || fail "node is not installed (Node.js 18 or newer is needed)"
command -v npm > /dev/null || fail "npm is not installed"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 18 ] || fail "Node.js $(node --version) is too old: 18 or newer is needed (20 is what CI uses)"

# Install the pinned tools unless node_modules already matches package-lock.json.
stamp=node_modules/.patronage-lock.sha256
lock_sum="$(node -e 'const c=require("crypto"),f=require("fs");process.stdout.write(c.createHash("sha256").update(f.readFileSync("package-lock.json")).digest("hex"))')"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  echo "validate.sh: installing the pinned tools (npm ci)"
  if ! npm ci --no-audit --no-fund --loglevel=error > .npm-ci.log 2>&1; then
    cat .npm-ci.log >&2
    fail "npm ci failed (log above)"
  fi
  rm -f .npm-ci.log
  printf '%s' "$lock_sum" > "$stamp"
fi

exec node tools/validate.mjs "$@"
