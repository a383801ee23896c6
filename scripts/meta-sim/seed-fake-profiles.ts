// Gives simulated Instagram customers their friendly names in the fake Graph API, so the app's
// profile lookup shows "Ana Costa" for --from ana.costa instead of a generated name.
import { displayNameFor, igsidFor } from "./ids";

/** Best effort: false when no fake Graph API answers at graphUrl (the app then shows generated names). */
export async function seedFakeProfiles(graphUrl: string, names: string[]): Promise<boolean> {
  try {
    for (const name of names) {
      const response = await fetch(`${graphUrl.replace(/\/+$/, "")}/__fake/profiles`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          id: igsidFor(name),
          profile: { name: displayNameFor(name), username: name.toLowerCase().replace(/\s+/g, ".") },
        }),
        signal: AbortSignal.timeout(1000),
      });
      if (!response.ok) return false;
    }
    return true;
  } catch {
    return false;
  }
}
