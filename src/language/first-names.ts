import { createRequire } from 'node:module';

type GenderLookup = (name: string, language?: 'en') => 'male' | 'female' | 'unknown';

let lookup: GenderLookup | null = null;

// The name tables are 2 MB: they load on the first follow-up that needs a gender, not when the engine starts.
function genderLookup(): GenderLookup {
  lookup ??= (createRequire(import.meta.url)('gender-detection-from-name') as { getGender: GenderLookup }).getGender;
  return lookup;
}

/** Loads the name tables now, so that the first follow-up that needs them does not wait for them. */
export function loadFirstNames(): void {
  genderLookup();
}

/** The gender a given first name usually has ("Sandra": female), or null for a word that is not a known first name. */
export function firstNameGender(firstName: string): 'male' | 'female' | null {
  if (!/^\p{Lu}\p{Ll}+$/u.test(firstName)) return null;
  const gender = genderLookup()(firstName.toLowerCase(), 'en');
  return gender === 'unknown' ? null : gender;
}
