// The stream connection while a cashier sells: the WebSocket (stream.js) with its state ('offline',
// 'connecting', 'online'), the server's clock from its heartbeats, and the timers that run beside
// it (the sync state asked for every 30 s; a look now and then while a colleague's payment lease
// runs, as the server never sweeps one). Frames other than heartbeats go to {@code onFrame}.
import { Stream } from './stream.js';

const HEARTBEAT_MS = 30_000;
const LEASE_LOOK_MS = 5000;

export class Connection {
  /**
   * @param api the device API: its clock follows the stream's heartbeats
   * @param hooks {url, hello} for the stream; {onFrame, onRefused, onStatus}; {heartbeat} every 30
   *   s; {look} every 5 s
   */
  constructor(api, { url, hello, onFrame, onRefused, onStatus, heartbeat, look }) {
    Object.assign(this, { api, onFrame, onStatus, heartbeat, look });
    this.status = 'offline';
    this.beat = null;
    this.tick = null;
    this.stream = new Stream({
      url, hello, onRefused,
      onFrame: (frame) => this.frame(frame),
      onState: (status) => this.set(status),
    });
  }

  start() {
    this.stream.start();
    clearInterval(this.beat);
    this.beat = setInterval(() => this.heartbeat(), HEARTBEAT_MS);
    clearInterval(this.tick);
    this.tick = setInterval(() => this.look(), LEASE_LOOK_MS);
  }

  stop() {
    clearInterval(this.beat);
    clearInterval(this.tick);
    this.stream.stop();
    this.set('offline');
  }

  restart() {
    this.stream.restart();
  }

  /** The browser lost the network: offline now (stream.js lost). */
  lost() {
    this.stream.lost();
  }

  /** A heartbeat carries the server's clock in milliseconds: the clock the lease rules use. */
  frame(frame) {
    if (frame.type === 'heartbeat') {
      if (Number.isFinite(frame.time)) {
        this.api.serverOffset = frame.time - Date.now();
        this.api.clockFromStream = true;
      }
      return;
    }
    this.onFrame(frame);
  }

  set(status) {
    if (this.status === status) return;
    this.status = status;
    this.onStatus(status);
  }
}
