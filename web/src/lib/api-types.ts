/**
 * Shapes of the SPARKTherapy HTTP API that more than one feature uses, named after the generated types
 * (src/types/api.ts, from the server's OpenAPI document: ADR 0026). Features name their own schemas with `Schema`.
 */
import type { components } from '../types/api';

/** A schema of the API by its name in the OpenAPI document: `Schema<'ChildResponse'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

export type User = Schema<'UserResponse'>;
export type Role = User['role'];
/** Only meaningful (and required) for therapists. */
export type Credential = NonNullable<User['credential']>;

/** Lists are paged: `{content, page}` (the document names one schema per content type, `PageResponseUserResponse`…). */
export interface Page<T> {
  content: T[];
  page: Schema<'PageInfo'>;
}

/** The refresh token is always null for the web client: it lives in an HttpOnly cookie. */
export type TokenResponse = Schema<'TokenResponse'>;

/**
 * The values of an enum of the API as a list for the screens (select options, zod enums), in the order given.
 * Compiles only when the list names every value of the enum, so a value the server adds fails the build here.
 * Usage: `valuesOf<Role>()(['admin', 'therapist', 'parent'])`.
 */
export function valuesOf<Value extends string>() {
  return <const List extends readonly Value[]>(list: List & ([Value] extends [List[number]] ? unknown : never)) => list;
}

export const ROLES = valuesOf<Role>()(['admin', 'therapist', 'parent']);

export const CREDENTIALS = valuesOf<Credential>()(['BCBA', 'BCaBA', 'RBT', 'other']);

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  therapist: 'Therapist',
  parent: 'Parent',
};
