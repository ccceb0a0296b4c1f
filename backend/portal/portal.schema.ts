import { z } from 'zod';

export const LOCALES = ['en', 'de', 'lv', 'hr', 'el', 'fa'] as const;
export type Locale = (typeof LOCALES)[number];

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a color such as #1d4ed8');

/** The vendor's public branding, shown by every element. */
export const portalSettingsSchema = z.strictObject({
  vendorName: z.string().trim().min(1).max(100),
  logoUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable(),
  colors: z.strictObject({ brand: hexColor, brandContrast: hexColor }),
  locales: z.array(z.enum(LOCALES)).min(1).max(LOCALES.length),
  defaultLocale: z.enum(LOCALES),
  /** ISO 4217 code every price is in. */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO currency code such as EUR')
    .default('EUR'),
  /** The seller's legal name, address and tax number as printed on invoices, one per line. */
  sellerDetails: z.string().trim().max(500).default(''),
  /** The categories a customer picks from when opening a ticket; none means no category. */
  ticketCategories: z
    .array(z.string().trim().min(1).max(60))
    .max(30)
    .refine((list) => new Set(list).size === list.length, 'Each category once.')
    .default([]),
  /** Where new-ticket notices go; when empty, to every staff member. Never shown publicly. */
  supportInbox: z.email().max(200).nullable().default(null),
  /** How long a chat waits for an agent to pick it up before it becomes a ticket. */
  chatWaitSeconds: z.int().min(1).max(3600).default(180),
});

export type PortalSettings = z.output<typeof portalSettingsSchema>;

export const DEFAULT_PORTAL_SETTINGS: PortalSettings = {
  vendorName: 'Portico',
  logoUrl: null,
  colors: { brand: '#1d4ed8', brandContrast: '#ffffff' },
  locales: [...LOCALES],
  defaultLocale: 'en',
  currency: 'EUR',
  sellerDetails: '',
  ticketCategories: [],
  supportInbox: null,
  chatWaitSeconds: 180,
};

/** What any visitor may read: everything but the staff's own addresses. */
export function publicPortalSettings(settings: PortalSettings) {
  const { supportInbox: _inbox, chatWaitSeconds: _wait, ...rest } = settings;
  return rest;
}
