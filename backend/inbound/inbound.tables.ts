export interface InboundTables {
  inboundKey: InboundKeyTable;
  inboundMessage: InboundMessageTable;
}

/** A key the vendor's ERP calls the inbound API with; the key itself is shown once, never kept. */
export interface InboundKeyTable {
  id: string;
  name: string;
  /** The key's first characters, to tell keys apart in the console. */
  prefix: string;
  /** SHA-256 of the key, hex. */
  keyHash: string;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export type InboundKind = 'order_update' | 'invoice' | 'payment';

/** A message that was applied, under the ERP's own id: a retry gets the same answer. */
export interface InboundMessageTable {
  id: string;
  kind: InboundKind;
  externalId: string;
  /** SHA-256 of the validated message, to tell a retry from other content under the same id. */
  requestHash: string;
  /** The HTTP status and JSON body it was answered with. */
  status: number;
  response: string;
  keyId: string;
  createdAt: string;
}
