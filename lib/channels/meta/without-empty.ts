/** The fields Meta actually filled: it leaves some out and sends others as "" (its BSUID examples do). */
export const withoutEmpty = <T extends object>(fields: T): Partial<T> =>
  Object.fromEntries(Object.entries(fields).filter(([, field]) => field !== undefined && field !== "")) as Partial<T>;
