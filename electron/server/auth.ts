// Who may talk to the server: holders of the token, through a Host that names this machine
// (so a rebinding DNS name cannot reach it), and for WebSockets from the panel's own origin.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { WS_TOKEN_PROTOCOL_PREFIX } from '../../shared/rest-routes.js';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** 32 random bytes, base64url: safe in a URL, a header and a WebSocket subprotocol. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares digests, so neither the length nor the content of the token leaks through timing. */
export function tokenMatches(expected: string, provided: string | null): boolean {
  if (provided === null) return false;
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(provided));
}

export function bearerToken(headers: IncomingHttpHeaders): string | null {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(headers.authorization ?? '');
  return match?.[1] ?? null;
}

/** The token offered as a `hsu.token.<T>` subprotocol, for browsers that cannot set headers. */
export function protocolToken(headers: IncomingHttpHeaders): string | null {
  const offered = (headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  const entry = offered.find((p) => p.startsWith(WS_TOKEN_PROTOCOL_PREFIX));
  return entry ? entry.slice(WS_TOKEN_PROTOCOL_PREFIX.length) : null;
}

export interface HostPolicy {
  /** The host the server was asked to bind, accepted beside the loopback names. */
  host: string;
  port: number;
}

/** A Host header is ours when it names loopback (or the bound host) with our port. */
export function isAllowedHost(hostHeader: string | undefined, policy: HostPolicy): boolean {
  if (!hostHeader) return false;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader.trim().toLowerCase());
  if (!match) return false;
  const [, name, port] = match;
  const portOk = port === undefined ? policy.port === 80 : Number(port) === policy.port;
  const bound = policy.host.includes(':') ? `[${policy.host}]` : policy.host;
  return portOk && (LOOPBACK_NAMES.includes(name ?? '') || name === bound.toLowerCase());
}

/**
 * A browser always sends Origin on a WebSocket handshake; it must be the page this server
 * served. Tools that send none (scripts, the CLI) are judged by the token alone.
 */
export function isAllowedOrigin(
  origin: string | undefined,
  hostHeader: string | undefined,
): boolean {
  if (origin === undefined) return true;
  return hostHeader !== undefined && origin.toLowerCase() === `http://${hostHeader.toLowerCase()}`;
}
