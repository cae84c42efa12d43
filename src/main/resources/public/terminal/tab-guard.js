// One working terminal per browser. The device's token, outbox and receipts live in this origin's
// IndexedDB, which every tab of the browser shares: two tabs working on it would give one command
// number to two commands and write over each other's outbox. So the tab opened last takes over and
// the others stop (no writes, no sending, no stream) and say so, with a button to take over again.
// BroadcastChannel tells the tabs (it works on plain http too, where Web Locks do not);
// localStorage holds the working tab's pulse, so a tab opened when no other works starts at once,
// without waiting.

const KEY = 'paragon-terminal-working-tab';
const CHANNEL = 'paragon-terminal-tabs';
const PULSE_MS = 1000;
/**
 * A pulse older than this is a tab that is gone (crashed; a closed tab clears its pulse). Long, as
 * a browser runs a background tab's timers as seldom as once a minute: a working tab must not look
 * gone.
 */
const STALE_MS = 150_000;
/** How long a new tab waits for the working one to finish its writes and step back. */
const HANDOVER_MS = 2000;

export class TabGuard {
  /**
   * handoverMs: how long a claim waits for the working tab at most (tests under load wait longer).
   */
  constructor({ storage = globalThis.localStorage, Channel = globalThis.BroadcastChannel,
    now = () => Date.now(), handoverMs = HANDOVER_MS } = {}) {
    this.handoverMs = handoverMs;
    this.id = `${now()}-${Math.random().toString(36).slice(2, 10)}`;
    this.storage = storage;
    this.now = now;
    this.working = false;
    this.claimedAt = 0;
    /** Called when another tab takes over; may return a promise (this tab's last writes). */
    this.onLost = () => {};
    this.channel = typeof Channel === 'function' ? new Channel(CHANNEL) : null;
    this.channel?.addEventListener('message', (event) => this.message(event.data));
  }

  /** Another tab's pulse is fresh: it is working now. */
  otherWorking() {
    try {
      const pulse = JSON.parse(this.storage?.getItem(KEY) ?? 'null');
      return !!pulse && pulse.id !== this.id && this.now() - pulse.at < STALE_MS;
    } catch (e) {
      console.error('tab guard: unreadable pulse', e);
      return false;
    }
  }

  /** Takes over; when another tab was working, resolves once it has stepped back (or after 2 s). */
  async claim() {
    const busy = this.otherWorking();
    this.working = true;
    this.claimedAt = this.now();
    this.pulse();
    clearInterval(this.pulses);
    this.pulses = setInterval(() => this.pulse(), PULSE_MS);
    globalThis.addEventListener?.('pagehide', () => this.release());
    if (!this.channel) return;
    let timer;
    const stepped = busy ? new Promise((resolve) => {
      this.stepped = resolve;
      timer = setTimeout(resolve, this.handoverMs);
    }) : null;
    this.channel.postMessage({ type: 'claim', id: this.id, at: this.claimedAt });
    await stepped;
    clearTimeout(timer);
    this.stepped = null;
  }

  pulse() {
    if (!this.working) return;
    try {
      this.storage?.setItem(KEY, JSON.stringify({ id: this.id, at: this.now() }));
    } catch (e) {
      console.error('tab guard: cannot write the pulse', e);
    }
  }

  /** This tab closes: the next one opened need not wait for it. */
  release() {
    if (!this.working) return;
    this.working = false;
    clearInterval(this.pulses);
    try {
      if (JSON.parse(this.storage?.getItem(KEY) ?? 'null')?.id === this.id) {
        this.storage.removeItem(KEY);
      }
    } catch (e) {
      console.error('tab guard: cannot clear the pulse', e);
    }
  }

  async message(m) {
    if (m?.type === 'claim' && m.id !== this.id && this.working) {
      // Two tabs claiming in the same instant: the later claim wins (ties by id), so exactly one
      // works.
      if (m.at < this.claimedAt || (m.at === this.claimedAt && m.id < this.id)) return;
      this.working = false;
      clearInterval(this.pulses);
      try {
        await this.onLost();
      } finally {
        this.channel.postMessage({ type: 'stepped-back', id: this.id, to: m.id });
      }
    }
    if (m?.type === 'stepped-back' && m.to === this.id) this.stepped?.();
  }
}
