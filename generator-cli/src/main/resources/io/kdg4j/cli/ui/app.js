// kdg ui: the page. Plain JavaScript against the JSON API under /api/v1 (see docs/ui.md); no framework.
const $ = (id) => document.getElementById(id);
let currentRegion = null;   // on AWS, the region the page works in; elsewhere the target's own

async function api(method, path, body) {
  const options = { method, headers: {} };
  if (body === undefined && method !== 'GET') body = {};   // writes are JSON: the server refuses any other kind
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const url = new URL('/api/v1/' + path, window.location.origin);
  if (currentRegion) url.searchParams.set('region', currentRegion);
  const response = await fetch(url, options);
  const type = response.headers.get('Content-Type') || '';
  const answer = type.startsWith('application/json') ? await response.json() : await response.text();
  if (!response.ok) {
    const error = new Error(answer.error || answer);
    error.details = answer;
    throw error;
  }
  return answer;
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

// ----- templates -----

let saveTimer = null;

function scenarioMode() {
  return $('source-kind').value === 'scenario';
}

function source() {
  if (scenarioMode()) return { scenario: $('template').value };
  const value = $('template-list').value;
  return value.startsWith('preset:') ? { preset: value.substring(7) } : { template: $('template').value };
}

// A scenario to start from, when the editor holds a template: customers signing up, and their orders.
const STARTER_SCENARIO = `populations:
  customer:
    size: 1000
    key: customer_id
    arrivals: { initial: 10, every: 1s }
    fields:
      customer_id: { concat: ["C-", { sequence: {} }] }
      tier: { oneOf: [gold, silver, bronze] }
streams:
  customers:
    created: customer
    fields:
      customer_id: { ref: customer }
      tier: { ref: customer, field: tier }
  orders:
    every: 5
    by: customer
    fields:
      order_id: { uuid: {} }
      customer_id: { ref: customer }
      tier: { ref: customer, field: tier }
      amount: { decimals: ["1.00", "300.00"] }
`;
let templateText = null;   // the template put aside while the editor holds a scenario

/** Template or scenario: a scenario is not saved with the templates, and names its own destinations. */
function chooseKind() {
  const scenario = scenarioMode();
  flushAutosave();
  $('saved-row').hidden = scenario;
  $('scenario-help').hidden = !scenario;
  $('scenario-targets').hidden = !scenario;
  $('destination-row').hidden = scenario;
  $('test-template').textContent = scenario ? 'Test scenario' : 'Test template';
  if (scenario) {
    templateText = $('template').value;
    editing = '';
    $('template-list').value = '';
    $('template').disabled = false;
    if (!$('template').value.includes('streams:')) $('template').value = STARTER_SCENARIO;
  } else if (templateText !== null) {
    $('template').value = templateText;
  }
  checkAsYouType(false);
}

function showTemplateError(error) {
  const box = $('template-error');
  if (!error) {
    box.hidden = true;
    box.textContent = '';
    return;
  }
  const d = error.details || {};
  let text = error.message;
  if (Array.isArray(d.problems)) text = d.problems.join('\n');
  if (d.line) {
    const line = $('template').value.split('\n')[d.line - 1] || '';
    text = `line ${d.line}, column ${d.column}: ${d.problem || error.message}\n${line}\n${' '.repeat(Math.max(0, d.column - 1))}^`
      + (d.suggestion ? `\n${d.suggestion}` : '');
  }
  box.textContent = text;
  box.hidden = false;
}

async function testTemplate() {
  $('preview').replaceChildren();
  try {
    const answer = await api('POST', 'preview', { ...source(), count: Number($('preview-count').value),
      seed: Number($('seed').value),
      partitionKey: (!scenarioMode() && $('partition-key').value) || undefined });
    showTemplateError(null);
    for (const record of answer.records) {
      let text = record.text;
      try { text = JSON.stringify(JSON.parse(record.text), null, 2); } catch (notJson) { /* shown as it is */ }
      if (record.stream) {
        text = record.stream + (record.late ? ' (late)' : '') + (record.duplicate ? ' (copy)' : '') + ': ' + text;
      }
      const item = element('li', text);
      item.appendChild(element('span', `  (${record.bytes} bytes, key ${record.partitionKey})`, 'muted'));
      $('preview').appendChild(item);
    }
  } catch (error) {
    showTemplateError(error);
  }
}

async function loadTemplates(select) {
  const [names, presets] = await Promise.all([api('GET', 'templates'), api('GET', 'presets')]);
  const list = $('template-list');
  list.replaceChildren(element('option', '(unsaved)', undefined));
  list.firstChild.value = '';
  const saved = element('optgroup');
  saved.label = 'Saved';
  names.forEach((n) => { const o = element('option', n); o.value = 'saved:' + n; saved.appendChild(o); });
  const builtIn = element('optgroup');
  builtIn.label = 'Presets (read-only)';
  presets.forEach((n) => { const o = element('option', n); o.value = 'preset:' + n; builtIn.appendChild(o); });
  list.append(saved, builtIn);
  if (select) list.value = select;
  // the list, the name box and the editor always speak of the same template
  if (select && select.startsWith('saved:')) $('template-name').value = select.substring(6);
}

// Template changes (autosave, choose, duplicate, rename, delete) run one after another: an autosave that fires
// while a duplicate is being saved must not leave the list showing one template and the name box another.
let templateWork = Promise.resolve();
let editing = '';   // the saved template whose text is in the editor ('' when unsaved or a preset)

function serially(work) {
  templateWork = templateWork.then(work, work);
  return templateWork;
}

/** Saves an edit not yet saved, under the template it belongs to, before the editor holds another one. */
function flushAutosave() {
  if (saveTimer !== null && editing) {
    clearTimeout(saveTimer);
    saveTimer = null;
    saveTemplate(editing);
  }
}

function chooseTemplate() {
  flushAutosave();
  const value = $('template-list').value;
  return serially(async () => {
    const preset = value.startsWith('preset:');
    $('template').disabled = preset;
    if (value.startsWith('saved:')) {
      const name = value.substring(6);
      const answer = await api('GET', 'templates/' + encodeURIComponent(name));
      $('template').value = answer.template;
      $('template-name').value = name;
      editing = name;
    } else if (preset) {
      $('template-name').value = '';
      $('template').value = '(the ' + value.substring(7) + ' preset: Test template shows its records)';
      editing = '';
    } else {
      $('template-name').value = '';   // "(unsaved)": the text stays, saved only under a new name
      editing = '';
    }
    checkAsYouType(false);
  });
}

/** Saves the editor's text (as it is now) under {@code name}, which is what is edited from then on. */
function saveTemplate(name) {
  if (!name) return Promise.resolve();
  const text = $('template').value;
  return serially(async () => {
    try {
      await api('PUT', 'templates/' + encodeURIComponent(name), { template: text });
      editing = name;
      $('saved-state').textContent = 'saved as ' + name;
      await loadTemplates('saved:' + name);
    } catch (error) {
      $('saved-state').textContent = error.message;
    }
  });
}

/** Checks the template as it is typed, and saves it when it has a name; a change of template only checks it. */
function checkAsYouType(save = true) {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(async () => {
    saveTimer = null;
    if ($('template-list').value.startsWith('preset:')) return;
    if (save && editing && !scenarioMode()) saveTemplate(editing);
    try {
      await api('POST', 'preview', { ...source(), count: 1 });
      showTemplateError(null);
    } catch (error) {
      showTemplateError(error);
    }
  }, 400);
}

function insertAtCursor(text) {
  const area = $('template');
  area.focus();
  area.setRangeText(text, area.selectionStart, area.selectionEnd, 'end');
  checkAsYouType();
}

let helpers = [];

function showHelpers() {
  const wanted = $('helper-search').value.trim().toLowerCase();
  const list = $('helpers');
  list.replaceChildren();
  for (const helper of helpers.filter((h) => h.name.toLowerCase().includes(wanted)).slice(0, 60)) {
    const item = element('li');
    const insert = element('button', '{{' + helper.name + '}}');
    insert.type = 'button';
    insert.className = 'helper';
    insert.addEventListener('click', () => insertAtCursor('{{' + helper.name + '}}'));
    item.append(insert, element('span', ' ' + (helper.sample !== null ? 'e.g. ' + helper.sample : helper.arguments)
      + ' — ' + helper.generates, 'muted'));
    list.appendChild(item);
  }
}

async function importKdg() {
  let entries;
  try {
    entries = JSON.parse($('import-json').value);
    if (!Array.isArray(entries)) throw new Error('not a list');
  } catch (error) {
    $('import-state').textContent = 'that is not KDG\'s [{"name": ..., "template": ...}] JSON';
    return;
  }
  let imported = 0;
  for (const entry of entries) {
    if (!entry || typeof entry.template !== 'string' || !entry.template.trim()) continue;
    const name = String(entry.name || 'Template ' + (imported + 1)).replace(/[^A-Za-z0-9 ._-]/g, '_').slice(0, 64);
    await api('PUT', 'templates/' + encodeURIComponent(name), { template: entry.template });
    imported++;
  }
  $('import-state').textContent = imported + ' imported';
  await serially(() => loadTemplates(editing ? 'saved:' + editing : ''));
}

async function exportKdg() {
  const names = await api('GET', 'templates');
  const all = [];
  for (const name of names) all.push(await api('GET', 'templates/' + encodeURIComponent(name)));
  const link = element('a');
  link.href = URL.createObjectURL(new Blob([JSON.stringify(all.map((t) => ({ name: t.name, template: t.template })),
    null, 2)], { type: 'application/json' }));
  link.download = 'kdg-templates.json';
  link.click();
}

// ----- destinations -----

async function loadDestinations(select) {
  const answer = await api('GET', 'destinations');
  const list = $('destination');
  list.replaceChildren();
  const groups = [['Streams', 'stream:', answer.streams], ['Delivery streams', 'delivery:', answer.deliveryStreams]];
  for (const [label, prefix, names] of groups) {
    if (names.length === 0) continue;
    const group = element('optgroup');
    group.label = label;
    names.forEach((n) => { const o = element('option', n); o.value = prefix + n; group.appendChild(o); });
    list.appendChild(group);
  }
  const none = answer.streams.length + answer.deliveryStreams.length === 0;
  $('no-destinations').hidden = !none;
  $('send').disabled = none;
  if (select) list.value = select;
}

async function createStream() {
  const name = $('new-stream-name').value.trim();
  try {
    await api('POST', 'streams', { name, shards: Number($('new-stream-shards').value) });
    $('create-state').textContent = 'stream ' + name + ' is ACTIVE';
    await loadDestinations('stream:' + name);
  } catch (error) {
    $('create-state').textContent = error.message;
  }
}

async function createDeliveryStream() {
  const name = $('new-delivery-name').value.trim();
  try {
    await api('POST', 'delivery-streams', { name, bucket: $('new-delivery-bucket').value.trim(),
      prefix: $('new-delivery-prefix').value.trim(), bufferSeconds: Number($('new-delivery-seconds').value) });
    $('create-state').textContent = 'delivery stream ' + name + ' is ACTIVE';
    await loadDestinations('delivery:' + name);
  } catch (error) {
    $('create-state').textContent = error.message;
  }
}

// ----- rates -----

function rateRequest(request) {
  if ($('periodic-grid').value.trim()) request.periodicGrid = $('periodic-grid').value;
  if (!$('lock-real-time').checked) {
    request.simulatedTime = { from: $('sim-from').value, to: $('sim-to').value,
      tickSeconds: Number($('sim-tick').value), waitMillis: Number($('sim-wait').value) };
  }
  else if ($('rate-profile').value.trim()) request.rateProfile = $('rate-profile').value.trim();
  else if ($('rate').value) request.rate = Number($('rate').value);
  return request;
}

let profileChart = null;

async function plotProfile() {
  $('profile-error').textContent = '';
  const duration = $('duration').value.trim();
  let seconds = 600;
  const match = /^(\d+)(s|m|h|d)$/.exec(duration);
  if (match) seconds = Number(match[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[match[2]];
  else if ($('periodic-grid').value.trim()) seconds = 7 * 86400;
  try {
    const points = await api('POST', 'profile', rateRequest({ seconds, seed: Number($('seed').value) }));
    const data = [points.map((p) => p[0]), points.map((p) => p[1])];
    if (profileChart) profileChart.destroy();
    profileChart = new uPlot({ width: Math.min(700, $('rate-section').clientWidth - 40), height: 160,
      scales: { x: { time: false } }, series: [{}, { label: 'asked records/s', stroke: '#8796a5' }],
      axes: [{ label: 'seconds' }, {}] }, data, $('profile-plot'));
    $('profile-plot').dataset.points = String(points.length);
  } catch (error) {
    $('profile-error').textContent = error.message;
  }
}

function fillPeriodicGrid() {
  const cell = `${Number($('periodic-mean').value)}:${Number($('periodic-spread').value)}`;
  const line = Array(24).fill(cell).join(',');
  $('periodic-grid').value = Array(7).fill(line).join('\n');
}

// ----- runs -----

async function send() {
  $('send-error').textContent = '';
  const destination = $('destination').value;
  const request = { ...source(), seed: Number($('seed').value) };
  if (scenarioMode()) request.createMissing = $('create-missing').checked;
  else if (destination.startsWith('stream:')) request.stream = destination.substring(7);
  else request.deliveryStream = destination.substring(9);
  rateRequest(request);
  if (scenarioMode()) delete request.simulatedTime;   // a scenario keeps its own event time
  if ($('duration').value.trim()) request.duration = $('duration').value.trim();
  else if ($('records').value) request.records = Number($('records').value);
  if ($('partition-key').value.trim() && !scenarioMode()) request.partitionKey = $('partition-key').value.trim();
  request.newline = $('newline').checked;
  request.compress = $('compress').checked;
  request.aggregate = $('aggregate').checked;
  request.shardPacing = $('shard-pacing').checked;
  try {
    const answer = await api('POST', 'runs', request);
    watch(answer.id);
  } catch (error) {
    $('send-error').textContent = error.message;
  }
}

const COUNTERS = ['state', 'generated', 'acked', 'failed', 'retried', 'throttled', 'inFlight', 'ackedPerSecond',
  'elapsedSeconds', 'simulatedTime'];

function watch(id) {
  const card = element('div', undefined, 'run');
  card.id = 'run-' + id;
  const title = element('div');
  title.appendChild(element('strong', 'Run ' + id + ' '));
  const stop = element('button', 'Stop');
  stop.type = 'button';
  stop.className = 'stop';
  stop.addEventListener('click', () => api('POST', `runs/${id}/stop`));
  title.appendChild(stop);
  const counters = element('div', undefined, 'counters');
  for (const name of COUNTERS) {
    const cell = element('div', name + ' ');
    const value = element('span', '0');
    value.className = 'counter-' + name;
    cell.appendChild(value);
    counters.appendChild(cell);
  }
  const errors = element('div', '', 'error');
  const chartBox = element('div', undefined, 'chart');
  const summary = element('pre', '', 'summary muted');
  const streams = element('div', '', 'streams');
  card.append(title, counters, streams, errors, chartBox, summary);
  $('runs').prepend(card);

  const points = [[], [], [], []];
  const chart = new uPlot({
    width: Math.min(900, $('runs').clientWidth || 800), height: 220,
    series: [{}, { label: 'asked/s', stroke: '#8796a5' }, { label: 'acked/s', stroke: '#ec7211' },
      { label: 'throttled', stroke: '#b3261e' }],
    scales: { x: { time: false } },
    axes: [{ label: 'seconds' }, { label: 'records/s' }],
  }, points, chartBox);

  const events = new EventSource(`/api/v1/runs/${id}/events`);
  const show = (snapshot) => {
    for (const name of COUNTERS) {
      const value = snapshot[name];
      card.querySelector('.counter-' + name).textContent =
        typeof value === 'number' ? value.toLocaleString('en-US') : value;
    }
    points[0].push(snapshot.elapsedSeconds);
    points[1].push(snapshot.askedPerSecond ?? null);
    points[2].push(snapshot.ackedPerSecond);
    points[3].push(snapshot.throttled);
    chart.setData(points);
    card.dataset.points = String(points[0].length);
    if (snapshot.streams) {
      streams.textContent = Object.entries(snapshot.streams).map(([name, c]) => `${name} ${c.events}`
        + ` (${c.acked ?? 0} acked` + (c.failed ? `, ${c.failed} failed` : '') + (c.late ? `, ${c.late} late` : '')
        + (c.duplicates ? `, ${c.duplicates} duplicates` : '') + ')').join('; ');
    }
    const codes = Object.entries(snapshot.failedByCode || {}).map(([code, n]) => `failed ${n.toLocaleString('en-US')}: ${code}`);
    errors.textContent = [...codes, ...(snapshot.firstErrors || []), snapshot.error || ''].filter((t) => t).join('\n');
  };
  events.onmessage = (event) => show(JSON.parse(event.data));
  events.addEventListener('done', (event) => {
    const snapshot = JSON.parse(event.data);
    show(snapshot);
    events.close();
    stop.disabled = true;
    summary.textContent = JSON.stringify(snapshot.summary);
    const link = element('a', 'download the summary');
    link.href = URL.createObjectURL(new Blob([JSON.stringify(snapshot.summary, null, 2)],
      { type: 'application/json' }));
    link.download = `kdg-run-${id}-summary.json`;
    card.appendChild(link);
  });
}

// ----- arrivals -----

async function showArrivals() {
  const destination = $('destination').value;
  $('arrivals').replaceChildren();
  if (destination.startsWith('delivery:')) {
    const objects = await api('GET', 'delivery-streams/' + encodeURIComponent(destination.substring(9)) + '/landed');
    if (objects.length === 0) $('arrivals').appendChild(element('li', 'nothing landed yet (Firehose delivers when '
      + 'its buffer fills or its interval passes)'));
    for (const object of objects) {
      $('arrivals').appendChild(element('li', `s3://${object.bucket}/${object.key}\n  ${object.firstLines.join('\n  ')}`));
    }
    return;
  }
  if (!destination.startsWith('stream:')) {
    $('arrivals').appendChild(element('li', 'choose a stream or a delivery stream'));
    return;
  }
  const records = await api('GET', 'streams/' + encodeURIComponent(destination.substring(7)) + '/latest?count=20');
  for (const record of records) {
    $('arrivals').appendChild(element('li', `${record.shard} ${record.partitionKey} ${record.arrival}  ${record.data}`));
  }
}

// ----- start -----

function tabInsertsSpaces(event) {
  if (event.key !== 'Tab') return;
  event.preventDefault();
  const area = event.target;
  const start = area.selectionStart;
  area.setRangeText('  ', start, area.selectionEnd, 'end');
  checkAsYouType();
}

async function main() {
  const info = await api('GET', 'info');
  $('target-description').textContent = 'sending to ' + info.target;
  if (info.regions) {
    currentRegion = info.region;
    for (const id of info.regions) $('region').appendChild(element('option', id));
    $('region').value = info.region;
    $('region-box').hidden = false;
    $('region').addEventListener('change', async () => {
      currentRegion = $('region').value;
      $('target-description').textContent = 'sending to AWS in ' + currentRegion;
      await loadDestinations();
    });
  }
  $('source-kind').addEventListener('change', chooseKind);
  $('template').addEventListener('input', () => checkAsYouType(true));
  $('template').addEventListener('keydown', tabInsertsSpaces);
  $('test-template').addEventListener('click', testTemplate);
  $('template-list').addEventListener('change', chooseTemplate);
  $('template-save').addEventListener('click', () => saveTemplate($('template-name').value.trim()));
  $('template-new').addEventListener('click', () => {
    flushAutosave();
    serially(() => {
      editing = '';
      $('template-list').value = '';
      $('template-name').value = '';
      $('template').value = '';
      $('template').disabled = false;
    });
  });
  $('template-duplicate').addEventListener('click', () => {
    flushAutosave();
    saveTemplate($('template-name').value.trim() + ' copy');
  });
  $('template-rename').addEventListener('click', () => {
    flushAutosave();
    const to = $('template-name').value.trim();
    serially(async () => {
      if (!editing || !to) return;
      try {
        await api('PUT', 'templates/' + encodeURIComponent(editing), { renameTo: to });
        editing = to;
        await loadTemplates('saved:' + to);
        $('saved-state').textContent = 'renamed to ' + to;
      } catch (error) {
        $('saved-state').textContent = error.message;
      }
    });
  });
  $('import').addEventListener('click', importKdg);
  $('export').addEventListener('click', exportKdg);
  $('helper-search').addEventListener('input', showHelpers);
  $('create-delivery').addEventListener('click', createDeliveryStream);
  $('plot-profile').addEventListener('click', plotProfile);
  $('periodic-fill').addEventListener('click', fillPeriodicGrid);
  $('periodic-clear').addEventListener('click', () => { $('periodic-grid').value = ''; });
  $('lock-real-time').addEventListener('change', () => {
    $('simulated-box').hidden = $('lock-real-time').checked;
    if (!$('sim-from').value) {
      const today = new Date().toISOString().substring(0, 10);
      $('sim-from').value = today + 'T00:00';
      $('sim-to').value = new Date(Date.parse(today) + 86400000).toISOString().substring(0, 10) + 'T00:00';
    }
  });
  $('template-delete').addEventListener('click', () => {
    if (saveTimer !== null) { clearTimeout(saveTimer); saveTimer = null; }   // its edit goes with it
    serially(async () => {
      if (!editing) return;
      await api('DELETE', 'templates/' + encodeURIComponent(editing));
      editing = '';
      await loadTemplates('');
    });
  });
  $('refresh-destinations').addEventListener('click', () => loadDestinations());
  $('create-stream').addEventListener('click', createStream);
  $('send').addEventListener('click', send);
  $('show-arrivals').addEventListener('click', showArrivals);
  await Promise.all([loadTemplates(''), loadDestinations(),
    api('GET', 'helpers').then((all) => { helpers = all; showHelpers(); })]);
  for (const run of await api('GET', 'runs')) watch(run.id);
  document.body.dataset.readyMs = String(Math.round(performance.now()));
  document.body.dataset.ready = 'true';
}

main();
