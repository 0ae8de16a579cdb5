import { describe, expect, it } from 'vitest';
import { safeNextPath, signInSchema, signUpSchema } from './auth';

const valid = { name: 'Ada Lovelace', email: 'Ada@Example.com ', password: 'engines of analysis' };

function errorsOf(input: unknown) {
  const r = signUpSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('sign-up schema', () => {
  it('accepts a valid sign-up and normalises the email', () => {
    const r = signUpSchema.parse(valid);
    expect(r.email).toBe('ada@example.com');
    expect(r.name).toBe('Ada Lovelace');
  });

  it('requires a name of at most 100 characters on one line', () => {
    expect(errorsOf({ ...valid, name: '   ' }).name).toBe('Name is required');
    expect(errorsOf({ ...valid, name: 'a'.repeat(100) }).name).toBeUndefined();
    expect(errorsOf({ ...valid, name: 'a'.repeat(101) }).name).toBe('Name must be at most 100 characters');
    expect(errorsOf({ ...valid, name: 'Ada\nLovelace' }).name).toMatch(/single line/);
  });

  it('requires a valid email of at most 254 characters', () => {
    expect(errorsOf({ ...valid, email: 'not-an-email' }).email).toBe('Enter a valid email address');
    expect(errorsOf({ ...valid, email: '' }).email).toBe('Enter your email address');
    expect(errorsOf({ ...valid, email: `${'a'.repeat(250)}@x.io` }).email).toMatch(/at most 254/);
  });

  it('takes passwords of 8 to 128 characters and refuses common ones', () => {
    expect(errorsOf({ ...valid, password: '1234567' }).password).toBe('Use at least 8 characters');
    expect(errorsOf({ ...valid, password: 'abcdefgh' }).password).toBeUndefined();
    expect(errorsOf({ ...valid, password: 'x'.repeat(128) }).password).toBeUndefined();
    expect(errorsOf({ ...valid, password: 'x'.repeat(129) }).password).toBe('Use at most 128 characters');
    expect(errorsOf({ ...valid, password: 'Password123' }).password).toMatch(/too common/);
  });

  it('refuses values of the wrong type', () => {
    expect(errorsOf({ ...valid, name: ['Ada'] }).name).toBeDefined();
    expect(errorsOf({ ...valid, password: { length: 12 } }).password).toBeDefined();
  });

  it('ignores extra fields', () => {
    const r = signUpSchema.parse({ ...valid, role: 'owner', id: 'x' });
    expect(r).not.toHaveProperty('role');
    expect(r).not.toHaveProperty('id');
  });
});

describe('sign-in schema', () => {
  it('requires an email and a password', () => {
    expect(signInSchema.safeParse({ email: 'a@b.co', password: '' }).success).toBe(false);
    expect(signInSchema.safeParse({ email: 'a@b.co', password: 'x' }).success).toBe(true);
  });
});

describe('safeNextPath', () => {
  it('keeps same-site paths and drops everything else', () => {
    expect(safeNextPath('/w/abc/settings?x=1')).toBe('/w/abc/settings?x=1');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath('//evil.example')).toBe('/');
    expect(safeNextPath('/\\evil.example')).toBe('/');
    expect(safeNextPath(undefined)).toBe('/');
    expect(safeNextPath('/a\nb')).toBe('/');
  });
  it('drops paths a Location header cannot carry, such as non-ASCII ones', () => {
    for (const odd of ['/\u3002', '/caf\u00e9', '/a b', '/a\u007fb', '/\u00ff']) expect(safeNextPath(odd)).toBe('/');
    expect(safeNextPath('/%E3%80%82')).toBe('/%E3%80%82');
  });
});
