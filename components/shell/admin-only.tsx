export function AskAnAdmin() {
  return (
    <main className="flex h-full items-center justify-center p-8">
      <div className="max-w-md rounded-xl border border-slate-200 bg-white p-6 text-center shadow-sm">
        <h1 className="text-lg font-semibold">Settings are for admins</h1>
        <p className="mt-2 text-sm text-slate-600">
          Connecting channels, managing the team and the blocklist need an admin account. Ask an admin on your team if
          something here needs changing.
        </p>
      </div>
    </main>
  );
}
