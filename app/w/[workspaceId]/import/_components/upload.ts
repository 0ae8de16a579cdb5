import { MAX_FILE_BYTES } from '@/lib/import/csv';

export type UploadResult<T> = { ok: true; data: T } | { ok: false; error: string };

/** Sends a file as the raw body of a POST and reads the JSON answer; never throws. */
export async function upload<T>(url: string, file: File): Promise<UploadResult<T>> {
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, error: `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB. Split it into smaller files and import them one by one.` };
  }
  try {
    const response = await fetch(url, {
      method: 'POST',
      body: file,
      headers: { 'Content-Type': 'application/octet-stream' },
    });
    const body = (await response.json().catch(() => null)) as ({ ok: boolean; error?: string } & T) | null;
    if (body?.ok) return { ok: true, data: body };
    return { ok: false, error: body?.error ?? 'Something went wrong on our side. Nothing was imported; try again in a moment.' };
  } catch {
    return { ok: false, error: 'The upload did not go through. Check your connection and try again.' };
  }
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
