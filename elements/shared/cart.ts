import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the cart remembers of a product to show it without asking the server; never a price. */
export interface CartSnapshot {
  name: string;
  /** In minor units of `currency`, as the catalog showed it when added; the quote decides. */
  unitPrice: number;
  currency: string;
  image: string | null;
  kind: 'product' | 'service';
  /** Units on hand when added, or null when it never runs out. */
  stock: number | null;
}

export interface CartLine {
  productId: string;
  quantity: number;
  snapshot: CartSnapshot | null;
}

/** The server's limits (backend/order/order.schema.ts): the cart never holds what it refuses. */
export const MAX_QUANTITY = 9999;
export const MAX_LINES = 100;

const clampQuantity = (quantity: number) =>
  Math.min(MAX_QUANTITY, Math.max(1, Math.trunc(quantity) || 1));

const stores = new Map<string, CartStore>();

/**
 * The customer's cart for one backend, kept in localStorage so it survives a reload and is the
 * same in every tab and every element of the page. Anything may add to it, such as a "reorder"
 * in `<portico-account-summary>`: `CartStore.for(api.url).add(productId, quantity, snapshot)`.
 */
export class CartStore {
  /** The page's one cart for the backend at `apiUrl`. */
  static for(apiUrl: string): CartStore {
    const origin = new URL(apiUrl, location.href).origin;
    let store = stores.get(origin);
    if (!store) {
      store = new CartStore(`portico:cart:${origin}`);
      stores.set(origin, store);
    }
    return store;
  }

  readonly key: string;
  #lines: CartLine[] = [];
  readonly #listeners = new Set<() => void>();

  private constructor(key: string) {
    this.key = key;
  }

  get lines(): readonly CartLine[] {
    this.#refresh();
    return this.#lines;
  }

  /** How many units in all. */
  get count(): number {
    return this.lines.reduce((sum, line) => sum + line.quantity, 0);
  }

  quantityOf(productId: string): number {
    return this.lines.find((line) => line.productId === productId)?.quantity ?? 0;
  }

  /** Adds units of a product (a new line, or more of an existing one); false when full. */
  add(productId: string, quantity = 1, snapshot: CartSnapshot | null = null): boolean {
    return this.#change((lines) => {
      if (lines.some((line) => line.productId === productId)) {
        return lines.map((line) =>
          line.productId === productId
            ? {
                ...line,
                quantity: clampQuantity(line.quantity + quantity),
                snapshot: snapshot ?? line.snapshot,
              }
            : line,
        );
      }
      if (lines.length >= MAX_LINES) return lines;
      return [...lines, { productId, quantity: clampQuantity(quantity), snapshot }];
    });
  }

  /** Fills in what a line added without one (such as by id alone) looks like. */
  describe(productId: string, snapshot: CartSnapshot): boolean {
    return this.#change((lines) =>
      lines.map((line) => (line.productId === productId ? { ...line, snapshot } : line)),
    );
  }

  /** Sets a line's quantity, kept between 1 and the server's maximum. */
  set(productId: string, quantity: number): boolean {
    return this.#change((lines) =>
      lines.map((line) =>
        line.productId === productId ? { ...line, quantity: clampQuantity(quantity) } : line,
      ),
    );
  }

  remove(productId: string): boolean {
    return this.#change((lines) => lines.filter((line) => line.productId !== productId));
  }

  clear(): boolean {
    return this.#change(() => []);
  }

  /** Calls `listener` after every change, here or in another tab; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    if (this.#listeners.size === 0) {
      this.#refresh();
      window.addEventListener('storage', this.#onStorage);
    }
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) window.removeEventListener('storage', this.#onStorage);
    };
  }

  readonly #onStorage = (event: StorageEvent) => {
    // `key` is null when another tab cleared all of storage.
    if (event.storageArea !== localStorage || (event.key !== null && event.key !== this.key))
      return;
    this.#lines = this.#read();
    this.#notify();
  };

  /** Without listeners nothing follows the storage event, so the stored cart is read again. */
  #refresh(): void {
    if (this.#listeners.size === 0) this.#lines = this.#read();
  }

  #change(next: (lines: CartLine[]) => CartLine[]): boolean {
    this.#refresh();
    const lines = next(this.#lines);
    if (JSON.stringify(lines) === JSON.stringify(this.#lines)) return false;
    this.#lines = lines;
    try {
      if (lines.length) localStorage.setItem(this.key, JSON.stringify({ lines }));
      else localStorage.removeItem(this.key);
    } catch {
      // Storage is full or blocked (private mode): the cart still works until the page closes.
    }
    this.#notify();
    return true;
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }

  /** The stored cart, dropping whatever does not look like a line (old versions, edits). */
  #read(): CartLine[] {
    let stored: unknown;
    try {
      stored = JSON.parse(localStorage.getItem(this.key) ?? 'null');
    } catch {
      return [];
    }
    const lines = (stored as { lines?: unknown } | null)?.lines;
    if (!Array.isArray(lines)) return [];
    const seen = new Set<string>();
    const valid: CartLine[] = [];
    for (const line of lines as Partial<CartLine>[]) {
      const { productId, quantity } = line ?? {};
      if (typeof productId !== 'string' || !productId || productId.length > 64) continue;
      if (typeof quantity !== 'number' || !Number.isFinite(quantity) || seen.has(productId))
        continue;
      seen.add(productId);
      valid.push({ productId, quantity: clampQuantity(quantity), snapshot: snapshotOf(line) });
      if (valid.length === MAX_LINES) break;
    }
    return valid;
  }
}

function snapshotOf(line: Partial<CartLine>): CartSnapshot | null {
  const snapshot = line.snapshot as Partial<CartSnapshot> | null | undefined;
  if (!snapshot || typeof snapshot.name !== 'string') return null;
  if (typeof snapshot.unitPrice !== 'number' || typeof snapshot.currency !== 'string') return null;
  return {
    name: snapshot.name,
    unitPrice: snapshot.unitPrice,
    currency: snapshot.currency,
    image: typeof snapshot.image === 'string' ? snapshot.image : null,
    kind: snapshot.kind === 'service' ? 'service' : 'product',
    stock: typeof snapshot.stock === 'number' ? snapshot.stock : null,
  };
}

/**
 * Follows a `CartStore` for an element: re-renders it on every change and unsubscribes when it
 * leaves the page. `use()` switches stores when the element's API changes.
 */
export class CartController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #onChange: () => void;
  #store: CartStore | undefined;
  #unsubscribe: (() => void) | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost, onChange: () => void = () => {}) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
  }

  get store(): CartStore | undefined {
    return this.#store;
  }

  get lines(): readonly CartLine[] {
    return this.#store?.lines ?? [];
  }

  use(store: CartStore | undefined): void {
    if (store === this.#store) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#store = store;
    if (this.#connected) this.#subscribe();
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#subscribe();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #subscribe(): void {
    if (!this.#store || this.#unsubscribe) return;
    this.#unsubscribe = this.#store.subscribe(() => {
      this.#host.requestUpdate();
      this.#onChange();
    });
    this.#host.requestUpdate();
  }
}
