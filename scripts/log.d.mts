import type { AsyncLocalStorage } from 'node:async_hooks';

export const requestContext: AsyncLocalStorage<{ requestId: string }>;
export function redact(text: unknown): string;
export function logPath(url: string | undefined): string;
export function log(level: 'debug' | 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>): void;
export function captureConsole(): void;
