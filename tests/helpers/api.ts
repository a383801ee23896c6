/** One JSON API call as a signed-in user: the raw text (for leak checks) and the parsed body. */
export async function callApi(appUrl: string, cookie: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${appUrl}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Pages answer HTML; callers that fetch them read `text`.
  }
  // `any`: tests assert on whatever JSON came back, field by field.
  return { status: res.status, text, body: parsed as any };
}
