// The technician directory's filters. Without this script the page lists every
// technician, with links to the plain lists by institution, theme, skill and
// registration; with it, the filter form appears and narrows the cards in place.
// Each card carries data-institution, data-themes, data-skills and data-registrations
// (space-separated slugs); the count is announced through a role="status" region.
(function () {
  'use strict';
  var form = document.getElementById('directory-filter');
  if (!form || !('hidden' in form)) return;
  var selects = Array.prototype.slice.call(form.querySelectorAll('select[data-filter]'));
  var cards = Array.prototype.slice.call(document.querySelectorAll('.card[data-institution]'));
  var count = document.getElementById('filter-count');
  var total = cards.length;

  function matches(card, select) {
    if (!select.value) return true;
    var words = (card.getAttribute('data-' + select.getAttribute('data-filter')) || '').split(' ');
    return words.indexOf(select.value) !== -1;
  }

  function apply() {
    var shown = 0;
    cards.forEach(function (card) {
      var ok = selects.every(function (s) { return matches(card, s); });
      card.hidden = !ok;
      if (ok) shown += 1;
    });
    // A group with nobody left in it goes too, heading and all.
    Array.prototype.forEach.call(document.querySelectorAll('main section'), function (section) {
      if (!section.querySelector('.card[data-institution]')) return;
      section.hidden = !section.querySelector('.card[data-institution]:not([hidden])');
    });
    var filtered = selects.some(function (s) { return s.value; });
    count.textContent = !filtered ? 'Showing all ' + total + ' technicians'
      : shown === 0 ? 'No technicians match these filters'
      : 'Showing ' + shown + ' of ' + total + ' technician' + (total === 1 ? '' : 's');
  }

  selects.forEach(function (s) { s.addEventListener('change', apply); });
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  form.addEventListener('submit', function (e) { e.preventDefault(); apply(); });
  form.hidden = false;
  apply();
})();
