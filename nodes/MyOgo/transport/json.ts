/**
 * A JSON value as a server sent it. Each reader checks the fields it uses (`?.`, `typeof`), the
 * way n8n's own helpers hand bodies back (`Promise<any>`); typing every myOGO answer is left to
 * the operations that read them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ServerJson = any;
