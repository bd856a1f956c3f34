'use strict';

(function () {
  const REFRESH_MS = 5000;
  const FIELDS = ['enrolledMembers', 'memberTransactions', 'nonMemberTransactions', 'pointsIssued', 'pointsRedeemed'];
  const numbers = new Intl.NumberFormat();
  const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
  const dates = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

  const form = document.getElementById('chain-form');
  const input = document.getElementById('chain-id');
  const status = document.getElementById('status');
  const view = document.getElementById('view');
  let chainId = new URLSearchParams(window.location.search).get('chainId') || '';
  let timer = null;

  function showStatus(text, isError) {
    status.textContent = text;
    status.classList.toggle('error', Boolean(isError));
  }

  function render(participation) {
    FIELDS.forEach(function (field) {
      document.getElementById(field).textContent = numbers.format(participation[field]);
    });
    const transactions = participation.memberTransactions + participation.nonMemberTransactions;
    document.getElementById('memberShare').textContent =
      transactions === 0 ? '–' : percent.format(participation.memberTransactions / transactions);
    const computedAt = document.getElementById('computedAt');
    computedAt.dateTime = participation.computedAt;
    computedAt.textContent = dates.format(new Date(participation.computedAt));
    view.hidden = false;
    showStatus('Showing chain ' + participation.chainId + '; refreshes every ' + REFRESH_MS / 1000 + ' seconds.');
  }

  async function refresh() {
    if (!chainId) {
      return;
    }
    try {
      const response = await fetch('/analytics/participation?chainId=' + encodeURIComponent(chainId),
        { headers: { Accept: 'application/json' } });
      const body = await response.json();
      if (!response.ok) {
        showStatus(body.detail || ('Request failed with status ' + response.status), true);
        return;
      }
      render(body);
    } catch (error) {
      showStatus('Cannot reach the analytics service: ' + error.message, true);
    }
  }

  function watch(id) {
    chainId = id.trim();
    const url = new URL(window.location.href);
    url.searchParams.set('chainId', chainId);
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

  if (chainId) {
    input.value = chainId;
    watch(chainId);
  }
})();
