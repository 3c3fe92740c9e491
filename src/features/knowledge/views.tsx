import type { Child } from 'hono/jsx';
import type { TFieldErrors } from '../../http/forms.js';
import type { TMessageKey } from '../../i18n/index.js';
import { ButtonForm, ErrorSummary, Field, Select, TextArea } from '../../views/components.js';
import type { TViewContext } from '../../views/context.js';
import type { TCommentView } from './comments.js';
import { licences, maturityLevelIds, resourceKinds, themes } from './constants.js';
import { leverLabel, type TLeverRef, type TLinkedItem } from './ports.js';
import type { TTags } from './tags.js';

export const k = (key: string) => key as TMessageKey;

/** [value, label] options of a fixed list whose labels are `knowledge.<prefix>.<value>`. */
export function options(v: TViewContext, prefix: string, values: readonly (string | number)[]): [string, string][] {
  return values.map((x) => [String(x), v.t(k(`knowledge.${prefix}.${x}`))]);
}

/** Tags as a definition list: themes, levels, levers (linked to their page), RGESN criteria. */
export function TagList(props: { v: TViewContext; tags: TTags; levers: TLeverRef[] | null }) {
  const { v, tags } = props;
  const rows: [string, Child][] = [];
  if (tags.themes.length)
    rows.push([v.t('knowledge.field.themes'), tags.themes.map((x) => v.t(k(`knowledge.theme.${x}`))).join(', ')]);
  if (tags.levels.length)
    rows.push([v.t('knowledge.field.levels'), tags.levels.map((x) => v.t(k(`knowledge.level.${x}`))).join(', ')]);
  if (tags.levers.length) {
    rows.push([
      v.t('knowledge.field.levers'),
      <>
        {tags.levers.map((slug, i) => (
          <>
            {i ? ', ' : ''}
            <a href={`/levers/${slug}`}>
              {leverLabel(
                props.levers?.find((l) => l.slug === slug),
                slug,
                v,
              )}
            </a>
          </>
        ))}
      </>,
    ]);
  }
  if (tags.rgesn.length) rows.push([v.t('knowledge.field.rgesn'), tags.rgesn.join(', ')]);
  if (!rows.length) return null;
  return (
    <dl class="facts">
      {rows.map(([dt, dd]) => (
        <>
          <dt>{dt}</dt>
          <dd>{dd}</dd>
        </>
      ))}
    </dl>
  );
}

/** Checkboxes for a list of values, in a fieldset. */
function Checkboxes(props: {
  v: TViewContext;
  name: string;
  legend: string;
  items: [string, string][];
  checked: string[];
  errors?: TFieldErrors | null;
}) {
  const error = props.errors?.[props.name];
  return (
    <fieldset class={error ? 'field has-error' : 'field'} id={`f-${props.name}`}>
      <legend>
        {props.legend} <span class="optional">{props.v.t('form.optional')}</span>
      </legend>
      {error ? <p class="error">{error}</p> : null}
      {props.items.map(([value, label]) => (
        <label class="check">
          <input type="checkbox" name={props.name} value={value} checked={props.checked.includes(value)} /> {label}
        </label>
      ))}
    </fieldset>
  );
}

const asList = (x: unknown): string[] => (Array.isArray(x) ? x.map(String) : typeof x === 'string' && x ? [x] : []);
const asText = (x: unknown): string => (Array.isArray(x) ? x.join(', ') : typeof x === 'string' ? x : '');

/** Tag inputs shared by the resource and report forms. Levers: checkboxes from the catalogue, else free slugs. */
export function TagFields(props: {
  v: TViewContext;
  values: Record<string, unknown>;
  errors?: TFieldErrors | null;
  levers: TLeverRef[] | null;
}) {
  const { v, values, errors } = props;
  const opt = v.t('form.optional');
  return (
    <>
      <Checkboxes
        v={v}
        name="themes"
        legend={v.t('knowledge.field.themes')}
        items={options(v, 'theme', themes)}
        checked={asList(values.themes)}
        errors={errors}
      />
      <Checkboxes
        v={v}
        name="levels"
        legend={v.t('knowledge.field.levels')}
        items={options(v, 'level', maturityLevelIds)}
        checked={asList(values.levels)}
        errors={errors}
      />
      {props.levers ? (
        <Checkboxes
          v={v}
          name="levers"
          legend={v.t('knowledge.field.levers')}
          items={props.levers.map((l) => [l.slug, leverLabel(l, l.slug, v)])}
          checked={asList(values.levers)}
          errors={errors}
        />
      ) : (
        <Field
          name="levers"
          label={v.t('knowledge.field.levers')}
          hint={v.t('knowledge.field.leversHint')}
          value={asText(values.levers)}
          errors={errors}
          optionalLabel={opt}
        />
      )}
      <Field
        name="rgesn"
        label={v.t('knowledge.field.rgesn')}
        hint={v.t('knowledge.field.rgesnHint')}
        value={asText(values.rgesn)}
        errors={errors}
        optionalLabel={opt}
      />
    </>
  );
}

