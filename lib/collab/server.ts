import { randomUUID } from "node:crypto";
import { Server, type Connection, type Document } from "@hocuspocus/server";
import type WebSocket from "ws";
import { isAppError } from "@/lib/errors";
import { getReportAccessOrThrow, hasRole } from "@/lib/server/workspaces/access";
import { checkCollabMessage } from "./message-guard";
import { FROM_DATABASE, NotesReplicas } from "./notes-replica";
import { verifyCollabToken } from "./token";

/**
 * The collaboration server for the team notes: Hocuspocus (the Yjs sync
 * protocol over WebSocket), one document per report ("notes:<reportId>"),
 * persisted and shared with other instances through Postgres (NotesReplicas).
 * Run as many as needed behind a load balancer; they need nothing but Postgres.
 */
export interface CollabServerOptions {
  port: number;
  /** The app's NEXTAUTH_SECRET: it signs the tokens this server accepts. */
  secret: string;
  /** Defaults to DATABASE_URL, which the membership checks (Prisma) use too. */
  databaseUrl?: string;
  /** Names this instance's writes, so it does not apply them twice. */
  instanceId?: string;
  /** The interface to listen on; all of them by default. */
  host?: string;
}

export interface CollabServer {
  port: number;
  instanceId: string;
  stop(): Promise<void>;
}

export const COLLAB_LIMITS = {
  /** The largest WebSocket message (a whole document, when an offline client syncs). */
  maxMessageBytes: 8 * 1024 * 1024,
  /** A document that grew past this refuses further changes. */
  maxDocumentBytes: 32 * 1024 * 1024,
  maxConnectionsPerUser: 20,
  /** How often connected members' roles are checked again. */
  recheckMs: 5_000,
  /** Per socket, per 5 seconds: more than this is abuse, not typing. */
  maxMessagesPerWindow: 2_000,
  maxBytesPerWindow: 32 * 1024 * 1024,
} as const;

const reportIdOf = (documentName: string) => (documentName.startsWith("notes:") ? documentName.slice("notes:".length) : null);

interface CollabContext {
  userId: string;
  reportId: string;
}

/**
 * Hocuspocus calls these hooks without waiting for them (or from timers): a
 * rejection there would be unhandled and stop the process. Log it instead.
 */
function logged<P>(name: string, hook: (payload: P) => Promise<void>): (payload: P) => Promise<void> {
  return async (payload) => {
    try {
      await hook(payload);
    } catch (e) {
      console.error(`[collab] ${name} failed:`, e instanceof Error ? e.message : e);
    }
  };
}

/** A refusal Hocuspocus passes on to the client as "permission denied" (an Error would also be logged). */
const refuse = (reason = "permission-denied") => ({ reason });

