import { builtinNativeModuleNames } from '../master/boot.js';
import { formatProblems, loadConfigFile } from '../master/config/loader.js';

/** `hsu-master validate FILE`: exit 0 with a summary, or 1 with one line per problem. */
export async function validateCommand(configPath: string): Promise<number> {
  const result = await loadConfigFile(configPath, { nativeModules: builtinNativeModuleNames() });
  if (!result.ok) {
    process.stdout.write(`${formatProblems(result.problems)}\n`);
    const n = result.problems.length;
    process.stderr.write(`${configPath}: ${n} problem${n === 1 ? '' : 's'}\n`);
    return 1;
  }
  const workers = result.config.workers;
  const enabled = workers.filter((w) => w.enabled).length;
  process.stdout.write(
    `${configPath}: valid, ${workers.length} worker${workers.length === 1 ? '' : 's'} (${enabled} enabled)\n`,
  );
  return 0;
}
