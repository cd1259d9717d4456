// Reads a JSON request body within a size limit.
import type { IncomingMessage } from 'node:http';
import { ApiError } from '../../shared/api-contract.js';

/** workers.yaml may be up to 4,000,000 characters; JSON escaping adds a little on top. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export class BodyTooLarge extends ApiError {
  constructor(limit: number) {
    super('validation', `request body is larger than ${limit} bytes`);
  }
}

/** Resolves to undefined for an empty body, the parsed value otherwise. */
export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLarge(limit);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApiError('validation', `body: not valid JSON (${reason})`);
  }
}
