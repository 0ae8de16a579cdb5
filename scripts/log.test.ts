import { describe, expect, it } from 'vitest';
import { logPath, redact } from './log.mjs';

describe('log lines', () => {
  it('carry no e-mail address, bearer token, password or database password', () => {
    const text = redact(
      'mail to ana.lopez+jobs@example.co.uk failed; Authorization: Bearer s3cr3t-token; {"password":"hunter2 hunter2"} password=abc; postgres://app:pa55word@db:5432/x',
    );
    expect(text).not.toMatch(/ana\.lopez|s3cr3t|hunter2|abc;|pa55word/);
    expect(text).toContain('[email]');
    expect(text).toContain('postgres://app:[redacted]@db:5432/x');
  });

  it('keep paths, without the query string or tokens in them', () => {
    expect(logPath('/invite/Q2hhbmdlIHRoaXMgdG9rZW4gcGxlYXNlLCB0aGFua3M?x=1')).toBe('/invite/:token');
    expect(logPath('/w/5f0c6a4e-1b2c-4d3e-8f90-123456789abc/contacts?q=ana@example.com')).toBe('/w/5f0c6a4e-1b2c-4d3e-8f90-123456789abc/contacts');
    expect(logPath('/r/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG/confirm')).toBe('/r/:token/confirm');
  });
});
