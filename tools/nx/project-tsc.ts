/**
 * The type check and the build of one Nx project, with the workspace's own compiler options:
 *
 *   node tools/run.js tools/nx/project-tsc.ts typecheck apps/activity
 *   node tools/run.js tools/nx/project-tsc.ts build apps/gateway --asset supergraph.graphql
 *
 * `typecheck` checks the project's files (specs included) and what they import, as
 * tsconfig.json would; `build` compiles the project's production code and the libraries it uses
 * to JavaScript in dist/<project> (the options of the image, infra/image/tsconfig.json), links
 * the @partybuild/* names there and copies the assets named, so `node dist/apps/gateway/apps/gateway/src/main.js`
 * runs without a transpiler. One program per project is what lets Nx cache each on its own inputs.
 */
import { cpSync, existsSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '..', '..');

function parse(configFile: string): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(root, configFile),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`cannot read ${configFile}`);
  return parsed;
}

function report(diagnostics: readonly ts.Diagnostic[]): boolean {
  if (diagnostics.length === 0) return true;
  process.stderr.write(
    ts.formatDiagnosticsWithColorAndContext(diagnostics, {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => root,
      getNewLine: () => '\n',
    }),
  );
  return false;
}

function main(): number {
  const [mode, projectRoot, ...rest] = process.argv.slice(2);
  if ((mode !== 'typecheck' && mode !== 'build') || !projectRoot) {
    process.stderr.write('usage: project-tsc.ts typecheck|build <projectRoot> [--asset <file or folder>]...\n');
    return 2;
  }
  const assets = rest.flatMap((arg, i) => (rest[i - 1] === '--asset' ? [arg] : []));
  const inProject = (file: string) => path.resolve(file).startsWith(path.join(root, projectRoot) + path.sep);

  if (mode === 'typecheck') {
    const config = parse('tsconfig.json');
    const program = ts.createProgram({ rootNames: config.fileNames.filter(inProject), options: config.options });
    return report(ts.getPreEmitDiagnostics(program)) ? 0 : 1;
  }

  const config = parse('infra/image/tsconfig.json');
  const outDir = path.join(root, 'dist', projectRoot);
  rmSync(outDir, { recursive: true, force: true });
  const program = ts.createProgram({ rootNames: config.fileNames.filter(inProject), options: { ...config.options, outDir } });
  const emitted = program.emit();
  if (!report([...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics])) return 1;
  execFileSync(process.execPath, [path.join(root, 'infra/image/link-libraries.js'), outDir], { stdio: 'inherit' });
  for (const asset of assets) {
    const from = path.join(root, projectRoot, asset);
    if (!existsSync(from)) throw new Error(`${projectRoot}: asset ${asset} is missing (build it first)`);
    cpSync(from, path.join(outDir, projectRoot, asset), { recursive: true });
  }
  return 0;
}

process.exitCode = main();
