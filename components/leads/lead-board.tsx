"use client";

import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  pointerWithin,
  rectIntersection,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
} from "@dnd-kit/core";
import Link from "next/link";
import { useLayoutEffect, useRef, useState } from "react";
import { LEAD_STATUSES, type LeadStatusValue } from "@/lib/inbox/constants";
import type { BoardColumnJson, BoardJson, LeadJson } from "@/lib/leads/api-types";
import { LEAD_STATUS_LABEL } from "@/lib/leads/constants";
import { leadsHref, type LeadsUrlState } from "@/lib/leads/leads-url";
import { formatMoney } from "@/lib/leads/money";
import { useLeadBoard } from "@/lib/swr/use-lead-board";
import { LeadCard } from "./lead-card";
import { LostReasonDialog } from "./lost-reason-dialog";

const COLUMN_TONE: Record<LeadStatusValue, string> = {
  NEW: "bg-sky-500",
  CONTACTED: "bg-violet-500",
  QUALIFIED: "bg-amber-500",
  WON: "bg-emerald-500",
  LOST: "bg-slate-400",
};

/** Where the board was scrolled when a card opened a conversation: Back brings the user to the same spot. */
const SCROLL_KEY = "leads-board-scroll";

const label = (status: unknown) => LEAD_STATUS_LABEL[status as LeadStatusValue] ?? String(status);

/**
 * Keyboard moves jump a whole stage: Left/Right place the card over the neighbouring column (the
 * default sensor nudges it 25 px, which would take a dozen presses to cross one column).
 */
const jumpBetweenColumns: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  if (event.code !== "ArrowRight" && event.code !== "ArrowLeft") return event.code === "ArrowUp" || event.code === "ArrowDown" ? currentCoordinates : undefined;
  event.preventDefault();
  const current = context.collisionRect;
  if (!current) return undefined;
  const centre = current.left + current.width / 2;
  const columns = [...context.droppableRects.values()].sort((a, b) => a.left - b.left);
  const target = event.code === "ArrowRight" ? columns.find((rect) => rect.left > centre) : columns.filter((rect) => rect.right < centre).at(-1);
  return target ? { x: target.left + (target.width - current.width) / 2, y: target.top + 8 } : currentCoordinates;
};

/** The pointer's column when there is a pointer; otherwise (keyboard) the column the card overlaps most. */
const collision: CollisionDetection = (args) => {
  const underPointer = pointerWithin(args);
  return underPointer.length ? underPointer : rectIntersection(args);
};

interface PendingLoss {
  lead: LeadJson;
  from: LeadStatusValue;
}

