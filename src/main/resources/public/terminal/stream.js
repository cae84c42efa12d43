// The live side: one WebSocket to /api/terminal/stream (docs/protocol.md "Stream"). On every
// (re)connect the first message is the hello (who this is and the cursor per space); then frames
// arrive in seq order per space and go to onFrame. A dropped or silent connection is retried with a
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
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch (e) {
        console.error('stream: a frame that is not JSON', e);
        return;
      }
      if (frame.type === 'ready' || frame.type === 'snapshot' || frame.type === 'change') {
        this.delay = 500;
        this.onState('online');
      }
      if (frame.type === 'error') this.onRefused(frame);
      this.onFrame(frame);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      clearTimeout(this.silence);
      this.onState('offline');
      if (event.code === 4401 || event.code === 4403) this.onRefused({ code: event.code, reason: event.reason });
      this.retry();
    };
    socket.onerror = () => {
      // onclose follows and decides.
    };
  }

  watch() {
    clearTimeout(this.silence);
    this.silence = setTimeout(() => this.socket?.close(4000, 'silent'), SILENCE_MS);
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
