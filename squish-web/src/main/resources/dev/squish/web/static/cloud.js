'use strict';
/*
 * A rotatable 3-D view of the colour cloud on a canvas: orthographic, the same layout and view
 * maths as squish-plot's CloudSpace and View (display frame with the up axis third; azimuth
 * around it, elevation above the horizontal). Points are drawn back to front; palette entries as
 * ringed discs; a mixture's components as the outline of their 2σ ellipsoid, which under an
 * orthographic projection P is the ellipse of the 2 x 2 covariance P Σ Pᵀ.
 */
class CloudView {
  constructor(canvas, onTurn) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.onTurn = onTurn;
    this.azimuth = -30;
    this.elevation = 20;
    this.zoom = 1;
    this.layout = null;
    this.colors = null;
    this.hits = null;
    this.result = null;
    this.ownColours = false;
    this.ellipsoids = true;
    this.listen();
  }

  setData(layout, colors, hits) {
    this.layout = layout;
    this.colors = colors;
    this.hits = hits;
    this.draw();
  }

  setResult(result) {
    this.result = result;
    this.draw();
  }

  setView(azimuth, elevation) {
    this.azimuth = azimuth;
    this.elevation = Math.max(-90, Math.min(90, elevation));
    this.draw();
  }

  /** Rows: screen right, screen up, towards the camera, in display coordinates (as View.axes()). */
  axes() {
    const a = this.azimuth * Math.PI / 180, e = this.elevation * Math.PI / 180;
    const ca = Math.cos(a), sa = Math.sin(a), ce = Math.cos(e), se = Math.sin(e);
    return [[ca, -sa, 0], [se * sa, se * ca, ce], [-ce * sa, -ce * ca, se]];
  }

  /** The 3 x 3 matrix from working-space offsets to screen (right, up, depth), as CloudSpace.projection(). */
  matrix() {
    const ax = this.axes(), f = this.layout.frame, s = this.layout.scale;
    const m = [];
    for (let r = 0; r < 3; r++) {
      m.push([0, 1, 2].map((c) => s * (ax[r][0] * f[c] + ax[r][1] * f[3 + c] + ax[r][2] * f[6 + c])));
    }
    return m;
  }

  draw() {
    const ctx = this.ctx, w = this.canvas.width, h = this.canvas.height;
    ctx.clearRect(0, 0, w, h);
    if (!this.layout) return;
    const m = this.matrix(), c = this.layout.centre, half = Math.min(w, h) / 2 * 0.86 * this.zoom;
    const toScreen = (x, y, z) => {
      const dx = x - c[0], dy = y - c[1], dz = z - c[2];
      return [w / 2 + half * (m[0][0] * dx + m[0][1] * dy + m[0][2] * dz),
              h / 2 - half * (m[1][0] * dx + m[1][1] * dy + m[1][2] * dz),
              m[2][0] * dx + m[2][1] * dy + m[2][2] * dz];
    };
    // guides
    ctx.strokeStyle = '#999';
    ctx.lineWidth = 1;
    for (const g of this.layout.guides) {
      const a = toScreen(g[0], g[1], g[2]), b = toScreen(g[3], g[4], g[5]);
      ctx.beginPath(); ctx.moveTo(a[0], a[1]); ctx.lineTo(b[0], b[1]); ctx.stroke();
    }
    // points, back to front
    const p = this.layout.points, n = this.colors.length;
    const order = new Array(n), depth = new Float64Array(n), xy = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      const s = toScreen(p[3 * i], p[3 * i + 1], p[3 * i + 2]);
      xy[2 * i] = s[0]; xy[2 * i + 1] = s[1]; depth[i] = s[2]; order[i] = i;
    }
    order.sort((a, b) => depth[a] - depth[b]);
    const labels = this.result ? this.result.labels : null, pal = this.result ? this.result.palette : null;
    for (const i of order) {
      const rgb = (!this.ownColours && labels) ? pal[labels[i]] : this.colors[i];
      ctx.fillStyle = hex(rgb);
      const r = Math.min(4, 1.2 + Math.sqrt(this.hits[i]) * 0.6);
      ctx.fillRect(xy[2 * i] - r / 2, xy[2 * i + 1] - r / 2, r, r);
    }
    if (this.result) this.drawResult(toScreen, m, half);
    // labels
    ctx.fillStyle = '#222';
    ctx.font = '12px system-ui, sans-serif';
    for (const l of this.layout.labels) {
      const s = toScreen(l[0], l[1], l[2]);
      ctx.fillText(l[3], s[0] + 4, s[1] - 4);
    }
  }

  drawResult(toScreen, m, half) {
    const ctx = this.ctx, r = this.result, space = this.layout.space;
    const coords = r.palette_coords[space];
    if (!coords) return; // a result for another space
    if (this.ellipsoids && r.space === space) {
      ctx.strokeStyle = 'rgba(0,0,0,0.45)';
      for (const comp of r.components) this.drawEllipse(comp, toScreen, m, half);
    }
    for (let e = 0; e < r.palette.length; e++) {
      const s = toScreen(coords[3 * e], coords[3 * e + 1], coords[3 * e + 2]);
      ctx.beginPath(); ctx.arc(s[0], s[1], 6, 0, 2 * Math.PI);
      ctx.fillStyle = hex(r.palette[e]); ctx.fill();
      ctx.lineWidth = 2; ctx.strokeStyle = '#000'; ctx.stroke();
    }
  }

  drawEllipse(comp, toScreen, m, half) {
    const S = comp.covariance, q = (a, b) => {
      let s = 0;
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) s += m[a][i] * S[3 * i + j] * m[b][j];
      return s;
    };
    const a = q(0, 0), b = q(0, 1), d = q(1, 1);
    const mid = (a + d) / 2, root = Math.sqrt(Math.max(0, (a - d) * (a - d) / 4 + b * b));
    const r1 = 2 * Math.sqrt(Math.max(0, mid + root)) * half, r2 = 2 * Math.sqrt(Math.max(0, mid - root)) * half;
    const angle = 0.5 * Math.atan2(2 * b, a - d);
    const c = toScreen(comp.mean[0], comp.mean[1], comp.mean[2]);
    this.ctx.lineWidth = 1;
    this.ctx.beginPath();
    // screen y points down, so the angle turns the other way
    this.ctx.ellipse(c[0], c[1], r1, r2, -angle, 0, 2 * Math.PI);
    this.ctx.stroke();
  }

  listen() {
    let drag = null;
    this.canvas.addEventListener('pointerdown', (e) => {
      this.canvas.setPointerCapture(e.pointerId);
      drag = { x: e.clientX, y: e.clientY, az: this.azimuth, el: this.elevation };
    });
    this.canvas.addEventListener('pointermove', (e) => {
      if (!drag) return;
      const az = drag.az - (e.clientX - drag.x) * 0.5, el = drag.el + (e.clientY - drag.y) * 0.5;
      this.onTurn(az, Math.max(-90, Math.min(90, el)));
    });
    this.canvas.addEventListener('pointerup', () => { drag = null; });
    this.canvas.addEventListener('wheel', (e) => {
      e.preventDefault();
      this.zoom = Math.min(8, Math.max(0.3, this.zoom * Math.exp(-e.deltaY * 0.0015)));
      this.draw();
    }, { passive: false });
  }
}

function hex(rgb) {
  return '#' + (rgb & 0xffffff).toString(16).padStart(6, '0');
}
window.CloudView = CloudView;
