// Search over the index the build writes (search/index.json): profiles, case studies,
// career stories and plan actions. Progressive enhancement: without this script the
// page says search needs JavaScript and links to the site's lists; the form still
// submits ?q=…, which this script reads, so a search can be linked to or bookmarked.
(function () {
  'use strict';
  var form = document.getElementById('search-form');
  if (!form || !window.fetch || !window.URLSearchParams) return;
  var input = document.getElementById('search-query');
  var status = document.getElementById('search-status');
  var results = document.getElementById('search-results');
  var nojs = document.getElementById('search-nojs');
  var MAX_RESULTS = 50;
  var index = null;

  function fold(text) {
    return String(text).toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }

  // Every word must appear somewhere; words in the title count most.
  function score(entry, words) {
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      if (entry.title.indexOf(w) !== -1) total += 10;
      else if (entry.summary.indexOf(w) !== -1) total += 3;
      else if (entry.words.indexOf(w) !== -1) total += 1;
      else return 0;
    }
    return total;
  }

  function item(entry) {
    var li = document.createElement('li');
    var link = document.createElement('a');
    link.href = entry.u;
    link.textContent = entry.t;
    var kind = document.createElement('span');
    kind.className = 'search-results__kind';
    kind.textContent = entry.k;
    var heading = document.createElement('p');
    heading.className = 'search-results__title';
    heading.appendChild(link);
    li.appendChild(kind);
    li.appendChild(heading);
    if (entry.s) {
      var summary = document.createElement('p');
      summary.className = 'search-results__summary';
      summary.textContent = entry.s;
      li.appendChild(summary);
    }
    return li;
  }

  function run(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    results.textContent = '';
    if (!words.length) { status.textContent = ''; return; }
    var found = [];
    index.forEach(function (entry, i) {
      var s = score(entry, words);
      if (s) found.push({ entry: entry, score: s, order: i });
    });
    found.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    found.slice(0, MAX_RESULTS).forEach(function (f) { results.appendChild(item(f.entry.raw)); });
    var n = found.length;
    status.textContent = n === 0 ? 'Nothing matches \u201c' + query + '\u201d.'
      : n + (n === 1 ? ' result' : ' results') + ' for \u201c' + query + '\u201d' +
        (n > MAX_RESULTS ? ', the first ' + MAX_RESULTS + ' shown.' : '.');
  }

  nojs.hidden = true;
  status.textContent = 'Loading the search index\u2026';
  fetch(form.getAttribute('data-index'))
    .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
    .then(function (entries) {
      index = entries.map(function (e) {
        return { raw: e, title: fold(e.t), summary: fold(e.s), words: fold(e.w) };
      });
      var q = new URLSearchParams(window.location.search).get('q') || '';
      input.value = q;
      status.textContent = '';
      if (q) run(q);
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        var query = input.value.trim();
        history.replaceState(null, '', query ? '?q=' + encodeURIComponent(query) : window.location.pathname);
        run(query);
      });
    })
    .catch(function () {
      status.textContent = 'The search index could not be loaded.';
      nojs.hidden = false;
    });
})();
