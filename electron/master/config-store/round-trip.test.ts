// Saving a file with one field changed leaves every other line exactly as it was, whether
// the client sends its own edited text or text regenerated from data without comments.
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import {
  ALIGNED,
  ANCHORS,
  QUOTED,
  openStore,
  readText,
  type StoreHarness,
} from './test-fixtures.js';

interface Case {
  name: string;
  text: string;
  /** The line as it reads before and after the change. */
  before: string;
  after: string;
  change(data: WorkersData): void;
}

interface WorkersData {
  master: Record<string, unknown>;
  workers: Record<string, unknown>[];
}

const worker = (data: WorkersData, id: string) => {
  const found = data.workers.find((w) => w['id'] === id);
  if (!found) throw new Error(`no worker ${id} in the fixture`);
  return found;
};

const cases: Case[] = [
  {
    name: 'aligned comments, flow maps and blank lines',
    text: ALIGNED,
    before: '      TICK_MS: "1000"      # one second',
    after: '      TICK_MS: "2000"      # one second',
    change: (data) => {
      (worker(data, 'ticker')['environment'] as Record<string, string>)['TICK_MS'] = '2000';
    },
  },
  {
    name: 'a value in the master section',
    text: ALIGNED,
    before: '  sample_interval: 1s           # CPU and memory sampling',
    after: '  sample_interval: 2s           # CPU and memory sampling',
    change: (data) => {
      data.master['sample_interval'] = '2s';
    },
  },
  {
    name: 'anchors, aliases and a merge key',
    text: ANCHORS,
    before: '      max_retries: 9 # more patient',
    after: '      max_retries: 7 # more patient',
    change: (data) => {
      (worker(data, 'second')['restart'] as Record<string, unknown>)['max_retries'] = 7;
    },
  },
  {
    name: 'quoted strings and multi-line text',
    text: QUOTED,
    before: "      GREETING: 'it''s here'        # doubled single quote",
    after: "      GREETING: 'it''s there'       # doubled single quote",
    change: (data) => {
      (worker(data, 'quoted')['environment'] as Record<string, string>)['GREETING'] = "it's there";
    },
  },
];

let harness: StoreHarness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** The original lines, except the changed one, must all be there unchanged and in order. */
function expectOnlyLineChanged(original: string, saved: string, before: string) {
  const originalLines = original.split('\n');
  const savedLines = saved.split('\n');
  const index = originalLines.indexOf(before);
  expect(index).toBeGreaterThanOrEqual(0);
  expect(savedLines).toHaveLength(originalLines.length);
  expect(savedLines.filter((_, i) => i !== index)).toEqual(
    originalLines.filter((_, i) => i !== index),
  );
  return savedLines[index];
}

describe.each(cases)('round trip: $name', (c) => {
  it('writes an edited text byte for byte', async () => {
    harness = await openStore(c.text);
    const edited = c.text.replace(c.before, c.after);
    expect(edited).not.toBe(c.text);

    const view = await harness.store.save(edited);

    const saved = await readText(harness.file);
    expect(saved).toBe(edited);
    expect(view.text).toBe(edited);
    expect(view.valid).toBe(true);
    expect(expectOnlyLineChanged(c.text, saved, c.before)).toBe(c.after);
  });

  it('keeps comments and untouched lines when the text was regenerated from data', async () => {
    harness = await openStore(c.text);
    const data = parse(c.text, { merge: true }) as WorkersData;
    c.change(data);
    const regenerated = stringify(data);
    expect(regenerated).not.toContain('#');

    await harness.store.save(regenerated);

    const saved = await readText(harness.file);
    expect(expectOnlyLineChanged(c.text, saved, c.before)).toBe(c.after);
    expect(parse(saved, { merge: true })).toEqual(parse(regenerated, { merge: true }));
  });
});
