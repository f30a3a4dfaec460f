import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import { PASSWORD_MIN } from "./auth";

/**
 * Whether a new password can be guessed, by zxcvbn (zxcvbn-ts): the common
 * passwords, names and words of its dictionaries, keyboard walks, dates,
 * repeats and l33t, plus the person's own name and email. It weighs a few
 * megabytes of dictionaries, so the register form loads this module only when
 * it is needed; the server always checks.
 */
let factory: ZxcvbnFactory | undefined;

/** zxcvbn's score: 3 resists an offline attack on a slow hash; less is "guessable". */
const MIN_SCORE = 3;

/** The reason a password is refused, worded for the person choosing it; null when it will do. */
export function passwordProblem(password: string, userInputs: string[] = []): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  // The estimate's cost grows with length; past 100 characters a password is long enough to judge by its start.
  // The person's name and email, whole, joined up ("ranahaddad") and in parts, are words an attacker tries first.
  const inputs = userInputs
    .flatMap((s) => [s, s.split("@")[0], s.split("@")[0].replace(/[\s._-]+/g, ""), ...s.split(/[@\s._-]+/)])
    .filter((s) => s.length >= 3);
  const result = factory.check(password.slice(0, 100), inputs);
  if (result.score >= MIN_SCORE) return null;
  const warning = result.feedback.warning ? `${result.feedback.warning} ` : "";
  const suggestion = result.feedback.suggestions[0] ?? "Add another word or two; uncommon words are better.";
  return `This password is easy to guess. ${warning}${suggestion}`.trim();
}
