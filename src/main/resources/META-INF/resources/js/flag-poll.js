// Keeps the open-flag badge (and the flag queue, when it is on screen) fresh without a reload.
(function () {
  'use strict';
  var EVERY_MS = 30000;

  function refreshBadge() {
    return fetch('/flags/count', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        document.querySelectorAll('[data-flag-badge]').forEach(function (badge) {
          badge.textContent = data.open;
          badge.setAttribute('aria-label', data.open + ' open');
        });
      });
  }

  function refreshQueue() {
    var queue = document.querySelector('[data-poll]');
    if (!queue) { return Promise.resolve(); }
    return fetch(queue.getAttribute('data-poll'), { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-poll]');
        if (fresh) { queue.innerHTML = fresh.innerHTML; }
      });
  }

  function tick() {
    // An expired session redirects to the login page; the fetch then fails quietly and the next click signs in.
    refreshBadge().then(refreshQueue).catch(function () {});
  }

  setInterval(tick, EVERY_MS);
})();
