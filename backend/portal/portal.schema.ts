import { z } from 'zod';
import { TICKET_KINDS } from '../ticket/ticket.schema.ts';

export const LOCALES = ['en', 'de', 'lv', 'hr', 'el', 'fa'] as const;
export type Locale = (typeof LOCALES)[number];

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A colour such as #1d4ed8.');

/** The vendor's public branding, shown by every element. */
export const portalSettingsSchema = z.strictObject({
  vendorName: z
    .string()
    .trim()
    .min(1, 'Enter the name your customers know you by.')
    .max(100, 'At most 100 characters.'),
  logoUrl: z
    .url({ protocol: /^https?$/, error: 'The https:// address of an image, or nothing.' })
    .max(500, 'At most 500 characters.')
    .nullable(),
  colors: z.strictObject({ brand: hexColor, brandContrast: hexColor }),
  locales: z.array(z.enum(LOCALES)).min(1, 'Offer at least one language.').max(LOCALES.length),
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
    .array(
      z
        .string()
        .trim()
        .min(1, 'A category needs a name.')
        .max(60, 'At most 60 characters per category.'),
    )
    .max(30, 'At most 30 categories.')
    .refine((list) => new Set(list).size === list.length, 'Each category once.')
    .default([]),
  /** The kinds a customer may open a ticket as (question, complaint, concern), at least one. */
  ticketKinds: z
    .array(z.enum(TICKET_KINDS))
    .min(1, 'Offer at least one kind of ticket.')
    .max(TICKET_KINDS.length)
    .default([...TICKET_KINDS]),
  /** Where new-ticket notices go; when empty, to every staff member. Never shown publicly. */
  supportInbox: z
    .email('An email address such as support@vendor.example, or nothing.')
    .max(200)
    .nullable()
    .default(null),
  /** How long a chat waits for an agent to pick it up before it becomes a ticket. */
  chatWaitSeconds: z
    .int('A whole number of seconds.')
    .min(1, 'At least 1 second.')
    .max(3600, 'At most 3600 seconds (an hour).')
    .default(180),
});

export type PortalSettings = z.output<typeof portalSettingsSchema>;

/**
 * What an administrator saves: the stored shape plus rules between fields. Settings stored before
 * these rules still load (a read falls back to the defaults only when the shape is wrong).
 */
export const portalSettingsInput = portalSettingsSchema
  .refine((settings) => new Set(settings.locales).size === settings.locales.length, {
    message: 'Each language once.',
    path: ['locales'],
  })
  .refine((settings) => new Set(settings.ticketKinds).size === settings.ticketKinds.length, {
    message: 'Each kind once.',
    path: ['ticketKinds'],
  })
  .refine((settings) => settings.locales.includes(settings.defaultLocale), {
    message: 'The default language must be one of the languages offered.',
    path: ['defaultLocale'],
  });

export const DEFAULT_PORTAL_SETTINGS: PortalSettings = {
  vendorName: 'Portico',
  logoUrl: null,
  colors: { brand: '#1d4ed8', brandContrast: '#ffffff' },
  locales: [...LOCALES],
  defaultLocale: 'en',
  currency: 'EUR',
  sellerDetails: '',
  ticketCategories: [],
  ticketKinds: [...TICKET_KINDS],
  supportInbox: null,
  chatWaitSeconds: 180,
};

/** What any visitor may read: everything but the staff's own addresses. */
export function publicPortalSettings(settings: PortalSettings) {
  const { supportInbox: _inbox, chatWaitSeconds: _wait, ...rest } = settings;
  return rest;
}
