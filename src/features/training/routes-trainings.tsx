import { Hono, type Context } from 'hono';
import { viewContext } from '../../views/context.js';
import type { AppEnv } from '../../http/env.js';
import { canActForOrganisation, isAdmin, requireUser } from '../../http/actor.js';
import { forbidden, notFound } from '../../http/errors.js';
import { readForm, pageParam } from '../../http/forms.js';
import { renderPage, redirectWithFlash } from '../../http/render.js';
import { catalogueColumns, parseCatalogueFile, toExchange, trainingsToCsv } from './catalogue-files.js';
import { importTrainings } from './import-trainings.js';
import { ModerationControls } from './moderation-controls.js';
import { createTraining, deleteTraining, trainingOwner, updateTraining } from './manage-trainings.js';
import { canPublishTrainingsFor, organisationOf, publishingMemberships } from './policy.js';
import { parseTrainingFilter, validateTraining, ZTrainingInput } from './schemas.js';
import { getTraining, listTrainings, organisationTrainings } from './training-repository.js';
import {
  formToInput,
  formValuesOf,
  ImportPage,
  OrganisationTrainingsPage,
  TrainingForm,
  TrainingListPage,
  TrainingPage,
  type TTrainingFormValues,
} from './views-trainings.js';

const perPage = 20;
/** Largest catalogue file accepted (2000 trainings of ordinary length fit well under it). */
const maxUploadBytes = 5 * 1024 * 1024;

function idParam(c: Context<AppEnv>, name = 'id'): number {
  const id = Number(c.req.param(name));
  if (!Number.isInteger(id) || id < 1) throw notFound();
  return id;
}

function filterQuery(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  url.searchParams.delete('page');
  url.searchParams.delete('lang');
  url.searchParams.delete('flash');
  const s = url.searchParams.toString();
  return s ? `?${s}` : '';
}

function attachment(c: Context<AppEnv>, body: string, type: string, name: string): Response {
  return c.body(body, 200, {
    'Content-Type': `${type}; charset=utf-8`,
    'Content-Disposition': `attachment; filename="${name}"`,
  });
}

/** Every training matching a filter, for exports (bounded: the catalogue is thousands, not millions). */
async function allMatching(c: Context<AppEnv>) {
  return (await listTrainings(c.get('db'), parseTrainingFilter(c.req.query()), { limit: 10_000 })).items;
}

export const trainingPages = new Hono<AppEnv>();

trainingPages.get('/trainings', async (c) => {
  const filter = parseTrainingFilter(c.req.query());
  const page = pageParam(c);
  const { items, total } = await listTrainings(c.get('db'), filter, { limit: perPage, offset: (page - 1) * perPage });
  const user = c.get('user');
  return renderPage(c, c.get('t')('training.list.title'), (v) => (
    <TrainingListPage
      v={v}
      filter={filter}
      items={items}
      total={total}
      page={page}
      pages={Math.max(1, Math.ceil(total / perPage))}
      canPublish={publishingMemberships(user).length > 0}
      query={filterQuery(c)}
    />
  ));
});

trainingPages.get('/trainings/export.csv', async (c) =>
  attachment(c, trainingsToCsv(await allMatching(c)), 'text/csv', 'trainings.csv'),
);
trainingPages.get('/trainings/export.json', async (c) =>
  attachment(
    c,
    JSON.stringify({ trainings: (await allMatching(c)).map(toExchange) }, null, 2),
    'application/json',
    'trainings.json',
  ),
);

async function orgChoices(c: Context<AppEnv>): Promise<[string, string][]> {
  return publishingMemberships(c.get('user')).map((m) => [String(m.organisationId), m.name]);
}

trainingPages.get('/trainings/new', async (c) => {
  requireUser(c);
  const t = c.get('t');
  const choices = await orgChoices(c);
  if (!choices.length)
    return renderPage(
      c,
      t('training.form.newTitle'),
      <>
        <h1>{t('training.form.newTitle')}</h1>
        <p>{t('training.form.noOrganisation')}</p>
      </>,
      { status: 403 },
    );
  const values: TTrainingFormValues = { organisation: c.req.query('organisation') ?? choices[0]![0] };
  return renderPage(c, t('training.form.newTitle'), (v) => (
    <TrainingForm
      v={v}
      action="/trainings/new"
      title={t('training.form.newTitle')}
      values={values}
      organisations={choices}
    />
  ));
});

trainingPages.post('/trainings/new', async (c) => {
  const user = requireUser(c);
  const t = c.get('t');
  const values = await readForm(c);
  const orgId = Number(values.organisation);
  const checked = validateTraining(ZTrainingInput, formToInput(values), t, 'form');
  if (!checked.ok) {
    const choices = await orgChoices(c);
    return renderPage(
      c,
      t('training.form.newTitle'),
      (v) => (
        <TrainingForm
          v={v}
          action="/trainings/new"
          title={t('training.form.newTitle')}
          values={values as TTrainingFormValues}
          errors={checked.errors}
          organisations={choices}
        />
      ),
      { status: 422 },
    );
  }
  const id = await createTraining(c.get('db'), user, orgId, checked.data);
  return redirectWithFlash(c, `/trainings/${id}`, 'training.flash.created');
});

