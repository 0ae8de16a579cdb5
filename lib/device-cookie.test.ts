import { describe, expect, it } from 'vitest';
import { deviceNonceFor, signDeviceCookie } from './device-cookie';

const secret = 'a test secret that is long enough for signing';

describe('device cookies', () => {
  it('name one account, carry a fresh nonce, and are refused when tampered, for another address, or expired', () => {
    const now = new Date('2026-03-01T10:00:00Z');
    const value = signDeviceCookie('Ana@Example.com', secret, now);
    const nonce = deviceNonceFor(value, 'ana@example.com', secret, now);
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(deviceNonceFor(signDeviceCookie('ana@example.com', secret, now), 'ana@example.com', secret, now)).not.toBe(nonce);
    expect(deviceNonceFor(value, 'bob@example.com', secret, now)).toBeNull();
    expect(deviceNonceFor(value, 'ana@example.com', 'another secret entirely, also long', now)).toBeNull();
    const [body, mac] = value.split('.');
    const forged = Buffer.from(JSON.stringify({ e: 'bob@example.com', n: 'x'.repeat(22), exp: 9e9 })).toString('base64url');
    expect(deviceNonceFor(`${forged}.${mac}`, 'bob@example.com', secret, now)).toBeNull();
    expect(deviceNonceFor(`${body}.${mac}x`, 'ana@example.com', secret, now)).toBeNull();
    expect(deviceNonceFor(undefined, 'ana@example.com', secret, now)).toBeNull();
    expect(deviceNonceFor('junk', 'ana@example.com', secret, now)).toBeNull();
    expect(deviceNonceFor(value, 'ana@example.com', secret, new Date('2027-03-02T10:00:00Z'))).toBeNull();
  });
});
