// Compares each resource sample with a worker's limits and says what to do, once per level:
// a warning on crossing warning_percent of a limit, a violation on going over the limit.
import type { LIMIT_POLICIES, ResourceLimits } from '../../../shared/config-schema.js';
import type { ResourceSample } from '../../../shared/types.js';

export type LimitPolicy = (typeof LIMIT_POLICIES)[number];
export type LimitResource = 'memory' | 'cpu';
export type LimitLevel = 'normal' | 'warning' | 'violation';

export interface LimitEvent {
  resource: LimitResource;
  level: 'warning' | 'violation';
  /** The configured policy for this resource. */
  policy: LimitPolicy;
  /**
   * What to do now: the policy for a violation; for a warning, never more than an alert
   * (a warning restarts or stops nothing).
   */
  action: LimitPolicy;
  /** The measured figure: bytes for memory, percent of one core for cpu. */
  value: number;
  /** The figure crossed: the warning threshold or the limit itself. */
  threshold: number;
  limit: number;
  message: string;
}

const MB = 1024 * 1024;
const RANK: Record<LimitLevel, number> = { normal: 0, warning: 1, violation: 2 };

export interface LimitWatcherOptions {
  /**
   * How far under a threshold a figure must fall before that level may be raised again, as
   * a fraction of the threshold; keeps a figure hovering on a line from raising every tick.
   */
  hysteresis?: number;
}

export class LimitWatcher {
  private readonly levels: Record<LimitResource, LimitLevel> = { memory: 'normal', cpu: 'normal' };
  private readonly hysteresis: number;

  constructor(
    private readonly limits: ResourceLimits | undefined,
    options: LimitWatcherOptions = {},
  ) {
    this.hysteresis = options.hysteresis ?? 0.05;
  }

  /** The level each resource stands at after the last sample. */
  level(resource: LimitResource): LimitLevel {
    return this.levels[resource];
  }

  /** What this sample newly raises: nothing, a warning, or a violation per resource. */
  check(sample: ResourceSample): LimitEvent[] {
    const events: LimitEvent[] = [];
    const memory = this.limits?.memory;
    if (memory && sample.memoryBytes !== null) {
      const event = this.step('memory', sample.memoryBytes, {
        limit: memory.max_rss_mb * MB,
        warningPercent: memory.warning_percent,
        policy: memory.policy,
      });
      if (event) events.push(event);
    }
    const cpu = this.limits?.cpu;
    if (cpu && sample.cpuPercent !== null) {
      const event = this.step('cpu', sample.cpuPercent, {
        limit: cpu.max_percent,
        warningPercent: cpu.warning_percent,
        policy: cpu.policy,
      });
      if (event) events.push(event);
    }
    return events;
  }

  /** Forgets raised levels, as when the worker starts a new run. */
  reset(): void {
    this.levels.memory = 'normal';
    this.levels.cpu = 'normal';
  }

  private step(
    resource: LimitResource,
    value: number,
    rule: { limit: number; warningPercent: number; policy: LimitPolicy },
  ): LimitEvent | null {
    const warningAt = (rule.limit * rule.warningPercent) / 100;
    const previous = this.levels[resource];
    const raw = levelOf(value, warningAt, rule.limit);
    // Rising needs only the line itself; falling back needs a margin under it.
    const next =
      RANK[raw] >= RANK[previous]
        ? raw
        : lower(levelOf(value / (1 - this.hysteresis), warningAt, rule.limit), previous);
    this.levels[resource] = next;
    if (RANK[next] <= RANK[previous] || next === 'normal') return null;
    const threshold = next === 'violation' ? rule.limit : warningAt;
    return {
      resource,
      level: next,
      policy: rule.policy,
      action: next === 'warning' && rule.policy !== 'log' ? 'alert' : rule.policy,
      value,
      threshold,
      limit: rule.limit,
      message: describe(resource, next, value, rule.limit, rule.warningPercent),
    };
  }
}

function levelOf(value: number, warningAt: number, limit: number): LimitLevel {
  if (value > limit) return 'violation';
  return value >= warningAt ? 'warning' : 'normal';
}

function lower(a: LimitLevel, b: LimitLevel): LimitLevel {
  return RANK[a] <= RANK[b] ? a : b;
}

function describe(
  resource: LimitResource,
  level: 'warning' | 'violation',
  value: number,
  limit: number,
  warningPercent: number,
): string {
  const show = (figure: number): string =>
    resource === 'memory' ? `${(figure / MB).toFixed(1)} MiB` : `${figure.toFixed(1)}%`;
  return level === 'violation'
    ? `${resource} ${show(value)} is over the limit of ${show(limit)}`
    : `${resource} ${show(value)} passed ${warningPercent}% of the limit of ${show(limit)}`;
}
