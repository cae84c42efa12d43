// Configuration sync, DESIGN rule 5: the terminal works on the revision it applied until it syncs
// (the cashier's command, day close, login). What it learns in between is only shown: a newer
// revision exists ("behind"), or the back office asked this device to sync ("syncRequested"); both
// come from the sync state that heartbeat and ack answer (docs/protocol.md "Acknowledge and
// heartbeat"). The state is asked for every 30 s, when the stream (re)connects and when the cashier
// opens the menu, so a hint is timely without polling harder. Owns the applied configuration and
// the sync state.
import { ApiError, NetworkError } from './api.js';

export class ConfigSync {
  /**
   * @param api the device API (api.js)
   * @param store () => the IndexedDB store (store.js) the applied configuration is kept in
   * @param changed called when something shown changed
   * @param unauthorized called when the device was refused (revoked)
   */
  constructor({ api, store, changed = () => {}, unauthorized = () => {} }) {
    this.api = api;
    this.store = store;
    this.changed = changed;
    this.unauthorized = unauthorized;
    /** The applied configuration (with its revision), or null before the first sync. */
    this.config = null;
    /** The account's current revision and whether the back office asked this device to sync. */
    this.latestRevision = null;
    this.syncRequested = false;
    this.asked = 0;
    this.answered = 0;
  }

  /**
   * Fetches the configuration when newer than the applied one, applies it and acknowledges the
   * revision applied. The ack goes out even when nothing was newer: it is what answers the back
   * office's request to sync (the server clears it on an ack of the current revision), and its
   * answer is the fresh state.
   */
  async syncConfig() {
    const stamp = this.askSyncState();
    const { status, body } = await this.api.config(this.config?.revision);
    if (status !== 304) {
      this.config = { ...body.config, revision: body.config.revision };
      await this.store().put('config', this.config);
      this.changed();
    }
    const ack = await this.api.ack(this.config.revision);
    this.applySyncState(stamp, ack.body);
  }

  /**
   * Asks the server for the sync state (and so tells it the device is alive); offline it stays as
   * it was.
   */
  async heartbeat() {
    const stamp = this.askSyncState();
    try {
      const { body } = await this.api.heartbeat();
      this.applySyncState(stamp, body);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) this.unauthorized();
      else if (!(e instanceof NetworkError)) console.error('heartbeat', e);
    }
  }

  /**
   * Numbers each question, so an answer that overtook a later one (a heartbeat sent before a sync)
   * is dropped.
   */
  askSyncState() {
    this.asked += 1;
    return this.asked;
  }

  applySyncState(stamp, body) {
    if (!body || stamp < this.answered) return;
    this.answered = stamp;
    const requested = !!body.syncRequested;
    if (body.revision === this.latestRevision && requested === this.syncRequested) return;
    this.latestRevision = body.revision;
    this.syncRequested = requested;
    this.changed();
  }

  /** A newer revision than the applied one exists (the menu's hint and the menu button's badge). */
  get behind() {
    const latest = this.latestRevision;
    return !!this.config && latest != null && latest > this.config.revision;
  }
}
