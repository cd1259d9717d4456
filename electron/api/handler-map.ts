// The shape every domain's handlers take: one function per API method, fed the parsed input
// and answering with exactly the output the contract names.
import type { ApiMethod, ApiOutputs, ApiParsedInput } from '../../shared/api-contract.js';

export type Handler<M extends ApiMethod> = (input: ApiParsedInput<M>) => Promise<ApiOutputs[M]>;

export type HandlerMap = { [M in ApiMethod]: Handler<M> };

/** The handlers of one domain, e.g. `DomainHandlers<'alerts.list' | 'alerts.ack'>`. */
export type DomainHandlers<M extends ApiMethod> = { [K in M]: Handler<K> };
