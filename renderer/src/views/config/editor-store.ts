// The editor's state: the file as last read or saved, the text a save would write, the
// master's report on that text, and the apply dialog. Kept outside the view, so that leaving
// the page and coming back keeps unsaved edits.
import { create } from 'zustand';
import type {
  ApplyOutcome,
  ApplyPlan,
  ConfigFileView,
  ValidationReport,
} from '../../../../shared/api-contract.js';
import { ClientError, getClient } from '../../api/client.js';
import { messageOf } from '../../lib/use-api-query.js';
import { editText, type ConfigDocument } from './yaml-document.js';

export type ApplyState =
  | { phase: 'idle' }
  | { phase: 'planning' }
  | { phase: 'review'; plan: ApplyPlan }
  | { phase: 'applying'; plan: ApplyPlan }
  | { phase: 'done'; outcome: ApplyOutcome }
  | { phase: 'failed'; message: string };

export interface SaveError {
  message: string;
  issues: { path: string; message: string }[];
}

export interface EditorState {
  /** The file as last read or saved: what the edits are made against. */
  base: ConfigFileView | null;
  /** What Save writes. */
  text: string;
  loadError: string | null;
  /** Text areas whose content cannot be used yet, by dotted path, with the reason. */
  drafts: Record<string, string>;
  /** The master's checks of a text (executables, native names). */
  check: { text: string; report: ValidationReport } | null;
  /** A newer file on disk that the editor has not taken up. */
  disk: ConfigFileView | null;
  saving: boolean;
  saveError: SaveError | null;
  /** The index of the worker whose form is open. */
  selected: number;
  apply: ApplyState;
  load: () => Promise<void>;
  /** Edits the text through its YAML document; returns what the change returned. */
  edit: <T>(change: (doc: ConfigDocument) => T) => T;
  select: (index: number) => void;
  setDraft: (path: string, problem: string | null) => void;
  setCheck: (text: string, report: ValidationReport) => void;
  noticeDiskChange: () => Promise<void>;
  save: () => Promise<void>;
  planApply: () => Promise<void>;
  confirmApply: () => Promise<void>;
  closeApply: () => void;
}

export const useConfigEditor = create<EditorState>()((set, get) => ({
  base: null,
  text: '',
  loadError: null,
  drafts: {},
  check: null,
  disk: null,
  saving: false,
  saveError: null,
  selected: 0,
  apply: { phase: 'idle' },

  async load() {
    try {
      const view = await getClient().call('config.get');
      set({ base: view, text: view.text, disk: null, drafts: {}, check: null });
      set({ loadError: null, saveError: null, selected: 0 });
    } catch (error) {
      set({ loadError: messageOf(error) });
    }
  },

  edit(change) {
    let result: ReturnType<typeof change> | undefined;
    const text = editText(get().text, (doc) => {
      result = change(doc);
    });
    set({ text, saveError: null });
    return result as ReturnType<typeof change>;
  },

  select: (selected) => set({ selected }),

  setDraft(path, problem) {
    const drafts = { ...get().drafts };
    if (problem === null) delete drafts[path];
    else drafts[path] = problem;
    set({ drafts });
  },

  setCheck(text, report) {
    if (get().text === text) set({ check: { text, report } });
  },

  async noticeDiskChange() {
    const { base } = get();
    if (!base) return;
    const view = await getClient().call('config.get');
    // Our own save, or a touch that left the content as it was.
    if (view.text === base.text) set({ base: view, disk: null });
    else set({ disk: view });
  },

  async save() {
    const { text } = get();
    set({ saving: true, saveError: null });
    try {
      const view = await getClient().call('config.save', { text });
      set({ base: view, text: view.text, disk: null, check: null, saving: false });
    } catch (error) {
      const issues = error instanceof ClientError ? (error.issues ?? []) : [];
      set({ saving: false, saveError: { message: messageOf(error), issues } });
    }
  },

  async planApply() {
    set({ apply: { phase: 'planning' } });
    try {
      const plan = await getClient().call('config.plan');
      set({ apply: { phase: 'review', plan } });
    } catch (error) {
      set({ apply: { phase: 'failed', message: messageOf(error) } });
    }
  },

  async confirmApply() {
    const { apply } = get();
    if (apply.phase !== 'review') return;
    set({ apply: { phase: 'applying', plan: apply.plan } });
    try {
      const outcome = await getClient().call('config.apply');
      set({ apply: { phase: 'done', outcome } });
      const view = await getClient().call('config.get');
      if (get().text === get().base?.text) set({ base: view, text: view.text });
      else set({ base: view });
    } catch (error) {
      set({ apply: { phase: 'failed', message: messageOf(error) } });
    }
  },

  closeApply: () => set({ apply: { phase: 'idle' } }),
}));

export const isDirty = (state: Pick<EditorState, 'base' | 'text'>): boolean =>
  state.base !== null && state.text !== state.base.text;
