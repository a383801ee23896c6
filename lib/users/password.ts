import bcrypt from "bcryptjs";

const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** Compared against when the email is unknown, so timing does not reveal which accounts exist. */
export const UNKNOWN_USER_HASH = bcrypt.hashSync("unknown-user-placeholder", COST);
