// What a save writes for the shapes of edit a form makes: items added, removed and moved.
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { hasComments, mergeYamlText } from './yaml-merge.js';

const FILE = `# top comment
workers:
  # the api
  - id: api
    args: [a, b]    # flow
  # the job
  - id: job
    args:
      - x
  # the cron
  - id: cron
    args: []
`;

interface Data {
  workers: { id: string; args: string[] }[];
}

function regenerate(change: (data: Data) => void): string {
  const data = parse(FILE) as Data;
  change(data);
  return stringify(data);
}

describe('mergeYamlText', () => {
  it('writes a text that carries comments as it was sent', () => {
    const next = '# mine\nworkers: []\n';
    expect(hasComments(next)).toBe(true);
    expect(mergeYamlText(FILE, next)).toBe(next);
  });

  it('drops a removed item with its comment and keeps the others', () => {
    const next = regenerate((data) => data.workers.splice(1, 1));
    expect(mergeYamlText(FILE, next)).toBe(`# top comment
workers:
  # the api
  - id: api
    args: [a, b]    # flow
  # the cron
  - id: cron
    args: []
`);
  });

  it('drops the first item with the comment above it', () => {
    const next = regenerate((data) => data.workers.shift());
    expect(mergeYamlText(FILE, next)).toBe(`# top comment
workers:
  # the job
  - id: job
    args:
      - x
  # the cron
  - id: cron
    args: []
`);
  });

  it('appends an added item and changes a flow list in place', () => {
    const next = regenerate((data) => {
      data.workers.push({ id: 'new', args: ['n'] });
      data.workers[0]?.args.push('c');
    });
    const merged = mergeYamlText(FILE, next);
    expect(merged).toContain('# the job\n  - id: job\n    args:\n      - x\n  # the cron\n');
    expect(merged).toContain('    args: [ a, b, c ] # flow\n');
    expect(merged.endsWith('  - id: new\n    args:\n      - n\n')).toBe(true);
    expect(parse(merged)).toEqual(parse(next));
  });

  it('follows a new order of items and keeps each item its comment', () => {
    const next = regenerate((data) => data.workers.reverse());
    const merged = mergeYamlText(FILE, next);
    expect(parse(merged)).toEqual(parse(next));
    expect(merged.indexOf('# the cron')).toBeLessThan(merged.indexOf('# the api'));
    expect(merged).toContain('# the cron\n  - id: cron\n');
  });

  it('keeps Windows line endings', () => {
    const crlf = FILE.replaceAll('\n', '\r\n');
    const next = regenerate((data) => {
      data.workers[2]?.args.push('hourly');
    });
    const merged = mergeYamlText(crlf, next);
    expect(merged).toContain('# top comment\r\nworkers:\r\n');
    expect(merged.replaceAll('\r\n', '')).not.toContain('\n');
    expect(parse(merged)).toEqual(parse(next));
  });

  it('writes the text as sent when the current file does not parse', () => {
    const next = 'workers: []\n';
    expect(mergeYamlText('workers: [\n', next)).toBe(next);
  });
});

describe('an empty text', () => {
  it('is written as sent, not merged into the file', () => {
    expect(mergeYamlText('# fleet\nworkers: []\n', '')).toBe('');
  });
});
