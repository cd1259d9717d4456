import type { ModuleDiagnostics } from '../../../../shared/types.js';
import { formatDateTime } from '../../lib/format.js';
import { Field } from './Field.js';

export function ModuleDiagnosticsPanel({ module }: { module: ModuleDiagnostics }) {
  const info = module.moduleInfo;
  const failedChecks = module.healthHistory.filter((r) => !r.ok).length;
  return (
    <section className="panel" aria-labelledby="module-heading">
      <h2 id="module-heading">Module</h2>
      <dl className="fields">
        <Field name="moduleType" label="Module type">
          {module.moduleType}
        </Field>
        <Field name="isolation" label="Isolation">
          {module.isolation}
        </Field>
        <Field name="moduleName" label="Name">
          {info?.name ?? '–'}
        </Field>
        <Field name="moduleVersion" label="Version">
          {info?.version ?? '–'}
        </Field>
        <Field name="moduleDescription" label="Description">
          {info?.description || '–'}
        </Field>
        <Field name="moduleAuthor" label="Author">
          {info?.author || '–'}
        </Field>
        <Field name="startCount" label="Start count">
          {module.startCount}
        </Field>
        <Field name="lastRestart" label="Last restart">
          {formatDateTime(module.lastRestart)}
        </Field>
        <Field name="panics" label="Panics">
          {module.panics}
        </Field>
        <Field name="moduleHealthHistory" label="Module health checks">
          {module.healthHistory.length} recorded, {failedChecks} failed
        </Field>
      </dl>
      {info && info.endpoints.length > 0 ? (
        <table className="endpoints">
          <caption>Endpoints</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Address</th>
            </tr>
          </thead>
          <tbody>
            {info.endpoints.map((e) => (
              <tr key={`${e.name}:${e.address}`}>
                <td>{e.name}</td>
                <td>{e.type}</td>
                <td>{e.address}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {module.lastPanic ? (
        <div className="last-panic" data-field="lastPanic">
          <h3>Last panic, {formatDateTime(module.lastPanic.time)}</h3>
          <p>{module.lastPanic.message}</p>
          {module.lastPanic.stack ? <pre>{module.lastPanic.stack}</pre> : null}
        </div>
      ) : null}
    </section>
  );
}
