import { describe, expect, it } from 'vitest';
import {
  addWorker,
  appendItem,
  duplicateWorker,
  editText,
  parseConfig,
  readData,
  removeItem,
  removeWorker,
  renameKey,
  setBlock,
  setField,
} from './yaml-document.js';

const FILE = `# workers for the shop
master:
  log_level: info
  force_shutdown_timeout: 30s   # bound on stopping all workers

workers:
  # the public API
  - id: api
    type: process
    executable_path: node
    args: [server.js, --port, "8080"]   # listens here
    environment:
      PORT: "8080"   # kept as text
    health_check:
      type: tcp
      tcp: { port: 8080 }

  # nightly jobs
  - id: cron
    type: process
    executable_path: node
    args: [cron.js]
`;

const commentLines = (text: string) => text.split('\n').filter((line) => line.includes('#'));
const data = (text: string) => readData(parseConfig(text)) as Record<string, unknown>;

describe('editText', () => {
  it('changes one value and keeps every other line byte for byte', () => {
    const next = editText(FILE, (doc) => setField(doc, ['workers', 0, 'args', 2], '9090'));
    const changed = next.split('\n').filter((line, i) => line !== FILE.split('\n')[i]);
    expect(changed).toEqual(['    args: [ server.js, --port, "9090" ] # listens here']);
    expect(commentLines(next).slice(0, 2)).toEqual(commentLines(FILE).slice(0, 2));
  });

  it('keeps a comment aligned when its line is replaced', () => {
    const next = editText(FILE, (doc) => setField(doc, ['master', 'force_shutdown_timeout'], '5s'));
    expect(next).toContain('  force_shutdown_timeout: 5s    # bound on stopping all workers\n');
  });

  it('returns the text unchanged when the edit changes nothing', () => {
    expect(editText(FILE, () => undefined)).toBe(FILE);
  });

  it('quotes a number typed into a string list so it stays a string', () => {
    const next = editText(FILE, (doc) => setField(doc, ['workers', 1, 'args', 0], '42'));
    expect(data(next)).toMatchObject({ workers: [{}, { args: ['42'] }] });
  });

  it('refuses to edit text that is not YAML', () => {
    expect(() => editText('workers: [', () => undefined)).toThrow(/syntax/);
  });
});

describe('fields', () => {
  it('creates missing sections and replaces an empty value on the way', () => {
    const next = editText('workers:\n  - id: a\n    type: process\n    health_check:\n', (doc) =>
      setField(doc, ['workers', 0, 'health_check', 'tcp', 'port'], 80),
    );
    expect(data(next)).toEqual({
      workers: [{ id: 'a', type: 'process', health_check: { tcp: { port: 80 } } }],
    });
  });

  it('removes a section left empty by clearing its last field, but not the worker', () => {
    const next = editText(FILE, (doc) => {
      setField(doc, ['workers', 0, 'health_check', 'tcp', 'port'], undefined);
      setField(doc, ['workers', 0, 'health_check', 'type'], undefined);
    });
    expect(data(next)['workers']).toMatchObject([{ id: 'api' }, { id: 'cron' }]);
    expect((data(next)['workers'] as object[])[0]).not.toHaveProperty('health_check');
  });

  it('appends to, edits and empties a list', () => {
    let text = editText(FILE, (doc) => appendItem(doc, ['workers', 1, 'args'], '--once'));
    expect(data(text)).toMatchObject({ workers: [{}, { args: ['cron.js', '--once'] }] });
    text = editText(text, (doc) => appendItem(doc, ['workers', 1, 'environment'], 'x'));
    text = editText(text, (doc) => {
      removeItem(doc, ['workers', 1, 'args'], 0);
      removeItem(doc, ['workers', 1, 'args'], 0);
    });
    expect((data(text)['workers'] as object[])[1]).not.toHaveProperty('args');
  });

  it('creates a list where there is none', () => {
    const text = editText(FILE, (doc) =>
      appendItem(doc, ['workers', 1, 'health_check', 'exec', 'args'], '-v'),
    );
    expect(data(text)).toMatchObject({
      workers: [{}, { health_check: { exec: { args: ['-v'] } } }],
    });
  });

  it('renames a map key in place with its value and comment', () => {
    const next = editText(FILE, (doc) =>
      renameKey(doc, ['workers', 0, 'environment'], 'PORT', 'P'),
    );
    expect(next).toContain('      P: "8080"      # kept as text\n');
  });

  it('replaces a block only when its data changes', () => {
    const same = editText(FILE, (doc) =>
      setBlock(doc, ['workers', 0, 'environment'], { PORT: '8080' }),
    );
    expect(same).toBe(FILE);
    const next = editText(FILE, (doc) =>
      setBlock(doc, ['workers', 0, 'environment'], { A: '1', B: '2' }),
    );
    expect(data(next)).toMatchObject({ workers: [{ environment: { A: '1', B: '2' } }, {}] });
  });
});

describe('workers', () => {
  it('adds a process worker under a free id', () => {
    let index = -1;
    const next = editText(FILE, (doc) => {
      index = addWorker(doc, 'process', []);
    });
    expect(index).toBe(2);
    expect((data(next)['workers'] as object[])[2]).toEqual({
      id: 'process-1',
      type: 'process',
      executable_path: '',
    });
    expect(next.startsWith(FILE.trimEnd())).toBe(true);
  });

  it('adds a native module worker with the first registered name', () => {
    const next = editText('workers: []\n', (doc) => addWorker(doc, 'module', ['echo', 'http']));
    expect(data(next)).toEqual({
      workers: [{ id: 'module-1', type: 'module', module_type: 'native', module_name: 'echo' }],
    });
    expect(next).toContain('- id: module-1\n');
  });

  it('adds the first worker to an empty file', () => {
    const next = editText('', (doc) => addWorker(doc, 'process', []));
    expect(data(next)).toEqual({
      workers: [{ id: 'process-1', type: 'process', executable_path: '' }],
    });
  });

  it('duplicates a worker right after it, without the comment above it', () => {
    const next = editText(FILE, (doc) => duplicateWorker(doc, 0));
    const workers = data(next)['workers'] as Record<string, unknown>[];
    expect(workers.map((w) => w['id'])).toEqual(['api', 'api-copy-1', 'cron']);
    expect(workers[1]).toEqual({ ...workers[0], id: 'api-copy-1' });
    expect(next.match(/# the public API/g)).toHaveLength(1);
  });

  it('removes a worker with the comment above it and keeps the others', () => {
    const next = editText(FILE, (doc) => removeWorker(doc, 0));
    expect((data(next)['workers'] as { id: string }[]).map((w) => w.id)).toEqual(['cron']);
    expect(next).not.toContain('the public API');
    expect(next).toContain('# nightly jobs');
    expect(next).toContain('# workers for the shop');
  });
});
