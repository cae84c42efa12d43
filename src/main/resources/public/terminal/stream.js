// The live side: one WebSocket to /api/terminal/stream (docs/protocol.md "Stream"). On every
// (re)connect the first message is the hello (device and session tokens, the viewer the held receipts
// were filtered for, the cursor per space); the server answers welcome, then snapshots or the changes
// since each cursor, then every change, heartbeats in between; all frames go to onFrame. A dropped or silent connection is retried with a
// growing delay (0.5 s doubling to 5 s), so a terminal catches up from its cursor by itself.
// States reported to onState: 'connecting', 'online', 'offline'.

const SILENCE_MS = 35_000;

export class Stream {
  constructor({ url, hello, onFrame, onState, onRefused }) {
    this.url = url;
    this.hello = hello;
    this.onFrame = onFrame;
    this.onState = onState;
    this.onRefused = onRefused ?? (() => {});
    this.socket = null;
    this.delay = 500;
    this.stopped = true;
    this.timer = null;
    this.silence = null;
    /** Characters of frames received (the benchmark reports them: resource timing misses WebSockets). */
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
    this.delay = 500;
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
    socket.onopen = () => {
      socket.send(JSON.stringify(this.hello()));
      this.watch();
    };
    socket.onmessage = (event) => {
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
        this.delay = 500;
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
      // docs/protocol.md "Stream", close codes: 4401 unknown token or session, 4403 cut off, 4410
      // session ended: a new login or pairing is needed first; 4409: a newer stream of this device
      // replaced this one. Anything else: reconnect and resume from the cursor (4000: at once).
      if ([4401, 4403, 4410].includes(event.code)) {
        this.stopped = true;
        this.onRefused({ code: event.code, reason: event.reason });
        return;
      }
      if (event.code === 4409) {
        this.stopped = true;
        return;
      }
      if (event.code === 4000) this.delay = 0;
      this.retry();
    };
    socket.onerror = () => {
      // onclose follows and decides.
    };
  }

  watch() {
    clearTimeout(this.silence);
    this.silence = setTimeout(() => this.socket?.close(4000, 'silent'), this.silenceMs ?? SILENCE_MS);
  }

  retry() {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.connect(), this.delay);
    this.delay = Math.min(this.delay * 2, 5000);
  }

  get open() {
    return this.socket?.readyState === WebSocket.OPEN;
  }
}
