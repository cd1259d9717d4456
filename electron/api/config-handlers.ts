// config.*: workers.yaml through the config port, when the master was started from a file.
import { ApiError } from '../../shared/api-contract.js';
import type { ConfigPort } from './config-port.js';
import type { DomainHandlers } from './handler-map.js';

type ConfigMethod =
  'config.get' | 'config.validate' | 'config.save' | 'config.plan' | 'config.apply';

export function configHandlers(config: ConfigPort | undefined): DomainHandlers<ConfigMethod> {
  const port = (): ConfigPort => {
    if (!config) throw new ApiError('not_found', 'no configuration file');
    return config;
  };
  return {
    'config.get': () => port().get(),
    'config.validate': ({ text }) => port().validate(text),
    'config.save': ({ text }) => port().save(text),
    'config.plan': () => port().plan(),
    'config.apply': () => port().apply(),
  };
}
