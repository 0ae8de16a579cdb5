import { describe, expect, it } from 'vitest';
import { valueAt, valuesOf } from './form-data';

function form(entries: Array<[string, string]>): FormData {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

describe('valuesOf', () => {
  it('nests dotted names and turns indexed groups into lists', () => {
    const { values } = valuesOf(
      form([
        ['title', 'Mixer'],
        ['contacts.1.name', 'Bo'],
        ['contacts.0.name', 'Ann'],
        ['contacts.0.company', 'Acme'],
      ]),
    );
    expect(values).toEqual({ title: 'Mixer', contacts: [{ name: 'Ann', company: 'Acme' }, { name: 'Bo' }] });
  });

  it('drops the framework fields and never echoes a password', () => {
    const { values, sent } = valuesOf(form([['$ACTION_ID_abc', ''], ['email', 'a@b.co'], ['password', 'secret words']]));
    expect(values).toEqual({ email: 'a@b.co', password: 'secret words' });
    expect(sent).toEqual({ email: 'a@b.co' });
  });

  it('keeps several values of one name as a list and ignores prototype keys', () => {
    const { values, sent } = valuesOf(form([['tags', 'a'], ['tags', 'b'], ['__proto__.polluted', 'x']]));
    expect(values).toEqual({ tags: ['a', 'b'] });
    // A group of ticked boxes is shown again with every tick, not only the last.
    expect(sent.tags).toEqual(['a', 'b']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('valueAt', () => {
  it('reads a dotted path', () => {
    expect(valueAt({ contacts: [{ name: 'Ann' }] }, 'contacts.0.name')).toBe('Ann');
    expect(valueAt({}, 'a.b')).toBeUndefined();
  });
});
