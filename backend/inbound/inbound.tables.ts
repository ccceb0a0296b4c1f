/** The tables of this domain (filled in with the domain). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InboundTables {}
