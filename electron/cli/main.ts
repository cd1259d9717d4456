// The hsu-master command: validate, run, serve and schema.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { workersJsonSchema } from '../../shared/config-schema.js';
import { parseCliArgs, USAGE, UsageError, type CliArgs } from './args.js';
import { runCommand } from './run.js';
import { serveCommand } from './serve.js';
import { validateCommand } from './validate.js';

const DEFAULT_CONFIG = 'config/workers.yaml';

function packageVersion(): string {
  const url = new URL('../../../package.json', import.meta.url);
  const pkg = JSON.parse(readFileSync(url, 'utf8')) as { version: string };
  return pkg.version;
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
