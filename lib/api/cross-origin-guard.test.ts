import { describe, expect, it } from "vitest";
import { refusalFor } from "@/lib/api/cross-origin-guard";

const OWN = "http://127.0.0.1:3000";

function check(method: string, pathname: string, headers: Record<string, string>) {
  return refusalFor({ method, pathname, headers: new Headers(headers), ownOrigins: [OWN, "https://inbox.example.com"] });
}

describe("refusalFor", () => {
  it("lets same-origin JSON through, and reads alone", () => {
    expect(check("POST", "/api/settings/users", { origin: OWN, "sec-fetch-site": "same-origin", "content-type": "application/json" })).toBeNull();
    expect(check("PATCH", "/api/x", { origin: "https://inbox.example.com", "content-type": "application/json; charset=utf-8" })).toBeNull();
    expect(check("GET", "/api/x", { origin: "https://evil.example", "sec-fetch-site": "cross-site" })).toBeNull();
  });

  it("refuses another origin, a sibling subdomain, another port and the opaque null origin", () => {
    for (const origin of ["https://evil.example", "https://sub.inbox.example.com", "http://127.0.0.1:3001", "null"]) {
      expect(check("POST", "/api/settings/users", { origin, "content-type": "application/json" })?.status).toBe(403);
    }
    expect(check("DELETE", "/api/x", { "sec-fetch-site": "same-site" })?.status).toBe(403);
    expect(check("POST", "/api/x", { "sec-fetch-site": "cross-site", "content-type": "application/json" })?.status).toBe(403);
  });

  it("refuses bodies a form or a simple request can send, even from the app's own origin", () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      expect(check("POST", "/api/settings/users", { origin: OWN, "content-type": type, "content-length": "10" })?.status).toBe(403);
    }
    expect(check("POST", "/api/x", { "content-length": "10" })?.status).toBe(403);
  });

  it("takes multipart only where a route uploads, and no type where there is no body", () => {
    expect(check("POST", "/api/inbox/conversations/c1/attachments", { origin: OWN, "content-type": "multipart/form-data; boundary=x" })).toBeNull();
    expect(check("POST", "/api/inbox/conversations/c1/read", { origin: OWN, "content-length": "0" })).toBeNull();
  });

  it("checks the origin of server actions on pages, and leaves Meta, next-auth and the token API to their own checks", () => {
    expect(check("POST", "/setup", { origin: "https://evil.example", "content-type": "multipart/form-data" })?.status).toBe(403);
    expect(check("POST", "/setup", { origin: OWN, "content-type": "multipart/form-data" })).toBeNull();
    for (const path of ["/api/webhooks/instagram", "/api/auth/callback/credentials", "/api/v1/messages"]) {
      expect(check("POST", path, { "content-type": "text/plain" })).toBeNull();
    }
  });
});