/** The organisation select: the organisations the user may publish for. */
/** The labels of the tag fields, for error summaries (each entry names its field). */
export function tagLabels(v: TViewContext): Record<string, string> {
  return {
    themes: v.t('knowledge.field.themes'),
    levels: v.t('knowledge.field.levels'),
    levers: v.t('knowledge.field.levers'),
    rgesn: v.t('knowledge.field.rgesn'),
    organisationId: v.t('knowledge.field.organisation'),
  };
}

export function OrgSelect(props: { v: TViewContext; values: Record<string, unknown>; errors?: TFieldErrors | null }) {
  const orgs = (props.v.user?.memberships ?? []).filter((m) => m.publisher);
  return (
    <Select
      name="organisationId"
      label={props.v.t('knowledge.field.organisation')}
      required
      value={asText(props.values.organisationId) || String(orgs[0]?.organisationId ?? '')}
      options={orgs.map((m) => [String(m.organisationId), m.name])}
      errors={props.errors}
    />
  );
}

/** What an edit form shows instead of the organisation select: the fixed author organisation. */
export interface TEditContext {
  organisationName: string;
  /** The resource's current file, kept unless a new file or a link replaces it. */
  fileName?: string | null;
}

/** The author organisation, fixed once published, and what an edit does to the review status. */
export function EditHeader(props: { v: TViewContext; edit: TEditContext }) {
  return (
    <>
      <p>{props.v.t('knowledge.form.authorOrganisation', { name: props.edit.organisationName })}</p>
      <p class="hint">{props.v.t('knowledge.form.editReviewNote')}</p>
    </>
  );
}

/**
 * A linked workshop or training, named by its title: a checked box that keeps the link (untick to remove it).
 * Without a known title, the bare number field.
 */
function LinkField(props: {
  v: TViewContext;
  name: 'workshopId' | 'trainingId';
  item: TLinkedItem | null;
  value: string;
  errors?: TFieldErrors | null;
}) {
  const { v, item } = props;
  const numberLabel =
    props.name === 'workshopId' ? v.t('knowledge.field.workshopId') : v.t('knowledge.field.trainingId');
  if (!item)
    return (
      <Field
        name={props.name}
        type="number"
        label={numberLabel}
        value={props.value}
        errors={props.errors}
        optionalLabel={v.t('form.optional')}
        min={1}
      />
    );
  const href = props.name === 'workshopId' ? `/workshops/${item.id}` : `/trainings/${item.id}`;
  return (
    <div class="field" id={`f-${props.name}`}>
      <label class="check">
        <input type="checkbox" name={props.name} value={String(item.id)} checked />{' '}
        {v.t(props.name === 'workshopId' ? 'knowledge.form.linkedWorkshop' : 'knowledge.form.linkedTraining', {
          title: item.title,
        })}
      </label>{' '}
      <a href={href}>
        {v.t(props.name === 'workshopId' ? 'knowledge.field.workshopLink' : 'knowledge.field.trainingLink')}
      </a>
    </div>
  );
}

