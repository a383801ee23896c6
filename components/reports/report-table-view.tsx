"use client";

import { tableCsv, type ReportTable } from "@/lib/reports/report-tables";

/**
 * A chart's numbers as a table (the accessible reading of the chart) with a CSV download of
 * exactly those rows. The file is built in the browser from the figures on screen.
 */
export function ReportTableView({
  table,
  caption,
  filename,
  testId,
  formatters = {},
}: {
  table: ReportTable;
  caption: string;
  filename: string;
  testId: string;
  /** Display formatting per column index; the CSV keeps the raw numbers. */
  formatters?: Record<number, (cell: string | number | null) => string>;
}) {
  const download = () => {
    const url = URL.createObjectURL(new Blob([tableCsv(table)], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <div className="mt-3">
      {/* Long ranges scroll inside the box: focusable and named, so a keyboard can scroll it too. */}
      <div className="max-h-80 overflow-auto rounded-md border border-slate-200" tabIndex={0} role="region" aria-label={caption}>
        <table className="w-full text-left text-sm" data-testid={testId}>
          <caption className="sr-only">{caption}</caption>
          <thead className="sticky top-0 bg-slate-50 text-xs text-slate-600">
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col" className="px-3 py-2 font-medium">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.rows.length === 0 ? (
              <tr>
                <td colSpan={table.columns.length} className="px-3 py-2 text-slate-500">
                  Nothing in this range.
                </td>
              </tr>
            ) : (
              table.rows.map((row, rowIndex) => (
                <tr key={rowIndex}>
                  {row.map((cell, column) =>
                    column === 0 ? (
                      <th key={column} scope="row" className="px-3 py-1.5 font-normal text-slate-900">
                        {cell}
                      </th>
                    ) : (
                      <td key={column} className="px-3 py-1.5 text-slate-700 tabular-nums">
                        {formatters[column] ? formatters[column](cell) : (cell ?? "—")}
                      </td>
                    ),
                  )}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <button type="button" onClick={download} className="mt-2 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50">
        Download CSV<span className="sr-only"> of {caption.toLowerCase()}</span>
      </button>
    </div>
  );
}
