/**
 * Evaluates `#[cfg(…)]` predicates as far as a kernel build decides them: the kernel compiles its crates with
 * `--cfg kernel`, without `test`/`doctest`/`testlib`, and builds `pin_init` without cargo features. Everything
 * else (`CONFIG_*`, target properties) depends on the configuration and counts as possibly true, so only items a
 * kernel build can never see are dropped from the surface.
 */

/** True, false, or undefined when the kernel configuration decides. */
export type CfgValue = boolean | undefined;

const KNOWN: Readonly<Record<string, boolean>> = { kernel: true, test: false, doctest: false, testlib: false, miri: false };

/** The value of a cfg predicate such as `not(kernel)`, `any(feature = "std", feature = "alloc")`. */
function evalCfg(predicate: string): CfgValue {
  const p = new CfgParser(predicate);
  const v = p.predicate();
  return p.done() ? v : undefined;
}

/** Whether attributes (their texts) keep an item in a kernel build: false only when a `cfg` is surely false. */
export function keptByCfg(attributeTexts: readonly string[]): boolean {
  for (const a of attributeTexts) {
    const m = /^#\[\s*cfg\s*\(([\s\S]*)\)\s*\]$/.exec(a.trim());
    if (m && evalCfg(m[1]) === false) return false;
  }
  return true;
}

class CfgParser {
  private i = 0;
  constructor(private readonly s: string) {}

  done(): boolean {
    this.ws();
    return this.i >= this.s.length;
  }

  private ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }

  private ident(): string | undefined {
    this.ws();
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.s.slice(this.i));
    if (!m) return undefined;
    this.i += m[0].length;
    return m[0];
  }

  private eat(c: string): boolean {
    this.ws();
    if (this.s[this.i] !== c) return false;
    this.i++;
    return true;
  }

  private list(): CfgValue[] | undefined {
    if (!this.eat('(')) return undefined;
    const out: CfgValue[] = [];
    if (this.eat(')')) return out;
    for (;;) {
      out.push(this.predicate());
      if (this.eat(')')) return out;
      if (!this.eat(',')) return undefined;
      if (this.eat(')')) return out;
    }
  }

  predicate(): CfgValue {
    const name = this.ident();
    if (!name) {
      this.i = this.s.length + 1;
      return undefined;
    }
    if (name === 'not' || name === 'any' || name === 'all') {
      const args = this.list();
      if (!args) return undefined;
      if (name === 'not') return args[0] === undefined ? undefined : !args[0];
      if (name === 'any') return args.some((a) => a === true) ? true : args.every((a) => a === false) ? false : undefined;
      return args.some((a) => a === false) ? false : args.every((a) => a === true) ? true : undefined;
    }
    if (this.eat('=')) {
      this.ws();
      const m = /^"[^"]*"/.exec(this.s.slice(this.i));
      if (!m) return undefined;
      this.i += m[0].length;
      // The kernel builds its crates without cargo features.
      return name === 'feature' ? false : undefined;
    }
    return name in KNOWN ? KNOWN[name] : undefined;
  }
}
