// One wrapper around every request handler: find the document, call the provider, and turn a throw into
// a ResponseError plus one log line, so a bug in a feature never takes the server down.
import { LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';

export type Logger = Pick<Connection['console'], 'error' | 'info'>;

export function describeError(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

export function handler<P, R>(log: Logger, name: string, fn: (params: P) => R): (params: P) => R | ResponseError<void> {
  return (params) => {
    try {
      return fn(params);
    } catch (e) {
      log.error(`${name} failed: ${describeError(e)}`);
      return new ResponseError(LSPErrorCodes.RequestFailed, `Profile Studio: ${name} failed (see the log)`);
    }
  };
}

/** For notifications: there is no one to answer, so log and carry on. */
export function listener<P>(log: Logger, name: string, fn: (params: P) => void): (params: P) => void {
  return (params) => {
    try {
      fn(params);
    } catch (e) {
      log.error(`${name} failed: ${describeError(e)}`);
    }
  };
}

export function asyncHandler<P, R>(log: Logger, name: string, fn: (params: P) => Promise<R>): (params: P) => Promise<R | ResponseError<void>> {
  return async (params) => {
    try {
      return await fn(params);
    } catch (e) {
      log.error(`${name} failed: ${describeError(e)}`);
      return new ResponseError(LSPErrorCodes.RequestFailed, `Profile Studio: ${name} failed (see the log)`);
    }
  };
}
