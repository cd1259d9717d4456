// The native modules every master knows by name. Each is registered with its file's URL so a
// worker may also run it in a thread (isolation: thread).
import type { NativeModuleRegistry } from '../module/native-registry.js';
import { createHttpModule, HTTP_MODULE_URL } from './http-module.js';

export function registerBuiltinModules(registry: NativeModuleRegistry): void {
  registry.register('http-module', createHttpModule, {
    url: HTTP_MODULE_URL,
    exportName: 'createHttpModule',
  });
}
