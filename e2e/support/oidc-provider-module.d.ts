// oidc-provider ships no types (and @types/oidc-provider is not installed): the little the test provider uses.
declare module "oidc-provider" {
  import type { Server } from "node:http";
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    listen(port: number, host: string, callback: () => void): Server;
    on(event: string, listener: (...args: never[]) => void): this;
  }
}
