// Maps an API call onto its REST route and an HTTP response back onto an ApiResult.
import type {
  ApiErrorBody,
  ApiErrorKind,
  ApiMethod,
  ApiResult,
} from '../../../shared/api-contract.js';
import { routeFor, routePath } from '../../../shared/rest-routes.js';

export interface RestRequest {
  url: string;
  init: RequestInit;
}

export function buildRestRequest(
  method: ApiMethod,
  input: object | undefined,
  baseUrl: string,
  token: string | null,
): RestRequest {
  const route = routeFor(method);
  const fields: Record<string, unknown> = { ...(input ?? {}) };
  let id: string | undefined;
  if (route.path.includes(':id')) {
    id = typeof fields.id === 'string' ? fields.id : '';
    delete fields.id;
  }
  const url = new URL(routePath(route, id), baseUrl);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const init: RequestInit = { method: route.method, headers };
  if (route.method === 'GET') {
    for (const [key, value] of Object.entries(fields)) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        url.searchParams.set(key, String(value));
      }
    }
  } else {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(fields);
  }
  return { url: url.toString(), init };
}

const KIND_BY_STATUS: Record<number, ApiErrorKind> = {
  400: 'validation',
  401: 'auth',
  403: 'auth',
  404: 'not_found',
  409: 'conflict',
  504: 'timeout',
};

function isErrorBody(value: unknown): value is { error: ApiErrorBody } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = value.error;
  return typeof error === 'object' && error !== null && 'kind' in error && 'message' in error;
}

export async function readRestResponse<T>(response: Response): Promise<ApiResult<T>> {
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // A proxy's HTML error page, say: fall through to an error built from the status.
  }
  if (response.ok && body !== undefined) return { ok: true, value: body as T };
  if (isErrorBody(body)) return { ok: false, error: body.error };
  const kind = KIND_BY_STATUS[response.status] ?? 'internal';
  const message = response.ok
    ? 'the server sent a response that is not JSON'
    : `HTTP ${response.status} ${response.statusText}`.trim();
  return { ok: false, error: { kind, message } };
}
