/** One error as the DeskQL API reports it. */
export interface GraphQLErrorInfo {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

/**
 * Every failure the SDK reports: a GraphQL error (code from `extensions.code`, such as
 * BAD_USER_INPUT), an HTTP error (code HTTP_<status>) or a network failure (NETWORK_ERROR).
 */
export class DeskqlError extends Error {
  /** `BAD_USER_INPUT`, `INTERNAL_SERVER_ERROR`, `GRAPHQL_VALIDATION_FAILED`, `HTTP_503`, `NETWORK_ERROR`, … */
  readonly code: string;
  /** Where in the response the first error occurred. */
  readonly path: ReadonlyArray<string | number> | undefined;
  /** The HTTP status, when a response arrived. */
  readonly status: number | undefined;
  /** Every GraphQL error of the response (the message and code above are the first one's). */
  readonly errors: readonly GraphQLErrorInfo[];

  constructor(
    message: string,
    options: {
      code: string;
      path?: ReadonlyArray<string | number>;
      status?: number;
      errors?: readonly GraphQLErrorInfo[];
      cause?: unknown;
    },
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DeskqlError';
    this.code = options.code;
    this.path = options.path;
    this.status = options.status;
    this.errors = options.errors ?? [];
  }

  static fromGraphQL(errors: readonly GraphQLErrorInfo[], status: number): DeskqlError {
    const first = errors[0]!;
    return new DeskqlError(first.message, {
      code: first.extensions?.code ?? 'GRAPHQL_ERROR',
      path: first.path,
      status,
      errors,
    });
  }
}
