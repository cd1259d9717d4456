// The one router: every operation the window, the REST server or a script can call. Inputs are
// parsed with the contract's schemas here, at the edge; one wrapper turns every outcome into an
// ApiResult so no caller ever sees a thrown error.
import type { Logger } from 'pino';
import {
  API_METHODS,
  ApiError,
  requestSchemas,
  type ApiMethod,
  type ApiOutputs,
  type ApiParsedInput,
  type ApiResult,
} from '../../shared/api-contract.js';
import type { MasterApi } from '../master/master-api.js';
import { alertHandlers } from './alert-handlers.js';
import type { ConfigPort } from './config-port.js';
import { configHandlers } from './config-handlers.js';
import type { HandlerMap } from './handler-map.js';
import { masterHandlers } from './master-handlers.js';
import { validationError } from './validation-error.js';
import { workerHandlers } from './worker-handlers.js';

export interface RouterOptions {
  master: MasterApi;
  config?: ConfigPort;
  logger: Logger;
}

export interface Router {
  /** Never rejects: every failure comes back as `{ ok: false, error }`. */
  call(method: string, rawInput: unknown): Promise<ApiResult<unknown>>;
  readonly methods: readonly ApiMethod[];
}

export function isApiMethod(method: string): method is ApiMethod {
  return Object.hasOwn(requestSchemas, method);
}

export function createRouter({ master, config, logger }: RouterOptions): Router {
  const handlers: HandlerMap = {
    ...workerHandlers(master),
    ...alertHandlers(master),
    ...configHandlers(config),
    ...masterHandlers(master),
  };
  const log = logger.child({ component: 'api' });

  const dispatch = <M extends ApiMethod>(method: M, rawInput: unknown): Promise<ApiOutputs[M]> => {
    const parsed = requestSchemas[method].safeParse(rawInput);
    if (!parsed.success) throw validationError(parsed.error);
    const handler: (input: ApiParsedInput<M>) => Promise<ApiOutputs[M]> = handlers[method];
    return handler(parsed.data as ApiParsedInput<M>);
  };

  return {
    methods: API_METHODS,
    async call(method, rawInput) {
      try {
        if (!isApiMethod(method)) throw new ApiError('not_found', `unknown method ${method}`);
        return { ok: true, value: await dispatch(method, rawInput) };
      } catch (error) {
        if (error instanceof ApiError) return { ok: false, error: error.toBody() };
        log.error({ err: error, method }, 'api.call(): unexpected failure');
        const message = error instanceof Error ? error.message : String(error);
        return { ok: false, error: { kind: 'internal', message } };
      }
    },
  };
}
