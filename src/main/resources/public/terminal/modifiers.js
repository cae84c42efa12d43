// Modifiers (docs/protocol.md "Configuration", "addLine"): a product names the modifier groups it
// asks for; each group is a choice of at least `min` and at most `max` options (max 0: any number),
// each option with a price delta in grosze. These are the chooser's rules and the line's preview
// price, as the server checks and prices them: the server's answer is the truth.

/** The groups {@code product} asks for, in its order, from the configuration's modifier groups. */
export function groupsOf(product, config) {
  const byId = new Map((config?.modifierGroups ?? []).map((g) => [g.id, g]));
  return (product?.groups ?? []).map((id) => byId.get(id)).filter((g) => g);
}

/** Whether adding {@code product} first asks for a choice (it has at least one group). */
export function asksForChoice(product, config) {
  return groupsOf(product, config).some((g) => (g.options ?? []).length > 0);
}

/** Whether a group must be chosen from (min above 0): marked "required" in the chooser. */
export const required = (group) => (group.min ?? 0) > 0;

/** The most options a group takes: its max, or all of them when max is 0. */
export const most = (group) => (group.max > 0 ? group.max : (group.options ?? []).length);

/**
 * What is wrong with {@code chosen} (option ids) for {@code groups}: one entry per group that is
 * not satisfied, in the groups' order: {groupId, name, problem: 'min'|'max', min, max, count}. An
 * empty list: the line may be added.
 */
export function choiceProblems(groups, chosen) {
  const picked = new Set(chosen);
  const problems = [];
  for (const g of groups) {
    const count = (g.options ?? []).filter((o) => picked.has(o.id)).length;
    const min = Math.min(g.min ?? 0, (g.options ?? []).length);
    const max = most(g);
    if (count < min) {
      problems.push({ groupId: g.id, name: g.name, problem: 'min', min, max, count });
    } else if (count > max) {
      problems.push({ groupId: g.id, name: g.name, problem: 'max', min, max, count });
    }
  }
  return problems;
}

/**
 * {@code chosen} after a tap on option {@code optionId} of {@code group}: a group of one (max 1)
 * swaps its choice, like a radio button; another toggles the option, and an option past the max
 * is not taken (the chooser says why).
 */
export function toggle(group, chosen, optionId) {
  const mine = new Set((group.options ?? []).map((o) => o.id));
  if (chosen.includes(optionId)) return chosen.filter((id) => id !== optionId);
  if (most(group) === 1) return [...chosen.filter((id) => !mine.has(id)), optionId];
  const count = chosen.filter((id) => mine.has(id)).length;
  return count >= most(group) ? chosen : [...chosen, optionId];
}

/**
 * The chosen options as a line shows them, in the groups' and options' order: [{groupId,
 * optionId, group, name, delta}] (the server's line view).
 */
export function chosenModifiers(groups, chosen) {
  const picked = new Set(chosen);
  return groups.flatMap((g) => (g.options ?? []).filter((o) => picked.has(o.id))
    .map((o) => ({ groupId: g.id, optionId: o.id, group: g.name, name: o.name, delta: o.delta })));
}

/** The unit price of {@code price} with {@code modifiers}: price + the deltas, never below 0. */
export function modifiedPrice(price, modifiers) {
  return Math.max(0, (modifiers ?? []).reduce((sum, m) => sum + (m.delta ?? 0), price));
}

/** "Duża, mleko owsiane": a line's modifiers in one short line of text. */
export function modifierText(modifiers) {
  return (modifiers ?? []).map((m) => m.name).join(', ');
}
