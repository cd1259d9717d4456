import { describe, expect, it } from 'vitest';
import { buildRestRequest, readRestResponse } from './rest-request.js';

const BASE = 'http://127.0.0.1:7000/#/workers';

describe('buildRestRequest', () => {
  it('puts the worker id in the path and the rest of a GET in the query', () => {
    const { url, init } = buildRestRequest('workers.logs', { id: 'api', tail: 1000 }, BASE, 't0k');

    expect(url).toBe('http://127.0.0.1:7000/api/workers/api/logs?tail=1000');
    expect(init.method).toBe('GET');
    expect(init.body).toBeUndefined();
    expect(init.headers).toMatchObject({ Authorization: 'Bearer t0k' });
  });

  it('sends the rest of a POST as a JSON body', () => {
    const { url, init } = buildRestRequest(
      'workers.restart',
      { id: 'api', force: true },
      BASE,
      't',
    );

    expect(url).toBe('http://127.0.0.1:7000/api/workers/api/restart');
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"force":true}');
    expect(init.headers).toMatchObject({ 'Content-Type': 'application/json' });
  });

  it('keeps an id in the body when the route has no :id (alert acknowledgement)', () => {
    const { url, init } = buildRestRequest('alerts.ack', { id: 'alert-7' }, BASE, 't');

    expect(url).toBe('http://127.0.0.1:7000/api/alerts/ack');
    expect(init.body).toBe('{"id":"alert-7"}');
  });

  it('sends no Authorization header without a token', () => {
    const { init } = buildRestRequest('workers.list', undefined, BASE, null);

    expect(init.headers).not.toHaveProperty('Authorization');
  });
});

describe('readRestResponse', () => {
  it('returns the JSON value of a success', async () => {
    const result = await readRestResponse(new Response('[1,2]', { status: 200 }));

    expect(result).toEqual({ ok: true, value: [1, 2] });
  });

  it('returns the typed error the server sent', async () => {
    const body = JSON.stringify({ error: { kind: 'conflict', message: 'worker api is stopping' } });

    const result = await readRestResponse(new Response(body, { status: 409 }));

    expect(result).toEqual({
      ok: false,
      error: { kind: 'conflict', message: 'worker api is stopping' },
    });
  });

  it('builds an error from the status when the body is not an error object', async () => {
    const result = await readRestResponse(
      new Response('<html>denied</html>', { status: 401, statusText: 'Unauthorized' }),
    );

    expect(result).toEqual({
      ok: false,
      error: { kind: 'auth', message: 'HTTP 401 Unauthorized' },
    });
  });
});
