#!/usr/bin/env node
// Validates JSON files against a JSON Schema with ajv.
// Usage: validate_json_schema.js SCHEMA [--ref OTHER_SCHEMA]... FILE...
// Schemas given with --ref are registered by their $id, so SCHEMA may $ref them.
// Exits 1 and prints every error when any file fails, 2 on bad usage.
'use strict';
const fs = require('fs');
const path = require('path');

const modules = process.env.NODE_MODULES || path.join(__dirname, '..', '..', 'node_modules');
const load = (name) => require(path.join(modules, name));

function usage(message) {
  if (message) console.error(message);
  console.error('usage: validate_json_schema.js SCHEMA [--ref OTHER_SCHEMA]... FILE...');
  process.exit(2);
}

function readSchema(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    usage(`${file}: ${e.message}`);
  }
}

// One ajv class per draft; a schema without $schema is taken as 2020-12.
function ajvFor(schema) {
  const draft = schema.$schema || '';
  let Ajv;
  if (draft.includes('draft-07') || draft.includes('draft-06')) Ajv = load('ajv').default;
  else if (draft.includes('2019-09')) Ajv = load('ajv/dist/2019').default;
  else Ajv = load('ajv/dist/2020').default;
  // strict off: third-party schemas (SARIF, CycloneDX) use keywords ajv's strict mode rejects.
  const ajv = new Ajv({allErrors: true, strict: false});
  load('ajv-formats').default(ajv);
  return ajv;
}

const args = process.argv.slice(2);
if (args.length < 2) usage();
const schemaFile = args.shift();
const refs = [];
const files = [];
while (args.length) {
  const a = args.shift();
  if (a === '--ref') {
    if (!args.length) usage('--ref needs a schema file');
    refs.push(args.shift());
  } else {
    files.push(a);
  }
}
if (!files.length) usage('no files to validate');

const schema = readSchema(schemaFile);
const ajv = ajvFor(schema);
for (const ref of refs) {
  const other = readSchema(ref);
  ajv.addSchema(other, other.$id || path.basename(ref));
}
let validate;
try {
  validate = ajv.compile(schema);
} catch (e) {
  console.error(`${schemaFile}: schema does not compile: ${e.message}`);
  process.exit(1);
}

let failed = 0;
for (const file of files) {
  let data;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`FAIL ${file}: not JSON: ${e.message}`);
    failed++;
    continue;
  }
  if (validate(data)) {
    console.log(`ok   ${file}`);
    continue;
  }
  failed++;
  console.error(`FAIL ${file}`);
  for (const err of validate.errors) {
    const extra = err.params && Object.keys(err.params).length ? ' ' + JSON.stringify(err.params) : '';
    console.error(`  ${err.instancePath || '/'}: ${err.message}${extra}`);
  }
}
console.log(`${files.length - failed}/${files.length} valid against ${path.basename(schemaFile)}`);
process.exit(failed ? 1 : 0);
