// Command-line parsing for hsu-master, on node:util parseArgs.
import { parseArgs } from 'node:util';

export const USAGE = `Usage: hsu-master <command> [options]

Commands:
  validate FILE                 check a workers.yaml; one FILE:LINE:COL line per problem
  run --config FILE             supervise the workers until SIGINT or SIGTERM
  serve --config FILE [--host H] [--port P] [--token T]
                                the master plus the control panel for a browser
  schema                        print the JSON Schema of workers.yaml

Options:
  -c, --config FILE             the workers.yaml to use (default: config/workers.yaml)
  -h, --help                    show this help
  -v, --version                 show the version`;

export interface CliArgs {
  command: string | undefined;
  positionals: string[];
  config: string | undefined;
  host: string | undefined;
  port: number | undefined;
  token: string | undefined;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string', short: 'c' },
        host: { type: 'string' },
        port: { type: 'string', short: 'p' },
        token: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UsageError(`--port must be a whole number from 0 to 65535, got "${values.port}"`);
    }
  }
  return {
    command: positionals[0],
    positionals: positionals.slice(1),
    config: values.config,
    host: values.host,
    port,
    token: values.token,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}
