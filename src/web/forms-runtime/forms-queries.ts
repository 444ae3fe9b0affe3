/** Query keys and fetchers of the forms runtime, shared by the case section and the designer. */
import type { FormTemplateView } from '../../shared/contracts/forms.js';
import { api } from '../api.js';

export const formsKey = ['forms'] as const;
export const templatesKey = (organizationId: string) => [...formsKey, 'templates', organizationId] as const;
export const caseFormsKey = (caseId: string) => [...formsKey, 'case', caseId] as const;
export const caseFormKey = (caseId: string, id: string) => [...formsKey, 'case', caseId, id] as const;

export const fetchTemplates = (organizationId: string, signal?: AbortSignal) =>
  api.get<{ items: FormTemplateView[] }>('/forms/templates', { organizationId }, signal).then((r) => r.items);

/** Problems from a 400 of the forms API, by answer path (`answers.family.0.name` → `family.0.name`). */
export function problemsByPath(fields: { field: string; message: string }[], prefix = 'answers.'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const path = f.field.startsWith(prefix) ? f.field.slice(prefix.length) : f.field;
    // The server's message starts with the question's label, which the input already shows.
    out[path] = f.message.includes(': ') ? f.message.slice(f.message.indexOf(': ') + 2) : f.message;
  }
  return out;
}
