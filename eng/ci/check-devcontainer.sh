#!/usr/bin/env bash
# The dev container (.devcontainer/devcontainer.json), checked where no container runs: the Dev
# Containers CLI reads the configuration the way Codespaces and VS Code do (--docker-path true: it
# asks Docker only whether such a container already exists, and `true` says none does), then the
# settings the course relies on are checked in what it read. Needs Node.js (npx).
# Usage: eng/ci/check-devcontainer.sh [OUT_DIR]
source "$(dirname "$0")/common.sh"
out=${1:-$repo/artifacts/ci/devcontainer}
mkdir -p "$out"
cd "$repo"
cli_version=0.89.0
if command -v devcontainer >/dev/null && devcontainer --version 2>/dev/null | grep -qx "$cli_version"; then
  cli=(devcontainer)
else
  cli=(npx --yes "@devcontainers/cli@$cli_version")
fi
"${cli[@]}" read-configuration --workspace-folder "$repo" --docker-path true >"$out/configuration.json" 2>"$out/cli.log" || {
  cat "$out/cli.log" >&2; echo "check-devcontainer: the Dev Containers CLI could not read .devcontainer/devcontainer.json" >&2; exit 1; }
node - "$out/configuration.json" <<'JS'
const fs = require("fs");
const read = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const c = read.configuration || {};
const problems = [];
const need = (ok, what) => { if (!ok) problems.push(what); };
need(typeof c.image === "string" && /^mcr\.microsoft\.com\/devcontainers\/dotnet:/.test(c.image), "image: a mcr.microsoft.com/devcontainers/dotnet image");
need(typeof c.updateContentCommand === "string" && c.updateContentCommand.includes("dotnet restore"), "updateContentCommand: runs dotnet restore (on creation, and in Codespaces prebuilds)");
const data = (c.containerEnv || {}).KATAS_DATA_DIR;
need(typeof data === "string", "containerEnv.KATAS_DATA_DIR: the dataset cache");
need((c.mounts || []).some(m => typeof m === "object" && m.type === "volume" && m.target === data), "mounts: a volume at KATAS_DATA_DIR (survives rebuilds)");
need((((c.customizations || {}).vscode || {}).extensions || []).includes("ms-dotnettools.csharp"), "customizations.vscode.extensions: ms-dotnettools.csharp");
if (problems.length) { console.error("check-devcontainer: .devcontainer/devcontainer.json lacks:\n  " + problems.join("\n  ")); process.exit(1); }
console.log(`check-devcontainer: ok (${c.image}; datasets in the volume at ${data})`);
JS
