// The workers.yaml loader: what the rest of the master imports.
export { loadConfigFile, loadConfigText, type LoadOptions, type LoadResult } from './loader.js';
export { formatProblem, formatProblems } from './format.js';
export type { LoadedConfig } from './loaded-config.js';
