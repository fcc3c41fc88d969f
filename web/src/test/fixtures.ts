import type { TokenResponse, User } from '../lib/api-types';

let sequence = 0;

export function aUser(overrides: Partial<User> = {}): User {
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    name: `Test User ${sequence}`,
    email: `user${sequence}@example.test`,
    role: 'parent',
    credential: null,
    active: true,
    createdAt: '2026-01-05T10:00:00Z',
    updatedAt: '2026-01-05T10:00:00Z',
    version: 0,
    ...overrides,
  };
}

export function anAdmin(overrides: Partial<User> = {}): User {
  return aUser({ name: 'Ada Admin', email: 'ada@example.test', role: 'admin', ...overrides });
}

export function aTherapist(overrides: Partial<User> = {}): User {
  return aUser({ role: 'therapist', credential: 'RBT', ...overrides });
}

export function aTokenResponse(user: User = anAdmin(), expiresIn = 900): TokenResponse {
  return {
    accessToken: `token-for-${user.id}`,
    refreshToken: null,
    tokenType: 'Bearer',
    expiresIn,
    idleTimeout: 0, // no idle watch: the idle tests (lib/idle.test.ts, auth-session) give their own
    user,
  };
}
