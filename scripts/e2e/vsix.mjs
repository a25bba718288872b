// The .vsix is what ships, so the harness builds it once per run and tests exactly that file.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function vsixPath(repo) {
  const { name, version } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  return join(repo, `${name}-${version}.vsix`);
}

/** Runs `npm run package` (esbuild bundles + vsce) and returns the .vsix path and size. */
export function packageVsix(repo, log = console.error) {
  const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run package failed (${r.status}): ${r.stdout}`);
  const path = vsixPath(repo);
  if (!existsSync(path)) throw new Error(`npm run package did not produce ${path}`);
  const bytes = statSync(path).size;
  log(`[e2e] packaged ${path.slice(repo.length + 1)} (${(bytes / 1024).toFixed(0)} KiB)`);
  return { path, bytes };
}

/** Extracts the vsix's `extension/` folder (a vsix is a zip) and returns its path: the shipped files, as installed. */
export function unpackVsix(vsix, intoDir) {
  const r = spawnSync('unzip', ['-q', '-o', vsix, 'extension/*', '-d', intoDir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`unzip ${vsix} failed (${r.status}): ${r.stderr}`);
  return join(intoDir, 'extension');
}
