// Runs every *.test.mjs beside this file under node's built-in test runner (from `./mvnw verify`,
// test phase); the exit status is the runner's, so one failing test fails the build.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const dir = path.dirname(fileURLToPath(import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.test.mjs')).sort()
  .map((f) => path.join(dir, f));
if (files.length === 0) {
  console.error('no terminal JS tests found in ' + dir);
  process.exit(1);
}
const run = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files],
  { stdio: 'inherit' });
process.exit(run.status ?? 1);
