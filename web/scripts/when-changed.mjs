// Runs `npm ci`, `npm run build` or `npm run lint` only when their inputs changed since they last succeeded here, so
// that a second start of the app (`./mvnw spring-boot:run`) skips them. Usage: node scripts/when-changed.mjs
// install|build|lint
// A stamp (a SHA-256 of the inputs) is written under node_modules/.spark-stamps/ after each success; `npm ci` empties
// node_modules, so a new install always rebuilds. Delete that folder (or node_modules) to force them all.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamps = join(web, 'node_modules', '.spark-stamps');

// what `tsc -b && vite build` and ESLint read: everything in web/ but installed packages and outputs
const notInputs = new Set(['node_modules', 'dist', 'test-results', 'playwright-report', 'blob-report', 'coverage']);

const steps = {
  install: {
    inputs: () => ['package.json', 'package-lock.json'],
    done: () => existsSync(join(web, 'node_modules', '.package-lock.json')),
    command: ['ci', '--no-audit', '--no-fund', '--prefer-offline'],
  },
  build: {
    inputs: () => files(web),
    done: () => existsSync(join(web, 'dist', 'index.html')),
    command: ['run', 'build'],
  },
  lint: {
    inputs: () => files(web),
    done: () => true,
    command: ['run', 'lint'],
  },
};

function files(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !(dir === web && notInputs.has(entry.name)) && entry.name !== '.DS_Store')
    .flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [relative(web, join(dir, entry.name))]))
    .sort();
}

function fingerprint(inputs) {
  const hash = createHash('sha256').update(`node ${process.version}\n`);
  for (const [name, value] of Object.entries(process.env).sort()) {
    if (name.startsWith('VITE_')) hash.update(`${name}=${value}\n`);
  }
  for (const file of inputs) {
    hash
      .update(`${file}\n`)
      .update(readFileSync(join(web, file)))
      .update('\n');
  }
  return hash.digest('hex');
}

const name = process.argv[2];
const step = steps[name];
if (!step) {
  console.error('usage: node scripts/when-changed.mjs install|build|lint');
  process.exit(2);
}
const stamp = join(stamps, name);
const current = fingerprint(step.inputs());
if (step.done() && existsSync(stamp) && readFileSync(stamp, 'utf8') === current) {
  console.log(`web: ${name} is up to date (inputs unchanged), skipped`);
  process.exit(0);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = spawnSync(npm, step.command, { cwd: web, stdio: 'inherit' });
if (run.status !== 0) {
  process.exit(run.status ?? 1);
}
mkdirSync(stamps, { recursive: true });
writeFileSync(stamp, current);
