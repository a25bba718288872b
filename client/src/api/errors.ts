// Every API failure as one typed value, classified once at the HTTP boundary.

export type ApiError =
  | { kind: 'unauthorized'; message: string; hint: string }
  | { kind: 'forbidden'; message: string; hint: string }
  | { kind: 'not-found'; message: string; hint?: string }
  | { kind: 'unsupported-media'; message: string; hint: string }
  | { kind: 'conflict'; message: string; remoteUpdatedAt?: string }
  | { kind: 'rate-limited'; message: string; hint: string; retryAfterS?: number }
  | { kind: 'invalid'; status: number; message: string; fields?: Record<string, string[]> }
  | { kind: 'server'; status: number; message: string }
  | { kind: 'timeout'; message: string }
  | { kind: 'network'; message: string }
  | { kind: 'bad-response'; message: string };
