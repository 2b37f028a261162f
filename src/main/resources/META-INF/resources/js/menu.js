// Folds the staff menu behind its button on narrow screens (CSS decides the width); without this script the menu stays open.
(function () {
  'use strict';
  var header = document.currentScript && document.currentScript.closest('.site-header');
  var button = header && header.querySelector('[data-menu-toggle]');
  if (!button) { return; }

  function show(open) {
    button.setAttribute('aria-expanded', String(open));
    header.setAttribute('data-menu', open ? 'open' : 'closed');
  }

  show(false);
  button.addEventListener('click', function () {
    show(button.getAttribute('aria-expanded') !== 'true');
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && button.getAttribute('aria-expanded') === 'true' && header.contains(document.activeElement)) {
      show(false);
      button.focus();
    }
  });
}());
