// Building blocks for Meta webhook schemas that accept what Meta demonstrably sends, not only what
// its reference pages show: optional fields as null or "", ids and numbers as strings or numbers,
// timestamps in seconds or milliseconds, strings or numbers. Objects stay non-strict (zod strips
// unknown keys), so a new field never costs a customer's message.
import { z } from "zod";

/** null and "" both say "not there": Meta sends optional fields either way (its BSUID examples use ""). */
const absent = z.union([z.null(), z.literal("")]).transform(() => undefined);

/** An optional field: missing, null and "" all read as undefined. */
export const optional = <S extends z.ZodType>(schema: S) => z.union([absent, schema]).optional();

/** Text or an id Meta may spell as a number ("id": 1234): read as a string. */
export const text = z.union([z.string(), z.number()]).transform(String);

/** A required id or key: a non-empty string or a number. */
export const requiredId = z.union([z.string().min(1), z.number()]).transform(String);

export const optionalText = optional(text);

/** A number that may arrive as a numeric string. */
export const optionalNumber = optional(z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]));

export const optionalBoolean = optional(z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]));

/**
 * Epoch seconds or milliseconds, as a number or a numeric string (WhatsApp documents strings of
 * seconds, Instagram numbers of milliseconds; both have been seen the other way). Anything below
 * 10^12 would be a date in 1970 as milliseconds, so it is seconds.
 */
export const epoch = z
  .union([z.number().nonnegative(), z.string().regex(/^\d+(\.\d+)?$/).transform(Number)])
  .transform((value) => new Date(value < 1e12 ? value * 1000 : value));

export const optionalEpoch = optional(epoch);

/** An array that may be missing or null: read as empty. */
export const list = <S extends z.ZodType>(item: S) => optional(z.array(item)).transform((items) => items ?? []);
