// Copy buttons: a script file, as the Content-Security-Policy allows no inline handlers.
document.querySelectorAll('[data-copy]').forEach(function (button) {
  button.hidden = false;
  button.addEventListener('click', function () {
    var field = document.getElementById(button.getAttribute('data-copy'));
    navigator.clipboard.writeText(field.value).then(function () { button.textContent = 'Copied'; });
  });
});
