import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DEMO_INSTAGRAM_ACCOUNT_ID, DEMO_PHONE_NUMBER_ID } from "../../scripts/meta-sim/payloads";
import { startFakeGraph, type FakeGraph } from "../../scripts/fake-graph/start-fake-graph";
import { startApp, TEST_ADMIN, type RunningApp } from "./app";
import { openDatabase } from "./database";
import { signIn } from "./session";

export interface Pipeline {
  graph: FakeGraph;
  app: RunningApp;
  db: PrismaClient;
  /** The signed-in admin's Cookie header. */
  cookie: string;
  stop(): Promise<void>;
}

/** Both channels configured by env vars (the demo's account ids), secrets and tokens named after the suite. */
export function bothChannelsEnv(suite: string) {
  return {
    INSTAGRAM_APP_SECRET: `instagram-secret-${suite}`,
    INSTAGRAM_VERIFY_TOKEN: "verify",
    INSTAGRAM_PAGE_ID: DEMO_INSTAGRAM_ACCOUNT_ID,
    INSTAGRAM_ACCESS_TOKEN: `instagram-token-${suite}`,
    WHATSAPP_APP_SECRET: `whatsapp-secret-${suite}`,
    WHATSAPP_VERIFY_TOKEN: "verify",
    WHATSAPP_PHONE_NUMBER_ID: DEMO_PHONE_NUMBER_ID,
    WHATSAPP_BUSINESS_ACCOUNT_ID: "102290129340398",
    WHATSAPP_ACCESS_TOKEN: `whatsapp-token-${suite}`,
  };
}

/** The fake Graph API, the built app pointed at it with `env`, a database client and an admin session. */
export async function startPipeline(options: { graphPort: number; appPort?: number; env: Record<string, string> }): Promise<Pipeline> {
  const graph = await startFakeGraph({ port: options.graphPort });
  const app = await startApp({ port: options.appPort, env: { META_GRAPH_API_URL: graph.url, ...options.env } });
  const db = openDatabase(app);
  const cookie = await signIn(app.url, TEST_ADMIN.email, TEST_ADMIN.password);
  return {
    graph,
    app,
    db,
    cookie,
    async stop() {
      await db.$disconnect();
      await app.stop();
      await graph.close();
    },
  };
}
