// REST under /api: maps a request onto a router call and the result onto a status and JSON.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from '../../shared/api-contract.js';
import type { Router } from '../api/router.js';
import { BodyTooLarge, readJsonBody } from './json-body.js';
import { sendError, sendJson } from './responses.js';
import { matchRoute } from './rest-routes-matcher.js';

export async function handleRest(
  router: Router,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const match = matchRoute(req.method ?? 'GET', url.pathname);
  if (match.kind === 'unknown') {
    sendError(res, { kind: 'not_found', message: `no route ${url.pathname}` });
    return;
  }
  if (match.kind === 'wrong_method') {
    res.setHeader('Allow', match.allowed.join(', '));
    sendError(res, { kind: 'validation', message: `use ${match.allowed.join(' or ')}` }, 405);
    return;
  }

  let input: unknown;
  try {
    input = buildInput(match.route.method === 'GET' ? undefined : await readJsonBody(req), {
      id: match.id,
      tail: match.route.api === 'workers.logs' ? url.searchParams.get('tail') : null,
    });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    sendError(res, error.toBody(), error instanceof BodyTooLarge ? 413 : undefined);
    return;
  }

  const result = await router.call(match.route.api, input);
  if (result.ok) sendJson(res, 200, result.value);
  else sendError(res, result.error);
}

/** Path and query parameters win over the body, so a body cannot redirect a command. */
function buildInput(body: unknown, params: { id?: string; tail: string | null }): unknown {
  const fromUrl: Record<string, unknown> = {};
  if (params.id !== undefined) fromUrl.id = params.id;
  if (params.tail !== null) fromUrl.tail = params.tail;
  if (body === undefined) return Object.keys(fromUrl).length > 0 ? fromUrl : undefined;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError('validation', 'body: must be a JSON object');
  }
  return { ...body, ...fromUrl };
}
