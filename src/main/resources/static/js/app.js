// NTM Monitor: the little behaviour the pages need. No inline scripts (the Content-Security-Policy forbids them).
(function () {
  'use strict';

  // Send the CSRF token with every htmx request.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // Warn before leaving a form with unsaved changes (forms marked data-warn-unsaved).
  var dirty = false;
  document.addEventListener('input', function (event) {
    if (event.target.closest('form[data-warn-unsaved]')) {
      dirty = true;
    }
  });
  document.addEventListener('submit', function () {
    dirty = false;
  });
  window.addEventListener('beforeunload', function (event) {
    if (dirty) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  // Buttons that ask before doing something irreversible: data-confirm="message".
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-confirm]');
    if (button && !window.confirm(button.getAttribute('data-confirm'))) {
      event.preventDefault();
    }
  });

  // Refuse files over the upload limit before sending them (input[data-max-bytes], message in data-too-large).
  document.addEventListener('change', function (event) {
    var input = event.target;
    if (input.matches && input.matches('input[type=file][data-max-bytes]') && input.files.length > 0) {
      var max = parseInt(input.getAttribute('data-max-bytes'), 10);
      input.setCustomValidity(input.files[0].size > max ? input.getAttribute('data-too-large') : '');
      input.reportValidity();
    }
  });

  // Close the unit picker's list when clicking elsewhere.
  document.addEventListener('click', function (event) {
    var options = document.getElementById('unit-picker-options');
    if (options && !event.target.closest('.unit-picker')) {
      options.innerHTML = '';
    }
  });
})();
