import type { Context } from 'hono';
import type { AppEnv } from '../../http/env.js';
import { PROBLEM_TYPE_BASE } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';

/** The problem codes most routes may answer, each explained at "#problem-<code>" (where `/api/v1/problems/<code>` leads). */
export const commonProblems = [
  ['invalid_input', 400],
  ['unauthenticated', 401],
  ['invalid_token', 401],
  ['forbidden', 403],
  ['not_found', 404],
  ['already_registered', 409],
  ['payload_too_large', 413],
  ['unsupported_media_type', 415],
  ['invalid_inventory', 422],
  ['internal', 500],
] as const;

/** An example problem, as a client receives it for an inventory with an unknown category on line 3. */
const EXAMPLE = JSON.stringify(
  {
    type: `${PROBLEM_TYPE_BASE}invalid_inventory`,
    title: 'Unprocessable Content',
    status: 422,
    detail: '1 line error(s); nothing was saved',
    instance: '/api/v1/organisations/12/inventories/2025',
    code: 'invalid_inventory',
    errors: [{ field: 'category', line: 3, column: 'category', message: 'unknown category "laptopp"' }],
    error: {
      code: 'invalid_inventory',
      message: '1 line error(s); nothing was saved',
      details: [{ line: 3, column: 'category', message: 'unknown category "laptopp"' }],
    },
  },
  null,
  2,
);

/**
 * /developers: how to use the JSON API (authentication, casing, pagination, errors); the reference of every
 * operation is /api/v1/openapi.json.
 */
export function apiDocsPage(c: Context<AppEnv>) {
  const t = c.get('t');
  return renderPage(
    c,
    t('site.api.title'),
    <article>
      <h1>{t('site.api.title')}</h1>
      <p>{t('site.api.lead')}</p>
      <p>
        <a href="/api/v1/openapi.json">{t('site.api.openapi')}</a>
      </p>

      <h2 id="authentication">{t('site.api.auth.title')}</h2>
      <p>{t('site.api.auth.text')}</p>
      <pre class="example">
        <code>Authorization: Bearer &lt;token&gt;</code>
      </pre>
      <p>{t('site.api.auth.errors')}</p>

      <h2 id="casing">{t('site.api.casing.title')}</h2>
      <p>{t('site.api.casing.text')}</p>

      <h2 id="pagination">{t('site.api.pagination.title')}</h2>
      <p>{t('site.api.pagination.text')}</p>
      <ul>
        <li>
          <code>page</code> — {t('site.api.pagination.page')}
        </li>
        <li>
          <code>per_page</code> — {t('site.api.pagination.perPage')}
        </li>
        <li>
          <code>Link</code> — {t('site.api.pagination.link')}
        </li>
        <li>
          <code>X-Total-Count</code> — {t('site.api.pagination.total')}
        </li>
      </ul>
      <pre class="example">
        <code>
          {
            'Link: </api/v1/workshops?page=1&per_page=20>; rel="first", </api/v1/workshops?page=3&per_page=20>; rel="last", </api/v1/workshops?page=2&per_page=20>; rel="next"\nX-Total-Count: 57'
          }
        </code>
      </pre>

      <h2 id="errors">{t('site.api.errors.title')}</h2>
      <p>{t('site.api.errors.text')}</p>
      <ul>
        <li>
          <code>type</code> — {t('site.api.errors.type', { base: PROBLEM_TYPE_BASE })}
        </li>
        <li>
          <code>title</code>, <code>status</code>, <code>detail</code>, <code>instance</code> —{' '}
          {t('site.api.errors.members')}
        </li>
        <li>
          <code>code</code> — {t('site.api.errors.code')}
        </li>
        <li>
          <code>errors</code> — {t('site.api.errors.fields')}
        </li>
        <li>
          <code>error</code> — {t('site.api.errors.legacy')}
        </li>
      </ul>
      <p>{t('site.api.errors.example')}</p>
      <pre class="example">
        <code>{'HTTP/1.1 422 Unprocessable Content\nContent-Type: application/problem+json\n\n' + EXAMPLE}</code>
      </pre>

      <h3 id="problem-types">{t('site.api.problems.title')}</h3>
      <dl>
        {commonProblems.map(([code, status]) => (
          <>
            <dt id={`problem-${code}`}>
              <code>{code}</code> ({status})
            </dt>
            <dd>{t(`site.api.problem.${code}`)}</dd>
          </>
        ))}
      </dl>
      <p>{t('site.api.problems.others')}</p>
    </article>,
  );
}
