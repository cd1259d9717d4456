// The workers.yaml editor: a form per worker checked against the shared schema as the operator
// types, the text a save writes and its difference from the file on disk, outside edits, and
// applying the saved file to the running workers.
import { useEffect, useMemo } from 'react';
import { getClient } from '../../api/client.js';
import { Notice } from '../../components/Notice.js';
import { useApiQuery } from '../../lib/use-api-query.js';
import { usePanelStore } from '../../store/store.js';
import { ApplyPanel } from './ApplyPanel.js';
import { DiskBanner, FileErrors } from './DiskBanner.js';
import { FileSettings } from './FileSettings.js';
import { ProblemSummary, type Problem } from './ProblemSummary.js';
import { WorkerForm } from './WorkerForm.js';
import { WorkerList } from './WorkerList.js';
import { YamlPreview } from './YamlPreview.js';
import './config-editor.css';
import { isDirty, useConfigEditor } from './editor-store.js';
import { workerDefaults } from './field-values.js';
import { combineIssues, formIssues, serverIssues } from './issues.js';
import { useServerCheck } from './use-server-check.js';
import type { WorkerData } from './worker-fields.js';
import {
  addWorker,
  duplicateWorker,
  parseConfig,
  readData,
  removeWorker,
} from './yaml-document.js';

const NO_MODULES: readonly string[] = [];

function useNativeModules(): readonly string[] {
  const fromStore = usePanelStore((s) => s.master?.nativeModules);
  const fetched = useApiQuery('native-modules', () => getClient().call('master.stats'));
  if (fromStore) return fromStore;
  return fetched.status === 'ok' ? fetched.value.nativeModules : NO_MODULES;
}

/** Follows outside changes: the panel's event batches say when the file changed on disk. */
function useDiskNotices(): void {
  const changedAt = usePanelStore((s) => s.config?.mtimeMs ?? null);
  const epoch = usePanelStore((s) => s.epoch);
  useEffect(() => {
    const state = useConfigEditor.getState();
    if (!state.base || !isDirty(state)) void state.load();
    else void state.noticeDiskChange().catch(() => undefined);
  }, []);
  useEffect(() => {
    const state = useConfigEditor.getState();
    if (state.base && changedAt !== null && changedAt !== state.base.mtimeMs) {
      void state.noticeDiskChange().catch(() => undefined);
    }
  }, [changedAt, epoch]);
}

export function ConfigView() {
  useDiskNotices();
  const editor = useConfigEditor();
  const { base, text, drafts, check, disk, selected } = editor;
  const dirty = isDirty(editor);
  const nativeModules = useNativeModules();
  const data = useMemo(() => readData(parseConfig(text)), [text]);
  const local = useMemo(() => (data === null ? [] : formIssues(data)), [data]);
  const report = check?.text === text ? check.report : null;
  const issues = useMemo(
    () => combineIssues(local, report ? serverIssues(report.errors) : null),
    [local, report],
  );
  useServerCheck(text, dirty && data !== null);

  if (!base) {
    return (
      <section className="view" aria-labelledby="config-heading">
        <h1 id="config-heading">Configuration</h1>
        {editor.loadError ? (
          <Notice kind="error">Could not load the configuration: {editor.loadError}</Notice>
        ) : (
          <Notice kind="loading">Loading the configuration…</Notice>
        )}
      </section>
    );
  }

  const workers: WorkerData[] =
    data && typeof data === 'object' && Array.isArray((data as WorkerData)['workers'])
      ? ((data as WorkerData)['workers'] as unknown[]).map((w) =>
          w && typeof w === 'object' ? (w as WorkerData) : {},
        )
      : [];
  const summaries = workers.map((w) => ({
    id: typeof w['id'] === 'string' ? w['id'] : '',
    type: typeof w['type'] === 'string' ? w['type'] : '',
  }));
  const problems: Problem[] = [
    ...Object.entries(drafts).map(([path, message]) => ({
      path,
      message,
      source: 'draft' as const,
    })),
    ...issues,
  ];
  const canSave = dirty && data !== null && problems.length === 0 && !editor.saving;
  const current = Math.min(selected, workers.length - 1);
  const worker = current >= 0 ? workers[current] : undefined;
  const applyBlocked = dirty
    ? 'Save first: Apply uses the saved file.'
    : !base.valid
      ? 'The file on disk has problems.'
      : null;

  return (
    <section className="view config-view" aria-labelledby="config-heading">
      <h1 id="config-heading">Configuration</h1>
      <p className="config-path" data-config-path={base.path}>
        <code>{base.path}</code>
      </p>
      {disk ? (
        <DiskBanner disk={disk} dirty={dirty} onReload={() => void editor.load()} />
      ) : (
        <FileErrors view={base} />
      )}
      <div className="config-toolbar" role="group" aria-label="Save">
        <button
          type="button"
          className="primary"
          disabled={!canSave}
          onClick={() => void editor.save()}
        >
          Save
        </button>
        <button type="button" disabled={!dirty} onClick={() => void editor.load()}>
          Discard edits
        </button>
        <span className="muted" data-save-state={dirty ? 'dirty' : 'clean'}>
          {editor.saving ? 'Saving…' : dirty ? 'Unsaved changes' : 'No unsaved changes'}
        </span>
        {editor.saveError ? (
          <p className="text-danger" role="alert">
            Not saved: {editor.saveError.message}
          </p>
        ) : null}
      </div>
      <ProblemSummary problems={problems} workerIds={summaries.map((s) => s.id)} />
      <ApplyPanel blocked={applyBlocked} pending={base.pendingApply} />
      {data === null ? (
        <Notice kind="error">
          The file is not YAML the form can edit; fix it in an editor, then reload.
        </Notice>
      ) : (
        <div className="config-layout">
          <WorkerList
            workers={summaries}
            selected={current}
            issues={issues}
            onSelect={editor.select}
            onAdd={(kind) =>
              editor.select(editor.edit((doc) => addWorker(doc, kind, nativeModules)))
            }
          />
          <div className="config-forms">
            {worker ? (
              <WorkerForm
                key={current}
                index={current}
                worker={worker}
                issues={issues}
                nativeModules={nativeModules}
                defaults={workerDefaults(data, worker)}
                onDuplicate={() =>
                  editor.select(editor.edit((doc) => duplicateWorker(doc, current)))
                }
                onRemove={() => {
                  editor.edit((doc) => removeWorker(doc, current));
                  editor.select(Math.max(0, current - 1));
                }}
              />
            ) : null}
            <FileSettings data={data} issues={issues} />
          </div>
          {/* Against the file as it is on disk now, when someone changed it meanwhile. */}
          <YamlPreview before={disk?.text ?? base.text} after={text} />
        </div>
      )}
    </section>
  );
}
