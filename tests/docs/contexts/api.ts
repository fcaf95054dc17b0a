// Snippet context: the application's own HTTP API client.
export declare const api: { existingEmails(emails: readonly unknown[]): Promise<ReadonlySet<unknown>> };
