// The modifier chooser: opened by a tap on a product with modifier groups, before its line is
// added. Per group its options with their price deltas (a group of one choice swaps like a radio
// button, the others toggle), required groups marked; the price the line will have; "Add" stays
// off, with the reason beside it, until every group is satisfied (modifiers.js, the server's
// rules). Cancel adds nothing.
import { html } from 'lit';
import { TerminalElement } from './terminal-element.js';
import { formatMoney } from './money.js';
import { groupsOf, required, most, choiceProblems, toggle, chosenModifiers,
  modifiedPrice } from './modifiers.js';

class ModifierChooser extends TerminalElement {
  static properties = { product: { state: true }, chosen: { state: true } };

  constructor() {
    super();
    this.product = null;
    this.chosen = [];
  }

  async open(product) {
    this.product = product;
    this.chosen = [];
    await this.updateComplete;
    this.querySelector('dialog').showModal();
  }

  close() {
    this.querySelector('dialog')?.close();
    this.product = null;
  }

  add() {
    const t = this.terminal;
    const groups = groupsOf(this.product, t.config);
    if (choiceProblems(groups, this.chosen).length > 0) return;
    // The options in the groups' order, as the line will show them.
    t.addProduct(this.product, 1000, chosenModifiers(groups, this.chosen).map((m) => m.optionId));
    this.close();
  }

  /** "Required: choose 1", "Optional, up to 2", "Optional": what a group asks for. */
  rule(group) {
    const t = this.terminal;
    const max = most(group);
    if (required(group)) {
      return group.min === max ? t.t('modifiers.requiredExactly', { count: group.min })
        : t.t('modifiers.requiredRange', { min: group.min, max });
    }
    return group.max > 0 ? t.t('modifiers.optionalUpTo', { max }) : t.t('modifiers.optional');
  }

  why(problem) {
    const t = this.terminal;
    return problem.problem === 'min'
      ? t.t('modifiers.chooseMin', { group: problem.name, count: problem.min })
      : t.t('modifiers.chooseMax', { group: problem.name, count: problem.max });
  }

  render() {
    const t = this.terminal;
    const p = this.product;
    if (!t) return html``;
    const money = (g) => formatMoney(g, t.lang);
    const delta = (d) => (d === 0 ? '' : (d > 0 ? '+' : '−') + money(Math.abs(d)));
    const groups = p ? groupsOf(p, t.config) : [];
    const problems = choiceProblems(groups, this.chosen);
    const price = p ? modifiedPrice(p.price, chosenModifiers(groups, this.chosen)) : 0;
    return html`<dialog class="chooser" aria-labelledby="chooser-title"
      @cancel=${(e) => { e.preventDefault(); this.close(); }}>
      ${p ? html`<h2 id="chooser-title">${p.name}</h2>
        <div class="groups">
          ${groups.map((g) => html`<fieldset data-group=${g.id}
            data-required=${required(g) ? 'true' : 'false'}>
            <legend><span class="group-name">${g.name}</span>
              <span class="${required(g) ? 'required' : 'muted'}">${this.rule(g)}</span></legend>
            <div class="options">
              ${(g.options ?? []).map((o) => {
                const on = this.chosen.includes(o.id);
                return html`<button type="button" data-option=${o.id} aria-pressed=${on}
                  @click=${() => { this.chosen = toggle(g, this.chosen, o.id); }}>
                  <span>${o.name}</span><span
                  class="amount muted">${delta(o.delta)}</span></button>`;
              })}
            </div>
          </fieldset>`)}
        </div>
        <p class="chooser-price"><span>${t.t('modifiers.price')}</span>
          <strong class="amount" id="chooser-price">${money(price)}</strong></p>
        <div role="status" id="chooser-why">${problems.length > 0
          ? html`<p class="hint"
            data-why>${problems.map((x) => this.why(x)).join(' ')}</p>` : ''}</div>
        <div class="buttons">
          <button type="button" data-action="cancel-choice"
            @click=${() => this.close()}>${t.t('receipt.cancel')}</button>
          <button type="button" class="primary" data-action="add-choice"
            aria-describedby="chooser-why" ?disabled=${problems.length > 0}
            @click=${() => this.add()}>${t.t('modifiers.add', { price: money(price) })}</button>
        </div>` : ''}
    </dialog>`;
  }
}
customElements.define('modifier-chooser', ModifierChooser);
