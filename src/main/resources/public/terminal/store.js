// IndexedDB persistence for the terminal: one database per origin ("paragon-terminal"), one object
// store "kv" of named records, written whole. What lives here (keys): "device" (token, device id,
// shop), "session" (cashier), "config" (the applied configuration), "receipts" (local state: space,
// seq, receipts), "outbox" (next command number, pending and settling entries), "lang". The outbox
// and the receipts are written in one transaction, so a reload never sees a command without the
// state it was previewed on, nor the reverse.

const DB_NAME = 'paragon-terminal';
const STORE = 'kv';

function promised(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export class Store {
  /** Opens (and on first use creates) the database; {@code name} lets tests use their own. */
  static async open(name = DB_NAME) {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    return new Store(await promised(request));
  }

  constructor(db) {
    this.db = db;
  }

  async get(key) {
    const tx = this.db.transaction(STORE, 'readonly');
    return (await promised(tx.objectStore(STORE).get(key))) ?? null;
  }

  /** Writes every key of {@code records} in one transaction; a null value deletes the key. */
  async putAll(records) {
    const tx = this.db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    for (const [key, value] of Object.entries(records)) {
      if (value == null) store.delete(key);
      else store.put(value, key);
    }
    await done(tx);
  }

  put(key, value) {
    return this.putAll({ [key]: value });
  }

  async clear() {
    const tx = this.db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).clear();
    await done(tx);
  }

  close() {
    this.db.close();
  }
}
