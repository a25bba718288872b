// Result constructors for the vendor implementations (errors are values, never thrown).
import type { ApiError } from './errors';
import type { Result } from './tenantApi';

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T>(error: ApiError): Result<T> => ({ ok: false, error });