trainingPages.get('/trainings/:id{[0-9]+}', async (c) => {
  const tr = await getTraining(c.get('db'), idParam(c));
  if (!tr) throw notFound();
  const canEdit = canPublishTrainingsFor(c.get('user'), await organisationOf(c.get('db'), tr.organisationId));
  if (tr.unpublished && !canActForOrganisation(c.get('user'), tr.organisationId)) throw notFound();
  const related = await c
    .get('contributions')
    .relatedResources?.(c.get('db'), viewContext(c), { trainingId: tr.id }, { headingLevel: 2 });
  return renderPage(c, tr.title, (v) => (
    <>
      <TrainingPage v={v} tr={tr} canEdit={canEdit} />
      {tr.unpublished && !isAdmin(c.get('user')) ? (
        <p class="notice">
          {v.t(tr.reviewPending ? 'training.moderation.state.pending' : 'training.moderation.state.unpublished')}
        </p>
      ) : null}
      {isAdmin(c.get('user')) ? (
        <ModerationControls
          v={v}
          base={`/trainings/${tr.id}`}
          state={tr.reviewPending ? 'pending' : tr.unpublished ? 'unpublished' : 'published'}
        />
      ) : null}
      {related}
    </>
  ));
});

async function editable(c: Context<AppEnv>) {
  const user = requireUser(c);
  const id = idParam(c);
  if (!canPublishTrainingsFor(user, await trainingOwner(c.get('db'), id))) throw forbidden();
  return { user, id };
}

trainingPages.get('/trainings/:id{[0-9]+}/edit', async (c) => {
  const { id } = await editable(c);
  const tr = (await getTraining(c.get('db'), id))!;
  const t = c.get('t');
  return renderPage(c, t('training.form.editTitle'), (v) => (
    <TrainingForm
      v={v}
      action={`/trainings/${id}/edit`}
      title={t('training.form.editTitle')}
      values={formValuesOf(tr)}
    />
  ));
});

trainingPages.post('/trainings/:id{[0-9]+}/edit', async (c) => {
  const { user, id } = await editable(c);
  const t = c.get('t');
  const values = await readForm(c);
  const checked = validateTraining(ZTrainingInput, formToInput(values), t, 'form');
  if (!checked.ok)
    return renderPage(
      c,
      t('training.form.editTitle'),
      (v) => (
        <TrainingForm
          v={v}
          action={`/trainings/${id}/edit`}
          title={t('training.form.editTitle')}
          values={values as TTrainingFormValues}
          errors={checked.errors}
        />
      ),
      { status: 422 },
    );
  await updateTraining(c.get('db'), user, id, checked.data);
  return redirectWithFlash(c, `/trainings/${id}`, 'flash.saved');
});

trainingPages.post('/trainings/:id{[0-9]+}/delete', async (c) => {
  const { user, id } = await editable(c);
  await deleteTraining(c.get('db'), user, id);
  return redirectWithFlash(c, '/trainings', 'training.flash.deleted');
});

async function orgForPublishing(c: Context<AppEnv>) {
  const user = requireUser(c);
  const org = await organisationOf(c.get('db'), idParam(c));
  if (!canPublishTrainingsFor(user, org)) throw forbidden();
  return { user, org };
}

trainingPages.get('/organisations/:id{[0-9]+}/trainings', async (c) => {
  const { org } = await orgForPublishing(c);
  const items = await organisationTrainings(c.get('db'), org.id);
  return renderPage(c, c.get('t')('training.org.title', { name: org.name }), (v) => (
    <OrganisationTrainingsPage v={v} org={org} items={items} />
  ));
});

trainingPages.get('/organisations/:id{[0-9]+}/trainings/export.csv', async (c) => {
  const { org } = await orgForPublishing(c);
  return attachment(
    c,
    trainingsToCsv(await organisationTrainings(c.get('db'), org.id)),
    'text/csv',
    `trainings-${org.slug}.csv`,
  );
});
trainingPages.get('/organisations/:id{[0-9]+}/trainings/export.json', async (c) => {
  const { org } = await orgForPublishing(c);
  return attachment(
    c,
    JSON.stringify({ trainings: (await organisationTrainings(c.get('db'), org.id)).map(toExchange) }, null, 2),
    'application/json',
    `trainings-${org.slug}.json`,
  );
});

const columnsText = catalogueColumns.join(', ');

trainingPages.get('/organisations/:id{[0-9]+}/trainings/import', async (c) => {
  const { org } = await orgForPublishing(c);
  return renderPage(c, c.get('t')('training.import.title', { name: org.name }), (v) => (
    <ImportPage v={v} org={org} columns={columnsText} />
  ));
});

trainingPages.post('/organisations/:id{[0-9]+}/trainings/import', async (c) => {
  const { user, org } = await orgForPublishing(c);
  const t = c.get('t');
  const title = t('training.import.title', { name: org.name });
  const file = (await readForm(c)).file;
  if (!(file instanceof File) || file.size === 0)
    return renderPage(
      c,
      title,
      (v) => <ImportPage v={v} org={org} columns={columnsText} formError={t('training.import.noFile')} />,
      { status: 422 },
    );
  if (file.size > maxUploadBytes)
    return renderPage(
      c,
      title,
      (v) => (
        <ImportPage
          v={v}
          org={org}
          columns={columnsText}
          errors={[{ line: 1, field: 'file', message: t('training.import.tooMany', { max: 2000 }) }]}
        />
      ),
      { status: 413 },
    );
  const parsed = parseCatalogueFile(file.name, new Uint8Array(await file.arrayBuffer()), t);
  if (!parsed.ok)
    return renderPage(c, title, (v) => <ImportPage v={v} org={org} columns={columnsText} errors={parsed.errors} />, {
      status: 422,
    });
  await importTrainings(c.get('db'), user, org.id, parsed.trainings);
  return redirectWithFlash(c, `/organisations/${org.id}/trainings`, 'training.flash.imported');
});