/** The publish (or edit) form of a resource (multipart: link or file). */
export function ResourceForm(props: {
  v: TViewContext;
  values: Record<string, unknown>;
  errors?: TFieldErrors | null;
  levers: TLeverRef[] | null;
  action?: string;
  edit?: TEditContext;
  links?: { workshop: TLinkedItem | null; training: TLinkedItem | null };
}) {
  const { v, values, errors, edit } = props;
  const opt = v.t('form.optional');
  return (
    <form method="post" action={props.action ?? '/resources'} enctype="multipart/form-data" novalidate>
      <ErrorSummary
        v={v}
        errors={errors}
        labels={{
          ...tagLabels(v),
          title: v.t('knowledge.field.title'),
          summary: v.t('knowledge.field.summary'),
          kind: v.t('knowledge.field.kind'),
          language: v.t('knowledge.field.language'),
          publishedOn: v.t('knowledge.field.date'),
          licence: v.t('knowledge.field.licence'),
          url: v.t('knowledge.field.url'),
          file: v.t('knowledge.field.file'),
          workshopId: v.t('knowledge.field.workshop'),
          trainingId: v.t('knowledge.field.training'),
        }}
      />
      {edit ? (
        <EditHeader v={v} edit={edit} />
      ) : (
        <>
          <OrgSelect v={v} values={values} errors={errors} />
          <p class="hint">{v.t('knowledge.form.reviewNote')}</p>
        </>
      )}
      <Field name="title" label={v.t('knowledge.field.title')} required value={asText(values.title)} errors={errors} />
      <TextArea
        name="summary"
        label={v.t('knowledge.field.summary')}
        required
        value={asText(values.summary)}
        errors={errors}
      />
      <Select
        name="kind"
        label={v.t('knowledge.field.kind')}
        required
        value={asText(values.kind)}
        options={options(v, 'kind', resourceKinds)}
        errors={errors}
      />
      <Select
        name="language"
        label={v.t('knowledge.field.language')}
        required
        value={asText(values.language) || v.locale}
        options={options(v, 'language', ['fr', 'en'])}
        errors={errors}
      />
      <Field
        name="publishedOn"
        type="date"
        label={v.t('knowledge.field.date')}
        required
        value={asText(values.publishedOn) || new Date().toISOString().slice(0, 10)}
        errors={errors}
      />
      <Select
        name="licence"
        label={v.t('knowledge.field.licence')}
        required
        value={asText(values.licence)}
        options={options(v, 'licence', licences)}
        errors={errors}
      />
      <Field
        name="url"
        type="url"
        label={v.t('knowledge.field.url')}
        hint={v.t('knowledge.field.urlHint')}
        value={asText(values.url)}
        errors={errors}
        optionalLabel={opt}
      />
      <div class={errors?.file ? 'field has-error' : 'field'}>
        <label for="f-file">
          {v.t('knowledge.field.file')} <span class="optional">{opt}</span>
        </label>
        <p class="hint" id="f-file-hint">
          {v.t('knowledge.field.fileHint')}
          {edit?.fileName ? <> {v.t('knowledge.field.fileCurrent', { name: edit.fileName })}</> : null}
        </p>
        {errors?.file ? (
          <p class="error" id="f-file-error">
            {errors.file}
          </p>
        ) : null}
        <input
          id="f-file"
          type="file"
          name="file"
          accept=".pdf,.odp,.pptx,.ods,.xlsx,.csv"
          aria-describedby={errors?.file ? 'f-file-hint f-file-error' : 'f-file-hint'}
        />
      </div>
      <TagFields v={v} values={values} errors={errors} levers={props.levers} />
      <LinkField
        v={v}
        name="workshopId"
        item={props.links?.workshop ?? null}
        value={asText(values.workshopId)}
        errors={errors}
      />
      <LinkField
        v={v}
        name="trainingId"
        item={props.links?.training ?? null}
        value={asText(values.trainingId)}
        errors={errors}
      />
      <button type="submit">{edit ? v.t('knowledge.form.save') : v.t('knowledge.form.publish')}</button>
    </form>
  );
}

/** "Edit · Delete" for the author organisation's members and administrators. */
export function OwnerActions(props: { v: TViewContext; base: string }) {
  return (
    <p>
      <a href={`${props.base}/edit`}>{props.v.t('knowledge.owner.edit')}</a> ·{' '}
      <a href={`${props.base}/delete`}>{props.v.t('knowledge.owner.delete')}</a>
    </p>
  );
}

/** The confirmation step of a deletion: what goes, and a POST button (a GET never deletes). */
export function DeleteConfirm(props: { v: TViewContext; title: string; base: string; hasFile?: boolean }) {
  const { v } = props;
  return (
    <>
      <h1>{v.t('knowledge.owner.deleteTitle', { title: props.title })}</h1>
      <p>{v.t('knowledge.owner.deleteWarning')}</p>
      {props.hasFile ? <p>{v.t('knowledge.owner.deleteFile')}</p> : null}
      <form method="post" action={`${props.base}/delete`}>
        <button type="submit" class="danger">
          {v.t('knowledge.owner.deleteConfirm')}
        </button>{' '}
        <a href={props.base}>{v.t('knowledge.owner.cancel')}</a>
      </form>
    </>
  );
}

/** Status badge shown to the author organisation and administrators. */
export function StatusBadge(props: { v: TViewContext; status: string }) {
  if (props.status === 'published') return null;
  return <span class="badge">{props.v.t(k(`knowledge.status.${props.status}`))}</span>;
}

