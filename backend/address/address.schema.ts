import { z } from 'zod';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

const text = (max: number) => z.string().trim().max(max);

/** A postal address as customers enter it; the country is an ISO 3166-1 alpha-2 code. */
export const addressSchema = z.strictObject({
  name: text(100).min(1, 'Enter the name of the person or team receiving it.'),
  company: text(100).default(''),
  line1: text(120).min(1, 'Enter the street and number.'),
  line2: text(120).default(''),
  postalCode: text(16)
    .min(1, 'Enter the postal code.')
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} -]*$/u, 'Use letters, digits, spaces and dashes only.'),
  city: text(80).min(1, 'Enter the city.'),
  region: text(80).default(''),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'Choose a country.')
    .refine((code) => regionNames.of(code) !== undefined, 'Choose a country.'),
  phone: text(30)
    .regex(/^[+0-9 ()./-]*$/, 'Use digits, spaces and + ( ) - only.')
    .default(''),
});

export type Address = z.infer<typeof addressSchema>;

export function parseStoredAddress(value: string): Address {
  return addressSchema.parse(JSON.parse(value));
}
