// Small behaviours htmx cannot do alone: CSRF header, error messages, keyboard shortcuts, menu filter.
(function () {
  'use strict';

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }

  function flash(message) {
    var box = document.getElementById('flash');
    if (!box) { return; }
    box.textContent = message;
    box.classList.add('show');
    clearTimeout(flash.timer);
    flash.timer = setTimeout(function () { box.classList.remove('show'); }, 6000);
  }

  document.addEventListener('htmx:configRequest', function (event) {
    var c = csrf();
    if (c) { event.detail.headers[c.header] = c.token; }
  });

  document.addEventListener('htmx:responseError', function (event) {
    var xhr = event.detail.xhr;
    var type = xhr.getResponseHeader('Content-Type') || '';
    var text = type.indexOf('text/plain') === 0 && xhr.responseText ? xhr.responseText : null;
    if (xhr.status === 403) { text = text || 'Your role does not allow this action.'; }
    flash(text || 'The request failed (' + xhr.status + '). Nothing was changed; please try again.');
  });

  // An expired session answers 401 with HX-Redirect to the login page. The login page then says why, and the till
  // offers the cart it showed last (kept in this tab's sessionStorage), since the new session starts empty.
  var ENDED = 'pos.sessionEnded';
  var CART = 'pos.cart';

  document.addEventListener('htmx:beforeOnLoad', function (event) {
    var xhr = event.detail.xhr;
    if (xhr.status === 401 && xhr.getResponseHeader('HX-Redirect')) { sessionStorage.setItem(ENDED, '1'); }
  });

  function cartLines() {
    return Array.prototype.map.call(document.querySelectorAll('#cart .line'), function (line) {
      return {
        id: line.getAttribute('data-product'),
        name: line.querySelector('.line-name').textContent,
        quantity: parseInt(line.querySelector('.line-qty').textContent, 10) || 1
      };
    });
  }

  function rememberCart() {
    if (document.getElementById('sale')) { sessionStorage.setItem(CART, JSON.stringify(cartLines())); }
  }

  document.addEventListener('htmx:afterSettle', rememberCart);

  function restoreCart(lines) {
    var adds = [];
    lines.forEach(function (line) {
      for (var i = 0; i < line.quantity; i++) { adds.push('/pos/cart/add/' + encodeURIComponent(line.id)); }
    });
    adds.reduce(function (done, url) {
      return done.then(function () { return htmx.ajax('POST', url, { target: '#cart', swap: 'outerHTML' }); });
    }, Promise.resolve());
  }

  document.addEventListener('DOMContentLoaded', function () {
    var ended = sessionStorage.getItem(ENDED) === '1';
    var notice = document.getElementById('session-ended');
    if (notice) { notice.hidden = !ended; return; }
    var offer = document.getElementById('restore-cart');
    if (!offer) { return; }
    sessionStorage.removeItem(ENDED);
    var kept = JSON.parse(sessionStorage.getItem(CART) || '[]');
    if (ended && kept.length > 0 && cartLines().length === 0) {
      offer.querySelector('.restore-lines').textContent = kept.map(function (l) {
        return l.quantity + ' × ' + l.name;
      }).join(', ');
      offer.hidden = false;
      offer.querySelector('button').addEventListener('click', function () {
        offer.hidden = true;
        restoreCart(kept);
      });
    } else {
      rememberCart();
    }
  });

  document.addEventListener('htmx:sendError', function () {
    flash('The till cannot reach the server. Check the connection and try again.');
  });

  // Menu filter: hides tiles (and empty categories) unless every typed word starts a word of the tile's name or
  // category ("lat" finds Latte, not Flat White), and says so when nothing matches.
  function filterMenu(filter) {
    var words = filter.value.toLowerCase().trim().split(/\s+/).filter(Boolean);
    var total = 0;
    document.querySelectorAll('#menu .category').forEach(function (category) {
      var shown = 0;
      category.querySelectorAll('.tile').forEach(function (tile) {
        var names = tile.getAttribute('data-name').split(/\s+/);
        var match = words.every(function (w) {
          return names.some(function (n) { return n.indexOf(w) === 0; });
        });
        tile.hidden = !match;
        if (match) { shown++; }
      });
      category.hidden = shown === 0;
      total += shown;
    });
    var none = document.getElementById('menu-no-match');
    if (none) { none.hidden = total > 0 || words.length === 0; }
  }

  document.addEventListener('input', function (event) {
    if (event.target.matches('[data-filter-tiles]')) { filterMenu(event.target); }
  });

  // A new sale starts with the whole menu in view.
  document.addEventListener('click', function (event) {
    if (!event.target.closest('#new-sale')) { return; }
    var filter = document.getElementById('menu-filter');
    if (filter) { filter.value = ''; filterMenu(filter); }
  });

  // Buttons marked data-print print the page (the print stylesheet keeps only the receipt or the cash-up).
  document.addEventListener('click', function (event) {
    if (event.target.closest('[data-print]')) { window.print(); }
  });

  function results() {
    return Array.prototype.slice.call(document.querySelectorAll('#customer-results .result'));
  }

  // Keys at the till (README, "Keyboard at the till"): F2 customer search, F9 (or Ctrl+Enter) confirm. Function
  // keys never type a character, so they work from any field.
  function focusCustomerSearch() {
    var search = document.getElementById('customer-search');
    if (search) { search.focus(); search.select(); return; }
    var change = document.querySelector('#customer-preview .preview-head button');
    if (change) { focusCustomerSearch.pending = true; change.click(); }
  }

  function confirmSale() {
    var confirm = document.getElementById('confirm');
    if (confirm && !confirm.disabled) { confirm.click(); }
  }

  // Enter in the customer search picks the highlighted result, but only once the results answer what was typed:
  // an Enter typed faster than the search must not pick a customer of the previous list.
  var pickWhenCurrent = false;

  function resultsAreCurrent() {
    var search = document.getElementById('customer-search');
    var box = document.getElementById('customer-results');
    return !!(search && box) && (box.getAttribute('data-q') || '').trim() === search.value.trim();
  }

  function pickHighlighted() {
    pickWhenCurrent = false;
    var picked = document.querySelector('#customer-results .result.highlighted');
    if (picked) { picked.click(); }
  }

  // A search answer that arrives while a customer is being picked must not replace the list: htmx looks for the
  // picked customer's out-of-band checkout from the clicked button, which would no longer be in the page.
  var picking = 0;

  function isPick(event) {
    var elt = event.detail.elt;
    return !!(elt && elt.closest && elt.closest('.result, .use-existing'));
  }

  // The pick ends when its request does: counted on the request itself, because the picked button is swapped out
  // of the page with the panel, and events on a removed element (htmx:afterRequest) never reach the document.
  document.addEventListener('htmx:beforeRequest', function (event) {
    if (!isPick(event)) { return; }
    picking++;
    event.detail.xhr.addEventListener('loadend', function () { picking = Math.max(0, picking - 1); });
  });
  document.addEventListener('htmx:beforeSwap', function (event) {
    var target = event.detail.target;
    if (picking > 0 && target && target.id === 'customer-results') { event.detail.shouldSwap = false; }
  });

  document.addEventListener('htmx:afterSettle', function (event) {
    var target = event.detail.target;
    if (!target) { return; }
    if (target.id === 'customer-results' && pickWhenCurrent && resultsAreCurrent()) { pickHighlighted(); }
    if (target.id === 'customer-panel' || target.id === 'customer-form' || target.id === 'sale') {
      if (focusCustomerSearch.pending && document.getElementById('customer-search')) {
        focusCustomerSearch.pending = false;
        focusCustomerSearch();
      }
    }
  });

  // Once a customer is picked, the next thing to do is find what they order: focus goes to the menu filter.
  document.body.addEventListener('pos:customer-selected', function () {
    var filter = document.getElementById('menu-filter');
    if (filter) { filter.focus(); filter.select(); }
  });

  // A previous delivery address, tapped, becomes the delivery address.
  document.addEventListener('click', function (event) {
    var choice = event.target.closest('.address-choice');
    var field = document.getElementById('delivery-address');
    if (choice && field) { field.value = choice.getAttribute('data-address'); field.focus(); }
  });

  document.addEventListener('keydown', function (event) {
    var target = event.target;
    var typing = target.matches('input, textarea, select');
    if (event.key === 'F2') {
      event.preventDefault();
      focusCustomerSearch();
      return;
    }
    if (event.key === 'F9' || (event.key === 'Enter' && event.ctrlKey)) {
      event.preventDefault();
      // Ctrl+Enter in another form (the customer's note, a new customer) submits that form instead.
      var form = event.key === 'Enter' && target.closest ? target.closest('form') : null;
      if (form && form.id !== 'checkout') { form.requestSubmit(); } else { confirmSale(); }
      return;
    }
    if (event.key === '/' && !typing) {
      event.preventDefault();
      var filter = document.getElementById('menu-filter');
      if (filter) { filter.focus(); filter.select(); }
      return;
    }
    if (target.id === 'menu-filter' && event.key === 'Enter') {
      var first = document.querySelector('#menu .tile:not([hidden])');
      if (first) { event.preventDefault(); first.click(); }
      return;
    }
    if (target.id === 'customer-search') {
      var list = results();
      var index = list.findIndex(function (r) { return r.classList.contains('highlighted'); });
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        if (list.length === 0) { return; }
        var next = event.key === 'ArrowDown' ? Math.min(list.length - 1, index + 1) : Math.max(0, index - 1);
        list.forEach(function (r, i) { r.classList.toggle('highlighted', i === next); });
        list[next].scrollIntoView({ block: 'nearest' });
      } else if (event.key === 'Enter') {
        event.preventDefault();
        if (resultsAreCurrent()) { pickHighlighted(); } else { pickWhenCurrent = true; }
      }
    }
  });
})();

// A form meant for htmx that htmx has not wired up yet (a click within milliseconds of its swap) must not fall
// back to a native submit, which would navigate away from the till. htmx cancels the native submit itself
// on forms it has processed, before this listener runs.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (!event.defaultPrevented && (form.hasAttribute('hx-post') || form.hasAttribute('hx-get'))) {
    event.preventDefault();
  }
});