/** Comments with their answer mark, report and moderation buttons, and the form to add one. */
export function CommentsSection(props: {
  v: TViewContext;
  comments: TCommentView[];
  postAction: string;
  canAnswer: boolean;
  isAdmin: boolean;
  loginNext: string;
}) {
  const { v } = props;
  return (
    <section aria-labelledby="comments-title">
      <h2 id="comments-title">{v.t('knowledge.comments.title')}</h2>
      {props.comments.length === 0 ? <p>{v.t('knowledge.comments.none')}</p> : null}
      <ol class="comments">
        {props.comments.map((c) => (
          <li id={`comment-${c.id}`}>
            <p>
              <strong>{c.authorName}</strong> · {v.fmt.date(c.createdAt)}
              {c.isAnswer ? (
                <>
                  {' '}
                  · <span class="badge">{v.t('knowledge.comments.answer')}</span>
                </>
              ) : null}
              {c.hidden ? (
                <>
                  {' '}
                  · <span class="badge">{v.t('knowledge.comments.hidden')}</span>
                </>
              ) : null}
            </p>
            <p class="comment-body">{c.body}</p>
            {v.user ? (
              <p>
                {props.canAnswer ? (
                  <ButtonForm
                    action={`/knowledge/comments/${c.id}/answer`}
                    fields={{ answer: c.isAnswer ? '0' : '1' }}
                    className="secondary"
                    label={c.isAnswer ? v.t('knowledge.comments.unmarkAnswer') : v.t('knowledge.comments.markAnswer')}
                  />
                ) : null}{' '}
                <ButtonForm
                  action={`/knowledge/comments/${c.id}/report`}
                  className="link"
                  label={v.t('knowledge.comments.report')}
                />
                {props.isAdmin ? (
                  <>
                    {' '}
                    {c.hidden ? (
                      <ButtonForm
                        action={`/admin/resources/comments/${c.id}/keep`}
                        className="secondary"
                        fields={{ back: props.loginNext }}
                        label={v.t('knowledge.moderation.show')}
                      />
                    ) : (
                      <HideCommentForm v={v} id={c.id} back={props.loginNext} />
                    )}
                    {c.reports ? ` ${v.t('knowledge.moderation.reportCount', { count: c.reports })}` : ''}
                  </>
                ) : null}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      {v.user ? (
        <form method="post" action={props.postAction}>
          <TextArea
            name="body"
            label={v.t('knowledge.comments.add')}
            hint={v.t('knowledge.comments.hint')}
            required
            rows={4}
          />
          <button type="submit">{v.t('knowledge.comments.submit')}</button>
        </form>
      ) : (
        <p>
          <a href={`/login?next=${encodeURIComponent(props.loginNext)}`}>{v.t('knowledge.comments.login')}</a>
        </p>
      )}
    </section>
  );
}

/** An administrator's form to unpublish a published resource or report, with the reason mailed to its author. */
export function UnpublishForm(p: { v: TViewContext; action: string }) {
  const t = p.v.t;
  return (
    <form method="post" action={p.action}>
      <div class="field">
        <label for="unpublish-reason">{t('knowledge.moderation.unpublishReason')}</label>
        <input id="unpublish-reason" name="reason" type="text" required minlength={3} maxlength={500} />
      </div>
      <button type="submit" class="danger">
        {t('knowledge.moderation.unpublish')}
      </button>
    </form>
  );
}

/** An administrator's form to hide (unpublish) a comment, with the reason mailed to its author. */
export function HideCommentForm(p: { v: TViewContext; id: number; back?: string }) {
  const t = p.v.t;
  return (
    <form method="post" action={`/admin/resources/comments/${p.id}/hide`} class="inline">
      {p.back ? <input type="hidden" name="back" value={p.back} /> : null}
      <label for={`hide-reason-${p.id}`}>{t('knowledge.moderation.hideReason')}</label>{' '}
      <input id={`hide-reason-${p.id}`} name="reason" type="text" required minlength={3} maxlength={500} />{' '}
      <button type="submit" class="danger">
        {t('knowledge.moderation.hide')}
      </button>
    </form>
  );
}

/** An administrator's button to publish again an unpublished or rejected resource or report (the author is told). */
export function RepublishForm(p: { v: TViewContext; action: string }) {
  return (
    <form method="post" action={p.action}>
      <button type="submit">{p.v.t('knowledge.moderation.republish')}</button>
    </form>
  );
}
