/**
 * A small form state hook (the project does not ship @mantine/form): values, per-field errors shown
 * by Mantine inputs through their `error` prop, client-side checks with the shared zod contracts, and
 * the server's `ApiError` spread over the matching inputs plus one message for an Alert.
 */
import type { TFunction } from 'i18next';
import { type FormEvent, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api.js';
import type { FieldErrors } from './form-errors.js';
import i18n from './i18n.js';

export { type FieldErrors, issueMessage, schemaErrors } from './form-errors.js';

/**
 * Required-field checks without zod, for the pages in the first download (login): the contract
 * schemas pull in all of zod, which the lazily loaded pages can afford and the login page cannot.
 */
export function requiredErrors<V extends Record<string, unknown>>(values: V, fields: (keyof V & string)[], t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of fields) {
    const value = values[field];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      errors[field] = t('validation.required');
    }
  }
  return errors;
}

/** Trimmed text, or undefined when empty: optional contract fields reject empty strings. */
export function optionalText(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The server writes field messages as "Label: problem"; next to the input the label is already shown. */
function withoutLabel(serverField: string, message: string): string {
  const leaf = serverField.split('.').filter((part) => !/^\d+$/.test(part)).pop() ?? serverField;
  const label = i18n.t(`fields.${leaf}`, { defaultValue: '' });
  return label && message.startsWith(`${label}: `) ? message.slice(label.length + 2) : message;
}

interface UseFormOptions<V> {
  initialValues: V;
  /** Client-side checks; return the errors by field name (none, or only undefined, when the form is fine). */
  validate?: (values: V, t: TFunction) => Partial<Record<string, string | undefined>>;
  /** Server field name (`admin.username`) to form field name (`username`) where they differ. */
  serverFields?: Record<string, string>;
}

type ChangeArg = unknown;

function readChange(arg: ChangeArg): unknown {
  if (arg && typeof arg === 'object' && 'currentTarget' in arg) {
    const target = (arg as { currentTarget: HTMLInputElement }).currentTarget;
    return target.type === 'checkbox' ? target.checked : target.value;
  }
  return arg;
}

/**
 * Bring the first input marked wrong into view: on a phone it is often far above the submit button,
 * and the form would seem to do nothing. After React has drawn the errors (the next frame).
 */
function showFirstInvalid(form: HTMLFormElement | null) {
  if (!form) return;
  requestAnimationFrame(() => form.querySelector('[aria-invalid="true"]')?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
}

/** Form state for one form. `error` is the last server error, for an Alert above the buttons. */
export function useForm<V extends Record<string, unknown>>({ initialValues, validate, serverFields }: UseFormOptions<V>) {
  const { t } = useTranslation();
  const [values, setValues] = useState<V>(initialValues);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const valuesRef = useRef(values);
  valuesRef.current = values;

  const setValue = useCallback(<K extends keyof V>(key: K, value: V[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => {
      if (!(key in current)) return current;
      const { [key as string]: _removed, ...rest } = current;
      return rest;
    });
  }, []);

  const getInputProps = <K extends keyof V & string>(key: K) => ({
    value: values[key] as never,
    onChange: (arg: ChangeArg) => setValue(key, readChange(arg) as V[K]),
    error: errors[key],
  });

  const getCheckboxProps = <K extends keyof V & string>(key: K) => ({
    checked: Boolean(values[key]),
    onChange: (event: { currentTarget: HTMLInputElement }) => setValue(key, event.currentTarget.checked as V[K]),
    error: errors[key],
  });

  /** Put the server's field problems next to their inputs; keep the rest for the Alert. */
  const showApiError = (caught: unknown) => {
    const apiError =
      caught instanceof ApiError ? caught : new ApiError(0, 'unknown', t('web.errors.unknown'));
    const byField: FieldErrors = {};
    const known = Object.keys(valuesRef.current);
    const unplaced = [];
    for (const problem of apiError.fields) {
      const mapped = serverFields?.[problem.field] ?? problem.field;
      const last = mapped.split('.').pop() ?? mapped;
      const field = known.includes(mapped) ? mapped : known.includes(last) ? last : null;
      if (field) byField[field] ??= withoutLabel(problem.field, problem.message);
      else unplaced.push(problem);
    }
    setErrors(byField);
    setError(new ApiError(apiError.status, apiError.code, apiError.message, unplaced));
  };

  const onSubmit = (handler: (values: V) => Promise<unknown> | unknown) => async (event?: FormEvent) => {
    event?.preventDefault();
    const formElement = event?.currentTarget instanceof HTMLFormElement ? event.currentTarget : null;
    const current = valuesRef.current;
    const found: FieldErrors = {};
    for (const [field, message] of Object.entries(validate?.(current, t) ?? {})) if (message) found[field] = message;
    setError(null);
    if (Object.keys(found).length > 0) {
      setErrors(found);
      showFirstInvalid(formElement);
      return;
    }
    setErrors({});
    setSubmitting(true);
    try {
      await handler(current);
    } catch (caught) {
      showApiError(caught);
      showFirstInvalid(formElement);
    } finally {
      setSubmitting(false);
    }
  };

  const reset = (next: V = initialValues) => {
    setValues(next);
    setErrors({});
    setError(null);
  };

  return { values, setValue, setValues, errors, setErrors, error, setError, submitting, getInputProps, getCheckboxProps, onSubmit, reset };
}
