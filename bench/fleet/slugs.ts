// Realistic tenant slugs: company-name-like, with the skew of real first letters.
//
// Where the distribution comes from: names are composed the way company registers read — a
// surname and a trade ("miller-plumbing"), "<x> and <y>", "the <adjective> <noun>", "st <saint>
// <trade>", a place and a trade, a brand pair ("blue-harbor"), a coined word ("zenova"). The
// surnames are the 80 most common of the US Census 2010 list, the other words are hand-picked
// (slug-words.ts). The pattern shares below are assumptions chosen to look like a register (about
// one name in nine starts with "the", one in thirty with "st"), not measured from one; what this
// generator guarantees is English initial letters, not a uniform alphabet. The bench prints the
// resulting first-two-character shares so the skew is visible next to its consequences.
import { prng } from '../git/fixtures.js';
import { ADJECTIVES, NOUNS, PLACES, SAINTS, SURNAMES, SYLLABLES, TRADES } from './slug-words.js';

type Pick = <T>(list: readonly T[]) => T;

/** Pattern → share of names (sums to 1). */
const PATTERNS: readonly [number, (pick: Pick, random: () => number) => string][] = [
  [0.22, (p) => `${p(SURNAMES)}-${p(TRADES)}`],
  [0.04, (p) => `${p(SURNAMES)}-and-${p(SURNAMES)}`],
  [0.02, (p) => `${p(SURNAMES)}-and-sons`],
  [0.07, (p) => `the-${p(ADJECTIVES)}-${p(NOUNS)}`],
  [0.04, (p) => `the-${p(NOUNS)}-${p(TRADES)}`],
  [0.03, (p) => `st-${p(SAINTS)}-${p(TRADES)}`],
  [0.16, (p) => `${p(PLACES)}-${p(TRADES)}`],
  [0.14, (p) => `${p(ADJECTIVES)}-${p(NOUNS)}`],
  [0.1, (p) => `${p(NOUNS)}-${p(TRADES)}`],
  [0.06, (p) => `${p(ADJECTIVES)}-${p(TRADES)}`],
  [
    0.12,
    (p, random) => {
      const word = `${p(SYLLABLES)}${p(SYLLABLES)}${random() < 0.5 ? p(SYLLABLES) : ''}`;
      return random() < 0.5 ? word : `${word}-${p(TRADES)}`;
    },
  ],
];

/**
 * `count` distinct slugs, the same for the same seed. A name already taken gets `-2`, `-3` …, as a
 * sign-up form suggests; slugs stay valid DNS labels short enough for `tenant-<slug>`.
 */
export function realisticSlugs(count: number, seed = 1): string[] {
  const random = prng(seed);
  const pick: Pick = (list) => list[Math.floor(random() * list.length)] as (typeof list)[number];
  const taken = new Map<string, number>();
  const slugs: string[] = [];
  while (slugs.length < count) {
    let roll = random();
    let make = (PATTERNS[PATTERNS.length - 1] as (typeof PATTERNS)[number])[1];
    for (const [share, pattern] of PATTERNS) {
      if (roll < share) {
        make = pattern;
        break;
      }
      roll -= share;
    }
    const name = make(pick, random);
    const seen = taken.get(name) ?? 0;
    taken.set(name, seen + 1);
    slugs.push(seen === 0 ? name : `${name}-${seen + 1}`);
  }
  return slugs;
}
