// NTM Monitor — the fast entry page (templates/assessment/entry.html): percentages as people type,
// Enter that never submits, Ctrl+S that saves, the "unsaved changes" marker, last year's values.
(function () {
  'use strict';

  function form() {
    return document.getElementById('entry-form');
  }

  // "1.307,608" → 1307.608; "87.5" → 87.5; NaN when it cannot be read.
  function parse(text) {
    var t = (text || '').replace(/[\s\u00a0]/g, '');
    if (t === '') {
      return NaN;
    }
    if (t.indexOf(',') >= 0) {
      t = t.replace(/\./g, '').replace(',', '.');
    } else if (/^-?\d{1,3}(\.\d{3})+$/.test(t)) {
      t = t.replace(/\./g, '');
    }
    return /^-?\d+(\.\d+)?$/.test(t) ? parseFloat(t) : NaN;
  }

  // 90.3 → "90,3" (two decimals at most, dots between thousands).
  function format(number) {
    return number.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
  }

  function percent(output) {
    var code = output.getAttribute('data-code');
    var f = form();
    var n = parse(f.elements['n.' + code].value);
    var d = parse(f.elements['d.' + code].value);
    output.textContent = !isNaN(n) && !isNaN(d) && d > 0 ? '= ' + format(n * 100 / d) + ' %' : '=';
  }

  function dirty(on) {
    var marker = document.getElementById('entry-dirty');
    if (marker) {
      marker.classList.toggle('d-none', !on);
    }
    var f = form();
    if (f) {
      f.dataset.dirty = on ? 'true' : 'false';
    }
  }

  function fieldsOf(row) {
    return row.querySelectorAll('.entry-field');
  }

  function empty(row) {
    return Array.prototype.every.call(fieldsOf(row), function (field) {
      return field.value === '';
    });
  }

  // Fills one indicator's inputs with last year's value (nothing is stored until saved).
  function carry(button) {
    var row = button.closest('.entry-indicator');
    var code = row.getAttribute('data-code');
    var f = form();
    ['v', 'n', 'd', 'f', 'o'].forEach(function (kind) {
      var field = f.elements[kind + '.' + code];
      if (field) {
        field.value = button.getAttribute('data-prev-' + kind) || '';
      }
    });
    var source = f.elements['src.' + code];
    if (source) {
      source.value = f.getAttribute('data-carried-source');
    }
    row.classList.add('entry-carried-row');
    row.querySelector('.entry-carried').classList.remove('d-none');
    row.querySelectorAll('output.entry-percent').forEach(percent);
    dirty(true);
  }

  function changed() {
    // one event for htmx (the live verdict) and app.js (the warning on leaving)
    form().querySelector('.entry-field, input').dispatchEvent(new Event('input', { bubbles: true }));
  }

  document.addEventListener('DOMContentLoaded', function () {
    var f = form();
    if (!f) {
      return;
    }
    f.querySelectorAll('output.entry-percent').forEach(percent);

    f.addEventListener('input', function (event) {
      if (event.isTrusted) {
        dirty(true);
      }
      var row = event.target.closest('.entry-indicator');
      if (row) {
        row.querySelectorAll('output.entry-percent').forEach(percent);
      }
    });

    // Enter moves to the next field instead of submitting the form by accident.
    f.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && event.target.tagName === 'INPUT' && event.target.type !== 'submit') {
        event.preventDefault();
        var fields = Array.prototype.filter.call(f.querySelectorAll('input:not([type=hidden]), select'), function (el) {
          return !el.disabled && el.offsetParent !== null && el.tabIndex >= 0 && el.type !== 'radio';
        });
        var at = fields.indexOf(event.target);
        var next = at >= 0 ? fields[at + 1] : null;
        if (next) {
          next.focus();
        }
      }
    });

    f.addEventListener('submit', function () {
      dirty(false);
    });

    f.addEventListener('click', function (event) {
      var button = event.target.closest('.entry-carry');
      if (button) {
        carry(button);
        changed();
      }
    });

    var all = document.getElementById('carry-all');
    if (all) {
      all.addEventListener('click', function () {
        var any = false;
        f.querySelectorAll('.entry-carry').forEach(function (button) {
          if (empty(button.closest('.entry-indicator'))) {
            carry(button);
            any = true;
          }
        });
        if (any) {
          changed();
        }
      });
    }
  });

  // Ctrl+S (⌘S) saves.
  document.addEventListener('keydown', function (event) {
    var f = form();
    if (f && (event.ctrlKey || event.metaKey) && (event.key === 's' || event.key === 'S')) {
      event.preventDefault();
      if (document.getElementById('entry-save')) {
        dirty(false);
        f.requestSubmit(document.getElementById('entry-save'));
      }
    }
  });

  // Nothing typed is lost by leaving without saving.
  window.addEventListener('beforeunload', function (event) {
    var f = form();
    if (f && f.dataset.dirty === 'true') {
      event.preventDefault();
      event.returnValue = '';
    }
  });
})();
