/** One JSON API call as a signed-in user: the raw text (for leak checks) and the parsed body. */
export async function callApi(appUrl: string, cookie: string, method: string, path: string, body?: unknown) {
  const request = () =>
    fetch(`${appUrl}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  // A keep-alive socket the server closed while a test seeded for a while (a loaded machine) fails
  // its next use; a read is safe to send again on a fresh one.
  const res = await request().catch((error: unknown) => {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (method === "GET" && code === "UND_ERR_SOCKET") return request();
    throw error;
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
