// What the router needs of workers.yaml. The implementation (atomic save, file watching,
// applying through the master) lives elsewhere; the router only speaks to this port.
import type {
  ApplyOutcome,
  ApplyPlan,
  ConfigFileView,
  ValidationReport,
} from '../../shared/api-contract.js';

export interface ConfigChange {
  path: string;
  mtimeMs: number;
  valid: boolean;
}

export interface ConfigPort {
  get(): Promise<ConfigFileView>;
  validate(text: string): Promise<ValidationReport>;
  /** Writes the text only when it is valid; rejects with ApiError('validation') otherwise. */
  save(text: string): Promise<ConfigFileView>;
  plan(): Promise<ApplyPlan>;
  apply(): Promise<ApplyOutcome>;
  /** Called when the file changes on disk; returns a function that stops listening. */
  onChanged(listener: (info: ConfigChange) => void): () => void;
}
