import type { KeyboardEvent } from "react";

/**
 * Keys for a suggestion menu over a text box (quick replies after "/", teammates after "@"):
 * arrows move the highlight round the list, Enter or Tab takes the highlighted one, Escape closes
 * the menu without leaving the thread. Returns true when the key was the menu's.
 */
export function handleSuggestionKeys<T>(
  event: KeyboardEvent,
  menu: { items: T[]; highlight: number; setHighlight: (update: (index: number) => number) => void; pick: (item: T) => void; close: () => void },
): boolean {
  const { items } = menu;
  if ((event.key === "ArrowDown" || event.key === "ArrowUp") && items.length > 0) {
    event.preventDefault();
    menu.setHighlight((index) => (index + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length);
    return true;
  }
  if ((event.key === "Enter" || event.key === "Tab") && items.length > 0) {
    event.preventDefault();
    menu.pick(items[menu.highlight] ?? items[0]);
    return true;
  }
  if (event.key === "Escape") {
    event.preventDefault();
    event.stopPropagation();
    menu.close();
    return true;
  }
  return false;
}
