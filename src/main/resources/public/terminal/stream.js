// The live side: one WebSocket to /api/terminal/stream (docs/protocol.md "Stream"). On every
// (re)connect the first message is the hello (device and session tokens, the viewer the held
// receipts were filtered for, the cursor per space); the server answers welcome, then snapshots or
// the changes since each cursor, then every change, heartbeats in between; all frames go to
// onFrame. A dropped or silent connection is retried with a growing delay (0.5 s doubling to 5 s,
// each +-25 % so terminals of a shop do not all come back in the same instant), so a terminal
// catches up from its cursor by itself. A connection that stays silent (no frame for two
// heartbeats, or no welcome 10 s after connecting) is given up at once: reported offline and
// retried, not left waiting for the browser's closing handshake. States reported to onState:
// 'connecting', 'online', 'offline'.

/**
 * The server's close codes by name (docs/protocol.md "Close codes"; paragon.sync.CloseCodes). One
 * table, src/main/resources/protocol/codes.json, holds them: codes.test.mjs checks this copy
 * against it, and that no close code is written here or in terminal.js as a bare number.
 */
export const CLOSE = Object.freeze({
  GOING_AWAY: 1001, SERVER_ERROR: 1011, RECONNECT: 4000, BAD_MESSAGE: 4400, UNAUTHORIZED: 4401,
  CUT_OFF: 4403, READ_ONLY: 4405, SCOPE_MISSING: 4406, TOO_SLOW: 4408, REPLACED: 4409, SESSION_ENDED: 4410,
  TRY_LATER: 4429, TRY_AGAIN: 4503,
});

const SILENCE_MS = 35_000;
const CONNECT_MS = 10_000;
const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 5000;

export class Stream {
  constructor({ url, hello, onFrame, onState, onRefused }) {
    this.url = url;
    this.hello = hello;
    this.onFrame = onFrame;
    this.onState = onState;
    this.onRefused = onRefused ?? (() => {});
    this.socket = null;
    this.delay = FIRST_DELAY_MS;
    this.stopped = true;
    this.timer = null;
    this.silence = null;
    /**
     * Characters of frames received (the benchmark reports them: resource timing misses
     * WebSockets).
     */
    this.bytesReceived = 0;
  }

  start() {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.silence);
    if (this.socket) this.socket.close(1000, 'bye');
    this.socket = null;
  }

  /** Closes the current connection and connects again at once (network came back, user changed). */
  restart() {
    this.stop();
    this.delay = FIRST_DELAY_MS;
    this.start();
  }

  connect() {
    if (this.stopped) return;
    this.onState('connecting');
    let socket;
    try {
      socket = new WebSocket(this.url());
    } catch (e) {
      this.retry();
      return;
    }
    this.socket = socket;
    this.watch(CONNECT_MS);
    socket.onopen = () => {
      if (this.socket !== socket) return;
      socket.send(JSON.stringify(this.hello()));
      this.watch(CONNECT_MS);
    };
    socket.onmessage = (event) => {
      if (this.socket !== socket) return; // a connection given up as silent
      this.watch();
      this.bytesReceived += event.data.length;
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch (e) {
        console.error('stream: a frame that is not JSON', e);
        return;
      }
      if (frame.type === 'welcome') {
        this.delay = FIRST_DELAY_MS;
        this.silenceMs = (frame.heartbeatSeconds ?? 15) * 2000 + 5000;
        this.watch();
        this.onState('online');
      }
      this.onFrame(frame);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      clearTimeout(this.silence);
      this.onState('offline');
      // docs/protocol.md "Close codes": unknown token or session, cut off, session ended: a new
      // login or pairing is needed first; replaced: a newer stream of this device replaced this
      // one. Anything else: reconnect and resume from the cursor (RECONNECT: at once), among them
      // GOING_AWAY (the node is stopping) and TRY_AGAIN (the database did not answer the hello in
      // time): neither logs the cashier out.
      if ([CLOSE.UNAUTHORIZED, CLOSE.CUT_OFF, CLOSE.SESSION_ENDED].includes(event.code)) {
        this.stopped = true;
        this.onRefused({ code: event.code, reason: event.reason });
        return;
      }
      if (event.code === CLOSE.REPLACED) {
        this.stopped = true;
        return;
      }
      // RECONNECT: at once, once; should that fail, the usual backoff from its start.
      if (event.code === CLOSE.RECONNECT) {
        this.delay = FIRST_DELAY_MS;
        this.retry(0);
        return;
      }
      this.retry();
    };
    socket.onerror = () => {
      // onclose follows and decides.
    };
  }

  /** (Re)starts the silence timer: {@code ms} without a frame and the connection is given up. */
  watch(ms = this.silenceMs ?? SILENCE_MS) {
    clearTimeout(this.silence);
    this.silence = setTimeout(() => this.giveUp(), ms);
  }

  /**
   * The browser says the network is gone (window "offline"): the connection is given up at once, so
   * the cashier sees "offline" within a moment rather than after the silence timer (issue 15); the
   * retries with backoff then find the network when it is back (and "online" restarts at once).
   */
  lost() {
    if (this.socket) this.giveUp();
    else this.onState('offline');
  }

  /**
   * A silent connection: detached at once (its late frames and close are ignored), offline,
   * retried.
   */
  giveUp() {
    const socket = this.socket;
    if (!socket) return;
    this.socket = null;
    try {
      socket.close(CLOSE.RECONNECT, 'silent');
    } catch (e) {
      console.error('stream: closing a silent connection', e);
    }
    this.onState('offline');
    this.retry();
  }

  /**
   * Connects again after {@code ms} (by default the current backoff, with jitter), then backs off
   * further.
   */
  retry(ms = null) {
    if (this.stopped) return;
    clearTimeout(this.timer);
    const wait = ms ?? Math.round(this.delay * (0.75 + Math.random() * 0.5));
    this.timer = setTimeout(() => this.connect(), wait);
    if (ms == null) this.delay = Math.min(this.delay * 2, MAX_DELAY_MS);
  }

  get open() {
    return this.socket?.readyState === WebSocket.OPEN;
  }
}
