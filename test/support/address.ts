/** A valid delivery address for tests, in a module with no server imports so browsers load it. */
export const ADDRESS = {
  name: 'Anna Bērziņa',
  company: 'Café Aurora',
  line1: 'Brīvības iela 42',
  postalCode: 'LV-1010',
  city: 'Rīga',
  country: 'LV',
};
