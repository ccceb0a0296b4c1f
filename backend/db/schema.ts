import type { ColumnType, Generated, Selectable } from 'kysely';
import type { TicketTables } from '../ticket/ticket.tables.ts';
import type { HelpTables } from '../help/help.tables.ts';
import type { ChatTables } from '../chat/chat.tables.ts';
import type { SecurityTables } from '../security/security.tables.ts';
import type { EventTables } from '../events/event.tables.ts';
import type { NotificationTables } from '../notification/notification.tables.ts';
import type { ReminderTables } from '../reminder/reminder.tables.ts';
import type { AnnouncementTables } from '../announcement/announcement.tables.ts';
import type { WebhookTables } from '../webhook/webhook.tables.ts';
import type { InboundTables } from '../inbound/inbound.tables.ts';

/**
 * The tables Portico's own code reads and writes. better-auth owns `user`, `session`,
 * `account`, `verification`, `organization`, `member` and `invitation`; only the columns our
 * queries touch are typed here.
 */
export interface Database
  extends
    TicketTables,
    HelpTables,
    ChatTables,
    SecurityTables,
    EventTables,
    NotificationTables,
    ReminderTables,
    AnnouncementTables,
    WebhookTables,
    InboundTables {
  user: UserTable;
  session: SessionTable;
  organization: OrganizationTable;
  member: MemberTable;
  setting: SettingTable;
  category: CategoryTable;
  categoryText: CategoryTextTable;
  product: ProductTable;
  productText: ProductTextTable;
  address: AddressTable;
  order: OrderTable;
  orderLine: OrderLineTable;
  orderEvent: OrderEventTable;
  ledgerCounter: LedgerCounterTable;
  invoice: InvoiceTable;
  invoiceLine: InvoiceLineTable;
  payment: PaymentTable;
  creditNote: CreditNoteTable;
  allocation: AllocationTable;
  preference: PreferenceTable;
  invitation: InvitationTable;
}

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface UserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: ColumnType<boolean, boolean | number, boolean | number>;
  image: string | null;
  role: string | null;
  /** Set by better-auth's two-factor plugin once a second factor is on. */
  twoFactorEnabled: ColumnType<boolean | null, boolean | number, boolean | number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface SessionTable {
  id: string;
  token: string;
  userId: string;
  expiresAt: Timestamp;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  ipAddress: string | null;
  userAgent: string | null;
  activeOrganizationId: string | null;
}

export interface OrganizationTable {
  id: string;
  name: string;
  slug: string;
  logo: string | null;
  metadata: string | null;
  createdAt: Timestamp;
}

export interface MemberTable {
  id: string;
  organizationId: string;
  userId: string;
  role: string;
  createdAt: Timestamp;
}

/** Vendor settings as JSON values under a key; `portal` holds the public branding. */
export interface SettingTable {
  key: string;
  value: string;
  updatedAt: Generated<string>;
}

export interface CategoryTable {
  id: string;
  position: number;
}

export interface CategoryTextTable {
  categoryId: string;
  locale: string;
  name: string;
}

/** Times are ISO-8601 UTC strings, so they sort as text on every engine. */
export interface ProductTable {
  id: string;
  sku: string;
  categoryId: string;
  kind: 'product' | 'service';
  unitPrice: number;
  currency: string;
  /** Basis points: 2100 is 21 %. */
  taxRate: number;
  /** Units on hand; null for services and anything else that never runs out. */
  stock: number | null;
  /** An absolute URL, or a path under the backend's /media/. */
  image: string | null;
  active: ColumnType<number, number | undefined, number>;
  /** Lower-cased, accent-free SKU and names in every locale, for catalog search. */
  searchText: string;
  createdAt: string;
  updatedAt: string;
}

export interface ProductTextTable {
  productId: string;
  locale: string;
  name: string;
  description: string;
}

export interface AddressTable {
  id: string;
  accountId: string;
  label: string;
  /** The address itself as JSON (see `addressSchema`). */
  value: string;
  isDefault: ColumnType<number, number | undefined, number>;
  createdAt: string;
}

export type OrderStatus = 'placed' | 'confirmed' | 'shipped' | 'delivered' | 'cancelled';

export interface OrderTable {
  id: string;
  /** What people read and say on the phone; random, so it reveals no order volume. */
  number: string;
  accountId: string;
  placedBy: string | null;
  status: OrderStatus;
  currency: string;
  subtotal: number;
  tax: number;
  shipping: number;
  total: number;
  address: string;
  note: string;
  trackingNumber: string | null;
  /** The day delivery was promised (`YYYY-MM-DD`); an order undelivered after it is late. */
  promisedOn: string | null;
  idempotencyKey: string;
  /** A digest of the placing request, to tell a retry from a different order under the same key. */
  requestHash: string;
  searchText: string;
  createdAt: string;
  updatedAt: string;
}

export interface OrderLineTable {
  id: string;
  orderId: string;
  position: number;
  productId: string | null;
  sku: string;
  name: string;
  kind: 'product' | 'service';
  quantity: number;
  unitPrice: number;
  taxRate: number;
  subtotal: number;
  tax: number;
}

export interface OrderEventTable {
  id: string;
  orderId: string;
  type: string;
  actorId: string | null;
  actorName: string;
  actorRole: 'customer' | 'staff' | 'system';
  detail: string;
  at: string;
}

export interface LedgerCounterTable {
  key: string;
  value: number;
}

/** Dates without a time (`issuedOn`, `dueOn`) are `YYYY-MM-DD`; money is in minor units. */
export interface InvoiceTable {
  id: string;
  number: string;
  accountId: string;
  /** The order it bills; null for an invoice staff wrote by hand. */
  orderId: string | null;
  currency: string;
  issuedOn: string;
  dueOn: string;
  subtotal: number;
  tax: number;
  total: number;
  /** The billing name and address as JSON (see `addressSchema`). */
  billTo: string;
  note: string;
  /** 1 while money is due on it; `settle` keeps it in step with the allocations. */
  awaitingPayment: number;
  voidedAt: string | null;
  voidReason: string | null;
  createdBy: string;
  createdAt: string;
}

export interface InvoiceLineTable {
  id: string;
  invoiceId: string;
  position: number;
  sku: string;
  description: string;
  quantity: number;
  unitPrice: number;
  taxRate: number;
  subtotal: number;
  tax: number;
}

export type PaymentMethod = 'bank_transfer' | 'card' | 'cash' | 'other';

export interface PaymentTable {
  id: string;
  accountId: string;
  amount: number;
  currency: string;
  receivedOn: string;
  method: PaymentMethod;
  reference: string;
  idempotencyKey: string;
  postedBy: string;
  createdAt: string;
}

export interface CreditNoteTable {
  id: string;
  number: string;
  accountId: string;
  invoiceId: string | null;
  amount: number;
  currency: string;
  issuedOn: string;
  reason: string;
  createdBy: string;
  createdAt: string;
}

export interface AllocationTable {
  id: string;
  invoiceId: string;
  paymentId: string | null;
  creditNoteId: string | null;
  amount: number;
  createdAt: string;
}

export interface PreferenceTable {
  userId: string;
  locale: string | null;
  updatedAt: string;
}

/** better-auth's organization invitations, which Portico's account procedures manage. */
export interface InvitationTable {
  id: string;
  organizationId: string;
  email: string;
  role: string | null;
  status: string;
  /** ISO strings, as better-auth writes them to SQLite. */
  expiresAt: string;
  inviterId: string;
  createdAt: string;
}

export type User = Selectable<UserTable>;
export type Product = Selectable<ProductTable>;
export type Order = Selectable<OrderTable>;
