#!/usr/bin/env node
// The faker.js 3.1 side of Faker31ParityTest. It only calls faker's own API: it lists faker's namespaces and
// methods, and renders each case with faker.fake, as KDG does (KDG's page calls faker.fake on the template).
//
//   KDG4J_FAKER31_DIR=DIR node render.js list                    -> {"address":["zipCode(format)", ...], ...}
//   KDG4J_FAKER31_DIR=DIR node render.js render CASES COUNT OUT  -> OUT/<id>.ref, one {"v": value} per line
//
// CASES is a JSON array of {"id", "template"}. A case whose call throws writes one line "ERROR: message".
// faker is seeded (KDG4J_FAKER31_SEED, default 7) so that the reference, and so the suite, is the same every run.
// Run with TZ=UTC: faker prints dates with Date.prototype.toString, which uses the process's time zone.
const fs = require('fs');
const path = require('path');
const dir = process.env.KDG4J_FAKER31_DIR;
if (!dir) {
  console.error('KDG4J_FAKER31_DIR must name the folder where faker@3.1.0 and moment@2.17.1 are installed');
  process.exit(2);
}
const faker = require(path.join(dir, 'node_modules', 'faker'));
faker.seed(Number(process.env.KDG4J_FAKER31_SEED || 7));

function parameters(fn) {
  const match = fn.toString().match(/^function\s*[\w$]*\s*\(([^)]*)\)/);
  return match ? match[1].replace(/\s+/g, ' ').trim() : '';
}

function list() {
  const namespaces = {};
  for (const name of Object.keys(faker).sort()) {
    const namespace = faker[name];
    if (!namespace || typeof namespace !== 'object') continue;
    const methods = Object.keys(namespace).filter(m => typeof namespace[m] === 'function');
    if (methods.length > 0) {
      namespaces[name] = methods.map(m => m + '(' + parameters(namespace[m]) + ')');
    }
  }
  process.stdout.write(JSON.stringify(namespaces) + '\n');
}

function render(casesFile, count, outDir) {
  const cases = JSON.parse(fs.readFileSync(casesFile, 'utf8'));
  for (const c of cases) {
    const lines = [];
    try {
      for (let i = 0; i < count; i++) lines.push(JSON.stringify({v: faker.fake(c.template)}));
    } catch (e) {
      lines.length = 0;
      lines.push('ERROR: ' + e.message);
    }
    fs.writeFileSync(path.join(outDir, c.id + '.ref'), lines.join('\n') + '\n');
  }
}

const command = process.argv[2];
if (command === 'list') {
  list();
} else if (command === 'render' && process.argv.length === 6) {
  render(process.argv[3], Number(process.argv[4]), process.argv[5]);
} else {
  console.error('usage: node render.js list | render CASES_JSON COUNT OUT_DIR');
  process.exit(2);
}
