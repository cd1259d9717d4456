// Example process worker: a small HTTP service with a health endpoint.
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
let requests = 0;

const server = createServer((req, res) => {
  requests += 1;
  if (req.url === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok', uptime: process.uptime() }));
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ message: 'hello from http-service', requests }));
});

server.listen(port, host, () => console.log(`listening on http://${host}:${port}`));

process.on('SIGTERM', () => {
  console.log(`SIGTERM: closing after ${requests} requests`);
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
