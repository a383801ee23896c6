import useSWR from "swr";
import type { Json } from "@/lib/inbox/api-types";
import type { Preferences } from "@/lib/notifications/preferences";
import { requestJson } from "@/lib/swr/fetcher";
import type { UpdatePreferencesInput } from "@/lib/validations/preferences";

export const PREFERENCES_KEY = "/api/me/preferences";

export type PreferencesJson = Json<Preferences>;

/** The signed-in person's own notification preferences and Away; `save` patches and updates the cache. */
export function usePreferences() {
  const swr = useSWR<{ preferences: PreferencesJson }>(PREFERENCES_KEY, requestJson);
  const save = async (changes: UpdatePreferencesInput) => {
    const saved = await requestJson<{ preferences: PreferencesJson }>(PREFERENCES_KEY, { method: "PATCH", body: changes });
    await swr.mutate(saved, { revalidate: false });
    return saved.preferences;
  };
  return { preferences: swr.data?.preferences, error: swr.error, save };
}
