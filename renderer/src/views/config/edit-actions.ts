// The form's edits, each one change to the YAML document through the editor store.
import { HEALTH_CHECK_TYPES } from '../../../../shared/config-schema.js';
import { useConfigEditor } from './editor-store.js';
import {
  appendItem,
  removeField,
  removeItem,
  renameKey,
  setBlock,
  setField,
  type FieldPath,
} from './yaml-document.js';

const edit = useConfigEditor.getState;

export const setValue = (path: FieldPath, value: unknown) =>
  edit().edit((doc) => setField(doc, path, value));

export const setYamlValue = (path: FieldPath, value: unknown) =>
  edit().edit((doc) => setBlock(doc, path, value));

export const addListItem = (path: FieldPath, value: unknown) =>
  edit().edit((doc) => appendItem(doc, path, value));

export const removeListItem = (path: FieldPath, index: number) =>
  edit().edit((doc) => removeItem(doc, path, index));

export const renameMapKey = (path: FieldPath, from: string, to: string) =>
  edit().edit((doc) => renameKey(doc, path, from, to));

export const removeMapKey = (path: FieldPath, key: string) =>
  edit().edit((doc) => removeField(doc, [...path, key]));

/** A new check type; the sections of the other types go, so the file says one thing. */
export function setCheckType(worker: FieldPath, type: string) {
  edit().edit((doc) => {
    const check = [...worker, 'health_check'];
    if (type === '') {
      removeField(doc, check);
      return;
    }
    setField(doc, [...check, 'type'], type);
    for (const other of HEALTH_CHECK_TYPES) {
      if (other !== type && doc.hasIn([...check, other])) removeField(doc, [...check, other]);
    }
  });
}
