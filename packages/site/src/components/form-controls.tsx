import type { Child } from 'hono/jsx';
import { type FormState, fieldErrorId, fieldId } from '../form/fields.js';

/** An option of a select, radio or checkbox group. */
export interface Choice {
  readonly value: string;
  readonly label: string;
}

/** The values and errors of a form render; empty when the form is fresh. */
export interface FieldState {
  value(name: string): string;
  values(name: string): readonly string[];
  error(name: string): string | undefined;
}

/** Reads a {@link FormState} (or none) field by field. */
export function fieldState(state: FormState | undefined): FieldState {
  return {
    value: (name) => state?.values.get(name)?.[0] ?? '',
    values: (name) => state?.values.get(name) ?? [],
    error: (name) => {
      const messages = state?.errors.get(name);
      return messages && messages.length > 0 ? messages.join(' ') : undefined;
    },
  };
}

/** The ids an input is described by: its hint and, when it has one, its error. */
function describedBy(name: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? `${fieldId(name)}-hint` : '', error ? fieldErrorId(name) : ''].filter(
    Boolean,
  );
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** The error line of a field; always present (hidden when empty) so the script can fill it. */
function FieldError(props: { readonly name: string; readonly message: string | undefined }) {
  return (
    <p class="field-error" id={fieldErrorId(props.name)} hidden={props.message === undefined}>
      {props.message ? (
        <>
          <span class="visually-hidden">Error: </span>
          {props.message}
        </>
      ) : null}
    </p>
  );
}

function Hint(props: { readonly name: string; readonly hint: string | undefined }) {
  return props.hint ? (
    <p class="hint" id={`${fieldId(props.name)}-hint`}>
      {props.hint}
    </p>
  ) : null;
}

interface ControlProps {
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  readonly state: FieldState;
}

/** A text input with its label, hint and error. */
export function TextField(
  props: ControlProps & {
    readonly type?: 'text' | 'tel' | 'email';
    readonly autocomplete: string;
    readonly required?: boolean;
    readonly maxlength: number;
    readonly inputmode?: 'tel' | 'email' | 'text';
  },
) {
  const error = props.state.error(props.name);
  const id = fieldId(props.name);
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      <Hint name={props.name} hint={props.hint} />
      <FieldError name={props.name} message={error} />
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        autocomplete={props.autocomplete}
        required={props.required}
        maxlength={props.maxlength}
        spellcheck={props.type === 'email' || props.type === 'tel' ? false : undefined}
        value={props.state.value(props.name)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint !== undefined, error !== undefined)}
      />
    </div>
  );
}

/** A textarea with its label, hint and error. */
export function TextArea(
  props: ControlProps & { readonly maxlength: number; readonly required?: boolean },
) {
  const error = props.state.error(props.name);
  const id = fieldId(props.name);
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      <Hint name={props.name} hint={props.hint} />
      <FieldError name={props.name} message={error} />
      <textarea
        id={id}
        name={props.name}
        rows={5}
        maxlength={props.maxlength}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint !== undefined, error !== undefined)}
      >
        {props.state.value(props.name)}
      </textarea>
    </div>
  );
}

/** A select with its label, hint and error; the visitor's value (or `selected`) is selected. */
export function SelectField(
  props: ControlProps & { readonly choices: readonly Choice[]; readonly selected?: string },
) {
  const error = props.state.error(props.name);
  const id = fieldId(props.name);
  const sent = props.state.values(props.name);
  const current = sent.length > 0 ? props.state.value(props.name) : (props.selected ?? '');
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      <Hint name={props.name} hint={props.hint} />
      <FieldError name={props.name} message={error} />
      <select
        id={id}
        name={props.name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint !== undefined, error !== undefined)}
      >
        {props.choices.map((c) => (
          <option value={c.value} selected={c.value === current}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A group of radios or checkboxes: a `<fieldset id="{fieldId(name)}">` with its legend, hint
 * and error; the fieldset carries `aria-invalid` and `aria-describedby` when it has a problem.
 */
export function ChoiceGroup(
  props: ControlProps & {
    readonly type: 'radio' | 'checkbox';
    readonly choices: readonly Choice[];
    readonly inline?: boolean;
    readonly children?: Child;
  },
) {
  const error = props.state.error(props.name);
  const id = fieldId(props.name);
  const sent = props.state.values(props.name);
  return (
    <fieldset
      id={id}
      class={error ? 'field group field-invalid' : 'field group'}
      aria-invalid={error ? 'true' : undefined}
      aria-describedby={describedBy(props.name, props.hint !== undefined, error !== undefined)}
    >
      <legend>{props.label}</legend>
      <Hint name={props.name} hint={props.hint} />
      <FieldError name={props.name} message={error} />
      <div class={props.inline ? 'choices choices-inline' : 'choices'}>
        {props.choices.map((c) => (
          <div class="choice">
            <input
              id={`${id}-${c.value}`}
              name={props.name}
              type={props.type}
              value={c.value}
              checked={sent.includes(c.value)}
            />
            <label for={`${id}-${c.value}`}>{c.label}</label>
          </div>
        ))}
      </div>
      {props.children}
    </fieldset>
  );
}
