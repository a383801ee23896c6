"use client";

import { Bar, BarChart, CartesianGrid, Cell, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ReportTable } from "@/lib/reports/report-tables";

/**
 * The reports' charts (recharts), imported only by the reports page through next/dynamic so the
 * library never reaches the inbox's bundle. They draw the same tables the page lists under them;
 * the tables are the accessible reading, so the SVGs are hidden from screen readers.
 */

const CHANNEL_COLOURS: Record<string, string> = { Instagram: "#db2777", WhatsApp: "#16a34a", Messenger: "#2563eb" };
const STAGE_COLOURS = ["#94a3b8", "#60a5fa", "#a78bfa", "#22c55e", "#f87171"];

export function ConversationsChart({ table }: { table: ReportTable }) {
  const channels = table.columns.slice(1, -1);
  const data = table.rows.map((row) => Object.fromEntries(table.columns.map((column, index) => [column, row[index]])));
  return (
    <div className="h-64" aria-hidden="true" data-testid="chart-by-day">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="Day" tickFormatter={(day: string) => day.slice(5)} fontSize={11} minTickGap={12} />
          <YAxis allowDecimals={false} fontSize={11} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {channels.map((channel) => (
            <Bar key={channel} dataKey={channel} stackId="channels" fill={CHANNEL_COLOURS[channel] ?? "#64748b"} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** The funnel: a bar per stage in pipeline order, labelled with its count. */
export function LeadsFunnelChart({ table }: { table: ReportTable }) {
  const data = table.rows.map((row) => ({ stage: row[0], leads: row[1] }));
  return (
    <div className="h-56" aria-hidden="true" data-testid="chart-funnel">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ top: 4, right: 32, bottom: 0, left: 8 }}>
          <XAxis type="number" allowDecimals={false} fontSize={11} />
          <YAxis type="category" dataKey="stage" width={80} fontSize={12} />
          <Tooltip />
          <Bar dataKey="leads" isAnimationActive={false}>
            {data.map((entry, index) => (
              <Cell key={String(entry.stage)} fill={STAGE_COLOURS[index % STAGE_COLOURS.length]} />
            ))}
            <LabelList dataKey="leads" position="right" fontSize={12} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
