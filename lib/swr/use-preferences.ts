import useSWR from "swr";
import type { Json } from "@/lib/inbox/api-types";
import type { Preferences } from "@/lib/notifications/preferences";
import { requestJson } from "@/lib/swr/fetcher";
import type { UpdatePreferencesInput } from "@/lib/validations/preferences";

export const PREFERENCES_KEY = "/api/me/preferences";

export type PreferencesJson = Json<Preferences>;

type PreferencesAnswer = { preferences: PreferencesJson };

/** What the page shows at once, before the server answers (rolled back if it refuses). */
function applied(current: PreferencesJson, changes: UpdatePreferencesInput): PreferencesJson {
  const { away, ...rest } = changes;
  const awayAt = away === undefined ? current.awayAt : away ? (current.awayAt ?? new Date().toISOString()) : null;
  return { ...current, ...rest, awayAt };
}

/** The signed-in person's own notification preferences and Away; `save` patches optimistically. */
export function usePreferences() {
  const swr = useSWR<PreferencesAnswer>(PREFERENCES_KEY, requestJson);
  const save = async (changes: UpdatePreferencesInput) => {
    await swr.mutate(requestJson<PreferencesAnswer>(PREFERENCES_KEY, { method: "PATCH", body: changes }), {
      optimisticData: (current) => (current ? { preferences: applied(current.preferences, changes) } : current!),
      rollbackOnError: true,
      revalidate: false,
    });
  };
  return { preferences: swr.data?.preferences, error: swr.error, save };
}
