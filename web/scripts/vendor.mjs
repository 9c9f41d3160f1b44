// Copies the browser builds of the npm dependencies into public/lib so the dashboard works offline with no bundler.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lib = join(root, 'public', 'lib');
mkdirSync(lib, { recursive: true });

const files = [
  ['node_modules/@microsoft/signalr/dist/browser/signalr.min.js', 'signalr.min.js'],
  ['node_modules/lightweight-charts/dist/lightweight-charts.standalone.production.js', 'lightweight-charts.standalone.production.js'],
];
for (const [from, to] of files) {
  copyFileSync(join(root, from), join(lib, to));
  console.log(`vendored ${from} -> public/lib/${to}`);
}
