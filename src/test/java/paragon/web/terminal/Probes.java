package paragon.web.terminal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.WebElement;

/**
 * What the quality test measures in the page, each in one script: the controls a finger or a screen
 * reader meets, their sizes and names, and a recorder of where regions of the screen are, frame by frame.
 */
final class Probes {
  private Probes() {}

  /**
   * The controls a person can use now: visible, enabled, on screen (a closed drawer is off it), and
   * inside the open modal dialog when there is one (everything behind it is inert). A checkbox's or a
   * radio's touch target is its label. Each: [element, target's width, height, description].
   */
  private static final String CONTROLS = """
      const modal = [...document.querySelectorAll('dialog[open]')].find((d) => d.matches(':modal'));
      const controls = [...(modal ?? document).querySelectorAll(
          'button, input, select, textarea, a[href], [role=button], [role=tab], [tabindex]:not([tabindex="-1"])')]
        .filter((e) => !e.disabled && e.type !== 'hidden' && e.checkVisibility({ visibilityProperty: true, opacityProperty: true }))
        .map((e) => {
          const target = e.type === 'checkbox' || e.type === 'radio' ? (e.closest('label') ?? e) : e;
          const r = target.getBoundingClientRect();
          const text = (e.getAttribute('aria-label') ?? e.textContent ?? '').trim().replace(/\\s+/g, ' ').slice(0, 40);
          const tag = e.tagName.toLowerCase() + (e.tagName === 'INPUT' ? '[' + e.type + ']' : '') + (e.id ? '#' + e.id : '');
          return [e, r.width, r.height, `${tag} "${text}" ${r.width.toFixed(1)}x${r.height.toFixed(1)}`, r];
        })
        .filter(([, , , , r]) => r.right > 0 && r.left < innerWidth)
        .map((c) => c.slice(0, 4));
      """;

  @SuppressWarnings("unchecked")
  private static List<List<Object>> controlsAndSizes(Terminal t) {
    return (List<List<Object>>) t.js(CONTROLS + "return controls;");
  }

  /** Every control a person can use now, described. */
  static List<String> controls(Terminal t) {
    return controlsAndSizes(t).stream().map(c -> (String) c.get(3)).toList();
  }

  /** The controls smaller than {@code min} CSS px either way, described (tag, text or label, size). */
  static List<String> smallTargets(Terminal t, double min) {
    return controlsAndSizes(t).stream()
        .filter(c -> ((Number) c.get(1)).doubleValue() < min || ((Number) c.get(2)).doubleValue() < min)
        .map(c -> (String) c.get(3)).toList();
  }

  /**
   * The controls without a name in Chromium's accessibility tree, and icon-only ones (no letter or digit
   * in their text) whose name is the icon itself: a screen reader would read "✕" or nothing.
   */
  static List<String> unnamedControls(Terminal t) {
    List<String> out = new ArrayList<>();
    for (List<Object> c : controlsAndSizes(t)) {
      WebElement e = (WebElement) c.get(0);
      String name = e.getAccessibleName() == null ? "" : e.getAccessibleName().trim();
      String text = e.getText().trim();
      boolean iconOnly = !text.isEmpty() && !text.matches("(?s).*[\\p{L}\\p{N}].*");
      if (name.isEmpty() || (iconOnly && !name.matches("(?s).*\\p{L}.*"))) out.add(c.get(3) + " named \"" + name + "\"");
    }
    return out;
  }

