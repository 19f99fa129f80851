import { z } from 'zod';

/** With the `u` flag a valid surrogate pair reads as one code point, so only a lone half is `Cs`. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * True when PostgreSQL can store `value` as text: it refuses NUL outright, and a lone UTF-16
 * surrogate has no UTF-8 encoding (node-postgres would silently store U+FFFD instead).
 */
export function isStorableText(value: string): boolean {
  return !value.includes('\0') && !LONE_SURROGATE.test(value);
}

export const unstorableTextMessage = 'must not contain NUL characters or unpaired UTF-16 surrogates';

/**
 * The string atom of every request schema (REST and GraphQL parse with the same schemas): any
 * text a caller sends is refused at the edge with 400 invalid_input when the database could not
 * hold it, instead of failing as a 500 inside a transaction.
 */
export function text() {
  return z.string().refine(isStorableText, unstorableTextMessage);
}

/** `<` `>` delimit the email in a git author line; control characters would break the header. */
const NOT_A_GIT_AUTHOR = /[<>\p{Cc}]/u;

/**
 * A person's display name: it becomes the author of the commits they ask for, so it must be a
 * name git can carry, or every change they request would fail to commit.
 */
export function personName() {
  return text()
    .trim()
    .min(1)
    .max(200)
    .refine((name) => !NOT_A_GIT_AUTHOR.test(name), 'must not contain angle brackets or control characters');
}
