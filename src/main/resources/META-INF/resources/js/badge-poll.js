// Keeps the menu's count badges (and the flag queue, when it is on screen) fresh without a reload. Each badge names
// the JSON it reads (data-count-url) and the field holding its number (data-count-field).
(function () {
  'use strict';
  var EVERY_MS = 30000;

  function refreshBadges() {
    var urls = {};
    document.querySelectorAll('[data-count-url]').forEach(function (badge) {
      urls[badge.getAttribute('data-count-url')] = true;
    });
    return Promise.all(Object.keys(urls).map(function (url) {
      return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (!data) { return; }
          document.querySelectorAll('[data-count-url="' + url + '"]').forEach(function (badge) {
            var count = data[badge.getAttribute('data-count-field')];
            badge.textContent = count;
            // The label is already in the page's language ("2 open", "3 sin leer"): only its number changes.
            badge.setAttribute('aria-label', (badge.getAttribute('aria-label') || '').replace(/\d+/, count));
          });
        });
    }));
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
    refreshBadges().then(refreshQueue).catch(function () {});
  }

  setInterval(tick, EVERY_MS);
})();
