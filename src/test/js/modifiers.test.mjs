// The modifier chooser's rules (modifiers.js): which products ask, what a valid choice is, how a
// tap changes it and what the line costs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  groupsOf, asksForChoice, required, most, choiceProblems, toggle, chosenModifiers, modifiedPrice,
  modifierText,
} from '../../main/resources/public/terminal/modifiers.js';

const size = { id: 1, name: 'Rozmiar', min: 1, max: 1,
  options: [{ id: 11, name: 'Mała', delta: 0 }, { id: 12, name: 'Duża', delta: 200 }] };
const extras = { id: 2, name: 'Dodatki', min: 0, max: 0,
  options: [{ id: 21, name: 'Mleko owsiane', delta: 150 }, { id: 22, name: 'Syrop', delta: 100 },
    { id: 23, name: 'Cynamon', delta: 0 }] };
const two = { id: 3, name: 'Sosy', min: 1, max: 2,
  options: [{ id: 31, name: 'A', delta: 0 }, { id: 32, name: 'B', delta: 0 },
    { id: 33, name: 'C', delta: 0 }] };
const config = { modifierGroups: [size, extras, two, { id: 4, name: 'Pusta', min: 1, max: 1 }] };

test('a product asks for a choice only when one of its groups has options', () => {
  assert.deepEqual(groupsOf({ groups: [2, 1, 99] }, config).map((g) => g.id), [2, 1],
    'in the product\'s order; an unknown group is left out');
  assert.equal(asksForChoice({ groups: [1] }, config), true);
  assert.equal(asksForChoice({ groups: [] }, config), false);
  assert.equal(asksForChoice({}, config), false, 'a product of an older configuration');
  assert.equal(asksForChoice({ groups: [4] }, config), false, 'a group without options');
  assert.equal(asksForChoice({ groups: [1] }, null), false);
});

test('a group with a min is required; max 0 takes every option', () => {
  assert.equal(required(size), true);
  assert.equal(required(extras), false);
  assert.equal(most(size), 1);
  assert.equal(most(extras), 3);
  assert.equal(most(two), 2);
});

test('a required group left empty and a group over its max are named, in order', () => {
  const groups = [size, extras, two];
  assert.deepEqual(choiceProblems(groups, []).map((p) => [p.groupId, p.problem]),
    [[1, 'min'], [3, 'min']]);
  assert.deepEqual(choiceProblems(groups, [12, 31]), []);
  assert.deepEqual(choiceProblems(groups, [12, 21, 22, 23, 31]), [], 'max 0: any number');
  assert.deepEqual(choiceProblems(groups, [11, 12, 31, 32, 33]).map((p) => [p.groupId, p.problem,
    p.count]), [[1, 'max', 2], [3, 'max', 3]]);
  assert.deepEqual(choiceProblems([extras], []), [], 'an optional group may stay empty');
  assert.deepEqual(choiceProblems(groups, [99, 12, 31]), [], 'an unknown option counts nowhere');
});

test('a tap swaps the choice of a group of one, toggles others and stops at the max', () => {
  assert.deepEqual(toggle(size, [], 11), [11]);
  assert.deepEqual(toggle(size, [11, 21], 12), [21, 12],
    'radio: the other option of the group goes');
  assert.deepEqual(toggle(size, [12], 12), [], 'a second tap takes it back');
  assert.deepEqual(toggle(extras, [21], 22), [21, 22]);
  assert.deepEqual(toggle(extras, [21, 22], 21), [22]);
  assert.deepEqual(toggle(two, [31, 32], 33), [31, 32], 'past the max: not taken');
  assert.deepEqual(toggle(two, [31, 12], 32), [31, 12, 32], 'other groups do not count');
});

test('the chosen options are shown in the groups\' order and priced on top of the product', () => {
  const mods = chosenModifiers([size, extras], [22, 12, 21]);
  assert.deepEqual(mods, [
    { groupId: 1, optionId: 12, group: 'Rozmiar', name: 'Duża', delta: 200 },
    { groupId: 2, optionId: 21, group: 'Dodatki', name: 'Mleko owsiane', delta: 150 },
    { groupId: 2, optionId: 22, group: 'Dodatki', name: 'Syrop', delta: 100 },
  ]);
  assert.equal(modifiedPrice(1400, mods), 1850);
  assert.equal(modifiedPrice(1400, []), 1400);
  assert.equal(modifiedPrice(300, [{ delta: -500 }]), 0, 'never below 0');
  assert.equal(modifierText(mods), 'Duża, Mleko owsiane, Syrop');
  assert.equal(modifierText(undefined), '');
});
