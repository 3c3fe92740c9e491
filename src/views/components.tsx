import type { Child } from 'hono/jsx';
import type { TFieldErrors } from '../http/forms.js';
import type { TViewContext } from './context.js';

/** Whether a message already names its field by quoting the label, in French or English quotation marks. */
function quotesLabel(message: string, label: string): boolean {
  const at = message.indexOf(label);
  if (at < 1) return false;
  const before = message.slice(0, at).trimEnd().slice(-1);
  const after = message
    .slice(at + label.length)
    .trimStart()
    .charAt(0);
  return (before === '«' && after === '»') || (before === '“' && after === '”') || (before === '"' && after === '"');
}

/** Visible label of each field of a form, keyed by field name (the keys of `TFieldErrors`). */
export type TFieldLabels = Record<string, string | undefined>;

/**
 * The list of a form's errors, announced and focusable, each linking to its field (WCAG 3.3.1) and naming it:
 * "<label> : <message>", because a bare "This field is required." out of context says neither which field nor what
 * to do.
 *
 * The labels come as a `labels` prop (field name → the same visible label the form gives its field) rather than
 * being discovered from the fields: hono/jsx renders synchronously in tree order, so the summary, placed before the
 * fields, has nothing to read them from, and an after-the-fact pass would depend on renderer internals. A map keyed
 * like `errors` costs each form one prop, needs no change to its fields (declaring each form's labels once for both
 * would rewrite every field line of some thirty forms), and also covers inputs that are not a `Field` (checkbox
 * groups, fieldsets, table cells with a visually hidden label). An entry without a label (an
 * unknown key) shows its message alone, and so does a message that already quotes its label (« Choose an answer to
 * the question "…" »), rather than saying it twice; `_form`, an error of the whole form, has no field to link to.
 */
export function ErrorSummary(props: { v: TViewContext; errors?: TFieldErrors | null; labels?: TFieldLabels }) {
  const entries = Object.entries(props.errors ?? {});
  if (!entries.length) return null;
  const t = props.v.t;
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
      <p>{t('form.errorSummary')}</p>
      <ul>
        {entries.map(([field, message]) => {
          const label = props.labels?.[field];
          const text =
            label && !quotesLabel(message, label.trim())
              ? t('form.errorSummaryItem', { label: label.trim(), message })
              : message;
          return <li>{field === '_form' ? text : <a href={`#f-${field}`}>{text}</a>}</li>;
        })}
      </ul>
    </div>
  );
}

type TFieldProps = {
  name: string;
  label: string;
  errors?: TFieldErrors | null;
  value?: string | number | null;
  type?: string;
  required?: boolean;
  hint?: string;
  autocomplete?: string;
  min?: string | number;
  max?: string | number;
  step?: string | number;
  optionalLabel?: string;
};

/**
 * The frame every form control shares: label (with "optional"), hint and error, tied to the control by id and
 * aria-describedby. `control` receives the attributes the control must carry.
 */
function FieldFrame(
  p: TFieldProps & { control: (a: { id: string; invalid?: 'true'; describedBy?: string }) => Child },
) {
  const id = `f-${p.name}`;
  const error = p.errors?.[p.name];
  const describedBy =
    [p.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>
        {p.label} {!p.required && p.optionalLabel ? <span class="optional">{p.optionalLabel}</span> : null}
      </label>
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {error ? (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {p.control({ id, invalid: error ? 'true' : undefined, describedBy })}
    </div>
  );
}

/** A labelled input with its hint and error tied by aria-describedby. */
export function Field(p: TFieldProps) {
  return (
    <FieldFrame
      {...p}
      control={(a) => (
        <input
          id={a.id}
          name={p.name}
          type={p.type ?? 'text'}
          value={p.value == null ? '' : String(p.value)}
          required={p.required}
          autocomplete={p.autocomplete}
          aria-invalid={a.invalid}
          aria-describedby={a.describedBy}
          min={p.min}
          max={p.max}
          step={p.step}
        />
      )}
    />
  );
}

/** A labelled textarea. */
export function TextArea(p: Omit<TFieldProps, 'type'> & { rows?: number }) {
  return (
    <FieldFrame
      {...p}
      control={(a) => (
        <textarea
          id={a.id}
          name={p.name}
          rows={p.rows ?? 5}
          required={p.required}
          aria-invalid={a.invalid}
          aria-describedby={a.describedBy}
        >
          {p.value == null ? '' : String(p.value)}
        </textarea>
      )}
    />
  );
}

/** A labelled select; options are [value, label] pairs. */
export function Select(p: Omit<TFieldProps, 'type'> & { options: [string, string][]; emptyLabel?: string }) {
  return (
    <FieldFrame
      {...p}
      control={(a) => (
        <select id={a.id} name={p.name} required={p.required} aria-invalid={a.invalid} aria-describedby={a.describedBy}>
          {p.emptyLabel !== undefined ? <option value="">{p.emptyLabel}</option> : null}
          {p.options.map(([value, label]) => (
            <option value={value} selected={String(p.value ?? '') === value}>
              {label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** Previous/next links keeping the current filters. */
export function Pagination(props: { v: TViewContext; page: number; pages: number }) {
  if (props.pages <= 1) return null;
  const link = (page: number) => {
    const url = new URL(props.v.url.toString());
    url.searchParams.set('page', String(page));
    return url.pathname + url.search;
  };
  const t = props.v.t;
  return (
    <nav class="pagination" aria-label={t('pagination.label')}>
      {props.page > 1 ? (
        <a href={link(props.page - 1)} rel="prev">
          {t('pagination.previous')}
        </a>
      ) : null}
      <span>{t('pagination.page', { page: props.page, pages: props.pages })}</span>
      {props.page < props.pages ? (
        <a href={link(props.page + 1)} rel="next">
          {t('pagination.next')}
        </a>
      ) : null}
    </nav>
  );
}

/** A form posting to `action` with a single button (no JS needed for actions such as delete or validate). */
export function ButtonForm(props: {
  action: string;
  label: string;
  fields?: Record<string, string>;
  className?: string;
  children?: Child;
}) {
  return (
    <form method="post" action={props.action} class="inline">
      {Object.entries(props.fields ?? {}).map(([k, val]) => (
        <input type="hidden" name={k} value={val} />
      ))}
      {props.children}
      <button type="submit" class={props.className}>
        {props.label}
      </button>
    </form>
  );
}
