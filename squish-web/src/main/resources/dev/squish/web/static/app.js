'use strict';
/*
 * The page: upload, settings, and the answer to every change. A change first asks for a quick
 * preview, then for the exact result (what the command line writes); only one request is in
 * flight at a time and the newest settings win, so dragging the k slider never queues stale work.
 */
(() => {
  const $ = (id) => document.getElementById(id);
  const colours = (n) => (n === 1 ? '1 colour' : `${n.toLocaleString()} colours`);
  const state = {
    config: null, image: null, file: null, result: null,
    inFlight: false, mode: null, ctrl: null, token: 0, wanted: null, changedAt: new Map(), exactTimer: 0,
    cloud: new Map(), failed: null, paletteTimer: 0,
  };
  window.squishTimings = [];

  const frame = new CompareFrame($('frame'), $('img-before'), $('img-after'), $('layer-after'), $('split'),
    $('zoom-value'));
  const turn = (az, el) => { for (const v of clouds) v.setView(az, el); };
  const clouds = [new CloudView($('cloud-rgb'), turn), new CloudView($('cloud-space'), turn)];

  const given = () => $('palette-mode').value === 'given';
  /** The colours typed or read from a palette file, as the server takes them: comma-separated. */
  const colourList = (text) => text.split(/[\s,;]+/).filter(Boolean).join(',');

  /** What the next request asks for: a given palette replaces the method and k (nothing is fitted). */
  function settings() {
    const s = given() ? { palette: colourList($('palette-text').value) }
      : { method: $('method').value, k: +$('k').value };
    const keep = colourList($('keep').value);
    if (!given() && keep) s.keep = keep;
    return Object.assign(s, { space: $('space').value, dither: $('dither').value,
      level: (+$('level').value).toFixed(2), format: $('format').value });
  }
  const keyOf = (s) => (s.palette !== undefined ? `given/${s.palette}` : `${s.method}/${s.k}`)
    + (s.keep ? `/keep=${s.keep}` : '') + `/${s.space}/${s.dither}/${s.dither === 'fs' ? s.level : 0}/${s.format}`;

  function showError(message) {
    const e = $('error');
    e.textContent = message;
    e.hidden = !message;
  }

  function status(text, stateName, s) {
    const el = $('status');
    el.textContent = text;
    el.dataset.state = stateName;
    if (s) { el.dataset.k = s.k === undefined ? '' : s.k; el.dataset.key = keyOf(s); }
  }

  async function api(url, options) {
    const r = await fetch(url, options);
    const body = await r.json().catch(() => ({ error: `HTTP ${r.status}` }));
    if (!r.ok) {
      const err = new Error(body.error || `HTTP ${r.status}`);
      err.status = r.status;
      throw err;
    }
    return body;
  }

  async function loadConfig() {
    state.config = await api('/api/config');
    $('k').min = state.config.min_k; // the range is the library's, not written into the page
    $('k').max = state.config.max_k;
    const names = { kmeans: 'k-means', em: 'EM (Gaussian mixture)' };
    $('method').innerHTML = '';
    for (const m of state.config.methods) {
      const o = document.createElement('option');
      o.value = m; o.textContent = names[m] || m;
      $('method').append(o);
    }
  }

  async function upload(file) {
    showError('');
    if (state.config && file.size > state.config.max_upload_bytes) {
      showError(`${file.name} is ${mib(file.size)}, more than this server's limit of ${mib(state.config.max_upload_bytes)}`
        + ' (start it with a larger --max-upload-mb).');
      return;
    }
    state.file = file;
    status(`Reading ${file.name}…`, 'busy');
    // forget the previous image at once: its results still in flight are abandoned, and a change of
    // settings made while this one uploads waits for it instead of asking about the old image
    const previous = state.image;
    state.image = null;
    state.token++;
    if (state.ctrl) state.ctrl.abort();
    state.inFlight = false;
    try {
      if (previous) fetch(`/api/images/${previous.id}`, { method: 'DELETE' }).catch(() => {});
      const img = await api(`/api/images?name=${encodeURIComponent(file.name)}`, { method: 'POST', body: file });
      state.image = img;
      state.result = null;
      state.cloud.clear();
      // the previous image's result would be stretched to this one's size until the new result comes
      $('img-after').hidden = true;
      $('img-after').removeAttribute('src');
      $('drop-text').textContent = `${img.name}: ${img.width} × ${img.height}, ${colours(img.colors)}. `
        + 'Drop or click for another.';
      $('stat-image').textContent = `${img.width} × ${img.height}, ${colours(img.colors)}`;
      $('img-before').src = img.original;
      await $('img-before').decode().catch(() => {});
      frame.setSize(img.width, img.height);
      frame.fit();
      request('upload');
    } catch (e) {
      status('', 'error');
      showError(e.message);
    }
  }

  /** Asks for a result for the current settings, unless one is in flight (then the newest wins). */
  function request(cause) {
    if (!state.image) return;
    const s = settings();
    if (s.palette === '') {
      status('Give the palette: pick a palette file or type its colours.', 'idle');
      return;
    }
    const key = keyOf(s);
    if (!state.changedAt.has(key)) state.changedAt.set(key, { t: performance.now(), cause });
    state.wanted = s;
    clearTimeout(state.exactTimer);
    if (state.inFlight && state.mode === 'exact') {
      // an exact fit for older settings is still running: stop waiting for it (the server finishes and
      // caches it) and ask for the new preview at once
      state.ctrl.abort();
      state.inFlight = false;
    }
    if (!state.inFlight) run(s, 'preview');
  }

  async function run(s, mode) {
    const token = ++state.token;
    state.inFlight = true;
    state.mode = mode;
    state.ctrl = new AbortController();
    $('status').dataset.pending = mode;
    const key = keyOf(s);
    if (mode === 'preview') {
      status(s.palette !== undefined ? 'Remapping to the given palette…' : `Working on k = ${s.k}…`, 'busy', s);
    }
    if (state.failed !== null && state.failed !== key) showError(''); // the settings that failed were changed
    state.failed = null;
    const q = new URLSearchParams({ ...s, mode });
    let r = null;
    const sent = performance.now();
    try {
      r = await api(`/api/images/${state.image.id}/compress?${q}`, { method: 'POST', signal: state.ctrl.signal });
    } catch (e) {
      if (token !== state.token) return; // abandoned for newer settings
      state.inFlight = false;
      if (e.status === 404 && state.file) { upload(state.file); return; }
      if (e.status !== 409) {
        showError(e.message);
        status('', 'error');
        state.failed = key; // the same settings would fail the same way: wait for a change
      }
      next();
      return;
    }
    if (token !== state.token) return;
    if (keyOf(state.wanted) === key) {
      const received = performance.now();
      await show(r, s);
      if (token !== state.token) return; // newer settings took over while this was shown
      const since = state.changedAt.get(key);
      if (since) {
        const ms = performance.now() - since.t;
        window.squishTimings.push({ key, k: s.k, mode: r.mode, ms, cause: since.cause, server: r.seconds,
          phases: { waited: sent - since.t, request: received - sent, show: performance.now() - received } });
        if (r.mode === 'exact') state.changedAt.delete(key);
        $('answer-ms').dataset.ms = ms.toFixed(0);
        $('answer-ms').dataset.mode = r.mode;
        $('answer-ms').textContent = `last answer ${r.mode} in ${(ms / 1000).toFixed(2)} s`;
      }
    }
    state.inFlight = false;
    $('status').dataset.pending = '';
    if (keyOf(state.wanted) !== key) { next(); return; }
    if (r.mode === 'preview') {
      // the exact fit follows once the settings have rested a moment
      state.exactTimer = setTimeout(() => {
        if (!state.inFlight && keyOf(state.wanted) === key) run(s, 'exact');
      }, 250);
    }
  }

  function next() {
    if (state.wanted && !state.inFlight && keyOf(state.wanted) !== state.failed) run(state.wanted, 'preview');
  }

  let shown = 0;
  async function show(r, s) {
    // a later result may arrive while this one's image decodes: only the latest is drawn, so that an
    // older result never overwrites the stats and swatches of a newer one
    const mine = ++shown;
    const img = $('img-after');
    img.src = r.url;
    await img.decode().catch(() => {});
    if (mine !== shown) {
      return;
    }
    state.result = r;
    showError('');
    frame.setSize(r.width, r.height);
    $('stat-input').textContent = bytes(r.input_bytes);
    // a preview's file is deflated faster than the final one, so its size is a close estimate
    const about = r.mode === 'preview' ? '≈ ' : '';
    $('stat-output').textContent = about + bytes(r.output_bytes);
    $('stat-ratio').textContent = `${about}${r.ratio.toFixed(2)} : 1`;
    $('stat-bpp').textContent = about + r.bits_per_pixel.toFixed(3);
    $('stat-psnr').textContent = r.psnr_db == null ? '∞ (lossless)' : `${r.psnr_db.toFixed(2)} dB`;
    $('stat-ssim').textContent = r.ssim == null ? '–' : r.ssim.toFixed(4);
    $('stat-deltae').textContent = r.delta_e2000 == null ? (r.mode === 'preview' ? 'with the exact result' : '–')
      : r.delta_e2000.toFixed(2);
    $('stat-palette').textContent = colours(r.palette_size);
    $('stat-fit').textContent = r.fit.method === 'given' ? 'none: the palette is given'
      : `${r.fit.method}, ${r.fit.iterations} iterations${r.fit.converged ? '' : ' (not converged)'}`
      + (r.mode === 'preview' ? ', on a sample' : '');
    const dl = $('download');
    dl.href = r.download_url;
    dl.download = r.file_name;
    dl.setAttribute('aria-disabled', 'false');
    dl.textContent = `Download ${r.format.toUpperCase()} (${bytes(r.output_bytes)})`;
    swatches(r.swatches, new Set(r.keep || []));
    paletteDownloads(r.palette.downloads);
    history(r.fit);
    const secs = r.seconds.total.toFixed(2);
    const what = r.method === 'given' ? `the given palette of ${colours(r.k)}` : `k = ${r.k}`;
    status(r.mode === 'exact'
      ? `Exact result for ${what}, as the command line writes it (${secs} s on the server).`
      : `Preview for ${what} (palette fitted to a sample, quicker deflate; ${secs} s); the exact result follows…`, r.mode, s);
    await cloud(r, s.space);
  }

  function swatches(list, kept) {
    const box = $('swatches');
    box.textContent = '';
    for (const sw of list) {
      const d = document.createElement('div');
      d.className = kept.has(hex(sw.rgb)) && sw.alpha === 255 ? 'swatch kept' : 'swatch';
      const i = document.createElement('i');
      i.style.background = hex(sw.rgb);
      if (sw.alpha < 255) i.style.opacity = Math.max(0.15, sw.alpha / 255);
      d.title = `${hex(sw.rgb)}${sw.alpha < 255 ? ` alpha ${sw.alpha}` : ''}: ${(100 * sw.share).toFixed(2)}% of the pixels`
        + (d.classList.contains('kept') ? ' (kept)' : '');
      d.dataset.rgb = hex(sw.rgb);
      const code = document.createElement('code');
      code.textContent = hex(sw.rgb) + (sw.alpha < 255 ? sw.alpha.toString(16).padStart(2, '0') : '');
      d.append(i, code, document.createTextNode(`${(100 * sw.share).toFixed(1)}%`));
      box.append(d);
    }
  }

  /** The links that save the palette in use: only the formats that can hold it (.gpl and .act have no alpha). */
  function paletteDownloads(downloads) {
    for (const ext of ['gpl', 'act', 'hex', 'json']) {
      const a = $(`palette-${ext}`);
      a.hidden = !downloads[ext];
      if (downloads[ext]) {
        a.href = downloads[ext];
        a.download = state.result.file_name.replace(/\.[a-z]+$/, `.${ext}`);
      }
    }
    $('palette-downloads').hidden = false;
  }

  /** Reads a palette file on the server (which knows the formats) and puts its colours in the text box. */
  async function uploadPalette(file) {
    showError('');
    const limit = state.config ? state.config.max_palette_bytes : Infinity;
    if (file.size > limit) {
      showError(`${file.name} is ${bytes(file.size)}, more than the limit of ${bytes(limit)} for a palette file.`);
      return;
    }
    try {
      const p = await api(`/api/palettes?name=${encodeURIComponent(file.name)}`, { method: 'POST', body: file });
      $('palette-text').value = p.colors.join(', ');
      $('palette-text').dataset.source = p.name;
      request('palette');
    } catch (e) {
      showError(e.message);
    }
  }

  function paletteMode() {
    const g = given();
    $('given-box').hidden = !g;
    $('k').disabled = g;
    $('method').disabled = g;
    $('keep-box').hidden = g; // a given palette is used as it is
    request('palette-mode');
  }

  function history(fit) {
    const c = $('history'), ctx = c.getContext('2d'), v = fit.history;
    ctx.clearRect(0, 0, c.width, c.height);
    ctx.fillStyle = '#666';
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillText(`${fit.measure} by iteration`, 6, 12);
    if (v.length < 2) return;
    const lo = Math.min(...v), hi = Math.max(...v), span = hi - lo || 1;
    ctx.strokeStyle = '#1f6fb4';
    ctx.beginPath();
    v.forEach((y, i) => {
      const px = 6 + (c.width - 12) * i / (v.length - 1), py = c.height - 6 - (c.height - 24) * (y - lo) / span;
      if (i === 0) ctx.moveTo(px, py); else ctx.lineTo(px, py);
    });
    ctx.stroke();
  }

  async function cloud(r, space) {
    if (!state.cloud.has(space)) {
      state.cloud.set(space, await api(`/api/images/${state.image.id}/cloud?space=${space}`));
    }
    const data = state.cloud.get(space);
    // the result first (without drawing): the previous one may be for another space
    for (const v of clouds) v.result = r.cloud;
    clouds[0].setData(data.layouts[0], data.colors, data.hits);
    const second = data.layouts[1];
    $('cloud-space-box').hidden = !second;
    if (second) {
      $('cloud-space-caption').textContent = second.space === 'lab' ? 'CIELAB' : second.space === 'oklab' ? 'Oklab'
        : 'linear RGB';
      clouds[1].setData(second, data.colors, data.hits);
    }
    $('cloud-ellipsoids-box').hidden = r.cloud.components.length === 0;
  }

  const hex = (rgb) => '#' + (rgb & 0xffffff).toString(16).padStart(6, '0');
  const mib = (b) => `${(b / 1048576).toFixed(1)} MiB`;
  const bytes = (b) => b >= 1048576 ? `${(b / 1048576).toFixed(2)} MiB` : `${(b / 1024).toFixed(1)} KiB`;

  // a bug in the page must not leave it silently stuck
  window.addEventListener('error', (e) => showError(`page error: ${e.message}`));
  window.addEventListener('unhandledrejection', (e) => {
    state.inFlight = false;
    showError(`page error: ${e.reason && e.reason.message ? e.reason.message : e.reason}`);
  });

  // wiring
  // the two pictures of the frame are shown only once they have loaded (never as a broken-image icon)
  for (const img of [$('img-before'), $('img-after')]) {
    img.addEventListener('load', () => { img.hidden = false; });
    img.addEventListener('error', () => { img.hidden = true; });
  }
  $('file').addEventListener('change', (e) => { if (e.target.files[0]) upload(e.target.files[0]); });
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer.files[0]) upload(e.dataTransfer.files[0]);
  });
  document.body.addEventListener('dragover', (e) => e.preventDefault());
  document.body.addEventListener('drop', (e) => {
    e.preventDefault();
    if (e.dataTransfer.files[0]) upload(e.dataTransfer.files[0]);
  });
  $('k').addEventListener('input', () => { $('k-value').textContent = $('k').value; request('k'); });
  $('level').addEventListener('input', () => { $('level-value').textContent = (+$('level').value).toFixed(2); request('level'); });
  $('dither').addEventListener('change', () => { $('level-box').hidden = $('dither').value !== 'fs'; request('dither'); });
  for (const id of ['method', 'space', 'format']) $(id).addEventListener('change', () => request(id));
  $('palette-mode').addEventListener('change', paletteMode);
  $('palette-file').addEventListener('change', (e) => {
    if (e.target.files[0]) uploadPalette(e.target.files[0]);
    e.target.value = ''; // picking the same file again reads it again
  });
  for (const id of ['palette-text', 'keep']) {
    $(id).addEventListener('input', () => {
      if (state.failed !== null) showError(''); // the colours it was about are being changed
      clearTimeout(state.paletteTimer);
      state.paletteTimer = setTimeout(() => request(id), 400); // once the typing rests
    });
  }
  $('zoom-fit').addEventListener('click', () => frame.fit());
  $('zoom-1').addEventListener('click', () => frame.actualSize());
  $('zoom-in').addEventListener('click', () => frame.zoomBy(1.5));
  $('zoom-out').addEventListener('click', () => frame.zoomBy(1 / 1.5));
  $('cloud-own').addEventListener('change', (e) => { for (const v of clouds) { v.ownColours = e.target.checked; v.draw(); } });
  $('cloud-ellipsoids').addEventListener('change', (e) => { for (const v of clouds) { v.ellipsoids = e.target.checked; v.draw(); } });
  $('cloud-reset').addEventListener('click', () => { for (const v of clouds) v.zoom = 1; turn(-30, 20); });
  $('k-value').textContent = $('k').value;
  loadConfig().catch((e) => showError(`cannot reach the squish server: ${e.message}`));
})();
