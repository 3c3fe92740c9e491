import type { TMessageKey } from '../../i18n/index.js';
import type { TViewContext } from '../../views/context.js';
import type { TRelatedResource } from './find-related-resources.js';

/**
 * A small "Related resources" section for workshop, lever and training pages. Fetch the items with
 * `relatedResources(db, { leverSlug | workshopId | trainingId })` and pass them; nothing is rendered when empty.
 */
export function RelatedResources(props: {
  v: TViewContext;
  items: TRelatedResource[];
  headingLevel?: 2 | 3;
  moreHref?: string;
}) {
  const { v, items } = props;
  if (!items.length) return null;
  const id = 'related-resources-title';
  const heading = v.t('knowledge.related.title');
  return (
    <section aria-labelledby={id} class="related-resources">
      {props.headingLevel === 3 ? <h3 id={id}>{heading}</h3> : <h2 id={id}>{heading}</h2>}
      <ul>
        {items.map((r) => (
          <li>
            <a href={`/resources/${r.id}`} lang={r.language}>
              {r.title}
            </a>{' '}
            · {v.t(`knowledge.kind.${r.kind}` as TMessageKey)} · {r.organisationName}
          </li>
        ))}
      </ul>
      {props.moreHref ? (
        <p>
          <a href={props.moreHref}>{v.t('knowledge.related.more')}</a>
        </p>
      ) : null}
    </section>
  );
}
