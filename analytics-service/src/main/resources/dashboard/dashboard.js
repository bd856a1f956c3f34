'use strict';

(function () {
  const REFRESH_MS = 5000;
  const TOKEN_KEY = 'patronage.analytics.token';
  const FIELDS = ['enrolledMembers', 'memberTransactions', 'nonMemberTransactions', 'pointsIssued', 'pointsRedeemed'];
  const params = new URLSearchParams(window.location.search);
  // the browser's locale; ?locale=fa-IR to try another one
  const locale = params.get('locale') || navigator.language || 'en';
  const rtl = /^(fa|ar|he|ur)\b/.test(locale);
  const numbers = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  const months = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' });

  document.documentElement.lang = locale;
  document.documentElement.dir = rtl ? 'rtl' : 'ltr';

  const form = document.getElementById('chain-form');
  const input = document.getElementById('chain-id');
  const periodPicker = document.getElementById('period');
  const tokenInput = document.getElementById('token');
  const status = document.getElementById('status');
  const view = document.getElementById('view');
  let chainId = params.get('chainId') || '';
  let timer = null;
  tokenInput.value = window.sessionStorage.getItem(TOKEN_KEY) || '';
  if (params.get('period')) {
    periodPicker.value = params.get('period');
  }

  const charts = {};
  ['retention', 'cohort', 'participation', 'points', 'expiring', 'baskets', 'coupons'].forEach(function (name) {
    charts[name] = echarts.init(document.getElementById(name + '-chart'), null, { locale: 'EN' });
  });
  window.addEventListener('resize', function () {
    Object.values(charts).forEach(function (chart) { chart.resize(); });
  });

  function showStatus(text, isError) {
    status.textContent = text;
    status.classList.toggle('error', Boolean(isError));
  }

  /** A period id (2026-11, 2026-W48, 2026-Q4) as the reader's locale writes it. */
  function periodLabel(id) {
    const month = /^(\d{4})-(\d{2})$/.exec(id);
    if (month) {
      return months.format(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)));
    }
    const other = /^(\d{4})-([WQ])(\d{1,2})$/.exec(id);
    if (other) {
      const year = new Intl.NumberFormat(locale, { useGrouping: false }).format(Number(other[1]));
      return other[2] + numbers.format(Number(other[3])) + ' ' + year;
    }
    return id;
  }

  function axis(labels) {
    return { type: 'category', data: labels, inverse: rtl,
      axisLabel: { formatter: function (value) { return periodLabel(value); } } };
  }

  function valueAxis(formatter) {
    return { type: 'value', position: rtl ? 'right' : 'left',
      axisLabel: { formatter: formatter || function (value) { return numbers.format(value); } } };
  }

  /** Points of a series; the running period's (final: false) drawn hollow. */
  function points(views, field) {
    return views.map(function (v) {
      const value = v[field] === undefined ? null : v[field];
      return v.final === false ? { value: value, symbol: 'emptyCircle', symbolSize: 10 } : value;
    });
  }

  function tooltip() {
    return { trigger: 'axis', valueFormatter: function (value) { return value == null ? '–' : numbers.format(value); } };
  }

  function legend() {
    return { top: 0, left: rtl ? 'right' : 'left' };
  }

  /** An amount in the chain's currency, with the currency's own minor units; a dash when there is none. */
  function money(amount, currency) {
    if (amount == null || !currency) {
      return '–';
    }
    return new Intl.NumberFormat(locale, { style: 'currency', currency: currency }).format(amount);
  }

  function renderTiles(participation, pointsView, customers) {
    FIELDS.forEach(function (field) {
      document.getElementById(field).textContent = numbers.format(participation[field]);
    });
    document.getElementById('liability').textContent = numbers.format(pointsView.liability || 0);
    document.getElementById('liabilityValue').textContent = money(pointsView.liabilityValue, pointsView.currency);
    document.getElementById('clv').textContent = money(customers.clv, customers.currency);
    const transactions = participation.memberTransactions + participation.nonMemberTransactions;
    document.getElementById('memberShare').textContent =
      transactions === 0 ? '–' : percent.format(participation.memberTransactions / transactions);
    const computedAt = document.getElementById('computedAt');
    computedAt.dateTime = participation.computedAt;
    computedAt.textContent = dates.format(new Date(participation.computedAt));
  }

  function renderRetention(retention, churn, satisfaction) {
    const periods = retention.map(function (v) { return v.period; });
    const churnByPeriod = {};
    churn.forEach(function (v) { churnByPeriod[v.period] = v; });
    const satisfactionByPeriod = {};
    satisfaction.forEach(function (v) { satisfactionByPeriod[v.period] = v; });
    charts.retention.setOption({
      legend: legend(), tooltip: tooltip(), grid: { top: 40 },
      xAxis: axis(periods), yAxis: valueAxis(),
      series: [
        { name: 'Retention rate', type: 'line', data: points(retention, 'retentionRate') },
        { name: 'Churn rate', type: 'line',
          data: points(periods.map(function (p) { return churnByPeriod[p] || {}; }), 'churnRate') },
        { name: 'Net promoter score', type: 'line', lineStyle: { type: 'dashed' },
          data: points(periods.map(function (p) { return satisfactionByPeriod[p] || {}; }), 'netPromoterScore') }
      ]
    }, true);
  }

  function renderCohorts(cohorts) {
    const rows = cohorts.map(function (c) { return c.cohort; });
    const width = cohorts.reduce(function (max, c) { return Math.max(max, c.months.length); }, 0);
    const columns = Array.from({ length: width }, function (_, i) { return String(i); });
    const cells = [];
    cohorts.forEach(function (c, row) {
      c.months.forEach(function (m) { cells.push([m.monthsSinceEnrollment, row, m.share == null ? 0 : m.share]); });
    });
    charts.cohort.setOption({
      tooltip: { formatter: function (p) {
        return periodLabel(rows[p.value[1]]) + ' +' + numbers.format(p.value[0]) + ': ' + percent.format(p.value[2]);
      } },
      grid: { top: 10, bottom: 60 },
      xAxis: { type: 'category', data: columns, inverse: rtl,
        axisLabel: { formatter: function (value) { return numbers.format(Number(value)); } } },
      yAxis: { type: 'category', data: rows, position: rtl ? 'right' : 'left',
        axisLabel: { formatter: function (value) { return periodLabel(value); } } },
      visualMap: { min: 0, max: 1, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
        formatter: function (value) { return percent.format(value); } },
      series: [{ name: 'Share who bought', type: 'heatmap', data: cells,
        label: { show: true, formatter: function (p) { return percent.format(p.value[2]); } } }]
    }, true);
  }

  function renderParticipation(participation) {
    charts.participation.setOption({
      legend: legend(), tooltip: tooltip(), grid: { top: 40 },
      xAxis: axis(participation.map(function (v) { return v.period; })),
      yAxis: [valueAxis(), { type: 'value', min: 0, max: 1, position: rtl ? 'left' : 'right',
        axisLabel: { formatter: function (value) { return percent.format(value); } } }],
      series: [
        { name: 'Active members', type: 'bar', data: points(participation, 'activeMembers') },
        { name: 'Member share', type: 'line', yAxisIndex: 1, data: points(participation, 'memberShare') }
      ]
    }, true);
  }

  function renderPoints(pointsViews) {
    charts.points.setOption({
      legend: legend(), tooltip: tooltip(), grid: { top: 40 },
      xAxis: axis(pointsViews.map(function (v) { return v.period; })), yAxis: valueAxis(),
      series: [
        { name: 'Issued', type: 'bar', data: points(pointsViews, 'pointsIssued') },
        { name: 'Redeemed', type: 'bar', data: points(pointsViews, 'pointsRedeemed') },
        { name: 'Expired', type: 'bar', data: points(pointsViews, 'pointsExpired') },
        { name: 'Liability change', type: 'line', data: points(pointsViews, 'liabilityChange') }
      ]
    }, true);
  }

  /** What expires in the next 30, 60 and 90 days of the chain's calendar (each window includes the shorter). */
  function renderExpiring(pointsView) {
    const windows = [30, 60, 90];
    charts.expiring.setOption({
      tooltip: tooltip(), grid: { top: 20 },
      xAxis: { type: 'category', data: windows.map(String), inverse: rtl,
        axisLabel: { formatter: function (value) { return numbers.format(Number(value)); } } },
      yAxis: valueAxis(),
      series: [{ name: 'Points expiring within N days', type: 'bar',
        data: windows.map(function (days) { return pointsView['expiringIn' + days + 'Days'] || 0; }) }]
    }, true);
  }

  /** The top product pairs by how often they are bought together; lift in the tooltip. */
  function renderBaskets(baskets) {
    const products = baskets.find(function (v) { return v.level === 'sku'; }) || { pairs: [] };
    const pairs = products.pairs.slice(0, 10);
    charts.baskets.setOption({
      tooltip: { trigger: 'axis', formatter: function (items) {
        const pair = pairs[items[0].dataIndex];
        return pair.a + ' + ' + pair.b + ': ' + numbers.format(pair.together) + ' · lift ' + numbers.format(pair.lift);
      } },
      grid: { top: 10, left: rtl ? 20 : 160, right: rtl ? 160 : 20 },
      xAxis: { type: 'value', inverse: rtl },
      yAxis: { type: 'category', inverse: true, position: rtl ? 'right' : 'left',
        data: pairs.map(function (pair) { return pair.a + ' + ' + pair.b; }) },
      series: [{ name: 'Bought together', type: 'bar', data: pairs.map(function (pair) { return pair.together; }) }]
    }, true);
  }

  /** Coupons issued, then used at the till. */
  function renderCoupons(coupons) {
    charts.coupons.setOption({
      tooltip: { trigger: 'item', formatter: function (p) { return p.name + ': ' + numbers.format(p.value); } },
      series: [{ name: 'Coupons', type: 'funnel', sort: 'none', top: 10, bottom: 10,
        label: { formatter: function (p) { return p.name + ' ' + numbers.format(p.value); } },
        data: [{ name: 'Issued', value: coupons.issued }, { name: 'Used at the till', value: coupons.used }] }]
    }, true);
  }

  async function get(path) {
    const response = await fetch(path, { headers: {
      Accept: 'application/json', Authorization: 'Bearer ' + tokenInput.value.trim() } });
    const body = await response.json();
    if (!response.ok) {
      throw new Error(body.detail || ('Request failed with status ' + response.status));
    }
    return body;
  }

  async function refresh() {
    if (!chainId) {
      return;
    }
    const chain = encodeURIComponent(chainId);
    const period = periodPicker.value;
    try {
      const answers = await Promise.all([
        get('/analytics/participation?chainId=' + chain),
        get('/analytics/points?chainId=' + chain),
        get('/analytics/retention?chainId=' + chain + '&period=' + period),
        get('/analytics/churn?chainId=' + chain + '&period=' + period),
        get('/analytics/cohorts?chainId=' + chain),
        get('/analytics/participation?chainId=' + chain + '&period=' + period),
        get('/analytics/points?chainId=' + chain + '&period=' + period),
        get('/analytics/satisfaction?chainId=' + chain + '&period=' + period),
        get('/analytics/customers?chainId=' + chain),
        get('/analytics/baskets?chainId=' + chain),
        get('/analytics/coupons?chainId=' + chain)
      ]);
      view.hidden = false;
      renderTiles(answers[0], answers[1], answers[8]);
      renderRetention(answers[2], answers[3], answers[7]);
      renderCohorts(answers[4]);
      renderParticipation(answers[5]);
      renderPoints(answers[6]);
      renderExpiring(answers[1]);
      renderBaskets(answers[9]);
      renderCoupons(answers[10]);
      Object.values(charts).forEach(function (chart) { chart.resize(); });
      showStatus('Showing chain ' + answers[0].chainId + '; refreshes every ' + REFRESH_MS / 1000 + ' seconds.');
      document.body.dataset.loaded = chainId + '|' + period;
    } catch (error) {
      showStatus(error.message.startsWith('Failed to fetch')
        ? 'Cannot reach the analytics service: ' + error.message : error.message, true);
    }
  }

  function watch(id) {
    chainId = id.trim();
    window.sessionStorage.setItem(TOKEN_KEY, tokenInput.value.trim());
    const url = new URL(window.location.href);
    url.searchParams.set('chainId', chainId);
    url.searchParams.set('period', periodPicker.value);
    window.history.replaceState(null, '', url);
    window.clearInterval(timer);
    refresh();
    timer = window.setInterval(refresh, REFRESH_MS);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (input.value.trim()) {
      watch(input.value);
    }
  });
  periodPicker.addEventListener('change', function () {
    if (chainId) {
      watch(chainId);
    }
  });

  if (chainId) {
    input.value = chainId;
    watch(chainId);
  }
})();
