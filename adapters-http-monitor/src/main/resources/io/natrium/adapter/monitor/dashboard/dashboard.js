// The Natrium dashboard: polls the monitoring JSON endpoints about once a second and draws what they report.
// Rates come from the difference between successive /varz samples, timed by the server's own clock ("now").
// Everything from the server is shown through textContent, never as HTML: connection names are the clients' text.
(() => {
  'use strict';

  const REFRESH_MS = 1000;
  const HISTORY = 60;
  const SVG = 'http://www.w3.org/2000/svg';
  const base = document.body.dataset.base || '';
  const samples = [];
  const rates = [];
  let connections = [];
  let connectionsNow = Date.now();
  let sort = { key: 'cid', type: 'number', descending: false };

  const $ = (id) => document.getElementById(id);

  async function get(path) {
    const response = await fetch(base + path, { cache: 'no-store' });
    if (!response.ok) {
      throw new Error(path + ' answered ' + response.status);
    }
    return response;
  }

  async function getJson(path) {
    return (await get(path)).json();
  }

  async function getText(path) {
    return (await get(path)).text();
  }

  // ---- number formats ----

  function count(value) {
    if (value === undefined || value === null || Number.isNaN(value)) {
      return '–';
    }
    const magnitude = Math.abs(value);
    const units = [[1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k']];
    for (const [size, unit] of units) {
      if (magnitude >= size) {
        return short(value / size, magnitude >= size * 100 ? 0 : 1) + unit;
      }
    }
    return Number.isInteger(value) || magnitude >= 100 ? String(Math.round(value)) : short(value, 1);
  }

  // Fixed decimals without a trailing ".0": 2.5k, 3k.
  function short(value, decimals) {
    return value.toFixed(decimals).replace(/\.0$/, '');
  }

  function bytes(value) {
    if (value === undefined || value === null || Number.isNaN(value)) {
      return '–';
    }
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let scaled = value;
    let unit = 0;
    while (Math.abs(scaled) >= 1024 && unit < units.length - 1) {
      scaled /= 1024;
      unit++;
    }
    return (unit === 0 ? Math.round(scaled) : short(scaled, 1)) + ' ' + units[unit];
  }

  // ---- DOM helpers ----

  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
    return td;
  }

  function fillRows(tbody, rows, emptyText, columns) {
    tbody.replaceChildren();
    if (rows.length === 0) {
      const tr = tbody.insertRow();
      const td = cell(tr, emptyText, 'empty');
      td.colSpan = columns;
      return;
    }
    for (const values of rows) {
      const tr = tbody.insertRow();
      values.forEach((value) => cell(tr, value[0], value[1]));
    }
  }

  function figures(tbody, pairs) {
    tbody.replaceChildren();
    for (const [label, value] of pairs) {
      const tr = tbody.insertRow();
      const th = document.createElement('th');
      th.textContent = label;
      tr.appendChild(th);
      cell(tr, value, 'num');
    }
  }

  function setRate(id, value, format) {
    const element = $(id);
    element.dataset.value = String(value);
    element.textContent = format(value);
  }

  // ---- the server and its rates ----

  function showServer(varz) {
    $('server-name').textContent = varz.server_name;
    $('server-id').textContent = varz.server_id;
    $('uptime').textContent = varz.uptime;
    $('listen').textContent = varz.host + ':' + varz.port;
    $('connections').textContent = count(varz.connections);
    $('total-connections').textContent = count(varz.total_connections) + ' since start';
    $('subscriptions').textContent = count(varz.subscriptions);
    $('slow-consumers').textContent = count(varz.slow_consumers);
    $('mem').textContent = bytes(varz.mem);
    $('cpu').textContent = 'CPU ' + varz.cpu + '%, ' + varz.cores + ' cores';
    document.title = 'Natrium ' + varz.server_name;

    const stats = varz.slow_consumer_stats || {};
    figures($('slow-table').tBodies[0], [
      ['Total', count(varz.slow_consumers)],
      ['Clients', count(stats.clients)],
      ['Routes', count(stats.routes)],
      ['Gateways', count(stats.gateways)],
      ['Leaf nodes', count(stats.leafs)],
      ['Stale connections', count(varz.stale_connections)],
      ['Stalled publishers', count(varz.stalled_clients)]]);
  }

  function addSample(varz) {
    const sample = {
      time: Date.parse(varz.now),
      inMsgs: varz.in_msgs,
      outMsgs: varz.out_msgs,
      inBytes: varz.in_bytes,
      outBytes: varz.out_bytes,
    };
    const previous = samples[samples.length - 1];
    samples.push(sample);
    if (samples.length > 2) {
      samples.shift();
    }
    if (!previous || sample.time <= previous.time) {
      return;
    }
    const elapsed = (sample.time - previous.time) / 1000;
    const rate = (key) => Math.max(0, (sample[key] - previous[key]) / elapsed);
    rates.push({ inMsgs: rate('inMsgs'), outMsgs: rate('outMsgs'), inBytes: rate('inBytes'),
      outBytes: rate('outBytes') });
    if (rates.length > HISTORY) {
      rates.shift();
    }
    const last = rates[rates.length - 1];
    setRate('rate-in-msgs', last.inMsgs, count);
    setRate('rate-out-msgs', last.outMsgs, count);
    setRate('rate-in-bytes', last.inBytes, (value) => bytes(value));
    setRate('rate-out-bytes', last.outBytes, (value) => bytes(value));
  }

  // ---- charts: inline SVG, one polyline a series ----

  // Grid lines at 1, 2 or 5 times a power of ten of the largest unit below the highest value (1000 for counts,
  // 1024 for bytes, so byte axes read 50 KiB, not 48.8 KiB), about four of them, at least one unit apart.
  function axis(highest, unitBase) {
    let unit = 1;
    while (highest / unit >= unitBase) {
      unit *= unitBase;
    }
    const raw = Math.max(1, highest / unit / 4);
    const power = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = unit * [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= raw);
    return { step, top: Math.max(step, step * Math.ceil(highest / step)) };
  }

  function svgElement(name, attributes) {
    const element = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) {
      element.setAttribute(key, String(value));
    }
    return element;
  }

  function drawChart(svg, inKey, outKey, format, unitBase) {
    const width = 600;
    const height = 180;
    const left = 64;
    const top = 8;
    const bottom = 20;
    const plotWidth = width - left - 8;
    const plotHeight = height - top - bottom;
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    svg.replaceChildren();
    const highest = Math.max(0, ...rates.map((rate) => Math.max(rate[inKey], rate[outKey])));
    const { step, top: max } = axis(highest, unitBase);
    for (let value = 0; value <= max; value += step) {
      const y = top + plotHeight - (plotHeight * value) / max;
      svg.appendChild(svgElement('line', { x1: left, x2: width - 8, y1: y, y2: y, class: 'grid' }));
      const label = svgElement('text', { x: left - 6, y: y + 4, class: 'axis', 'text-anchor': 'end' });
      label.textContent = format(value);
      svg.appendChild(label);
    }
    const caption = svgElement('text', { x: width - 8, y: height - 4, class: 'axis', 'text-anchor': 'end' });
    caption.textContent = 'last ' + HISTORY + ' s';
    svg.appendChild(caption);
    for (const [key, className] of [[inKey, 'series in'], [outKey, 'series out']]) {
      const offset = HISTORY - rates.length;
      const points = rates.map((rate, i) => {
        const x = left + (plotWidth * (offset + i)) / (HISTORY - 1);
        const y = top + plotHeight - (plotHeight * rate[key]) / max;
        return x.toFixed(1) + ',' + y.toFixed(1);
      });
      if (points.length > 0) {
        svg.appendChild(svgElement('polyline', { points: points.join(' '), class: className }));
      }
    }
  }

  function drawCharts() {
    drawChart($('chart-msgs'), 'inMsgs', 'outMsgs', count, 1000);
    drawChart($('chart-bytes'), 'inBytes', 'outBytes', bytes, 1024);
  }

  // ---- connections, sortable ----

  function showConnections(connz) {
    connectionsNow = Date.parse(connz.now);
    connections = (connz.connections || []).map((connection) => ({
      ...connection,
      address: connection.ip + ':' + connection.port,
      client: [connection.lang, connection.version].filter(Boolean).join(' '),
      uptime_seconds: (connectionsNow - Date.parse(connection.start)) / 1000,
      idle_seconds: (connectionsNow - Date.parse(connection.last_activity)) / 1000,
    }));
    const shown = connections.length < connz.total ? connections.length + ' of ' + connz.total : connz.total;
    $('connections-shown').textContent = '(' + shown + ' open)';
    renderConnections();
  }

  function renderConnections() {
    const { key, type, descending } = sort;
    const sorted = connections.slice().sort((a, b) => {
      const order = type === 'number' ? (a[key] || 0) - (b[key] || 0)
        : String(a[key] || '').localeCompare(String(b[key] || ''));
      return (descending ? -order : order) || a.cid - b.cid;
    });
    fillRows($('connections-table').tBodies[0], sorted.map((connection) => [
      [String(connection.cid), 'num'],
      [connection.name || '', ''],
      [connection.address, ''],
      [connection.client, ''],
      [connection.uptime, 'num'],
      [connection.idle, 'num'],
      [bytes(connection.pending_bytes), 'num'],
      [count(connection.in_msgs), 'num'],
      [count(connection.out_msgs), 'num'],
      [bytes(connection.in_bytes), 'num'],
      [bytes(connection.out_bytes), 'num'],
      [count(connection.subscriptions), 'num'],
    ]), 'No open connections', 12);
    for (const th of $('connections-table').tHead.rows[0].cells) {
      th.setAttribute('aria-sort', th.dataset.key !== key ? 'none' : descending ? 'descending' : 'ascending');
    }
  }

  function sortBy(th) {
    const key = th.dataset.key;
    const type = th.dataset.type || 'text';
    // Numbers are most useful biggest first; text alphabetically.
    const descending = sort.key === key ? !sort.descending : type === 'number' && key !== 'cid';
    sort = { key, type, descending };
    renderConnections();
  }

  // ---- subscriptions, accounts ----

  function showSubscriptions(subsz) {
    figures($('sublist').tBodies[0], [
      ['Subscriptions', count(subsz.num_subscriptions)],
      ['Cached subjects', count(subsz.num_cache)],
      ['Inserts', count(subsz.num_inserts)],
      ['Removes', count(subsz.num_removes)],
      ['Matches', count(subsz.num_matches)],
      ['Cache hit rate', (100 * subsz.cache_hit_rate).toFixed(1) + '%'],
      ['Max fan-out', count(subsz.max_fanout)],
      ['Average fan-out', subsz.avg_fanout.toFixed(2)]]);
    const list = subsz.subscriptions_list || [];
    fillRows($('subscriptions-table').tBodies[0], list.map((subscription) => [
      [subscription.subject, 'subject'],
      [subscription.qgroup || '', ''],
      [String(subscription.cid), 'num'],
      [count(subscription.msgs), 'num'],
    ]), 'No subscriptions', 4);
  }

  function showAccounts(accstatz) {
    fillRows($('accounts-table').tBodies[0], (accstatz.account_statz || []).map((account) => [
      [account.name ? account.acc + ' (' + account.name + ')' : account.acc, ''],
      [count(account.conns), 'num'],
      [count(account.num_subscriptions), 'num'],
      [count(account.received.msgs), 'num'],
      [count(account.sent.msgs), 'num'],
      [count(account.slow_consumers), 'num'],
    ]), 'No accounts', 6);
  }

  // The MQTT figures exist only as /metrics' natrium_mqtt_* gauges (no JSON endpoint of nats-server has them).
  const MQTT_FIGURES = ['clients', 'persistent_sessions', 'retained_messages', 'inflight_messages', 'stored_messages'];

  async function showMqtt(varz) {
    const section = $('mqtt');
    if (!varz.mqtt || !varz.mqtt.port) {
      section.hidden = true;
      return;
    }
    const metrics = await getText('/metrics');
    for (const line of metrics.split('\n')) {
      const match = /^natrium_mqtt_([a-z_]+)\{[^}]*\} (\S+)$/.exec(line);
      if (match && MQTT_FIGURES.includes(match[1])) {
        const figure = $('mqtt-' + match[1].replace(/_/g, '-'));
        figure.dataset.value = match[2];
        figure.textContent = count(Number(match[2]));
      }
    }
    section.hidden = false;
  }

  // ---- the loop ----

  function setStatus(state, text) {
    const status = $('status');
    status.dataset.state = state;
    status.textContent = text;
  }

  async function refresh() {
    try {
      const [varz, connz, subsz, accstatz] = await Promise.all([
        getJson('/varz'),
        getJson('/connz?limit=1024'),
        getJson('/subsz?subs=1&limit=100'),
        getJson('/accstatz?unused=1'),
      ]);
      showServer(varz);
      addSample(varz);
      drawCharts();
      showConnections(connz);
      showSubscriptions(subsz);
      showAccounts(accstatz);
      await showMqtt(varz);
      setStatus('live', 'live · ' + new Date(Date.parse(varz.now)).toLocaleTimeString());
    } catch (error) {
      // The server may be restarting: say so on the page and keep trying.
      setStatus('error', 'unreachable: ' + error.message);
    } finally {
      setTimeout(refresh, REFRESH_MS);
    }
  }

  for (const th of $('connections-table').tHead.rows[0].cells) {
    th.tabIndex = 0;
    th.addEventListener('click', () => sortBy(th));
    th.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        sortBy(th);
      }
    });
  }
  drawCharts();
  refresh();
})();