  /**
   * The controls cut off at the side: partly outside the open modal dialog they are in, or partly outside
   * the screen (a closed drawer, wholly off it, is not counted). Described, with their left and right.
   */
  @SuppressWarnings("unchecked")
  static List<String> cutOff(Terminal t) {
    return (List<String>) t.js(CONTROLS + """
        const box = modal ? modal.getBoundingClientRect() : { left: 0, right: document.documentElement.clientWidth };
        // In a row that scrolls sideways (the categories) a control at the edge is reached by scrolling.
        const scrolls = (e) => {
          for (let p = e.parentElement; p; p = p.parentElement) {
            const x = getComputedStyle(p).overflowX;
            if ((x === 'auto' || x === 'scroll') && p.scrollWidth > p.clientWidth) return true;
          }
          return false;
        };
        return controls.filter(([e]) => {
          const r = e.getBoundingClientRect();
          return (r.left < box.left - 0.5 || r.right > box.right + 0.5) && !scrolls(e);
        }).map(([e, , , what]) => `${what} at ${e.getBoundingClientRect().left.toFixed(0)}..${e.getBoundingClientRect().right.toFixed(0)}`
            + ` (${modal ? 'dialog' : 'screen'} ${box.left.toFixed(0)}..${box.right.toFixed(0)})`);""");
  }

  /** The controls whose own text does not fit in them (clipped or squeezed, e.g. a category "Wsz"). */
  @SuppressWarnings("unchecked")
  static List<String> clippedText(Terminal t) {
    return (List<String>) t.js(CONTROLS + """
        return controls.filter(([e]) => e.tagName === 'BUTTON' && e.scrollWidth > e.clientWidth + 1)
          .map(([e, , , what]) => `${what} needs ${e.scrollWidth}px of ${e.clientWidth}px`);""");
  }

  /**
   * Starts recording {@code regions} (name -> CSS selector; every element it matches now): on every
   * animation frame, so every state that is painted is measured, each element is compared with where it
   * was at the start; the largest move of each is kept. {@code watchText}, when not null, is a selector
   * whose text is logged whenever it changes (to prove a transient state was on screen).
   */
  static void recordLayout(Terminal t, Map<String, String> regions, String watchText) {
    t.js("""
        const [regions, watch] = arguments;
        if (window.paragonLayout) cancelAnimationFrame(window.paragonLayout.frame);
        const rect = (e) => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; };
        const measure = () => Object.fromEntries(Object.entries(regions)
          .map(([name, css]) => [name, [...document.querySelectorAll(css)].map(rect)]));
        const rec = { base: measure(), moves: {}, texts: [] };
        rec.check = () => {
          const now = measure();
          for (const [name, rects] of Object.entries(rec.base)) rects.forEach((was, i) => {
            const is = now[name][i];
            const d = is ? Math.max(...was.map((v, k) => Math.abs(v - is[k]))) : Infinity;
            const key = name + ' #' + (i + 1);
            if (d > 0.5 && !(rec.moves[key]?.d >= d)) rec.moves[key] = { d, was: was.map(Math.round), is: is?.map(Math.round) ?? 'gone' };
          });
          const text = watch ? (document.querySelector(watch)?.textContent ?? '').trim() : null;
          if (watch && rec.texts.at(-1) !== text) rec.texts.push(text);
        };
        const frame = () => { rec.check(); rec.frame = requestAnimationFrame(frame); };
        window.paragonLayout = rec;
        frame();
        return Object.values(rec.base).map((r) => r.length);
        """, regions, watchText);
  }

  /** The recorded regions' elements that moved or resized by more than 0.5 px, with where they went. */
  @SuppressWarnings("unchecked")
  static List<String> moved(Terminal t) {
    return (List<String>) t.js("""
        const rec = window.paragonLayout;
        rec.check();
        return Object.entries(rec.moves).map(([k, m]) => `${k} moved ${m.d === Infinity ? '(gone)' : m.d.toFixed(1) + ' px'}: [${m.was}] -> [${m.is}]`);
        """);
  }

  /** How many elements each recorded region had at the start, by name. */
  @SuppressWarnings("unchecked")
  static Map<String, Long> recorded(Terminal t) {
    return (Map<String, Long>) t.js("return Object.fromEntries(Object.entries(window.paragonLayout.base)"
        + ".map(([k, v]) => [k, v.length]));");
  }

  /** The texts the watched element showed, in order. */
  @SuppressWarnings("unchecked")
  static List<String> textsSeen(Terminal t) {
    return (List<String>) t.js("return window.paragonLayout.texts;");
  }
}