export function LeadBoard({ state, onOpen, onMove }: {
  state: LeadsUrlState;
  onOpen: (lead: LeadJson) => void;
  onMove: (lead: LeadJson, to: LeadStatusValue, lostReason?: string) => Promise<void>;
}) {
  const { data, mutate } = useLeadBoard(state);
  const [active, setActive] = useState<LeadJson | null>(null);
  const [pendingLoss, setPendingLoss] = useState<PendingLoss | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const boardRef = useRef<HTMLDivElement>(null);
  useRestoredScroll(boardRef, Boolean(data));

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: jumpBetweenColumns, keyboardCodes: { start: ["Space"], cancel: ["Escape"], end: ["Space", "Enter"] } }),
  );

  const leadName = (id: unknown) => data?.columns.flatMap((column) => column.leads).find((lead) => lead.id === id)?.name ?? "the lead";
  const announcements: Announcements = {
    onDragStart: ({ active: card }) => `Picked up ${leadName(card.id)}. Use the left and right arrow keys to choose a stage, Space to drop, Escape to cancel.`,
    onDragOver: ({ active: card, over }) => (over ? `${leadName(card.id)} is over ${label(over.id)}.` : `${leadName(card.id)} is not over a stage.`),
    onDragEnd: ({ active: card, over }) => (over ? `${leadName(card.id)} dropped in ${label(over.id)}.` : `${leadName(card.id)} was put back.`),
    onDragCancel: ({ active: card }) => `Moving ${leadName(card.id)} was cancelled; it stays where it was.`,
  };

  const move = async (lead: LeadJson, from: LeadStatusValue, to: LeadStatusValue, lostReason?: string) => {
    setAnnouncement(`Moving ${lead.name} to ${label(to)}…`);
    try {
      await mutate(
        async (current) => {
          await onMove(lead, to, lostReason);
          return current;
        },
        { optimisticData: (current) => moveCard(current, lead, from, to), rollbackOnError: true, revalidate: true, populateCache: false },
      );
      setAnnouncement(`${lead.name} moved to ${label(to)}.`);
    } catch (error) {
      setAnnouncement(`Couldn't move ${lead.name}: ${(error as Error).message}`);
    }
  };

  const onDragEnd = ({ active: card, over }: DragEndEvent) => {
    setActive(null);
    const lead = card.data.current?.lead as LeadJson | undefined;
    const to = over?.id as LeadStatusValue | undefined;
    if (!lead || !to || to === lead.status) return;
    if (to === "LOST") setPendingLoss({ lead, from: lead.status });
    else void move(lead, lead.status, to);
  };

  return (
    <>
      <DndContext
        sensors={sensors}
        collisionDetection={collision}
        accessibility={{
          announcements,
          screenReaderInstructions: {
            draggable: "To move this lead to another stage, press Space, then the left and right arrow keys, then Space to drop. Escape cancels. Enter opens the conversation.",
          },
        }}
        onDragStart={({ active: card }) => setActive((card.data.current?.lead as LeadJson | undefined) ?? null)}
        onDragCancel={() => setActive(null)}
        onDragEnd={onDragEnd}
      >
        <div ref={boardRef} data-board-scroll className="flex h-full min-h-0 snap-x snap-mandatory gap-3 overflow-x-auto p-3 sm:snap-none sm:p-4">
          {(data?.columns ?? LEAD_STATUSES.map(emptyColumn)).map((column) => (
            <BoardColumn key={column.status} column={column} state={state} onOpen={onOpen} />
          ))}
        </div>
        <DragOverlay dropAnimation={null}>{active ? <LeadCard lead={active} overlay /> : null}</DragOverlay>
      </DndContext>
      <p role="status" aria-live="polite" className="sr-only" data-testid="board-announcement">{announcement}</p>
      {pendingLoss ? (
        <LostReasonDialog
          leadName={pendingLoss.lead.name}
          onCancel={() => {
            setAnnouncement(`${pendingLoss.lead.name} stays in ${label(pendingLoss.from)}.`);
            setPendingLoss(null);
          }}
          onConfirm={(reason) => {
            setPendingLoss(null);
            void move(pendingLoss.lead, pendingLoss.from, "LOST", reason || undefined);
          }}
        />
      ) : null}
    </>
  );
}

