import * as login from '../../app/api/v1/auth/login/route';
import type { Role } from '../../lib/auth/roles';
import { ApiClient } from './api-client';
import type { TestApp } from './test-app';

/** A browser-like client logged in as a new user with the given role. */
export async function loggedIn(t: TestApp, role: Role): Promise<ApiClient> {
  const user = await t.createUser(role);
  const client = new ApiClient();
  const res = await client.call(login.POST, { method: 'POST', body: { username: user.username, password: user.password } });
  if (res.status !== 200) throw new Error(`login failed: ${JSON.stringify(res.json)}`);
  return client;
}
