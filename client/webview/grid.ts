// A virtualised ARIA grid: fixed-height rows, only the visible ones plus an overscan are in the
// DOM (a recycled pool), so 100,000 nodes cost as much to show as 50. Content is painted by the
// caller (`paint`), which sets text only; this class owns scrolling, the pool and the keyboard.
//
// Keyboard: the active row has tabindex 0 (roving tabindex); arrows, Page Up/Down, Home/End move
// it. When the active row is scrolled out of the pool, focus parks on the grid itself (which then
// becomes the tab stop) so keys keep working and Tab never lands on a recycled row.

export interface GridOptions {
  rowHeight: number;
  overscan: number;
  columns: number;
  /** Fills a recycled row for entry `index`; called only when the row shows a new entry or after invalidate(). */
  paint(row: HTMLElement, cells: HTMLElement[], index: number): void;
  /** Enter, Space, Left, Right on the active row; return true when handled. */
  onKey(index: number, event: KeyboardEvent): boolean;
  /** A click inside row `index`. */
  onClick(index: number, event: MouseEvent): void;
}

interface PooledRow {
  el: HTMLElement;
  cells: HTMLElement[];
  index: number;
  generation: number;
}

export class VirtualGrid {
  private count = 0;
  private active = 0;
  private generation = 0;
  private pool: PooledRow[] = [];
  private readonly spacer: HTMLElement;
  private frame = 0;
  private parkingFocus = false;

  constructor(
    readonly element: HTMLElement,
    header: HTMLElement,
    private readonly opts: GridOptions,
  ) {
    element.setAttribute('role', 'grid');
    element.setAttribute('aria-colcount', String(opts.columns));
    element.tabIndex = -1;
    header.setAttribute('aria-rowindex', '1');
    const headGroup = document.createElement('div');
    headGroup.className = 'grid-head';
    headGroup.setAttribute('role', 'rowgroup');
    headGroup.append(header);
    this.spacer = document.createElement('div');
    this.spacer.className = 'grid-rows';
    this.spacer.setAttribute('role', 'rowgroup');
    element.append(headGroup, this.spacer);
    element.addEventListener('scroll', () => this.schedule(), { passive: true });
    element.addEventListener('keydown', (e) => this.onKeyDown(e));
    element.addEventListener('click', (e) => this.onClickEvent(e));
    element.addEventListener('focus', () => this.onGridFocus());
    new ResizeObserver(() => this.schedule()).observe(element);
  }

  get size(): number {
    return this.count;
  }

  get activeIndex(): number {
    return this.active;
  }

  /** New content: `count` entries; keeps the scroll position unless `reset`. */
  setCount(count: number, reset: boolean): void {
    this.count = count;
    this.generation++;
    this.element.setAttribute('aria-rowcount', String(count + 1));
    this.spacer.style.height = `${count * this.opts.rowHeight}px`;
    if (reset) {
      this.active = 0;
      this.element.scrollTop = 0;
    }
    this.active = Math.max(0, Math.min(this.active, count - 1));
    this.render();
  }

  /** Repaint the visible rows (same entries, changed content). */
  invalidate(): void {
    this.generation++;
    this.render();
  }

  setActive(index: number, focus: boolean): void {
    if (this.count === 0) return;
    this.active = Math.max(0, Math.min(index, this.count - 1));
    this.ensureVisible(this.active);
    this.render();
    if (focus) this.rowFor(this.active)?.el.focus({ preventScroll: true });
  }

  /** The row element currently showing entry `index`, if it is rendered. */
  rowElement(index: number): HTMLElement | undefined {
    return this.rowFor(index)?.el;
  }

  private rowFor(index: number): PooledRow | undefined {
    return this.pool.find((r) => r.index === index);
  }

  private ensureVisible(index: number): void {
    const h = this.opts.rowHeight;
    const view = this.viewportHeight();
    const top = index * h;
    const st = this.element.scrollTop;
    if (top < st) this.element.scrollTop = top;
    else if (top + h > st + view) this.element.scrollTop = top + h - view;
  }

  /** Height available to body rows (the header row is sticky at the top of the scroller). */
  private viewportHeight(): number {
    return Math.max(this.opts.rowHeight, this.element.clientHeight - this.opts.rowHeight);
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private render(): void {
    const { rowHeight: h, overscan } = this.opts;
    const st = this.element.scrollTop;
    const first = Math.max(0, Math.floor(st / h) - overscan);
    const last = Math.min(this.count, Math.ceil((st + this.viewportHeight()) / h) + overscan);
    const need = Math.max(0, last - first);
    const focused = document.activeElement;
    const hadRowFocus = this.pool.some((r) => r.el === focused);

    while (this.pool.length < need) {
      const el = document.createElement('div');
      el.setAttribute('role', 'row');
      el.className = 'row';
      el.tabIndex = -1;
      const cells: HTMLElement[] = [];
      for (let c = 0; c < this.opts.columns; c++) {
        const cell = document.createElement('div');
        cell.setAttribute('role', 'gridcell');
        cell.className = `cell c${c}`;
        cells.push(cell);
      }
      el.append(...cells);
      this.spacer.append(el);
      this.pool.push({ el, cells, index: -1, generation: -1 });
    }
    while (this.pool.length > need) this.pool.pop()!.el.remove();

    // Row for entry i is pool[i % need]: scrolling by k rows repaints only k rows.
    let activeRendered = false;
    for (let i = first; i < last; i++) {
      const r = this.pool[i % need];
      if (r.index !== i || r.generation !== this.generation) {
        r.index = i;
        r.generation = this.generation;
        r.el.style.transform = `translateY(${i * h}px)`;
        r.el.setAttribute('aria-rowindex', String(i + 2));
        this.opts.paint(r.el, r.cells, i);
      }
      const isActive = i === this.active;
      r.el.tabIndex = isActive ? 0 : -1;
      r.el.classList.toggle('active', isActive);
      if (isActive) activeRendered = true;
    }
    this.element.tabIndex = activeRendered || this.count === 0 ? -1 : 0;

    if (hadRowFocus) {
      const target = activeRendered ? this.rowFor(this.active)!.el : this.element;
      if (document.activeElement !== target) {
        this.parkingFocus = target === this.element;
        target.focus({ preventScroll: true });
        this.parkingFocus = false;
      }
    }
  }

  private onGridFocus(): void {
    // Tabbing onto the grid (the active row was scrolled away): bring the row back and focus it.
    if (this.parkingFocus || document.activeElement !== this.element || this.count === 0) return;
    this.setActive(this.active, true);
  }

  private indexOf(target: EventTarget | null): number {
    const row = target instanceof Element ? target.closest('.row') : null;
    const r = row ? this.pool.find((p) => p.el === row) : undefined;
    return r ? r.index : -1;
  }

  private onClickEvent(e: MouseEvent): void {
    const index = this.indexOf(e.target);
    if (index < 0) return;
    this.setActive(index, true);
    this.opts.onClick(index, e);
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (this.count === 0 || e.altKey || e.metaKey) return;
    const page = Math.max(1, Math.floor(this.viewportHeight() / this.opts.rowHeight) - 1);
    let next = -1;
    switch (e.key) {
      case 'ArrowDown':
        next = this.active + 1;
        break;
      case 'ArrowUp':
        next = this.active - 1;
        break;
      case 'PageDown':
        next = this.active + page;
        break;
      case 'PageUp':
        next = this.active - page;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = this.count - 1;
        break;
      default:
        if (this.opts.onKey(this.active, e)) e.preventDefault();
        return;
    }
    e.preventDefault();
    this.setActive(next, true);
  }
}