function BoardColumn({ column, state, onOpen }: { column: BoardColumnJson; state: LeadsUrlState; onOpen: (lead: LeadJson) => void }) {
  const { setNodeRef, isOver } = useDroppable({ id: column.status });
  const hidden = column.count - column.leads.length;
  return (
    <section
      ref={setNodeRef}
      aria-labelledby={`column-${column.status}`}
      data-testid={`column-${column.status}`}
      className={`flex w-[85vw] max-w-[20rem] shrink-0 snap-start flex-col rounded-xl bg-slate-100/80 sm:w-auto sm:max-w-sm sm:min-w-60 sm:flex-1 ${isOver ? "ring-2 ring-brand-500" : ""}`}
    >
      <header className="flex items-center gap-2 px-3 pt-3 pb-2">
        <span className={`h-2 w-2 rounded-full ${COLUMN_TONE[column.status]}`} aria-hidden />
        <h2 id={`column-${column.status}`} className="text-sm font-semibold text-slate-800">{label(column.status)}</h2>
        <span className="rounded-full bg-white px-2 py-0.5 text-xs font-medium text-slate-600 tabular-nums" data-testid="column-count">{column.count.toLocaleString()}</span>
        <span className="ml-auto text-xs font-medium text-slate-600 tabular-nums" data-testid="column-total">
          {column.totals.map((total) => formatMoney(total.value, total.currency)).join(" + ")}
        </span>
      </header>
      <div data-column-scroll={column.status} className="flex min-h-24 flex-1 flex-col gap-2 overflow-y-auto px-2 pb-2">
        {column.leads.map((lead) => <LeadCard key={lead.id} lead={lead} onOpen={onOpen} />)}
        {column.leads.length === 0 ? <p className="px-2 py-6 text-center text-xs text-slate-400">No leads here</p> : null}
        {hidden > 0 ? (
          <Link href={leadsHref({ ...state, view: "table", status: [column.status] })} className="rounded-md px-2 py-1.5 text-center text-xs font-medium text-brand-700 hover:bg-white">
            {hidden.toLocaleString()} more in the table →
          </Link>
        ) : null}
      </div>
    </section>
  );
}

function emptyColumn(status: LeadStatusValue): BoardColumnJson {
  return { status, count: 0, totals: [], leads: [], nextCursor: null };
}

/** The board after a move, before the server answers: the card leaves one column for the top of the other, with counts and totals. */
function moveCard(board: BoardJson | undefined, lead: LeadJson, from: LeadStatusValue, to: LeadStatusValue): BoardJson {
  if (!board) return { columns: [] };
  const moved = { ...lead, status: to };
  const shift = (column: BoardColumnJson, sign: 1 | -1): BoardColumnJson => {
    const totals = column.totals.map((total) => ({ ...total }));
    if (lead.value) {
      const entry = totals.find((total) => total.currency === lead.currency);
      if (entry) entry.value += sign * lead.value;
      else if (sign === 1) totals.push({ currency: lead.currency, value: lead.value });
    }
    return {
      ...column,
      count: column.count + sign,
      totals: totals.filter((total) => total.value > 0),
      leads: sign === 1 ? [moved, ...column.leads] : column.leads.filter((card) => card.id !== lead.id),
    };
  };
  return { columns: board.columns.map((column) => (column.status === from ? shift(column, -1) : column.status === to ? shift(column, 1) : column)) };
}

/** Puts the board and its columns back where they were scrolled, once, when coming back to the same URL. */
function useRestoredScroll(boardRef: React.RefObject<HTMLDivElement | null>, ready: boolean) {
  useLayoutEffect(() => {
    if (!ready || !boardRef.current) return;
    const saved = sessionStorage.getItem(SCROLL_KEY);
    if (!saved) return;
    sessionStorage.removeItem(SCROLL_KEY);
    const { href, left, columns } = JSON.parse(saved) as { href: string; left: number; columns: Record<string, number> };
    if (href !== location.pathname + location.search) return;
    boardRef.current.scrollLeft = left;
    for (const element of boardRef.current.querySelectorAll<HTMLElement>("[data-column-scroll]")) {
      element.scrollTop = columns[element.dataset.columnScroll ?? ""] ?? 0;
    }
  }, [boardRef, ready]);
}

/** Called before leaving for a conversation. */
export function rememberBoardScroll() {
  const board = document.querySelector<HTMLElement>("[data-board-scroll]");
  if (!board) return;
  const columns = Object.fromEntries(
    [...board.querySelectorAll<HTMLElement>("[data-column-scroll]")].map((element) => [element.dataset.columnScroll, element.scrollTop]),
  );
  sessionStorage.setItem(SCROLL_KEY, JSON.stringify({ href: location.pathname + location.search, left: board.scrollLeft, columns }));
}
