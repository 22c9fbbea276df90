#!/usr/bin/env bash
# npm run test:node-versions: the test suite (vitest run, no coverage) on newer Nodes than the one
# postlife is built and checked with (Node 20: engines, @types/node; the runtime code uses no newer
# API). Each Node comes from npm's node-<os>-<arch> package, installed once into
# .cache/node/<major> (gitignored), never into the project's dependencies, and is put first on
# PATH. Prints how long each run took; fails if any run failed, after running them all.
#
#   npm run test:node-versions            # Node 22 and 24
#   NODE_MAJORS="24" npm run test:node-versions
set -euo pipefail
cd "$(dirname "$0")/.."

read -r -a majors <<<"${NODE_MAJORS:-22 24}"
case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=darwin ;;
  *) echo "test:node-versions: no node-<os>-<arch> package for $(uname -s)" >&2; exit 1 ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "test:node-versions: no node-<os>-<arch> package for $(uname -m)" >&2; exit 1 ;;
esac
package="node-$os-$arch"

summary=()
failed=0
for major in "${majors[@]}"; do
  prefix=".cache/node/$major"
  bin="$prefix/node_modules/$package/bin"
  if [ ! -x "$bin/node" ]; then
    echo "test:node-versions: installing $package@$major into $prefix"
    npm install --prefix "$prefix" "$package@$major" --no-save --no-audit --no-fund --loglevel=error
  fi
  bin="$(cd "$bin" && pwd)"
  version="$(PATH="$bin:$PATH" node --version)"
  case "$version" in
    "v$major".*) ;;
    *) echo "test:node-versions: $bin/node is $version, not Node $major" >&2; exit 1 ;;
  esac
  echo "test:node-versions: vitest run on Node $version"
  started=$SECONDS
  status=0
  PATH="$bin:$PATH" node node_modules/vitest/vitest.mjs run || status=$?
  elapsed=$((SECONDS - started))
  result="$([ "$status" -eq 0 ] && echo passed || echo "failed (exit $status)")"
  summary+=("Node $version: $result in $((elapsed / 60))m$(printf '%02d' $((elapsed % 60)))s")
  [ "$status" -eq 0 ] || failed=1
done

printf 'test:node-versions: %s\n' "${summary[@]}"
exit "$failed"
