import { z } from 'zod';

/**
 * A mapping file (`--mapping map.json`): which source column feeds which canonical column, value maps (e.g. the
 * category names of an asset tool → Techcare categories) and defaults for absent columns.
 */
export const ZInventoryMapping = z.object({
  columns: z.record(z.string(), z.string()).default({}),
  values: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  defaults: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  /**
   * Rows left out by the value of a column of the file (compared like headers: case and accents ignored), e.g.
   * `{ "Statut": ["Au rebut", "En stock"] }`: devices scrapped or waiting in stock are not in use this year.
   */
  skip: z.record(z.string(), z.array(z.string())).default({}),
  description: z.string().optional(),
});
export type TInventoryMapping = z.infer<typeof ZInventoryMapping>;
export type TInventoryMappingInput = z.input<typeof ZInventoryMapping>;

/** Built-in presets for common asset-tool exports; documented in docs/inventory-formats.md. */
export const PRESETS: Record<string, TInventoryMappingInput> = {
  // GLPI: export of the Computers / Monitors / Phones / Network devices lists (CSV, `;`, French interface).
  glpi: {
    description: 'GLPI list export (Parc > Ordinateurs, Moniteurs, Téléphones, Matériels réseau)',
    columns: {
      Nom: 'label',
      Type: 'category',
      Modèle: 'model',
      Lieu: 'site',
      Entité: 'entity',
      "Date d'achat": 'purchase_year',
      'Date de mise en service': 'purchase_year',
    },
    // GLPI's statuses are set by each site; these are the usual French and English names of stock and disposal.
    skip: {
      Statut: [
        'En stock',
        'Stock',
        'Au rebut',
        'Rebut',
        'Mis au rebut',
        'Réformé',
        'Recyclé',
        'Détruit',
        'Vendu',
        'In stock',
        'Scrapped',
        'Disposed',
        'Recycled',
        'Sold',
      ],
    },
    values: {
      category: {
        Portable: 'laptop',
        'Ordinateur portable': 'laptop',
        Laptop: 'laptop',
        Notebook: 'laptop',
        Desktop: 'desktop',
        'Ordinateur de bureau': 'desktop',
        'Unité centrale': 'desktop',
        Tour: 'desktop',
        'Station de travail': 'desktop',
        Serveur: 'server',
        Server: 'server',
        Moniteur: 'monitor',
        Monitor: 'monitor',
        Écran: 'monitor',
        Tablette: 'tablet',
        Tablet: 'tablet',
        Smartphone: 'smartphone',
        'Téléphone mobile': 'smartphone',
        'Téléphone IP': 'ip_phone',
        Switch: 'network_switch',
        Commutateur: 'network_switch',
        'Borne Wi-Fi': 'wifi_access_point',
        'Point d’accès': 'wifi_access_point',
        Routeur: 'box',
        Imprimante: 'printer',
        Printer: 'printer',
      },
    },
  },
  // Snipe-IT: Assets > Export (CSV, `,`, English interface, default categories).
  'snipe-it': {
    description: 'Snipe-IT assets export (default categories)',
    columns: {
      'Asset Tag': 'label',
      Model: 'model',
      Category: 'category',
      Location: 'site',
      Company: 'entity',
      'Purchase Date': 'purchase_year',
    },
    // Snipe-IT's default status labels: "Ready to Deploy" is stock; archived, broken beyond repair, lost or stolen
    // devices are no longer in use. "Deployed" (and "Pending", "Out for Repair") stay counted.
    skip: { Status: ['Ready to Deploy', 'Archived', 'Broken - Not Fixable', 'Lost/Stolen'] },
    values: {
      category: {
        Laptops: 'laptop',
        Laptop: 'laptop',
        Desktops: 'desktop',
        Desktop: 'desktop',
        Monitors: 'monitor',
        Displays: 'monitor',
        'Mobile Phones': 'smartphone',
        Phones: 'smartphone',
        Tablets: 'tablet',
        Printers: 'printer',
        Servers: 'server',
        Networking: 'network_switch',
        Switches: 'network_switch',
        'VoIP Phones': 'ip_phone',
        'Access Points': 'wifi_access_point',
      },
    },
  },
  // Microsoft Intune: Devices > All devices > Export (CSV or Excel). The OS column is the only type hint: Windows
  // and macOS devices are taken as laptops (assumption stated in the docs), iOS as smartphones, iPadOS as tablets.
  intune: {
    description: 'Microsoft Intune “All devices” export (CSV or Excel)',
    columns: {
      'Device name': 'label',
      Model: 'model',
      OS: 'category',
      'Operating system': 'category',
      Ownership: 'entity',
    },
    values: {
      category: {
        Windows: 'laptop',
        macOS: 'laptop',
        iOS: 'smartphone',
        iPadOS: 'tablet',
        'iOS/iPadOS': 'smartphone',
        Android: 'smartphone',
        'Android (personally-owned work profile)': 'smartphone',
        Linux: 'laptop',
      },
    },
  },
};

/** Resolves a preset name (case-insensitive) to its mapping; undefined when unknown. */
export function getPreset(name: string): TInventoryMapping | undefined {
  const p = PRESETS[name.toLowerCase()];
  return p ? ZInventoryMapping.parse(p) : undefined;
}
