import { describe, expect, it } from 'vitest';
import {
  combineIssues,
  formIssues,
  isWithin,
  parseProblemPath,
  serverIssues,
  workerIssueCount,
  type FieldIssue,
} from './issues.js';
import { isShownBy, visibleSections } from './worker-fields.js';

const paths = (issues: FieldIssue[]) => issues.map((issue) => issue.path);

describe('formIssues', () => {
  it('finds nothing wrong with a valid file', () => {
    const file = { workers: [{ id: 'api', type: 'process', executable_path: 'node' }] };
    expect(formIssues(file)).toEqual([]);
  });

  it('places schema issues at the field, in plain words', () => {
    const issues = formIssues({
      workers: [
        {
          id: 'api',
          type: 'process',
          args: [8080],
          health_check: { type: 'tcp', tcp: { port: 70000 } },
          restart: { retry_delay: 'soon' },
        },
      ],
    });
    const byPath = [...issues].sort((a, b) => a.path.localeCompare(b.path));
    expect(byPath).toEqual([
      { path: 'workers.0.args.0', message: 'must be a string (quote numbers)', source: 'form' },
      { path: 'workers.0.health_check.tcp.port', message: 'must be at most 65535', source: 'form' },
      {
        path: 'workers.0.restart.retry_delay',
        message: '"soon" is not a duration (use e.g. "500ms", "10s", "2m")',
        source: 'form',
      },
    ]);
  });

  it('names each unknown key and each repeated id', () => {
    const issues = formIssues({
      workers: [
        { id: 'a', type: 'process', colour: 'red' },
        { id: 'a', type: 'process' },
      ],
    });
    expect(issues).toEqual([
      { path: 'workers.0.colour', message: 'unknown key', source: 'form' },
      { path: 'workers.1.id', message: 'another worker already has the id "a"', source: 'form' },
    ]);
  });

  it('checks workers with defaults merged, and blames the default where it is written', () => {
    const issues = formIssues({
      global: { module_defaults: { module_type: 'native', startup_timeout: 'later' } },
      workers: [{ id: 'm', type: 'module', module_name: 'echo' }],
    });
    expect(paths(issues)).toEqual(['global.module_defaults.startup_timeout']);
  });

  it('says what is missing from a health check of a type', () => {
    const issues = formIssues({
      workers: [{ id: 'a', type: 'process', health_check: { type: 'http' } }],
    });
    expect(paths(issues)).toEqual(['workers.0.health_check.http']);
  });
});

describe('master problems', () => {
  it('reads the master paths, quoted keys included', () => {
    expect(parseProblemPath('workers[0].environment["A-B"]')).toEqual([
      'workers',
      0,
      'environment',
      'A-B',
    ]);
    expect(parseProblemPath('master.log_level')).toEqual(['master', 'log_level']);
    expect(parseProblemPath('')).toEqual([]);
  });

  it('drops the path the master puts before each message', () => {
    const problem = {
      file: '/srv/workers.yaml',
      line: 4,
      column: 22,
      path: 'workers[1].executable_path',
      message: 'workers[1].executable_path: "nope" was not found on PATH',
    };
    expect(serverIssues([problem])).toEqual([
      {
        path: 'workers.1.executable_path',
        message: '"nope" was not found on PATH',
        source: 'server',
      },
    ]);
  });

  it('adds only what the form has not already said at the same path', () => {
    const form: FieldIssue[] = [{ path: 'workers.0.id', message: 'bad id', source: 'form' }];
    const server: FieldIssue[] = [
      { path: 'workers.0.id', message: 'id is invalid', source: 'server' },
      { path: 'workers.0.module_name', message: 'not registered', source: 'server' },
    ];
    expect(paths(combineIssues(form, server))).toEqual(['workers.0.id', 'workers.0.module_name']);
    expect(combineIssues(form, null)).toBe(form);
  });
});

describe('placing issues', () => {
  it('tells a path inside a field from a sibling with the same prefix', () => {
    expect(isWithin('workers.1.args.0', 'workers.1.args')).toBe(true);
    expect(isWithin('workers.1.args', 'workers.1.args')).toBe(true);
    expect(isWithin('workers.10.id', 'workers.1')).toBe(false);
  });

  it('counts issues per worker', () => {
    const issues: FieldIssue[] = [
      { path: 'workers.1.id', message: 'x', source: 'form' },
      { path: 'workers.10.id', message: 'x', source: 'form' },
    ];
    expect(workerIssueCount(issues, 1)).toBe(1);
  });

  it('knows which issues a worker form shows beside a field', () => {
    const sections = visibleSections({ id: 'a', type: 'process', health_check: { type: 'tcp' } });
    expect(isShownBy(sections, 'args.3')).toBe(true);
    expect(isShownBy(sections, 'health_check.tcp.port')).toBe(true);
    expect(isShownBy(sections, 'health_check.tcp')).toBe(true);
    expect(isShownBy(sections, 'module_name')).toBe(false);
    expect(isShownBy(sections, 'colour')).toBe(false);
  });
});
