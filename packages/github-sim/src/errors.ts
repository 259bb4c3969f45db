/** GitHub's JSON error shape; thrown by the model and route handlers, turned into a response by the server. */
export class SimHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly documentationUrl = 'https://docs.github.com/rest',
    readonly errors?: unknown[],
  ) {
    super(message);
    this.name = 'SimHttpError';
  }

  toBody(): { message: string; documentation_url: string; status: string; errors?: unknown[] } {
    return {
      message: this.message,
      documentation_url: this.documentationUrl,
      status: String(this.status),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

export function notFound(): SimHttpError {
  return new SimHttpError(404, 'Not Found');
}

/** 422 the way GitHub reports an invalid or missing field. */
export function validationFailed(resource: string, field: string, code = 'missing_field'): SimHttpError {
  return new SimHttpError(422, 'Validation Failed', 'https://docs.github.com/rest', [
    { resource, field, code },
  ]);
}
