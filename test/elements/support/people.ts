/** The people the element tests sign in as; the WTR plugin creates them before any test runs. */
export const anna = {
  name: 'Anna Bērziņa',
  email: 'anna@test.example',
  password: 'correct horse battery',
} as const;

/** A second customer in an account of his own: what he has, Anna must never see. */
export const ben = {
  name: 'Ben Ozols',
  email: 'ben@test.example',
  password: 'correct horse battery',
} as const;

/** One of the vendor's agents, for the staff side of a test (posting payments, shipping). */
export const agent = {
  name: 'Jonas Weber',
  email: 'agent@test.example',
  password: 'correct horse battery',
} as const;

/** A customer who only chats, so the chat tests never meet a conversation another test left open. */
export const carla = {
  name: 'Carla Ozoliņa',
  email: 'carla@test.example',
  password: 'correct horse battery',
} as const;

/** A second agent, to pass chats to. */
export const agentTwo = {
  name: 'Mara Kalniņa',
  email: 'mara@test.example',
  password: 'correct horse battery',
} as const;

/** The vendor's administrator, for the settings the agents may not change. */
export const admin = {
  name: 'Ilze Admin',
  email: 'admin@test.example',
  password: 'correct horse battery',
} as const;
