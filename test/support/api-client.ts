/** Calls Next.js route handlers in-process with real Request objects, keeping cookies like a browser. */
export type RouteHandler = (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface CallOptions {
  method?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
  path?: string;
}

export interface ApiResult<T = unknown> {
  status: number;
  headers: Headers;
  json: T;
}

export class ApiClient {
  private cookies = new Map<string, string>();
  bearer: string | undefined;

  /** The Cookie header this client would send, for raw (non-JSON) requests. */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  }

  get csrfToken(): string | undefined {
    return this.cookies.get('vigil_csrf');
  }

  async call<T = any>(handler: RouteHandler, options: CallOptions = {}): Promise<ApiResult<T>> {
    const method = options.method ?? 'GET';
    const headers = new Headers(options.headers);
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '));
    if (this.bearer) headers.set('authorization', `Bearer ${this.bearer}`);
    if (method !== 'GET' && this.csrfToken && !headers.has('x-csrf-token')) headers.set('x-csrf-token', this.csrfToken);
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
    const request = new Request(`http://vigil.test${options.path ?? '/api'}`, { method, headers, body });
    const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index);
      const value = decodeURIComponent(pair!.slice(index + 1));
      if (value) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined };
  }
}
