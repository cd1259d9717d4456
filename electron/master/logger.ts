// The master's logger: readable lines on a terminal, JSON lines otherwise.
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export interface LoggerOptions {
  level?: string;
  /** Readable coloured lines instead of JSON; defaults to whether stdout is a terminal. */
  pretty?: boolean;
  destination?: NodeJS.WritableStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  const readable = options.pretty ?? process.stdout.isTTY === true;
  if (readable) {
    const stream = pretty({
      colorize: true,
      sync: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname,worker',
      singleLine: true,
      messageFormat: '{if worker}[{worker}] {end}{msg}',
      destination: options.destination ?? process.stdout,
    });
    return pino({ level, base: undefined }, stream);
  }
  // No base fields: the master's pid would clash with the workers' pid fields.
  return options.destination
    ? pino({ level, base: undefined }, options.destination)
    : pino({ level, base: undefined });
}