export async function startCollabServer(options: CollabServerOptions): Promise<CollabServer> {
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("The collaboration server needs DATABASE_URL.");
  if (!options.secret) throw new Error("The collaboration server needs the app's NEXTAUTH_SECRET.");
  process.env.DATABASE_URL ??= databaseUrl;
  const instanceId = options.instanceId ?? `collab-${randomUUID().slice(0, 8)}`;
  const replicas = new NotesReplicas(databaseUrl, instanceId);
  /** userId → "socketId documentName" of its open connections on this instance. */
  const connectionsByUser = new Map<string, Set<string>>();

  const server = new Server(
    {
      name: instanceId,
      // Also here: Server.listen(0) would otherwise fall back to port 80.
      port: options.port,
      address: options.host ?? "0.0.0.0",
      quiet: true,
      stopOnSignals: false,
      debounce: 2_000,
      maxDebounce: 10_000,

      async onAuthenticate({ token, documentName, connectionConfig }) {
        const claims = verifyCollabToken(token, options.secret);
        if (!claims || reportIdOf(documentName) !== claims.reportId) throw refuse();
        if ((connectionsByUser.get(claims.userId)?.size ?? 0) >= COLLAB_LIMITS.maxConnectionsPerUser) throw refuse("too-many-connections");
        let role;
        try {
          ({ role } = await getReportAccessOrThrow({ userId: claims.userId, reportId: claims.reportId }));
        } catch (e) {
          if (isAppError(e)) throw refuse();
          throw e;
        }
        connectionConfig.readOnly = !(claims.canWrite && hasRole(role, "annotator"));
        return { userId: claims.userId, reportId: claims.reportId } satisfies CollabContext;
      },

      connected: logged("connected", async ({ context, socketId, documentName }) => {
        const { userId } = context as CollabContext;
        const open = connectionsByUser.get(userId) ?? new Set<string>();
        open.add(`${socketId} ${documentName}`);
        connectionsByUser.set(userId, open);
      }),

      onDisconnect: logged("onDisconnect", async ({ context, socketId, documentName }) => {
        const { userId } = (context ?? {}) as Partial<CollabContext>;
        const open = userId ? connectionsByUser.get(userId) : undefined;
        open?.delete(`${socketId} ${documentName}`);
        if (userId && open?.size === 0) connectionsByUser.delete(userId);
      }),

      async onLoadDocument({ documentName, document }) {
        const reportId = reportIdOf(documentName);
        if (!reportId) throw refuse();
        await replicas.load(reportId, document);
      },

      async beforeHandleMessage({ update, documentName }) {
        const summary = checkCollabMessage(update);
        const reportId = reportIdOf(documentName);
        if (summary.changesDocument && reportId && replicas.bytes(reportId) + summary.bytes > COLLAB_LIMITS.maxDocumentBytes) {
          throw Object.assign(new Error("the notes document is too large"), { code: 4413, reason: "document-too-large" });
        }
      },

      onChange: logged("onChange", async ({ documentName, update, transactionOrigin, context }) => {
        if (transactionOrigin === FROM_DATABASE) return;
        const reportId = reportIdOf(documentName);
        if (reportId) replicas.localUpdate(reportId, update, (context as Partial<CollabContext>)?.userId ?? null);
      }),

      // If it fails (the database is away), the document stays "to be stored" and the next store retries.
      onStoreDocument: logged("onStoreDocument", async ({ documentName }) => {
        const reportId = reportIdOf(documentName);
        if (reportId) await replicas.store(reportId);
      }),

      afterUnloadDocument: logged("afterUnloadDocument", async ({ documentName }) => {
        const reportId = reportIdOf(documentName);
        if (reportId) replicas.forget(reportId);
      }),
    },
    { maxPayload: COLLAB_LIMITS.maxMessageBytes },
  );
  server.webSocketServer.on("connection", limitRate);

  await replicas.start();
  try {
    await new Promise<void>((resolve, reject) => {
      // A port in use is an "error" event, not a rejection.
      server.httpServer.once("error", reject);
      server.listen(options.port).then(() => {
        server.httpServer.off("error", reject);
        resolve();
      }, reject);
    });
  } catch (e) {
    await replicas.stop();
    throw e;
  }

  const recheck = setInterval(() => {
    void recheckMembers(server.hocuspocus.documents).catch((e) => console.error("[collab] membership check failed:", e));
    void replicas.catchUpAll();
  }, COLLAB_LIMITS.recheckMs);
  recheck.unref();

  let stopping: Promise<void> | null = null;
  return {
    port: server.address.port,
    instanceId,
    stop() {
      stopping ??= (async () => {
        clearInterval(recheck);
        // Closing stores every open document (Hocuspocus runs the pending stores); do not wait forever for a stuck one.
        await Promise.race([server.destroy(), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
        await replicas.stop();
      })();
      return stopping;
    },
  };
}

/** Closes the connections of people who are no longer members; makes read-only those who can no longer write. */
async function recheckMembers(documents: Map<string, Document>): Promise<void> {
  const byMember = new Map<string, Connection[]>();
  for (const document of documents.values()) {
    for (const connection of document.getConnections()) {
      const { userId, reportId } = (connection.context ?? {}) as Partial<CollabContext>;
      if (!userId || !reportId) continue;
      const key = `${userId} ${reportId}`;
      byMember.set(key, [...(byMember.get(key) ?? []), connection]);
    }
  }
  for (const [key, connections] of byMember) {
    const [userId, reportId] = key.split(" ");
    let canWrite: boolean;
    try {
      canWrite = hasRole((await getReportAccessOrThrow({ userId, reportId })).role, "annotator");
    } catch (e) {
      if (!isAppError(e)) throw e;
      for (const connection of connections) connection.close({ code: 4403, reason: "permission-denied" });
      continue;
    }
    if (!canWrite) for (const connection of connections) connection.readOnly = true;
  }
}

/** Per socket: too many messages or bytes in a 5-second window closes it (before authentication too). */
function limitRate(socket: WebSocket): void {
  let windowStart = Date.now();
  let messages = 0;
  let bytes = 0;
  socket.on("message", (data: Buffer) => {
    const now = Date.now();
    if (now - windowStart > 5_000) {
      windowStart = now;
      messages = 0;
      bytes = 0;
    }
    messages += 1;
    bytes += data.length;
    if (messages > COLLAB_LIMITS.maxMessagesPerWindow || bytes > COLLAB_LIMITS.maxBytesPerWindow) socket.close(1008, "rate-limited");
  });
}
