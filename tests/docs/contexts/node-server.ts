// Snippet context: an Express-style Node server and a database client.
interface Response {
  status(code: number): Response;
  json(body: unknown): Response;
  end(): void;
}
interface Request {
  body: { rows: unknown[] };
}

export declare const app: {
  post(path: string, handler: (req: Request, res: Response) => unknown): void;
};
export declare const db: {
  contacts: { insertMany(records: readonly object[]): Promise<unknown> };
};
