// The HTTP side of the terminal: the device API (docs/protocol.md "Device API") and commands
// ("Commands"). Every call says which device (Authorization: Bearer) and, once a cashier is logged
// in, which session (X-Paragon-Session). A failure is thrown as an ApiError carrying the server's
// {error, field, message} (the message is already in the user's language), or as a NetworkError
// when the server could not be reached at all, which the app treats as "offline".

export class ApiError extends Error {
  /** {@code retryAfter}: seconds of the answer's Retry-After header (a 429 or 503), or null. */
  constructor(status, body, retryAfter = null) {
    super(body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = body?.error ?? null;
    this.field = body?.field ?? null;
    this.retryAfter = retryAfter;
  }

  /**
   * The server's database did not answer (503 unavailable, docs/operations.md "Outages"): nothing
   * was decided; send the same again later. Not a refusal of this device or cashier.
   */
  get unavailable() {
    return this.status === 503 && this.code === 'unavailable';
  }
}

export class NetworkError extends Error {}

export class Api {
  constructor({ base = '', lang = () => 'pl', fetchImpl = (...a) => fetch(...a) } = {}) {
    this.base = base;
    this.lang = lang;
    this.fetch = fetchImpl;
    this.deviceToken = null;
    this.sessionToken = null;
    /**
     * Server clock minus this clock (ms): leases expire by the server's clock. From each answer's
     * Date header until the stream's heartbeat has told the time (ms, and the clock the lease rules
     * use); from then on the heartbeat's, so the two never take turns.
     */
    this.serverOffset = 0;
    this.clockFromStream = false;
  }

  async call(method, path, body) {
    const headers = { Accept: 'application/json', 'Accept-Language': this.lang() };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.deviceToken) headers.Authorization = 'Bearer ' + this.deviceToken;
    if (this.sessionToken) headers['X-Paragon-Session'] = this.sessionToken;
    let response;
    try {
      response = await this.fetch(this.base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch (e) {
      throw new NetworkError(e.message);
    }
    const date = Date.parse(response.headers.get('Date') ?? '');
    // Date has whole seconds: +500 ms is the middle of the second it names.
    if (!Number.isNaN(date) && !this.clockFromStream) this.serverOffset = date + 500 - Date.now();
    if (response.status === 304 || response.status === 204) {
      return { status: response.status, body: null };
    }
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: a proxy's error page; keep the status, the message says what it can.
      json = { error: 'http_' + response.status, message: `HTTP ${response.status}` };
    }
    if (!response.ok) {
      const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
      throw new ApiError(response.status, json, Number.isNaN(retryAfter) ? null : retryAfter);
    }
    return { status: response.status, body: json };
  }

  pair(code) {
    return this.call('POST', '/api/device/pair', { code });
  }

  /** The effective configuration; 304 (body null) when {@code known} is still current. */
  config(known) {
    return this.call('GET', '/api/device/config' + (known ? '?known=' + known : ''));
  }

  ack(revision) {
    return this.call('POST', '/api/device/ack', { revision });
  }

  heartbeat() {
    return this.call('GET', '/api/device/heartbeat');
  }

  login(identifier, pin) {
    return this.call('POST', '/api/device/login',
      { identifier: identifier || null, pin: pin || null });
  }

  logout() {
    return this.call('POST', '/api/device/logout');
  }

  /** A batch of commands in number order; answered with one ack per command. */
  commands(batch) {
    return this.call('POST', '/api/terminal/commands', batch);
  }
}
