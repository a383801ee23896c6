"use client";

import { useSWRConfig } from "swr";
import { AddStaffForm } from "@/components/settings/add-staff-form";
import { StaffRow } from "@/components/settings/staff-row";
import { TeamSettingsCard } from "@/components/settings/team-settings-card";
import type { TeamSettingsValues } from "@/lib/settings/team-settings-values";
import type { StaffMember } from "@/lib/settings/list-users";
import { auditLogKey } from "@/lib/swr/use-audit-log";
import { useTeam } from "@/lib/swr/use-team";

export function TeamPanel({ initial, currentUserId, teamSettings }: { initial: StaffMember[]; currentUserId: string; teamSettings: TeamSettingsValues }) {
  const { data, mutate } = useTeam(initial);
  const { mutate: mutateKey } = useSWRConfig();
  const refresh = () => {
    void mutate();
    void mutateKey(auditLogKey("user"));
  };
  const users = data?.users ?? initial;
  return (
    <div className="space-y-6">
      <TeamSettingsCard initial={teamSettings} onSaved={() => void mutateKey(auditLogKey("user"))} />
      <AddStaffForm onAdded={refresh} />
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
        {/* On a phone each person is a card (the cells stack) instead of a table clipped at the edge. */}
        <table className="block min-w-full divide-y divide-slate-100 sm:table">
          <caption className="sr-only">Staff</caption>
          <thead className="hidden bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500 sm:table-header-group">
            <tr>
              <th scope="col" className="px-4 py-2">Person</th>
              <th scope="col" className="px-4 py-2">Role</th>
              <th scope="col" className="px-4 py-2">Status</th>
              <th scope="col" className="px-4 py-2 text-right">Actions</th>
            </tr>
          </thead>
          <tbody className="block divide-y divide-slate-100 sm:table-row-group">
            {users.map((member) => (
              <StaffRow key={member.id} member={member} isSelf={member.id === currentUserId} onChanged={refresh} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
