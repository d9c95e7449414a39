export const ACCESS_TOKEN_ISSUER = 'curbside';
export const ACCESS_TOKEN_AUDIENCE = 'curbside-api';

/** What an access token carries: who, and which sign-in session (so logout ends it at once). */
export interface AccessTokenClaims {
  sub: string;
  sid: string;
}
