// The hsu-master command: validate, run, serve and schema.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { workersJsonSchema } from '../../shared/config-schema.js';
import { parseCliArgs, USAGE, UsageError, type CliArgs } from './args.js';
import { runCommand } from './run.js';
import { serveCommand } from './serve.js';
import { validateCommand } from './validate.js';

const DEFAULT_CONFIG = 'config/workers.yaml';

/** The package's version, from source (electron/cli) or from the build (dist/electron/cli). */
function packageVersion(): string {
  for (const up of ['../../package.json', '../../../package.json']) {
    const url = new URL(up, import.meta.url);
    if (!existsSync(url)) continue;
    const pkg = JSON.parse(readFileSync(url, 'utf8')) as { name?: string; version: string };
    if (pkg.name === 'hsu-master') return pkg.version;
  }
  return '0.0.0';
}

async function main(argv: string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`hsu-master: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.version) {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  if (args.help || args.command === undefined || args.command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return args.help || args.command === 'help' ? 0 : 2;
  }
  const configPath = resolve(args.config ?? args.positionals[0] ?? DEFAULT_CONFIG);
  switch (args.command) {
    case 'validate':
      return validateCommand(configPath);
    case 'schema':
      process.stdout.write(`${JSON.stringify(workersJsonSchema(), null, 2)}\n`);
      return 0;
    case 'run':
      return runCommand({ configPath, version: packageVersion() });
    case 'serve':
      return serveCommand({
        configPath,
        version: packageVersion(),
        host: args.host,
        port: args.port,
        token: args.token,
      });
    default:
      process.stderr.write(`hsu-master: unknown command "${args.command}"\n\n${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `hsu-master: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
