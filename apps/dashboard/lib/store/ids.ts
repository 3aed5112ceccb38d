// Ids name projects and samples in the database, in URLs and in file paths under the data
// directory. They are random (nothing a user typed ever reaches a path) and drawn from a
// lower-case alphabet without look-alikes (Crockford's base 32), so they are safe as file names
// on every OS and never start with "-".
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/** Length of every id: 16 characters of 5 bits each, 80 random bits. */
export const ID_LENGTH = 16;

const ID_PATTERN = /^[0-9a-hjkmnp-tv-z]{16}$/;

/** A fresh random id. */
export function newId(): string {
  const bytes = randomBytes(ID_LENGTH);
  let id = "";
  for (const byte of bytes) id += ALPHABET[byte & 31];
  return id;
}

/** Whether `value` has the shape of an id (checked before an id is looked up or put in a path). */
export function isId(value: string): boolean {
  return ID_PATTERN.test(value);
}
