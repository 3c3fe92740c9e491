import type { TViewContext } from '../../views/context.js';
import { manifestoText, type TAudience } from './versions.js';

/** One version of the manifesto as an article: title, introduction, numbered commitments. */
export function ManifestoText(p: { v: TViewContext; version: string; audience: TAudience; level?: 2 | 3 }) {
  const text = manifestoText(p.v.t, p.version, p.audience);
  const id = `manifesto-${p.audience}`;
  return (
    <article aria-labelledby={id}>
      {p.level === 3 ? <h3 id={id}>{text.title}</h3> : <h2 id={id}>{text.title}</h2>}
      <p>{p.v.t('manifesto.versionLabel', { version: p.version })}</p>
      <p>{text.intro}</p>
      <ol>
        {text.commitments.map((c) => (
          <li>{c}</li>
        ))}
      </ol>
    </article>
  );
}
