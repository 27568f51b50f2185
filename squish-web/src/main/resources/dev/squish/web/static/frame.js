'use strict';
/*
 * The before/after frame: the original and the result drawn on top of each other with the same
 * transform (so zoom and pan are synchronized by construction), the result clipped to the right
 * of a draggable split line that stays put on screen while the image moves under it.
 */
class CompareFrame {
  constructor(frame, before, after, afterLayer, split, zoomLabel) {
    this.frame = frame;
    this.imgs = [before, after];
    this.afterLayer = afterLayer;
    this.split = split;
    this.zoomLabel = zoomLabel;
    this.fraction = 0.5;
    this.scale = 1;
    this.tx = 0;
    this.ty = 0;
    this.fitted = true;
    this.width = 0;
    this.height = 0;
    this.drag = null;
    this.listen();
    new ResizeObserver(() => { if (this.fitted) this.fit(); else this.apply(); }).observe(frame);
    this.apply();
  }

  /** Sets the image size (the same for both), and fits it when it changed. */
  setSize(w, h) {
    if (w !== this.width || h !== this.height) {
      this.width = w;
      this.height = h;
      this.fit();
    }
  }

  fit() {
    const r = this.frame.getBoundingClientRect();
    if (!this.width || !r.width) return;
    this.scale = Math.min(r.width / this.width, r.height / this.height);
    this.tx = (r.width - this.width * this.scale) / 2;
    this.ty = (r.height - this.height * this.scale) / 2;
    this.fitted = true;
    this.apply();
  }

  /** Zooms by factor f around the frame point (x, y); defaults to the centre. */
  zoomBy(f, x, y) {
    const r = this.frame.getBoundingClientRect();
    if (x === undefined) { x = r.width / 2; y = r.height / 2; }
    const s = Math.min(64, Math.max(0.02, this.scale * f));
    this.tx = x - (x - this.tx) * (s / this.scale);
    this.ty = y - (y - this.ty) * (s / this.scale);
    this.scale = s;
    this.fitted = false;
    this.apply();
  }

  actualSize() {
    this.zoomBy(1 / this.scale);
  }

  setSplit(fraction) {
    this.fraction = Math.min(1, Math.max(0, fraction));
    this.apply();
  }

  apply() {
    const t = `translate(${this.tx}px, ${this.ty}px) scale(${this.scale})`;
    for (const img of this.imgs) img.style.transform = t;
    const w = this.frame.clientWidth;
    const x = this.fraction * w;
    this.afterLayer.style.clipPath = `inset(0 0 0 ${x}px)`;
    this.split.style.left = `${x}px`;
    this.split.setAttribute('aria-valuenow', Math.round(this.fraction * 100));
    this.frame.dataset.split = this.fraction.toFixed(3);
    this.frame.classList.toggle('pixelated', this.scale >= 2);
    this.zoomLabel.textContent = this.fitted ? `fit (${Math.round(this.scale * 100)}%)` : `${Math.round(this.scale * 100)}%`;
  }

  listen() {
    const local = (e) => {
      const r = this.frame.getBoundingClientRect();
      return [e.clientX - r.left, e.clientY - r.top];
    };
    this.split.addEventListener('pointerdown', (e) => {
      e.stopPropagation();
      this.split.setPointerCapture(e.pointerId);
      this.drag = { kind: 'split' };
    });
    this.split.addEventListener('pointermove', (e) => {
      if (this.drag && this.drag.kind === 'split') this.setSplit(local(e)[0] / this.frame.clientWidth);
    });
    this.split.addEventListener('pointerup', () => { this.drag = null; });
    this.split.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowLeft') this.setSplit(this.fraction - 0.02);
      else if (e.key === 'ArrowRight') this.setSplit(this.fraction + 0.02);
      else return;
      e.preventDefault();
    });
    this.frame.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      this.frame.setPointerCapture(e.pointerId);
      const [x, y] = local(e);
      this.drag = { kind: 'pan', x, y, tx: this.tx, ty: this.ty };
      this.frame.classList.add('panning');
    });
    this.frame.addEventListener('pointermove', (e) => {
      if (!this.drag || this.drag.kind !== 'pan') return;
      const [x, y] = local(e);
      this.tx = this.drag.tx + x - this.drag.x;
      this.ty = this.drag.ty + y - this.drag.y;
      this.fitted = false;
      this.apply();
    });
    const end = () => { this.drag = null; this.frame.classList.remove('panning'); };
    this.frame.addEventListener('pointerup', end);
    this.frame.addEventListener('pointercancel', end);
    this.frame.addEventListener('wheel', (e) => {
      e.preventDefault();
      const [x, y] = local(e);
      this.zoomBy(Math.exp(-e.deltaY * 0.0015), x, y);
    }, { passive: false });
    this.frame.addEventListener('dblclick', () => this.fit());
  }
}
window.CompareFrame = CompareFrame;
