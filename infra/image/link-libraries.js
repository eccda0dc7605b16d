// After the TypeScript build: makes the @partybuild/* names of tsconfig.base.json resolve in the
// compiled tree (dist/image/node_modules/@partybuild/<name> → its compiled index.js), so the
// image runs plain JavaScript with no path-mapping or transpiler at run time.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
// The compiled tree: the image's (default), or one project's build (tools/nx/project-tsc.ts).
const out = path.resolve(process.argv[2] ?? path.join(root, 'dist', 'image'));
const { paths } = require(path.join(root, 'tsconfig.base.json')).compilerOptions;
for (const [name, [target]] of Object.entries(paths)) {
  const compiled = path.join(out, target.replace(/\.ts$/, '.js'));
  if (!fs.existsSync(compiled)) continue; // not part of the image (e.g. the test library)
  const dir = path.join(out, 'node_modules', name);
  fs.mkdirSync(dir, { recursive: true });
  const main = path.relative(dir, compiled).split(path.sep).join('/');
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name, private: true, main }, null, 2)}\n`);
}
