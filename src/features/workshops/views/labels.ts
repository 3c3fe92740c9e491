import type { TMessageKey } from '../../../i18n/index.js';
import type { TViewContext } from '../../../views/context.js';
import { formats, levelIds, themes } from '../schemas.js';

export const themeLabel = (v: TViewContext, theme: string) => v.t(`workshops.theme.${theme}` as TMessageKey);
export const formatLabel = (v: TViewContext, format: string) => v.t(`workshops.format.${format}` as TMessageKey);
export const levelLabel = (v: TViewContext, level: number) => v.t(`workshops.level.${level}` as TMessageKey);
export const statusLabel = (v: TViewContext, status: string) => v.t(`workshops.status.${status}` as TMessageKey);

export const themeOptions = (v: TViewContext): [string, string][] => themes.map((x) => [x, themeLabel(v, x)]);
export const formatOptions = (v: TViewContext): [string, string][] => formats.map((x) => [x, formatLabel(v, x)]);
export const levelOptions = (v: TViewContext): [string, string][] => levelIds.map((x) => [String(x), levelLabel(v, x)]);
