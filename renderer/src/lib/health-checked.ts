// Which workers have a health check, read from the text of workers.yaml: the summaries say
// only "unknown" for a worker nobody checks, which reads as a check that never answered.
import { parse } from 'yaml';

type YamlMap = Record<string, unknown>;

function isMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Ids of the workers with a health_check, their own or one from their type's global
 * defaults; null when the text is not a workers.yaml this can read.
 */
export function healthCheckedIds(text: string): Set<string> | null {
  let file: unknown;
  try {
    file = parse(text);
  } catch {
    return null;
  }
  if (!isMap(file) || !Array.isArray(file['workers'])) return null;
  const global = isMap(file['global']) ? file['global'] : {};
  const inherited = (type: unknown): boolean => {
    const key =
      type === 'process' ? 'process_defaults' : type === 'module' ? 'module_defaults' : '';
    const defaults = global[key];
    return isMap(defaults) && isMap(defaults['health_check']);
  };
  const ids = new Set<string>();
  for (const worker of file['workers'] as unknown[]) {
    if (!isMap(worker) || typeof worker['id'] !== 'string') continue;
    if (isMap(worker['health_check']) || inherited(worker['type'])) ids.add(worker['id']);
  }
  return ids;
}
