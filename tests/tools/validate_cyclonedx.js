#!/usr/bin/env node
// Validates CycloneDX 1.5 JSON documents against the official schema shipped in
// @cyclonedx/cyclonedx-library (with its SPDX and JSF sub-schemas).
// Usage: validate_cyclonedx.js FILE...
// Exits 0 when every file is valid, 1 (printing every error) otherwise, 2 on bad usage.
'use strict';
const fs = require('fs');
const path = require('path');

const modules = process.env.NODE_MODULES || path.join(__dirname, '..', '..', 'node_modules');
const load = (name) => require(path.join(modules, name));
const schemaDir = path.join(modules, '@cyclonedx', 'cyclonedx-library', 'res', 'schema');

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: validate_cyclonedx.js FILE...');
  process.exit(2);
}

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
let bomSchema, spdxSchema, jsfSchema;
try {
  bomSchema = readJson(path.join(schemaDir, 'bom-1.5.SNAPSHOT.schema.json'));
  spdxSchema = readJson(path.join(schemaDir, 'spdx.SNAPSHOT.schema.json'));
  jsfSchema = readJson(path.join(schemaDir, 'jsf-0.82.SNAPSHOT.schema.json'));
} catch (e) {
  console.error(`cannot read the CycloneDX schemas in ${schemaDir}: ${e.message}`);
  process.exit(2);
}

// The 1.5 schema is draft-07; it refers to its sub-schemas by relative file names.
const Ajv = load('ajv').default;
// strict off: the CycloneDX schema uses annotation keywords ajv's strict mode rejects.
const ajv = new Ajv({allErrors: true, strict: false});
load('ajv-formats').default(ajv);
// Formats ajv-formats lacks: IRIs are checked loosely, internationalised e-mail by shape.
ajv.addFormat('iri-reference', /^[^\s]*$/u);
ajv.addFormat('idn-email', /^[^\s@]+@[^\s@]+$/u);
// $refs are resolved against the bom schema's $id, so register the sub-schemas under those URLs.
for (const [schema, name] of [[spdxSchema, 'spdx.SNAPSHOT.schema.json'], [jsfSchema, 'jsf-0.82.SNAPSHOT.schema.json']]) {
  ajv.addSchema({...schema, $id: new URL(name, bomSchema.$id).href});
}
let validate;
try {
  validate = ajv.compile(bomSchema);
} catch (e) {
  console.error(`the CycloneDX schema does not compile: ${e.message}`);
  process.exit(2);
}

let failed = 0;
for (const file of files) {
  let bom;
  try {
    bom = readJson(file);
  } catch (e) {
    console.error(`FAIL ${file}: not JSON: ${e.message}`);
    failed++;
    continue;
  }
  const problems = [];
  if (!validate(bom)) {
    for (const err of validate.errors) {
      let extra = err.params && Object.keys(err.params).length ? ' ' + JSON.stringify(err.params) : '';
      if (extra.length > 200) extra = extra.slice(0, 200) + '...';  // enum errors list every SPDX id
      problems.push(`${err.instancePath || '/'}: ${err.message}${extra}`);
    }
  }
  // The schema cannot say these; the spec does.
  if (bom.specVersion !== '1.5') problems.push(`/specVersion: expected "1.5", got ${JSON.stringify(bom.specVersion)}`);
  const refs = new Set();
  for (const c of bom.components || []) {
    const ref = c['bom-ref'];
    if (ref === undefined) continue;
    if (refs.has(ref)) problems.push(`/components: duplicate bom-ref ${JSON.stringify(ref)}`);
    refs.add(ref);
  }
  if (problems.length) {
    failed++;
    console.error(`FAIL ${file}`);
    for (const p of problems) console.error(`  ${p}`);
  } else {
    console.log(`ok   ${file}`);
  }
}
process.exit(failed ? 1 : 0);
