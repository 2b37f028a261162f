// Keeps the menu's unread-messages count fresh without a reload, as flag-poll.js does for the flag badge.
(function () {
  'use strict';
  var EVERY_MS = 30000;

  function refresh() {
    fetch('/messages/count', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        document.querySelectorAll('[data-message-badge]').forEach(function (badge) {
          badge.textContent = data.unread;
          badge.setAttribute('aria-label', data.unread + ' unread');
        });
      })
      // An expired session redirects to the login page; the fetch then fails quietly and the next click signs in.
      .catch(function () {});
  }

  setInterval(refresh, EVERY_MS);
})();
