import { z } from 'zod';
import { changeOwnPasswordBodySchema, createUserBodySchema, updateUserBodySchema, userListSchema, userSchema } from '../../../lib/contracts/users';
import type { ApiOperation } from '../api-operation';

export const userOperations: ApiOperation[] = [
  { method: 'get', path: '/users', summary: 'List users', tag: 'users', access: 'admin', response: userListSchema },
  { method: 'post', path: '/users', summary: 'Create a user (409 if the username is taken)', tag: 'users', access: 'admin', body: createUserBodySchema, response: userSchema, successStatus: 201 },
  { method: 'get', path: '/users/{id}', summary: 'Get a user', tag: 'users', access: 'admin', response: userSchema },
  {
    method: 'patch',
    path: '/users/{id}',
    summary: "Change a user's password, role, locale or disabled flag; password, role and disabling log them out (409 for the last enabled admin)",
    tag: 'users',
    access: 'admin',
    body: updateUserBodySchema,
    response: userSchema,
  },
  { method: 'delete', path: '/users/{id}', summary: 'Delete a user with their sessions and API tokens (409 for the last enabled admin)', tag: 'users', access: 'admin', successStatus: 204 },
  {
    method: 'put',
    path: '/auth/password',
    summary: 'Change your own password (400 when currentPassword is wrong); your other sessions are logged out',
    tag: 'auth',
    access: 'viewer',
    body: changeOwnPasswordBodySchema,
    response: z.object({ ok: z.literal(true) }),
  },
];
