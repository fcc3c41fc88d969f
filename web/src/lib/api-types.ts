/**
 * Shapes of the SPARKTherapy HTTP API that more than one feature uses.
 * Written by hand until the server publishes its OpenAPI document; then src/types/api.ts
 * (generated) replaces this file.
 */

export const ROLES = ['admin', 'therapist', 'parent'] as const;
export type Role = (typeof ROLES)[number];

export const CREDENTIALS = ['BCBA', 'BCaBA', 'RBT', 'other'] as const;
export type Credential = (typeof CREDENTIALS)[number];

export interface User {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** Only meaningful (and required) for therapists. */
  credential: Credential | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface TokenResponse {
  accessToken: string;
  /** Always null for the web client: the refresh token lives in an HttpOnly cookie. */
  refreshToken: string | null;
  tokenType: 'Bearer';
  /** Lifetime of the access token in seconds. */
  expiresIn: number;
  user: User;
}

export interface Page<T> {
  content: T[];
  page: { number: number; size: number; totalElements: number; totalPages: number };
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  therapist: 'Therapist',
  parent: 'Parent',
};
