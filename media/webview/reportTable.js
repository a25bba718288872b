/* global acquireVsCodeApi, document, window */
// Report table page: renders one page of rows the extension sends, and asks it for pages, sorting and
// filters by message. Text goes in through textContent only (never innerHTML), so no value can become markup.
(function () {
  const vscode = acquireVsCodeApi();
  const init = JSON.parse(document.getElementById('data').textContent);
  const state = vscode.getState() || { page: 0, sort: undefined, blueprintId: '', device: '', deviceName: '' };
  const $ = (id) => document.getElementById(id);
  const head = $('head');
  const body = $('rows');
  const status = $('status');

  const blueprint = $('blueprint');
  for (const bp of init.blueprints) {
    const o = document.createElement('option');
    o.value = bp.id;
    o.textContent = bp.name;
    blueprint.appendChild(o);
  }
  blueprint.value = state.blueprintId;
  const device = $('device');
  const deviceName = $('deviceName');
  device.value = state.device;
  deviceName.textContent = state.deviceName || '';
  // A picked device shows its name; typing another id drops it.
  device.addEventListener('input', () => {
    state.deviceName = '';
    deviceName.textContent = '';
  });

  function ask() {
    vscode.setState(state);
    status.textContent = 'Loading…';
    status.className = 'status';
    for (const b of document.querySelectorAll('button')) b.disabled = true;
    vscode.postMessage({ type: 'query', page: state.page, sort: state.sort, blueprintId: state.blueprintId || undefined, device: state.device || undefined });
  }

  function render(msg) {
    for (const b of document.querySelectorAll('button')) b.disabled = false;
    if (msg.error) {
      status.textContent = msg.error;
      status.className = 'status error';
      return;
    }
    head.replaceChildren();
    const tr = document.createElement('tr');
    for (const col of msg.columns) {
      const th = document.createElement('th');
      th.textContent = col.label;
      th.title = `Sort by ${col.label}`;
      th.tabIndex = 0;
      if (state.sort && state.sort.column === col.key) th.setAttribute('aria-sort', state.sort.descending ? 'descending' : 'ascending');
      const sortBy = () => {
        const descending = state.sort && state.sort.column === col.key ? !state.sort.descending : false;
        state.sort = { column: col.key, descending };
        state.page = 0;
        ask();
      };
      th.addEventListener('click', sortBy);
      th.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sortBy(); } });
      tr.appendChild(th);
    }
    head.appendChild(tr);
    body.replaceChildren();
    for (const row of msg.rows) {
      const r = document.createElement('tr');
      for (const col of msg.columns) {
        const td = document.createElement('td');
        const v = row[col.key];
        td.textContent = v === undefined || v === null || v === '' ? '—' : String(v);
        r.appendChild(td);
      }
      body.appendChild(r);
    }
    const first = msg.rows.length ? msg.page * msg.pageSize + 1 : 0;
    const last = msg.page * msg.pageSize + msg.rows.length;
    const of = msg.total !== undefined ? ` of ${msg.total}` : '';
    status.textContent = msg.rows.length ? `Rows ${first}–${last}${of}` : 'No rows match';
    $('prev').disabled = msg.page === 0;
    $('next').disabled = !msg.hasMore;
    state.page = msg.page;
    vscode.setState(state);
  }

  window.addEventListener('message', (e) => {
    if (e.data && e.data.type === 'page') render(e.data);
    if (e.data && e.data.type === 'device') {
      device.value = e.data.id;
      state.deviceName = e.data.name;
      deviceName.textContent = e.data.name;
      apply(); // not through the button: it is disabled while a page loads
    }
  });
  $('prev').addEventListener('click', () => { state.page = Math.max(0, state.page - 1); ask(); });
  $('next').addEventListener('click', () => { state.page += 1; ask(); });
  function apply() {
    state.blueprintId = blueprint.value;
    state.device = device.value.trim();
    state.page = 0;
    ask();
  }
  $('apply').addEventListener('click', apply);
  device.addEventListener('keydown', (e) => { if (e.key === 'Enter') $('apply').click(); });
  $('pick').addEventListener('click', () => vscode.postMessage({ type: 'pickDevice' }));
  blueprint.addEventListener('change', () => $('apply').click());
  $('export').addEventListener('click', () => vscode.postMessage({ type: 'export' }));
  ask();
})();
