import { builtinNativeModuleNames } from '../master/boot.js';
import { formatProblems, loadConfigFile } from '../master/config/loader.js';

/** `hsu-master validate FILE`: exit 0 with a summary, or 1 with one line per problem. */
export async function validateCommand(configPath: string): Promise<number> {
  const result = await loadConfigFile(configPath, { nativeModules: builtinNativeModuleNames() });
  if (!result.ok) {
    process.stdout.write(`${formatProblems(result.problems)}\n`);
    process.stderr.write(`${configPath}: ${plural(result.problems.length, 'problem')}\n`);
    return 1;
  }
  const workers = result.config.workers;
  const enabled = workers.filter((w) => w.enabled).length;
  process.stdout.write(
    `${configPath}: valid, ${plural(workers.length, 'worker')} (${enabled} enabled)\n`,
  );
  return 0;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
