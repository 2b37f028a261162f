// Keeps the client menu's unread-notifications count fresh without a reload, as message-poll.js does for messages.
(function () {
  'use strict';
  var EVERY_MS = 30000;

  function refresh() {
    fetch('/today/notifications/count', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        document.querySelectorAll('[data-notification-badge]').forEach(function (badge) {
          badge.textContent = data.unread;
          badge.setAttribute('aria-label', data.unread + ' unread');
        });
      })
      // An expired session redirects to the login page; the fetch then fails quietly and the next click signs in.
      .catch(function () {});
  }

  setInterval(refresh, EVERY_MS);
})();
