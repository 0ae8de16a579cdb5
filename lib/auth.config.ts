// The parts of the Auth.js setup that need no database, shared by the server and the proxy.

/** Cookie names Auth.js uses for the session, over HTTP and HTTPS. */
export const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'] as const;

/** Absolute lifetime of a session; a session idle longer than IDLE_SECONDS also ends. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
export const SESSION_UPDATE_AGE_SECONDS = 24 * 60 * 60;

export const SIGN_IN_PATH = '/signin';
