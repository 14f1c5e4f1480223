import * as login from '../../app/api/v1/auth/login/route';
import { ApiClient } from './api-client';

/** A client holding a fresh session (cookie + CSRF token) for the user; throws when the login is refused. */
export async function logInAs(user: { username: string; password: string }): Promise<ApiClient> {
  const client = new ApiClient();
  const res = await client.call(login.POST, { method: 'POST', body: { username: user.username, password: user.password } });
  if (res.status !== 200) throw new Error(`login as ${user.username} failed: ${res.status} ${JSON.stringify(res.json)}`);
  return client;
}

/** A client that authenticates with an API token only. */
export function bearerClient(token: string): ApiClient {
  const client = new ApiClient();
  client.bearer = token;
  return client;
}
