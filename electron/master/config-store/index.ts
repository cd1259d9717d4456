// workers.yaml storage for the control panel: what the rest of the application imports.
export {
  ConfigStore,
  type ConfigFileChange,
  type ConfigStoreMaster,
  type ConfigStoreOptions,
} from './config-store.js';
export { mergeYamlText, hasComments } from './yaml-merge.js';
export { writeFileAtomic, type AtomicWriteOptions } from './atomic-write.js';
