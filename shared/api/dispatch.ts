// Receiving side of the contract in the back end: validates the method name and its arguments against
// the schema before a handler runs, so that a malformed message is a clear error and never reaches a service.
import { BadRequestError } from './result';
import { isMethodName, methods, type ApiHandlers } from './contract';

export type Dispatch = (method: unknown, args: unknown) => Promise<unknown>;

export function createDispatcher(handlers: ApiHandlers): Dispatch {
  return async (method, args) => {
    if (!isMethodName(method)) throw new BadRequestError(`unknown method ${JSON.stringify(method)}`);
    const parsed = methods[method].args.safeParse(args ?? {});
    if (!parsed.success) {
      throw new BadRequestError(`invalid arguments for ${method}: ${parsed.error.issues.map(formatIssue).join('; ')}`);
    }
    const handler = handlers[method] as (a: unknown) => unknown;
    return handler(parsed.data);
  };
}

function formatIssue(issue: { path: PropertyKey[]; message: string }): string {
  return issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}
